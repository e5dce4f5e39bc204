"""Downloads: the article's citation and the reference list as BibTeX, RIS and CSL-JSON.

Pure functions from the model to file contents; the plugin decides where the files go.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from text_unidecode import unidecode

from scholarpage.sources.bibtex_writer import dump_entry
from scholarpage.metadata.csl_json import csl_item, date_parts
from scholarpage.metadata.head_tags import abstract_text
from scholarpage.model import Article, Person, Reference, named

#: Download file name → what it holds; written next to the article page.
ARTICLE_FILES = {"bib": "article.bib", "ris": "article.ris", "json": "article.json"}
REFERENCE_FILES = {"bib": "references.bib", "ris": "references.ris", "json": "references.json"}

#: CSL item type → RIS reference type.
RIS_TYPE = {
    "article-journal": "JOUR", "article-newspaper": "NEWS", "article-magazine": "MGZN",
    "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER", "thesis": "THES",
    "report": "RPRT", "webpage": "ELEC", "manuscript": "UNPB", "speech": "GEN", "document": "GEN",
    "dataset": "DATA", "software": "COMP",
}


def article_reference(article: Article, page_url: str = "") -> Reference:
    """The article itself as a Reference, the shared input of its citation and downloads."""
    # "Wiśniewski" → "wisniewski", "Nguyễn" → "nguyen": a key reference managers and BibTeX read.
    slug = re.sub(r"[^a-z0-9]+", "", unidecode(article.authors[0].family).lower()) if article.authors else ""
    return Reference(
        key=f"{slug or 'article'}{article.year}",
        kind="article-journal",
        title=article.full_title,
        authors=tuple(author.person for author in article.authors),
        container=article.journal.title,
        volume=article.volume,
        issue=article.issue,
        pages="–".join(p for p in (article.first_page, article.last_page) if p) or article.article_number,
        year=str(article.year),
        date=article.published.isoformat() if article.published else "",
        doi=article.doi,
        url=article.url or page_url,
        publisher=article.journal.publisher,
        language=article.language,
    )


def with_distinct_keys(references: Sequence[Reference]) -> list[Reference]:
    """The references, keys made distinct as BibTeX users do ("smith2026a", "smith2026b"): one
    file of an issue's citations may hold two articles by one author in one year."""
    counts = Counter(reference.key for reference in references)
    seen: Counter[str] = Counter()
    distinct = []
    for reference in references:
        if counts[reference.key] > 1:
            seen[reference.key] += 1
            reference = replace(reference, key=f"{reference.key}{_letters(seen[reference.key])}")
        distinct.append(reference)
    return distinct


def _letters(number: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa"."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def article_extras(article: Article) -> dict[str, str]:
    """Fields of the article that a Reference has no place for."""
    extras = {
        "issn": article.journal.issn or article.journal.eissn,
        "abstract": abstract_text(article),
        # One a line: a keyword may hold a comma ("Law, Polish"), and RIS gives each its own KW.
        "keywords": "\n".join(" ".join(keyword.split()) for keyword in article.keywords),
        "journal_abbrev": article.journal.abbreviation,
    }
    return {name: value for name, value in extras.items() if value}


def to_bibtex(references: Sequence[Reference], extras: dict[str, dict[str, str]] | None = None) -> str:
    extras = extras or {}
    fields = {key: {k: _listed(k, v) for k, v in extra.items() if k != "journal_abbrev"}
              for key, extra in extras.items()}
    return "\n".join(dump_entry(reference, fields.get(reference.key)) for reference in references)


def to_csl_json(references: Sequence[Reference], extras: dict[str, dict[str, str]] | None = None) -> str:
    """A JSON array with one item per line: diffable and readable, and written by json's C
    encoder (`indent` would switch to its pure-Python one, 5× slower at 1,000 references)."""
    items = (_csl_export_item(reference, (extras or {}).get(reference.key, {})) for reference in references)
    return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n]\n"


def _csl_export_item(reference: Reference, extra: dict[str, str]) -> dict[str, Any]:
    item = csl_item(reference)
    if reference.text and "note" not in item:
        item["note"] = reference.text  # the printed reference, for entries without fields
    names = {"issn": "ISSN", "abstract": "abstract", "keywords": "keyword", "journal_abbrev": "container-title-short"}
    item.update({names[name]: _listed(name, value) for name, value in extra.items()})
    return item


def _listed(name: str, value: str) -> str:
    """The keywords as BibTeX and CSL-JSON list them, one string separated by commas."""
    return value.replace("\n", ", ") if name == "keywords" else value


def to_ris(references: Sequence[Reference], extras: dict[str, dict[str, str]] | None = None) -> str:
    return "".join(_ris_record(reference, (extras or {}).get(reference.key, {})) for reference in references)


def _ris_record(reference: Reference, extra: dict[str, str]) -> str:
    tags = [("TY", RIS_TYPE.get(reference.kind, "GEN")), ("ID", reference.key), ("TI", reference.title)]
    tags += [("AU", _ris_name(person)) for person in named(reference.authors)]
    tags += [("A2", _ris_name(person)) for person in named(reference.editors)]
    tags += [("A4", _ris_name(person)) for person in named(reference.translators)]  # as Zotero writes them
    tags += [
        ("T2", reference.container), ("J2", extra.get("journal_abbrev", "")), ("T3", reference.collection),
        ("VL", reference.volume), ("IS", reference.issue),
        ("SP", reference.first_page), ("EP", reference.last_page),
        ("PY", reference.year_number), ("DA", _ris_date(reference.date)),
        ("DO", reference.doi), ("UR", reference.url), ("Y2", reference.accessed), ("PB", reference.publisher),
        ("CY", reference.place), ("ET", reference.edition or reference.version), ("M3", reference.genre),
        ("LA", reference.language), ("SN", reference.isbn or reference.issn or extra.get("issn", "")),
        ("AB", extra.get("abstract", "")),
        ("N1", reference.note), ("N1", reference.text),
    ]
    tags += [("KW", keyword) for keyword in extra.get("keywords", "").split("\n") if keyword.strip()]
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags if value and value.strip()]
    return "\n".join([*lines, "ER  - ", ""]) + "\n"


def _ris_name(person: Person) -> str:
    return person.literal or person.inverted


def _ris_date(date: str) -> str:
    """ "2025-08-16" → "2025/08/16/" (RIS's YYYY/MM/DD/other); a bare year is left to PY."""
    parts = date_parts(date)
    if len(parts) < 2:
        return ""
    return "/".join(f"{part:02d}" if i else str(part) for i, part in enumerate(parts)) + "/"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def downloads(article: Article, references: Sequence[Reference], page_url: str = "") -> dict[str, str]:
    """File name → content of every download; an article without references (an editorial)
    offers no reference list."""
    own = article_reference(article, page_url)
    extras = {own.key: article_extras(article)}
    files = {}
    for writer, ext in ((to_bibtex, "bib"), (to_ris, "ris"), (to_csl_json, "json")):
        files[ARTICLE_FILES[ext]] = writer([own], extras)
        if references:
            files[REFERENCE_FILES[ext]] = writer(references)
    return files
