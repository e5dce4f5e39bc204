"""In-text citations `[@key]` on hand-written pages, linked to the article page's references.

A Python-Markdown inline pattern, so code spans and code blocks are never touched.
Pandoc's bracketed syntax: `[@key]`, `[@a; @b]`, `[@key, p. 33]`. Keys may contain `:` and `.`.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator, Mapping

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor

from scholarpage.render.anchors import key_anchor

_LOG = logging.getLogger(__name__)
CITATION = r"\[(@[^\[\]\n]+?)\]"
_ONE = re.compile(r"^\s*@([^\s,;]+?)[.,;:]?(?:\s*,\s*(.+?))?\s*$")


class CitationProcessor(InlineProcessor):
    def __init__(self, extension: CitationExtension):
        super().__init__(CITATION)
        self.extension = extension

    def handleMatch(self, m: re.Match[str], data: str):  # noqa: N802 (Markdown's API)
        parts = [_ONE.match(part) for part in m.group(1).split(";")]
        if not all(parts):
            return None, None, None
        element = etree.Element("span", {"class": "sp-cite"})
        element.text = "["
        for index, part in enumerate(parts):
            key, locator = part.group(1), part.group(2)
            child = self.extension.citation(key, locator)
            child.tail = "; " if index < len(parts) - 1 else "]"
            element.append(child)
        return element, m.start(0), m.end(0)


class CitationExtension(Extension):
    """Resolves keys against the reference list; unknown keys are reported, not dropped."""

    def __init__(self, numbers: Mapping[str, int], tooltips: Mapping[str, str], article_page: str,
                 warn: Callable[[str], None] = _LOG.warning):
        super().__init__()
        self.numbers, self.tooltips, self.article_page, self.warn = numbers, tooltips, article_page, warn
        self.current_page = ""
        self.source = ""  # the file a reader should edit, when the page is generated from it (body.md)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.inlinePatterns.register(CitationProcessor(self), "scholarpage-citation", 175)

    def citation(self, key: str, locator: str | None) -> etree.Element:
        number = self.numbers.get(key)
        if number is None:
            self.warn(f"{self.source or self.current_page}: citation key '{key}' is not in the references")
            missing = etree.Element("mark", {"class": "sp-cite--missing"})
            missing.text = f"@{key}"
            return missing
        href = f"{self._relative_page()}#{key_anchor(key)}"
        label = f"{number}, {locator}" if locator else str(number)
        anchor = etree.Element("a", {"href": href, "title": self.tooltips.get(key, ""), "class": "sp-cite__link"})
        anchor.text = label
        return anchor

    def _relative_page(self) -> str:
        if not self.current_page:
            return self.article_page
        return posixpath.relpath(self.article_page, posixpath.dirname(self.current_page) or ".")


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


def cited_keys(markdown: str) -> Iterator[tuple[int, str]]:
    """(line, key) of each `[@key]` citation of a page, as far as it can be told before MkDocs
    renders it: front matter, fenced and indented code, code spans and HTML comments are passed
    over. It may miss a citation (the Markdown pattern, which sees the page as Python-Markdown
    does, then reports it), but finds none that the pattern would not."""
    def blank(match: re.Match[str]) -> str:
        return "\n" * match[0].count("\n")

    fence = ""
    for number, line in enumerate(_COMMENT.sub(blank, _FRONT_MATTER.sub(blank, markdown)).splitlines(), 1):
        marker = _FENCE.match(line)
        if fence or marker:
            closing = bool(marker) and marker[1][0] == fence[:1] and len(marker[1]) >= len(fence)
            fence = "" if closing else fence or marker[1]
            continue
        if line.startswith(("    ", "\t")):
            continue
        for match in re.finditer(CITATION, _CODE_SPAN.sub("", line)):
            parts = [_ONE.match(part) for part in match[1].split(";")]
            if all(parts):
                yield from ((number, part[1]) for part in parts if part)
