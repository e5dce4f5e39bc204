"""The review list: references whose tagging is uncertain or odd for their list, worst first.

Why: a person should correct a few references in import-overrides.yml, not read them all. The
model's own marginals say where it hesitated (not counting a URL, DOI or number, whose label
matters little: the importer reads those by their form); a missing title or year, a field printed twice, or
a year where the rest of the list has none, say where the reading is inconsistent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from scholarpage.errors import Problem
from scholarpage.model import Reference
from .choice import field_confidence
from .tagging import Tagged

_SELF_EVIDENT = re.compile(r"^\W{0,2}(?:https?://\S+|doi:?\s*10\.\S+|10\.\d{4,9}/\S+|\d{1,4})\W{0,3}$", re.I)
THRESHOLD = 0.75  # a field whose least sure token is below this is doubted
_ONCE = ("title", "date", "journal", "volume", "pages", "doi", "publisher", "citation-number")


@dataclass(frozen=True)
class Doubt:
    index: int
    text: str
    score: float  # lower is worse: the least field confidence, lowered for each inconsistency
    reason: str


def doubts_of(tagged: Tagged, usual: Counter | None = None, size: int = 1) -> tuple[float, list[str]]:
    """The score of one tagged reference and the reasons it is doubted (none: not doubted)."""
    fields = [f for f in tagged.fields if not _SELF_EVIDENT.match(f.text)]
    reasons, score = [], min((f.confidence for f in fields), default=1.0)
    for field in fields:
        if field.confidence < THRESHOLD:
            reasons.append(f"unsure {field.label} ({field.confidence:.2f}): {field.text[:60]!r}")
    labels = Counter(f.label for f in tagged.fields)
    if len(labels) < 3:
        reasons.append(f"only {len(labels)} kind(s) of field found")
        score -= 0.5
    if not labels["title"] and not labels["container-title"] and not labels["journal"]:
        reasons.append("no title found")
        score -= 0.5
    for label in _ONCE:
        if labels[label] > 1:
            reasons.append(f"{label} found {labels[label]} times")
            score -= 0.2
    if usual and size >= 5:
        for label in ("date", "author"):
            if usual[label] >= 0.9 * size and not labels[label]:
                reasons.append(f"no {label} although the list's entries have one")
                score -= 0.3
    return max(score, 0.0), reasons


def review(tagged: Sequence[Tagged]) -> tuple[Doubt, ...]:
    """The doubted references of a list, worst first (ties in list order)."""
    usual = Counter(label for t in tagged for label in {f.label for f in t.fields})
    found = []
    for index, item in enumerate(tagged):
        score, reasons = doubts_of(item, usual, len(tagged))
        if reasons:
            found.append(Doubt(index, item.text, score, "; ".join(reasons)))
    return tuple(sorted(found, key=lambda d: (d.score, d.index)))


DOUBTED = 0.5  # a field is reviewed when the model finds its reading less likely right than wrong
INCONSISTENT = 0.3  # what a field not found in the printed text takes off a reference's score


def reference_doubts(reference: Reference, tagged: Tagged) -> tuple[float, list[str]]:
    """The score of one reading (lower is worse, 0–1) and its reasons, worst first; no reasons:
    not doubted. Uncertain fields come from the model's marginals (`choice.field_confidence`),
    inconsistent ones from the printed text (a value it does not contain)."""
    from scholarpage.importer.quality import not_in_text  # the check `scholarpage check` reports too

    doubts = sorted((confidence, f"{name} ({confidence:.2f}): {why}")
                    for name, (confidence, why) in field_confidence(reference, tagged).items() if confidence < DOUBTED)
    score = doubts[0][0] if doubts else 1.0
    reasons = [reason for _, reason in doubts]
    for name, value in not_in_text(reference):
        reasons.append(f"{name} {value!r} is not in the printed text")
        score -= INCONSISTENT
    return max(score, 0.0), reasons


def review_references(references: Sequence[Reference], tagged: Sequence[Tagged | None],
                      path: str = "references.bib") -> list[Problem]:
    """The review list: one located line per doubted reference, worst first (ties in list order)."""
    found = []
    for index, (reference, item) in enumerate(zip(references, tagged, strict=True)):
        if item is None or not reference.text:
            continue
        score, reasons = reference_doubts(reference, item)
        if reasons:
            found.append((score, index, Problem(path, reference.line, reference.key, "; ".join(reasons))))
    return [problem for _, _, problem in sorted(found, key=lambda f: (f[0], f[1]))]
