"""Court decisions and statutes, which have no authors and cite reporters or gazettes."""

from __future__ import annotations

import re

from scholarpage.importer.plaintext.fields import find_date, find_year, normalise_pages
from scholarpage.importer.plaintext.split import sentence_end
from scholarpage.model import Person

_CASE = re.compile(
    r"^(?P<title>(?:Case\s+[A-Z]-?\d+/\d+\s+)?[A-Z][^,]{0,120}?\s(?:v\.?|vs\.?|versus|przeciwko)\s[^,\[(]{1,120}?)"
    r"(?=\s*[,(\[]|\s+\d)(?P<cite>.*)$"
)
_DECISION = re.compile(r"^(?P<title>(?:Wyrok|Postanowienie|Uchwała|Judgment|Judgement|Decision|Urteil|Beschluss|"
                       r"Sentencia|Acórdão|Bản án)\b[^,]*)(?P<cite>.*)$")
_REPORTER = re.compile(r"(?P<volume>\d+)\s+(?P<reporter>[A-Z][\w.\s]{0,20}?)\s+(?P<page>\d+)\b")
_NEUTRAL = re.compile(r"\[(?P<year>\d{4})\]\s+(?:(?P<volume>\d+)\s+)?(?P<reporter>[A-Z][A-Za-z.\s]*?)\s+(?P<page>\d+)")
_STATUTE = re.compile(
    r"^(?P<title>(?:The\s+)?(?:(?:[A-Z][\w’'\-]*,?|of|and|on|for|the|\(\w+\))\s+){0,12}"
    r"(?:Act|Code|Regulation|Directive|Decree|Ordinance|Statute|Constitution|Convention|Treaty)\b[^,.]*"
    r"|(?:Ustawa|Rozporządzenie|Kodeks|Gesetz|Ley|Lei|Decreto|Medida Provisória|Portaria|Resolução|Luật|Nghị định"
    r"|Undang-Undang|Peraturan Pemerintah|Peraturan Presiden"
    r"|Regulation \(EU\)|Directive \(EU\))\b(?:[^.]|\br\.|\bn\.\s?º|(?<=\d)\.(?=\d))*?"
    r"(?=,|(?<!\br)\.\s|\s\(Dz|\s\(BGBl|\s\(OJ|$))(?P<cite>.*)$"
)
_GAZETTE = re.compile(r"\b(Dz\.\s?U\.|OJ|O\.J\.|U\.S\.C\.|BGBl\.|Stat\."
                      r"|Diário Oficial(?: d[ao] [A-ZÀ-Þ][\w ]*?)?(?=[:,.])"
                      r"|Boletín Oficial del Estado|Journal officiel(?: de la République française)?"
                      r"|Lembaran Negara(?: Republik Indonesia)?)")
# ABNT and other styles put the jurisdiction first, in capitals: "BRASIL. Lei nº 9.279, de 14 de maio de 1996."
_JURISDICTION = re.compile(r"^(?P<who>[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž\s\-]+(?:\s\([^)]{1,40}\))?|[A-ZÀ-ÞĀ-Ž][\w\-]+"
                           r"(?:\s[A-ZÀ-ÞĀ-Ž][\w\-]+)?)\.\s+")  # "BRASIL." "SÃO PAULO (Estado)." "España."


def parse_legal(text: str) -> dict | None:
    """Fields of a case or statute, or None when the text is neither."""
    jurisdiction = _JURISDICTION.match(text)
    if jurisdiction:
        after = text[jurisdiction.end():]
        if _STATUTE.match(after):  # its name and date are the first sentence: "Lei nº 9.279, de 14 de maio de 1996."
            end = sentence_end(after)
            fields = _fields(after[:end].strip(" ,").rstrip(". "), after[end:], "legislation", after)
            return {**fields, "authors": (Person(literal=" ".join(jurisdiction["who"].split())),)}
    for pattern, kind in ((_CASE, "legal_case"), (_DECISION, "legal_case"), (_STATUTE, "legislation")):
        match = pattern.match(text)
        if match:
            title = match["title"].strip(" ,")
            title = title if re.search(r"\br\.$", title) else title.rstrip(". ")
            return _fields(title, match["cite"], kind, text)
    return None


def _fields(title: str, cite: str, kind: str, text: str) -> dict:
    date, _ = find_date(text)
    year = date[:4] if date else find_year(cite)[0] or find_year(title)[0]
    fields = {"kind": kind, "title": title, "date": date, "year": year}
    report = _NEUTRAL.search(cite) or _REPORTER.search(cite)
    if kind == "legal_case" and report:
        fields.update(container=report["reporter"].strip(), volume=report["volume"] or "", pages=report["page"])
    gazette = _GAZETTE.search(cite)
    if kind == "legislation" and gazette:
        fields["container"] = gazette[1]
    pages = re.search(r"\bpp?\.\s*(\d+\s*[-–]\s*\d+|\d+)", cite)
    if kind == "legislation" and pages:
        fields["pages"] = normalise_pages(pages[1])
    return {key: value for key, value in fields.items() if value}
