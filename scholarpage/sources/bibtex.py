"""references.bib → References: the only module that reads with the BibTeX library.

Parsing is bibtexparser v2 (bad blocks come back located instead of raising); values are
evaluated as BibTeX does (`@string`, months, `#`, `crossref`) and decoded by tex.py. Entries
keep the order of the file, which is the printed order of the reference list. Writing is
bibtex_writer.py's.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry, ParsingFailedBlock, String

from scholarpage.errors import Problem, SourceError
from scholarpage.identifiers import bare_doi
from scholarpage.model import Person, Reference
from scholarpage.sources.reading import check_text, read_source
from scholarpage.sources.tex import balanced, decode_latex, decode_verbatim

#: The field holding the reference exactly as printed in the source (shown verbatim).
TEXT_FIELD = "formatted"
#: The field holding a bracketed translation of a title in another language.
TRANSLATION_FIELD = "titletranslation"

#: BibTeX/BibLaTeX entry type → CSL item type. `entrysubtype` refines `article` and `misc`.
KIND_OF_TYPE = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "patent": "patent",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "unpublished": "manuscript",
    "misc": "document",
    "dataset": "dataset",
    "software": "software",  # Zotero's and biblatex-software's type for a program
    "jurisdiction": "legal_case",
    "legislation": "legislation",
}
KIND_OF_SUBTYPE = {
    "newspaper": "article-newspaper",
    "magazine": "article-magazine",
    "speech": "speech",
    "presentation": "speech",
    "workingpaper": "report",
}
#: CSL item type → the BibTeX type written on export (the inverse of the tables above).
TYPE_OF_KIND = {
    "article-journal": ("article", ""),
    "article-newspaper": ("article", "newspaper"),
    "article-magazine": ("article", "magazine"),
    "book": ("book", ""),
    "chapter": ("incollection", ""),
    "paper-conference": ("inproceedings", ""),
    "thesis": ("thesis", ""),
    "report": ("report", ""),
    "patent": ("patent", ""),
    "webpage": ("online", ""),
    "speech": ("misc", "speech"),
    "manuscript": ("unpublished", ""),
    "document": ("misc", ""),
    "dataset": ("dataset", ""),
    "software": ("software", ""),
    "legal_case": ("jurisdiction", ""),
    "legislation": ("legislation", ""),
}
#: Babel/BibLaTeX language names → BCP 47 codes, for `language` or `langid` given by name.
LANGUAGE_CODES = {
    "english": "en", "american": "en", "british": "en", "polish": "pl", "vietnamese": "vi",
    "chinese": "zh", "japanese": "ja", "german": "de", "ngerman": "de", "french": "fr",
    "spanish": "es", "portuguese": "pt", "brazilian": "pt", "russian": "ru", "italian": "it",
    "czech": "cs", "ukrainian": "uk", "dutch": "nl", "korean": "ko", "arabic": "ar",
    "hebrew": "he",
}


#: BibLaTeX's localisation keys in `type` (Better BibTeX writes `type = {phdthesis}`) → the words
#: its English strings print; the standard styles' words for a thesis type given by the entry type.
GENRES = {"phdthesis": "PhD thesis", "mathesis": "Master's thesis", "candthesis": "Candidate thesis",
          "bathesis": "Bachelor's thesis", "techreport": "Technical report", "resreport": "Research report",
          "software": "Computer software", "datacd": "CD-ROM", "audiocd": "Audio CD", "patent": "Patent"}
DEFAULT_GENRE = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis", "techreport": "Technical report"}


#: BibLaTeX's verbatim fields: kept as written unless they hold TeX escapes (`\_`, `\%`).
VERBATIM_FIELDS = {"url", "doi", "eprint", "file", "urlraw"}
def _decode_field(name: str, value: str) -> str:
    if name in VERBATIM_FIELDS:
        if "\\" not in value:
            return value.strip().removeprefix("{").removesuffix("}").strip()
        return decode_verbatim(value)
    return decode_latex(value)


class _OnlyParserBugs(logging.Filter):
    """bibtexparser logs each block it could not parse, its line counted from 0, beside the located
    line reported here for the same block (`_block_problems`): only its errors (bugs in the parser,
    which raise) are let through."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR


@contextmanager
def _only_parser_bugs_logged() -> Iterator[None]:
    """The filter on bibtexparser's splitter log while a file is parsed here, and only then."""
    log, only_bugs = logging.getLogger("bibtexparser.splitter"), _OnlyParserBugs()
    log.addFilter(only_bugs)
    try:
        yield
    finally:
        log.removeFilter(only_bugs)


def load_references(path: Path) -> tuple[Reference, ...]:
    """Read a .bib file; raise SourceError listing every located problem."""
    return parse_references_kept(read_source(path), path.name)


@lru_cache(maxsize=2048)
def parse_references_kept(source: str, name: str = "references.bib", required: bool = True
                          ) -> tuple[Reference, ...]:
    """parse_references, remembered: `mkdocs serve` rebuilds on every save, and a file that did
    not change (one of a journal's hundreds) is not parsed again."""
    return parse_references(source, name, required)


def parse_references(source: str, name: str = "references.bib", required: bool = True) -> tuple[Reference, ...]:
    """Parse BibTeX source text into References, in source order. `required`: a file without
    entries is a problem (a one-article site's failed export), not an article without references."""
    check_text(source, name)
    # No middlewares: values come raw ("{Title}", "jgr # { 2}"), so that what bibtexparser
    # would pass over (an undefined @string, a concatenation, a value swallowing the next
    # field when a comma is missing) is read, or reported, here.
    with _only_parser_bugs_logged():
        library = bibtexparser.parse_string(source, parse_stack=[])
    problems = _block_problems(library, name)
    strings = _strings(library, name, problems)
    entries = {}
    for entry in library.entries:
        entries[entry.key] = (entry, _fields(entry, strings, name, problems))
        problems.extend(_key_problems(entry, name))
    references = []
    for entry, fields in entries.values():
        inherited = _inherit(entry, fields, entries, name, problems)
        reference, entry_problems = _reference(entry, inherited, name)
        references.append(reference)
        problems.extend(entry_problems)
    for entry in _set_aside(library):
        fields = _fields(entry, strings, name, problems)
        problems.extend(_key_problems(entry, name))
        problems.extend(_reference(entry, _inherit(entry, fields, entries, name, problems), name)[1])
    if not references and not problems and required:
        problems.append(Problem(name, 0, "", "no references found: the file holds no @entry"))
    if problems:
        raise SourceError(sorted(problems, key=lambda p: p.line))
    return tuple(references)


def _key_problems(entry: Entry, name: str) -> list[Problem]:
    if entry.key.strip() and not re.search(r"[\s,{}\"#%'()=\\]", entry.key):
        return []
    what = "the entry has no key" if not entry.key.strip() else f"'{entry.key}' is not one word"
    return [Problem(name, entry.start_line + 1, "key",
                    f"{what}: give it a key of letters, digits and :-_./ (it is its link)")]


def _set_aside(library: Library) -> list[Entry]:
    """The entries bibtexparser set aside (a key used before, a field given twice): reported as
    such in `_block_problems`, and read here for their other problems, so that all are reported
    at once. None of them is printed."""
    return [block.ignore_error_block for block in library.failed_blocks
            if isinstance(block, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock)
            and isinstance(block.ignore_error_block, Entry)]


def _block_problems(library: Library, name: str) -> list[Problem]:
    first_line = {entry.key: entry.start_line + 1 for entry in library.entries}
    problems = []
    for block in library.failed_blocks:
        line = block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, String):
            continue  # BibTeX lets a later @string redefine an earlier one (read in `_strings`)
        if isinstance(block, DuplicateBlockKeyBlock):
            message = f"duplicate key '{block.key}' (first used on line {first_line.get(block.key, '?')})"
            problems.append(Problem(name, line, "key", message))
        elif isinstance(block, DuplicateFieldKeyBlock):
            fields = ", ".join(sorted(block.duplicate_keys))
            problems.append(Problem(name, line, block.ignore_error_block.key, f"field given twice: {fields}"))
        elif isinstance(block, ParsingFailedBlock):
            lines = str(block.error or "").strip().splitlines()
            reason = lines[-1].strip() if lines else "the entry is not closed or not well formed"
            problems.append(Problem(name, line, "", f"BibTeX syntax error: {reason}"))
    return problems


#: BibTeX's predefined macros: the months, as its standard styles print them.
MONTHS = {month[:3].lower(): month for month in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December")}


def _strings(library: Library, name: str, problems: list[Problem]) -> dict[str, str]:
    """@string macros by lower-cased name, in file order (a later one redefines an earlier one)."""
    strings = dict(MONTHS)
    definitions = [block for block in library.blocks if isinstance(block, String)]
    definitions += [block.ignore_error_block for block in library.failed_blocks
                    if isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, String)]
    for block in sorted(definitions, key=lambda b: b.start_line or 0):
        value, problem = evaluate(block.value, strings)
        if problem:
            offset, message = problem
            problems.append(Problem(name, (block.start_line or 0) + 1 + block.value.count("\n", 0, offset),
                                    f"@string {block.key}", message))
        strings[block.key.lower()] = value
    return strings


def _fields(entry: Entry, strings: dict[str, str], name: str, problems: list[Problem]) -> dict[str, str]:
    """The entry's fields by lower-cased name, each value read as BibTeX reads it."""
    fields = {}
    for field in entry.fields:
        first = field.start_line if field.start_line is not None else entry.start_line
        for number, (key, value, problem) in enumerate(_read_field(field.key, field.value, strings)):
            if problem:
                offset, message = problem
                problems.append(Problem(name, first + 1 + field.value.count("\n", 0, offset), entry.key,
                                        f"{key}: {message}"))
            if number == 0:
                fields[key.lower()] = value
            else:
                fields.setdefault(key.lower(), value)
    return fields


def _read_field(key: str, raw: str, strings: dict[str, str]) -> list[tuple[str, str, tuple[int, str] | None]]:
    """The field as (name, value, problem), then each field a missing comma joined to it, read
    as meant: one mistake is one problem (a swallowed `title` is not also a missing title).
    A problem's offset is in `raw`."""
    read, start = [], 0
    while True:
        value, problem = evaluate(raw[start:], strings)
        swallowed = _SWALLOWED_FIELD.match(raw, start + problem[0]) if problem else None
        read.append((key, value, (start + problem[0], problem[1]) if problem else None))
        if swallowed is None:
            return read
        key, start = swallowed[1], swallowed.end()


_WORD = re.compile(r"[^\s#{}\",=]+")
_SWALLOWED_FIELD = re.compile(r"([^\s#{}\",=]+)\s*=")
# Marks as bibtexparser's splitter reads them: a brace or quote after a backslash is text.
_BRACE = re.compile(r"(?<!\\)[{}]")
_QUOTE_OR_BRACE = re.compile(r'(?<!\\)["{}]')


def evaluate(raw: str, strings: dict[str, str]) -> tuple[str, tuple[int, str] | None]:
    """A raw BibTeX value (`{…}`, `"…"`, a number or a macro, joined by `#`) → its text, and
    the first problem in it as (offset, message), or None."""
    if raw.startswith("{") and raw.endswith("}") and _closing(raw, 0) == len(raw) - 1:
        return raw[1:-1], None  # the usual case, at once
    parts, position = [], 0
    while True:
        position = _skip_space(raw, position)
        if position >= len(raw):
            return "".join(parts), (position, "a value is missing") if not parts or raw.rstrip().endswith("#") else None
        if raw[position] in "{\"":
            end = _closing(raw, position)
            if end < 0:
                return "".join(parts), (position, "a brace or quote is not closed")
            parts.append(raw[position + 1: end])
            position = end + 1
        else:
            word = _WORD.match(raw, position)
            if word is None:
                return "".join(parts), (position, f"unexpected {raw[position]!r}")
            text = word[0]
            if not text.isdigit() and text.lower() not in strings:
                return "".join(parts), (position, f"undefined @string '{text}' (define it, or put the text in braces)")
            parts.append(text if text.isdigit() else strings[text.lower()])
            position = word.end()
        position = _skip_space(raw, position)
        if position < len(raw) and raw[position] == "#":
            position += 1
            continue
        if position >= len(raw):
            return "".join(parts), None
        swallowed = _SWALLOWED_FIELD.match(raw, position)
        if swallowed:
            return "".join(parts), (position, f"missing comma before '{swallowed[1]}' (it was read as part of "
                                              "this field)")
        return "".join(parts), (position, f"unexpected text after the value: {raw[position:position + 20]!r}")


def _skip_space(raw: str, position: int) -> int:
    while position < len(raw) and raw[position].isspace():
        position += 1
    return position


def _closing(raw: str, start: int) -> int:
    """The index closing the `{` or `"` at `start` (braces nest; a quote ends only outside
    braces, as BibTeX reads), or -1."""
    depth = 0
    pattern = _BRACE if raw[start] == "{" else _QUOTE_OR_BRACE
    for match in pattern.finditer(raw, start + 1 if raw[start] == '"' else start):
        char = match[0]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return -1
            if depth == 0 and raw[start] == "{":
                return match.start()
        elif depth == 0:
            return match.start()
    return -1


#: Fields a `crossref` never passes on (BibTeX's and BibLaTeX's bookkeeping, and the printed text
#: of the other entry).
NOT_INHERITED = {"crossref", "xref", "ids", "key", "label", "shorthand", "sortkey", "entryset", "related",
                 "options", "execute", TEXT_FIELD}
#: BibLaTeX: a part takes its whole's title as the title of the book or journal it is in.
_WHOLE_TITLE = {"booktitle": ({"book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings",
                               "reference", "mvreference"},
                              {"inbook", "bookinbook", "suppbook", "incollection", "suppcollection",
                               "inproceedings", "inreference", "conference"}),
                "journaltitle": ({"periodical"}, {"article", "suppperiodical"})}


def _inherit(entry: Entry, fields: dict[str, str], entries: dict, name: str, problems: list[Problem],
             seen: tuple[str, ...] = ()) -> dict[str, str]:
    """The entry's fields with those it lacks taken from the entry its `crossref` names, as
    BibTeX does (and BibLaTeX: a book's title becomes its chapter's `booktitle`)."""
    parent_key = fields.get("crossref", "").strip()
    if not parent_key:
        return fields
    parent = entries.get(parent_key) or next(
        (value for key, value in entries.items() if key.lower() == parent_key.lower()), None)
    if parent is None or parent[0].key in (*seen, entry.key):
        what = "no entry with that key" if parent is None else "the crossrefs go round in a circle"
        problems.append(Problem(name, entry.start_line + 1, entry.key, f"crossref: '{parent_key}': {what}"))
        return fields
    parent_entry, parent_fields = parent
    parent_fields = _inherit(parent_entry, parent_fields, entries, name, [], (*seen, entry.key))
    inherited = dict(fields)
    parent_type, child_type = parent_entry.entry_type.lower(), entry.entry_type.lower()
    for field, (wholes, parts) in _WHOLE_TITLE.items():
        if parent_type in wholes and child_type in parts and "title" in parent_fields:
            inherited.setdefault(field, parent_fields["title"])
            parent_fields = {k: v for k, v in parent_fields.items() if k != "title"}
    for key, value in parent_fields.items():
        if key not in NOT_INHERITED:
            inherited.setdefault(key, value)
    return inherited


def _reference(entry: Entry, fields: dict[str, str], name: str) -> tuple[Reference, list[Problem]]:
    text = {key: _decode_field(key, value) for key, value in fields.items()}
    line = entry.start_line + 1
    problems = []
    if not text.get("title") and not text.get(TEXT_FIELD):
        problems.append(Problem(name, line, entry.key, f"needs a 'title' or a '{TEXT_FIELD}' field"))
    subtype = text.get("entrysubtype", "").lower()
    entry_type = entry.entry_type.lower()
    kind = KIND_OF_SUBTYPE.get(subtype) or KIND_OF_TYPE.get(entry_type, "document")
    year, date = _year_and_date(text)
    # `howpublished = {\url{…}}`, the classic way to cite a web page in BibTeX, is its address.
    published = text.get("howpublished", "")
    url_published = "\\url" in fields.get("howpublished", "") and bool(re.fullmatch(r"https?://\S+", published))
    printed, emphasis = _with_emphasis(fields.get(TEXT_FIELD), text.get(TEXT_FIELD, ""))
    reference = Reference(
        key=entry.key,
        kind=kind,
        text=printed,
        emphasis=emphasis,
        title=text.get("title", ""),
        protected=_protected(fields.get("title")),
        title_translation=text.get(TRANSLATION_FIELD, ""),
        authors=_persons(fields.get("author", "")),
        editors=_persons(fields.get("editor", "")),
        translators=_persons(fields.get("translator", "")),
        container=_first(text, "journaltitle", "journal", "booktitle") or ("" if url_published else published),
        collection=text.get("series", ""),
        volume=text.get("volume", ""),
        issue=_first(text, "number", "issue"),
        pages=text.get("pages", ""),
        year=year,
        date=date,
        doi=bare_doi(text.get("doi", "")),
        url=text.get("url", "") or (published if url_published else ""),
        publisher=_first(text, "publisher", "institution", "school", "organization"),
        place=_first(text, "address", "location"),
        edition=text.get("edition", ""),
        genre=GENRES.get(text.get("type", "").lower(), text.get("type", "")) or DEFAULT_GENRE.get(entry_type, ""),
        language=_language_code(text.get("language", "")),
        title_language=_language_code(text.get("langid", "")),
        note=text.get("note", ""),
        accessed=text.get("urldate", ""),
        isbn=text.get("isbn", ""),
        version=text.get("version", ""),
        issn=text.get("issn", ""),
        line=line,
    )
    return reference, problems


def _first(text: dict[str, str], *keys: str) -> str:
    return next((text[key] for key in keys if text.get(key)), "")


def _year_and_date(text: dict[str, str]) -> tuple[str, str]:
    """`year`, and `date` (ISO 8601, as BibLaTeX writes it); a `month` with a four-digit year and
    no `date` makes one ("2021-03"): styles print it (newspapers, magazines)."""
    date = text.get("date", "").strip()
    year = text.get("year", "").strip() or (date[:4] if re.match(r"\d{4}", date) else "")
    month = _MONTH_NUMBER.get(text.get("month", "").strip().lower().rstrip("."))
    if not date and month and re.fullmatch(r"\d{4}", year):
        date = f"{year}-{month:02d}"
    return year, date


_MONTH_NUMBER = {**{name.lower(): n for n, name in enumerate(MONTHS.values(), 1)},
                 **{short: n for n, short in enumerate(MONTHS, 1)}, **{str(n): n for n in range(1, 13)},
                 **{f"{n:02d}": n for n in range(1, 10)}}


#: Markup kept from a `formatted` field: italics, and nothing else (the rest is text).
_ITALIC_MACRO = re.compile(r"\\(?:emph|textit)\s*\{")
_ITALIC_START, _ITALIC_END = "\ue000", "\ue001"  # private-use marks, refused when in the source


def _with_emphasis(raw: object, decoded: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The printed text and its italic spans (`\\emph{…}`, `\\textit{…}`) as offsets.

    The macros are replaced by marks, the field is decoded as usual, and the marks' positions
    become the spans; any other TeX is decoded to text as before.
    """
    if not isinstance(raw, str) or not _ITALIC_MACRO.search(raw) or _ITALIC_START in raw or _ITALIC_END in raw:
        return decoded, ()
    marked = _mark_italics(raw)
    if marked is None:
        return decoded, ()
    text, spans, start = "", [], -1
    for character in decode_latex(marked):
        if character == _ITALIC_START:
            start = len(text) if start < 0 else start
        elif character == _ITALIC_END:
            if start >= 0 and len(text) > start:
                spans.append((start, len(text)))
            start = -1
        else:
            text += character
    return (text, tuple(spans)) if text == decoded else (decoded, ())


def _mark_italics(raw: str) -> str | None:
    """`a \\emph{b} c` → `a <mark>b</mark> c`; None when a macro's braces do not close."""
    out, position = [], 0
    for match in _ITALIC_MACRO.finditer(raw):
        if match.start() < position:
            continue  # nested inside an earlier span: that span is italic already
        depth, end = 1, match.end()
        while end < len(raw) and depth:
            depth += {"{": 1, "}": -1}.get(raw[end], 0) if raw[end - 1] != "\\" else 0
            end += 1
        if depth:
            return None
        inner = _ITALIC_MACRO.sub("{", raw[match.end(): end - 1])
        out += [raw[position: match.start()], _ITALIC_START, "{", inner, "}", _ITALIC_END]
        position = end
    out.append(raw[position:])
    return "".join(out)


def _protected(raw: object) -> tuple[str, ...]:
    """The parts of a title whose letter case is fixed: its `{…}` groups (not a macro's argument)."""
    if not isinstance(raw, str) or "{" not in raw:
        return ()
    groups, depth, start = [], 0, 0
    for index, character in enumerate(raw):
        if character == "{" and (index == 0 or raw[index - 1] != "\\"):
            if depth == 0:
                start = index
            depth += 1
        elif character == "}" and depth and raw[index - 1] != "\\":
            depth -= 1
            macro = re.search(r"\\(?:[A-Za-z]+|[^A-Za-z\s])\s*$", raw[:start])  # \\emph{…}, \\'{e}
            if depth == 0 and not macro:
                groups.append(decode_latex(raw[start: index + 1]))
    return tuple(group for group in groups if group)


def _language_code(value: str) -> str:
    return LANGUAGE_CODES.get(value.strip().lower(), value.strip())


def _persons(value: str) -> tuple[Person, ...]:
    return tuple(_person(name) for name in split_multiple_persons_names(value) if name.strip())


def _person(name: str) -> Person:
    """One BibTeX name; a name wholly in braces ("{World Bank}") is literal, never split.
    "von Last, Jr, First" keeps Jr as the suffix; BibLaTeX's extended form
    ("family=Beethoven, given=Ludwig, prefix=van", as Better BibTeX writes) is read by its keys."""
    stripped = name.strip()
    if stripped.startswith("{") and stripped.endswith("}") and balanced(stripped[1:-1]):
        return Person(literal=decode_latex(stripped[1:-1]))
    if _EXTENDED_NAME.match(stripped):
        return _extended_person(stripped)
    parts = parse_single_name_into_parts(stripped, strict=False)
    family = " ".join(parts.von + parts.last)
    return Person(family=decode_latex(family), given=decode_latex(" ".join(parts.first)),
                  suffix=decode_latex(" ".join(parts.jr)))


_EXTENDED_NAME = re.compile(r"\s*(?:family|given|prefix|suffix)\s*=", re.IGNORECASE)
_EXTENDED_PART = re.compile(r"\s*([A-Za-z-]+)\s*=\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\"[^\"]*\"|[^,]*)\s*(?:,|$)")


def _extended_person(name: str) -> Person:
    parts = {}
    for match in _EXTENDED_PART.finditer(name):
        value = match[2].strip()
        if value[:1] in "{\"" and value[-1:] in "}\"":
            value = value[1:-1]
        parts[match[1].lower()] = decode_latex(value)
    family = " ".join(part for part in (parts.get("prefix", ""), parts.get("family", "")) if part)
    return Person(family=family, given=parts.get("given", ""), suffix=parts.get("suffix", ""))
