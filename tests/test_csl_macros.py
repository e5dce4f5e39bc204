"""Macro calls written out in place (csl_macros.py) change nothing citeproc-py prints: varied
items formatted in many of the CSL repository's styles, with and without, byte for byte."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from citeproc import CitationStylesStyle
from lxml import etree

from scholarpage.render import citeproc_fixes
from scholarpage.render.bibliography import CITE_STYLES, style_path
from scholarpage.render.csl_macros import inline_macros

_CSL = "{http://purl.org/net/xbiblio/csl}"


def _names(*pairs):
    return [{"family": family, "given": given} for family, given in pairs]


ITEMS = [
    {"id": "a", "type": "article-journal", "title": "The effect of things on other things",
     "author": _names(("Smith", "John A."), ("Lee", "Min-jun"), ("García Márquez", "Gabriel")),
     "container-title": "Journal of Things", "volume": "12", "issue": "3", "page": "101-119",
     "issued": {"date-parts": [[2019, 5, 2]]}, "DOI": "10.1000/xyz.1"},
    {"id": "b", "type": "book", "title": "A book without authors", "editor": _names(("Dupont", "Marie")),
     "publisher": "Presses Universitaires", "publisher-place": "Paris", "edition": "2",
     "issued": {"date-parts": [[2001]]}},
    {"id": "c", "type": "chapter", "title": "A chapter", "author": _names(("Иванов", "Иван Петрович")),
     "container-title": "Собрание сочинений", "editor": _names(("Петров", "Пётр"), ("Сидоров", "С.")),
     "translator": _names(("Brown", "Ann")), "page": "5-25", "publisher": "Наука", "publisher-place": "Москва",
     "issued": {"date-parts": [[1987]]}, "language": "ru"},
    {"id": "d", "type": "thesis", "title": "On the study of theses", "author": _names(("王", "小明")),
     "publisher": "Peking University", "genre": "PhD thesis", "issued": {"date-parts": [[2015]]}},
    {"id": "e", "type": "legal_case", "title": "Brown v. Board of Education", "authority": "Supreme Court",
     "container-title": "U.S.", "volume": "347", "page": "483", "issued": {"date-parts": [[1954, 5, 17]]}},
    {"id": "f", "type": "webpage", "title": "A web page", "container-title": "Example Site",
     "URL": "https://example.org/page?x=1&y=2", "accessed": {"date-parts": [[2024, 1, 31]]},
     "issued": {"date-parts": [[2023, 12]]}},
    {"id": "g", "type": "article-newspaper", "title": "News without an author", "container-title": "The Daily",
     "issued": {"date-parts": [[2020, 7, 16]]}, "page": "A1"},
    {"id": "h", "type": "report", "title": "Annual report", "author": [{"literal": "World Health Organization"}],
     "publisher": "WHO", "number": "WHO/2020/1", "issued": {"date-parts": [[2020]]}},
    {"id": "i", "type": "article-journal", "title": "Many authors",
     "author": _names(*((f"Author{n}", "Q.") for n in range(9))), "container-title": "Big Science",
     "volume": "1", "page": "1-2", "issued": {"date-parts": [[2019]]}},
    {"id": "j", "type": "book", "title": "Particles", "author": [
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        {"family": "Gogh", "given": "Vincent", "dropping-particle": "van"}],
     "issued": {"date-parts": [[2019]]}, "publisher": "Kunst"},
    {"id": "k", "type": "paper-conference", "title": "A paper at a conference", "author": _names(("Kim", "Ji-woo")),
     "container-title": "Proceedings of the Conference", "event-title": "Conf 2018", "event-place": "Seoul",
     "page": "33-40", "issued": {"date-parts": [[2018, 6]]}},
    {"id": "l", "type": "article-journal", "title": "A range in one year", "author": _names(("Ng", "Wei")),
     "container-title": "Ranges", "issued": {"date-parts": [[2010, 3], [2010, 5]]}},
    {"id": "m", "type": "article-journal", "title": "No date at all", "author": _names(("أحمد", "محمد")),
     "container-title": "مجلة"},
    {"id": "n", "type": "book", "title": "Same author, same year", "author": _names(("Smith", "John A.")),
     "issued": {"date-parts": [[2019]]}, "publisher": "Press", "collection-title": "Series", "collection-number": "4"},
    {"id": "o", "type": "entry-encyclopedia", "title": "Entry", "container-title": "Encyclopedia",
     "issued": {"date-parts": [[2005]]}, "volume": "3", "number-of-volumes": "10"},
]


def _styles() -> list[str]:
    """The "Cite this article" styles, and a spread of the repository's independent styles."""
    folder = Path(style_path("apa")).parent
    independent = sorted(path for path in folder.glob("*.csl")
                         if b'rel="independent-parent"' not in path.read_bytes()[:6000])
    return [style_path(name) for name in CITE_STYLES.values()] + [str(p) for p in independent[::60]]


def _parsed(root: etree._Element) -> CitationStylesStyle:
    return CitationStylesStyle(io.BytesIO(etree.tostring(root)), validate=False)


def _formatted(style: CitationStylesStyle, items: list[dict]) -> str:
    try:
        return repr(citeproc_fixes.bibliography(style, items))
    except Exception as error:  # noqa: BLE001 - a failure is an outcome to compare too
        return f"raised {type(error).__name__}"


@pytest.mark.parametrize("path", _styles(), ids=lambda path: Path(path).stem)
def test_entries_are_byte_identical_with_macro_calls_written_out(path):
    original = etree.parse(path).getroot()
    written_out = etree.parse(path).getroot()
    count = inline_macros(written_out)
    if count == 0:
        pytest.skip("no macro call can be written out")
    original, written_out = _parsed(original), _parsed(written_out)
    printed, failed = 0, set()
    in_one_year = [item for item in ITEMS if item["id"] != "l"]  # see below
    for items in [[item] for item in ITEMS] + [ITEMS, in_one_year]:
        before, after = _formatted(original, items), _formatted(written_out, items)
        if before.startswith("raised") and after.startswith("[("):
            # citeproc-py fails on a date range within one year in a date reached through a macro
            # call (it joins the range with the calling text element, which cannot join): written
            # out, the date joins it itself. Where it prints an entry, the entry is the same.
            assert items[0]["id"] == "l" or len(items) > 1, items[0]["id"]
            continue
        assert after == before, (items[0]["id"] if len(items) == 1 else len(items))
        printed += before.startswith("[(")
        if not before.startswith("[("):
            failed.add(items[0]["id"] if len(items) == 1 else "all" if items is ITEMS else "all but l")
    if path in [style_path(name) for name in CITE_STYLES.values()]:
        # the comparison is of formatted entries, not of failures (citeproc-py fails on the
        # range, and in Chicago on the encyclopedia entry with its number of volumes)
        assert failed <= {"l", "o", "all", "all but l"} and printed >= len(ITEMS) - 1
    elif not printed:
        pytest.skip("citeproc-py formats none of the items in this style, written out or not")


def test_the_cite_this_styles_have_their_macro_calls_written_out():
    for name in CITE_STYLES.values():
        root = etree.parse(style_path(name)).getroot()
        calls = len(root.findall(f".//{_CSL}layout//{_CSL}text[@macro]"))
        assert inline_macros(root) >= calls // 2
