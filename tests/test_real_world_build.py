"""Whole builds of real-world sources: a problem stops the build with one located line per
problem, no traceback, and the last site left byte for byte as it was (issue 13)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import get_build_timestamp

from conftest import ROOT, build_site, copy_project, tree_digest
from scholarpage.metadata.crawl import last_modified
from scholarpage.metadata.head_tags import head_html
from scholarpage.metadata.jsonld import jsonld_script
from scholarpage.model import Article, Journal, Reference
from scholarpage.render.article_page import article_page

ARTICLE = (ROOT / "tests/fixtures/small/article.yml").read_text("utf-8")
BIB = "@article{Gorton2013, author = {Gorton, Gary}, title = {A title}, journaltitle = {J}, year = {2013}}\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A project whose site/ holds a good build; its about.md cites the fixture's one key."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    (project / "article.yml").write_text(ARTICLE, "utf-8")
    (project / "references.bib").write_text(BIB, "utf-8")
    (project / "docs/about.md").write_text("# About\n\nAs shown [@Gorton2013].\n", "utf-8")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built, tmp_path):
    copy = tmp_path / "p"
    shutil.copytree(built, copy)
    return copy


def _refused(project: Path, *expected: str) -> None:
    before = tree_digest(project / "site")
    result = build_site(project, project / "site")
    output = result.stderr + result.stdout
    assert result.returncode != 0 and "Traceback" not in output, output
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    for line in expected:
        assert line in result.stderr, result.stderr
    assert tree_digest(project / "site") == before


# bytes of article.yml or references.bib (None: as built) → the located lines expected
CASES = {
    "a missing comma": (None, b"@article{a,\n  title = {No comma}\n  year = 2020,\n}\n",
                        ["references.bib:3: a: title: missing comma before 'year'"]),
    "an undefined @string": (None, b"@article{a, title = {T},\n journal = jgr}\n",
                             ["references.bib:2: a: journal: undefined @string 'jgr'"]),
    "a field given twice": (ARTICLE.encode() + b"title: Again\n", None,
                            ["article.yml:41: title: given twice (first on line 2); delete one"]),
    "a blank title": (re.sub(r'(?m)^title: .*$', 'title: " "', ARTICLE).encode(), None,
                      ["article.yml:2: title: ' ' is blank"]),
    "a control character": (ARTICLE.replace("Articles", "Art\x01icles").encode(), b"@book{a, title = {T\x1b}}\n",
                            ["article.yml:24: control character U+0001", "references.bib:1: control character U+001B"]),
    "!!binary": (ARTICLE.encode() + b"pdf: !!binary aGk=\n", None, ["article.yml:41: the tag !!binary is not allowed"]),
    "an alias bomb": (b"\n".join([b"a0: &a0 [x,x,x,x,x,x,x,x,x,x]"] + [
        f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 10)}]".encode() for n in range(1, 9)]) + b"\ntitle: *a8\n", None,
        ["more than 100,000 values once aliases are expanded"]),
    "UTF-16": (ARTICLE.encode("utf-16"), None, ["article.yml: UTF-16 text, not UTF-8: save the file as UTF-8"]),
    "a crossref to nothing": (None, b"@inproceedings{a, title = {T}, crossref = {proc}}\n",
                              ["references.bib:1: a: crossref: 'proc': no entry with that key"]),
}


@pytest.mark.parametrize("case", CASES)
def test_a_problem_in_the_sources_stops_the_build_and_keeps_the_site(case, project):
    article, bib, expected = CASES[case]
    if article is not None:
        (project / "article.yml").write_bytes(article)
    if bib is not None:
        (project / "references.bib").write_bytes(bib)
    _refused(project, *expected)


def test_a_folder_given_as_a_source_is_named_a_folder(project):
    (project / "references.bib").unlink()
    (project / "references.bib").mkdir()
    _refused(project, "references.bib: is a folder, not a file")


def test_an_unknown_citation_key_under_strict_is_found_before_the_site_is_emptied(project):
    """Was: the warning came while pages were written, after MkDocs had emptied site/."""
    (project / "docs/about.md").write_text("# About\n\n`[@inside code]`\n\nAs shown [@gorton2013].\n", "utf-8")
    _refused(project, "docs/about.md:5: citation key 'gorton2013' is not in the references")


def test_a_hand_written_page_where_the_article_page_goes_is_an_error(project):
    """Was replaced by the article page with only an INFO line."""
    (project / "docs/index.md").write_text("# My own home page\n", "utf-8")
    _refused(project, "docs/index.md: the article page is generated at this address (the plugin's `page: index.md`)")


def test_make_site_keeps_the_last_site_when_a_build_fails_late(project):
    """A problem MkDocs finds only while writing pages (here a broken link under --strict):
    `make site` builds into a new folder and swaps it in only on success."""
    script = [sys.executable, str(ROOT / "scripts/build_site.py")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    assert subprocess.run(script, cwd=project, capture_output=True, text=True, env=env).returncode == 0
    before = tree_digest(project / "site")
    (project / "docs/about.md").write_text("# About\n\nSee [the notes](nowhere.md).\n", "utf-8")
    result = subprocess.run(script, cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "nowhere.md" in result.stderr and "site/ is unchanged" in result.stderr
    assert tree_digest(project / "site") == before
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []
    (project / "docs/about.md").write_text("# About\n\nNew text.\n", "utf-8")
    assert subprocess.run(script, cwd=project, capture_output=True, text=True, env=env).returncode == 0
    assert "New text." in (project / "site/about/index.html").read_text("utf-8")


@pytest.mark.parametrize(("published", "year"), [("1965-05-01", 1965), ("2150-01-31", 2150)])
def test_a_publication_date_outside_gzips_clock_builds(project, published, year):
    """Was struct.error from MkDocs' sitemap.xml.gz: the sitemap now gives the build date."""
    article = re.sub(r"published: \S+", f"published: {published}", ARTICLE)
    (project / "article.yml").write_text(re.sub(r"(?m)^year: \d+", f"year: {year}", article), "utf-8")
    result = build_site(project, project / "site", env={"SOURCE_DATE_EPOCH": "1700000000",
                                                        "SITE_URL": "https://example.org/"})
    assert result.returncode == 0, result.stderr
    assert "<lastmod>2023-11-14</lastmod>" in (project / "site/sitemap.xml").read_text("utf-8")
    page = (project / "site/index.html").read_text("utf-8")
    assert f'<meta name="citation_publication_date" content="{published.replace("-", "/")}">' in page


def test_a_build_starts_no_process(project, tmp_path):
    """Issue 13 item 4: a refused fork() (a process limit) cannot stop a build that forks nothing."""
    script = (
        "import os, sys\nforks = []\nos.register_at_fork(before=lambda: forks.append(1))\n"
        "from mkdocs.commands.build import build\nfrom mkdocs.config import load_config\n"
        "build(load_config(sys.argv[1], site_dir=sys.argv[2], strict=True))\nprint('forks', len(forks))\n")
    result = subprocess.run([sys.executable, "-c", script, str(project / "mkdocs.yml"), str(tmp_path / "out")],
                            capture_output=True, text=True, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["forks", "0"]


def test_a_large_bib_with_an_at_sign_starting_a_line_in_a_field_builds(project):
    """Issue 13 item 11: over 100,000 characters, `mkdocs build` split the file at such a line."""
    entries = "".join(f"@book{{k{n}, title = {{Title {n}}}, year = 2001, formatted = {{Book {n}.}}}}\n"
                      for n in range(2500))
    bib = BIB + entries + "@misc{at, title = {T}, year = 2002,\n  note = {first line\n@ second line}}\n"
    assert len(bib) > 100_000
    (project / "references.bib").write_text(bib, "utf-8")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert 'id="ref-2502"' in (project / "site/index.html").read_text("utf-8")


# --- dates across the schema's range, generated -------------------------------------------------------

_DATES = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@settings(max_examples=300, deadline=None)
@given(_DATES, st.integers(0, 2**32 - 86_401))
def test_any_publication_date_gives_a_sitemap_date_gzip_can_hold(published, epoch):
    """MkDocs stamps sitemap.xml.gz with the latest page date, in gzip's 32-bit clock."""
    article = Article(title="T", journal=Journal("J"), year=published.year, language="en", published=published)
    build_date = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%d")
    lastmod = last_modified(article, build_date)
    assert lastmod in (published.isoformat(), build_date)
    timestamp = get_build_timestamp(pages=[SimpleNamespace(update_date=lastmod), SimpleNamespace(update_date="")])
    with gzip.GzipFile(fileobj=io.BytesIO(), mode="wb", mtime=timestamp) as stream:
        stream.write(b"<urlset/>")


@settings(max_examples=60, deadline=None)
@given(_DATES, _DATES, st.integers(1000, 9999))
def test_any_dates_of_the_schema_render_the_page_and_its_metadata(published, submitted, year):
    article = Article(title="T", journal=Journal("J"), year=year, language="en", published=published,
                      submitted=submitted)
    reference = Reference(key="Key2020", title="A title", year=str(year), date=published.isoformat())
    page = article_page(article, [reference], page_url="https://example.org/")
    assert f"{published.day} {published:%B} {published.year:04d}" in page
    head = str(head_html(article, [reference], page_url="https://example.org/", pdf_url="",
                         jsonld=jsonld_script(article, [reference], page_url="https://example.org/")))
    assert published.isoformat() in head
