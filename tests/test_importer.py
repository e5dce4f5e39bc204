"""The import and check commands: the seed round trip, HTML pages, and bad input."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scholarpage.cli import main

ROOT = Path(__file__).resolve().parent.parent
# A copy of ../shared/seed/ojs-article-page.txt, so any clone (GitHub's CI too) can test the import.
SEED = ROOT / "tests" / "fixtures" / "seed" / "ojs-article-page.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "ojs-article-page.txt"


def run(*argv: str) -> int:
    return main([*map(str, argv)])


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_importing_the_seed_reproduces_the_committed_files(out: Path) -> None:
    shutil.copy(ROOT / "import-overrides.yml", out)
    assert run("import", SEED, "--out", out) == 0
    assert (out / "article.yml").read_bytes() == (ROOT / "article.yml").read_bytes()
    assert (out / "references.bib").read_bytes() == (ROOT / "references.bib").read_bytes()


def test_import_script_runs_as_a_program(out: Path) -> None:
    command = [sys.executable, str(ROOT / "scripts" / "import.py"), str(SEED), "--out", str(out),
               "--overrides", str(ROOT / "import-overrides.yml")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "same DOI as 'calderini2008intellectuala'" in result.stdout
    assert (out / "references.bib").is_file()


def test_seed_without_a_journal_title_fails_with_a_hint_and_writes_nothing(out: Path, capsys) -> None:
    assert run("import", SEED, "--out", out) == 1
    error = capsys.readouterr().err
    assert "journal: required field is missing" in error and "import-overrides.yml" in error
    assert list(out.iterdir()) == []


def test_check_reports_findings_and_strict_turns_them_into_exit_1(capsys) -> None:
    assert run("check", ROOT / "references.bib") == 0
    report = capsys.readouterr().out
    assert re.search(r"references\.bib:\d+: ifc2024ifc: URL without a scheme: 'www\.IFC\.org/MSMEFinance'", report)
    assert "no author" in report and "authors: none given; no citation_author is emitted, and Google Scholar" in report
    assert run("check", ROOT / "references.bib", "--strict") == 1


ARTICLE_HTML = """<!DOCTYPE html><html lang="en"><head>
<meta name="citation_title" content="Land &amp; Law">
<meta name="citation_author" content="Anna Kowalska">
<meta name="citation_journal_title" content="Prawo i Więź">
<meta name="citation_volume" content="60"><meta name="citation_issue" content="1">
<meta name="citation_date" content="2026/02/19"><meta name="citation_doi" content="10.36128/abc">
<meta name="citation_language" content="en">
<meta name="citation_reference" content="Drahos Peter, A Philosophy of Intellectual Property. London: Routledge, 1996.">
<script>document.write("<meta name='citation_title' content='evil'>")</script>
</head><body><h1 class="page_title">Land &amp; Law</h1>
<section class="item abstract"><h2>Abstract</h2><p>Short abstract.</p></section>
<script>alert("not a reference")</script></body></html>"""


def test_html_page_prefers_meta_tags_and_ignores_scripts(tmp_path: Path, out: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    assert run("import", page, "--out", out) == 0
    article = (out / "article.yml").read_text(encoding="utf-8")
    assert "title: Land & Law" in article and "family: Kowalska" in article and "published: 2026-02-19" in article
    assert "evil" not in article and "alert" not in (out / "references.bib").read_text(encoding="utf-8")


def test_plain_reference_list_writes_only_references(tmp_path: Path, out: Path, capsys) -> None:
    page = tmp_path / "refs.txt"
    page.write_text("1. Becker, Gary S. 1964. Human Capital. New York: Columbia University Press.\n"
                    "2. Brown v. Board of Education, 347 U.S. 483 (1954).\n", encoding="utf-8")
    assert run("import", page, "--out", out) == 0
    assert sorted(p.name for p in out.iterdir()) == ["references.bib"]
    assert "@book{becker1964human," in (out / "references.bib").read_text(encoding="utf-8")


BAD_INPUTS = {
    "empty file": (b"  \n", "the file is empty"),
    "not an article page": (b"<html><body><h1>Welcome to our journal</h1><p>News and events.</p></body></html>",
                            "no references found"),
    "prose that is no reference list": (b"We went to the sea.\n\nIt rained all day and we stayed in.\n\nThe end.\n",
                                        "not an article page or a reference list"),
    "a one-word reference": (b"1. Smith\n", "too little to parse as a reference: 1 ('Smith')"),
    "HTML made of scripts": (b"<!DOCTYPE html><html><head><script>var refs = 1;</script></head><body>"
                             b"<script>alert(1)</script></body></html>", "no references found"),
    "binary garbage": (bytes(range(256)) * 8, "binary data, not a text or HTML page"),
    "a Latin-1 file": ("Kowalski Jan, Prawo. Warszawa: Wydawnictwo, 2020.\n".replace("Prawo", "Prawo ĺ").encode("cp1250"),
                       "not valid UTF-8"),
    "a 10,000-reference list": ("".join(f"{n}. Smith John, Title number {n}. Publisher, 2020.\n" for n in range(1, 10001)).encode(),
                                "10000 references is more than one article cites"),
}


@pytest.mark.parametrize("data, message", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gives_one_clear_line_exit_1_and_no_files(tmp_path: Path, out: Path, capsys, data: bytes, message: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    assert run("import", page, "--out", out) == 1
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
    assert len(error.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


def test_missing_page_is_bad_input(out: Path, capsys) -> None:
    assert run("import", out / "nowhere.html", "--out", out) == 1
    assert "file not found" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("import", "--no-such-option")
    assert exit_info.value.code == 2


def test_a_long_list_parsed_in_parallel_equals_one_parsed_in_order(monkeypatch) -> None:
    from scholarpage.importer import page_import as importer

    texts = [f"Author{n}, A. ({1950 + n % 70}). Title number {n}. Journal of Tests, {n % 9 + 1}({n % 4 + 1}), {n}–{n + 9}."
             for n in range(1, 2601)]
    monkeypatch.setattr(importer, "PARALLEL_FROM", 2000)
    parallel, tagged = importer._parse_all(texts)
    monkeypatch.setattr(importer, "PARALLEL_FROM", 10**9)
    assert (parallel, tagged) == importer._parse_all(texts)
    assert [r.text for r in parallel] == texts


@pytest.mark.skipif(not SHARED_SEED.is_file(), reason="no ../shared/seed beside this clone to compare with")
def test_the_seed_copy_is_the_shared_seed() -> None:
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_check_and_the_build_log_give_the_same_advice_for_the_same_gap(capsys, tmp_path) -> None:
    from conftest import build_site

    assert run("check", ROOT / "references.bib") == 0
    gaps = [line.removeprefix("warning: ") for line in capsys.readouterr().out.splitlines() if "none given" in line]
    assert gaps
    log = build_site(ROOT, tmp_path / "site").stderr
    for gap in gaps:
        assert f"metadata: {gap}" in log


REVIEWED = """\
1. Okafor, C. N., & Haddad, R. (2023). Collateral registries and small-firm lending. Journal of Banking & Finance, 149, 106789.
2. Merges, R. P. (2011). Justifying intellectual property (2nd ed.). Harvard University Press.
3. Dupont, M. (2019). La titrisation des actifs incorporels en droit français. Revue de droit bancaire et financier, 4, 55–61.
4. Kieff, F. S. (2001). Property rights and property rules for commercializing inventions. Minnesota Law Review, 85(3), 697–754.
5. IFC, IFC MSME Finance Factsheet. MSME Finance. Washington D.C.: International Finance Corporation, World Bank Group, September 2024.
6. Chung Jili, Innovation’s Crouching Tiger (Second Edition). Ehgbooks, 2020.
"""
_REVIEW_LINE = re.compile(r"^review: (?:\S*/)?references\.bib:(\d+): (\w+): (\w+) \((\d\.\d\d)\): the model reads '[^']+' as ")


def _review_lines(printed: str) -> list[re.Match]:
    return [m for m in map(_REVIEW_LINE.match, printed.splitlines()) if m]


def test_import_and_check_list_the_readings_the_model_doubts_worst_first(out: Path, capsys) -> None:
    (out / "list.txt").write_text(REVIEWED, encoding="utf-8")
    assert run("import", out / "list.txt", "--out", out) == 0
    imported = _review_lines(capsys.readouterr().out)
    assert [m[2] for m in imported] == ["ifc2024ifc", "chung2020innovations"]  # worst first; the APA ones pass
    assert [float(m[4]) for m in imported] == sorted(float(m[4]) for m in imported)
    bib = (out / "references.bib").read_text(encoding="utf-8").splitlines()
    assert all(bib[int(m[1]) - 1].endswith("{" + m[2] + ",") for m in imported)  # located at the entry
    assert run("check", out / "references.bib") == 0
    assert [m.groups() for m in _review_lines(capsys.readouterr().out)] == [m.groups() for m in imported]


def test_a_reference_corrected_in_the_overrides_is_not_reviewed_again(out: Path, capsys) -> None:
    (out / "list.txt").write_text(REVIEWED, encoding="utf-8")
    (out / "import-overrides.yml").write_text(
        "references:\n  5:\n    authors: ['{IFC}']\n    title: IFC MSME Finance Factsheet\n", encoding="utf-8")
    assert run("import", out / "list.txt", "--out", out) == 0
    assert [m[2] for m in _review_lines(capsys.readouterr().out)] == ["chung2020innovations"]


# --- an editorial or a book review has no reference list: imported all the same, with an empty references.bib ---
EDITORIAL_HTML = """<!DOCTYPE html><html lang="en-US"><head>
<title>Editorial: Ten Years of the Journal | Journal of Tests</title>
<meta name="citation_journal_title" content="Journal of Tests"/>
<meta name="citation_author" content="Anna Kowalska"/>
<meta name="citation_title" content="Editorial: Ten Years of the Journal"/>
<meta name="citation_language" content="en"/><meta name="citation_date" content="2022/03/01"/>
<meta name="citation_volume" content="10"/><meta name="citation_issue" content="1"/>
<meta name="DC.Type.articleType" content="Editorial"/>
</head><body class="pkp_page_article pkp_op_view"><article class="obj_article_details">
<h1 class="page_title">Editorial: Ten Years of the Journal</h1>
<section class="item abstract"><h2 class="label">Abstract</h2><p>This issue marks ten years.</p></section>
<div class="item published"><div class="label">Published</div><div class="value">2022-03-01</div></div>
</article></body></html>"""

# A book review, copied as text from a Portuguese interface: no "Referências" anywhere.
REVIEW_TEXT = """Ir para o conteúdo principal
Início / Arquivos / v. 12 n. 3 (2021) / Resenhas
Resenha: Bibliotecas e leitura no Brasil
Maria Silva
Resumo
Uma resenha do livro sobre as bibliotecas públicas e a leitura no Brasil.
Publicado
2021-09-30
Como Citar
Silva, M. (2021). Resenha: Bibliotecas e leitura no Brasil. Revista de Teste, 12(3), 5–7.
"""


@pytest.mark.parametrize("name, text", [("editorial.html", EDITORIAL_HTML), ("resenha.txt", REVIEW_TEXT)])
def test_an_article_without_references_is_imported_with_an_empty_references_bib(tmp_path: Path, out: Path, capsys,
                                                                                name: str, text: str) -> None:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    assert run("import", page, "--out", out, "--strict") == 0  # a note, not a finding
    printed = capsys.readouterr()
    notes = [line for line in printed.out.splitlines() if "no reference list" in line]
    assert notes == [f"note: {name}: no reference list on the page (an editorial, a book review?): references.bib "
                     "is written without entries"]
    assert "Traceback" not in printed.err and printed.err == ""
    from scholarpage.sources.article_yml import load_article
    from scholarpage.importer.page_import import written_by_import

    assert load_article(out / "article.yml").title.startswith(("Editorial: Ten Years", "Resenha: Bibliotecas"))
    bib = (out / "references.bib").read_bytes()
    assert b"@" not in bib and b"no reference list" in bib and written_by_import(bib)  # a re-import may replace it
    assert run("import", page, "--out", out) == 0


@pytest.mark.parametrize("html", [
    b"<html><head><title>Journal of Tests</title></head><body><h1>Journal of Tests</h1><div class='current_issue'>"
    b"<h2>Current Issue</h2><a class='title' href='#'>Vol. 10 No. 1 (2022)</a></div></body></html>",
    b"<html><head><title>About the Journal | Journal of Tests</title></head><body><h1>About</h1></body></html>"])
def test_a_page_that_is_no_article_is_still_refused(tmp_path: Path, out: Path, capsys, html: bytes) -> None:
    page = tmp_path / "home.html"
    page.write_bytes(html)
    assert run("import", page, "--out", out) == 1
    error = capsys.readouterr().err
    assert "no references found" in error and len(error.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


def test_processes_1_parses_a_long_list_in_this_process_with_the_same_result(monkeypatch) -> None:
    """`--processes 1` (a container that forbids new processes): no pool is started."""
    import concurrent.futures

    from scholarpage.importer import page_import as importer

    texts = [f"Author{n}, A. (2001). Title {n}. Journal of Tests, 3, {n}–{n + 9}." for n in range(1, 60)]
    monkeypatch.setattr(importer, "PARALLEL_FROM", 10)
    expected = importer._parse_all(texts, processes=2)

    def refuse(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    assert importer._parse_all(texts, processes=1) == expected


def test_processes_must_be_a_count(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("import", str(tmp_path / "page.html"), "--processes", "-1")
    assert exit_info.value.code == 2
    assert "expected 0 (one per core) or more" in capsys.readouterr().err
