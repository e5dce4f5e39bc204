"""Downloads re-read by independent readers: pybtex (+ latexcodec) for BibTeX, rispy for RIS,
jsonschema with a CSL-JSON schema for CSL-JSON (tests/csl-data.schema.json: a hand-written
subset of the official csl-data.json, which no installed package ships)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import jsonschema
import latexcodec  # noqa: F401 (registers the "ulatex" codec)
import pybtex.database
import pytest
import rispy

from scholarpage.sources.article_yml import load_article
from scholarpage.sources.bibtex import load_references
from scholarpage.metadata.downloads import ARTICLE_FILES, REFERENCE_FILES, article_reference, downloads
from scholarpage.model import Person, Reference, named

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = load_article(ROOT / "article.yml")
PAGE = "https://journal.example.org/peeling/"
SEED = load_references(ROOT / "references.bib")
STRUCTURED = (
    Reference(key="smith2020", kind="article-journal", title="Patents & royalties: 50% of <value>",
              authors=(Person("Smith", "Jane Q."), Person("Nguyễn", "Văn An"), Person(literal="World Bank")),
              container="Journal of Structured Finance", volume="12", issue="3", pages="45–67", year="2020",
              doi="10.1000/xyz_123", url="https://example.org/a?b=1&c=2"),
    Reference(key="drahos1996", kind="book", title="A Philosophy of Intellectual Property",
              authors=(Person("Drahos", "Peter"),), publisher="Routledge", place="London", year="1996"),
    # CSL `number` (a report's own number) and `accessed` (when a web page was seen).
    Reference(key="WB2021", kind="report", title="Doing Business", authors=(Person(literal="World Bank"),),
              issue="WP-17", year="2021"),
    Reference(key="page2024", kind="webpage", title="A page", url="https://example.org/p", accessed="2024-01-05"),
)
REFERENCES = SEED + STRUCTURED
FILES = downloads(ARTICLE, REFERENCES, PAGE)
OWN = article_reference(ARTICLE, PAGE)


def _tex(value: str) -> str:
    return codecs.decode(value, "ulatex").replace("{", "").replace("}", "")


def _names(persons) -> list[str]:
    def given(p):
        return _tex(" ".join(p.first_names + p.middle_names))
    return [_tex(" ".join(p.prelast_names + p.last_names)) + (", " + given(p) if given(p) else "") for p in persons]


@pytest.mark.parametrize("name", [ARTICLE_FILES["bib"], REFERENCE_FILES["bib"]])
def test_bibtex_reads_back_with_pybtex(name):
    expected = [OWN] if name == ARTICLE_FILES["bib"] else REFERENCES
    entries = pybtex.database.parse_string(FILES[name], "bibtex").entries
    assert list(entries) == [ref.key for ref in expected]
    for ref in expected:
        entry = entries[ref.key]
        fields = {key.lower(): _tex(value) for key, value in entry.fields.items()}
        for field, value in (("title", ref.title), ("formatted", ref.text)):
            if not set("{}\\") & set(value):  # latexcodec cannot decode escaped braces/backslashes
                assert fields.get(field, "") == value, (ref.key, field)
        for field, value in (("doi", ref.doi), ("url", ref.url)):  # BibLaTeX verbatim fields: no TeX decoding
            if not set("{}\\") & set(value):
                assert entry.fields.get(field, "") == value, (ref.key, field)
        assert (fields.get("volume", ""), fields.get("number", ""), fields.get("year", "")) == (ref.volume, ref.issue, ref.year)
        assert _names(entry.persons.get("author", [])) == [p.inverted for p in ref.authors]


def test_article_bibtex_has_the_article_fields():
    entry = pybtex.database.parse_string(FILES[ARTICLE_FILES["bib"]], "bibtex").entries[OWN.key]
    assert entry.type == "article"
    assert _tex(entry.fields["journaltitle"]) == "Prawo i Więź"
    assert _tex(entry.fields["abstract"]) == " ".join(ARTICLE.abstract)


@pytest.mark.parametrize("name", [ARTICLE_FILES["ris"], REFERENCE_FILES["ris"]])
def test_ris_reads_back_with_rispy(name):
    expected = [OWN] if name == ARTICLE_FILES["ris"] else REFERENCES
    records = rispy.loads(FILES[name])
    assert [r["id"] for r in records] == [ref.key for ref in expected]
    for record, ref in zip(records, expected, strict=True):
        assert record.get("title", "") == ref.title
        assert record.get("authors", []) == [p.literal or p.inverted for p in named(ref.authors)]  # no "others"
        assert record.get("doi", "") == ref.doi
        assert record.get("urls", [""])[0] == ref.url
        assert record.get("secondary_title", "") == ref.container
        assert record.get("year", "") == ref.year
        if ref.text:
            assert ref.text in record["notes"]
    article = rispy.loads(FILES[ARTICLE_FILES["ris"]])[0]
    assert (article["type_of_reference"], article["volume"], article["number"], article["date"]) == (
        "JOUR", "60", "1", "2026/02/19/")


@pytest.mark.parametrize("name", [ARTICLE_FILES["json"], REFERENCE_FILES["json"]])
def test_csl_json_is_valid(name):
    schema = json.loads((Path(__file__).parent / "csl-data.schema.json").read_text("utf-8"))
    items = json.loads(FILES[name])
    jsonschema.validate(items, schema)
    expected = [OWN] if name == ARTICLE_FILES["json"] else REFERENCES
    assert [(i["id"], i["type"], i.get("title", ""), i.get("DOI", "")) for i in items] == [
        (r.key, r.kind, r.title, r.doi) for r in expected]
    assert all(i["note"] == r.text for i, r in zip(items, expected, strict=True) if r.text)


def test_downloads_are_the_six_files():
    assert sorted(FILES) == sorted([*ARTICLE_FILES.values(), *REFERENCE_FILES.values()])


def test_a_keyword_with_a_comma_is_one_ris_keyword():
    """article.yml's keywords are a list: "Law, Polish" is one keyword, not RIS's "Law" and "Polish"."""
    from dataclasses import replace

    article = replace(ARTICLE, keywords=("Law, Polish", "知识产权", "x; y"))
    files = downloads(article, (), PAGE)
    assert rispy.loads(files[ARTICLE_FILES["ris"]])[0]["keywords"] == ["Law, Polish", "知识产权", "x; y"]
    assert json.loads(files[ARTICLE_FILES["json"]])[0]["keyword"] == "Law, Polish, 知识产权, x; y"
    entry = pybtex.database.parse_string(files[ARTICLE_FILES["bib"]], "bibtex").entries[OWN.key]
    assert entry.fields["keywords"] == "Law, Polish, 知识产权, x; y"


def test_isbn_and_issn_as_zotero_writes_them_reach_every_export():
    """A reference manager's `isbn` and `issn` are what Zotero and library catalogues match books
    and journals by: no download or indexer tag may drop them."""
    from scholarpage.metadata.head_tags import citation_reference
    from scholarpage.metadata.jsonld import cited_work
    from scholarpage.sources.bibtex import parse_references

    book, chapter, article = parse_references(
        "@book{Drahos1996,\n  title = {A Philosophy of Intellectual Property},\n  author = {Drahos, Peter},\n"
        "  publisher = {Dartmouth},\n  year = {1996},\n  isbn = {978-1-85521-240-7},\n}\n"
        "@incollection{Lemley2005,\n  title = {Property, Intellectual Property, and Free Riding},\n"
        "  author = {Lemley, Mark A.},\n  booktitle = {Intellectual Property},\n  year = {2005},\n"
        "  isbn = {0-19-926-}, publisher = {OUP},\n}\n"
        "@article{Merges1994,\n  title = {Of Property Rules},\n  author = {Merges, Robert P.},\n"
        "  journaltitle = {Columbia Law Review},\n  year = {1994},\n  issn = {0010-1958},\n}\n")
    files = downloads(ARTICLE, (book, chapter, article), PAGE)

    entries = pybtex.database.parse_string(files[REFERENCE_FILES["bib"]], "bibtex").entries
    assert (entries["Drahos1996"].fields["isbn"], entries["Merges1994"].fields["issn"]) == (
        "978-1-85521-240-7", "0010-1958")
    records = {record["id"]: record for record in rispy.loads(files[REFERENCE_FILES["ris"]])}
    assert (records["Drahos1996"]["issn"], records["Merges1994"]["issn"]) == ("978-1-85521-240-7", "0010-1958")
    items = {item["id"]: item for item in json.loads(files[REFERENCE_FILES["json"]])}
    assert (items["Drahos1996"]["ISBN"], items["Merges1994"]["ISSN"]) == ("978-1-85521-240-7", "0010-1958")

    assert cited_work(book)["isbn"] == "978-1-85521-240-7"
    assert cited_work(chapter)["isPartOf"] == {"@type": "Book", "name": "Intellectual Property", "isbn": "0-19-926-"}
    assert cited_work(article)["isPartOf"] == {"@type": "Periodical", "name": "Columbia Law Review",
                                               "issn": "0010-1958"}
    assert "citation_isbn=978-1-85521-240-7" in citation_reference(book)
    assert "citation_issn=0010-1958" in citation_reference(article)


def test_a_translator_is_printed_and_exported():
    """Zotero's `translator` field: "(B. Fowkes, Trans.)" in APA, RIS A4 as Zotero writes it."""
    from scholarpage.render.bibliography import format_references, plain_text
    from scholarpage.sources.bibtex import parse_references

    (book,) = parse_references("@book{Marx1976,\n  author = {Marx, Karl},\n  translator = {Fowkes, Ben},\n"
                               "  title = {Capital},\n  publisher = {Penguin},\n  year = {1976},\n}\n")
    assert plain_text(format_references([book], "apa")["Marx1976"]) == "Marx, K. (1976). Capital (B. Fowkes, Trans.). Penguin."
    files = downloads(ARTICLE, (book,), PAGE)
    entry = pybtex.database.parse_string(files[REFERENCE_FILES["bib"]], "bibtex").entries["Marx1976"]
    assert _tex(entry.fields["translator"]) == "Fowkes, Ben"  # pybtex parses names of author and editor only
    assert rispy.loads(files[REFERENCE_FILES["ris"]])[0]["subsidiary_authors"] == ["Fowkes, Ben"]
    assert json.loads(files[REFERENCE_FILES["json"]])[0]["translator"] == [{"family": "Fowkes", "given": "Ben"}]


def test_software_and_its_version_reach_every_export():
    from scholarpage.sources.bibtex import parse_references

    (program,) = parse_references("@software{R2023,\n  author = {{R Core Team}},\n  title = {R},\n"
                                  "  year = {2023},\n  version = {4.3.1},\n}\n")
    files = downloads(ARTICLE, (program,), PAGE)
    entry = pybtex.database.parse_string(files[REFERENCE_FILES["bib"]], "bibtex").entries["R2023"]
    assert (entry.type, entry.fields["version"]) == ("software", "4.3.1")
    record = rispy.loads(files[REFERENCE_FILES["ris"]])[0]
    assert (record["type_of_reference"], record["edition"]) == ("COMP", "4.3.1")
    item = json.loads(files[REFERENCE_FILES["json"]])[0]
    assert (item["type"], item["version"]) == ("software", "4.3.1")
