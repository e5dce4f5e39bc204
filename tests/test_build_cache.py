"""The build cache (compiled templates, formatted citations): faster rebuilds, and nothing in it
can change a page or run code."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import random
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, build_site

CACHE = Path(".cache/plugin/scholarpage")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = Path(shutil.copytree(FIXTURES / "small", tmp_path / "project", ignore=shutil.ignore_patterns(".cache")))
    return folder


def _build(project: Path, out: Path, home: Path) -> dict[str, bytes]:
    result = build_site(project, out, env={"XDG_CACHE_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
            and p.name != "sitemap.xml.gz"}


def _entries(project: Path) -> list[Path]:
    return sorted([*(project / CACHE).glob("*.cache"), *(project / CACHE / "citations").glob("*.json")])


def test_a_second_build_uses_the_compiled_templates_and_writes_the_same_site(project, tmp_path):
    first = _build(project, tmp_path / "one", tmp_path / "home")
    entries = _entries(project)
    assert any(e.suffix == ".cache" for e in entries), "the first build keeps the theme's compiled templates"
    assert any(e.suffix == ".json" for e in entries), "and the citations it formatted"
    stamps = {entry: entry.stat().st_mtime_ns for entry in entries}
    assert _build(project, tmp_path / "two", tmp_path / "home") == first
    assert {entry: entry.stat().st_mtime_ns for entry in _entries(project)} == stamps  # read, not rewritten


PLANTED = "import pathlib; pathlib.Path({!r}).write_text('ran')"


def _damage(kind: str, entry: Path, witness: Path) -> None:
    if kind == "truncated":
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    elif kind == "flipped byte":
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0x01
        entry.write_bytes(bytes(data))
    elif kind == "random":
        entry.write_bytes(random.Random(7).randbytes(4096))
    elif kind == "empty":
        entry.write_bytes(b"")
    elif kind == "directory":
        entry.unlink()
        entry.mkdir()
    elif kind == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif kind == "planted code":  # what Jinja's own cache would run: magic, checksum, code
        code = compile(PLANTED.format(str(witness)), "<planted>", "exec")
        from jinja2.bccache import bc_magic

        entry.write_bytes(bc_magic + pickle.dumps("x", 2) + marshal.dumps(code))
    elif kind == "planted pickle":
        class Runs:
            def __reduce__(self):
                return (exec, (PLANTED.format(str(witness)),))
        entry.write_bytes(pickle.dumps(Runs()))
    elif kind == "signed by another key":
        entry.write_bytes(bytes(32) + entry.read_bytes()[32:])


KINDS = ["truncated", "flipped byte", "random", "empty", "directory", "fifo", "planted code", "planted pickle",
         "signed by another key"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_or_foreign_entry_is_ignored_runs_nothing_and_is_rewritten(project, tmp_path, kind):
    clean = _build(project, tmp_path / "clean", tmp_path / "home")
    witness = tmp_path / "witness"
    for entry in _entries(project):
        _damage(kind, entry, witness)
    assert _build(project, tmp_path / "after", tmp_path / "home") == clean
    assert not witness.exists()
    if kind not in ("directory", "fifo"):
        stamps = {e: e.stat().st_mtime_ns for e in _entries(project)}
        _build(project, tmp_path / "again", tmp_path / "home")
        assert {e: e.stat().st_mtime_ns for e in _entries(project)} == stamps  # rewritten whole the time before


def test_a_cloned_cache_made_with_someone_elses_key_is_not_trusted(project, tmp_path):
    clean = _build(project, tmp_path / "clean", tmp_path / "home-a")
    before = {e: e.read_bytes() for e in _entries(project)}
    assert _build(project, tmp_path / "other", tmp_path / "home-b") == clean
    assert {e: e.read_bytes() for e in _entries(project)} != before  # re-signed with this user's key


def test_cache_false_keeps_nothing_and_the_log_says_so(project, tmp_path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("      style: apa", "      style: apa\n      cache: false"), "utf-8")
    result = build_site(project, tmp_path / "site", env={"XDG_CACHE_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert not (project / CACHE).exists()
    assert "template cache off (cache: false)" in result.stderr


def test_a_planted_citation_entry_with_a_valid_shape_changes_nothing(project, tmp_path):
    clean = _build(project, tmp_path / "clean", tmp_path / "home")
    for entry in (project / CACHE / "citations").glob("*.json"):
        body = json.loads(entry.read_bytes()[32:])
        entry.write_bytes(bytes(32) + json.dumps({key: "<script>planted()</script>" for key in body}).encode())
    assert _build(project, tmp_path / "after", tmp_path / "home") == clean
