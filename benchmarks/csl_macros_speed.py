#!/usr/bin/env python3
"""What writing macro calls out (scholarpage/render/csl_macros.py) saves per entry formatted by
citeproc-py: the seed's references, their `formatted` text removed, in a style, with and without.

    python benchmarks/csl_macros_speed.py [--style apa] [--rounds 5] [--instructions]

Prints the median seconds per entry of paired rounds (in this process) and, with
--instructions, valgrind's instruction counts per entry (a process that parses the style and
formats the entries, less one that only parses it). Asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scholarpage.render import bibliography, citeproc_fixes  # noqa: E402
from scholarpage.sources.bibtex import load_references  # noqa: E402


def items(style: citeproc_fixes.Style) -> list[dict]:
    references = [dataclasses.replace(r, text="") for r in load_references(ROOT / "references.bib")]
    return [citeproc_fixes.item_with_fixes(citeproc_fixes.escape_item(bibliography._item(r, f"item{n}")), style)
            for n, r in enumerate(references)]


def run(style_name: str, written_out: bool, format_entries: bool) -> int:
    style = citeproc_fixes.parse_style(bibliography.style_path(style_name), write_out_macros=written_out)
    entries = items(style)
    if format_entries:
        citeproc_fixes.bibliography(style.parsed, entries)
    return len(entries)


def instructions(*arguments: str) -> int:
    result = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                             sys.executable, __file__, *arguments], capture_output=True, text=True, check=True)
    counts = re.findall(r"==\d+== I\s+refs:\s+([\d,]+)", result.stderr)
    return int(counts[-1].replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", default="apa")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--child", choices=["parse-original", "parse-written-out", "original", "written-out"])
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if args.child:
        run(args.style, args.child.endswith("written-out"), not args.child.startswith("parse"))
        return
    count = len(load_references(ROOT / "references.bib"))
    times: dict[bool, list[float]] = {False: [], True: []}
    outputs = {}
    for _ in range(args.rounds):
        for written_out in (False, True):
            style = citeproc_fixes.parse_style(bibliography.style_path(args.style), write_out_macros=written_out)
            entries = items(style)
            start = time.process_time()
            outputs[written_out] = citeproc_fixes.bibliography(style.parsed, entries)
            times[written_out].append((time.process_time() - start) / count)
    before, after = statistics.median(times[False]), statistics.median(times[True])
    print(f"{args.style}, {count} entries, {args.rounds} paired rounds, CPU time of this process:")
    print(f"  macros called      {before * 1000:6.2f} ms per entry")
    print(f"  macros written out {after * 1000:6.2f} ms per entry  ({after / before:.2f}×)")
    print(f"  entries identical: {outputs[False] == outputs[True]}")
    if args.instructions:
        per_entry = {}
        for name in ("original", "written-out"):
            per_entry[name] = (instructions("--style", args.style, "--child", name)
                               - instructions("--style", args.style, "--child", "parse-" + name)) / count
        print(f"  instructions, macros called      {per_entry['original'] / 1e6:6.1f} M per entry")
        print(f"  instructions, macros written out {per_entry['written-out'] / 1e6:6.1f} M per entry "
              f"({per_entry['written-out'] / per_entry['original']:.2f}×)")


if __name__ == "__main__":
    main()
