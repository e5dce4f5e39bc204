"""China's national reference style, GB/T 7714: "Authors. Title[J]. Journal, 2020, 41(5): 88-97."

The bracketed document-type code after the title says what the entry is, so the rest of the
entry is read by that type's layout.
"""

from __future__ import annotations

import re

from scholarpage.importer.plaintext.fields import YEAR, normalise_pages
from scholarpage.importer.plaintext.names import parse_names
from scholarpage.model import Person

_ENTRY = re.compile(
    r"^(?P<authors>[^.。]*?)[.。]\s*(?P<title>[^\[\]]+?)\s*\[(?P<code>[A-Z]{1,2})(?:/OL)?\]\s*[.。]?\s*(?P<rest>.*)$"
)
KIND_OF_CODE = {"J": "article-journal", "M": "book", "D": "thesis", "C": "paper-conference", "N": "article-newspaper",
                "R": "report", "EB": "webpage", "S": "report", "P": "document", "Z": "document"}
_CJK = re.compile(r"[\u3400-\u9fff]")


def parse_gbt(text: str) -> dict | None:
    """Fields of a GB/T 7714 entry, or None when the text is not one."""
    match = _ENTRY.match(text)
    if not match or match["code"] not in KIND_OF_CODE:
        return None
    kind = KIND_OF_CODE[match["code"]]
    fields = {"kind": kind, "title": match["title"].strip(), "authors": _authors(match["authors"])}
    rest = match["rest"].strip(" .。")
    fields.update(_journal(rest) if kind in ("article-journal", "article-newspaper") else _publication(rest))
    return fields


def _authors(text: str) -> tuple[Person, ...]:
    names = [n.strip() for n in re.split(r"[,，、]\s*", text) if n.strip()]
    if names and all(_CJK.search(n) for n in names if n not in ("等", "et al")):
        return tuple(Person(family="others") if n in ("等", "et al") else Person(literal=n) for n in names)
    return parse_names(text) if text.strip() else ()


def _journal(rest: str) -> dict:
    """"法学杂志, 2020, 41(5): 88-97" → container, year, volume, issue, pages."""
    match = re.match(rf"^(?P<container>.+?)[,，]\s*(?P<year>{YEAR})(?:\((?P<year_issue>[^)]+)\))?"
                     r"(?:[,，]\s*(?P<volume>\d+)?\s*(?:\((?P<issue>[^)]+)\))?)?(?:\s*[:：]\s*(?P<pages>[\d\-–]+))?", rest)  # noqa: E501 (one pattern reads best whole)
    if not match:
        return {"container": rest}
    found = {key: value for key, value in match.groupdict().items() if value}
    if "year_issue" in found:  # "2019(4)": an issue numbered within the year, no volume
        found.setdefault("issue", found.pop("year_issue"))
    if "pages" in found:
        found["pages"] = normalise_pages(found["pages"])
    return found


def _publication(rest: str) -> dict:
    """"北京: 法律出版社, 2018" → place, publisher, year."""
    match = re.match(rf"^(?:(?P<place>[^:：,，]+)[:：]\s*)?(?P<publisher>.+?)[,，]\s*(?P<year>{YEAR})", rest)
    return {key: value.strip() for key, value in match.groupdict().items() if value} if match else {}
