"""Recognisers for the small fields of a reference: DOI, URL, dates, pages, volume, issue."""

from __future__ import annotations

import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Polish (genitive, as dates are printed) and German month names: legal and local sources use them.
MONTHS.update({
    name: number
    for number, names in enumerate(
        [
            ("stycznia", "januar"), ("lutego", "februar"), ("marca", "märz"), ("kwietnia",), ("maja", "mai"),
            ("czerwca", "juni"), ("lipca", "juli"), ("sierpnia",), ("września",), ("października", "oktober"),
            ("listopada",), ("grudnia", "dezember"),
        ],
        start=1,
    )
    for name in names
})
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DATES = [
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?\s+{_MONTH}\s*,?\s+(?P<year>{YEAR})\b", re.I),
    re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>{YEAR})\b", re.I),
    re.compile(rf"\b(?P<year>{YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b(?P<year>{YEAR}),?\s+{_MONTH}\s+(?P<day>[0-3]?\d)\b", re.I),
    re.compile(rf"\b{_MONTH}\s+(?P<year>{YEAR})\b", re.I),
]
YEAR_RE = re.compile(rf"(?<![\d/.\-])({YEAR})[a-z]?(?![\d/\-]|\.\d|[A-Za-z]{{2}})")
DOI_RE = re.compile(
    r"(?:\bdoi\s*:?\s*|https?://(?:dx\.)?doi\.org/|\bdoi\.org/)?(?P<doi>10\.\d{4,9}/[^\s\"<>]+)", re.I
)
URL_RE = re.compile(
    r"(?:<)?(?P<url>(?:https?|ftp)://[^\s<>\"]+|\bwww\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)+(?::\d+)?(?:/[^\s<>\"]*)?)",
    re.I,
)
_TRAILING = ".,;:)]>"
PAGES_RE = re.compile(r"\b(?:pp?\.\s*)?(?P<first>[A-Za-z]?\d+)\s*[-–—]{1,2}\s*(?P<last>[A-Za-z]?\d+)\b")


def _trim(value: str) -> str:
    while value and value[-1] in _TRAILING:
        if value[-1] == ")" and value.count("(") >= value.count(")"):
            break
        value = value[:-1]
    return value


def find_doi(text: str) -> tuple[str, tuple[int, int] | None]:
    """The bare DOI and the span it took in `text` (prefix included)."""
    match = DOI_RE.search(text)
    if not match:
        return "", None
    doi = _trim(match["doi"])
    return doi, (match.start(), match.start("doi") + len(doi))


def find_url(text: str) -> tuple[str, tuple[int, int] | None]:
    """The first URL as printed (a scheme is never invented) and its span."""
    match = URL_RE.search(text)
    if not match:
        return "", None
    url = _trim(match["url"])
    return url, (match.start(), match.start("url") + len(url))


def find_date(text: str) -> tuple[str, tuple[int, int] | None]:
    """An ISO date ("2025-08-16", or "2004-03" for a month) and its span."""
    for pattern in _DATES:
        match = pattern.search(text)
        if match:
            month = match["month"]
            number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            day = match.groupdict().get("day")
            if day and not 1 <= int(day) <= 31 or not 1 <= number <= 12:
                continue
            date = f"{match['year']}-{number:02d}" + (f"-{int(day):02d}" if day else "")
            return date, match.span()
    return "", None


def find_year(text: str) -> tuple[str, tuple[int, int] | None]:
    match = YEAR_RE.search(text)
    return (match[1], match.span()) if match else ("", None)


def expand_pages(first: str, last: str) -> str:
    """"133", "54" → "133–154": an abbreviated last page takes the first page's leading digits."""
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return f"{first}–{last}"


def normalise_pages(text: str) -> str:
    """Page ranges with an en dash, abbreviated ranges expanded; other text kept."""
    return PAGES_RE.sub(lambda m: expand_pages(m["first"], m["last"]), text.strip())


ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
}
EDITION_RE = re.compile(
    r"\(?\b(?P<ed>\d+)(?:st|nd|rd|th|\.ª|ª|\.º|º|e|ème|\.)?\s*"
    r"(?:ed\.?|edn\.?|éd\.?|edition|édition|edición|edição|Aufl\.?|wyd\.?)(?=[\s,.;)]|$)\)?"
    r"|\(?\b(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:ed\.|edn\.?|edition)\)?",
    re.I,
)


def find_edition(text: str) -> tuple[str, tuple[int, int] | None]:
    match = EDITION_RE.search(text)
    if not match:
        return "", None
    return match["ed"] or ORDINALS[match["word"].lower()], match.span()
