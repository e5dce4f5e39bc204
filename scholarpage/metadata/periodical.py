"""schema.org JSON-LD for a journal's listing pages: the Periodical, its volumes and issues.

Listing pages carry no Highwire tags (Google Scholar would take them for articles); this tells
other indexers what the journal holds, each article linked by URL (`hasPart`).
"""

from __future__ import annotations

from typing import Any

from scholarpage.model import Collection, Issue, Journal


def periodical(journal: Journal, home_url: str = "") -> dict[str, Any]:
    data = {
        "@type": "Periodical",
        "name": journal.title,
        "alternateName": journal.abbreviation,
        "issn": [issn for issn in (journal.issn, journal.eissn) if issn],
        "publisher": {"@type": "Organization", "name": journal.publisher} if journal.publisher else {},
        "inLanguage": list(journal.languages),
        "license": journal.license.url,
        "url": home_url or journal.url,
    }
    return _pruned(data)


def publication_issue(issue: Issue, journal: Journal, article_urls: list[str], home_url: str = "") -> dict[str, Any]:
    """The issue, in its volume, in the periodical, with its articles as parts."""
    parent: dict[str, Any] = periodical(journal, home_url)
    if issue.volume:
        parent = {"@type": "PublicationVolume", "volumeNumber": issue.volume, "isPartOf": parent}
    data = {
        "@context": "https://schema.org",
        "@type": "PublicationIssue",
        "issueNumber": issue.number,
        "name": issue.title,
        "datePublished": issue.date.isoformat() if issue.date else str(issue.year),
        "isPartOf": parent,
        "hasPart": [_part(entry.article.full_title, url) for entry, url in zip(issue.articles, article_urls,
                                                                               strict=True)],
    }
    return _pruned(data)


def journal_home(collection: Collection, issue_urls: list[str], home_url: str = "") -> dict[str, Any]:
    """The periodical, with its issues as parts."""
    data = {"@context": "https://schema.org", **periodical(collection.journal, home_url),
            "hasPart": [{"@type": "PublicationIssue", "name": issue.label, "issueNumber": issue.number, "url": url}
                        for issue, url in zip(collection.issues, issue_urls, strict=True)]}
    return _pruned(data)


def _part(title: str, url: str) -> dict[str, str]:
    return {"@type": "ScholarlyArticle", "name": title, "url": url}


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    return {key: _pruned(value) if isinstance(value, dict) else value
            for key, value in data.items() if value not in ("", [], {}, None)}
