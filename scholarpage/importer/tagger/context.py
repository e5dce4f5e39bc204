"""The list as context: one style for the whole reference list, read from all its entries.

A list is nearly always printed in one style, so each entry's style cues (where the year sits,
name order, numbering, quoted titles, upper-case surnames) are put to a vote and the majority is
given to the model for every entry: one odd entry then does not derail, and no style is guessed
entry by entry. For a single string the entry's own cues are used (that is also how training
sees them, so the model learns how far to trust them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .features import Style

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?\s)")
_SURNAME_FIRST = re.compile(r"^\s*(?:\[?\d{1,4}[.)\]]?\s+)?[^\W\d_][\w'’-]+(?:\s+[^\W\d_][\w'’-]+)?,\s")
_UPPER = re.compile(r"^\s*(?:\[?\d{1,4}[.)\]]?\s+)?[A-ZÀ-ÞĀ-Ž]{2,}[A-ZÀ-ÞĀ-Ž'’ -]*,")
_QUOTE = re.compile(r"[\"“”«»„]")


def style_of(text: str) -> Style:
    """The style cues of one entry on its own."""
    year = _YEAR.search(text)
    return Style(
        year_early=bool(year) and year.start() < max(len(text) * 0.35, 1),
        numbered=bool(_NUMBER.match(text)),
        surname_first=bool(_SURNAME_FIRST.match(text)),
        quoted=bool(_QUOTE.search(text)),
        upper_names=bool(_UPPER.match(text)),
    )


def list_style(texts: Sequence[str]) -> Style:
    """The majority of each cue over the list (ties keep the cue off)."""
    styles = [style_of(t) for t in texts]
    if not styles:
        return Style()
    half = len(styles) / 2
    return Style(**{name: sum(getattr(s, name) for s in styles) > half for name in
                    ("year_early", "numbered", "surname_first", "quoted", "upper_names")})
