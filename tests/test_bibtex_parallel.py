"""A large .bib is parsed on two cores: the result and every located problem are the same as
when it is parsed in one piece.

The two-core path runs only in a single-threaded process, and the test process has threads
(browser drivers, local servers), so each parse runs in a fresh interpreter.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

import scholarpage.bibtex as bibtex
from conftest import FIXTURES, ROOT
from scholarpage.errors import SourceError

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the two-core path forks, which it does only on Linux")

SOURCES = {
    "seed": (ROOT / "references.bib").read_text("utf-8"),
    "hostile fixture": (FIXTURES / "small" / "references.bib").read_text("utf-8"),
}

_PARSE_IN_FRESH_PROCESS = """
import dataclasses, json, sys
from pathlib import Path
import scholarpage.bibtex as bibtex
from scholarpage.errors import SourceError
bibtex.PARALLEL_FROM = int(sys.argv[2])
splits = []
original = bibtex._parse_halves_in_parallel
def recording(halves, name):
    splits.append(halves[1][1])
    return original(halves, name)
bibtex._parse_halves_in_parallel = recording
try:
    result = {"references": [dataclasses.asdict(r) for r in bibtex.parse_references(Path(sys.argv[1]).read_text("utf-8"))]}
except SourceError as error:
    result = {"problems": str(error).splitlines()}
print(json.dumps({**result, "split_after_line": splits}))
"""


def _parse(source: str, tmp_path: Path, *, parallel: bool) -> dict:
    path = tmp_path / "references.bib"
    path.write_text(source, encoding="utf-8")
    threshold = "0" if parallel else str(10**12)
    result = subprocess.run([sys.executable, "-c", _PARSE_IN_FRESH_PROCESS, str(path), threshold],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", SOURCES)
def test_two_halves_give_the_same_references_as_one_piece(case, tmp_path):
    in_halves = _parse(SOURCES[case], tmp_path, parallel=True)
    assert in_halves["split_after_line"] and in_halves["split_after_line"][0] > 0, "the file was not split"
    in_one_piece = [dataclasses.asdict(r) for r in bibtex.parse_references(SOURCES[case])]
    assert in_halves["references"] == json.loads(json.dumps(in_one_piece))  # lines included


def test_problems_in_the_second_half_keep_their_lines(tmp_path):
    entries = [f"@article{{k{n},\n  title = {{Title {n}}},\n  year = {{2020}},\n}}\n" for n in range(40)]
    entries[30] = "@article{k30,\n  title = {Unclosed,\n  year = {2020},\n}\n"
    entries[35] = "@article{k3,\n  title = {Again},\n}\n"  # k3 is in the first half
    source = "\n".join(entries)

    def line_of(text: str) -> int:
        return source[: source.index(text)].count("\n") + 1

    in_halves = _parse(source, tmp_path, parallel=True)
    assert in_halves["split_after_line"], "the file was not split"
    problems = in_halves["problems"]
    assert problems[0].startswith(f"references.bib:{line_of(entries[30])}: BibTeX syntax error")
    assert problems[-1] == (f"references.bib:{line_of(entries[35])}: key: duplicate key 'k3' "
                            f"(first used on line {line_of(entries[3])})")
    with pytest.raises(SourceError) as in_one_piece:
        bibtex.parse_references(source)
    assert str(in_one_piece.value).splitlines() == problems


def test_string_macros_keep_the_file_in_one_piece(tmp_path):
    source = "@string{j = {Journal of Tests}}\n" + "\n".join(
        f"@article{{k{n}, title = {{T{n}}}, journaltitle = j, year = 2020}}" for n in range(40))
    result = _parse(source, tmp_path, parallel=True)
    assert not result["split_after_line"]
    assert {reference["container"] for reference in result["references"]} == {"Journal of Tests"}


def test_output_pending_before_the_split_is_printed_once(tmp_path):
    """A forked child that flushes its copy of the parent's output buffers when it ends (as
    multiprocessing's children do) must get them empty at the fork."""
    path = tmp_path / "references.bib"
    path.write_text(SOURCES["seed"], encoding="utf-8")
    script = ("import sys, scholarpage.bibtex as b; b.PARALLEL_FROM = 0; print('pending line');"
              f" b.parse_references(open({str(path)!r}, encoding='utf-8').read())")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.count("pending line") == 1
