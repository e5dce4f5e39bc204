"""Why in-text citations are done by this project's plugin and not by mkdocs-bibtex 4.4.0.

Each test builds the same tiny page with mkdocs-bibtex and records a defect a reader or an
editor would hit. If a release fixes one, its test fails: time to reconsider (see README).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES

pytest.importorskip("mkdocs_bibtex")

CONFIG = """site_name: t
theme: {{name: material, font: false}}
plugins:
  - bibtex:
      bib_file: references.bib
markdown_extensions: [footnotes]
validation: {{anchors: warn}}
"""


def _build(tmp_path: Path, page: str) -> tuple[subprocess.CompletedProcess[str], str]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(), encoding="utf-8")
    (tmp_path / "references.bib").write_text((FIXTURES / "small" / "references.bib").read_text("utf-8"), "utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    html_file = tmp_path / "site" / "index.html"
    return result, html_file.read_text("utf-8") if html_file.exists() else ""


def test_mkdocs_bibtex_rewrites_citation_keys_inside_code(tmp_path):
    result, html = _build(tmp_path, "# T\n\nSee [@smith2020markup].\n\n```text\n@smith2020markup\n```\n")
    assert result.returncode == 0
    assert "@smith2020markup" not in html  # the code sample was rewritten


def test_mkdocs_bibtex_cannot_cite_keys_with_colons(tmp_path):
    result, html = _build(tmp_path, "# T\n\nSee [@key:with.colon].\n")
    cited = result.returncode == 0 and "Keys with colons" in html
    assert not cited


def test_mkdocs_bibtex_full_bibliography_does_not_build_strictly(tmp_path):
    # On this fixture it crashes on a BibLaTeX `date` without `year` (FieldIsMissing); on
    # entries it can format, its back-links point at anchors that do not exist.
    result, _ = _build(tmp_path, "# T\n\nSee [@smith2020markup].\n\n\\full_bibliography\n")
    assert result.returncode != 0
