"""Head tags for indexers: Highwire `citation_*` (Google Scholar, Zotero), Dublin Core, Open
Graph and a Twitter card.

Every tag is built by `html.meta`/`html.link_tag`; a field without a value emits no tag.
"""

from __future__ import annotations

import datetime as dt
import locale
import re
from collections.abc import Iterable, Sequence

from scholarpage.render.escaping import Markup, link_tag, meta
from scholarpage.model import Article, Reference, named
from scholarpage.identifiers import orcid_url

Tag = tuple[str, str]


def head_html(article: Article, references: Sequence[Reference], *, page_url: str = "", pdf_url: str = "",
              jsonld: Markup | None = None) -> Markup:
    """Every head tag of the article page, one per line, with the JSON-LD script (jsonld.py).

    The order is for gzip, which finds a repeated text only within the 32 KB before it: the
    JSON-LD, whose citations repeat the `citation_reference` tags' titles and names, comes right
    after them, and the other tags, which repeat the title and abstract that the page's body
    shows, come last. On the seed page this is 0.6 KB less than the JSON-LD at the end.
    """
    tags = highwire(article, references, page_url=page_url, pdf_url=pdf_url)
    lines = [meta(name, value) for name, value in tags]
    if jsonld:
        lines.append(jsonld)
    lines.append(link_tag("schema.DC", "http://purl.org/dc/elements/1.1/"))
    lines += [meta(name, value) for name, value in dublin_core(article, page_url=page_url)]
    lines += [meta(name, value, key="property") for name, value in open_graph(article, page_url=page_url)]
    lines += [meta(name, value) for name, value in twitter_card(article)]
    return Markup("\n").join(lines)


def highwire(article: Article, references: Sequence[Reference], *, page_url: str = "", pdf_url: str = "") -> list[Tag]:
    """Google Scholar's tags, in the order its inclusion guidelines list them."""
    tags: list[Tag] = [("citation_title", article.full_title)]
    for author in article.authors:
        tags.append(("citation_author", author.person.inverted))
        tags.append(("citation_author_institution", author.affiliation))
        tags.append(("citation_author_orcid", orcid_url(author.orcid) if author.orcid else ""))
    tags += [
        ("citation_publication_date", _slashed(article.published) or str(article.year)),
        ("citation_online_date", _slashed(article.published)),
        ("citation_journal_title", article.journal.title),
        ("citation_journal_abbrev", article.journal.abbreviation),
        ("citation_issn", article.journal.issn),
        ("citation_issn", article.journal.eissn),
        ("citation_volume", article.volume),
        ("citation_issue", article.issue),
        ("citation_firstpage", article.first_page),
        ("citation_lastpage", article.last_page),
        ("citation_doi", article.doi),
        ("citation_language", article.language),
        ("citation_keywords", "; ".join(article.keywords)),
        ("citation_abstract", abstract_text(article)),
        ("citation_abstract_html_url", page_url),
        ("citation_publisher", article.journal.publisher),
        ("citation_pdf_url", pdf_url),
    ]
    tags += [("citation_reference", citation_reference(reference)) for reference in references]
    return _present(tags)


def citation_reference(reference: Reference) -> str:
    """A reference in Highwire's structured form, or its printed text when it has no title."""
    if not reference.title:
        return reference.text or reference.key
    journal = reference.container if reference.kind.startswith("article") else ""
    fields = [("citation_title", reference.title)]
    fields += [("citation_author", person.inverted) for person in named(reference.authors)]
    fields += [
        ("citation_journal_title", journal),
        ("citation_volume", reference.volume),
        ("citation_issue", reference.issue),
        ("citation_firstpage", reference.first_page),
        ("citation_lastpage", reference.last_page),
        ("citation_publication_date", reference.year_number),
        ("citation_doi", reference.doi),
        ("citation_isbn", reference.isbn),
        ("citation_issn", reference.issn),
    ]
    # The structured form has no escaping: a ";" inside a value would start a forged field.
    return "; ".join(f"{name}={value.replace(';', ',')}" for name, value in _present(fields))


def dublin_core(article: Article, *, page_url: str = "") -> list[Tag]:
    tags: list[Tag] = [("DC.Title", article.full_title)]
    tags += [("DC.Creator.PersonalName", author.person.inverted) for author in article.authors]
    tags += [
        ("DC.Date.dateSubmitted", _iso(article.submitted)),
        ("DC.Date.issued", _iso(article.published) or str(article.year)),
        ("DC.Identifier.DOI", article.doi),
        ("DC.Identifier.URI", page_url),
        ("DC.Source", article.journal.title),
        ("DC.Source.ISSN", article.journal.issn or article.journal.eissn),
        ("DC.Source.Volume", article.volume),
        ("DC.Source.Issue", article.issue),
        ("DC.Language", article.language),
        ("DC.Rights", article.license.url or article.license.name),
        ("DC.Description", abstract_text(article)),
        ("DC.Type", "Text.Serial.Journal"),
    ]
    tags += [("DC.Subject", keyword) for keyword in article.keywords]
    return _present(tags)


def og_locale(language: str) -> str:
    """Open Graph's `language_TERRITORY` ("pl" → "pl_PL", "pt-BR" → "pt_BR"): a bare language
    takes its usual territory from the standard library's locale table (the same on every
    machine); "" for a language it does not know (Open Graph then assumes en_US)."""
    parts = language.replace("_", "-").split("-")
    if len(parts) > 1 and re.fullmatch(r"[A-Za-z]{2}", parts[1]):
        return f"{parts[0].lower()}_{parts[1].upper()}"
    known = locale.locale_alias.get(parts[0].lower(), "")
    return known.split(".")[0] if re.fullmatch(r"[a-z]{2,3}_[A-Z]{2}(\..*)?", known) else ""


def open_graph(article: Article, *, page_url: str = "") -> list[Tag]:
    tags: list[Tag] = [
        ("og:type", "article"),
        ("og:title", article.full_title),
        ("og:description", abstract_text(article)),
        ("og:url", page_url),
        ("og:site_name", article.journal.title),
        ("og:locale", og_locale(article.language)),
        ("article:published_time", _iso(article.published)),
        ("article:section", article.section),
    ]
    tags += [("article:author", author.person.display) for author in article.authors]
    tags += [("article:tag", keyword) for keyword in article.keywords]
    return _present(tags)


def twitter_card(article: Article) -> list[Tag]:
    return _present([
        ("twitter:card", "summary"),
        ("twitter:title", article.full_title),
        ("twitter:description", abstract_text(article)),
    ])


def abstract_text(article: Article) -> str:
    return "\n\n".join(article.abstract)




def _slashed(date: dt.date | None) -> str:
    return f"{date:%Y/%m/%d}" if date else ""


def _iso(date: dt.date | None) -> str:
    return date.isoformat() if date else ""


def _present(tags: Iterable[Tag]) -> list[Tag]:
    return [(name, value) for name, value in tags if value and value.strip()]
