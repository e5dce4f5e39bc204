"""Accessibility and validity of the article page, checked by axe-core, the Nu Html Checker and the keyboard."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ARTIFACTS

# Errors the Nu Html Checker reports in Material's base.html, outside any template block, so an
# override cannot remove them (README lists them). Anything else fails the test.
THEME_ERRORS = {
    ("Attribute “autocomplete” is only allowed when the input type is", 'data-md-toggle="drawer"'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'data-md-toggle="search"'),
}


# axe's default rules plus WCAG 2.2's target size (24 × 24 px), which Lighthouse also checks.
AXE_OPTIONS = "{resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}"


@pytest.fixture(scope="module")
def site_url(seed_site, serve) -> str:
    return serve(seed_site)


def _is_theme_error(message: dict) -> bool:
    return any(message["message"].startswith(text) and marker in message.get("extract", "") for text, marker in THEME_ERRORS)


def test_the_nu_html_checker_finds_no_errors_in_our_markup(seed_site, subpath_site, vnu_jar):
    """Every page, built without a site_url and with one (which adds canonical and metadata URLs)."""
    pages = sorted(str(path) for site in (seed_site, subpath_site) for path in site.rglob("*.html"))
    assert len(pages) >= 6
    result = subprocess.run(["java", "-jar", str(vnu_jar), "--format", "json", "--exit-zero-always", *pages], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    ours = [f"{m['url'].rsplit('/', 2)[-2:]}:{m.get('lastLine')}: {m['message']} | {m.get('extract', '').strip()}" for m in errors if not _is_theme_error(m)]
    assert ours == []


# The states a reader puts the page in: as opened; a reference opened by its link (highlighted,
# issue 14); the menu open (Material's navigation drawer, which only a phone-width page has:
# at 1280 px the article page shows no navigation menu). The search open: the next test.
STATES = [
    (width, scheme, state)
    for width in (1280, 390) for scheme in ("light", "dark") for state in ("top", "targeted-reference", "menu-open")
    if not (state == "menu-open" and width == 1280)
]


def _open_state(page, state: str) -> None:
    if state == "targeted-reference":
        page.goto(page.url.split("#")[0] + "#ref-17")
        page.wait_for_timeout(300)
        assert page.eval_on_selector("li:has(> #ref-17)", "e => e.matches(':has(> :target)')")
    elif state == "menu-open":
        page.click("label.md-header__button[for=__drawer]")
        page.wait_for_timeout(400)
        assert page.eval_on_selector("#__drawer", "e => e.checked")
        assert page.locator(".md-sidebar--primary").is_visible()


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme", "state"), STATES, ids=[f"{w}-{s}-{t}" for w, s, t in STATES])
def test_axe_finds_no_violations_and_a_screenshot_is_saved(page_at, site_url, axe_js, width, scheme, state):
    page = page_at(site_url, width=width, scheme=scheme)
    page.wait_for_load_state("networkidle")
    expected_scheme = {"light": "default", "dark": "slate"}[scheme]
    assert page.eval_on_selector("body", "e => e.dataset.mdColorScheme") == expected_scheme
    _open_state(page, state)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"article-{width}-{scheme}-{state}.png"))
    page.add_script_tag(path=str(axe_js))
    results = page.evaluate(f"axe.run(document, {AXE_OPTIONS})")
    violations = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in results["violations"]]
    assert violations == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_the_search_open(page_at, site_url, axe_js, width, scheme):
    """Pagefind's search box open on a query with results (issue 15)."""
    page = page_at(site_url, width=width, scheme=scheme)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("securitization", delay=20)
    page.wait_for_selector(".sp-search .md-search-result[aria-busy='false']", timeout=10000)
    assert page.locator("a.md-search-result__link").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-{width}-{scheme}.png"))
    page.add_script_tag(path=str(axe_js))
    results = page.evaluate(f"axe.run(document, {AXE_OPTIONS})")
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results["violations"]] == []


@pytest.mark.browser
def test_the_skip_link_is_the_first_stop_and_moves_to_the_content(page_at, site_url):
    page = page_at(site_url)
    page.keyboard.press("Tab")
    skip = page.evaluate("({cls: document.activeElement.className, href: document.activeElement.getAttribute('href'), text: document.activeElement.textContent.trim()})")
    assert "md-skip" in skip["cls"].split() and skip["text"] == "Skip to content"
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height, r.top]; })()")
    assert box[0] > 20 and box[1] > 10 and box[2] >= 0, "the focused skip link is visible"
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.url == site_url + skip["href"]
    target_top = page.eval_on_selector(skip["href"], "e => e.getBoundingClientRect().top")
    assert 0 <= target_top < page.viewport_size["height"] / 2


# Each Tab stop: which reference link it is (or none), and whether a focus ring is drawn.
_FOCUS = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return {index: e.dataset.spTabIndex ?? null, ring, visible: e.matches(':focus-visible'), body: e === document.body};
}"""


@pytest.mark.browser
def test_tab_reaches_every_reference_link_in_order_with_a_visible_focus_ring(page_at, site_url):
    page = page_at(site_url)
    expected = page.evaluate("""() => {
      const items = [...document.querySelectorAll('.sp-reflist a[href], .sp-reflist button')];
      items.forEach((e, i) => { e.dataset.spTabIndex = String(i); });
      return items.length;
    }""")
    assert expected > 60
    reached: list[int] = []
    without_ring: list[int] = []
    for _ in range(expected + 400):
        page.keyboard.press("Tab")
        stop = page.evaluate(_FOCUS)
        if stop["body"] and reached:
            break
        if stop["index"] is not None:
            reached.append(int(stop["index"]))
            if len(reached) == 2:
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / "focus-ring.png"))
            if not (stop["ring"] and stop["visible"]):
                without_ring.append(int(stop["index"]))
        if reached and reached[-1] == expected - 1:
            break
    assert reached == list(range(expected))
    assert without_ring == []


def test_the_nu_html_checker_finds_no_errors_in_the_example_journals_pages(tmp_path, vnu_jar):
    """Collection mode: the home, archive, authors, issue and article pages of examples/journal."""
    from conftest import ROOT, build_site

    site = tmp_path / "journal"
    result = build_site(ROOT / "examples" / "journal", site, env={"SITE_URL": "https://example.github.io/jose/"})
    assert result.returncode == 0, result.stderr
    pages = sorted(str(path) for path in site.rglob("*.html") if "pagefind" not in path.parts)
    assert len(pages) >= 12
    result = subprocess.run(["java", "-jar", str(vnu_jar), "--format", "json", "--exit-zero-always", *pages],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    ours = [f"{m['url'].rsplit('/', 3)[-3:]}:{m.get('lastLine')}: {m['message']} | {m.get('extract', '').strip()}"
            for m in errors if not _is_theme_error(m) and not _is_toc_label_of_a_page_outside_the_nav(m)]
    assert ours == []


def _is_toc_label_of_a_page_outside_the_nav(message: dict) -> bool:
    """Material's partials/toc.html labels the `__toc` toggle, which its nav renders only for a
    page listed in the nav; a journal's issue and article pages are left out of the nav (a
    thousand articles in every page's menu), so the label points at nothing (README lists it)."""
    return (message["message"].startswith("The value of the “for” attribute of the “label” element")
            and 'for="__toc"' in message.get("extract", ""))
