"""Load the committed CRF model and tag token sequences, with per-token confidence.

Why one loaded tagger per process: opening the model costs milliseconds, tagging a reference
microseconds; the importer tags whole lists.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from .features import Style, sequence_features

MODEL_PATH = Path(__file__).with_name("model.crfsuite")
_LOCK = threading.Lock()  # a crfsuite Tagger holds state between set() and marginal()


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def label_words(words: list[str], style: Style) -> tuple[list[str], list[float]]:
    """The best label of each word and the model's marginal probability of that label."""
    if not words:
        return [], []
    feats = sequence_features(words, style)
    with _LOCK:
        tagger = _tagger()
        tagger.set(feats)
        labels = tagger.tag()
        confidence = [tagger.marginal(label, i) for i, label in enumerate(labels)]
    return labels, confidence
