"""In-text citations `[@key]` on hand-written pages, linked to the article page's references.

A Python-Markdown inline pattern, so code spans and code blocks are never touched.
Pandoc's bracketed syntax: `[@key]`, `[@a; @b]`, `[@key, p. 33]`. Keys may contain `:` and `.`.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping

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

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.inlinePatterns.register(CitationProcessor(self), "scholarpage-citation", 175)

    def citation(self, key: str, locator: str | None) -> etree.Element:
        number = self.numbers.get(key)
        if number is None:
            self.warn(f"{self.current_page}: citation key '{key}' is not in the references")
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
