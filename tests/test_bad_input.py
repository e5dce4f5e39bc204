"""Bad sources: one clear located message, a non-zero exit, no traceback, previous site kept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project, house_style, tree_digest

VALID_ARTICLE = (ROOT / "tests/fixtures/small/article.yml").read_text("utf-8")
VALID_BIB = "@article{a, title = {A title}, year = {2020}}\n"

# case id → (article.yml text or None to delete it, references.bib text or None, expected message)
CASES = {
    "missing article.yml": (None, VALID_BIB, "article.yml: file not found"),
    "missing references.bib": (VALID_ARTICLE, None, "references.bib: file not found"),
    "invalid YAML": ("title: [unclosed\njournal: {title: J}\n", VALID_BIB, "article.yml:2: invalid YAML"),
    "missing required field": (VALID_ARTICLE.replace("year: 2024\n", ""), VALID_BIB,
                               "article.yml:2: year: required field is missing"),
    "wrong type": (VALID_ARTICLE.replace("year: 2024", "year: twenty"), VALID_BIB,
                   "article.yml:23: year: expected integer, got str 'twenty'"),
    "impossible date": (VALID_ARTICLE.replace("accepted: 2024-01-15", "accepted: 2024-02-30"), VALID_BIB,
                        "article.yml:30: dates.accepted: '2024-02-30' is not a date of the calendar"),
    "BibTeX syntax error": (VALID_ARTICLE, VALID_BIB + "@book{b,\n  title = {Unclosed\n", "references.bib:2: BibTeX syntax error"),
    "duplicate key": (VALID_ARTICLE, VALID_BIB + "\n@book{a, title = {Again}}\n",
                      "references.bib:3: key: duplicate key 'a' (first used on line 1)"),
    "empty .bib": (VALID_ARTICLE, "% nothing here\n", "references.bib: no references found"),
}


def _write_sources(folder: Path, article: str | None, bib: str | None) -> None:
    for name, content in (("article.yml", article), ("references.bib", bib)):
        path = folder / name
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.fixture(scope="module")
def built_project(tmp_path_factory):
    """A project with a good first build in site/, as an editor has before a bad edit."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    _write_sources(project, VALID_ARTICLE, VALID_BIB)
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


def _assert_refused_with_one_error(project: Path, expected: str) -> None:
    """A build of `project` fails with one ERROR line holding `expected`, no traceback, and
    leaves its site as it was."""
    before = tree_digest(project / "site")
    result = build_site(project, project / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and expected in errors[0], result.stderr
    assert tree_digest(project / "site") == before


@pytest.mark.parametrize("case", CASES)
def test_mkdocs_build_reports_one_located_error_and_keeps_the_previous_site(case, built_project, tmp_path):
    article, bib, expected = CASES[case]
    project = tmp_path / "p"
    shutil.copytree(built_project, project)
    _write_sources(project, article, bib)
    _assert_refused_with_one_error(project, expected)


@pytest.mark.parametrize("case", CASES)
def test_render_command_reports_the_same_error(case, tmp_path):
    article, bib, expected = CASES[case]
    _write_sources(tmp_path, article, bib)
    command = [sys.executable, str(ROOT / "scripts/render.py"), "--out", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [line for line in result.stderr.strip().splitlines() if line]
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_every_problem_in_article_yml_is_reported_at_once(tmp_path):
    broken = VALID_ARTICLE.replace("year: 2024", "year: twenty").replace("language: en", "language: 42")
    _write_sources(tmp_path, broken, VALID_BIB)
    result = subprocess.run([sys.executable, str(ROOT / "scripts/render.py")], capture_output=True, text=True, cwd=tmp_path)
    assert result.stderr.splitlines() == [
        "article.yml:23: year: expected integer, got str 'twenty'",
        "article.yml:32: language: expected string, got int 42",
    ]


def test_a_date_with_a_trailing_line_break_is_refused_not_crashed_on(tmp_path):
    """Python's `re` lets "$" match before a final newline; the schema's ECMA regex does not."""
    broken = VALID_ARTICLE.replace("submitted: 2023-11-02", 'submitted: "2023-11-02\\n"')
    _write_sources(tmp_path, broken, VALID_BIB)
    result = subprocess.run([sys.executable, str(ROOT / "scripts/render.py")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("article.yml:29: dates.submitted: "), result.stderr


# mkdocs.yml's `style:` → (a .csl file to write beside it, or None; the expected message)
STYLE_CASES = {
    "unknown style id": ("no-such-style", None, "unknown CSL style 'no-such-style'"),
    "missing .csl file": ("house.csl", None, "CSL style file not found: {project}/house.csl"),
    "broken .csl file": ("house.csl", "<style><info></style>", "CSL style file is not readable XML: {project}/house.csl"),
}


@pytest.mark.parametrize("case", STYLE_CASES)
def test_a_bad_citation_style_is_one_clear_error(case, built_project, tmp_path):
    style, content, expected = STYLE_CASES[case]
    project = tmp_path / "p"
    shutil.copytree(built_project, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("      style: apa", f"      style: {style}"), "utf-8")
    if content is not None:
        (project / style).write_text(content, "utf-8")
    _assert_refused_with_one_error(project, expected.format(project=project))


def test_a_house_style_is_found_beside_mkdocs_yml(built_project, tmp_path):
    """Run from another folder, as `mkdocs build -f site/mkdocs.yml` is; the entry without
    printed text is formatted by the house style."""
    project = tmp_path / "p"
    shutil.copytree(built_project, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("      style: apa", "      style: house.csl"), "utf-8")
    (project / "house.csl").write_text(house_style("HOUSE"), "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                            capture_output=True, text=True, cwd=elsewhere, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert "HOUSE A title" in (project / "site/index.html").read_text("utf-8")



def test_render_command_refuses_a_bad_style_before_writing(tmp_path):
    _write_sources(tmp_path, VALID_ARTICLE, VALID_BIB)
    command = [sys.executable, str(ROOT / "scripts/render.py"), "--style", "no-such-style", "--out", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "unknown CSL style 'no-such-style' (use an id from the CSL styles repository or a .csl file)"]
    assert not (tmp_path / "out").exists()


def test_bad_cite_styles_are_one_located_line_each(built_project, tmp_path):
    project = tmp_path / "p"
    shutil.copytree(built_project, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "      style: apa", "      style: apa\n      cite_styles:\n        APA: apa\n        Ours: no-such-style\n"
        "        House: missing.csl\n        Empty: ''"), "utf-8")
    before = tree_digest(project / "site")
    result = build_site(project, project / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr + result.stdout
    assert "mkdocs.yml: scholarpage: cite_styles: 'Ours': unknown CSL style 'no-such-style'" in result.stderr
    assert f"mkdocs.yml: scholarpage: cite_styles: 'House': CSL style file not found: {project}/missing.csl" \
        in result.stderr
    assert "mkdocs.yml: scholarpage: cite_styles: 'Empty': expected a CSL style id or a .csl file" in result.stderr
    assert "'APA'" not in result.stderr
    assert tree_digest(project / "site") == before


def test_a_bibtex_syntax_error_is_our_located_line_alone(built_project, tmp_path):
    """bibtexparser's own "Parsing of `@book` block (line 1) aborted on line 3…" (lines counted
    from 0) was printed beside it, by `mkdocs build` and by scripts/render.py."""
    project = tmp_path / "p"
    shutil.copytree(built_project, project)
    _write_sources(project, VALID_ARTICLE, VALID_BIB + "@book{b,\n  title = {Unclosed\n")
    expected = "references.bib:2: BibTeX syntax error: the entry is not closed or not well formed"
    result = build_site(project, project / "site")
    assert result.returncode != 0
    assert result.stderr.splitlines() == [f"ERROR   -  {expected}"], result.stderr
    command = [sys.executable, str(ROOT / "scripts/render.py"), "--out", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project)
    assert result.returncode == 1 and result.stderr.splitlines() == [expected], result.stderr
