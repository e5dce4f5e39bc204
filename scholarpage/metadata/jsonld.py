"""The article as a schema.org `ScholarlyArticle` in JSON-LD, with its reference list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scholarpage.render.escaping import Markup, json_script
from scholarpage.metadata.csl_json import date_parts
from scholarpage.metadata.head_tags import abstract_text
from scholarpage.model import Article, Author, Person, Reference, named
from scholarpage.identifiers import doi_url, orcid_url

#: CSL item type → schema.org type of a cited work.
#: The schema.org type of what a reference appeared in (a journal, a book), by its CSL type.
CONTAINER_TYPE = {"article-journal": "Periodical", "article-newspaper": "Periodical",
                  "article-magazine": "Periodical", "article": "Periodical", "chapter": "Book"}

SCHEMA_TYPE = {
    "article-journal": "ScholarlyArticle",
    "article-newspaper": "NewsArticle",
    "article-magazine": "Article",
    "book": "Book",
    "chapter": "Chapter",
    "thesis": "Thesis",
    "report": "Report",
    "webpage": "WebPage",
    "paper-conference": "ScholarlyArticle",
    "dataset": "Dataset",
    "software": "SoftwareSourceCode",
}


def jsonld_script(article: Article, references: Sequence[Reference], *, page_url: str = "") -> Markup:
    return json_script(scholarly_article(article, references, page_url=page_url))


def scholarly_article(article: Article, references: Sequence[Reference], *, page_url: str = "") -> dict[str, Any]:
    """The JSON-LD document; properties without a value are left out."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": article.full_title,
        "name": article.full_title,
        "author": [_author(author) for author in article.authors],
        "datePublished": article.published.isoformat() if article.published else str(article.year),
        "dateCreated": article.submitted.isoformat() if article.submitted else "",
        "abstract": abstract_text(article),
        "inLanguage": article.language,
        "keywords": list(article.keywords),
        "url": page_url,
        "pageStart": article.first_page,
        "pageEnd": article.last_page,
        "license": article.license.url,
        "isPartOf": _issue(article),
        "citation": [cited_work(reference) for reference in references],
    }
    if article.doi:
        data["identifier"] = _doi(article.doi)
        data["sameAs"] = doi_url(article.doi)
    return _pruned(data)


def cited_work(reference: Reference) -> dict[str, Any]:
    """One reference as a CreativeWork (or a subtype), named by its title or printed text."""
    kind = CONTAINER_TYPE.get(reference.kind, "CreativeWork")
    container = _pruned({"@type": kind, "name": reference.container,
                         "issn": reference.issn if kind == "Periodical" else "",
                         "isbn": reference.isbn if kind == "Book" else ""})
    work_type = SCHEMA_TYPE.get(reference.kind, "CreativeWork")
    work = {
        "@type": work_type,
        # ISBN and ISSN belong to a Book and a Periodical: on a chapter or an article they are its container's.
        "isbn": reference.isbn if work_type == "Book" else "",
        "name": reference.title or reference.text or reference.key,
        # By name only: the family and given names are in the `citation_reference` tags already,
        # and repeating them for every reference would cost 0.6 KB gzipped on the seed page.
        "author": [_person(person, parts=False) for person in named(reference.authors)],
        "translator": [_person(person, parts=False) for person in named(reference.translators)],
        "datePublished": iso_date(reference),
        "isPartOf": container if reference.container else {},
        "identifier": _doi(reference.doi) if reference.doi else {},
        "url": doi_url(reference.doi) if reference.doi else reference.url,
    }
    return _pruned(work)


def iso_date(reference: Reference) -> str:
    """The reference's date as schema.org's Date reads it (ISO 8601: "2021-06", "0850"): the start of
    a range ("2020-05/2021-06"), the year of "2020a"; "" for a date no ISO form holds ("c. 1650")."""
    parts = date_parts(reference.date) or date_parts(reference.year_number)
    return "-".join(f"{part:0{4 if i == 0 else 2}d}" for i, part in enumerate(parts))


def _issue(article: Article) -> dict[str, Any]:
    journal = article.journal
    periodical = {
        "@type": "Periodical",
        "name": journal.title,
        "alternateName": journal.abbreviation,
        "issn": [issn for issn in (journal.issn, journal.eissn) if issn],
        "publisher": {"@type": "Organization", "name": journal.publisher} if journal.publisher else {},
        "url": journal.url,
    }
    part: dict[str, Any] = _pruned(periodical)
    if article.volume:
        part = {"@type": "PublicationVolume", "volumeNumber": article.volume, "isPartOf": part}
    if article.issue:
        part = {"@type": "PublicationIssue", "issueNumber": article.issue, "isPartOf": part}
    return part


def _author(author: Author) -> dict[str, Any]:
    person = _person(author.person)
    if author.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
    if author.orcid:
        person["identifier"] = orcid_url(author.orcid)
        person["sameAs"] = person["identifier"]
    return person


def _person(person: Person, *, parts: bool = True) -> dict[str, Any]:
    """A Person (an Organization for a literal name), with family and given names if `parts`."""
    if person.literal:
        return {"@type": "Organization", "name": person.literal}
    if not parts:
        return {"@type": "Person", "name": person.display}
    return _pruned({"@type": "Person", "name": person.display, "familyName": person.family, "givenName": person.given,
                    "honorificSuffix": person.suffix})


def _doi(doi: str) -> dict[str, str]:
    return {"@type": "PropertyValue", "propertyID": "DOI", "value": doi}


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty strings, lists and objects (nothing empty is emitted)."""
    return {key: value for key, value in data.items() if value not in ("", [], {}, None)}
