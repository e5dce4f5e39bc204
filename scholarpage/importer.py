"""Import: an OJS page or a reference list → article.yml + references.bib, written atomically.

Pipeline: bytes → text (clear errors for binary data or a wrong encoding) → `ojs.read_page`
→ `plaintext.parse_reference` per entry → overrides → unique keys → YAML and BibTeX text, both
validated by this package's own loaders before anything touches the disk.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .article import parse_article
from .bibtex import dump_references
from .errors import Problem, SourceError
from .model import Person, Reference
from .ojs import read_page
from .plaintext import is_unusable, parse_reference, unique_keys
from .plaintext.language import detect_language
from .tagger.context import list_style
from .quality import reference_findings

MAX_REFERENCES = 2000
ARTICLE_ORDER = ("title", "subtitle", "authors", "journal", "volume", "issue", "issue_label", "year", "section",
                 "pages", "article_number", "doi", "url", "dates", "language", "keywords", "abstract", "license", "pdf")
_REFERENCE_FIELDS = {f.name for f in dataclasses.fields(Reference)} - {"key", "text", "line", "authors", "editors"}


@dataclass
class Imported:
    article_yaml: str | None
    bibtex: str
    references: tuple[Reference, ...]
    findings: list[Problem] = field(default_factory=list)


def import_file(path: Path, overrides: dict | None = None, *, max_references: int = MAX_REFERENCES) -> Imported:
    if not path.is_file():
        raise SourceError(Problem(str(path), 0, "", "file not found"))
    return import_bytes(path.read_bytes(), path.name, overrides, max_references=max_references)


def import_bytes(data: bytes, name: str, overrides: dict | None = None, *,
                 max_references: int = MAX_REFERENCES) -> Imported:
    text, is_html = decode(data, name)
    page = read_page(text, is_html=is_html)
    overrides = overrides or {}
    if not page.references:
        what = "an article page" if page.article.get("title") else "an article page or a reference list"
        raise SourceError(Problem(name, 0, "", f"not {what}: no references found"))
    if len(page.references) > max_references:
        raise SourceError(Problem(name, 0, "", f"{len(page.references)} references is more than one article cites "
                                                f"(limit {max_references}; raise it with --max-references)"))
    references = _references(page.references, overrides.get("references") or {}, name, page.kind)
    bibtex = dump_references(references)
    written = _with_lines(references, bibtex)
    article_yaml = None
    if page.kind == "article":
        article = _merge(page.article, overrides.get("article") or {})
        article.setdefault("language", detect_language(f"{article.get('title', '')} {article.get('abstract', '')}"))
        article_yaml = dump_article(article, name)
    return Imported(article_yaml, bibtex, written, reference_findings(written, "references.bib"))


def _with_lines(references: tuple[Reference, ...], bibtex: str) -> tuple[Reference, ...]:
    """Each reference with the line its entry starts on in the written file.

    The file is not re-parsed here (10,000 entries would take seconds); that what
    `dump_references` writes reads back unchanged is a property test of the writer.
    """
    starts = [number for number, line in enumerate(bibtex.splitlines(), 1) if line.startswith("@")]
    return tuple(dataclasses.replace(ref, line=line) for ref, line in zip(references, starts))


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """Bytes → text and whether it is HTML; one clear problem for anything else."""
    if not data.strip():
        raise SourceError(Problem(name, 0, "", "the file is empty"))
    sample = data[:4096]
    controls = sum(byte < 9 or 13 < byte < 32 for byte in sample)
    if b"\x00" in sample or controls > len(sample) // 20:
        raise SourceError(Problem(name, 0, "", "binary data, not a text or HTML page"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(Problem(name, line, "", "not valid UTF-8 (a legacy encoding such as Latin-1 or "
                                                  "CP1250?): save the file as UTF-8 and import again")) from None
    is_html = bool(re.match(r"\s*(?:<!doctype\s+html|<html|<head|<meta|<body|<\?xml)", text[:1000], re.I))
    return text, is_html


#: Lists at least this long are parsed on every core (worth the processes' start-up).
PARALLEL_FROM = 2000


def _parse_all(texts: list[str]) -> list[Reference]:
    """Parse each reference; long lists in parallel (the parser is pure), in the same order."""
    style = list_style(texts)  # the list's majority style, given to the tagger for every entry
    numbered = [(number, text, style) for number, text in enumerate(texts, 1)]
    workers = os.cpu_count() or 1
    if len(texts) < PARALLEL_FROM or workers < 2:
        return [_parse_numbered(item) for item in numbered]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_parse_numbered, numbered, chunksize=max(1, len(numbered) // (4 * workers))))


def _parse_numbered(item: tuple) -> Reference:
    number, text, style = item
    return parse_reference(text, number=number, style=style)


def _references(texts: list[str], overrides: dict, name: str, kind: str) -> tuple[Reference, ...]:
    parsed = _parse_all(texts)
    unusable = [number for number, ref in enumerate(parsed, 1) if is_unusable(ref)]
    if kind == "list" and len(parsed) > 2 and len(unusable) > len(parsed) / 2:
        raise SourceError(Problem(name, 0, "", "not an article page or a reference list: "
                                               f"{len(unusable)} of {len(parsed)} paragraphs read as no reference"))
    if unusable:
        shown = ", ".join(f"{n} ({_clip(parsed[n - 1].text)!r})" for n in unusable[:3])
        raise SourceError(Problem(name, 0, "", f"too little to parse as a reference: {shown}"))
    parsed = [_override(ref, overrides[number], name, number) if overrides.get(number) else ref
              for number, ref in enumerate(parsed, 1)]
    keys = unique_keys([ref.key for ref in parsed])
    return tuple(ref if ref.key == key else dataclasses.replace(ref, key=key) for ref, key in zip(parsed, keys))


def _clip(text: str) -> str:
    return text if len(text) < 40 else text[:37] + "…"


def _override(reference: Reference, changes: dict, name: str, number: int) -> Reference:
    unknown = set(changes) - _REFERENCE_FIELDS - {"authors", "editors"}
    if unknown:
        raise SourceError(Problem(name, 0, f"references.{number}", f"unknown field(s) in overrides: {sorted(unknown)}"))
    values = {k: str(v or "") for k, v in changes.items() if k in _REFERENCE_FIELDS}
    for role in ("authors", "editors"):
        if role in changes:
            values[role] = tuple(_person(str(n)) for n in changes[role] or ())
    return dataclasses.replace(reference, **values)


def _person(name: str) -> Person:
    family, comma, given = name.partition(",")
    return Person(family=family.strip(), given=given.strip()) if comma else Person(literal=name.strip())


def _merge(base: dict, changes: dict) -> dict:
    merged = dict(base)
    for key, value in changes.items():
        merged[key] = _merge(merged.get(key) or {}, value) if isinstance(value, dict) else value
    return merged


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump_article(article: dict, name: str) -> str:
    """article.yml text in the schema's order, validated by `parse_article`."""
    ordered = {key: _yaml_value(key, article[key]) for key in ARTICLE_ORDER if article.get(key) not in (None, "", [], {})}
    text = yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096)
    text = "# Written by `scholarpage import`; edit freely (README.md documents every field).\n" + text
    try:
        parse_article(text, "article.yml")
    except SourceError as error:
        hint = Problem(name, 0, "", "the page lacks what article.yml needs; add it under `article:` in "
                                    "import-overrides.yml (see README)")
        raise SourceError([*error.problems, hint]) from None
    return text


def _yaml_value(key: str, value):
    if key == "dates":
        return {k: dt.date.fromisoformat(v) for k, v in value.items()}
    if key == "abstract":
        return value.strip() + "\n"
    return value


def write_atomically(files: dict[Path, str]) -> None:
    """Write every file to a temporary sibling first, then rename them all into place."""
    temporary = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporary.append(Path(name))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
        for (path, _), name in zip(files.items(), temporary):
            os.replace(name, path)
    finally:
        for name in temporary:
            name.unlink(missing_ok=True)


def load_overrides(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SourceError(Problem(path.name, 0, "", f"cannot read overrides: {error}".splitlines()[0])) from None
    if not isinstance(data, dict) or set(data) - {"article", "references"}:
        raise SourceError(Problem(path.name, 1, "", "overrides hold only `article:` and `references:`"))
    return data
