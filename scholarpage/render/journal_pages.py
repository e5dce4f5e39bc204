"""A journal's listing pages: home, one contents page per issue, the archive, the authors.

Each is Markdown holding HTML blocks from templates/, escaped in escaping.py like the article
page. Links between generated pages are relative, computed here, because MkDocs rewrites links
only in Markdown, not inside HTML blocks.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass

import yaml

from scholarpage.identifiers import doi_url
from scholarpage.model import Collection, Issue, Journal, Person, PublishedArticle
from scholarpage.render.escaping import Markup, escape, render
from scholarpage.render.labels import article_count, issue_name, long_date, words

HOME = "index.md"
ARCHIVE = "issues.md"
AUTHORS = "authors.md"
FEED = "feed.xml"
#: An issue's citations, for reference managers: file name → format.
ISSUE_FILES = {"bib": "citations.bib", "ris": "citations.ris", "json": "citations.json"}


def article_path(entry: PublishedArticle) -> str:
    return f"articles/{entry.slug}/index.md"


def issue_path(issue: Issue) -> str:
    return f"issues/{issue.slug}/index.md"


def url_path(page: str) -> str:
    """"articles/x/index.md" → "articles/x/", "issues.md" → "issues/" (directory URLs, as
    MkDocs builds them)."""
    if page == "index.md" or page.endswith("/index.md"):
        folder = posixpath.dirname(page)
        return f"{folder}/" if folder else ""
    return page.removesuffix(".md") + "/"


def relative(from_page: str, to_page: str) -> str:
    """The link from one page to another, either of them possibly a file (not a Markdown page):
    a link in feed.xml starts from the feed's folder."""
    target = url_path(to_page) if to_page.endswith(".md") else to_page
    start = (url_path(from_page) if from_page.endswith(".md") else posixpath.dirname(from_page)).rstrip("/") or "."
    if not target:
        return posixpath.relpath(".", start) + "/"
    link = posixpath.relpath(target.rstrip("/") or ".", start)
    return link + "/" if target.endswith("/") else link


@dataclass(frozen=True)
class Listed:
    """An article as a contents list shows it."""

    title: str
    lang: str
    href: str
    authors: str
    pages: str
    doi: str
    pdf: str
    section: str


def listed(entry: PublishedArticle, from_page: str, journal_language: str) -> Listed:
    article = entry.article
    pages = "–".join(p for p in (article.first_page, article.last_page) if p) or article.article_number
    here = article_path(entry)
    same = article.language.split("-")[0].lower() == journal_language.split("-")[0].lower()
    return Listed(
        title=article.full_title,
        lang="" if same else article.language,
        href=relative(from_page, here),
        authors=", ".join(author.person.display for author in article.authors),
        pages=pages,
        doi=doi_url(article.doi) if article.doi else "",
        pdf=relative(from_page, url_path(here) + entry.pdf) if entry.pdf else "",
        section=article.section,
    )


def _sections(issue: Issue, page: str, language: str) -> list[tuple[str, list[Listed]]]:
    """The issue's articles grouped by section, sections in the order their first article comes."""
    groups: dict[str, list[Listed]] = defaultdict(list)
    for entry in issue.articles:
        groups[entry.article.section].append(listed(entry, page, language))
    return list(groups.items())


def _front_matter(title: str) -> Markup:
    return Markup(yaml.safe_dump({"title": str(escape(title))}, allow_unicode=True, width=10**6).strip())


def _language(journal: Journal) -> str:
    return (journal.languages or ("en",))[0]


def home_page(collection: Collection, interface_language: str = "en") -> str:
    journal = collection.journal
    current = collection.issues[0] if collection.issues else None
    return render(
        "journal_home.md.j2",
        front_matter=_front_matter(journal.title),
        journal=journal,
        current=current,
        current_href=relative(HOME, issue_path(current)) if current else "",
        sections=_sections(current, HOME, _language(journal)) if current else [],
        archive_href=relative(HOME, ARCHIVE),
        feed_href=relative(HOME, FEED),
        by_year=collection.by_year,
        said=words(interface_language),
        named=_namer(interface_language),
    )


def _namer(language: str):
    """How the pages name an issue in `language`: "Vol. 60 No. 1 (2026)", "T. 60 nr 1 (2026)"."""
    return lambda issue: issue_name(issue.volume, issue.number, issue.year, language)


def issue_page(collection: Collection, issue: Issue, interface_language: str = "en") -> str:
    page = issue_path(issue)
    return render(
        "journal_issue.md.j2",
        front_matter=_front_matter(f"{_namer(interface_language)(issue)}{': ' + issue.title if issue.title else ''}"),
        journal=collection.journal,
        issue=issue,
        sections=_sections(issue, page, _language(collection.journal)),
        files=ISSUE_FILES,
        feed_href=FEED,
        archive_href=relative(page, ARCHIVE),
        by_year=collection.by_year,
        said=words(interface_language),
        named=_namer(interface_language),
        date=long_date(issue.date, interface_language),
    )


def archive_page(collection: Collection, interface_language: str = "en") -> str:
    volumes: dict[str, list[tuple[Issue, str]]] = defaultdict(list)
    for issue in collection.issues:
        volumes[issue.volume].append((issue, relative(ARCHIVE, issue_path(issue))))
    said = words(interface_language)
    return render("journal_archive.md.j2", front_matter=_front_matter(said["archive"]), volumes=list(volumes.items()),
                  by_year=collection.by_year, said=said, named=_namer(interface_language),
                  articles=lambda issue: article_count(len(issue.articles), interface_language))


def authors_page(collection: Collection, interface_language: str = "en") -> str:
    """Every author, by family name, with their articles. Authors with an ORCID iD are one
    person however their name is written ("Łukasz" and "Lukasz"), under the name of their newest
    article (names change; the newest is the one in use)."""
    names: dict[str, Person] = {}
    by_author: dict[str, list[Listed]] = defaultdict(list)
    language = _language(collection.journal)
    for entry in collection.articles:
        for author in entry.article.authors:
            who = author.orcid or f"{author.family}\n{author.given}"
            names.setdefault(who, author.person)
            by_author[who].append(listed(entry, AUTHORS, language))
    people = sorted(((names[who].indexed, articles) for who, articles in by_author.items()),
                    key=lambda item: (item[0].casefold(), item[0]))
    said = words(interface_language)
    return render("journal_authors.md.j2", front_matter=_front_matter(said["authors"]), people=people, said=said)

