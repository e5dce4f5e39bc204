"""Google Scholar look-up links for references."""

from __future__ import annotations

import re

from scholarpage.model import Reference, named

LOOKUP = "https://scholar.google.com/scholar_lookup"
SEARCH = "https://scholar.google.com/scholar"
# What must be escaped in a query value: controls, space, and the characters that delimit or
# quote URLs and queries. urllib's quoting also escapes every non-ASCII letter, which makes
# Vietnamese and Chinese titles three times longer and compress badly; the URL Standard
# allows them as they are (browsers send them as UTF-8).
_UNSAFE = re.compile(r"[\x00-\x1f\"#%&'+<=>?\[\\\]^`{|}\x7f]")  # and space, which becomes "+"


def scholar_url(reference: Reference) -> str:
    """A scholar_lookup URL from the entry's fields, or a plain search for its text.

    scholar_lookup matches on title, authors and year, narrowed by journal, volume, pages and
    DOI when known; without a title it cannot match, so the printed text is searched instead.
    """
    if not reference.title:
        return f"{SEARCH}?{_query([('q', reference.text or reference.key)])}"
    params: list[tuple[str, str]] = [("title", reference.title)]
    params += [("author", person.inverted) for person in named(reference.authors)]
    optional = {
        "publication_year": reference.year_number,
        "journal": reference.container if reference.kind.startswith("article") else "",
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages,
        "doi": reference.doi,
    }
    params += [(name, value) for name, value in optional.items() if value]
    return f"{LOOKUP}?{_query(params)}"


def _query(params: list[tuple[str, str]]) -> str:
    return "&".join(f"{name}={_value(value)}" for name, value in params)


def _value(value: str) -> str:
    escaped = _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), value)
    return escaped.replace(" ", "+")  # after escaping, so a literal "+" is already %2B

