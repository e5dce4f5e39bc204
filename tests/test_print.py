"""Printing the article page: Chromium's PDF holds the whole article and none of the site chrome."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def _squash(text: str) -> str:
    """Text without whitespace, in one Unicode form, so line breaks and glyph splits do not matter."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def printed(browser, seed_site, serve) -> dict:
    """The article page as Chromium prints it (its text), and what the page says it should contain."""
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto(serve(seed_site))
    page.wait_for_load_state("networkidle")
    expected = page.evaluate("""() => ({
      title: document.querySelector('.sp-title').innerText,
      head: document.querySelector('.sp-head').innerText,
      abstract: document.querySelector('.sp-abstract').innerText,
      references: [...document.querySelectorAll('.sp-reflist > li')].map(li => ({
        text: li.querySelector('.sp-ref__text').innerText,
        links: [...li.querySelectorAll('.sp-ref__text a[href^="http"]')].map(a => ({href: a.getAttribute('href'), text: a.innerText})),
      })),
    })""")
    pdf = page.pdf(format="A4", print_background=False)
    page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "article.pdf").write_bytes(pdf)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return {"text": text, "squashed": _squash(text), **expected}


def test_the_title_and_metadata_are_printed(printed):
    assert _squash(printed["title"]) in printed["squashed"]
    for line in printed["head"].splitlines():
        assert _squash(line) in printed["squashed"], line


def test_the_whole_abstract_is_printed(printed):
    assert len(printed["abstract"]) > 500
    assert _squash(printed["abstract"]) in printed["squashed"]


def test_every_reference_is_printed_with_its_url_or_doi_written_out(printed):
    missing = [ref["text"] for ref in printed["references"] if _squash(ref["text"]) not in printed["squashed"]]
    assert missing == []
    links = [link for ref in printed["references"] for link in ref["links"]]
    assert len(links) > 10
    # The link text is the address itself (a URL, or a DOI that its doi.org href ends with).
    assert [link for link in links if _squash(link["text"]).rstrip(".").lower() not in link["href"].lower()] == []


def test_no_navigation_search_or_buttons_are_printed(printed):
    for chrome in ["Skip to content", "Search", "Copy link", "Copy citation", "Google Scholar", "Made with", "Back to top", "Table of contents"]:
        assert chrome not in printed["text"], chrome
