"""Per-field precision, recall and F1 of the plain-text parser over tests/corpus, seed vs other styles.

A field counts as predicted when the parser fills it, as expected when the corpus fills it, and as
correct when both agree exactly (names compared as the whole list). Run: python benchmarks/parse_accuracy.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_plaintext import CASES, FIELDS, expected_of, fields_of  # noqa: E402

from scholarpage.importer.plaintext import parse_reference  # noqa: E402


def score(cases: list[dict]) -> dict[str, tuple[float, float, float]]:
    predicted, expected, correct = Counter(), Counter(), Counter()
    for case in cases:
        got, want = fields_of(parse_reference(case["text"])), expected_of(case)
        for name in FIELDS:
            predicted[name] += name in got
            expected[name] += name in want
            correct[name] += name in got and got.get(name) == want.get(name)
    table = {}
    for name in [*FIELDS, "ALL"]:
        p_n, e_n, c_n = (sum(c.values()) if name == "ALL" else c[name] for c in (predicted, expected, correct))
        precision = c_n / p_n if p_n else 1.0
        recall = c_n / e_n if e_n else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[name] = (precision, recall, f1)
    return table


def main() -> None:
    groups = {
        "seed": [c for g, c, _ in CASES if g == "seed"],
        "other styles": [c for g, c, _ in CASES if g == "styles"],
        "held out 1+2, since tuned": [c for g, c, _ in CASES if g in ("heldout", "heldout-2")],
        "held out 3": [c for g, c, _ in CASES if g == "heldout-3"],
    }
    tables = {name: score(cases) for name, cases in groups.items()}
    print(f"{'field':<18}" + "".join(f"{name + f' (n={len(groups[name])})':>34}" for name in groups))
    print(f"{'':<18}" + "".join(f"{'P':>14}{'R':>10}{'F1':>10}" for _ in groups))
    for field in [*FIELDS, "ALL"]:
        row = "".join(f"{p:>14.3f}{r:>10.3f}{f:>10.3f}" for p, r, f in (tables[g][field] for g in groups))
        print(f"{field:<18}{row}")


if __name__ == "__main__":
    main()
