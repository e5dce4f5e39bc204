"""A large .bib is parsed on two cores: the result and every located problem are the same as
when it is parsed in one piece."""

from __future__ import annotations

import sys

import pytest

import scholarpage.bibtex as bibtex
from conftest import FIXTURES, ROOT
from scholarpage.errors import SourceError

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the two-core path forks, which it does only on Linux")

SOURCES = {
    "seed": (ROOT / "references.bib").read_text("utf-8"),
    "hostile fixture": (FIXTURES / "small" / "references.bib").read_text("utf-8"),
}


@pytest.fixture
def forked(monkeypatch):
    """Every file big enough to split, and a record of each split made."""
    splits = []
    original = bibtex._parse_halves_in_parallel

    def recording(halves, name):
        splits.append(halves[1][1])
        return original(halves, name)

    monkeypatch.setattr(bibtex, "PARALLEL_FROM", 0)
    monkeypatch.setattr(bibtex, "_parse_halves_in_parallel", recording)
    return splits


def _one_piece(source: str):
    bibtex.PARALLEL_FROM, saved = 10**12, bibtex.PARALLEL_FROM
    try:
        return bibtex.parse_references(source)
    finally:
        bibtex.PARALLEL_FROM = saved


@pytest.mark.parametrize("case", SOURCES)
def test_two_halves_give_the_same_references_as_one_piece(case, forked):
    expected = _one_piece(SOURCES[case])
    assert bibtex.parse_references(SOURCES[case]) == expected
    assert forked and forked[0] > 0  # split, and the second half's lines (compared above) were offset


def _problems(source: str) -> list[str]:
    with pytest.raises(SourceError) as caught:
        bibtex.parse_references(source)
    return str(caught.value).splitlines()


def test_problems_in_the_second_half_keep_their_lines(forked, monkeypatch):
    entries = [f"@article{{k{n},\n  title = {{Title {n}}},\n  year = {{2020}},\n}}\n" for n in range(40)]
    entries[30] = "@article{k30,\n  title = {Unclosed,\n  year = {2020},\n}\n"
    entries[35] = "@article{k3,\n  title = {Again},\n}\n"  # k3 is in the first half
    source = "\n".join(entries)

    def line_of(text: str) -> int:
        return source[: source.index(text)].count("\n") + 1

    lines = _problems(source)
    assert forked, "the file was not split"
    assert lines[0].startswith(f"references.bib:{line_of(entries[30])}: BibTeX syntax error")
    assert lines[-1] == (f"references.bib:{line_of(entries[35])}: key: duplicate key 'k3' "
                         f"(first used on line {line_of(entries[3])})")
    monkeypatch.setattr(bibtex, "PARALLEL_FROM", 10**12)
    assert _problems(source) == lines, "one piece reports the same problems"


def test_string_macros_keep_the_file_in_one_piece(forked):
    source = "@string{j = {Journal of Tests}}\n" + "\n".join(
        f"@article{{k{n}, title = {{T{n}}}, journaltitle = j, year = 2020}}" for n in range(40))
    references = bibtex.parse_references(source)
    assert not forked
    assert {reference.container for reference in references} == {"Journal of Tests"}
