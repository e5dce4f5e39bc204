"""Tagged spans → the importer's fields, through the plain-text parser's own normalisers.

Why reuse them: names become Persons, dates ISO dates, pages en-dash ranges, DOIs and URLs bare,
exactly as the rule parser writes them, so the two readings can be compared field by field and
mixed (see `plaintext.parse_reference`).
"""

from __future__ import annotations

import re

from scholarpage.importer.plaintext.details import kind_of
from scholarpage.importer.plaintext.fields import (find_date, find_doi, find_edition, find_url, find_year,
                                                   normalise_pages)
from scholarpage.importer.plaintext.language import detect_language
from scholarpage.importer.plaintext.names import parse_names
from scholarpage.importer.plaintext.split import clean_title
from .tagging import Tagged

_ROLE = re.compile(r"^\s*(?:\[?in:?\]?\s+)?|(?:,?\s*\(?\b(?:eds?|hrsg|orgs?|coords?|red|comp|dir|editors?|"
                   r"edited by|ed\. by|trans|transl|tr|trad|translated by|tłum|przeł)\b\.?\)?[.,:;]?\s*)", re.I)
_VOLUME = re.compile(r"(?:\b(?:vol|v|bd|t|tom|tomo|jg|band|volume)\.?\s*)?"
                     r"(?P<volume>[A-Za-z]?\d+[A-Za-z]?(?:[-–/]\d+)?)",
                     re.I)
_ISSUE = re.compile(r"(?:\b(?:no|n|nr|num|iss|issue|heft|h|n[º°o]|número|numero)\.?\s*|\(\s*|\bS)"
                    r"(?P<issue>S?\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?|[A-Z][a-z]{2,8}\.?)\s*\)?", re.I)
_EDGES = " .,;:()[]"


def _strip(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$|\b(?:Inc|Ltd|Co|St|Jr)\.$", text):
        text = text[:-1]
    return text.strip(" ,;:")


def _unbracketed(text: str) -> str:
    """A span cut out of "(Cambridge: Cambridge University Press)" without its lone bracket; a
    bracket pair that belongs to it ("Journal (Social Science Edition)") stays."""
    text = _strip(text)
    while text and text[0] in "([" and not re.search(r"[)\]]", text[1:]):
        text = text[1:].strip()
    while text and text[-1] in ")]" and not re.search(r"[(\[]", text[:-1]):
        text = _strip(text[:-1])
    return text


def volume_issue(text: str) -> tuple[str, str]:
    """"vol. 36, no. 9" / "61(3)" / "v. 20, n. 40" / "12:" → ("36", "9"), ("61", "3"), ..."""
    text = text.strip(_EDGES + " ")
    volume = _VOLUME.match(text)
    if not volume:
        issue = _ISSUE.search(text)
        return "", issue["issue"].strip(" .") if issue else ""
    rest = text[volume.end():]
    issue = _ISSUE.search(rest)
    return volume["volume"], issue["issue"].strip(" .") if issue else ""


def names(text: str) -> tuple:
    """Persons of a names span, its role words ("(org.)", "Hrsg.") left out."""
    text = _ROLE.sub(" ", text).strip(" ,;:.")
    if not text:
        return ()
    return parse_names(text + ("." if re.search(r"\b[A-Z]$", text) else ""))


def reference_fields(tagged: Tagged) -> dict:
    """The importer's field dict (as `plaintext._parse_work` fills it) from a tagged reference."""
    text = tagged.text
    get = tagged.get
    # an editors' span may start with the word that introduces it: "In", "En", "Em", "Dans", "W"
    editors = re.sub(r"^\s*\[?(?:in|en|em|dans|w):?\]?\s+", "", get("editor"), flags=re.I)
    fields: dict = {"authors": names(get("author")), "editors": names(editors)}
    title = clean_title(get("title"))
    match = re.search(r"\s*\[([^\[\]]{3,})\]\s*[.,]?$", title)
    if match and match.start() > 0:
        title, fields["title_translation"] = title[: match.start()].strip(" ,."), match[1].strip()
    fields["title"] = title
    container = get("journal") or get("container-title")
    fields["container"] = _unbracketed(re.sub(r"^\s*\[?in:?\]?\s+", "", container, flags=re.I)).strip(" .,;:")
    fields["collection"] = _strip(get("collection-title")).strip("()")
    fields["volume"], fields["issue"] = volume_issue(get("volume"))
    pages = re.sub(r"^\s*(?:pp?|s|ss|str|pág|págs|tr|с|стр)\.?\s*", "", get("pages").strip(_EDGES), flags=re.I)
    # "312 p.", "245 с.": a book's extent, not the pages it is cited at
    extent = re.fullmatch(r"\d+\s*(?:pp?|s|с|стр|str|pages)\.?", pages.strip(_EDGES), flags=re.I)
    fields["pages"] = normalise_pages(pages.strip(_EDGES)) if re.search(r"\d", pages) and not extent else ""
    date_text = get("date")
    fields["year"] = find_year(date_text)[0]
    year_first = re.match(r"\s*((?:1[5-9]|20)\d\d)[a-z]?\s*;\s*(.*)", get("volume"))
    if year_first and not fields["year"]:  # Vancouver's "2018;57(3):" read as one volume span
        fields["year"] = year_first[1]
        fields["volume"], fields["issue"] = volume_issue(year_first[2])
    date = find_date(date_text)[0]
    fields["date"] = date if date != fields["year"] else ""
    fields["publisher"] = _unbracketed(get("publisher"))
    fields["place"] = _unbracketed(get("location"))
    edition = get("edition")
    fields["edition"] = (find_edition(edition)[0] or _strip(edition)) if edition else ""
    fields["genre"] = _strip(get("genre")).strip("[]()")
    fields["doi"], doi_span = find_doi(text)
    # as the rules read it: a URL that is only the DOI's address is the DOI
    fields["url"] = find_url(text if doi_span is None else text[: doi_span[0]] + " " + text[doi_span[1]:])[0]
    if title:
        fields["language"] = detect_language(title)
    org_author = bool(fields["authors"]) and bool(fields["authors"][0].literal)
    quoted = bool(re.search(r"[“”\"«»„]", get("title")))
    fields["kind"] = _kind(tagged, fields, quoted, org_author)
    return fields


def _kind(tagged: Tagged, fields: dict, quoted: bool, org_author: bool) -> str:
    if tagged.get("journal"):
        return "article-journal" if fields["volume"] or fields["pages"] or fields["issue"] else \
            kind_of(fields, quoted=True, chapter=False, rest=tagged.text, url=fields["url"], org_author=org_author)
    book = tagged.get("container-title")
    chapter = bool(book) and bool(tagged.get("editor") or fields["pages"] or re.match(r"\s*\[?in\b", book, re.I))
    return kind_of(fields, quoted=quoted, chapter=chapter, rest=tagged.text, url=fields["url"], org_author=org_author)
