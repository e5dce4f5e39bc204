"""TeX in .bib fields: decoding is exact, and the writer's encoding round-trips any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from scholarpage.sources.bibtex import decode_latex, encode_latex, parse_references
from scholarpage.sources.reading import CONTROL


@settings(max_examples=500, deadline=None)
@given(st.text().map(lambda text: CONTROL.sub("", text)))
def test_any_text_written_as_a_field_reads_back_exactly(text):
    """Any text (control characters are not text: a source holding one is refused)."""
    expected = re.sub(r"\s+", " ", text).strip()
    source = "@misc{k, title = {" + encode_latex(text) + "}, formatted = {" + encode_latex(text) + "}}\n"
    if expected:
        reference = parse_references(source)[0]
        assert reference.title == reference.text == expected


TOKENS = [*"ab -`'?!&%.,{}_#\t\n\u00a0\u3000", "\\&", "\\%", "\\_", "\\#", "\\$", "\\\\"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=20).map("".join))
def test_the_fast_path_decodes_like_pylatexenc(text):
    protected = re.sub(r"(?<!\\)([&%])", r"\\\1", text)
    assert decode_latex(text) == re.sub(r"\s+", " ", LatexNodes2Text(math_mode="verbatim").latex_to_text(protected)).strip()


def test_tex_accents_braces_and_bare_specials():
    reference = parse_references(
        r"@book{k, title = {Caf{\'e} {\"o} \& Co., 9,3% of SMEs: {OECD} Policy}, url = {https://x.org/a_b?c=1&d=~u%20}}"
    )[0]
    assert reference.title == "Café ö & Co., 9,3% of SMEs: OECD Policy"
    assert reference.url == "https://x.org/a_b?c=1&d=~u%20"
