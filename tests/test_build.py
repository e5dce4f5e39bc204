"""`mkdocs build --strict` of the seed and of the fixture: the whole site from the two sources."""

from __future__ import annotations

import re

import lxml.html
import pytest

from conftest import FIXTURES, ROOT, build_site, copy_project, house_style
from scholarpage.render.anchors import key_anchor
from scholarpage.sources.bibtex import load_references


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixture-site")
    result = build_site(FIXTURES / "small", out)
    assert result.returncode == 0, result.stderr
    return out


def _page(folder, path="index.html"):
    return lxml.html.fromstring((folder / path).read_bytes())


def test_seed_site_lists_all_62_references_in_source_order(seed_site):
    page = _page(seed_site)
    items = page.cssselect("ol.sp-reflist > li")
    references = load_references(ROOT / "references.bib")
    assert len(items) == len(references) == 62
    assert [li.get("id") for li in items] == [key_anchor(r.key) for r in references]
    assert [li.cssselect("h3")[0].get("id") for li in items] == [f"ref-{n}" for n in range(1, 63)]
    assert [li.cssselect("h3")[0].text_content() for li in items] == [r.text for r in references]


def test_seed_page_shows_the_article_facts(seed_site):
    page = _page(seed_site)
    assert page.cssselect("h1")[0].text_content().startswith("Peeling the Onion Skins")
    doi = page.cssselect(".sp-fact--doi a")[0]
    assert doi.get("href") == doi.text_content() == "https://doi.org/10.36128/fqs4kd68"
    facts = {dt.text_content(): dd.text_content() for dt, dd in zip(page.cssselect(".sp-facts dt"), page.cssselect(".sp-facts dd"), strict=True)}
    assert facts["Submitted"] == "6 December 2025" and facts["Published"] == "19 February 2026"
    assert facts["Journal"] == "Prawo i Więź" and facts["Issue"] == "Vol. 60 No. 1 (2026)"
    abstract = " ".join(p.text_content() for p in page.cssselect(".sp-abstract p"))
    assert abstract.startswith("The rise of the knowledge economy") and abstract.endswith("market liquidity.")


def test_dois_urls_and_scholar_links_of_the_seed_references(seed_site):
    page = _page(seed_site)
    ref3 = page.get_element_by_id("ref-3").getparent()
    links = {a.text_content(): a.get("href") for a in ref3.cssselect("a")}
    assert links["10.13580/j.cnki.fstc.2021.11.021"] == "https://doi.org/10.13580/j.cnki.fstc.2021.11.021"
    scholar = ref3.cssselect("a.sp-ref__scholar")[0]
    assert scholar.get("href").startswith("https://scholar.google.com/scholar_lookup?title=Intellectual+Property+Securitization")
    assert scholar.get("aria-label") == "Google Scholar: reference 3"
    ref22 = page.get_element_by_id("ref-22").getparent()  # printed without a scheme
    assert [a.get("href") for a in ref22.cssselect("h3 a")] == ["https://www.IFC.org/MSMEFinance"]
    for anchor in page.cssselect("ol.sp-reflist a"):
        assert re.search(r"reference \d+", anchor.get("aria-label") or ""), anchor.text_content()


def test_foreign_titles_carry_their_language(seed_site):
    page = _page(seed_site)
    marked = page.get_element_by_id("ref-2").cssselect("[lang]")
    assert marked and marked[0].get("lang") == "vi"
    assert marked[0].text_content().startswith("Mô hình hoạt động")


def test_citations_on_a_hand_written_page_link_to_their_references(fixture_site):
    notes = _page(fixture_site, "notes/index.html")
    links = [(a.text_content(), a.get("href")) for a in notes.cssselect("a.sp-cite__link")]
    assert links == [
        ("1", "../#cite-smith2020markup"),
        ("3, p. 33", "../#cite-gorton2013chapter"),
        ("2", "../#cite-oecd2021sme"),
        ("12", "../#cite-key-3a-with-2e-colon"),
        ("12", "../#cite-key-3a-with-2e-colon"),
    ]
    assert "[@smith2020markup] and @smith2020markup stay" in notes.cssselect("pre")[0].text_content()
    assert notes.cssselect("p code")[0].text_content() == "[@oecd2021sme]"
    assert notes.cssselect("a.sp-cite__link")[0].get("title") == "On <tags> & *stars* in _titles_ [and] brackets | pipes"


def test_an_unknown_citation_key_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "p", FIXTURES / "small/article.yml", FIXTURES / "small/references.bib")
    (project / "docs/about.md").write_text("# About\n\nSee [@nosuchkey].\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/about.md:3: citation key 'nosuchkey' is not in the references" in result.stderr


def test_every_reference_link_says_which_reference_it_belongs_to(fixture_site):
    page = _page(fixture_site)
    for number, item in enumerate(page.cssselect("ol.sp-reflist > li"), start=1):
        for control in item.cssselect("a, button"):
            name = control.get("aria-label") or ""
            assert control.text_content() in name and f"reference {number}" in name, name


def test_every_seed_url_and_doi_is_linked_exactly_as_printed(seed_site):
    page = _page(seed_site)
    for number, reference in enumerate(load_references(ROOT / "references.bib"), start=1):
        hrefs = [a.get("href") for a in page.get_element_by_id(f"ref-{number}").cssselect("a")]
        if reference.url:
            assert reference.url.split("://")[-1] in reference.text, reference.key
            assert any(href.split("://")[-1] == reference.url.split("://")[-1] for href in hrefs), reference.key
        if reference.doi:
            assert f"https://doi.org/{reference.doi}" in hrefs, reference.key


def test_search_records_hold_each_reference_once_and_no_button_or_tab_labels(seed_site):
    """Pagefind's records of the article page (issue 15): title and abstract read back from the
    built page, the references as the render showed them."""
    from scholarpage.adapter.search_index import article_records
    from scholarpage.render.article_page import shown_references

    references = load_references(ROOT / "references.bib")
    records = article_records((seed_site / "index.html").read_text("utf-8"), shown_references(references), "")
    refs = [record for record in records if record["kind"] == "reference"]
    assert [record["url"] for record in refs] == [f"/#ref-{n}" for n in range(1, 63)]
    assert [record["title"] for record in refs] == [r.text for r in references]
    assert [record["kind"] for record in records[:2]] == ["title", "abstract"]
    assert records[0]["url"] == "/#article-title" and records[1]["url"] == "/#abstract"
    indexed = " ".join(record["content"] for record in records)
    for label in ("Google Scholar", "Copy link", "Copy citation", "Copy BibTeX", "Vancouver", "Copy APA citation", "¶"):
        assert label not in indexed
    for record, reference in zip(refs, references, strict=True):
        if reference.doi:
            assert reference.doi in record["content"], reference.key


def test_the_built_site_holds_the_pagefind_bundle_and_no_lunr_index(seed_site):
    bundle = seed_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert list((bundle / "index").glob("*.pf_index")) and list((bundle / "fragment").glob("*.pf_fragment"))
    assert not (bundle / "pagefind-ui.js").exists(), "Pagefind's ready-made interfaces are not published"
    # Written whole (the Python API could end Pagefind's process while it was still writing).
    import gzip

    entry = (bundle / "pagefind-entry.json").read_text("utf-8")
    for wasm in bundle.glob("wasm.*.pagefind"):
        assert gzip.decompress(wasm.read_bytes()).startswith(b"pagefind_dcd"), wasm.name
    assert re.search(r"export\{[^}]*\};?\s*$", (bundle / "pagefind.js").read_text("utf-8"))
    assert '"page_count"' in entry
    assert not (seed_site / "search" / "search_index.json").exists()
    assert "assets/scholarpage/search.js" in (seed_site / "index.html").read_text("utf-8")


def _config_with(project, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")


def test_search_false_turns_the_search_off(tmp_path):
    project = copy_project(tmp_path / "project")
    _config_with(project, "      style: apa", "      style: apa\n      search: false")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "pagefind").exists()
    page = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "search.js" not in page and "search.css" not in page


def test_with_materials_search_still_listed_search_is_left_to_it(tmp_path):
    project = copy_project(tmp_path / "project")
    _config_with(project, "plugins:\n", "plugins:\n  - search\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "search is left to it" in result.stderr
    assert not (tmp_path / "site" / "pagefind").exists()
    assert (tmp_path / "site" / "search" / "search_index.json").exists()
    assert "assets/scholarpage/search.js" not in (tmp_path / "site" / "index.html").read_text("utf-8")


# --- "Cite this article": the styles a journal chooses --------------------------------------------

def _cite_tabs(site) -> list[tuple[str, str]]:
    page = _page(site)
    labels = [label.text_content() for label in page.cssselect(".sp-cite-this .tabbed-labels label")]
    texts = [p.text_content() for p in page.cssselect(".sp-cite-this .sp-cite-this__text")]
    return list(zip(labels, texts, strict=True))


def test_cite_styles_choose_the_tabs_and_their_order(tmp_path):
    """A Brazilian journal shows ABNT first and a house style second, under its own labels."""
    project = copy_project(tmp_path / "project")
    (project / "house.csl").write_text(house_style("HOUSE"), "utf-8")
    _config_with(project, "      style: apa", "      style: apa\n      cite_styles:\n"
                 "        ABNT: associacao-brasileira-de-normas-tecnicas\n        Nossa casa: house.csl")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    (abnt_label, abnt), (house_label, house) = _cite_tabs(tmp_path / "site")
    assert (abnt_label, house_label) == ("ABNT", "Nossa casa")
    assert "Prawo i Więź" in abnt and "2026" in abnt and abnt != house, abnt
    assert house.startswith("HOUSE Peeling the Onion Skins"), house


def test_no_cite_styles_means_no_cite_this_section(tmp_path):
    project = copy_project(tmp_path / "project")
    _config_with(project, "      style: apa", "      style: apa\n      cite_styles: {}")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = _page(tmp_path / "site")
    assert not page.cssselect(".sp-cite-this")
    assert "Cite this article" not in page.text_content()
    assert len(page.cssselect("ol.sp-reflist > li")) == 62
