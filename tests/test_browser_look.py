"""Issue 14 in Chromium: what a reader of the article page notices (items 2, 4, 5 and 8)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(seed_site, serve) -> str:
    return serve(seed_site)


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory, serve) -> str:
    """The small fixture: an article with two authors, affiliations and an ORCID iD."""
    out = tmp_path_factory.mktemp("look-fixture-site")
    result = build_site(FIXTURES / "small", out)
    assert result.returncode == 0, result.stderr
    return serve(out)


# WCAG 2 contrast of an element's text against the first opaque background behind it.
CONTRAST = """e => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                               .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  let node = e, bg = null;
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length < 4 || c[3] > 0.99) { if (c.length < 4 || c[3] > 0) { bg = c; break; } }
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255];
  const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_a_targeted_reference_keeps_its_links_and_buttons_readable(page_at, site_url, scheme, width):
    """Item 2: dark mode, #ref-17: its links and buttons had 3.0:1."""
    page = page_at(site_url + "#ref-17", width=width, scheme=scheme)
    page.wait_for_timeout(300)
    target = page.locator("li:has(> #ref-17)")
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    controls = target.locator("a, button")
    assert controls.count() >= 5  # DOI link, Google Scholar, three copy buttons
    ratios = [controls.nth(i).evaluate(CONTRAST) for i in range(controls.count())]
    assert min(ratios) >= 4.5, ratios


def test_without_scripts_cite_this_shows_no_dead_copy_buttons(browser, site_url):
    """Item 4: the style tabs' copy buttons need the script, so only the script makes them."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    assert page.locator(".sp-cite-this__text").first.is_visible()
    assert page.locator(".md-content button").count() == 0
    context.close()


def test_each_style_has_a_working_copy_button_with_scripts(page_at, site_url):
    page = page_at(site_url)
    buttons = page.locator(".sp-cite-this button.sp-copy")
    assert buttons.evaluate_all("bs => bs.map(b => b.textContent)") == [f"Copy {s} citation" for s in ("APA", "Chicago", "MLA", "Harvard", "IEEE", "Vancouver")]
    page.click("label[for=sp-cite-2]")
    page.get_by_role("button", name="Copy Chicago citation").click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“Peeling the Onion Skins") and "Prawo i Więź 60 (1)" in copied


def test_on_a_phone_copy_bibtex_never_sits_alone_on_its_line(page_at, site_url):
    """Item 4: at 390 px every "Copy BibTeX" wrapped onto a line of its own."""
    page = page_at(site_url, width=390)
    page.wait_for_timeout(300)
    alone = page.evaluate("""() => [...document.querySelectorAll('.sp-ref__tools')].filter(tools => {
      const bibtex = [...tools.children].find(c => c.textContent === 'Copy BibTeX');
      const top = bibtex.getBoundingClientRect().top;
      return ![...tools.children].some(c => c !== bibtex && Math.abs(c.getBoundingClientRect().top - top) < 2);
    }).length""")
    assert page.locator(".sp-ref__tools").count() == 62
    assert alone == 0


# The visible text nodes inside the first screen that contain the journal's name.
JOURNAL_ABOVE_THE_FOLD = """name => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.includes(name)) continue;
    const element = node.parentElement;
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth) seen.push(element.className || element.tagName);
  }
  return seen;
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_the_journals_name_is_not_repeated_above_the_fold(page_at, site_url, width):
    """Item 5: it appeared four times (header, sidebar, issue line twice)."""
    page = page_at(site_url, width=width)
    page.wait_for_timeout(300)
    seen = page.evaluate(JOURNAL_ABOVE_THE_FOLD, "Prawo i Więź")
    assert 1 <= len(seen) <= 2, seen
    assert page.inner_text(".sp-fact--issue dd") == "Vol. 60 No. 1 (2026)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_title_block_is_strong_and_the_facts_sit_in_one_block(page_at, site_url, scheme):
    """Item 8: the title was thin and grey; the facts were scattered."""
    page = page_at(site_url, scheme=scheme)
    title = page.locator("h1.sp-title")
    weight, size, body = title.evaluate("""e => [Number(getComputedStyle(e).fontWeight), parseFloat(getComputedStyle(e).fontSize),
                                            parseFloat(getComputedStyle(document.querySelector('.sp-abstract p')).fontSize)]""")
    assert weight >= 700 and size >= 1.75 * body
    assert title.evaluate(CONTRAST) >= 7
    info = page.locator(".sp-info")
    assert info.count() == 1
    labels = info.locator("dt").all_inner_texts()
    assert labels == ["Journal", "Issue", "DOI", "Submitted", "Published", "Downloads"]
    assert info.locator("a[download]").count() == 6
    gap = page.evaluate("document.querySelector('.sp-info').getBoundingClientRect().top - document.querySelector('h1').getBoundingClientRect().bottom")
    assert 0 <= gap < 60, "the information block follows the title (the seed has no authors)"


def test_the_abstract_has_a_comfortable_measure(page_at, site_url):
    """Item 8: about 70 characters a line, not 90."""
    page = page_at(site_url)
    per_line = page.evaluate("""() => {
      const p = document.querySelector('.sp-abstract p');
      const style = getComputedStyle(p);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const average = context.measureText(p.textContent).width / p.textContent.length;
      return p.getBoundingClientRect().width / average;
    }""")
    assert 55 <= per_line <= 80, per_line


@pytest.mark.parametrize("width", [1280, 390])
def test_authors_show_affiliations_and_orcid_icons(page_at, fixture_url, width):
    page = page_at(fixture_url, width=width)
    names = page.locator(".sp-author__name").all_inner_texts()
    assert names == ["Mỹ Hạnh Đỗ", "Jan Kowalski-Nowak"]
    orcid = page.get_by_role("link", name="ORCID iD of Mỹ Hạnh Đỗ: https://orcid.org/0000-0002-1825-0097")
    assert orcid.get_attribute("href") == "https://orcid.org/0000-0002-1825-0097"
    icon = orcid.locator("svg").bounding_box()
    assert icon and 12 <= icon["width"] <= 24
    assert page.locator(".sp-affiliations li").all_inner_texts() == ["Faculty of Law <Hanoi> & Co.", "Uniwersytet Łódzki"]
    assert page.locator(".sp-author__mark").all_inner_texts() == ["1", "2"]
    licence = page.locator(".sp-fact--licence a")
    assert licence.inner_text() == "CC BY 4.0" and licence.get_attribute("href") == "https://creativecommons.org/licenses/by/4.0/"
    assert licence.is_visible()


def test_reference_actions_are_quiet_but_named_and_in_the_tab_order(page_at, site_url):
    """Item 8: 62 × 4 bordered buttons made the list busy."""
    page = page_at(site_url)
    tools = page.locator("li:has(> #ref-17) .sp-ref__tools")
    controls = tools.locator("a, button")
    assert controls.all_inner_texts() == ["Google Scholar", "Copy link", "Copy citation", "Copy BibTeX"]
    styles = controls.evaluate_all("""cs => cs.map(c => ({border: parseFloat(getComputedStyle(c).borderTopWidth),
      size: parseFloat(getComputedStyle(c).fontSize), tab: c.tabIndex, name: c.getAttribute('aria-label'), text: c.textContent}))""")
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#ref-17')).fontSize)")
    for style in styles:
        assert style["border"] == 0 and style["size"] < body and style["tab"] == 0
        assert style["text"] in style["name"] and "reference 17" in style["name"]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_hand_written_pages_stay_reachable_without_the_navigation_menu(page_at, site_url, width):
    """The article page hides Material's navigation sidebar (a journal's reading column); the
    footer's "Next" link leads on to the hand-written pages."""
    page = page_at(site_url, width=width)
    if width == 1280:  # at 390 px the navigation is the drawer, closed until the menu button opens it
        assert not page.locator(".md-sidebar--primary").is_visible()
    following = page.locator("a.md-footer__link--next")
    following.scroll_into_view_if_needed()
    assert following.is_visible() and following.get_attribute("href") == "about/"
    assert "About this edition" in following.inner_text()
