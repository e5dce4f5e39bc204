"""Collection mode: the example journal (examples/journal) built with --strict, read as a reader,
an indexer and a feed reader would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import lxml.html
import pytest
import rispy
from bibtexparser import parse_string

from conftest import ROOT, build_site, tree_digest

EXAMPLE = ROOT / "examples" / "journal"
SITE_URL = "https://journal.example.org/sub/"
ARTICLES = sorted(p.name for p in (EXAMPLE / "articles").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def journal_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("journal-site")
    result = build_site(EXAMPLE, out, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return out


def _page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path / "index.html").read_text("utf-8"))


def _meta(page: lxml.html.HtmlElement, name: str) -> list[str]:
    return page.xpath(f"//meta[@name='{name}']/@content")


def _jsonld(page: lxml.html.HtmlElement) -> list[dict]:
    return [json.loads(text) for text in page.xpath("//script[@type='application/ld+json']/text()")]


def test_every_article_issue_and_listing_page_is_built(journal_site):
    for path in ["", "issues", "authors", "issues/vol-3-no-1", "issues/vol-3-no-2", *(f"articles/{a}" for a in ARTICLES)]:
        assert (journal_site / path / "index.html").is_file(), path


def test_the_home_page_shows_the_newest_issue_with_its_articles(journal_site):
    home = _page(journal_site, "")
    assert home.xpath("string(//h1)") == "Journal of Open Scholarship Examples"
    current = home.xpath("string(//p[@class='sp-issue__label']/a)")
    assert current == "Vol. 3 No. 2 (2025): Open data, open science"
    titles = home.xpath("//a[@class='sp-toc__title']/text()")
    assert titles == ["FAIR in Practice: What Repositories Record About Their Data", "Does Open Access Raise Citations?"]
    assert "2999-0021" in home.text_content()


def test_an_issue_page_lists_its_articles_by_section_with_authors_pages_doi_and_pdf(journal_site):
    issue = _page(journal_site, "issues/vol-3-no-1")
    assert issue.xpath("//h3[@class='sp-toc__section']/text()") == ["Articles", "Review"]
    first = issue.xpath("//li[@class='sp-toc__article']")[0]
    assert first.xpath("string(a[@class='sp-toc__title'])") == "Securitising Patents: Cash Flows, Courts and the Limits of Collateral"
    assert first.xpath("string(span[@class='sp-toc__authors'])") == "Josiah Carberry, Zofia Nowak"
    facts = first.xpath("span[@class='sp-toc__facts']")[0]
    assert facts.xpath("string(span)") == "pp. 1–24"
    assert facts.xpath("a/@href") == ["https://doi.org/10.99999/jose.2025.001", "../../articles/securitising-patents/galley.pdf"]
    assert (journal_site / "articles/securitising-patents/galley.pdf").read_bytes().startswith(b"%PDF")
    # The Vietnamese title is marked with its language on an English journal page.
    assert issue.xpath("//a[@lang='vi']/text()")[0].startswith("Cho vay bảo đảm")


def test_links_from_home_to_issue_to_article_to_reference_resolve(journal_site):
    home = _page(journal_site, "")
    issue_href = home.xpath("//p[@class='sp-issue__label']/a/@href")[0]
    issue_path = (journal_site / issue_href).resolve()
    issue = lxml.html.fromstring((issue_path / "index.html").read_text("utf-8"))
    article_href = issue.xpath("//a[@class='sp-toc__title']/@href")[0]
    article = lxml.html.fromstring(((issue_path / article_href).resolve() / "index.html").read_text("utf-8"))
    assert article.xpath("//*[@id='ref-1']") and article.xpath("string(//h1)").startswith("FAIR in Practice")
    back = article.xpath("//div[contains(@class, 'sp-fact--journal')]//a/@href"
                         " | //div[contains(@class, 'sp-fact--issue')]//a/@href")
    assert [(issue_path / article_href / href).resolve() for href in back] == [journal_site.resolve(), issue_path]


def test_highwire_tags_only_on_article_pages(journal_site):
    for path in ["", "issues", "authors", "issues/vol-3-no-1", "about"]:
        assert not _meta(_page(journal_site, path), "citation_title"), path
    for article in ARTICLES:
        assert len(_meta(_page(journal_site, f"articles/{article}"), "citation_title")) == 1, article


def test_a_galley_in_the_article_folder_is_its_citation_pdf_url(journal_site):
    article = _page(journal_site, "articles/securitising-patents")
    assert _meta(article, "citation_pdf_url") == [SITE_URL + "articles/securitising-patents/galley.pdf"]
    assert not _meta(_page(journal_site, "articles/fair-data-repositories"), "citation_pdf_url")


def test_listing_pages_describe_the_periodical_and_its_issues_in_json_ld(journal_site):
    (home,) = _jsonld(_page(journal_site, ""))
    assert home["@type"] == "Periodical" and home["issn"] == ["2999-0013", "2999-0021"]
    assert [part["url"] for part in home["hasPart"]] == [SITE_URL + "issues/vol-3-no-2/", SITE_URL + "issues/vol-3-no-1/"]
    (issue,) = _jsonld(_page(journal_site, "issues/vol-3-no-1"))
    assert issue["@type"] == "PublicationIssue" and issue["issueNumber"] == "1"
    assert issue["isPartOf"]["@type"] == "PublicationVolume" and issue["isPartOf"]["isPartOf"]["@type"] == "Periodical"
    assert [p["url"] for p in issue["hasPart"]] == [SITE_URL + f"articles/{a}/" for a in (
        "securitising-patents", "ip-backed-lending-vietnam", "copyright-term-poland", "patent-pools-china")]


def test_each_article_names_its_issue_volume_and_journal(journal_site):
    (data,) = _jsonld(_page(journal_site, "articles/open-access-citations"))
    issue = data["isPartOf"]
    assert (issue["@type"], issue["issueNumber"]) == ("PublicationIssue", "2")
    assert (issue["isPartOf"]["@type"], issue["isPartOf"]["volumeNumber"]) == ("PublicationVolume", "3")
    assert issue["isPartOf"]["isPartOf"]["name"] == "Journal of Open Scholarship Examples"


def test_the_sitemap_dates_each_article_by_its_publication(journal_site):
    sitemap = lxml.etree.fromstring((journal_site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    dates = {url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
             for url in sitemap.findall("s:url", ns)}
    assert dates[SITE_URL + "articles/securitising-patents/"] == "2025-03-31"
    assert dates[SITE_URL + "articles/fair-data-repositories/"] == "2025-09-30"
    assert dates[SITE_URL + "issues/"] is None


def test_the_journal_and_each_issue_have_an_atom_feed_a_feed_reader_reads(journal_site):
    journal = feedparser.parse((journal_site / "feed.xml").read_bytes())
    assert not journal.bozo, journal.bozo_exception
    assert journal.feed.title == "Journal of Open Scholarship Examples"
    assert len(journal.entries) == 6
    assert journal.entries[0].link.startswith(SITE_URL + "articles/")
    assert journal.entries[0].published.startswith("2025-09-30")
    issue = feedparser.parse((journal_site / "issues/vol-3-no-1/feed.xml").read_bytes())
    assert not issue.bozo and issue.feed.title == "Journal of Open Scholarship Examples: Vol. 3 No. 1 (2025)"
    assert {entry.title for entry in issue.entries} >= {"Securitising Patents: Cash Flows, Courts and the Limits of Collateral"}
    assert len(issue.entries) == 4
    # An entry in another language than the journal's first says which (the page does too).
    languages = {entry.link.removeprefix(SITE_URL): entry.title_detail.language for entry in journal.entries}
    assert languages["articles/copyright-term-poland/"] == "pl"
    assert languages["articles/ip-backed-lending-vietnam/"] == "vi"
    assert languages["articles/securitising-patents/"] == "en"


def test_each_issue_offers_its_citations_as_bibtex_ris_and_csl_json(journal_site):
    folder = journal_site / "issues/vol-3-no-2"
    bib = parse_string((folder / "citations.bib").read_text("utf-8"))
    assert len(bib.entries) == 2 and not bib.failed_blocks
    ris = rispy.loads((folder / "citations.ris").read_text("utf-8"))
    assert [r["title"] for r in ris] == ["FAIR in Practice: What Repositories Record About Their Data",
                                         "Does Open Access Raise Citations?"]
    items = json.loads((folder / "citations.json").read_text("utf-8"))
    assert items[0]["URL"] == SITE_URL + "articles/fair-data-repositories/"


def test_in_text_citations_in_an_article_body_link_to_its_own_references(journal_site):
    article = _page(journal_site, "articles/securitising-patents")
    links = article.xpath("//a[@class='sp-cite__link']")
    assert [a.get("href") for a in links][:2] == ["./#cite-Landes2003", "./#cite-HallHarhoff2012"]
    assert links[0].text == "1, p. 294"
    ids = set(article.xpath("//@id"))
    assert all(a.get("href").removeprefix("./#") in ids for a in links)


def test_the_authors_index_lists_each_author_with_their_articles(journal_site):
    authors = _page(journal_site, "authors")
    names = authors.xpath("//dl[@class='sp-authors-index']/dt/text()")
    assert names[0] == "Carberry, Josiah" and "Wiśniewski, Łukasz" in names and "Nguyễn, Thị Minh Anh" in names
    assert names == sorted(names, key=str.casefold)


def _copy_example(tmp_path: Path) -> Path:
    project = Path(shutil.copytree(EXAMPLE, tmp_path / "journal", ignore=shutil.ignore_patterns(".cache")))
    return project


def _append(source: Path, text: str) -> int:
    """`text` added at the end of `source`; returns the number of its last line, where a problem
    with what was added is reported."""
    source.write_text(source.read_text("utf-8") + text, "utf-8")
    return len(source.read_text("utf-8").splitlines())


def test_moving_an_article_to_another_issue_keeps_its_address(tmp_path):
    project = _copy_example(tmp_path)
    source = project / "articles/patent-pools-china/article.yml"
    source.write_text(source.read_text("utf-8").replace("issue: 1", "issue: 2"), "utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    issue = _page(tmp_path / "site", "issues/vol-3-no-2")
    assert "../../articles/patent-pools-china/" in issue.xpath("//a[@class='sp-toc__title']/@href")


def test_every_problem_in_every_article_is_reported_at_once_with_its_file_and_line(tmp_path):
    project = _copy_example(tmp_path)
    (project / "articles/fair-data-repositories/article.yml").write_text("title: T\nyear: twenty\n", "utf-8")
    (project / "articles/open-access-citations/references.bib").write_text("@book{a,\n  title = {A},\n}\n@book{a,\n"
                                                                          "  title = {B},\n}\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], capture_output=True, text=True, cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "articles/fair-data-repositories/article.yml:2: year: expected integer, got str 'twenty'" in result.stderr
    assert "articles/open-access-citations/references.bib:4: key: duplicate key 'a'" in result.stderr


def test_an_article_in_another_language_than_the_journal_is_marked_with_its_own(journal_site):
    polish = _page(journal_site, "articles/copyright-term-poland")
    assert polish.xpath("//h1/@lang") == ["pl"]
    assert polish.xpath("//div[contains(@class, 'sp-abstract')]/@lang") == ["pl"]
    assert polish.xpath("string(//h2[@id='abstract'])").startswith("Abstract")  # the interface stays English
    assert not polish.xpath("//h2[@id='abstract']/ancestor-or-self::*[@lang='pl']")
    english = _page(journal_site, "articles/securitising-patents")
    assert english.xpath("//h1/@lang") == [] and english.xpath("//div[contains(@class, 'sp-abstract')]/@lang") == []


def _plan(project: Path, style: str = "apa"):
    from scholarpage.adapter.collection_site import plan_site
    from scholarpage.sources.collection import load_collection

    return plan_site(load_collection(project), "", style, str(project / "articles"))


def test_a_rebuild_in_serve_makes_again_only_the_article_that_changed_and_the_same_pages(tmp_path):
    """`mkdocs serve` builds the whole journal again on every save; the articles that did not
    change are not made again, and what comes out is what a fresh build makes."""
    from scholarpage.adapter import collection_site

    project = _copy_example(tmp_path)
    first = _plan(project)
    bib = project / "articles/fair-data-repositories/references.bib"
    bib.write_text(bib.read_text("utf-8").replace("and Stewardship", "and Zebras"), "utf-8")
    second = _plan(project)
    edited = "articles/fair-data-repositories/index.md"
    assert "zebras" not in first.markdown[edited].lower()
    assert "zebras" in second.markdown[edited].lower()
    articles = [page for page in first.articles if page != edited]
    assert len(articles) == len(ARTICLES) - 1
    assert all(second.markdown[page] is first.markdown[page] for page in articles)
    collection_site._MADE.clear()
    fresh = _plan(project)
    assert fresh.markdown == second.markdown and fresh.heads == second.heads and fresh.files == second.files


def test_editing_a_house_style_in_serve_formats_every_article_again(tmp_path):
    from scholarpage.render.bibliography import style_path

    project = _copy_example(tmp_path)
    house = project / "house.csl"
    shutil.copyfile(style_path("apa"), house)
    page = "articles/fair-data-repositories/index.md"
    first = _plan(project, str(house))
    shutil.copyfile(style_path("ieee"), house)
    second = _plan(project, str(house))
    assert "Wilkinson, M. D." in first.markdown[page]
    assert "M. D. Wilkinson" in second.markdown[page] and "Wilkinson, M. D." not in second.markdown[page]


def test_each_reference_is_found_in_search_with_the_text_its_page_shows(journal_site):
    """The search records of references come from the render, not from the built page: the
    text a result shows is the text of the reference on the page, formatted by CSL or printed,
    in every script of the example journal."""
    from scholarpage.render.article_page import shown_references
    from scholarpage.sources.bibtex import load_references

    for slug in ARTICLES:
        page = _page(journal_site, f"articles/{slug}")
        shown = [" ".join(h.text_content().split()) for h in page.xpath("//ol[contains(@class, 'sp-reflist')]/li/h3")]
        records = shown_references(load_references(EXAMPLE / "articles" / slug / "references.bib"))
        assert [anchor for anchor, _, _ in records] == page.xpath("//ol[contains(@class, 'sp-reflist')]/li/h3/@id")
        assert [text for _, _, text in records] == shown, slug


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_two_issues_that_would_share_an_address_are_refused_not_merged(tmp_path):
    """ "S1" and "s1", or one number in two years, made one page that silently dropped articles."""
    project = _copy_example(tmp_path)
    _edit(project / "articles/open-access-citations/article.yml", "issue: 2", "issue: S1")
    _edit(project / "articles/fair-data-repositories/article.yml", "issue: 2", "issue: s1")
    _edit(project / "articles/copyright-term-poland/article.yml", "year: 2025", "year: 2024")
    _edit(project / "issues.yml", "date: 2025-09-30", "date: 2025-02-30")
    (project / "articles/.ipynb_checkpoints").mkdir()  # a hidden folder is no article
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "issues/vol-3-no-s1/ of Vol. 3 No. s1 (2025)" in result.stderr
    assert "articles/copyright-term-poland/article.yml:8: issue: Vol. 3 No. 1 (2024) would have the address" in (
        result.stderr)
    assert "issues.yml:9: issues: no article is in volume 3, issue 2, year 2025" in result.stderr
    assert "issues.yml:13: date: '2025-02-30' is not a calendar date" in result.stderr
    assert ".ipynb_checkpoints" not in result.stderr


def test_a_body_that_is_not_utf8_is_a_located_problem(tmp_path):
    project = _copy_example(tmp_path)
    (project / "articles/securitising-patents/body.md").write_bytes(b"\xff\xfe x")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "articles/securitising-patents/body.md:1: not valid UTF-8 text" in result.stderr


EDITORIAL = """title: Editorial
authors:
  - family: Carberry
    given: Josiah
volume: 3
issue: 2
year: 2025
section: Editorial
pages: 99
language: en
"""


def test_an_editorial_without_references_is_an_article_without_a_reference_list(tmp_path):
    """Editorials and book reviews cite nothing: no references.bib, or one without entries."""
    project = _copy_example(tmp_path)
    for folder, bib in (("editorial", None), ("book-review", "% Exported by Zotero: nothing selected\n")):
        (project / "articles" / folder).mkdir()
        (project / "articles" / folder / "article.yml").write_text(EDITORIAL.replace("Editorial", folder), "utf-8")
        if bib is not None:
            (project / "articles" / folder / "references.bib").write_text(bib, "utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "articles/editorial: no references" in result.stderr
    for folder in ("editorial", "book-review"):
        page = _page(tmp_path / "site", f"articles/{folder}")
        assert page.xpath("string(//h1)") == folder
        assert not page.xpath("//h2[@id='references']") and not page.xpath("//ol[contains(@class, 'sp-reflist')]")
        assert not page.xpath("//a[@href='references.bib']") and page.xpath("//a[@href='article.bib']")
        assert not page.xpath("//meta[@name='citation_reference']")
        assert not (tmp_path / "site" / "articles" / folder / "references.bib").exists()
    issue = _page(tmp_path / "site", "issues/vol-3-no-2")
    assert "../../articles/editorial/" in issue.xpath("//a[@class='sp-toc__title']/@href")


def test_a_folder_whose_name_is_no_address_is_refused_with_a_name_to_use(tmp_path):
    project = _copy_example(tmp_path)
    shutil.move(project / "articles/fair-data-repositories", project / "articles/FAIR Data – Więź")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("articles/FAIR Data – Więź/: the folder's name is the article's address: use letters, digits, '-', '_' "
            "and '.' only (rename it, e.g. to 'fair-data-wiez')") in result.stderr


def test_two_articles_with_one_doi_are_refused(tmp_path):
    project = _copy_example(tmp_path)
    source = project / "articles/open-access-citations/article.yml"
    source.write_text(source.read_text("utf-8").replace("section: Articles\n", "section: Articles\ndoi: 10.1234/ABC\n"),
                      "utf-8")
    line = _append(project / "articles/patent-pools-china/article.yml", "doi: 10.1234/abc\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"articles/patent-pools-china/article.yml:{line}: doi: 10.1234/abc is also the DOI of "
            "articles/open-access-citations/") in result.stderr


@pytest.mark.parametrize("hand_written", ["issues.md", "issues/index.md", "issues/README.md", "authors/index.md",
                                          "feed.xml", "articles/securitising-patents/article.bib"])
def test_a_hand_written_file_where_a_generated_one_goes_stops_the_build_and_keeps_the_last_site(tmp_path,
                                                                                              hand_written):
    project = _copy_example(tmp_path)

    def hand_write() -> None:
        (project / "docs" / hand_written).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / hand_written).write_text("# Mine\n", "utf-8")

    result = _refused_keeping_the_last_site(project, tmp_path / "site", hand_write)
    assert f"docs/{hand_written}: the journal's site generates" in result.stderr


def test_an_unknown_citation_in_a_body_is_located_there_and_keeps_the_last_site(tmp_path):
    project = _copy_example(tmp_path)
    body = project / "articles/securitising-patents/body.md"
    result = _refused_keeping_the_last_site(project, tmp_path / "site",
                                            lambda: _append(body, "\nAs shown before [@NoSuchKey2020].\n"))
    line = len(body.read_text("utf-8").splitlines())
    assert (f"articles/securitising-patents/body.md:{line}: citation key 'NoSuchKey2020' is not in "
            "articles/securitising-patents/references.bib") in result.stderr


def _refused_keeping_the_last_site(project: Path, site: Path, change) -> subprocess.CompletedProcess[str]:
    """Build, make `change`, build again: the second build fails without a traceback and leaves
    the first build's site exactly as it was."""
    assert build_site(project, site).returncode == 0
    before = tree_digest(site)
    change()
    result = build_site(project, site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert tree_digest(site) == before
    return result


def _set_authors(source: Path, authors: str) -> None:
    """article.yml's `authors:` block replaced by `authors` (YAML lines, indented)."""
    text = source.read_text("utf-8")
    start, end = text.index("authors:"), text.index("\nvolume:")
    source.write_text(text[:start] + "authors:\n" + authors.rstrip("\n") + text[end:], "utf-8")


def test_an_issues_citation_files_give_each_article_its_own_key(tmp_path):
    """Two articles by one author in one issue: reference managers merge or refuse entries that share a key."""
    project = _copy_example(tmp_path)
    for slug in ("open-access-citations", "fair-data-repositories"):
        _set_authors(project / "articles" / slug / "article.yml", "  - family: Wiśniewski\n    given: Łukasz")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "site/issues/vol-3-no-2"
    keys = [entry.key for entry in parse_string((folder / "citations.bib").read_text("utf-8")).entries]
    assert sorted(keys) == ["wisniewski2025a", "wisniewski2025b"]
    ids = [item["id"] for item in json.loads((folder / "citations.json").read_text("utf-8"))]
    assert sorted(ids) == sorted(keys)


def test_a_mistake_in_journal_yml_is_reported_once_not_again_for_every_article(tmp_path):
    project = _copy_example(tmp_path)
    _edit(project / "journal.yml", "title: Journal of Open Scholarship Examples", "title: ''")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    located = [line for line in result.stderr.splitlines() if ".yml:" in line]
    assert len(located) == 1 and located[0].endswith("journal.yml:2: title: '' should be non-empty"), located


def test_feed_links_of_a_site_without_site_url_lead_to_the_articles(tmp_path):
    """Without site_url the feeds' links are relative; a feed reader resolves them against the
    feed's own address, so each must lead to an article page that was built."""
    project = _copy_example(tmp_path)
    result = build_site(project, tmp_path / "site", env={"SITE_URL": None})
    assert result.returncode == 0, result.stderr
    for feed in ("feed.xml", "issues/vol-3-no-1/feed.xml"):
        base = f"http://127.0.0.1:8000/sub/{feed}"
        parsed = feedparser.parse((tmp_path / "site" / feed).read_bytes(), response_headers={"content-location": base})
        links = [entry.link for entry in parsed.entries]
        assert links and all(link.startswith("http://127.0.0.1:8000/sub/articles/") for link in links), links
        for link in links:
            assert (tmp_path / "site" / link.removeprefix("http://127.0.0.1:8000/sub/") / "index.html").is_file(), link


def test_east_asian_names_read_family_first_and_one_orcid_is_one_author(tmp_path):
    """"王小明" as Chinese readers write it, in the byline, the feed and the index; one ORCID iD
    under two spellings ("Łukasz", "Lukasz") is one person in the index."""
    project = _copy_example(tmp_path)
    _set_authors(project / "articles/patent-pools-china/article.yml", "  - family: 王\n    given: 小明")
    for slug, given in (("open-access-citations", "Łukasz"), ("fair-data-repositories", "Lukasz")):
        _set_authors(project / "articles" / slug / "article.yml",
                     f"  - family: Nowak\n    given: {given}\n    orcid: 0000-0001-2345-6789")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = _page(tmp_path / "site", "articles/patent-pools-china")
    assert page.xpath("//span[@class='sp-author__name']/text()") == ["王小明"]
    names = _page(tmp_path / "site", "authors").xpath("//dl[@class='sp-authors-index']/dt/text()")
    assert "王小明" in names and "Nowak, Lukasz" in names and "Nowak, Łukasz" not in names  # as in the newest article
    nowak = _page(tmp_path / "site", "authors").xpath("//dt[.='Nowak, Lukasz']/following-sibling::*")
    assert [element.tag for element in nowak[:3]] == ["dd", "dd", "dt"]
    feed = feedparser.parse((tmp_path / "site" / "feed.xml").read_bytes())
    assert any(author.name == "王小明" for entry in feed.entries for author in entry.get("authors", []))


def test_a_galley_named_in_article_yml_but_missing_is_located_at_its_line(tmp_path):
    project = _copy_example(tmp_path)
    line = _append(project / "articles/open-access-citations/article.yml", "pdf: galley.pdf\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"articles/open-access-citations/article.yml:{line}: pdf: 'galley.pdf' is not in "
            "articles/open-access-citations/") in result.stderr


def test_a_publication_list_by_year_shows_its_latest_articles_not_a_current_issue(tmp_path):
    """A research group's list has no volumes or issues: its articles group by year."""
    project = _copy_example(tmp_path)
    for source in (project / "articles").glob("*/article.yml"):
        lines = source.read_text("utf-8").splitlines(keepends=True)
        source.write_text("".join(line for line in lines if not line.startswith(("volume:", "issue:"))), "utf-8")
    (project / "issues.yml").unlink()
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = _page(tmp_path / "site", "")
    assert home.xpath("//h2/text()")[0] == "Latest articles"
    assert home.xpath("string(//p[@class='sp-issue__label']/a)") == "2025"
    assert home.xpath("string(//p[@class='sp-more']/a[1])") == "All years"
    archive = _page(tmp_path / "site", "issues/")
    assert archive.xpath("//h2/text()") == ["Years"]


def test_a_citation_of_no_reference_in_a_body_is_reported_in_body_md_without_strict(tmp_path):
    project = _copy_example(tmp_path)
    body = project / "articles/securitising-patents/body.md"
    body.write_text(body.read_text("utf-8") + "\nAs shown before [@NoSuchKey2020].\n", "utf-8")
    result = build_site(project, tmp_path / "site", "--no-strict")
    assert result.returncode == 0, result.stderr
    assert ("articles/securitising-patents/body.md: citation key 'NoSuchKey2020' is not in the references"
            in result.stderr)


@pytest.mark.parametrize("name", ["journal.yaml", "Journal.yml"])
def test_a_misnamed_journal_yml_is_named_in_the_error(tmp_path, name):
    project = _copy_example(tmp_path)
    (project / "journal.yml").rename(project / name)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{name}: a journal's site reads journal.yml" in result.stderr
    assert "article.yml: file not found" not in result.stderr


def test_the_site_is_named_as_journal_yml_names_the_journal(tmp_path):
    """A title corrected in journal.yml only: the header and page titles follow journal.yml."""
    project = _copy_example(tmp_path)
    _edit(project / "journal.yml", "title: Journal of Open Scholarship Examples", "title: Journal of <Open> & Fair")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = _page(tmp_path / "site", "")
    assert home.xpath("string(//div[@class='md-header__topic']/span)").strip() == "Journal of <Open> & Fair"
    article = _page(tmp_path / "site", "articles/fair-data-repositories")
    assert article.xpath("string(//title)").endswith(" - Journal of <Open> & Fair")
