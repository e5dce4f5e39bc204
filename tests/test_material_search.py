"""Material's search indexer made linear in the number of references: every page is cut into
the same search sections as Material's own parser cuts it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as material_search

from scholarpage.material_search import install, linear_parser, sections

MATERIALS_PARSER = material_search.Parser
LINEAR = linear_parser(MATERIALS_PARSER)

_TEXT = st.text(alphabet="ab <&\n", min_size=0, max_size=4).map(lambda t: t.replace("<", "&lt;"))


def _element(children: st.SearchStrategy) -> st.SearchStrategy:
    heading = st.builds(lambda level, has_id, text: f"<h{level}{' id=h' + text.strip() if has_id else ''}>{text}</h{level}>",
                        st.integers(1, 6), st.booleans(), st.text(alphabet="xyz ", max_size=3))
    wrapper = st.builds(lambda tag, inner, excluded: f"<{tag}{' data-search-exclude' if excluded else ''}>{''.join(inner)}</{tag}>",
                        st.sampled_from(["div", "section", "ol", "li", "ul", "p", "aside", "code", "em", "pre"]),
                        st.lists(children, max_size=4), st.booleans())
    return st.one_of(heading, wrapper, _TEXT)


PAGES = st.lists(st.recursive(_TEXT, _element, max_leaves=30), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(PAGES)
def test_any_page_is_cut_into_the_same_sections_as_by_materials_parser(page):
    assert _outcome(LINEAR, page) == _outcome(MATERIALS_PARSER, page)


def _outcome(parser: type, page: str) -> list[tuple] | str:
    """The sections, or the error: Material's parser fails on some nestings of an excluded
    element in one of the same tag (`<ol data-search-exclude><ol></ol></ol>`), and the linear
    one must fail alike."""
    try:
        return sections(parser, page)
    except ValueError as error:
        return repr(error)


def test_the_seed_article_page_is_cut_into_the_same_sections(seed_site):
    page = (seed_site / "index.html").read_text("utf-8")
    article = re.search(r"<article.*?</article>", page, re.S)[0]
    linear = sections(LINEAR, article)
    assert linear == sections(MATERIALS_PARSER, article)
    assert sum(1 for tag, id_, *_ in linear if id_ and id_.startswith("ref-")) == 62


def test_a_long_reference_list_is_cut_the_same_way():
    items = "".join(f'<li id="cite-k{n}"><h3 id="ref-{n}">Author{n}, Title {n}</h3><p>tools</p></li>'
                    for n in range(1, 1501))
    page = f'<h1 id="t">T</h1><h2 id="references">References</h2><ol>{items}</ol><p>after</p>'
    assert sections(LINEAR, page) == sections(MATERIALS_PARSER, page)


def test_installed_only_where_it_cuts_a_page_as_materials_parser_does(monkeypatch):
    monkeypatch.setattr(material_search, "Parser", MATERIALS_PARSER)
    assert install()
    assert material_search.Parser.scholarpage_linear
    assert install()  # a second build in the same process (mkdocs serve) keeps the one installed

    class ChangedParser(MATERIALS_PARSER):
        """A later Material that stays in a nested heading's section after its element closes."""

        def handle_endtag(self, tag):
            if self.context and self.context[-1] == tag and self.section.depth > len(self.context):
                self.context.pop()
                return
            super().handle_endtag(tag)

    monkeypatch.setattr(material_search, "Parser", ChangedParser)
    assert not install()
    assert material_search.Parser is ChangedParser


@pytest.mark.parametrize("count", [1, 3])
def test_a_heading_in_a_list_item_gets_its_own_search_section(count):
    items = "".join(f'<li><h3 id="ref-{n}">Ref {n}</h3></li>' for n in range(count))
    cut = sections(LINEAR, f'<h2 id="r">R</h2><ol>{items}</ol><p>tail</p>')
    # Material opens a section without an id for a page that starts below h1.
    assert [id_ for _, id_, *_ in cut] == [None, "r", *(f"ref-{n}" for n in range(count))]
    assert cut[1][4].endswith("<p>tail</p>")  # text after the list belongs to the enclosing section
