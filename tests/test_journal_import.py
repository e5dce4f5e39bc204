"""`scholarpage import` of several OJS pages: one article folder each, a journal site that builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import yaml

from conftest import FIXTURES, ROOT, build_site
from scholarpage.cli import main

PAGES = [FIXTURES / "seed" / "ojs-article-page.txt", FIXTURES / "ojs" / "ejsit-2024-399.html"]


def _journal_project(out: Path) -> Path:
    """The imported folder given the example journal's mkdocs.yml and docs/."""
    example = ROOT / "examples" / "journal"
    config = (example / "mkdocs.yml").read_text("utf-8")
    (out / "mkdocs.yml").write_text(config, "utf-8")
    shutil.copytree(example / "docs", out / "docs")
    return out


def _seed_corrections(out: Path) -> None:
    """The seed page does not name its journal: its corrections go in its folder, as README says."""
    folder = out / "articles" / "ojs-article-page"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "import-overrides.yml", folder / "import-overrides.yml")


def test_several_pages_become_one_article_folder_each_with_their_own_issue(tmp_path, capsys):
    out = tmp_path / "journal"
    _seed_corrections(out)
    assert main(["import", *map(str, PAGES), "--out", str(out)]) == 0
    reviewed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("review: ") and ".bib:" in line]
    assert reviewed and all(line.startswith(f"review: {out / 'articles'}/") for line in reviewed)  # which article's
    seed = yaml.safe_load((out / "articles/ojs-article-page/article.yml").read_text("utf-8"))
    other = yaml.safe_load((out / "articles/ejsit-2024-399/article.yml").read_text("utf-8"))
    assert (str(seed["volume"]), str(seed["issue"]), seed["year"]) == ("60", "1", 2026)
    assert (str(other["volume"]), str(other["issue"])) == ("4", "2")
    assert (out / "articles/ojs-article-page/references.bib").read_text("utf-8").count("\n@") >= 61
    journal = yaml.safe_load((out / "journal.yml").read_text("utf-8"))
    assert journal["languages"] and journal["title"]
    result = build_site(_journal_project(out), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/articles/ojs-article-page/index.html").is_file()
    assert (tmp_path / "site/issues/vol-60-no-1/index.html").is_file()



def test_journal_yml_gives_its_articles_their_journal_and_an_edit_there_reaches_them(tmp_path):
    """The importer writes no `journal:` block into an article of journal.yml's journal (the
    block would win over journal.yml); an article of another journal keeps its own."""
    out = tmp_path / "journal"
    _seed_corrections(out)
    assert main(["import", *map(str, PAGES), "--out", str(out)]) == 0
    journal = yaml.safe_load((out / "journal.yml").read_text("utf-8"))
    articles = {slug: yaml.safe_load((out / "articles" / slug / "article.yml").read_text("utf-8"))
                for slug in ("ojs-article-page", "ejsit-2024-399")}
    own = [slug for slug, data in articles.items() if "journal" not in data]
    other = [slug for slug, data in articles.items() if "journal" in data]
    assert len(own) == 1 and len(other) == 1, articles
    assert articles[other[0]]["journal"]["title"] != journal["title"]
    config = out / "journal.yml"
    config.write_text(config.read_text("utf-8").replace(f"title: {journal['title']}", "title: Corrected Title"), "utf-8")
    result = build_site(_journal_project(out), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = lxml.html.fromstring((tmp_path / "site/articles" / own[0] / "index.html").read_bytes())
    assert page.xpath("//meta[@name='citation_journal_title']/@content") == ["Corrected Title"]
    page = lxml.html.fromstring((tmp_path / "site/articles" / other[0] / "index.html").read_bytes())
    assert page.xpath("//meta[@name='citation_journal_title']/@content") == [articles[other[0]]["journal"]["title"]]


def test_a_folder_of_pages_imports_like_the_pages_and_reimport_keeps_each_folders_corrections(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for page in PAGES:
        shutil.copy(page, pages / page.name)
    out = tmp_path / "journal"
    _seed_corrections(out)
    assert main(["import", str(pages), "--out", str(out)]) == 0
    folder = out / "articles/ejsit-2024-399"
    (folder / "import-overrides.yml").write_text("article:\n  section: Corrected section\n", "utf-8")
    assert main(["import", str(pages), "--out", str(out)]) == 0
    assert yaml.safe_load((folder / "article.yml").read_text("utf-8"))["section"] == "Corrected section"


def test_one_bad_page_stops_the_import_and_nothing_is_written(tmp_path, capsys):
    bad = tmp_path / "empty.html"
    bad.write_text("", "utf-8")
    out = tmp_path / "journal"
    assert main(["import", str(PAGES[1]), str(bad), "--out", str(out)]) == 1
    assert not out.exists()
    assert "nothing written" in capsys.readouterr().err


def test_an_editorial_without_references_is_imported_with_the_journal_s_articles(tmp_path, capsys):
    from test_importer import EDITORIAL_HTML

    editorial = tmp_path / "editorial.html"
    editorial.write_text(EDITORIAL_HTML, "utf-8")
    out = tmp_path / "journal"
    assert main(["import", str(editorial), str(PAGES[1]), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert [line for line in printed.splitlines() if line.startswith("note: ")] == [
        f"note: {editorial}: no reference list on the page (an editorial, a book review?): references.bib is written "
        "without entries"]
    folder = out / "articles" / "editorial"
    assert yaml.safe_load((folder / "article.yml").read_text("utf-8"))["section"] == "Editorial"
    assert "@" not in (folder / "references.bib").read_text("utf-8")
    assert (out / "articles/ejsit-2024-399/references.bib").read_text("utf-8").count("\n@") == 4
    result = build_site(_journal_project(out), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = lxml.html.fromstring((tmp_path / "site/articles/editorial/index.html").read_bytes())
    assert page.xpath("string(//h1)") and not page.xpath("//ol[contains(@class, 'sp-reflist')]")
