"""DOIs and ORCID iDs: read in any usual form, kept bare in the model, linked in one form.

Sources give `https://doi.org/10.1/x`, `doi:10.1/x` or `10.1/x`, and `https://orcid.org/0000-…`
or the bare iD; the model keeps the bare form, and every page, tag and download links the
same `https://` form.
"""

from __future__ import annotations

import re

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_ORCID_PREFIX = re.compile(r"^(?:https?://)?orcid\.org/", re.I)


def bare_doi(value: str) -> str:
    """"https://doi.org/10.1/x" or "doi: 10.1/x" → "10.1/x"."""
    return _DOI_PREFIX.sub("", value.strip())


def doi_url(doi: str) -> str:
    return f"https://doi.org/{bare_doi(doi)}"


def bare_orcid(value: str) -> str:
    """"https://orcid.org/0000-0002-1825-0097" → "0000-0002-1825-0097"."""
    return _ORCID_PREFIX.sub("", value.strip())


def orcid_url(orcid: str) -> str:
    return f"https://orcid.org/{bare_orcid(orcid)}"
