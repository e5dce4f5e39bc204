"""Field-level precision, recall and F1 of reference parsing: the hand rules and the learned tagger.

Four measures, printed one after the other. Run: python benchmarks/parse_accuracy.py

1. **Tagger on AnyStyle's gold.xml** (../shared/corpora/anystyle/gold.xml, 1,669 hand-labelled
   references, never trained or tuned on; skipped when ../shared is absent). Definition of
   "field-level": a field is one maximal run of tokens carrying one label (AnyStyle's labels:
   author, title, journal, container-title, volume, pages, date, publisher, location, ...). A
   predicted field is correct when the same reference has a gold field with the same label and the
   same text after normalisation (surrounding punctuation, brackets and quotes stripped, spaces
   collapsed); each gold field is matched at most once. P = correct / predicted, R = correct /
   gold, per label and micro-averaged over all fields ("ALL"). Token accuracy is printed too.
   The review list is measured here: which references `tagger.review` flags, and what share of all
   wrong fields (missed or spurious) sits in them.
2. **Importer fields on gold.xml**, rules vs tagger: the gold spans are read into importer
   fields by the same `reference_fields` as the tagger's, and both parsers' fields are compared
   with them as in 3 (only the fields AnyStyle labels: authors, editors, title, container,
   volume, issue, pages, year, publisher, place, edition, doi, url), for the hand rules alone,
   the tagger alone and the importer (`plaintext.parse_list` with gold.xml read as one list, see
   `tagger.choice`; also read in chunks of 20 references as if each were an article's list).
3. **Importer fields on AnyStyle's training files** (core, good, bad, ugly; each read as one
   list): overall F1 of the rules, the tagger and the importer. The tagger was trained on
   them, so this is no held-out measure; it is printed so each corpus file has its figure.
4. **Importer fields on tests/corpus** (the seed and each other file), rules vs tagger side by
   side, and the importer (`plaintext.parse_list`, each file read as one list: the rules, with the
   fields the tagger surely reads otherwise where the list's style is one the rules do not know): a field (kind, authors, title, container, volume, issue, pages, year, date, doi, url,
   publisher, place, edition, genre, language, ...) counts as predicted when the parser fills it,
   as expected when the corpus fills it, and as correct when both agree exactly (names compared as
   the whole list). "rules" is the hand rules alone; "tagger" is the tagger's spans through
   `tagger.reading.reference_fields`, each list tagged with `tag_list`.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_plaintext import CASES, FIELDS, expected_of, fields_of, person_text  # noqa: E402

from scholarpage.model import Reference  # noqa: E402
from scholarpage.importer.plaintext import _parse, parse_list, parse_tagged_list  # noqa: E402
from scholarpage.importer.tagger.review import review_references  # noqa: E402
from scholarpage.importer.tagger import review, tag_list  # noqa: E402
from scholarpage.importer.tagger.corpus import read_anystyle  # noqa: E402
from scholarpage.importer.tagger.reading import reference_fields  # noqa: E402
from scholarpage.importer.tagger.tagging import Field, Tagged  # noqa: E402
from scholarpage.importer.tagger.tokens import words_of  # noqa: E402
from scholarpage.importer.tagger.scoring import field_counts, normalise, score_all  # noqa: E402

GOLD = ROOT.parent / "shared" / "corpora" / "anystyle" / "gold.xml"


def tagger_fields(fields: dict) -> dict:
    """The tagger's reading in the corpus's form (as `fields_of` writes a Reference)."""
    found = {}
    for name in FIELDS:
        value = fields.get(name) or ""
        if name in ("authors", "editors"):
            value = [person_text(p) for p in value]
        if value:
            found[name] = value
    return found


def score(pairs: list[tuple[dict, dict]], names=FIELDS) -> dict[str, tuple[float, float, float]]:
    predicted, expected, correct = Counter(), Counter(), Counter()
    for got, want in pairs:
        for name in names:
            predicted[name] += name in got
            expected[name] += name in want
            correct[name] += name in got and got.get(name) == want.get(name)
    table = {}
    for name in [*names, "ALL"]:
        p_n, e_n, c_n = (sum(c.values()) if name == "ALL" else c[name] for c in (predicted, expected, correct))
        precision = c_n / p_n if p_n else 1.0
        recall = c_n / e_n if e_n else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[name] = (precision, recall, f1)
    return table


def gold_report() -> None:
    if not GOLD.exists():
        print(f"gold.xml: skipped ({GOLD} absent)\n")
        return
    refs = read_anystyle(GOLD)
    started = time.perf_counter()
    tagged = tag_list([r.text for r in refs])  # gold is a pool of many lists: its majority style is weak
    elapsed = time.perf_counter() - started
    pairs = [([(f.label, f.text) for f in t.fields], r.spans) for t, r in zip(tagged, refs, strict=True)]
    table = score_all(pairs)
    tokens = sum(len(r.words) for r in refs)
    right = sum(sum(a == b for a, b in zip(_token_labels(t), r.labels, strict=False))
                for t, r in zip(tagged, refs, strict=True))
    print(f"Tagger on AnyStyle gold.xml (held out): {len(refs)} references, {tokens} tokens, "
          f"{elapsed:.1f} s; token accuracy {right / tokens:.3f}")
    print(f"{'field':<18}{'P':>8}{'R':>8}{'F1':>8}{'gold n':>9}")
    for label, s in sorted(table.items(), key=lambda kv: (kv[0] == "ALL", -kv[1].gold)):
        print(f"{label:<18}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.gold:>9}")
    review_report(tagged, pairs)
    importer_gold_report(refs, tagged)


GOLD_FIELDS = ("authors", "editors", "title", "container", "volume", "issue", "pages", "year", "publisher",
               "place", "edition", "doi", "url")


def gold_fields(ref) -> dict:
    """The gold spans of one reference read into importer fields."""
    fields, start = [], 0
    for label, text in ref.spans:
        fields.append(Field(label, text, start, start + len(text), 1.0))
        start += len(text) + 1
    return tagger_fields(reference_fields(Tagged(ref.text, tuple(fields))))


def importer_gold_report(refs, tagged) -> None:
    wanted = [{k: v for k, v in gold_fields(r).items() if k in GOLD_FIELDS} for r in refs]

    def only(fields: dict) -> dict:
        return {k: v for k, v in fields.items() if k in GOLD_FIELDS}

    rules = [only(fields_of(rules_reference(r.text))) for r in refs]
    learned = [only(tagger_fields(reference_fields(t))) for t in tagged]
    readings, importer_tags = parse_tagged_list([r.text for r in refs])
    importer = [only(fields_of(ref)) for ref in readings]
    tables = [score(list(zip(got, wanted, strict=True)), GOLD_FIELDS) for got in (rules, learned, importer)]
    # gold.xml is a pool of many papers' lists; read in chunks of 20 consecutive references as
    # if each were an article's list (the importer's list-level decision then sees smaller lists)
    chunked = [only(fields_of(ref)) for i in range(0, len(refs), 20)
               for ref in parse_list([r.text for r in refs[i:i + 20]])]
    chunk_f1 = score(list(zip(chunked, wanted, strict=True)), GOLD_FIELDS)["ALL"][2]
    print("Importer fields on gold.xml (held out): hand rules alone | tagger alone | the importer (rules + tagger)")
    print(f"{'field':<18}" + "".join(f"{name + ' P':>11}{'R':>7}{'F1':>7}" for name in ("rules", "tagger", "importer")))
    for field in [*GOLD_FIELDS, "ALL"]:
        print(f"{field:<18}" + "".join(f"{x:>7.3f}" if i % 3 else f"{x:>11.3f}"
                                       for i, x in enumerate(v for t in tables for v in t[field])))
    print(f"(the importer reads gold.xml as one list; read in chunks of 20 references as separate lists: "
          f"F1 {chunk_f1:.3f})")
    importer_review_report(readings, importer_tags, importer, wanted)


def importer_review_report(readings, tagged, got, wanted) -> None:
    """The importer's review list (what `scholarpage import` and `check` print) on gold.xml: what
    share of the importer's wrong fields (missing, spurious or different) sits in the flagged
    references."""
    readings = [dataclasses.replace(r, key=f"r{i}") for i, r in enumerate(readings)]  # keys as unique as imported
    flagged = {p.field for p in review_references(readings, tagged)}
    wrong = wrong_flagged = 0
    for reading, g, w in zip(readings, got, wanted, strict=True):
        errors = sum(g.get(k) != w.get(k) for k in GOLD_FIELDS)
        wrong += errors
        wrong_flagged += errors if reading.key in flagged else 0
    print(f"Importer review list on gold.xml: {len(flagged)} of {len(readings)} references flagged "
          f"({len(flagged) / len(readings):.0%}); they hold {wrong_flagged} of {wrong} wrong importer fields "
          f"({wrong_flagged / max(wrong, 1):.0%})\n")


def rules_reference(text: str):
    """The hand rules alone (the importer before the tagger), never raising."""
    try:
        return _parse(text, None)
    except Exception:  # noqa: BLE001
        return Reference(key="ref", text=text, note="unparsed")


def _token_labels(tagged) -> list[str]:
    return [f.label for f in tagged.fields for _ in words_of(f.text)]


def review_report(tagged, pairs) -> None:
    flagged = {d.index for d in review(tagged)}
    wrong = wrong_flagged = 0
    for index, (predicted, gold) in enumerate(pairs):
        p, g, c = field_counts(predicted, gold)
        errors = (sum(p.values()) - sum(c.values())) + (sum(g.values()) - sum(c.values()))
        wrong += errors
        wrong_flagged += errors if index in flagged else 0
    perfect = sum(1 for predicted, gold in pairs
                  if sorted((lab, normalise(t)) for lab, t in predicted) == sorted((lab, normalise(t)) for lab, t in gold))
    print(f"Review list: {len(flagged)} of {len(pairs)} references flagged ({len(flagged) / len(pairs):.0%}); "
          f"they hold {wrong_flagged} of {wrong} wrong fields ({wrong_flagged / max(wrong, 1):.0%}); "
          f"{perfect} references are entirely right\n")


def training_files_report() -> None:
    """The AnyStyle files the tagger is trained on: not a held-out measure (the tagger has seen
    them), printed so each corpus file has its figure; each file is read as one list."""
    folder = GOLD.parent
    if not folder.exists():
        return
    print("Importer fields on AnyStyle's training files (the tagger was trained on them: not held out), ALL F1")
    print(f"{'file':<10}{'n':>7}{'rules':>9}{'tagger':>9}{'importer':>10}")
    for name in ("core", "good", "bad", "ugly"):
        refs = read_anystyle(folder / f"{name}.xml")
        wanted = [{k: v for k, v in gold_fields(r).items() if k in GOLD_FIELDS} for r in refs]
        texts = [r.text for r in refs]

        def only(fields: dict) -> dict:
            return {k: v for k, v in fields.items() if k in GOLD_FIELDS}

        readings = (
            [only(fields_of(rules_reference(t))) for t in texts],
            [only(tagger_fields(reference_fields(t))) for t in tag_list(texts)],
            [only(fields_of(ref)) for ref in parse_list(texts)],
        )
        f1 = [score(list(zip(got, wanted, strict=True)), GOLD_FIELDS)["ALL"][2] for got in readings]
        print(f"{name:<10}{len(refs):>7}{f1[0]:>9.3f}{f1[1]:>9.3f}{f1[2]:>10.3f}")
    print()


def corpus_report() -> None:
    groups: dict[str, list[dict]] = {}
    for group, case, _ in CASES:
        groups.setdefault(group, []).append(case)
    print("Importer fields on tests/corpus: hand rules alone | tagger alone | the importer (rules + tagger)")
    tables = {}
    for name, cases in groups.items():
        rules = [(fields_of(rules_reference(c["text"])), expected_of(c)) for c in cases]
        tagged = tag_list([c["text"] for c in cases])
        learned = [(tagger_fields(reference_fields(t)), expected_of(c)) for t, c in zip(tagged, cases, strict=True)]
        importer = [(fields_of(ref), expected_of(c)) for ref, c in zip(parse_list([c["text"] for c in cases]), cases,
                                                                        strict=True)]
        tables[name] = (score(rules), score(learned), score(importer))
    print(f"{'field':<18}" + "".join(f"{f'{name} (n={len(groups[name])})':>30}" for name in groups))
    print(f"{'':<18}" + "".join(f"{'rules':>10}{'tagger':>10}{'importer':>10}" for _ in groups))
    for field in [*FIELDS, "ALL"]:
        row = "".join(f"{tables[g][k][field][2]:>10.3f}" for g in groups for k in range(3))
        print(f"{field:<18}{row}")
    print("(F1 per field; ALL precision/recall of the importer: "
          + ", ".join(f"{g} {tables[g][2]['ALL'][0]:.3f}/{tables[g][2]['ALL'][1]:.3f}" for g in groups) + ")")


def main() -> None:
    gold_report()
    training_files_report()
    corpus_report()


if __name__ == "__main__":
    main()
