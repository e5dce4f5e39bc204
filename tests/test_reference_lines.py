"""Reference lists copied with line breaks inside entries are rejoined, never split or refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scholarpage.cli import main
from scholarpage.errors import SourceError
from scholarpage.importer.ojs_page import read_page
from scholarpage.importer.page_import import import_bytes
from scholarpage.importer.reference_lines import entries

# case → (the list as copied, the references a reader sees in it)
CASES = {
    "PDF line breaks inside entries": (
        "Smith, J. (2019). A title of\nthe work. Journal of Things, 4(2), 5-14.\nJones, K. (2020). Another. Press.",
        ["Smith, J. (2019). A title of the work. Journal of Things, 4(2), 5-14.", "Jones, K. (2020). Another. Press."]),
    "a page range split after its dash": (
        "Nurvitadhi, E. et al. Can FPGAs beat GPUs? In Proc. FPGA, 2017, pp. 5-\n14.\nDavies, M. Loihi. 2018.",
        ["Nurvitadhi, E. et al. Can FPGAs beat GPUs? In Proc. FPGA, 2017, pp. 5-14.", "Davies, M. Loihi. 2018."]),
    "a page range split over two paragraphs": (
        "Nurvitadhi, E. et al. Can FPGAs beat GPUs? 2017, pp. 5-\n\n14.\n\nDavies, M. Loihi. 2018.",
        ["Nurvitadhi, E. et al. Can FPGAs beat GPUs? 2017, pp. 5-14.", "Davies, M. Loihi. 2018."]),
    "a URL split after a slash": (
        "Anh Vu. Title. The SaigonTime, 2025. https://thesaigontimes.vn/mo-hinh/\nsan-giao-dich/.\nBao X. Other. 2021.",
        ["Anh Vu. Title. The SaigonTime, 2025. https://thesaigontimes.vn/mo-hinh/san-giao-dich/.",
         "Bao X. Other. 2021."]),
    "a URL split after a hyphen": (
        "WIPO. Report. 2009. https://www.wipo.int/meetings/en/doc-\ndetails.jsp?id=1.\nXu R. Inquiry. 2019.",
        ["WIPO. Report. 2009. https://www.wipo.int/meetings/en/doc-details.jsp?id=1.", "Xu R. Inquiry. 2019."]),
    "a word hyphenated at the line end": (
        "Chen, Y. Eyeriss: an energy-\nefficient accelerator. IEEE JSSC, 2017.\nKung, H. T. Why systolic? 1982.",
        ["Chen, Y. Eyeriss: an energy-efficient accelerator. IEEE JSSC, 2017.", "Kung, H. T. Why systolic? 1982."]),
    "a numbered list with wrapped entries": (
        "1. Smith, A. Title one. 2001.\n2. Jones, B. Title\ntwo continued. 2002.\n3. Three, C. Title. 2003.",
        ["Smith, A. Title one. 2001.", "Jones, B. Title two continued. 2002.", "Three, C. Title. 2003."]),
    "a bracket-numbered list with a wrapped number": (
        "[1] Ketterhagen, W. R. Process modeling, J. Pharm. Sci. 98,\n442 (2009).\n[2] Hancock, B. C. Powders. 2010.",
        ["Ketterhagen, W. R. Process modeling, J. Pharm. Sci. 98, 442 (2009).", "Hancock, B. C. Powders. 2010."]),
    "a numbered list where a line starts with a non-sequential number": (
        "1. Smith, A. Collected works, vol.\n12. Springer, 2001.\n2. Jones, B. Title. 2002.",
        ["Smith, A. Collected works, vol. 12. Springer, 2001.", "Jones, B. Title. 2002."]),
    "an unnumbered list, one entry per line": (
        "Becker, G. 1964. Human Capital. Chicago.\nDrahos, P. 1996. A Philosophy of IP. London.",
        ["Becker, G. 1964. Human Capital. Chicago.", "Drahos, P. 1996. A Philosophy of IP. London."]),
    "a hanging indent": (
        "Smith, J. 2019. A long title that\n    Wraps Onto the Next Line. Press.\nJones, K. 2020. Another. Press.",
        ["Smith, J. 2019. A long title that Wraps Onto the Next Line. Press.", "Jones, K. 2020. Another. Press."]),
    "entries separated by blank lines, broken inside": (
        "Smith, J. 2019. A title\nThe Subtitle. Press.\n\nJones, K. 2020. Another. Press.",
        ["Smith, J. 2019. A title The Subtitle. Press.", "Jones, K. 2020. Another. Press."]),
    "an entry that starts with a name particle is an entry": (
        "Smith, J. 2019. Title. Press.\nvan Dijk, T. 2020. News as Discourse. Erlbaum.",
        ["Smith, J. 2019. Title. Press.", "van Dijk, T. 2020. News as Discourse. Erlbaum."]),
    "a line ending in a comma goes on": (
        "Gorton, G., Metrick, A.,\nSecuritization. Elsevier, 2013.\nHaaranen, T. Ways. 2011.",
        ["Gorton, G., Metrick, A., Securitization. Elsevier, 2013.", "Haaranen, T. Ways. 2011."]),
    "the reading platform's link labels are no references": (
        "1. Smith, A. Title. 2001.\n    View in Google Scholar\n2. Jones, B. Title. 2002.\nCrossref",
        ["Smith, A. Title. 2001.", "Jones, B. Title. 2002."]),
}


@pytest.mark.parametrize("copied, expected", CASES.values(), ids=CASES.keys())
def test_a_copied_list_is_rejoined_into_its_references(copied: str, expected: list[str]) -> None:
    assert [entry.text for entry in entries(copied.splitlines())] == expected


def test_each_reference_starts_on_its_first_line() -> None:
    copied = "Smith, J. A title of\nthe work. 2019.\n\nJones, K. Another. 2020."
    assert [entry.line for entry in entries(copied.splitlines(), first_line=10)] == [10, 13]


def test_one_unreadable_fragment_is_left_out_and_reported_with_its_line(tmp_path: Path, capsys) -> None:
    page = tmp_path / "refs.txt"
    page.write_text("Becker, Gary S. 1964. Human Capital. New York: Columbia University Press.\n"
                    "Drahos, Peter. 1996. A Philosophy of Intellectual Property. London: Routledge.\n"
                    "Smith\n"
                    "North, Douglass. 1990. Institutions. Cambridge: Cambridge University Press.\n", encoding="utf-8")
    assert main(["import", str(page), "--out", str(tmp_path)]) == 0
    assert "refs.txt:3: left out, too little to read as a reference: 'Smith'" in capsys.readouterr().out
    bib = (tmp_path / "references.bib").read_text(encoding="utf-8")
    assert bib.count("@") == 3 and "Institutions" in bib


def test_a_pdf_page_number_between_two_references_is_left_out_with_its_line() -> None:
    copied = ("Becker, Gary S. 1964. Human Capital. New York: Columbia University Press.\n"
              "14\n"
              "Drahos, Peter. 1996. A Philosophy of Intellectual Property. London: Routledge.\n")
    result = import_bytes(copied.encode(), "refs.txt")
    assert [r.text for r in result.references] == copied.splitlines()[::2]
    assert "refs.txt:2: left out, too little to read as a reference: '14'" in [str(f) for f in result.findings]


def test_a_list_copied_from_a_pdf_imports_without_refusal() -> None:
    copied = ("References\n"
              "1. Awotar, M. & Sungkur, R. K. (2018). Optimization of Software Testing. Procedia Computer\n"
              "Science, 132, 1804–\n1814.\n"
              "2. Quadri, S.M.K. & Farooq, S. U. (2010). Software Testing – Goals, Principles, and Limitations.\n"
              "International Journal of Computer Applications, 6(9), 7-\n10.\n")
    result = import_bytes(copied.encode(), "refs.txt")
    assert [(r.first_page, r.last_page) for r in result.references] == [("1804", "1814"), ("7", "10")]
    assert not any("left out" in str(f) for f in result.findings)


def test_ten_thousand_lines_that_go_on_from_each_other_are_rejoined_in_linear_time() -> None:
    lines = ["and so the line went on without an end of any kind"] * 10_000
    start = time.perf_counter()
    assert len(entries(lines)) == 1
    assert time.perf_counter() - start < 5


# --- no input makes the importer raise anything but a located SourceError, or hang ----------------------
LABELS = ["References", "Referências", "Bibliografia", "Abstract", "Resumo", "Published", "Submitted", "DOI:",
          "Keywords:", "Vol. 1 No. 2 (2020)", "How to Cite", "Downloads", "View in Google Scholar", "Section",
          "1.", "[2]", "pp. 5-", "14.", "https://doi.org/10.1/x-", "# Title", "* [Home](https://x.org/) /", "---"]
TAGS = ["<div class='item references'>", "</div>", "<section class='item abstract'>", "</section>", "<br>", "<p>",
        "</p>", "<ol>", "<li>", "</li>", "<h2 class='label'>", "</h2>", "<div id='articleCitations'>",
        "<meta name='citation_reference' content='x'>", "<meta name='citation_title' content='T'>", "<script>",
        "<!-- c -->", "<h4>Referências</h4>", "<strong>Bibliografia</strong>"]


def _import_quietly(data: bytes) -> None:
    start = time.perf_counter()
    try:
        import_bytes(data, "page.txt")
    except SourceError as error:  # bad input: located problems, no traceback
        assert error.problems and all(str(p) for p in error.problems)
    assert time.perf_counter() - start < 5


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LABELS), st.text(max_size=80)), max_size=40))
def test_random_text_with_labels_never_raises_or_hangs(parts: list[str]) -> None:
    _import_quietly("\n".join(parts).encode("utf-8", "surrogatepass").decode("utf-8", "ignore").encode())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(LABELS), st.text(max_size=40)), max_size=50))
def test_random_html_fragments_never_raise_or_hang(parts: list[str]) -> None:
    html = "<!DOCTYPE html><html><head></head><body>" + "".join(parts) + "</body></html>"
    _import_quietly(html.encode("utf-8", "ignore"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LABELS), st.text(alphabet=st.characters(codec="utf-8",
                                                                                exclude_categories=["Cs"]),
                                                                max_size=60)), max_size=30),
       st.integers(min_value=0, max_value=5))
def test_any_broken_lines_rejoin_into_text_the_lines_hold(lines: list[str], cut: int) -> None:
    """Rejoining invents nothing: every piece of every reference is in the copied lines."""
    squashed = "".join("".join(lines).split())
    for entry in entries(lines):
        assert entry.text == " ".join(entry.text.split()) and entry.text
        assert all(word in squashed for word in entry.text.split())
    assert read_page("\n".join(lines[cut:]), is_html=False) is not None
