"""Whatever a title, name, abstract or reference holds appears on the page as text, never markup.

The generated Markdown is rendered by Python-Markdown with the extensions of mkdocs.yml (as
MkDocs renders it) and parsed back with lxml.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import lxml.html
import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from conftest import ROOT
from scholarpage.model import Article, Author, Journal, Person, Reference
from scholarpage.render.article_page import article_page

ALLOWED_IN_CSL_OUTPUT = {"i", "b", "a", "span", "sup", "sub", "h3"}
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co"), blacklist_characters="\ufeff"),
    min_size=1,
    max_size=40,
).filter(lambda value: value.strip())
hostile = st.one_of(text, st.sampled_from([
    "<b>bold</b>", "a & b", "&amp;", "*star* _under_", "[x](y)", "a | b", "back\\slash", "`code`",
    "</h3></li></ol><script>x</script>", "Tiếng Việt", "知识产权", "עברית ‏RTL", "{#id}", "<!-- c -->",
    "---", "\\*", "&lt;", "# heading", "> quote", "1. item", "]]>", "{{ jinja }}", "{% raw %}",
]))
CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def _render(article: Article, references: list[Reference]) -> lxml.html.HtmlElement:
    """The page's content as MkDocs converts the plugin's Markdown."""
    whole = _convert(article_page(article, references, page_url="https://example.org/"))
    return lxml.html.fromstring(f"<div>{whole}</div>")


def _convert(page: str) -> str:
    source, _ = get_data(page)
    md = markdown.Markdown(extensions=CONFIG.markdown_extensions, extension_configs=CONFIG.mdx_configs)
    return md.convert(source)


def _flat(value: str) -> str:
    return " ".join(value.split())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile, subtitle=hostile, journal=hostile, family=hostile, given_name=hostile,
       paragraphs=st.lists(hostile, min_size=1, max_size=3), printed=hostile)
def test_article_fields_and_printed_references_appear_exactly_as_written(
    title, subtitle, journal, family, given_name, paragraphs, printed
):
    article = Article(
        title=_flat(title), subtitle=_flat(subtitle), journal=Journal(title=_flat(journal)), year=2024,
        language="en", authors=(Author(family=_flat(family), given=_flat(given_name)),),
        abstract=tuple(_flat(p) for p in paragraphs), published=dt.date(2024, 1, 2),
    )
    page = _render(article, [Reference(key="k", text=_flat(printed), title="T")])
    assert page.cssselect(".sp-title")[0].text_content() == _flat(title) + _flat(subtitle)
    assert page.cssselect(".sp-fact--journal dd")[0].text_content() == _flat(journal)
    assert page.cssselect(".sp-author__name")[0].text_content() == _reading_order(_flat(family), _flat(given_name))
    assert [p.text_content() for p in page.cssselect(".sp-abstract p")] == [_flat(p) for p in paragraphs]
    assert page.get_element_by_id("ref-1").text_content() == _flat(printed)
    assert not page.cssselect("script")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile, container=hostile, family=hostile)
def test_references_formatted_by_the_csl_style_never_turn_text_into_markup(title, container, family):
    reference = Reference(key="k", kind="article-journal", title=_flat(title), container=_flat(container),
                          authors=(Person(family=_flat(family), given="Ann"),), year="2020")
    article = Article(title="T", journal=Journal(title="J"), year=2024, language="en")
    entry = _render(article, [reference]).get_element_by_id("ref-1")
    assert {element.tag for element in entry.iter()} <= ALLOWED_IN_CSL_OUTPUT
    assert _flat(title).rstrip(".") in entry.text_content()


def _reading_order(family: str, given: str) -> str:
    """The byline as README states it: "Given Family", but a name whose letters are all Han, kana
    or hangul reads family first, with no space (王小明)."""
    scripts = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "IDEOGRAPHIC", "HIRAGANA", "KATAKANA",
               "HALFWIDTH KATAKANA", "HANGUL", "HALFWIDTH HANGUL")
    letters = [c for c in family + given if c.isalpha()]
    if letters and all(unicodedata.name(c, "").startswith(scripts) for c in letters):
        return family + given
    return " ".join(part for part in (given, family) if part)


quoted = st.text(alphabet=st.sampled_from(list("Abc xyz.,?!”“’‘\"'…:;-–")), min_size=1, max_size=25).filter(
    lambda value: any(c.isalpha() for c in value))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=quoted, style=st.sampled_from(["chicago-author-date", "modern-language-association", "ieee", "apa"]))
def test_a_quoted_title_keeps_its_own_quote_marks_and_punctuation(title, style):
    """Styles that quote titles move their own full stop or comma inside their closing quote
    (American English), and every style's full stop after a title's "?" goes: the title's own
    characters, quote marks and punctuation included ("Why?. Because"), stay exactly as written."""
    from scholarpage.render.bibliography import format_references, plain_text

    reference = Reference(key="k", kind="article-journal", title=_flat(title), container="Przegląd",
                          authors=(Person(family="Nowak", given="Anna"),), year="2020", title_language="pl")
    printed = plain_text(format_references([reference], style)["k"])
    assert _flat(title) in printed
