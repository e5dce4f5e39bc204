"""Split a reference string into whitespace tokens, each with its place in the original text.

Why whitespace: AnyStyle's corpus labels whitespace-separated tokens, so the model's unit matches
its training data, and every span maps back to the exact characters printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text))
