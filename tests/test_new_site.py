"""Issue 14, item 9: a newcomer's clean start, end to end (`scholarpage new`, own sources,
`mkdocs build --strict`, one's own journal name on the page)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from lxml import html as lxml_html

from conftest import FIXTURES, ROOT, build_site, copy_project


def _new(folder) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scholarpage.cli", "new", str(folder)],
                          capture_output=True, text=True, check=False)


def _page(site):
    return lxml_html.fromstring((site / "index.html").read_text(encoding="utf-8"))


def test_new_writes_a_folder_that_builds_strictly(tmp_path):
    folder = tmp_path / "my-article"
    result = _new(folder)
    assert result.returncode == 0, result.stderr
    assert {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} == {
        "article.yml", "references.bib", "mkdocs.yml", "docs/.gitkeep"}
    built = build_site(folder, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    page = _page(tmp_path / "site")
    assert page.xpath("//meta[@name='citation_title']/@content") == ["The title of your article"]  # the plugin's own templates
    assert page.cssselect(".md-header__topic .md-ellipsis")[0].text_content().strip() == "Journal name"
    assert page.cssselect(".sp-reflist li")


def test_own_sources_give_the_site_their_journal_and_are_never_overwritten(tmp_path):
    folder = tmp_path / "own"
    folder.mkdir()
    for name in ("article.yml", "references.bib"):
        shutil.copy(FIXTURES / "small" / name, folder / name)
    before = {name: (folder / name).read_bytes() for name in ("article.yml", "references.bib")}
    result = _new(folder)
    assert result.returncode == 0, result.stderr
    assert "kept  " in result.stdout and {name: (folder / name).read_bytes() for name in before} == before
    built = build_site(folder, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    page = _page(tmp_path / "site")
    journal = "Journal of <Tests> & Fixtures"
    assert page.cssselect(".md-header__topic .md-ellipsis")[0].text_content().strip() == journal
    assert page.cssselect("title")[0].text_content().endswith(" - " + journal)
    assert page.cssselect(".sp-fact--journal dd")[0].text_content() == journal
    config = (folder / "mkdocs.yml").read_bytes()
    again = _new(folder)
    assert again.returncode == 0 and "wrote" not in again.stdout
    assert (folder / "mkdocs.yml").read_bytes() == config


def test_the_repositorys_pages_build_with_anyone_elses_sources(tmp_path):
    """README's "by hand" path: replace article.yml and references.bib in the repository. The
    hand-written about page cites no seed key and links to no seed anchor, so --strict passes."""
    project = copy_project(tmp_path / "p", FIXTURES / "small/article.yml", FIXTURES / "small/references.bib")
    built = build_site(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    assert _page(tmp_path / "site").cssselect(".sp-fact--journal dd")[0].text_content() == "Journal of <Tests> & Fixtures"


def test_a_sites_own_theme_overrides_come_first_and_the_article_keeps_its_head_tags(tmp_path):
    """A site's custom_dir overrides Material's templates as usual; the plugin's templates sit
    between the two, so the article page keeps its scholarly head tags."""
    folder = tmp_path / "own-theme"
    assert _new(folder).returncode == 0
    (folder / "overrides/partials").mkdir(parents=True)
    (folder / "overrides/partials/copyright.html").write_text("<p id='house-footer'>House footer</p>\n", "utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
                      "utf-8")
    built = build_site(folder, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    page = _page(tmp_path / "site")
    assert page.xpath("//p[@id='house-footer']/text()") == ["House footer"]
    assert page.xpath("//meta[@name='citation_title']/@content") == ["The title of your article"]


def test_readme_explains_materials_end_of_life_notice_and_how_to_silence_it(tmp_path):
    """Item 11: the notice README describes is the one the pinned Material prints, and the
    variable README names silences it."""
    assert _new(tmp_path / "a").returncode == 0
    noisy = build_site(tmp_path / "a", tmp_path / "site", env={"NO_MKDOCS_2_WARNING": None})
    quiet = build_site(tmp_path / "a", tmp_path / "site2")
    assert noisy.returncode == quiet.returncode == 0
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    notice = "Material for MkDocs reaches end of life on May 5, 2027"
    assert notice in noisy.stderr and notice not in quiet.stderr
    assert notice in readme and "NO_MKDOCS_2_WARNING=1" in readme
