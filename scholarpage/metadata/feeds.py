"""Atom feeds: one for the journal (its newest articles), one per issue.

Written with ElementTree, so every value is escaped by the XML serializer. Links are absolute
when the site's URL is known (feed readers need them); otherwise relative to the feed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from scholarpage.identifiers import doi_url
from scholarpage.model import Journal, PublishedArticle

ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NAMESPACE = uuid.UUID("6f1c4b1e-8b36-4f53-9d1e-6c1f3f5a0c2b")


def atom_feed(journal: Journal, title: str, entries: Sequence[tuple[PublishedArticle, str]], *,
              feed_url: str, home_url: str, feed_id: str) -> str:
    """`entries` pairs each article with its page's URL (absolute, or relative to the feed)."""
    ET.register_namespace("", ATOM)
    language = (journal.languages or ("en",))[0]
    feed = ET.Element(f"{{{ATOM}}}feed", {_XML_LANG: language})
    _text(feed, "title", title)
    _text(feed, "id", feed_url if feed_url.startswith("http") else _urn(feed_id))
    _text(feed, "updated", _stamp(max((_date(a) for a, _ in entries), default=dt.date(1970, 1, 1))))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": feed_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": home_url})
    # Atom wants an author for every entry: the feed's stands in for an article without authors.
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", journal.publisher or journal.title)
    if journal.license.name:
        _text(feed, "rights", journal.license.name)
    for entry, url in sorted(entries, key=lambda pair: _date(pair[0]), reverse=True):
        feed.append(_entry(entry, url, language))
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _entry(entry: PublishedArticle, url: str, feed_language: str) -> ET.Element:
    """An article in another language than the feed's says so (xml:lang), as its page does: feed
    readers choose fonts, hyphenation and the direction of Arabic or Hebrew by it."""
    article = entry.article
    language = {_XML_LANG: article.language} if article.language and article.language != feed_language else {}
    element = ET.Element(f"{{{ATOM}}}entry", language)
    _text(element, "title", article.full_title)
    _text(element, "id", doi_url(article.doi) if article.doi else (url if url.startswith("http") else _urn(entry.slug)))
    _text(element, "updated", _stamp(_date(entry)))
    _text(element, "published", _stamp(_date(entry)))
    ET.SubElement(element, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url})
    for person in article.authors:
        author = ET.SubElement(element, f"{{{ATOM}}}author")
        _text(author, "name", person.person.display)
    if article.abstract:
        _text(element, "summary", "\n\n".join(article.abstract))
    return element


def _text(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = value


def _date(entry: PublishedArticle) -> dt.date:
    article = entry.article
    return article.published or dt.date(article.year, 1, 1)


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _urn(name: str) -> str:
    """A stable id for a site without a known address."""
    return uuid.uuid5(_NAMESPACE, name).urn
