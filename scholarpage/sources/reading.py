"""A source file → its text, or one located problem saying plainly what is wrong with it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from scholarpage.errors import Problem, SourceError

if TYPE_CHECKING:
    from scholarpage.model import Article, Reference

#: Characters that are not text: C0 controls but tab, line feed and carriage return; DEL; C1
#: controls; the non-characters. HTML calls them parse errors, XML and YAML refuse them.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
#: At most this many located problems for control characters (a binary file would give thousands).
_SHOWN = 10


def read_source(path: Path) -> str:
    """The UTF-8 text of a source file; SourceError (one located line) for anything else."""
    return decode_source(read_bytes(path, path.name), path.name)


def read_bytes(path: Path, name: str) -> bytes:
    """The bytes of a file; SourceError saying plainly why not (a folder, no permission…)."""
    try:
        data = path.read_bytes() if path.is_file() else None
    except PermissionError:
        raise SourceError(Problem(name, 0, "", "cannot be read: permission denied")) from None
    except OSError as error:
        raise SourceError(Problem(name, 0, "", f"cannot be read: {error.strerror or error}")) from None
    if data is None:
        what = "file not found" if not path.exists() else "is a folder, not a file" if path.is_dir() else (
            "is not a regular file")
        raise SourceError(Problem(name, 0, "", what))
    return data


def decode_source(data: bytes, name: str) -> str:
    if utf16(data):
        raise SourceError(Problem(name, 0, "", "UTF-16 text, not UTF-8: save the file as UTF-8"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(Problem(name, line, "", "not valid UTF-8 text")) from None
    check_text(text, name)
    return text


def utf16(data: bytes) -> bool:
    """A byte-order mark of UTF-16 or UTF-32, or the zero bytes of UTF-16 text without one."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:200]
    return len(sample) >= 4 and sample.count(b"\x00") * 3 >= len(sample) and (
        sample[1::2].count(0) == len(sample[1::2]) or sample[::2].count(0) == len(sample[::2]))


def check_text(text: str, name: str) -> None:
    """SourceError locating each line that holds a character that is not text."""
    if not CONTROL.search(text):
        return
    problems: list[Problem] = []
    line, position = 1, 0
    for match in CONTROL.finditer(text):
        line, position = line + text.count("\n", position, match.start()), match.start()
        if problems and problems[-1].line == line:
            continue
        if len(problems) == _SHOWN:
            problems.append(Problem(name, line, "", "more control characters follow (not shown)"))
            break
        problems.append(Problem(name, line, "", f"control character U+{ord(match[0]):04X} is not text (delete it)"))
    raise SourceError(problems)


def load_sources(article: Path, references: Path) -> tuple[Article, tuple[Reference, ...]]:
    """Both sources, with the problems of both reported at once."""
    from scholarpage.sources.article_yml import load_article
    from scholarpage.sources.bibtex import load_references

    problems = []
    try:
        loaded_article = load_article(article)
    except SourceError as error:
        problems += error.problems
    try:
        loaded_references = load_references(references)
    except SourceError as error:
        problems += error.problems
    if problems:
        raise SourceError(problems)
    return loaded_article, loaded_references
