"""In-text citations on hand-written pages: reachable by keyboard, previewed by Material's tooltip."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def about_url(seed_site, serve) -> str:
    return serve(seed_site) + "about/"


def test_keyboard_focus_on_a_citation_shows_the_reference_tooltip(page_at, about_url):
    page = page_at(about_url)
    links = page.locator("a.sp-cite__link")
    assert links.count() > 0
    for _ in range(200):  # Tab from the top until a citation has focus: it is in the tab order
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('a.sp-cite__link')"):
            break
    else:
        pytest.fail("no in-text citation is reachable with the Tab key")
    page.wait_for_timeout(600)
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active, [role=tooltip]").first
    tooltip.wait_for(state="visible", timeout=3000)
    text = " ".join(tooltip.inner_text().split())
    assert len(text) > 20, text
