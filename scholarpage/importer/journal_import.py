"""Several saved OJS article pages → one article folder each, for a journal's site.

    scholarpage import page1.html page2.html … --out JOURNAL     (or a folder of pages)

Each page becomes `JOURNAL/articles/<slug>/article.yml` and `references.bib`, its issue taken
from the page; `<slug>` comes from the page's file name, so a re-import writes to the same
folder and reads that folder's own `import-overrides.yml`. Every page is read before anything
is written: one bad page stops the import with its problems and nothing written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scholarpage.errors import Problem, SourceError
from scholarpage.importer.page_import import ARTICLE_NOTE, Imported, import_file, load_overrides, stamped
from scholarpage.model import _slug

PAGE_SUFFIXES = (".html", ".htm", ".txt")
OVERRIDES = "import-overrides.yml"


@dataclass(frozen=True)
class ImportedArticle:
    page: Path
    folder: Path
    result: Imported


def pages_of(paths: list[Path]) -> list[Path]:
    """The pages named, a folder standing for the pages in it (by name)."""
    pages = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
            if not found:
                raise SourceError(Problem(str(path), 0, "", "a folder without saved pages (.html, .htm, .txt)"))
            pages += found
        else:
            pages.append(path)
    return pages


def import_journal(pages: list[Path], out: Path, *, max_references: int, processes: int = 0) -> list[ImportedArticle]:
    """Every page imported into its own folder under `out/articles/`; SourceError with every
    page's problems when any page cannot be imported."""
    problems: list[Problem] = []
    imported, seen = [], {}
    for page in pages:
        slug = _slug(page.stem) or "article"
        if slug in seen:
            problems.append(Problem(str(page), 0, "", f"goes to the same folder articles/{slug}/ as {seen[slug]}; "
                                                      "rename one of the two files"))
            continue
        seen[slug] = page
        folder = out / "articles" / slug
        try:
            overrides = load_overrides(folder / OVERRIDES) if (folder / OVERRIDES).exists() else {}
            result = import_file(page, overrides, max_references=max_references, processes=processes)
        except SourceError as error:
            problems += error.problems
            continue
        if result.article_yaml is None:
            problems.append(Problem(str(page), 0, "", "not an article page (a plain reference list): a journal's "
                                                      "articles need their metadata"))
            continue
        imported.append(ImportedArticle(page, folder, result))
    if problems:
        raise SourceError(problems)
    return imported


def journal_yml(articles: list[ImportedArticle]) -> str:
    """A starting journal.yml from the journal fields the pages give (the first page's)."""
    journal: dict = {}
    for entry in articles:
        data = yaml.safe_load(entry.result.article_yaml or "") or {}
        journal = data.get("journal") or {}
        if journal:
            language = data.get("language") or "en"
            break
    else:
        language = "en"
    fields = {key: journal[key] for key in ("title", "abbreviation", "issn", "eissn", "publisher", "url")
              if journal.get(key)}
    fields.setdefault("title", "Journal title")
    fields["languages"] = [language]
    header = "# Written by `scholarpage import` from the pages' journal fields; edit freely (README).\n"
    return header + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=100)


def journal_title(journal_yml_text: str) -> str:
    """The title journal.yml gives ("" when it gives none or cannot be read: its build says why)."""
    try:
        data = yaml.safe_load(journal_yml_text)
    except yaml.YAMLError:
        return ""
    return str(data.get("title") or "") if isinstance(data, dict) else ""


def in_journal(article_yaml: str, title: str) -> str:
    """article.yml without its `journal:` block when the block names the journal of journal.yml:
    an article's own block wins over journal.yml, so an edit there (a corrected title, an ISSN)
    would not reach the imported articles. A block naming another journal (a publication list's
    article) is kept."""
    body = article_yaml.partition("\n")[2]  # after the import's stamp, which is made again below
    data = yaml.safe_load(body) or {}
    own = str((data.get("journal") or {}).get("title") or "")
    if not title or " ".join(own.split()).casefold() != " ".join(title.split()).casefold():
        return article_yaml
    return stamped(re.sub(r"^journal:\n(?:[ \t].*\n)*", "", body, count=1, flags=re.MULTILINE), "#", ARTICLE_NOTE)
