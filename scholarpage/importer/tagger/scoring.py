"""Field-level scores of tagged spans against gold spans (AnyStyle's labels).

A field is one maximal run of tokens with one label. A predicted field is correct when the gold
reference has a field with the same label and the same text after normalisation (surrounding
punctuation, brackets and quotes stripped, spaces collapsed); each gold field matches at most one
prediction. Precision = correct / predicted, recall = correct / gold, per label and overall (micro).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_STRIP = " .,;:()[]{}\"“”„'‘’«»<>/"


def normalise(text: str) -> str:
    return " ".join(text.split()).strip(_STRIP)


@dataclass(frozen=True)
class Score:
    predicted: int
    gold: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def field_counts(predicted: Iterable[tuple[str, str]],
                 gold: Iterable[tuple[str, str]]) -> tuple[Counter, Counter, Counter]:
    """Per-label counts of predicted, gold and correct fields of one reference."""
    pred = Counter((label, normalise(text)) for label, text in predicted)
    want = Counter((label, normalise(text)) for label, text in gold)
    both = pred & want
    count = Counter()
    p_n, g_n = Counter(), Counter()
    for (label, _), n in pred.items():
        p_n[label] += n
    for (label, _), n in want.items():
        g_n[label] += n
    for (label, _), n in both.items():
        count[label] += n
    return p_n, g_n, count


def score_all(pairs: Iterable[tuple[Iterable[tuple[str, str]], Iterable[tuple[str, str]]]]) -> dict[str, Score]:
    """label → Score over many (predicted, gold) references, plus "ALL" (micro-averaged)."""
    p_all, g_all, c_all = Counter(), Counter(), Counter()
    for predicted, gold in pairs:
        p, g, c = field_counts(predicted, gold)
        p_all.update(p)
        g_all.update(g)
        c_all.update(c)
    labels = sorted(set(p_all) | set(g_all))
    table = {label: Score(p_all[label], g_all[label], c_all[label]) for label in labels}
    table["ALL"] = Score(sum(p_all.values()), sum(g_all.values()), sum(c_all.values()))
    return table
