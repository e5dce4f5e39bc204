"""Work kept between builds (~/.cache/scholarpage): the same result as doing it again, redone
whenever what it depends on changes, never hiding an error, and bounded in size."""

from __future__ import annotations

import filecmp
import os
import time
from pathlib import Path

import pytest

from conftest import build_site, copy_project, house_style
from scholarpage import bibtex, cite
from scholarpage.cache import remembered
from scholarpage.errors import SourceError


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    bibtex._parse_cached.cache_clear()  # the in-memory caches of `mkdocs serve`
    cite._format_cached.cache_clear()
    yield tmp_path / "cache" / "scholarpage"
    bibtex._parse_cached.cache_clear()
    cite._format_cached.cache_clear()


def _counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value
    return compute, calls


def test_a_kept_value_is_used_until_its_key_changes(cache):
    compute, calls = _counting({"a": [1, 2]})
    assert remembered("kind", b"one", compute) == {"a": [1, 2]}
    assert remembered("kind", b"one", compute) == {"a": [1, 2]}
    assert len(calls) == 1
    assert remembered("kind", b"two", compute) == {"a": [1, 2]}
    assert len(calls) == 2


def test_nothing_is_kept_when_the_work_fails(cache):
    def failing():
        raise SourceError([])
    for _ in range(2):
        with pytest.raises(SourceError):
            remembered("kind", b"bad", failing)
    assert not any((cache / "kind").iterdir())


def test_a_damaged_entry_is_computed_again(cache):
    compute, calls = _counting(list(range(1000)))
    remembered("kind", b"key", compute)
    (entry,) = (cache / "kind").iterdir()
    entry.write_bytes(entry.read_bytes()[:10])
    assert remembered("kind", b"key", compute) == list(range(1000))
    assert len(calls) == 2


def test_only_the_entries_used_last_are_kept(cache):
    for key in (b"first", b"second"):
        remembered("kind", key, lambda: key, keep=2)
    past = time.time() - 60
    for entry in (cache / "kind").iterdir():
        os.utime(entry, (past, past))
    remembered("kind", b"first", lambda: b"again", keep=2)  # read: now the most recent
    remembered("kind", b"third", lambda: b"third", keep=2)
    assert len(list((cache / "kind").iterdir())) == 2
    # The two kept are those used last; "second", used longest ago, is gone.
    assert remembered("kind", b"first", lambda: b"recomputed", keep=2) == b"first"
    assert remembered("kind", b"third", lambda: b"recomputed", keep=2) == b"third"


def test_nothing_is_written_when_the_user_asked_for_no_compiled_files(cache, monkeypatch):
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    compute, calls = _counting(1)
    remembered("kind", b"key", compute)
    remembered("kind", b"key", compute)
    assert len(calls) == 2 and not cache.exists()


SOURCE = (Path(__file__).parent / "fixtures/small/references.bib").read_text("utf-8")


def test_references_read_from_the_cache_equal_those_parsed(cache):
    parsed = bibtex.parse_references(SOURCE)
    assert bibtex._parse_cached(SOURCE, "references.bib") == parsed
    bibtex._parse_cached.cache_clear()
    assert bibtex._parse_cached(SOURCE, "references.bib") == parsed
    assert len(list((cache / "references").iterdir())) == 1


def test_a_bib_with_a_problem_is_reported_at_every_build(cache):
    broken = SOURCE + "\n@book{late,\n  title = {Unclosed\n"
    for _ in range(2):
        bibtex._parse_cached.cache_clear()
        with pytest.raises(SourceError, match="BibTeX syntax error"):
            bibtex._parse_cached(broken, "references.bib")


def test_formatted_entries_read_from_the_cache_equal_those_formatted(cache, monkeypatch):
    references = bibtex.parse_references(SOURCE)
    formatted = cite.format_references(references, "chicago-author-date")
    assert len(formatted) == len(references) and all(formatted.values())
    cite._format_cached.cache_clear()
    monkeypatch.setattr(cite, "_format", lambda *args: pytest.fail("formatted again"))
    assert cite.format_references(references, "chicago-author-date") == formatted
    assert all(type(entry) is cite.Markup for entry in cite.format_references(references, "chicago-author-date").values())




def test_an_edited_style_or_reference_is_formatted_again(cache, tmp_path):
    """Also within one process, as under `mkdocs serve` while a house style is edited."""
    style = tmp_path / "house.csl"
    style.write_text(house_style("MARK"), "utf-8")
    (reference,) = bibtex.parse_references("@book{k, title = {A Title}, year = {2001}}")
    assert cite.format_references([reference], str(style)) == {"k": "MARK A Title"}
    assert cite.formatting_is_kept([reference], str(style))
    style.write_text(house_style("EDITED"), "utf-8")
    assert not cite.formatting_is_kept([reference], str(style))
    assert cite.format_references([reference], str(style)) == {"k": "EDITED A Title"}
    (edited,) = bibtex.parse_references("@book{k, title = {Another Title}, year = {2001}}")
    assert cite.format_references([edited], str(style)) == {"k": "EDITED Another Title"}


def test_an_edited_reference_shows_at_the_next_build(tmp_path):
    project = copy_project(tmp_path / "project")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONDONTWRITEBYTECODE": None}
    assert build_site(project, tmp_path / "first", env=env).returncode == 0
    assert any((tmp_path / "cache/scholarpage/references").iterdir())
    bib = project / "references.bib"
    text = bib.read_text("utf-8")
    assert "Securitization" in text
    bib.write_text(text.replace("Securitization", "Titrisation", 1), "utf-8")
    result = build_site(project, tmp_path / "second", env=env)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "second/index.html").read_text("utf-8")
    assert "Titrisation" in page


def test_builds_with_an_empty_cache_a_warm_one_and_none_write_the_same_site(tmp_path):
    """Parsed references, formatted citations, compiled templates and parsed stylesheets, kept
    or not (and the stylesheets and citations worked out on a second core when no earlier build
    kept them)."""
    project = copy_project(tmp_path / "project")
    cached = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONDONTWRITEBYTECODE": None}
    builds = {"empty cache": cached, "warm cache": cached, "no cache": {"PYTHONDONTWRITEBYTECODE": "1"}}
    for name, env in builds.items():
        result = build_site(project, tmp_path / name, env=env)
        assert result.returncode == 0, result.stderr
    assert {folder.name for folder in (tmp_path / "cache/scholarpage").iterdir()} >= {
        "references", "citations", "theme-templates", "css"}
    for name in ("warm cache", "no cache"):
        assert not _differences(tmp_path / "empty cache", tmp_path / name), name


def _differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right)
    found = [*compared.left_only, *compared.right_only]
    found += [name for name in compared.common_files if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in compared.common_dirs:
        found += [f"{name}/{inner}" for inner in _differences(left / name, right / name)]
    return found
