"""citeproc-py, with the fixes this project needs, imported only when something is formatted.

Importing citeproc-py costs about 14 ms of every build; a build whose references carry their
printed text, and whose "Cite this article" an earlier build kept, formats nothing.
"""

from __future__ import annotations

import re
import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc import model as citeproc_model
from citeproc.source.json import CiteProcJSON


def _initialize(self: citeproc_model.Name, given: str, mark: str, context: object) -> str:
    """citeproc-py's given-name initialising, with two CSL rules it misses.

    `initialize="false"` (CSL 1.0.2, used by Chicago and MLA) keeps given names whole and only
    punctuates initials already there ("James T" → "James T."); citeproc-py initialised them
    anyway. A lower-case part after a hyphen ("Min-jun") is a name, not a particle: it is
    initialised like the first part ("M.-J.") instead of being printed after a stray mark. A
    given name in a script without case (أحمد, 小明) is kept whole: citeproc-py took it for a
    particle and printed it between stray marks (". أحمد .").
    """
    if not any(char.isupper() or char.islower() for char in given):
        return given  # a script without case (Arabic, Hebrew, Chinese…) has no initials: kept whole
    if self.get("initialize") == "false":
        return " ".join(f"{part.rstrip('.')}{mark.strip()}" if len(part.rstrip(".")) == 1 else part
                        for part in given.split())
    capitalised = re.sub(r"-(\w)", lambda m: "-" + m[1].upper(), given)
    return _CITEPROC_INITIALIZE(self, capitalised, mark, context)


_CITEPROC_INITIALIZE = citeproc_model.Name.initialize
citeproc_model.Name.initialize = _initialize  # targeted patch; tests compare with pandoc's citeproc


def parse_style(path: str) -> CitationStylesStyle:
    return CitationStylesStyle(path, validate=False)


def bibliography(style: CitationStylesStyle, items: list[dict]) -> list[tuple[str, str]]:
    """Each CSL-JSON item's bibliography entry as HTML, with its id, in the style's order."""
    entries = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
    for item in items:
        entries.register(Citation([CitationItem(item["id"])]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about unsupported CSL features
        formatted = entries.bibliography()
    return [(item.key, str(entry)) for item, entry in zip(entries.items, formatted, strict=True)]
