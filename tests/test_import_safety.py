"""`scholarpage import` never loses a file or someone's work, and says plainly what is wrong with
its input, its overrides or its output folder (issue 13)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from scholarpage.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed" / "ojs-article-page.txt"


def run(*argv: object) -> int:
    return main([*map(str, argv)])


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copy(ROOT / "import-overrides.yml", folder)
    return folder


def _errors(capsys) -> list[str]:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return captured.err.splitlines()


# --- never overwrite what the importer did not write -------------------------------------------

def test_a_hand_written_article_yml_is_kept_and_nothing_is_written(out: Path, capsys) -> None:
    (out / "article.yml").write_text("title: My own, written by hand\n", "utf-8")
    assert run("import", SEED, "--out", out) == 1
    assert _errors(capsys) == [
        f"{out}/article.yml: not written by `scholarpage import`, or edited since: kept (--force replaces it and "
        "keeps a backup)", "nothing written"]
    assert (out / "article.yml").read_text("utf-8") == "title: My own, written by hand\n"
    assert not (out / "references.bib").exists()


def test_its_own_unedited_output_is_replaced_without_a_question(out: Path, capsys) -> None:
    assert run("import", SEED, "--out", out) == 0
    (out / "import-overrides.yml").write_text("article:\n  journal:\n    title: Another Journal\n", "utf-8")
    assert run("import", SEED, "--out", out) == 0
    assert "title: Another Journal" in (out / "article.yml").read_text("utf-8")
    assert sorted(path.name for path in out.iterdir()) == ["article.yml", "import-overrides.yml", "references.bib"]


def test_an_edited_output_is_replaced_only_with_force_and_kept_as_a_backup(out: Path, capsys) -> None:
    assert run("import", SEED, "--out", out) == 0
    edited = (out / "references.bib").read_text("utf-8").replace("Securitization of Intellectual Property",
                                                                 "My corrected title", 1)
    (out / "references.bib").write_text(edited, "utf-8")
    assert run("import", SEED, "--out", out) == 1
    assert (out / "references.bib").read_text("utf-8") == edited
    capsys.readouterr()
    assert run("import", SEED, "--out", out, "--force") == 0
    assert f"wrote {out}/references.bib (the file it replaced is kept as {out}/references.bib.bak)" in (
        capsys.readouterr().out)
    assert (out / "references.bib.bak").read_text("utf-8") == edited
    assert "My corrected title" not in (out / "references.bib").read_text("utf-8")
    # A later forced import never overwrites that backup.
    (out / "references.bib").write_text(edited + "% another edit\n", "utf-8")
    assert run("import", SEED, "--out", out, "--force") == 0
    assert (out / "references.bib.bak").read_text("utf-8") == edited
    assert (out / "references.bib.bak.2").read_text("utf-8") == edited + "% another edit\n"


# --- the output folder ---------------------------------------------------------------------------

def test_out_naming_a_file_is_one_line(tmp_path: Path, capsys) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", "utf-8")
    assert run("import", SEED, "--out", target, "--overrides", ROOT / "import-overrides.yml") == 1
    assert _errors(capsys) == [f"{target}: is a file, not a folder: --out names a folder", "nothing written"]
    assert target.read_text("utf-8") == "x"


def _read_only_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        tempfile.mkstemp(dir=folder)
    except PermissionError:
        return folder
    if Path("/sys/kernel").is_dir() and not os.access("/sys/kernel", os.W_OK | os.X_OK) or _refuses("/sys/kernel"):
        return Path("/sys/kernel")  # root writes into any folder, but not into sysfs
    pytest.skip("no read-only folder to write into")


def _refuses(folder: str) -> bool:
    try:
        os.close(tempfile.mkstemp(dir=folder)[0])
    except OSError:
        return True
    return False


def test_a_read_only_out_folder_is_one_line(tmp_path: Path, capsys) -> None:
    folder = _read_only_folder(tmp_path)
    assert run("import", SEED, "--out", folder, "--overrides", ROOT / "import-overrides.yml") == 1
    errors = _errors(capsys)
    assert errors[-1] == "nothing written" and len(errors) == 2
    assert errors[0].startswith(str(folder)) and errors[0].endswith(": cannot write: Permission denied")


# --- the input --------------------------------------------------------------------------------------

def test_a_utf16_page_says_utf16(tmp_path: Path, out: Path, capsys) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SEED.read_text("utf-8"), encoding="utf-16")
    assert run("import", page, "--out", out) == 1
    assert _errors(capsys) == ["page.txt: UTF-16 text, not UTF-8: save the file as UTF-8 and import again"]


def test_a_folder_without_saved_pages_is_named_so(tmp_path: Path, out: Path, capsys) -> None:
    """A folder stands for the pages in it (a journal's import); one with none is a mistake."""
    (tmp_path / "notes.md").write_text("not a page", "utf-8")
    assert run("import", tmp_path, "--out", out) == 1
    assert _errors(capsys) == [f"{tmp_path}: a folder without saved pages (.html, .htm, .txt)", "nothing written"]


# --- overrides ---------------------------------------------------------------------------------------

OVERRIDE_CASES = {
    "authors as one string": ("references:\n  10:\n    authors: Smith\n",
                              ["import-overrides.yml:3: references.10.authors: expected a list of names "
                               "([\"Family, Given\"]), got str 'Smith'"]),
    "a reference the list does not have": ("references:\n  10:\n    place: X\n  99:\n    place: Y\n",
                                           ["import-overrides.yml:4: references.99: there is no reference 99: "
                                            "the list has 62"]),
    "an impossible date": ("article:\n  journal: {title: J}\n  dates:\n    published: 2025-02-30\n",
                           ["import-overrides.yml:4: article.dates.published: '2025-02-30' is not a date of "
                            "the calendar"]),
    "references as a list": ("references: [10, 11]\n",
                             ["import-overrides.yml:1: references: expected a mapping of reference numbers "
                              "(10: {place: …})"]),
    "a reference as text": ("references:\n  10: Ho Chi Minh City\n",
                            ["import-overrides.yml:2: references.10: expected a mapping of fields (place: …, "
                             "authors: [\"Family, Given\"])"]),
    "a field as a list": ("references:\n  10:\n    place: [a, b]\n",
                          ["import-overrides.yml:3: references.10.place: expected text, got list ['a', 'b'] "
                           "(quote it)"]),
    "an unknown field": ("references:\n  10:\n    plaice: X\n", ["import-overrides.yml:3: references.10.plaice: "
                                                                  "unknown field"]),
    "an unknown section": ("article:\n  journal: {title: J}\nreference:\n  10: {place: X}\n",
                           ["import-overrides.yml:3: reference: unknown section: overrides hold only `article:` "
                            "and `references:`"]),
    "a number that is not one": ("references:\n  ten: {place: X}\n",
                                 ["import-overrides.yml:2: references.ten: a reference is named by its number in "
                                  "the printed list (1, 2, …)"]),
    "!!binary": ("article:\n  journal: {title: !!binary SGk=}\n",
                 ["import-overrides.yml:2: the tag !!binary is not allowed: article.yml holds text, numbers, "
                  "true/false, lists and mappings"]),
}


@pytest.mark.parametrize("case", OVERRIDE_CASES)
def test_a_wrong_override_is_one_located_line_and_nothing_is_written(case, out: Path, capsys) -> None:
    text, expected = OVERRIDE_CASES[case]
    (out / "import-overrides.yml").write_text(text, "utf-8")
    assert run("import", SEED, "--out", out) == 1
    assert _errors(capsys) == expected
    assert sorted(path.name for path in out.iterdir()) == ["import-overrides.yml"]


def test_a_date_in_the_overrides_is_used(out: Path) -> None:
    """Was a TypeError: PyYAML read the date as a date, the importer expected text."""
    (out / "import-overrides.yml").write_text("article:\n  journal: {title: J}\n  dates:\n    accepted: 2026-01-20\n",
                                              "utf-8")
    assert run("import", SEED, "--out", out) == 0
    assert "  accepted: 2026-01-20\n" in (out / "article.yml").read_text("utf-8")
