"""TeX in BibTeX fields ⇄ Unicode text: pylatexenc decodes, a small encoder writes back.

Plain text and simple escapes take a fast path that a property test holds to pylatexenc (it
takes about 1 ms a field); the encoder escapes only TeX's special characters and ligatures, so
any text round-trips.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylatexenc.latex2text import LatexNodes2Text


def _with_hook_above(node, l2tobj) -> str:
    """Vietnamese `\\h{a}` → ả (pylatexenc drops the accent)."""
    return unicodedata.normalize("NFC", l2tobj.nodelist_to_text(node.nodeargd.argnlist) + "\u0309")


#: Macros reference managers write that pylatexenc does not know, or prints otherwise than a
#: reader expects, as (name, arguments as pylatexenc spells them, text; `%(n)s` is argument n):
#: Zotero writes `{\\textless}` for "<", BibTeX styles sort with `\\noopsort{…}` (prints nothing).
_MACROS = (
    ("mbox", "{", "%(1)s"), ("hbox", "{", "%(1)s"), ("noopsort", "{", ""),
    ("foreignlanguage", "[{{", "%(3)s"), ("textless", "", "<"), ("textgreater", "", ">"),
    ("textbar", "", "|"), ("textasciicircum", "", "^"), ("textperiodcentered", "", "·"),
    ("LaTeX", "", "LaTeX"), ("TeX", "", "TeX"), ("BibTeX", "", "BibTeX"),
    ("S", "", "§"), ("P", "", "¶"), ("glqq", "", "„"), ("grqq", "", "“"), ("glq", "", "‚"), ("grq", "", "‘"),
    ("flqq", "", "«"), ("frqq", "", "»"), ("h", "{", _with_hook_above),
)


@lru_cache(maxsize=1)
def _decoder() -> tuple[LatexNodes2Text, object]:
    """pylatexenc's converter and the parsing context it reads with, extended with `_MACROS`
    through its documented context databases. Built on first need: its macro tables cost a few
    ms, and most files (the seed's among them) never need them.

    Math is turned into text (`$\\alpha$` → α, `{$<$}` → <), as a reader of the title sees it."""
    from pylatexenc import latexwalker, macrospec
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    parsing = latexwalker.get_default_latex_context_db()
    parsing.add_context_category("scholarpage", prepend=True,
                                 macros=[macrospec.MacroSpec(name, args) for name, args, _ in _MACROS])
    text = get_default_latex_context_db()
    text.add_context_category("scholarpage", prepend=True,
                              macros=[MacroTextSpec(name, simplify_repl=out) for name, _, out in _MACROS])
    return LatexNodes2Text(latex_context=text, math_mode="text"), parsing


_SPACES = re.compile(r"\s+")


# A bare & or % is a typo in TeX (alignment, comment) but common in .bib files: keep it as text.
_NEEDS_TEX = re.compile(r"[\\~$]")
_SIMPLE_ESCAPE = re.compile(r"\\([&%_#$])")
_LIGATURES_OUT = {"---": "—", "--": "–", "``": "“", "''": "”", "?`": "¿", "!`": "¡"}
_LIGATURE = re.compile("|".join(map(re.escape, _LIGATURES_OUT)))
_BARE_SPECIAL = re.compile(r"(?<!\\)([&%])")


_URL_MACRO = re.compile(r"\\url\s*\{([^{}]*)\}")
_HREF_MACRO = re.compile(r"\\href\s*\{([^{}]*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}")


def decode_latex(value: str) -> str:
    """TeX → Unicode text: accents and escapes decoded, braces dropped, spaces collapsed.

    `\\url{…}` keeps its URL exactly as written (TeX reads it verbatim: `%`, `~`, `_` and `#`
    are part of it); `\\href{URL}{text}` becomes "text (URL)".
    """
    if "\\url" in value or "\\href" in value:
        return _decode_with_urls(value)
    return _decode_text(value)


#: What TeX escapes a verbatim field (url, doi) may still carry, as reference managers write
#: them: `\\_`, `{\\~{}}` (Mendeley), `\\textasciitilde{}` (this project's own export).
_VERBATIM_ESCAPE = re.compile(r"\\text(backslash|asciitilde)(?:\{\})?|\\~\{\}|\\([&%_#$~{}])|([{}])")
_VERBATIM_TEXT = {"backslash": "\\", "asciitilde": "~"}


def decode_verbatim(value: str) -> str:
    """A verbatim field (url, doi) → its text: escapes undone and grouping braces dropped, and
    nothing else; a `~` is part of a URL, not a space. `\\url{…}` gives its URL."""
    if "\\url" in value or "\\href" in value:
        return decode_latex(value)

    def text(match: re.Match[str]) -> str:
        if match[1]:
            return _VERBATIM_TEXT[match[1]]
        if match[3]:
            return ""
        return match[2] or "~"

    return " ".join(_VERBATIM_ESCAPE.sub(text, value).split())


def _decode_with_urls(value: str) -> str:
    pieces, position = [], 0
    for match in re.finditer(f"{_URL_MACRO.pattern}|{_HREF_MACRO.pattern}", value):
        pieces.append(_decode_piece(value[position: match.start()]))
        url = match[1] if match[1] is not None else match[2]
        pieces.append(url if match[1] is not None else f"{_decode_text(match[3])} ({url})")
        position = match.end()
    pieces.append(_decode_piece(value[position:]))
    return " ".join("".join(pieces).split())


def _decode_piece(text: str) -> str:
    """Text between URLs, decoded, keeping the space that separated it from them."""
    return (" " if text[:1].isspace() else "") + _decode_text(text) + (" " if text[-1:].isspace() else "")


def _decode_text(value: str) -> str:
    unescaped = _SIMPLE_ESCAPE.sub("", value) if "\\" in value else value
    if not _NEEDS_TEX.search(unescaped) and ("{" not in value and "}" not in value or balanced(value)):
        # Plain text, ligatures, grouping braces and escaped specials (\& \% \_ \# \$) only:
        # decoded here, as pylatexenc would (a property test checks), because pylatexenc takes
        # about 1 ms a field.
        plain = value
        if "-" in plain or "`" in plain or "'" in plain:
            plain = _LIGATURE.sub(lambda m: _LIGATURES_OUT[m[0]], plain)
        if "{" in plain or "}" in plain:
            plain = plain.replace("{", "").replace("}", "")
        if "\\" in plain:
            plain = _SIMPLE_ESCAPE.sub(r"\1", plain)
        return " ".join(plain.split())  # the same whitespace as \s, collapsed and stripped
    protected = _BARE_SPECIAL.sub(r"\\\1", value)
    try:
        converter, parsing = _decoder()
        decoded = converter.latex_to_text(protected, latex_context=parsing)
    except Exception:  # noqa: BLE001 (pylatexenc fails on some malformed macros, e.g. \\href{x})
        decoded = value.replace("{", "").replace("}", "")  # the text as written, grouping dropped
    return _SPACES.sub(" ", decoded).strip()


_BRACES = re.compile(r"[{}]")


def balanced(text: str) -> bool:
    depth = 0
    for brace in _BRACES.findall(text):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return depth == 0


_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
# TeX ligatures that pylatexenc (like TeX) would fuse: break them with an empty group.
_LIGATURES = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)")


def encode_latex(text: str) -> str:
    """Unicode text → a BibTeX field value that `decode_latex` turns back into the same text.

    Unicode is kept as is (BibLaTeX and this loader read UTF-8); only TeX's special characters
    and ligatures are escaped. Hand-written because pylatexenc's encoder also rewrites every
    non-ASCII letter into a macro, which makes Vietnamese and Chinese sources unreadable.
    """
    if not text:
        return ""
    text = " ".join(text.split())
    if _SPECIAL.search(text):  # searched first: most fields have nothing to escape
        text = _SPECIAL.sub(lambda match: _ESCAPES[match[0]], text)
    if "--" in text or "``" in text or "''" in text or "?`" in text or "!`" in text:
        text = _LIGATURES.sub("{}", text)
    return text


def encode_verbatim(text: str) -> str:
    """A verbatim field (url, doi) as written, as BibLaTeX expects; TeX-escaped only when it
    holds a brace or a backslash, which a verbatim value cannot carry."""
    text = _SPACES.sub(" ", text).strip()
    return encode_latex(text) if any(c in text for c in "{}\\") else text
