"""The example journal in Chromium, served under a GitHub Pages sub-path: a reader goes home →
issue → article → reference, every link and asset resolves, and axe finds nothing."""

from __future__ import annotations

import json

import pytest

from conftest import ARTIFACTS, ROOT, build_site

EXAMPLE = ROOT / "examples" / "journal"
SUBPATH = "/jose/"


@pytest.fixture(scope="module")
def journal_url(tmp_path_factory, serve) -> str:
    root = tmp_path_factory.mktemp("journal-root")
    result = build_site(EXAMPLE, root / SUBPATH.strip("/"), env={"SITE_URL": f"https://example.github.io{SUBPATH}"})
    assert result.returncode == 0, result.stderr
    return serve(root, root / SUBPATH.strip("/") / "404.html") + SUBPATH.lstrip("/")


pytestmark = pytest.mark.browser


def test_a_reader_goes_from_the_home_page_to_an_issue_an_article_and_a_reference(page_at, journal_url):
    page = page_at(journal_url)
    page.click("text=Vol. 3 No. 2 (2025): Open data, open science")
    assert page.url == journal_url + "issues/vol-3-no-2/"
    page.click("a.sp-toc__title >> text=Does Open Access Raise Citations?")
    assert page.url == journal_url + "articles/open-access-citations/"
    assert page.inner_text("h1").startswith("Does Open Access Raise Citations?")
    page.goto(journal_url + "articles/open-access-citations/#ref-2")
    assert "Merton" in page.inner_text("#ref-2")
    page.click(".sp-fact--issue a")  # the issue in the article information leads back to it
    assert page.url == journal_url + "issues/vol-3-no-2/"


def test_every_link_and_asset_of_the_journal_resolves_under_the_sub_path(browser, journal_url):
    """Every page of the journal, followed from its home: nothing missing, and nothing asked of
    any host but the site's own (privacy and offline use)."""
    seen, broken, to_visit, requested = set(), [], [journal_url], []
    while to_visit:
        url = to_visit.pop()
        if url in seen:
            continue
        seen.add(url)
        page = browser.new_page()
        failed: list[str] = []
        page.on("response", lambda r, failed=failed: failed.append(r.url) if r.status >= 400 else None)
        page.on("request", lambda request: requested.append(request.url))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        broken += failed
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href.split('#')[0])")
        to_visit += [h for h in hrefs if h.startswith(journal_url) and h.endswith("/") and h not in seen]
        page.close()
    assert broken == []
    assert requested and [url for url in requested if not url.startswith(journal_url)] == []
    assert {journal_url, journal_url + "issues/", journal_url + "authors/",
            journal_url + "articles/securitising-patents/"} <= seen
    assert len([url for url in seen if "/articles/" in url]) == 6


@pytest.mark.parametrize("path", ["", "issues/vol-3-no-1/", "authors/", "articles/copyright-term-poland/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violations_on_the_journals_pages(page_at, journal_url, axe_js, path, scheme, width):
    page = page_at(journal_url + path, width=width, scheme=scheme)
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    name = (path.strip("/").replace("/", "-") or "home")
    page.screenshot(path=str(ARTIFACTS / f"journal-{name}-{width}-{scheme}.png"))
    page.add_script_tag(path=str(axe_js))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in results["violations"]]
    assert violations == [], json.dumps(violations, ensure_ascii=False)


def test_search_finds_a_cited_author_across_the_journals_articles_and_opens_the_reference(page_at, journal_url):
    from test_browser_search import search

    page = page_at(journal_url)
    results = search(page, "Merton 1968")
    pages_found = {href.split("#")[0] for href, _ in results}
    assert {journal_url + "articles/patent-pools-china/", journal_url + "articles/open-access-citations/"} <= pages_found
    first = next(href for href, _ in results if "#ref-" in href)
    page.goto(first)
    assert "Merton" in page.inner_text(f"#{first.split('#')[1]}")


def test_search_finds_a_vietnamese_title_typed_without_tones(page_at, journal_url):
    from test_browser_search import search

    results = search(page_at(journal_url), "bao dam quyen so huu tri tue")
    assert any("/articles/ip-backed-lending-vietnam/" in href for href, _ in results)
