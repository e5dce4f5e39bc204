"""Property tests of the escaping boundary for head tags: any value survives exactly and never
breaks out, parsed back with html5lib (an HTML5-conformant parser independent of ours)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import html5lib
from hypothesis import given, settings
from hypothesis import strategies as st

from scholarpage.render.escaping import json_script, meta
from scholarpage.metadata.jsonld import jsonld_script
from scholarpage.metadata.head_tags import dublin_core, head_html, highwire, open_graph, twitter_card
from scholarpage.model import Article, Author, Journal, License, Person, Reference

NS = "{http://www.w3.org/1999/xhtml}"
# Any Unicode scalar value except NUL, which HTML5 replaces with U+FFFD in every context.
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"))
HOSTILE = st.one_of(TEXT, st.sampled_from([
    '"><script>alert(1)</script>', "</script><script>x</script>", "' onload='x", "&amp; &lt;",
    "a\nb\r\nc", "<!--", "\u2028\u2029", "]]>", "<meta name=citation_title content=evil>",
]))


def head_of(markup: str):
    document = html5lib.parse(f"<!doctype html><html><head>{markup}</head><body></body></html>")
    return document.find(f"{NS}head"), document.find(f"{NS}body")


@given(name=HOSTILE, content=HOSTILE)
def test_meta_content_round_trips_exactly(name, content):
    head, body = head_of(meta(name, content))
    [tag] = list(head)
    assert (tag.tag, tag.get("name"), tag.get("content")) == (f"{NS}meta", name, content)
    assert len(body) == 0 and not (body.text or "")


@given(data=st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), HOSTILE),
    lambda children: st.one_of(st.lists(children), st.dictionaries(HOSTILE, children)), max_leaves=10))
def test_json_script_round_trips_and_never_breaks_out(data):
    head, body = head_of(json_script(data))
    [script] = list(head)
    assert script.tag == f"{NS}script"
    assert json.loads(script.text) == data
    assert len(body) == 0


def _hostile_article(text, day):
    author = Author(family=text, given=text, affiliation=text, orcid=text, email=text)
    journal = Journal(title=text or "J", abbreviation=text, issn=text, eissn=text, publisher=text, url=text)
    return Article(
        title=text or "T", subtitle=text, journal=journal, year=2026, language=text, authors=(author, author),
        volume=text, issue=text, issue_label=text, section=text, first_page=text, last_page=text,
        article_number=text, doi=text, url=text, submitted=day, accepted=day, published=day,
        keywords=(text, text), abstract=(text, text), license=License(name=text, url=text), pdf=text,
    )


def _hostile_reference(text, key):
    person = Person(family=text, given=text)
    fields = {f.name: text for f in dataclasses.fields(Reference) if f.type == "str" and f.name != "key"}
    return Reference(key=key, **{**fields, "kind": "article-journal"}, authors=(person, Person(literal=text)),
                     editors=(person,))


@settings(max_examples=60, deadline=None)
@given(text=HOSTILE, day=st.one_of(st.none(), st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31))),
       n=st.integers(0, 3))
def test_hostile_sources_leave_the_head_valid(text, day, n):
    article = _hostile_article(text, day)
    references = [_hostile_reference(text, f"k{i}") for i in range(n)]
    page_url = "https://example.org/a/"
    markup = head_html(article, references, page_url=page_url, pdf_url=page_url + "a.pdf")
    markup += jsonld_script(article, references, page_url=page_url)
    head, body = head_of(markup)
    expected = [
        *highwire(article, references, page_url=page_url, pdf_url=page_url + "a.pdf"),
        *dublin_core(article, page_url=page_url), *open_graph(article, page_url=page_url), *twitter_card(article),
    ]
    found = [(el.get("name") or el.get("property"), el.get("content")) for el in head if el.tag == f"{NS}meta"]
    assert found == expected  # one <meta> per tag, values exact, nothing injected
    tags = [el.tag.removeprefix(NS) for el in head]
    assert tags.count("script") == 1 and tags.count("link") == 1 and set(tags) == {"meta", "link", "script"}
    script = next(el for el in head if el.tag == f"{NS}script")
    assert json.loads(script.text)["headline"] == article.full_title
    assert len(body) == 0 and not (body.text or "").strip()


EVIL = '"><script>alert(1)</script><meta name="citation_title" content="x">&amp;\n</script>\u2028'


def test_hostile_article_yml_and_bib_through_the_loaders():
    import yaml

    from scholarpage.sources.article_yml import parse_article
    from scholarpage.sources.bibtex import dump_references, parse_references

    source = yaml.safe_dump({
        "title": EVIL, "subtitle": EVIL, "journal": {"title": EVIL, "issn": "1234-5678", "publisher": EVIL},
        "authors": [{"family": EVIL, "given": EVIL, "affiliation": EVIL}], "volume": EVIL, "issue": EVIL,
        "year": 2026, "language": "en", "doi": "10.1234/x", "keywords": [EVIL], "abstract": EVIL,
        "section": EVIL, "dates": {"published": "2026-02-19"},
    }, allow_unicode=True)
    article = parse_article(source)
    reference = Reference(key="evil", kind="article-journal", title=EVIL, text=EVIL, container=EVIL,
                          authors=(Person(family="Evil", given="E."),), volume="1", year="2020")
    references = parse_references(dump_references([reference]))
    markup = head_html(article, references) + jsonld_script(article, references)
    head, body = head_of(markup)
    metas = [(el.get("name") or el.get("property"), el.get("content")) for el in head if el.tag == f"{NS}meta"]
    assert metas == [*highwire(article, references), *dublin_core(article), *open_graph(article), *twitter_card(article)]
    assert ("citation_title", f"{article.title}: {article.subtitle}") in metas
    assert len(body) == 0
