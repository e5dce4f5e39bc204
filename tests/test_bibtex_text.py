"""TeX in .bib fields: decoding is exact, and the writer's encoding round-trips any text."""

from __future__ import annotations

import re

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from scholarpage.sources.bibtex import parse_references
from scholarpage.sources.tex import decode_latex, encode_latex, encode_verbatim
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


@pytest.mark.parametrize(("tex", "text"), [
    # Zotero's stock exporter writes <, > and | as these macros.
    (r"Effect size p {\textless} 0.05 and n {\textgreater} 30 and a {\textbar} b",
     "Effect size p < 0.05 and n > 30 and a | b"),
    (r"\mbox{M}ixed and \mbox{ISO 9001} and \hbox{box}", "Mixed and ISO 9001 and box"),
    (r"Typesetting with \LaTeX{} and \TeX{} in \BibTeX", "Typesetting with LaTeX and TeX in BibTeX"),
    (r"{\noopsort{a}}First with noopsort", "First with noopsort"),
    (r"\foreignlanguage{russian}{Привет} and \S~3", "Привет and § 3"),
    (r"\glqq Zitat\grqq{} and \flqq citation\frqq", "„Zitat“ and «citation»"),
    (r"Vi\d{\^e}t and \h{a} and a\textperiodcentered b", "Việt and ả and a·b"),
    # Math is shown as a reader sees it, not as TeX source (Better BibTeX writes {$<$}).
    (r"$\alpha$-Synuclein aggregation in {Parkinson}'s disease", "α-Synuclein aggregation in Parkinson's disease"),
    (r"Better BibTeX less-than p {$<$} 0.05", "Better BibTeX less-than p < 0.05"),
])
def test_macros_reference_managers_write_are_read_as_text(tex, text):
    assert parse_references("@misc{k, title = {" + tex + "}}")[0].title == text


@pytest.mark.parametrize(("url", "read"), [
    (r"https://example.com/~user/a\_b.html", "https://example.com/~user/a_b.html"),
    (r"http://example.com/{\~{}}user/page.html", "http://example.com/~user/page.html"),  # Mendeley
    (r"\url{https://example.com/~user/a_b}", "https://example.com/~user/a_b"),
    (r"https://x.org/a\%20b\#frag", "https://x.org/a%20b#frag"),
])
def test_a_url_keeps_its_tilde_when_it_holds_an_escape(url, read):
    assert parse_references("@online{k, title = {T}, url = {" + url + "}}")[0].url == read


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "S"]), min_size=1))
def test_any_url_written_by_the_exporter_reads_back_exactly(url):
    source = "@online{k, title = {T}, url = {" + encode_verbatim(url) + "}}"
    assert parse_references(source)[0].url == url
