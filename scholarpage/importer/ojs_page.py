"""An OJS article page (saved HTML or its copied text) or a plain reference list → fields.

HTML is read by `ojs_html` (the `citation_*` and `DC.*` meta tags first, the visible page for
the rest), copied text by `ojs_text` (the interface's labels, in many languages). This module
holds what both share: the result, the date and issue readers. Nothing here writes files or
parses single references.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from scholarpage import identifiers
from scholarpage.importer.plaintext.fields import find_date
from scholarpage.importer.reference_lines import entries


@dataclass
class Page:
    """What a page gave: article fields (article.yml names), reference strings, and notes.

    `lines[i]` is the line of the input that references[i] starts on (0 when unknown), so a
    reference that cannot be read is reported where the editor can find it.
    """

    article: dict = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    kind: str = "article"  # "article" or "list"
    lines: list[int] = field(default_factory=list)
    pdf_url: str = ""


def read_page(text: str, *, is_html: bool) -> Page:
    if is_html:
        from scholarpage.importer.ojs_html import html_page

        return html_page(text)
    from scholarpage.importer.ojs_text import text_page

    return text_page(text)


def list_page(text: str) -> Page:
    """A plain list: numbered lines, one reference per paragraph, or one per line (rejoined)."""
    found = entries(text.splitlines())
    return Page(references=[e.text for e in found], lines=[e.line for e in found], kind="list")


def reference_list(text: str) -> list[str]:
    return list_page(text).references


_MONTH_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def parse_page_date(value: str) -> str:
    """"19-02-2026" (day-month-year, as OJS prints), "2026-02-19", "2026/02/19", "6 December 2025" → ISO."""
    value = value.strip()
    try:
        numeric = _DAY_FIRST.fullmatch(value)
        if numeric:
            return dt.date(int(numeric[3]), int(numeric[2]), int(numeric[1])).isoformat()
        iso = _MONTH_FIRST.match(value)
        if iso and (len(value) == iso.end() or not value[iso.end()].isdigit()):
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
    except ValueError:
        return ""
    date, _ = find_date(value[:200])
    return date if len(date) == 10 else ""


# "Vol. 60 No. 1 (2026)", "Volume 25, Number 10 - 5 October 2020", "Tom 12 Nr 3 (2021)",
# "v. 20, n. 40 (2019)", "Т. 5 № 2 (2021)", "Tập 13 Số 01S (2024)", "Núm. 3 (2020)".
# Besides these, the words OJS prints before an issue's volume and number (`issue.vol`,
# `issue.no` in its locale files), in every language it ships. A word may end in a dot; the
# one-letter ones must.
_VOLUME_WORDS = ("Volume", "Volumen", "Volum", "Vol", "Tomo", "Tom", "Том", "Bd", "Band", "Tập", "Jilid", "Jild",
                 "Jil", "Cilt", "Cild", "Year", "Ano", "Año", "Rok", "Jahrgang", "Jg", "Årg", "Árg", "Évf", "Kd",
                 "Libk", "Lbh", "Letn", "Diel", "God", "Год", "Svezak", "Sēj", "Τόμ", "Боть", "Нөмір", "Հտ", "כרך",
                 "بەرگ", "دوره", "مجلد", "खंड", "เล่ม", "ტომ", "卷", "巻", "호", "zwj")
_VOLUME_LETTERS = ("T", "Т", "v", "V")
_ISSUE_WORDS = ("Number", "Numéro", "Número", "Numero", "Nummer", "Numer", "Număr", "Nömrə", "Nomeri", "Num", "Núm",
                "Nro", "No", "Nr", "Issue", "Số", "Sayı", "Heft", "Fasc", "Zeszyt", "Выпуск", "Вып", "Edição", "Ed",
                "Br", "Бр", "Zk", "Àir", "Číslo", "čo", "Št", "Αρ", "Дугаар", "szám", "מספר", "شماره", "عدد", "ژمارە",
                "หมายเลข", "号", "期", "번호", "n")
_ISSUE_LETTERS = ("N", "Č", "Ч")


def _either(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_VOLUME_WORD = rf"(?:(?:{_either(_VOLUME_WORDS)})[.․]?|(?:{_either(_VOLUME_LETTERS)})[.․])"
_ISSUE_WORD = (rf"(?:\b(?:(?:{_either(_ISSUE_WORDS)})(?:[.․]\s*|\s+)|(?:{_either(_ISSUE_LETTERS)})\.\s*)"
               r"|(?:N\.º|№|Nº|N°)\s*)")
ISSUE = re.compile(
    rf"(?:\b{_VOLUME_WORD}\s*(?P<volume>\d[\w.\-]*)[,\s]*)?(?:{_ISSUE_WORD}(?P<issue>\w[\w.\-/]*))?"
    r"\s*(?:\((?P<year>\d{4})\)|[-–,]\s*(?:\d{1,2}\s+)?[A-Za-zÀ-ÿ]+\.?\s+(?P<year2>\d{4}))"
    r"(?::\s*(?P<label>.+))?",
    re.I,
)


def read_issue(text: str, *, whole_line: bool = False) -> dict:
    """Volume, issue, year and the issue's own title from an issue line; {} if it is none.

    With `whole_line`, the line must begin with the issue (a reference that cites an issue
    does not make the line an issue line).
    """
    match = (ISSUE.match if whole_line else ISSUE.search)(text[:300])
    if not match or not (match["volume"] or match["issue"]):
        return {}
    found = {"volume": match["volume"] or "", "issue": match["issue"] or "",
             "year": int(match["year"] or match["year2"])}
    found["issue_label"] = (match["label"] or "").strip()
    return found


_PARTICLES = {"van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "dos", "das", "do", "le", "la", "ten",
              "ter"}


def person(name: str) -> dict:
    """"Family, Given" or "Given [particle] Family" → article.yml's {given, family}."""
    if "," in name:
        family, _, given = name.partition(",")
    else:
        words = name.split()
        cut = len(words) - 1
        while cut > 1 and words[cut - 1].lower() in _PARTICLES:
            cut -= 1
        given, family = " ".join(words[:cut]), " ".join(words[cut:])
    return {"given": given.strip(), "family": family.strip()} if given.strip() else {"family": family.strip()}


def bare_doi(value: str) -> str:
    """The DOI a page gives, bare, or "" when what it gives is not a DOI."""
    value = identifiers.bare_doi(value)
    return value if re.match(r"10\.\d{4,9}/\S+$", value) else ""
