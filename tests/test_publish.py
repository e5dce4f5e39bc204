"""Publishing on GitHub Pages: crawl files, the 404 page, and a site served under a sub-path."""

from __future__ import annotations

import re
from urllib.parse import urldefrag
from xml.etree import ElementTree

import pytest

from conftest import ROOT, SUBPATH_URL

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def site(subpath_site):
    return subpath_site / "some-article"


def test_robots_txt_allows_every_crawler_and_names_the_sitemap(site):
    expected = f"User-agent: *\nAllow: /\n\nSitemap: {SUBPATH_URL}sitemap.xml\n"
    assert (site / "robots.txt").read_text(encoding="utf-8") == expected


def test_robots_txt_without_a_site_url_names_no_sitemap(seed_site):
    assert (seed_site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"


def test_sitemap_lists_the_article_with_its_publication_date_and_other_pages_undated(site):
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", SITEMAP_NS)
    entries = {url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext("s:lastmod", namespaces=SITEMAP_NS) for url in urls}
    assert entries == {SUBPATH_URL: "2026-02-19", SUBPATH_URL + "about/": None}


def test_the_404_page_links_home_with_absolute_urls_under_the_sub_path(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page not found</h1>" in html
    assert '<a href="/some-article/">Go to the home page</a>' in html
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets and all(href.startswith("/some-article/") for href in stylesheets), stylesheets


# --- in Chromium, served under /some-article/ -------------------------------------------------


@pytest.fixture(scope="module")
def article_url(subpath_site, serve) -> str:
    return serve(subpath_site, subpath_site / "some-article" / "404.html") + "some-article/"


def _visit(browser, url: str) -> tuple[object, list[tuple[int, str]]]:
    """Open url in a fresh page; return the page and every (status, url) it loaded."""
    page = browser.new_page()
    responses: list[tuple[int, str]] = []
    page.on("response", lambda response: responses.append((response.status, response.url)))
    page.on("requestfailed", lambda request: responses.append((0, request.url)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, responses


def _local_links(page, base: str) -> set[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return {href for href in hrefs if href.startswith(base)}


@pytest.mark.browser
def test_every_page_asset_link_and_anchor_resolves_under_the_sub_path(browser, article_url):
    broken: list[str] = []
    pages_seen: set[str] = set()
    to_visit = [article_url]
    while to_visit:
        url = to_visit.pop()
        if url in pages_seen:
            continue
        pages_seen.add(url)
        page, responses = _visit(browser, url)
        broken += [f"{status} {loaded} (from {url})" for status, loaded in responses if not 200 <= status < 400]
        for href in _local_links(page, article_url):
            target, fragment = urldefrag(href)
            if fragment and target == url:
                if not page.evaluate("id => document.getElementById(id) !== null", fragment):
                    broken.append(f"missing anchor #{fragment} on {url}")
            elif target.endswith("/"):
                to_visit.append(target)
            elif target not in pages_seen:
                pages_seen.add(target)
                status = page.request.get(target).status
                if status != 200:
                    broken.append(f"{status} {target} (linked from {url})")
        page.close()
    assert article_url + "about/" in pages_seen
    assert not broken, broken


@pytest.mark.browser
def test_a_search_result_opens_its_reference_under_the_sub_path(browser, article_url):
    page, responses = _visit(browser, article_url + "about/")
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially("Haaranen", delay=30)
    result = page.locator("a.md-search-result__link", has_text="Haaranen")
    result.wait_for(timeout=10000)
    result.click()
    page.wait_for_load_state("networkidle")
    assert page.url == article_url + "#ref-18"
    assert page.eval_on_selector("#ref-18", "e => e.matches(':target')")
    assert all(200 <= status < 400 for status, _ in responses)
    page.close()


@pytest.mark.browser
def test_an_unknown_deep_address_shows_the_styled_404_page(browser, article_url):
    page, responses = _visit(browser, article_url + "no/such/page/")
    assert responses[0] == (404, article_url + "no/such/page/")
    assert [r for r in responses[1:] if r[0] != 200] == []
    assert page.inner_text("h1") == "Page not found"
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky"
    page.click("text=Go to the home page")
    page.wait_for_load_state("networkidle")
    assert page.url == article_url
    page.close()


def test_absolute_urls_in_the_head_use_the_site_url(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SUBPATH_URL}">' in html
    absolute = set(re.findall(r'(?:href|src)="(https?://[^"]+)"', html))
    own = {url for url in absolute if "example.org" in url}
    assert own and all(url.startswith(SUBPATH_URL) for url in own), own


def test_the_workflows_are_valid_github_actions_workflows():
    """Checked against the GitHub workflow schema that check-jsonschema ships (no network)."""
    import subprocess
    import sys

    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) == 2
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *workflows], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
