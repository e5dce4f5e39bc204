"""Google Scholar look-up links for references."""

from __future__ import annotations

from urllib.parse import urlencode

from .model import Reference

LOOKUP = "https://scholar.google.com/scholar_lookup"
SEARCH = "https://scholar.google.com/scholar"


def scholar_url(reference: Reference) -> str:
    """A scholar_lookup URL from the entry's fields, or a plain search for its text.

    scholar_lookup matches on title, authors and year, narrowed by journal, volume, pages and
    DOI when known; without a title it cannot match, so the printed text is searched instead.
    """
    if not reference.title:
        return f"{SEARCH}?{urlencode({'q': reference.text or reference.key})}"
    params: list[tuple[str, str]] = [("title", reference.title)]
    params += [("author", person.inverted) for person in reference.authors]
    optional = {
        "publication_year": reference.year,
        "journal": reference.container if reference.kind.startswith("article") else "",
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages,
        "doi": reference.doi,
    }
    params += [(name, value) for name, value in optional.items() if value]
    return f"{LOOKUP}?{urlencode(params)}"


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"
