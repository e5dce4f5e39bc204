"""Import: an OJS page or a reference list → article.yml + references.bib, written atomically.

Pipeline: bytes → text (clear errors for binary data or a wrong encoding) → `ojs.read_page`
→ `plaintext.parse_list` (each entry, the list as context) → overrides → unique keys → YAML and BibTeX text, both
validated by this package's own loaders before anything touches the disk.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import hashlib
import multiprocessing
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scholarpage.sources.article_yml import load_yaml, parse_article, validate_fields
from scholarpage.sources.bibtex_writer import dump_references
from scholarpage.sources.reading import CONTROL, read_bytes, read_source, utf16
from scholarpage.errors import Problem, SourceError
from scholarpage.model import Person, Reference
from scholarpage.importer.ojs_page import read_page
from scholarpage.importer.plaintext import is_unusable, parse_list, parse_tagged_list, unique_keys
from scholarpage.importer.plaintext.language import detect_language
from scholarpage.importer.quality import reference_findings
from scholarpage.importer.tagger.review import review_references

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
    review: list[Problem] = field(default_factory=list)  # references whose reading the model doubts, worst first
    notes: list[Problem] = field(default_factory=list)  # for information only: --strict ignores them


def import_file(path: Path, overrides: dict | None = None, *, max_references: int = MAX_REFERENCES,
                processes: int = 0) -> Imported:
    return import_bytes(read_bytes(path, str(path)), path.name, overrides, max_references=max_references,
                        processes=processes)


def import_bytes(data: bytes, name: str, overrides: dict | None = None, *,
                 max_references: int = MAX_REFERENCES, processes: int = 0) -> Imported:
    """`processes`: a list of PARALLEL_FROM references or more is parsed in a pool of that many
    processes (0: one per core; 1: in this process only)."""
    text, is_html = decode(data, name)
    page = read_page(text, is_html=is_html)
    overrides = overrides or {}
    notes = []
    if not page.references and (page.kind != "article" or not page.article.get("title")):
        what = "an article page" if page.article.get("title") else "an article page or a reference list"
        raise SourceError(Problem(name, 0, "", f"not {what}: no references found"))
    if not page.references:  # an editorial, a book review: an article all the same
        notes.append(Problem(name, 0, "", "no reference list on the page (an editorial, a book review?): "
                                          "references.bib is written without entries"))
    if len(page.references) > max_references:
        raise SourceError(Problem(name, 0, "", f"{len(page.references)} references is more than one article cites "
                                                f"(limit {max_references}; raise it with --max-references)"))
    _check_numbers(overrides, len(page.references))
    references, left_out, tagged = _references(page.references, overrides.get("references") or {}, name, page.kind,
                                       page.lines, processes)
    bibtex = stamped(dump_references(references) if references else NO_REFERENCES, "%", BIB_NOTE)
    written = _with_lines(references, bibtex)
    article_yaml = None
    if page.kind == "article":
        article = _merge(page.article, overrides.get("article") or {})
        article.setdefault("language", detect_language(f"{article.get('title', '')} {article.get('abstract', '')}"))
        article_yaml = dump_article(article, name)
    if len(page.references) > REVIEW_UP_TO:
        review = [Problem(name, 0, "", f"no review list for {len(page.references)} references (more than "
                                       f"{REVIEW_UP_TO}): `scholarpage check references.bib` lists them")]
    else:
        review = review_references(written, tagged, "references.bib")
    return Imported(article_yaml, bibtex, written, left_out + reference_findings(written, "references.bib"), review,
                    notes)


def _check_numbers(overrides: dict, count: int) -> None:
    """An override for a reference the list does not have is a mistake, not a no-op."""
    lines = getattr(overrides, "lines", {})
    missing = [number for number in overrides.get("references") or {} if not 1 <= number <= count]
    if missing:
        name = getattr(overrides, "name", "import-overrides.yml")
        raise SourceError([Problem(name, lines.get(number, 0), f"references.{number}",
                                   f"there is no reference {number}: the list has {count}") for number in missing])


#: The first line of every file the importer writes: it says so, with a digest of the rest, so
#: that a re-import can tell its own unedited output from a file someone wrote or edited.
_STAMP = re.compile(rb"^[#%] Written by `scholarpage import` \(sha256:([0-9a-f]{16})\)")
ARTICLE_NOTE = ("edit freely (README.md documents every field); a re-import replaces this file only unedited, or "
                "with --force")
BIB_NOTE = "edit freely; a re-import replaces this file only unedited, or with --force"
#: references.bib of a page without a reference list (an editorial, a book review).
NO_REFERENCES = "% The page had no reference list; add entries here if the article cites any.\n"


def stamped(text: str, comment: str, note: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{comment} Written by `scholarpage import` (sha256:{digest}); {note}\n{text}"


def written_by_import(data: bytes) -> bool:
    """Whether a file is the importer's output, unedited since."""
    first, _, rest = data.partition(b"\n")
    match = _STAMP.match(first)
    return bool(match) and hashlib.sha256(rest).hexdigest()[:16] == match[1].decode()


def _with_lines(references: tuple[Reference, ...], bibtex: str) -> tuple[Reference, ...]:
    """Each reference with the line its entry starts on in the written file.

    The file is not re-parsed here (10,000 entries would take seconds); that what
    `dump_references` writes reads back unchanged is a property test of the writer.
    """
    starts = [number for number, line in enumerate(bibtex.splitlines(), 1) if line.startswith("@")]
    return tuple(dataclasses.replace(ref, line=line) for ref, line in zip(references, starts, strict=True))


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """Bytes → text and whether it is HTML; one clear problem for anything else."""
    if not data.strip():
        raise SourceError(Problem(name, 0, "", "the file is empty"))
    if utf16(data):
        raise SourceError(Problem(name, 0, "", "UTF-16 text, not UTF-8: save the file as UTF-8 and import again"))
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
    # A stray control character (a copy-and-paste artefact) is no text: dropped here, or the
    # build would refuse the files written from it.
    text = CONTROL.sub("", text)
    # An HTML page may open with a comment ("saved from url=…"), an XML declaration (OJS 2) or
    # a PHP notice before its doctype: it is HTML when its first lines hold a document tag.
    is_html = bool(re.match(r"\s*(?:<!doctype\s+html|<html|<head|<meta|<body|<\?xml)", text[:1000], re.I)
                   or re.search(r"<!doctype\s+html|<html[\s>]|<head[\s>]", text[:4000], re.I))
    return text, is_html


#: Longer lists get no review list (tagging every entry would take seconds; no article cites
#: more than the default --max-references); `scholarpage check` reviews any list.
REVIEW_UP_TO = MAX_REFERENCES
#: Lists at least this long are parsed on every core. Measured (benchmarks/RESULTS.md, issue 16):
#: at 10,000 references the pool's start-up and the pickling of every reading cost more than a
#: second core saved (slower in 11 of 12 paired runs on a shared 2-vCPU machine), so only longer lists use it.
PARALLEL_FROM = 20_000


def _parse_all(texts: list[str], processes: int = 0) -> tuple[list[Reference], list]:
    """Parse and tag each reference, the list as context; long lists on `processes` cores (0:
    every core; the parser is pure), in the same order. Workers are started afresh (`spawn`) and
    receive the texts pickled, as the plugin's formatting pool does."""
    workers = processes or os.cpu_count() or 1
    if len(texts) > REVIEW_UP_TO:  # no review list: the tagger reads only the sample that decides the list
        parse = lambda texts, mapper=map: (parse_list(texts, mapper=mapper), [None] * len(texts))  # noqa: E731
    else:
        parse = parse_tagged_list
    if len(texts) < PARALLEL_FROM or workers < 2:
        return parse(texts)
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        def mapper(function, items):
            items = list(items)
            return pool.map(function, items, chunksize=max(1, len(items) // (4 * workers)))

        return parse(texts, mapper=mapper)


def _references(texts: list[str], overrides: dict, name: str, kind: str,
                lines: list[int], processes: int = 0) -> tuple[tuple[Reference, ...], list[Problem], list]:
    """The parsed references, one finding for each fragment left out because it reads as none,
    and each reference's tagged reading for the review list (None where overridden).

    One unreadable fragment never refuses the list; only a list with nothing readable, or a
    "list" that is mostly not references (prose), is refused.
    """
    parsed, tagged = _parse_all(texts, processes)
    unusable = [number for number, ref in enumerate(parsed, 1) if is_unusable(ref)]
    if kind == "list" and len(parsed) > 2 and len(unusable) > len(parsed) / 2:
        raise SourceError(Problem(name, 0, "", "not an article page or a reference list: "
                                               f"{len(unusable)} of {len(parsed)} paragraphs read as no reference"))
    if unusable and len(unusable) == len(parsed):
        shown = ", ".join(f"{n} ({_clip(parsed[n - 1].text)!r})" for n in unusable[:3])
        raise SourceError(Problem(name, 0, "", f"too little to parse as a reference: {shown}"))
    line_of = dict(enumerate(lines, 1))
    left_out = [Problem(name, line_of.get(n, 0), "", f"left out, too little to read as a reference: "
                                                     f"{_clip(parsed[n - 1].text)!r}") for n in unusable]
    dropped = set(unusable)
    parsed = [ref for number, ref in enumerate(parsed, 1) if number not in dropped]
    # what a person corrected in the overrides is not reviewed again
    tagged = [None if overrides.get(number) else item
              for number, item in enumerate((t for n, t in enumerate(tagged, 1) if n not in dropped), 1)]
    parsed = [_override(ref, overrides[number], name, number) if overrides.get(number) else ref
              for number, ref in enumerate(parsed, 1)]
    keys = unique_keys([ref.key for ref in parsed])
    return tuple(ref if ref.key == key else dataclasses.replace(ref, key=key)
                 for ref, key in zip(parsed, keys, strict=True)), left_out, tagged


def _clip(text: str) -> str:
    return text if len(text) < 40 else text[:37] + "…"


def _override(reference: Reference, changes: dict, name: str, number: int) -> Reference:
    unknown = set(changes) - _REFERENCE_FIELDS - {"authors", "editors"}
    if unknown:
        raise SourceError(Problem(name, 0, f"references.{number}", f"unknown field(s) in overrides: {sorted(unknown)}"))
    values = {k: "" if v is None else str(v) for k, v in changes.items() if k in _REFERENCE_FIELDS}
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
    ordered = {key: _yaml_value(key, article[key])
               for key in ARTICLE_ORDER if article.get(key) not in (None, "", [], {})}
    text = stamped(yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096), "#",
                   ARTICLE_NOTE)
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


def replacements(files: dict[Path, str], *, force: bool = False) -> dict[Path, Path | None]:
    """Each file to write, with the backup its present version goes to (None: no backup).

    A file the importer wrote and nobody edited since is replaced; any other file only with
    `force`, and then kept as a backup. SourceError (nothing to be written) otherwise.
    """
    plan: dict[Path, Path | None] = {}
    problems = []
    for path, text in files.items():
        if path.parent.exists() and not path.parent.is_dir():
            folder = Problem(str(path.parent), 0, "", "is a file, not a folder: --out names a folder")
            problems += [folder] if folder not in problems else []
            continue
        if path.is_dir():
            problems.append(Problem(str(path), 0, "", "is a folder: move it away, or import into another --out"))
            continue
        try:
            present = path.read_bytes() if path.exists() else None
        except OSError as error:
            problems.append(Problem(str(path), 0, "", f"cannot be read to check it: {error.strerror or error}"))
            continue
        if present is None or present == text.encode("utf-8") or written_by_import(present):
            plan[path] = None
        elif force:
            plan[path] = _backup_name(path)
        else:
            problems.append(Problem(str(path), 0, "", "not written by `scholarpage import`, or edited since: kept "
                                                      "(--force replaces it and keeps a backup)"))
    if problems:
        raise SourceError(problems)
    return plan


def _backup_name(path: Path) -> Path:
    """PATH.bak, or PATH.bak.2, .3… : an earlier backup is never overwritten."""
    candidate, number = path.with_name(path.name + ".bak"), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.bak.{number}")
    return candidate


def write_atomically(files: dict[Path, str], backups: dict[Path, Path | None] | None = None) -> None:
    """Write every file to a temporary sibling first, copy each file being replaced to its
    backup, then rename them all into place. SourceError, with nothing replaced, when the
    folder cannot be written."""
    temporary = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporary.append(Path(name))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
        for path, backup in (backups or {}).items():
            if backup is not None:
                shutil.copy2(path, backup)
        for (path, _), name in zip(files.items(), temporary, strict=True):
            os.replace(name, path)
    except OSError as error:
        where = error.filename or next(iter(files), Path(".")).parent
        raise SourceError(Problem(str(where), 0, "", f"cannot write: {error.strerror or error}")) from None
    finally:
        for name in temporary:
            name.unlink(missing_ok=True)


class Overrides(dict):
    """import-overrides.yml: `article:` fields and `references:` by number, knowing the line of
    each number (to locate an override of a reference the list does not have)."""

    def __init__(self, data: dict | None = None, name: str = "import-overrides.yml",
                 lines: dict[int, int] | None = None):
        super().__init__(data or {})
        self.name, self.lines = name, lines or {}


_SECTIONS = ("article", "references")


def load_overrides(path: Path) -> Overrides:
    """Read and check import-overrides.yml; SourceError with one located line per problem."""
    name = path.name
    data, node = load_yaml(read_source(path), name, number_keys=True)
    if data is None:
        return Overrides(name=name)
    if not isinstance(data, dict):
        raise SourceError(Problem(name, 1, "", "overrides hold only `article:` and `references:`"))
    problems = [Problem(name, _key_line(node, key), str(key), "unknown section: overrides hold only "
                        "`article:` and `references:`") for key in data if key not in _SECTIONS]
    article, article_node = data.get("article"), _value_node(node, "article")
    if article is not None and not isinstance(article, dict):
        problems.append(Problem(name, _key_line(node, "article"), "article",
                                "expected a mapping of article.yml fields"))
    elif article:
        problems += validate_fields(article, article_node, name, "article.")
    references, references_node = data.get("references"), _value_node(node, "references")
    lines = {}
    if references is not None and not isinstance(references, dict):
        problems.append(Problem(name, _key_line(node, "references"), "references",
                                "expected a mapping of reference numbers (10: {place: …})"))
    for number, changes in (references if isinstance(references, dict) else {}).items():
        line = _key_line(references_node, number)
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            problems.append(Problem(name, line, f"references.{number}",
                                    "a reference is named by its number in the printed list (1, 2, …)"))
            continue
        lines[number] = line
        problems += _reference_problems(changes, _value_node(references_node, number), name, f"references.{number}")
    if problems:
        raise SourceError(sorted(problems, key=lambda p: p.line))
    return Overrides(data, name, lines)


def _reference_problems(changes: object, node: yaml.Node | None, name: str, where: str) -> list[Problem]:
    line = node.start_mark.line + 1 if node is not None else 0
    if changes is None:
        return []
    if not isinstance(changes, dict):
        return [Problem(name, line, where, "expected a mapping of fields (place: …, authors: [\"Family, Given\"])")]
    problems = []
    for name_of_field, value in changes.items():
        at = _key_line(node, name_of_field)
        if name_of_field in ("authors", "editors"):
            if value is not None and not isinstance(value, list):
                problems.append(Problem(name, at, f"{where}.{name_of_field}", "expected a list of names "
                                        f"([\"Family, Given\"]), got {type(value).__name__} {value!r:.60}"))
            elif any(not isinstance(person, str) or not person.strip() for person in value or ()):
                problems.append(Problem(name, at, f"{where}.{name_of_field}", "each name is text: \"Family, Given\" or "
                                                                      "an organisation"))
        elif name_of_field not in _REFERENCE_FIELDS:
            problems.append(Problem(name, at, f"{where}.{name_of_field}", "unknown field"))
        elif isinstance(value, bool) or not isinstance(value, str | int | float | type(None)):
            problems.append(Problem(name, at, f"{where}.{name_of_field}", f"expected text, got {type(value).__name__} "
                                                                   f"{value!r:.60} (quote it)"))
    return problems


def _value_node(node: yaml.Node | None, key: object) -> yaml.Node | None:
    for key_node, value_node in node.value if isinstance(node, yaml.MappingNode) else ():
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
            return value_node
    return None


def _key_line(node: yaml.Node | None, key: object) -> int:
    for key_node, _ in node.value if isinstance(node, yaml.MappingNode) else ():
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
            return key_node.start_mark.line + 1
    return node.start_mark.line + 1 if node is not None else 0
