"""Reference → CSL-JSON item, the shared input of citeproc formatting and the exports."""

from __future__ import annotations

import re
from typing import Any

from scholarpage.model import Person, Reference


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
    }
    item.update({name: value for name, value in variables.items() if value})
    if reference.authors:
        item["author"] = [csl_name(person) for person in reference.authors]
    if reference.editors:
        item["editor"] = [csl_name(person) for person in reference.editors]
    issued = date_parts(reference.date or reference.year)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    return item


def csl_name(person: Person) -> dict[str, str]:
    if person.literal:
        return {"literal": person.literal}
    return {key: value for key, value in (("family", person.family), ("given", person.given)) if value}


def date_parts(value: str) -> list[int]:
    """"2025-08-16" → [2025, 8, 16]; "2004" → [2004]; anything else → []."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    return [int(part) for part in match.groups() if part] if match else []
