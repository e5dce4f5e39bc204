"""Retrain the reference tagger: AnyStyle's training files plus synthetic CSL-rendered references.

Run: .venv/bin/python scripts/train_tagger.py [--shared ../shared] [--out scholarpage/importer/tagger/model.crfsuite]
Needs ../shared/corpora/anystyle/ (core, good, bad, ugly; gold.xml is never read here). Deterministic:
the synthetic records are seeded. Takes a few minutes on one core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scholarpage.importer.tagger.context import style_of  # noqa: E402
from scholarpage.importer.tagger.corpus import read_anystyle, spans_of  # noqa: E402
from scholarpage.importer.tagger.features import sequence_features  # noqa: E402
from scholarpage.importer.tagger.model import MODEL_PATH  # noqa: E402
from scholarpage.importer.tagger.scoring import score_all  # noqa: E402
from scholarpage.importer.tagger.synthetic import synthetic_references  # noqa: E402

TRAIN_FILES = ("core.xml", "good.xml", "bad.xml", "ugly.xml")  # gold.xml is the held-out measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--synthetic", type=int, default=1500, help="synthetic references to render")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--dev", action="store_true",
                        help="hold out every 10th reference of core.xml and good.xml and score the model on them")
    args = parser.parse_args()
    started = time.perf_counter()
    refs, dev = [], []
    for name in TRAIN_FILES:
        for i, ref in enumerate(read_anystyle(args.shared / "corpora" / "anystyle" / name)):
            (dev if args.dev and name in ("core.xml", "good.xml") and i % 10 == 0 else refs).append(ref)
    print(f"anystyle: {len(refs)} references", flush=True)
    if args.synthetic:
        synthetic = synthetic_references(args.synthetic)
        print(f"synthetic: {len(synthetic)} references ({time.perf_counter() - started:.0f} s)", flush=True)
        refs += synthetic
    trainer = pycrfsuite.Trainer(verbose=False)
    for ref in refs:
        trainer.append(sequence_features(list(ref.words), style_of(ref.text)), list(ref.labels))
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    if dev:
        report_dev(args.out, dev)
    print(f"model: {args.out} ({args.out.stat().st_size / 1e6:.1f} MB), "
          f"{time.perf_counter() - started:.0f} s in all", flush=True)


def report_dev(model: Path, dev: list) -> None:
    """Field-level scores on the held-out slice of the training files (never gold.xml)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    pairs = [(spans_of(ref.words, tagger.tag(sequence_features(list(ref.words), style_of(ref.text)))), ref.spans)
             for ref in dev]
    for label, score in score_all(pairs).items():
        print(f"dev {label:<18} P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} (n={score.gold})")


if __name__ == "__main__":
    main()
