"""Split a reference string into tokens, each with its place in the original text.

Why whitespace, plus a split after ";" or ":" between numbers: AnyStyle's corpus labels
whitespace-separated tokens, and its annotators separate Vancouver's "1994;2(4):256-65" into
year, volume and pages, so the model's unit matches its training data. Every span maps back to
the exact characters printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")
_INNER = re.compile(r"(?<=[\d)\]][;:])(?=[\d(\[])")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> tuple[Token, ...]:
    tokens = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        cuts = [0, *(m.start() for m in _INNER.finditer(word)), len(word)] if len(word) > 3 else [0, len(word)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            if b > a:
                tokens.append(Token(word[a:b], start + a, start + b))
    return tuple(tokens)


def words_of(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]
