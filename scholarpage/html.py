"""The escaping boundary: text becomes HTML here and nowhere else.

Templates run in a Jinja environment with autoescaping on, so every value is text unless it
was built as Markup by a function of this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources

import jinja2
from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "attribute", "link", "linked_text", "render", "csl_safe"]

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


def linked_text(text: str, links: Iterable[tuple[str, str, str]]) -> Markup:
    """Escape `text`, turning the first occurrence of each (needle, href, label) into a link.

    Occurrences are matched case-insensitively and may not overlap; needles that do not occur
    are ignored, so the visible text is always exactly `text`.
    """
    spans: list[tuple[int, int, str, str]] = []
    for needle, href, label in links:
        if not needle:
            continue
        for match in re.finditer(re.escape(needle), text, flags=re.IGNORECASE):
            start, end = match.span()
            if all(end <= s or start >= e for s, e, _, _ in spans):
                spans.append((start, end, href, label))
                break
    pieces, position = [], 0
    for start, end, href, label in sorted(spans):
        pieces.append(escape(text[position:start]))
        visible = text[start:end]
        pieces.append(link(href, visible, f"{visible} ({label})" if label else ""))
        position = end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


def csl_safe(value: str) -> str:
    """Escape text for citeproc-py, which copies variables into its HTML output unescaped.

    Numeric character references survive the case changes CSL styles apply (an uppercased
    `&amp;` would become `&AMP;`), so `<`, `>` and `&` become `&#60;`, `&#62;` and `&#38;`.
    """
    return value.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")
