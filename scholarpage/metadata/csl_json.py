"""Reference → CSL-JSON item, the shared input of citeproc formatting and the exports."""

from __future__ import annotations

import re
from typing import Any

from scholarpage.model import Person, Reference, named


def csl_item(reference: Reference) -> dict[str, Any]:
    """The CSL-JSON item of a reference, with only the variables it has."""
    item: dict[str, Any] = {"id": reference.key, "type": reference.kind}
    variables = {
        "title": reference.title,
        "container-title": reference.container,
        "collection-title": reference.collection,
        "volume": reference.volume,
        "issue": reference.issue,
        "page": reference.pages,
        "DOI": reference.doi,
        "URL": reference.url,
        "publisher": reference.publisher,
        "publisher-place": reference.place,
        "edition": reference.edition,
        "genre": reference.genre,
        "language": reference.language,
        "note": reference.note,
        "ISBN": reference.isbn,
        "version": reference.version,
        "ISSN": reference.issn,
    }
    if reference.kind in NUMBERED_KINDS:  # a report's, patent's or thesis's number, not a journal issue
        variables["number"] = variables.pop("issue")
    item.update({name: value for name, value in variables.items() if value})
    if named(reference.authors):
        item["author"] = [csl_name(person) for person in named(reference.authors)]
    if named(reference.editors):
        item["editor"] = [csl_name(person) for person in named(reference.editors)]
    if named(reference.translators):
        item["translator"] = [csl_name(person) for person in named(reference.translators)]
    issued = _csl_date(reference.date, reference.year)
    if issued:
        item["issued"] = issued
    accessed = date_parts(reference.accessed)
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    return item


#: CSL item types whose BibTeX `number` is the item's own number (CSL `number`), not an issue.
NUMBERED_KINDS = frozenset({"report", "patent", "standard", "thesis"})


def _csl_date(date: str, year: str) -> dict[str, Any] | None:
    """The date as CSL date-parts, else the year; text neither reads as ("c. 1650",
    "forthcoming", "2020a") is printed as written (a CSL literal date), never as "n.d."."""
    for value in (date, year):
        parts = date_parts(value)
        if parts:
            return {"date-parts": [parts]}
    text = (date or year).strip()
    return {"literal": text} if text else None


def csl_name(person: Person) -> dict[str, str]:
    if person.literal:
        return {"literal": person.literal}
    return {key: value for key, value in (("family", person.family), ("given", person.given),
                                          ("suffix", person.suffix)) if value}


def date_parts(value: str) -> list[int]:
    """"2025-08-16" → [2025, 8, 16]; "2004" → [2004]; "850" → [850]; a time is dropped; a range
    ("2020-01/2020-03") gives its start (citeproc-py prints no date for a CSL range); anything
    else → []."""
    start = value.strip().split("/")[0]
    match = _ISO_DATE.fullmatch(start)
    if not match or not (1 <= int(match[2] or 1) <= 12 and 1 <= int(match[3] or 1) <= 31):
        return []
    return [int(part) for part in match.groups() if part]


_ISO_DATE = re.compile(r"(\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?")
