"""Tag reference strings: each token gets a field label, runs of one label become fields.

Why fields keep character offsets: the importer keeps `Reference.text` exactly as printed, and a
review list must point at the printed characters it doubts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .context import list_style, style_of
from .features import Style
from .model import label_words
from .tokens import tokenize

MAX_TOKENS = 400  # longer "references" are pasted pages; the rest is kept as one low-confidence note


@dataclass(frozen=True)
class Field:
    """One labelled span of the input: `text` is input[start:end] exactly."""

    label: str
    text: str
    start: int
    end: int
    confidence: float  # the lowest marginal probability the model gives any of its tokens


@dataclass(frozen=True)
class Word:
    """One token of the input with its label and the model's marginal probability of that label."""

    start: int
    end: int
    label: str
    confidence: float


@dataclass(frozen=True)
class Tagged:
    text: str
    fields: tuple[Field, ...]
    words: tuple[Word, ...] = ()  # empty when built by hand: `tokens()` then reads them off the fields

    def tokens(self) -> tuple[Word, ...]:
        if self.words or not self.fields:
            return self.words
        return tuple(Word(f.start + t.start, f.start + t.end, f.label, f.confidence)
                     for f in self.fields for t in tokenize(f.text))

    @property
    def confidence(self) -> float:
        return min((f.confidence for f in self.fields), default=1.0)

    def get(self, label: str) -> str:
        """The first field with this label, or ""."""
        return next((f.text for f in self.fields if f.label == label), "")

    def all(self, label: str) -> tuple[str, ...]:
        return tuple(f.text for f in self.fields if f.label == label)


def tag(text: str, style: Style | None = None) -> Tagged:
    """Tag one reference on its own (its own style cues), or in the given list style."""
    text = str(text)
    tokens = tokenize(text)
    head, tail = tokens[:MAX_TOKENS], tokens[MAX_TOKENS:]
    labels, confidence = label_words([t.text for t in head], style or style_of(text))
    fields: list[Field] = []
    run: list[int] = []
    for i, label in enumerate(labels):
        if run and labels[run[0]] != label:
            fields.append(_field(text, head, labels, confidence, run))
            run = []
        run.append(i)
    if run:
        fields.append(_field(text, head, labels, confidence, run))
    if tail:
        fields.append(Field("note", text[tail[0].start:tail[-1].end], tail[0].start, tail[-1].end, 0.0))
    words = tuple(Word(t.start, t.end, label, c) for t, label, c in zip(head, labels, confidence, strict=True))
    return Tagged(text, tuple(fields), words)


def _field(text, tokens, labels, confidence, run) -> Field:
    start, end = tokens[run[0]].start, tokens[run[-1]].end
    return Field(labels[run[0]], text[start:end], start, end, min(confidence[i] for i in run))


def tag_list(texts: Sequence[str]) -> tuple[Tagged, ...]:
    """Tag a whole reference list with the list's majority style (see `context`)."""
    style = list_style([str(t) for t in texts])
    return tuple(tag(t, style) for t in texts)
