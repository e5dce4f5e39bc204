"""Labelled reference strings: AnyStyle's XML corpus read into token/label sequences.

Why here and not in the script: training and the benchmark must read the corpus the same way.
The corpus lives in ../shared and is only read, never copied into the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .tokens import words_of


@dataclass(frozen=True)
class Labelled:
    """One reference: its words, one label per word, and the gold spans (label, text)."""

    text: str
    words: tuple[str, ...]
    labels: tuple[str, ...]

    @property
    def spans(self) -> tuple[tuple[str, str], ...]:
        return spans_of(self.words, self.labels)


def spans_of(words, labels) -> tuple[tuple[str, str], ...]:
    """Maximal runs of one label → (label, words joined by a space)."""
    out: list[tuple[str, list[str]]] = []
    for word, label in zip(words, labels, strict=True):
        if out and out[-1][0] == label:
            out[-1][1].append(word)
        else:
            out.append((label, [word]))
    return tuple((label, " ".join(ws)) for label, ws in out)


def read_anystyle(path: Path) -> list[Labelled]:
    """Every <sequence> of an AnyStyle parser file; an element's words all carry its name."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    refs = []
    for sequence in tree.getroot().iter("sequence"):
        words: list[str] = []
        labels: list[str] = []
        for child in sequence:
            if not isinstance(child.tag, str):
                continue
            for word in words_of(child.text or ""):
                words.append(word)
                labels.append(child.tag)
        if words:
            refs.append(Labelled(" ".join(words), tuple(words), tuple(labels)))
    return refs
