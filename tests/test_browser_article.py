"""What a reader does on the seed article page, in Chromium (issue 2's browser checks)."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(seed_site, serve) -> str:
    return serve(seed_site)


def _box(page, selector: str) -> dict:
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }")


def test_deep_link_shows_reference_17_highlighted_below_the_header(page_at, site_url):
    page = page_at(site_url + "#ref-17")
    page.wait_for_timeout(300)
    header_bottom = page.eval_on_selector(".md-header", "e => e.getBoundingClientRect().bottom")
    reference = _box(page, "li:has(> #ref-17)")
    assert reference["top"] >= header_bottom, "reference 17 starts under the sticky header"
    assert reference["bottom"] <= page.viewport_size["height"], "reference 17 is cut off at the bottom"
    highlighted = page.eval_on_selector("li:has(> #ref-17)", "e => getComputedStyle(e).backgroundColor")
    neighbour = page.eval_on_selector("li:has(> #ref-18)", "e => getComputedStyle(e).backgroundColor")
    assert highlighted != neighbour
    assert page.inner_text("#ref-17").startswith("Gorton Gary, Andrew Metrick")


def test_key_anchor_lands_on_the_same_reference(page_at, site_url, seed_site):
    html = (seed_site / "index.html").read_text(encoding="utf-8")
    key_id = re.search(r'<li id="(cite-[^"]+)" class="sp-ref"><h3 id="ref-17"', html).group(1)
    page = page_at(site_url + "#" + key_id)
    page.wait_for_timeout(300)
    header_bottom = page.eval_on_selector(".md-header", "e => e.getBoundingClientRect().bottom")
    assert _box(page, f"#{key_id}")["top"] >= header_bottom
    assert page.eval_on_selector(f"#{key_id}", "e => e.matches(':target')")


def test_copy_link_puts_the_reference_url_on_the_clipboard(page_at, site_url):
    page = page_at(site_url)
    button = page.locator("li:has(> #ref-17) .sp-ref__copy", has_text="Copy link")
    assert button.get_attribute("aria-label") == "Copy link to reference 17"
    button.click()
    page.wait_for_timeout(300)
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "#ref-17"


def test_every_reference_has_copy_buttons_that_say_which_reference_they_copy(page_at, site_url):
    from conftest import ROOT
    from scholarpage.sources.bibtex import load_references

    page = page_at(site_url)
    rows = page.eval_on_selector_all("ol.sp-reflist > li", """items => items.map(item => [...item.querySelectorAll(
        'button')].map(b => [b.textContent, b.getAttribute('aria-label'), b.getAttribute('data-clipboard-text'),
        b.getAttribute('data-clipboard-target'), b.getAttribute('data-bibtex-index')]))""")
    assert len(rows) == len(load_references(ROOT / "references.bib"))
    for number, buttons in enumerate(rows, start=1):
        assert buttons == [
            ["Copy link", f"Copy link to reference {number}", f"{site_url}#ref-{number}", None, None],
            ["Copy citation", f"Copy citation of reference {number}", None, f"#ref-{number}", None],
            ["Copy BibTeX", f"Copy BibTeX of reference {number}", None, None, str(number - 1)],
        ]


def test_copy_link_gives_the_canonical_address_when_the_site_has_one(browser, subpath_site, serve):
    from conftest import SUBPATH_URL

    page = browser.new_page()
    page.goto(serve(subpath_site) + "some-article/")
    button = page.locator("button[aria-label='Copy link to reference 17']")
    assert button.get_attribute("data-clipboard-text") == SUBPATH_URL + "#ref-17"
    page.close()


def test_without_a_script_the_page_shows_no_dead_copy_buttons(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    assert page.locator("li:has(> #ref-17) a.sp-ref__scholar").is_visible()
    assert page.locator("ol.sp-reflist button").count() == 0
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_nothing_scrolls_sideways_on_a_phone(page_at, site_url, scheme):
    page = page_at(site_url, width=390, scheme=scheme)
    page.wait_for_timeout(300)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_the_page_requests_nothing_from_other_hosts(browser, site_url):
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.close()
    assert requested and all(url.startswith(site_url.rstrip("/")) for url in requested), requested


PAGE_BUDGET = 105 * 1024  # the seed page and everything it loads, gzipped, with Material's stylesheets whole


def test_everything_the_article_page_loads_fits_the_105_kb_budget(browser, site_url, seed_site):
    """HTML, CSS, JavaScript (the search box's small script included), favicon: each file
    gzipped at level 9, as `benchmarks/build_speed.py` counts them. Search fetches nothing
    until the reader opens it (Pagefind's files are counted by `benchmarks/search_index.py`)."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    context.close()
    paths = {urlsplit(url).path.removeprefix(urlsplit(site_url).path) for url in requested}
    files = [seed_site / (path + "index.html" if path.endswith("/") or not path else path) for path in paths]
    assert seed_site / "assets/scholarpage/search.js" in files
    assert not [f for f in files if "pagefind" in f.parts or "search_index.json" in f.name or "workers" in f.parts]
    sizes = {f.relative_to(seed_site).as_posix(): len(gzip.compress(f.read_bytes(), 9)) for f in files}
    assert sum(sizes.values()) <= PAGE_BUDGET, sizes


def test_copy_bibtex_puts_that_references_entry_on_the_clipboard(page_at, site_url):
    from scholarpage.sources.bibtex import parse_references

    page = page_at(site_url)
    page.locator("button[aria-label='Copy BibTeX of reference 17']").click()
    page.wait_for_selector(".md-dialog--active", timeout=5000)
    assert page.inner_text(".md-dialog__inner") == "Copied to clipboard"
    copied = page.evaluate("navigator.clipboard.readText()")
    (reference,) = parse_references(copied)
    assert reference.key == "gorton2013securitization"
    assert reference.text.startswith("Gorton Gary, Andrew Metrick, “Chapter 1: Securitization,”")
    assert reference.doi == "10.1016/B978-0-44-453594-8.00001-X"


def test_copy_citation_puts_the_reference_exactly_as_shown_on_the_clipboard(page_at, site_url):
    from scholarpage.sources.bibtex import load_references
    from conftest import ROOT

    page = page_at(site_url)
    page.locator("button[aria-label='Copy citation of reference 17']").click()
    page.wait_for_timeout(300)
    assert page.evaluate("navigator.clipboard.readText()") == load_references(ROOT / "references.bib")[16].text


def test_on_a_polish_site_the_reference_tools_and_their_feedback_speak_polish(page_at, serve, tmp_path):
    """theme.language: pl — the controls the script makes carry the page's words (labels.py),
    and the copy feedback is Material's own Polish."""
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  language: en\n", "  language: pl\n"), "utf-8")
    assert build_site(project, tmp_path / "site").returncode == 0
    page = page_at(serve(tmp_path / "site"))
    buttons = page.eval_on_selector_all("li:has(> #ref-17) button",
                                        "bs => bs.map(b => [b.textContent, b.getAttribute('aria-label')])")
    assert buttons == [["Kopiuj link", "Kopiuj link do pozycji 17"], ["Kopiuj opis", "Kopiuj opis pozycji 17"],
                       ["Kopiuj BibTeX", "Kopiuj BibTeX pozycji 17"]]
    page.locator("button[aria-label='Kopiuj BibTeX pozycji 17']").click()
    page.wait_for_selector(".md-dialog--active", timeout=5000)
    assert page.inner_text(".md-dialog__inner") == "Skopiowano do schowka"
    assert page.locator(".sp-cite-this__tools button").first.inner_text() == "Kopiuj opis w stylu APA"
