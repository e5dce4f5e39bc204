"""In-text citations on hand-written pages: reachable by keyboard, previewed by Material's tooltip."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def notes_url(tmp_path_factory, serve) -> str:
    """The fixture's hand-written page, which cites references (the seed's about page cites none,
    so that it fits any article: issue 14)."""
    out = tmp_path_factory.mktemp("tooltip-site")
    result = build_site(FIXTURES / "small", out)
    assert result.returncode == 0, result.stderr
    return serve(out) + "notes/"


def test_keyboard_focus_on_a_citation_shows_the_reference_tooltip(page_at, notes_url):
    page = page_at(notes_url)
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
