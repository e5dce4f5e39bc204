"""article.yml validation: any edit an editor can make ends in an Article or located problems.

The schema is checked by jsonschema-rs (fast yes/no on every build) and explained by jsonschema
(the reference implementation) only when there is a problem; these tests hold the two together.
"""

from __future__ import annotations

import copy

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from scholarpage.sources.article_yml import _LOADER, parse_article, schema
from scholarpage.errors import SourceError
from scholarpage.model import Article

VALID = yaml.load((ROOT / "tests/fixtures/small/article.yml").read_text("utf-8"), Loader=_LOADER)

# Where an editor can type: every top-level field, plus the nested ones with their own rules.
PLACES = [(key,) for key in schema()["properties"]] + [
    ("authors", 0, "orcid"), ("authors", 0, "email"), ("authors", 0, "family"), ("journal", "issn"),
    ("journal", "title"), ("dates", "submitted"), ("dates", "published"), ("license", "url"),
]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.dates().map(str), st.from_regex(r"\A10\.\d{4,9}/\S{1,10}\n?\Z"),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}\n?\Z"), st.sampled_from(["https://example.org/x", "0000-0002-1825-0097"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                             max_size=3), max_leaves=6)


def _edited(place: tuple, value) -> dict:
    data = copy.deepcopy(VALID)
    target = data
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value
    return data


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLACES), values)
def test_any_edit_gives_an_article_or_located_problems_never_a_crash(place, value):
    source = yaml.safe_dump(_edited(place, value), allow_unicode=True, sort_keys=False)
    try:
        article = parse_article(source)
    except SourceError as error:
        lines = str(error).splitlines()
        assert lines and all(line.startswith("article.yml:") for line in lines)
    else:
        assert isinstance(article, Article)
