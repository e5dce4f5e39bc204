"""Reproducible builds: the same sources give byte-identical sites, whatever the clock says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project


def _build(project: Path, out: Path, epoch: str | None) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env |= {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/some-article/"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert result.returncode == 0, result.stderr


def _contents(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _differences(first: Path, second: Path) -> list[str]:
    a, b = _contents(first), _contents(second)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def test_two_builds_at_different_times_are_byte_identical(tmp_path):
    """Every date in the site comes from article.yml, so even SOURCE_DATE_EPOCH does not matter."""
    _build(ROOT, tmp_path / "first", epoch="1000000000")
    _build(ROOT, tmp_path / "second", epoch="2000000000")
    assert len(_contents(tmp_path / "first")) > 10
    assert _differences(tmp_path / "first", tmp_path / "second") == []


def test_without_a_publication_date_source_date_epoch_is_honoured(tmp_path):
    article = (ROOT / "article.yml").read_text(encoding="utf-8")
    undated = re.sub(r"(?m)^  published: .*\n", "", article)
    assert undated != article
    (tmp_path / "undated.yml").write_text(undated, encoding="utf-8")
    project = copy_project(tmp_path / "project", article=tmp_path / "undated.yml")
    _build(project, tmp_path / "first", epoch="1700000000")
    _build(project, tmp_path / "second", epoch="1700000000")
    assert _differences(tmp_path / "first", tmp_path / "second") == []
    assert "<lastmod>2023-11-14</lastmod>" in (tmp_path / "first" / "sitemap.xml").read_text(encoding="utf-8")
