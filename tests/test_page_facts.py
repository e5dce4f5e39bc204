"""Issue 14, items 3, 5 and 7: the page's description, the issue line, the licence link."""

from __future__ import annotations

import dataclasses

from lxml import html as lxml_html

from conftest import FIXTURES, ROOT
from scholarpage.model import License
from scholarpage.render.article_page import DESCRIPTION_LENGTH, article_page, description, issue_line
from scholarpage.sources.article_yml import load_article

SEED = load_article(ROOT / "article.yml")
FIXTURE = load_article(FIXTURES / "small" / "article.yml")


def test_the_built_page_has_one_description_taken_from_the_abstract(seed_site):
    page = lxml_html.fromstring((seed_site / "index.html").read_text(encoding="utf-8"))
    (meta,) = page.cssselect('head meta[name="description"]')
    content = meta.get("content")
    assert content == ("The rise of the knowledge economy and the growing importance of intangible assets have "
                       "prompted governments to explore innovative financing mechanisms centered on intellectual "
                       "property rights (IPR).")
    assert len(content) <= DESCRIPTION_LENGTH


def test_a_hostile_description_is_exactly_its_text(tmp_path):
    from conftest import build_site

    result = build_site(FIXTURES / "small", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = lxml_html.fromstring((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    (meta,) = page.cssselect('head meta[name="description"]')
    assert meta.get("content") == description(FIXTURE)
    assert meta.get("content").startswith("First paragraph with <em>tags</em>, &amp; entities")


def test_a_long_first_sentence_is_cut_at_a_word():
    article = dataclasses.replace(SEED, abstract=("word " * 100,))
    text = description(article)
    assert len(text) <= DESCRIPTION_LENGTH and text.endswith("word…")


def test_without_an_abstract_the_description_says_what_and_where():
    assert description(dataclasses.replace(SEED, abstract=())) == (
        f"{SEED.title}. Prawo i Więź, Vol. 60 No. 1 (2026).")


def test_the_issue_line_does_not_repeat_the_journals_name():
    assert SEED.issue_label == SEED.journal.title == "Prawo i Więź"
    assert issue_line(SEED) == "Vol. 60 No. 1 (2026)"
    assert issue_line(FIXTURE) == "Vol. 7 No. 2 (2024): Special issue: *emphasis* & more"


def test_the_licence_is_a_visible_link():
    markdown = article_page(FIXTURE, ())
    assert ('<div class="sp-fact sp-fact--licence"><dt>Licence</dt><dd>'
            '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></dd></div>') in markdown
    only_url = dataclasses.replace(FIXTURE, license=License(url="https://example.org/licence"))
    assert '<a href="https://example.org/licence">https://example.org/licence</a>' in article_page(only_url, ())


def test_right_to_left_text_is_marked_with_its_direction():
    """An Arabic article in an English site reads right to left: its title and abstract carry
    dir="rtl"; a reference in Arabic or Hebrew carries dir="auto", since a left-to-right style
    may print its names and year around the title (the browser takes the first letter's way)."""
    from scholarpage.model import Reference

    article = dataclasses.replace(SEED, language="ar", title="الملكية الفكرية والتمويل",
                                  abstract=("تدرس هذه المقالة تمويل الملكية الفكرية.",))
    printed = Reference(key="a", text="حداد، عمر. الملكية الفكرية. بيروت، 2015.", title="الملكية الفكرية",
                        language="ar")
    page = lxml_html.fromstring(article_page(article, [], site_language="en", cite_styles={}))
    assert page.xpath("//h1[@id='article-title']/@dir") == ["rtl"]
    assert page.xpath("//div[contains(@class, 'sp-abstract')]/@dir") == ["rtl"]
    english = lxml_html.fromstring(article_page(SEED, [printed], site_language="en", cite_styles={}))
    assert english.xpath("//h3[@id='ref-1']/@dir") == ["auto"]
    (title,) = english.xpath("//h3[@id='ref-1']/span")
    assert (title.text_content(), title.get("lang"), title.get("dir")) == ("الملكية الفكرية", "ar", "rtl")
    assert len(english.xpath("//*[@dir]")) == 2  # nothing else in the English page
