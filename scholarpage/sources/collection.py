"""A journal's sources → Collection: journal.yml, issues.yml and one folder per article.

    journal.yml
    issues.yml                 optional: issue titles, dates and descriptions
    articles/<slug>/article.yml, optional references.bib, body.md and one PDF galley

Issues are gathered from the articles' volume, issue and year. Every problem in every file is
reported at once, each as FILE:LINE: field: message, with the path from the project's folder.
A folder's name is its article's address, so it must be one a URL carries as it is. An article
without references.bib, or with one that holds no entry, is an article without references (an
editorial, a book review).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from text_unidecode import unidecode

from scholarpage.errors import Problem, SourceError
from scholarpage.model import Collection, Issue, Journal, License, PublishedArticle, _slug
from scholarpage.sources.article_yml import parse_article_kept, read_validated
from scholarpage.sources.bibtex import parse_references_kept

BODY = "body.md"
REFERENCES = "references.bib"
#: What a folder's name may hold: it is the article's URL path, printed as it is in feeds and metadata.
ADDRESS = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

log = logging.getLogger("mkdocs.plugins.scholarpage")


def load_collection(root: Path, journal_file: str = "journal.yml", articles_folder: str = "articles",
                    issues_file: str = "issues.yml") -> Collection:
    """Read every source of the journal's site; raise SourceError listing every problem."""
    problems: list[Problem] = []
    journal_data = _read(root, journal_file, "journal.schema.yml", problems)
    issue_data = _read(root, issues_file, "issues.schema.yml", problems) if (root / issues_file).is_file() else {}
    journal = _journal(journal_data or {"title": ""})
    where = root / articles_folder
    # A hidden folder (.ipynb_checkpoints, an editor's) is no article.
    folders = sorted(p for p in where.iterdir() if p.is_dir() and not p.name.startswith(".")) if where.is_dir() else []
    if not folders:
        problems.append(Problem(f"{articles_folder}/", 0, "", "no article folders (each holds article.yml and "
                                                              "references.bib)"))
    # When journal.yml is not valid, its problems are reported once, not again in every article
    # that takes its journal from it.
    fields = _journal_fields(journal_data) if journal_data else {"title": journal_file}
    defaults = {"journal": fields, "language": (journal.languages or ("en",))[0]}
    articles = [_article(root, folder, defaults, problems) for folder in folders]
    problems += _same_doi([a for a in articles if a is not None], articles_folder, root)
    if problems:
        raise SourceError(problems)
    issues = _issues([a for a in articles if a is not None], (issue_data or {}).get("issues") or [],
                     _source_text(root / issues_file), issues_file, problems)
    problems += _same_addresses(issues, articles_folder, root)
    if problems:
        raise SourceError(problems)
    return Collection(journal, issues)


def _source_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _line_of(text: str, pattern: str) -> int:
    """The line where `pattern` (a regular expression) first matches in `text`, or 0."""
    found = re.search(pattern, text, flags=re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def _same_addresses(issues: tuple[Issue, ...], articles_folder: str, root: Path) -> list[Problem]:
    """Two issues whose pages would share an address ("S1" and "s1"; one number in two years):
    one would silently replace the other."""
    problems, first = [], {}
    for issue in issues:
        if issue.slug not in first:
            first[issue.slug] = issue
            continue
        other = first[issue.slug]
        for entry in issue.articles:
            path = f"{articles_folder}/{entry.slug}/article.yml"
            source = _source_text(root / path)
            line = _line_of(source, r"^issue\s*:") or _line_of(source, r"^year\s*:")
            problems.append(Problem(path, line, "issue", f"{issue.label} would have the address issues/{issue.slug}/ "
                                    f"of {other.label}: give one of them another volume, issue or year"))
    return problems


def _same_doi(articles: list[PublishedArticle], articles_folder: str, root: Path) -> list[Problem]:
    """Two articles with one DOI: a copied article.yml whose DOI was not changed. Indexers would
    take one for the other."""
    problems, first = [], {}
    for entry in articles:
        doi = entry.article.doi.casefold()
        if not doi:
            continue
        if doi not in first:
            first[doi] = entry
            continue
        path = f"{articles_folder}/{entry.slug}/article.yml"
        problems.append(Problem(path, _line_of(_source_text(root / path), r"^doi\s*:"), "doi",
                                f"{entry.article.doi} is also the DOI of {articles_folder}/{first[doi].slug}/"))
    return problems


def _read(root: Path, name: str, schema_file: str, problems: list[Problem]) -> dict[str, Any] | None:
    path = root / name
    try:
        return read_validated(_text(path, name), name, schema_file)
    except SourceError as error:
        problems.extend(error.problems)
        return None


def _text(path: Path, name: str) -> str:
    if not path.is_file():
        raise SourceError(Problem(name, 0, "", "file not found" if not path.exists() else "not a file"))
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise SourceError(Problem(name, line, "", "not valid UTF-8 text")) from None
    except OSError as error:
        raise SourceError(Problem(name, 0, "", f"cannot be read: {error.strerror}")) from None


def _article(root: Path, folder: Path, defaults: dict[str, Any], problems: list[Problem]) -> PublishedArticle | None:
    where = folder.relative_to(root).as_posix()
    if not ADDRESS.fullmatch(folder.name):
        suggestion = _slug(unidecode(folder.name)) or "article-1"
        problems.append(Problem(f"{where}/", 0, "", f"the folder's name is the article's address: use letters, digits, "
                                                     f"'-', '_' and '.' only (rename it, e.g. to '{suggestion}')"))
    found = []
    for load in (lambda: parse_article_kept(_text(folder / "article.yml", f"{where}/article.yml"),
                                       f"{where}/article.yml", defaults),
                 lambda: _references(folder, where)):
        try:
            found.append(load())
        except SourceError as error:
            problems.extend(error.problems)
    if len(found) < 2:
        return None
    article, references = found
    if not references:
        log.info(f"{where}: no references (no {REFERENCES}, or one without entries): its page has no reference list")
    pdfs = sorted(p.name for p in folder.glob("*.pdf"))
    pdf = article.pdf if article.pdf in pdfs else (pdfs[0] if len(pdfs) == 1 and not article.pdf else "")
    if article.pdf and article.pdf not in pdfs:
        line = _line_of(_source_text(folder / "article.yml"), r"^pdf\s*:")
        problems.append(Problem(f"{where}/article.yml", line, "pdf", f"'{article.pdf}' is not in {where}/"))
    body = ""
    if (folder / BODY).exists():
        try:
            body = _text(folder / BODY, f"{where}/{BODY}")
        except SourceError as error:
            problems.extend(error.problems)
    return PublishedArticle(folder.name, article, references, body=body, pdf=pdf)


def _references(folder: Path, where: str):
    """The folder's references; none when it has no references.bib or one without entries."""
    if not (folder / REFERENCES).exists():
        return ()
    return parse_references_kept(_text(folder / REFERENCES, f"{where}/{REFERENCES}"), f"{where}/{REFERENCES}",
                                 required=False)


def _journal_fields(data: dict[str, Any]) -> dict[str, Any]:
    """What article.yml's `journal` mapping takes from journal.yml."""
    keys = ("title", "abbreviation", "issn", "eissn", "publisher", "url")
    return {key: data[key] for key in keys if data.get(key) is not None}


def _journal(data: dict[str, Any]) -> Journal:
    text = {key: " ".join(str(data.get(key) or "").split()) for key in ("title", "abbreviation", "issn", "eissn",
                                                                      "publisher", "url")}
    description = tuple(" ".join(p.split()) for p in str(data.get("description") or "").split("\n\n") if p.strip())
    license_data = data.get("license") or {}
    contact = data.get("contact") or {}
    return Journal(**text, description=description,
                   license=License(name=license_data.get("name") or "", url=license_data.get("url") or ""),
                   languages=tuple(data.get("languages") or ()),
                   contact_name=contact.get("name") or "", contact_email=contact.get("email") or "")


def _issues(articles: list[PublishedArticle], described: list[dict[str, Any]], text: str = "",
            name: str = "issues.yml", problems: list[Problem] | None = None) -> tuple[Issue, ...]:
    """Articles grouped by (volume, issue, year), newest issue first; articles by first page
    (the issue's page groups them by section in that order). An issues.yml entry for no issue,
    or an impossible date, is a problem."""
    problems = [] if problems is None else problems
    groups: dict[tuple[str, str, int], list[PublishedArticle]] = defaultdict(list)
    for entry in articles:
        groups[(entry.article.volume, entry.article.issue, entry.article.year)].append(entry)
    about = {}
    for index, d in enumerate(described):
        key = (str(d["volume"]), str(d.get("issue") or ""), d["year"])
        items = [m.start() for m in re.finditer(r"^\s*-\s", text, flags=re.MULTILINE)]
        line = text.count("\n", 0, items[index]) + 1 if index < len(items) else 0
        if key not in groups:
            problems.append(Problem(name, line, "issues", f"no article is in volume {key[0]}, issue {key[1] or '-'}, "
                                    f"year {key[2]} (check each article.yml's volume, issue and year)"))
        date = d.get("date")
        if date:
            try:
                dt.date.fromisoformat(date)
            except ValueError:
                where = _line_of(text, rf"date\s*:\s*['\"]?{re.escape(str(date))}") or line
                problems.append(Problem(name, where, "date", f"'{date}' is not a calendar date"))
                d = {**d, "date": None}
        about[key] = d
    issues = []
    for (volume, number, year), members in groups.items():
        info = about.get((volume, number, year), {})
        members.sort(key=_reading_order)
        issues.append(Issue(volume, number, year, tuple(members), title=" ".join(str(info.get("title") or "").split()),
                            date=dt.date.fromisoformat(info["date"]) if info.get("date") else None,
                            description=" ".join(str(info.get("description") or "").split())))
    return tuple(sorted(issues, key=_issue_order, reverse=True))


def _reading_order(entry: PublishedArticle) -> tuple:
    page = entry.article.first_page
    return (int(page) if page.isdigit() else 10**9, entry.article.title)


def _issue_order(issue: Issue) -> tuple:
    def number(text: str) -> tuple[int, str]:
        return (int(text), "") if text.isdigit() else (-1, text)
    return (issue.year, number(issue.volume), number(issue.number))
