"""The built seed page's head, read by independent extractors (lxml, extruct, pyld) and checked
against article.yml and all references."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import extruct
import pytest
from lxml import html as lxml_html
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pyld import jsonld

from scholarpage.sources.article_yml import load_article
from scholarpage.sources.bibtex import load_references

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://journal.example.org/peeling/"
ARTICLE = load_article(ROOT / "article.yml")
REFERENCES = load_references(ROOT / "references.bib")

#: Every schema.org type and property the JSON-LD may use (checked by hand against schema.org).
SCHEMA_ORG_TERMS = {
    "ScholarlyArticle", "Article", "NewsArticle", "Book", "Chapter", "Thesis", "Report", "WebPage",
    "CreativeWork", "Dataset", "Periodical", "PublicationVolume", "PublicationIssue", "Organization", "Person",
    "PropertyValue", "headline", "name", "author", "datePublished", "dateCreated", "abstract",
    "inLanguage", "keywords", "url", "pageStart", "pageEnd", "license", "isPartOf", "citation",
    "identifier", "sameAs", "issueNumber", "volumeNumber", "issn", "publisher", "alternateName",
    "affiliation", "familyName", "givenName", "propertyID", "value",
}


@pytest.fixture(scope="session")
def page(tmp_path_factory) -> lxml_html.HtmlElement:
    """The seed article page built with a site_url (mkdocs' Python API, strict)."""
    site = tmp_path_factory.mktemp("site")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), site_url=SITE_URL, strict=True)
    build(config)
    return (site / "index.html").read_text("utf-8")


@pytest.fixture(scope="session")
def dev_page(tmp_path_factory) -> str:
    """The seed page built without site_url, as `mkdocs build --strict` does in development."""
    site = tmp_path_factory.mktemp("devsite")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, check=True)
    return (site / "index.html").read_text("utf-8")


def metas(source: str, key: str = "name") -> list[tuple[str, str]]:
    head = lxml_html.fromstring(source).find("head")
    return [(m.get(key), m.get("content")) for m in head.iter("meta") if m.get(key)]


def values(source: str, name: str, key: str = "name") -> list[str]:
    return [content for tag, content in metas(source, key) if tag == name]


def test_highwire_tags_match_article_yml(page):
    expected = {
        "citation_title": [ARTICLE.full_title],
        "citation_publication_date": ["2026/02/19"],
        "citation_online_date": ["2026/02/19"],
        "citation_journal_title": ["Prawo i Więź"],
        "citation_volume": ["60"],
        "citation_issue": ["1"],
        "citation_doi": ["10.36128/fqs4kd68"],
        "citation_language": ["en"],
        "citation_abstract": ["\n\n".join(ARTICLE.abstract)],
        "citation_abstract_html_url": [SITE_URL],
    }
    found = {name: values(page, name) for name in expected}
    assert found == expected


def test_highwire_leaves_out_what_the_sources_lack(page):
    names = {name for name, _ in metas(page) if name.startswith("citation_")}
    absent = {"citation_author", "citation_author_institution", "citation_issn", "citation_firstpage",
              "citation_lastpage", "citation_publisher", "citation_pdf_url", "citation_keywords"}
    assert names & absent == set()
    assert all(content.strip() for _, content in metas(page) + metas(page, "property"))


def test_one_citation_reference_per_reference_in_order(page):
    assert len(REFERENCES) == 62
    emitted = values(page, "citation_reference")
    assert len(emitted) == 62
    # Checked by hand against the seed page's references 3, 17 and 45.
    assert emitted[2] == (
        "citation_title=Intellectual Property Securitization in the Chinese Context: Policy Background, "
        "International Comparison, and Model Exploration; citation_author=Bao, Xinzhong; "
        "citation_author=Chen, Baitong; citation_author=Xu, Kun; "
        "citation_journal_title=Forum on Science and Technology in China; citation_issue=11; "
        "citation_firstpage=176; citation_lastpage=188; citation_publication_date=2021; "
        "citation_doi=10.13580/j.cnki.fstc.2021.11.021"
    )
    assert emitted[16] == (
        "citation_title=Chapter 1: Securitization; citation_author=Gorton, Gary; citation_author=Metrick, Andrew; "
        "citation_volume=2; citation_firstpage=1; citation_lastpage=70; citation_publication_date=2013; "
        "citation_doi=10.1016/B978-0-44-453594-8.00001-X"
    )
    assert emitted[44] == (
        "citation_title=The Alchemy of Asset Securitization; citation_author=Schwarcz, Steven L.; "
        "citation_journal_title=Stanford Journal of Law. Business & Finance; citation_volume=1; "
        "citation_firstpage=133; citation_lastpage=154; citation_publication_date=1994"
    )
    for value, ref in zip(emitted, REFERENCES, strict=True):
        assert value.startswith(f"citation_title={ref.title}; ") if ref.title else value == ref.text
        assert (f"citation_doi={ref.doi}" in value) == bool(ref.doi)


def test_dublin_core(page):
    head = lxml_html.fromstring(page).find("head")
    assert [link.get("href") for link in head.iter("link") if link.get("rel") == "schema.DC"] == [
        "http://purl.org/dc/elements/1.1/"]
    dc = [(name, content) for name, content in metas(page) if name.startswith("DC.")]
    assert dc == [
        ("DC.Title", ARTICLE.full_title),
        ("DC.Date.dateSubmitted", "2025-12-06"),
        ("DC.Date.issued", "2026-02-19"),
        ("DC.Identifier.DOI", "10.36128/fqs4kd68"),
        ("DC.Identifier.URI", SITE_URL),
        ("DC.Source", "Prawo i Więź"),
        ("DC.Source.Volume", "60"),
        ("DC.Source.Issue", "1"),
        ("DC.Language", "en"),
        ("DC.Description", "\n\n".join(ARTICLE.abstract)),
        ("DC.Type", "Text.Serial.Journal"),
    ]


def test_open_graph_and_twitter_card_with_extruct(page):
    data = extruct.extract(page, base_url=SITE_URL, syntaxes=["opengraph"], uniform=False)
    properties = dict(data["opengraph"][0]["properties"])
    assert properties == {
        "og:type": "article",
        "og:title": ARTICLE.full_title,
        "og:description": "\n\n".join(ARTICLE.abstract),
        "og:url": SITE_URL,
        "og:site_name": "Prawo i Więź",
        "og:locale": "en_US",
        "article:published_time": "2026-02-19",
        "article:section": "Articles",
    }
    assert values(page, "twitter:card") == ["summary"]
    assert values(page, "twitter:title") == [ARTICLE.full_title]


def test_one_canonical_link(page):
    head = lxml_html.fromstring(page).find("head")
    assert [link.get("href") for link in head.iter("link") if link.get("rel") == "canonical"] == [SITE_URL]


def test_without_site_url_no_relative_urls_are_emitted(dev_page):
    head = lxml_html.fromstring(dev_page).find("head")
    assert [link for link in head.iter("link") if link.get("rel") == "canonical"] == []
    assert values(dev_page, "og:url", "property") == []
    assert values(dev_page, "citation_abstract_html_url") == []
    assert values(dev_page, "citation_title") == [ARTICLE.full_title]


def _jsonld(page: str) -> dict:
    [data] = extruct.extract(page, base_url=SITE_URL, syntaxes=["json-ld"])["json-ld"]
    return data


def test_json_ld_scholarly_article(page):
    data = _jsonld(page)
    citations = data.pop("citation")
    assert data == {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": ARTICLE.full_title,
        "name": ARTICLE.full_title,
        "datePublished": "2026-02-19",
        "dateCreated": "2025-12-06",
        "abstract": "\n\n".join(ARTICLE.abstract),
        "inLanguage": "en",
        "url": SITE_URL,
        "isPartOf": {"@type": "PublicationIssue", "issueNumber": "1", "isPartOf": {
            "@type": "PublicationVolume", "volumeNumber": "60", "isPartOf": {
                "@type": "Periodical", "name": "Prawo i Więź"}}},
        "identifier": {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.36128/fqs4kd68"},
        "sameAs": "https://doi.org/10.36128/fqs4kd68",
    }
    assert [c["name"] for c in citations] == [ref.title or ref.text for ref in REFERENCES]
    assert [c.get("url", "") for c in citations] == [
        f"https://doi.org/{ref.doi}" if ref.doi else ref.url for ref in REFERENCES]
    assert [c.get("identifier", {}).get("value", "") for c in citations] == [ref.doi for ref in REFERENCES]


def _offline_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}
    raise AssertionError(f"pyld tried to fetch {url}")


def test_json_ld_expands_and_uses_only_schema_org_terms(page):
    data = _jsonld(page)
    expanded = jsonld.expand(data, {"documentLoader": _offline_loader})
    assert expanded, "expansion dropped everything"
    used: set[str] = set()

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@type":
                    used.update(value)
                elif not key.startswith("@"):
                    used.add(key)
                walk(value)

    walk(expanded)
    assert all(term.startswith("https://schema.org/") for term in used)
    assert {term.removeprefix("https://schema.org/") for term in used} <= SCHEMA_ORG_TERMS


def test_no_coins_spans(page):
    assert "Z3988" not in page


def test_downloads_are_linked_and_written(page):
    body = lxml_html.fromstring(page)
    hrefs = [a.get("href") for a in body.cssselect(".sp-downloads a")]
    assert hrefs == ["article.bib", "article.ris", "article.json", "references.bib", "references.ris", "references.json"]


def test_the_reference_list_download_holds_the_references_in_the_pages_order(seed_site):
    """Copy BibTeX copies the Nth entry of references.bib for reference N."""
    from scholarpage.sources.bibtex import parse_references

    downloaded = parse_references((seed_site / "references.bib").read_text("utf-8"))
    assert [ref.key for ref in downloaded] == [ref.key for ref in REFERENCES]
    body = lxml_html.fromstring((seed_site / "index.html").read_text("utf-8"))
    assert body.cssselect("ol.sp-reflist")[0].get("data-bibtex") == "references.bib"
    for item in body.cssselect("li.sp-ref"):
        assert item.cssselect(".sp-ref__tools")[0].get("data-search-exclude") is not None


def test_cite_this_has_six_styles_whose_copy_buttons_the_script_makes(page):
    """The HTML carries each style's text to copy; the buttons exist only when the script runs
    (issue 14, item 4: no dead buttons without scripts; tests/test_browser_look.py clicks them)."""
    body = lxml_html.fromstring(page)
    labels = [label.text for label in body.cssselect(".sp-cite-this .tabbed-labels label")]
    assert labels == ["APA", "Chicago", "MLA", "Harvard", "IEEE", "Vancouver"]
    assert body.cssselect(".sp-cite-this button") == []
    texts = body.cssselect(".sp-cite-this__text")
    assert [t.get("data-copy-label") for t in texts] == [f"Copy {label} citation" for label in labels]
    assert [t.get("data-copy-text") for t in texts] == [" ".join(t.text_content().split()) for t in texts]


def test_a_semicolon_in_a_reference_cannot_forge_a_structured_field():
    from scholarpage.metadata.head_tags import citation_reference
    from scholarpage.model import Reference

    forged = citation_reference(Reference(key="k", title="Risk; citation_doi=10.9/forged", year="2020"))
    assert forged == "citation_title=Risk, citation_doi=10.9/forged; citation_publication_date=2020"


# BibLaTeX dates as reference managers export them, and the date each machine-read field gives.
_DATES = [
    # (year, date) → (JSON-LD datePublished, Highwire/Scholar/RIS year)
    (("2020a", ""), ("2020", "2020")),  # a year told apart by a letter (author-year styles)
    (("2020", "2020-05/2021-06"), ("2020-05", "2020")),  # a range: its start
    (("", "c. 1650"), ("", "")),  # no ISO form: left out, never printed as a date
    (("2020", "2020-21"), ("2020", "2020")),  # an EDTF season
    (("2020", "2020?"), ("2020", "2020")),  # EDTF uncertain
    (("850", ""), ("0850", "850")),
    (("1887", "1887"), ("1887", "1887")),
]


@pytest.mark.parametrize(("source", "expected"), _DATES)
def test_reference_dates_are_read_by_machines_as_dates(source, expected):
    """schema.org's datePublished is an ISO 8601 Date, and Google Scholar's citation_publication_date
    and publication_year and RIS's PY a year: "2020a" or "2020-05/2021-06" are neither."""
    import rispy

    from scholarpage.metadata.downloads import to_ris
    from scholarpage.metadata.head_tags import citation_reference
    from scholarpage.metadata.jsonld import cited_work
    from scholarpage.metadata.scholar_links import scholar_url
    from scholarpage.model import Reference

    year, date = source
    reference = Reference(key="k", title="T", year=year, date=date)
    iso, number = expected
    assert cited_work(reference).get("datePublished", "") == iso
    assert ("; citation_publication_date=" + number if number else "") in citation_reference(reference)
    assert citation_reference(reference).count("citation_publication_date") == bool(number)
    assert ("publication_year=" + number in scholar_url(reference)) == bool(number)
    assert rispy.loads(to_ris([reference]))[0].get("year", "") == number


@pytest.mark.parametrize(("language", "locale"), [
    ("en", "en_US"), ("pl", "pl_PL"), ("pt-BR", "pt_BR"), ("zh-tw", "zh_TW"), ("vi", "vi_VN"), ("uk", "uk_UA"),
    ("sw", ""),  # a language the table does not know: no og:locale rather than one in the wrong form
])
def test_og_locale_is_language_and_territory_as_open_graph_reads_it(language, locale):
    from scholarpage.metadata.head_tags import og_locale

    assert og_locale(language) == locale
