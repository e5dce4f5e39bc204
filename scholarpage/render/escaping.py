"""The escaping boundary: text becomes HTML here and nowhere else.

Templates run in a Jinja environment with autoescaping on, so every value is text unless it
was built as Markup by a function of this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources

import jinja2
from markupsafe import Markup, escape

__all__ = [
    "Markup", "escape", "attribute", "link", "linked_text", "render", "csl_safe",
    "exact_attribute", "meta", "link_tag", "json_script", "language_attributes", "right_to_left",
]


_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FunctionLoader(
        lambda name: resources.files(__package__).joinpath("templates", name).read_text("utf-8")
    ),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


#: Languages written right to left (their BCP 47 primary subtags): a reference or title in one
#: of them is marked `dir="rtl"` as well as `lang`, so that the browser lays out its punctuation
#: and numbers in its order inside a left-to-right page.
RIGHT_TO_LEFT = frozenset("ar fa he ur ps yi dv sd ug ckb syr arc".split())


def language_attributes(language: str, direction: str = "rtl") -> Markup:
    """` lang="…"` for an element, and for a right-to-left language ` dir="…"`: "rtl" for text
    wholly in that language (a title, an abstract), "auto" for a reference, whose text may be
    a left-to-right style's names and numbers around a title in that language (the browser then
    takes the direction of its first letter)."""
    if not language:
        return Markup("")
    rtl = Markup(f' dir="{direction}"') if right_to_left(language) else ""
    return Markup(' lang="{}"{}').format(attribute(language), rtl)


def right_to_left(language: str) -> bool:
    return language.split("-")[0].lower() in RIGHT_TO_LEFT


_ENVIRONMENT.globals["language_attributes"] = language_attributes


def render(template: str, **context: object) -> str:
    """Render a package template with every value escaped unless it is Markup."""
    return _ENVIRONMENT.get_template(template).render(**context)


def attribute(value: str) -> str:
    """Text → the inside of a double-quoted attribute (also safe in Jinja-less contexts)."""
    return str(escape(_one_line(value)))


def _one_line(value: str) -> str:
    return " ".join(value.split())


def link(href: str, text: str, label: str = "", **attrs: str) -> Markup:
    """An <a> element; `label`, when given, becomes its accessible name (it must contain `text`)."""
    extra = {"aria-label": label, **attrs} if label else attrs
    rendered = "".join(f' {name}="{attribute(value)}"' for name, value in extra.items() if value)
    return Markup(f'<a href="{attribute(href)}"{rendered}>{escape(text)}</a>')


def linked_text(text: str, links: Iterable[tuple[str, str, str]],
                emphasis: Iterable[tuple[int, int]] = ()) -> Markup:
    """Escape `text`, turning the first occurrence of each (needle, href, label) into a link
    and putting the `emphasis` spans (start, end offsets) in italics.

    Occurrences are matched case-insensitively and may not overlap; needles that do not occur
    are ignored, so the visible text is always exactly `text`.
    """
    italics = [(max(0, start), min(len(text), end)) for start, end in emphasis if start < end]
    spans: list[tuple[int, int, str, str]] = []
    for needle, href, label in links:
        for start, end in _occurrences(needle, text):
            if all(end <= s or start >= e for s, e, _, _ in spans):
                spans.append((start, end, href, label))
                break
    pieces, position = [], 0
    for start, end, href, label in sorted(spans):
        pieces.append(_italicised(text, position, start, italics))
        visible = text[start:end]
        pieces.append(link(href, _italicised(text, start, end, italics), f"{visible} ({label})" if label else ""))
        position = end
    pieces.append(_italicised(text, position, len(text), italics))
    return Markup("").join(pieces)


def _italicised(text: str, start: int, end: int, italics: list[tuple[int, int]]) -> Markup:
    """text[start:end] escaped, with the parts inside an italic span in <i>."""
    pieces, position = [], start
    for span_start, span_end in sorted(italics):
        a, b = max(span_start, position), min(span_end, end)
        if a >= b:
            continue
        pieces += [escape(text[position:a]), Markup("<i>") + escape(text[a:b]) + Markup("</i>")]
        position = b
    pieces.append(escape(text[position:end]))
    return Markup("").join(pieces)


def _occurrences(needle: str, text: str) -> Iterator[tuple[int, int]]:
    """Where `needle` occurs in `text`, exact matches first, then case-insensitive ones.

    The exact search avoids compiling a regular expression per needle (every DOI differs).
    """
    if not needle:
        return
    start = text.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + 1)
    if needle.casefold() in text.casefold():  # cheap test before compiling a pattern
        for match in re.finditer(re.escape(needle), text, flags=re.IGNORECASE):
            yield match.span()


def csl_safe(value: str) -> str:
    """Escape text for citeproc-py, which copies variables into its HTML output unescaped.

    Numeric character references survive the case changes CSL styles apply (an uppercased
    `&amp;` would become `&AMP;`), so `<`, `>` and `&` become `&#60;`, `&#62;` and `&#38;`. The
    marks the citeproc-py workarounds move or drop after formatting are given as references
    where the source wrote them, so only the style's own are touched: a closing quote `”`
    (`&#8221;`: `with_punctuation_in_quotes`) and a full stop right after "?" or "!" (`&#46;`:
    `without_full_stop_after_question`).
    """
    value = value.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")
    return _STOP_AFTER_QUESTION.sub(r"\1&#46;", value).replace("”", "&#8221;")


_STOP_AFTER_QUESTION = re.compile(r"([?!][”’\"']*)\.")


# --- head tags and embedded JSON ------------------------------------------------------------


def exact_attribute(value: str) -> str:
    """Text → the inside of a double-quoted attribute that parses back to exactly `value`.

    Unlike `attribute`, whitespace is kept; line breaks become character references so that
    every tag stays on one line of the page source.
    """
    # str.replace, not str.translate: translate runs character by character in Python-level
    # dict lookups, 50× slower on long non-ASCII text.
    return str(escape(value)).replace("\r", "&#13;").replace("\n", "&#10;")


def meta(name: str, content: str, *, key: str = "name") -> Markup:
    """`<meta name="…" content="…">` (key="property" for Open Graph)."""
    return Markup(f'<meta {key}="{exact_attribute(name)}" content="{exact_attribute(content)}">')


def link_tag(rel: str, href: str, **attrs: str) -> Markup:
    """A head `<link>`; empty attributes are left out."""
    extra = "".join(f' {name}="{exact_attribute(value)}"' for name, value in attrs.items() if value)
    return Markup(f'<link rel="{exact_attribute(rel)}" href="{exact_attribute(href)}"{extra}>')


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_script(data: object, *, kind: str = "application/ld+json") -> Markup:
    """Data as JSON inside `<script type=…>`: `<`, `>` and `&` become \\u escapes, so neither
    `</script>` nor `<!--` can end or alter the element, and U+2028/U+2029 are escaped for
    parsers that read JSON as JavaScript."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_ESCAPES.items():  # str.replace: see exact_attribute
        text = text.replace(character, escaped)
    return Markup(f'<script type="{exact_attribute(kind)}">{text}</script>')


_PLAIN_LINK = re.compile(r'<a href="([^"]*)">([^<]*)</a>')


def label_links(fragment: Markup, label: str) -> Markup:
    """Give each plain link of a generated fragment the name "<visible text> (<label>)".

    The fragment's link texts are already escaped (and quote-free), so they are reused as is.
    """
    escaped_label = attribute(label)
    return Markup(_PLAIN_LINK.sub(
        lambda m: f'<a href="{m[1]}" aria-label="{m[2]} ({escaped_label})">{m[2]}</a>', str(fragment)
    ))
