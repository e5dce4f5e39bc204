"""One formatted reference string → a Reference with structured fields. Never raises.

The parser is rule-based: it removes the machine-readable parts (DOI, URL, access notes),
finds the title (quoted, after a year, or after the names), reads the names before it and the
container, numbers, dates and publisher after it, then decides the entry type from that
evidence. `text` keeps the input exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from scholarpage.model import Person, Reference
from scholarpage.importer.plaintext.details import (book_parts, chapter_parts, container_parts, degree_thesis_parts,
                                                    kind_of, thesis_parts)
from scholarpage.importer.plaintext.fields import find_doi, find_edition, find_url
from scholarpage.importer.plaintext.gbt import parse_gbt
from scholarpage.importer.plaintext.keys import base_key, unique_keys
from scholarpage.importer.plaintext.language import detect_language
from scholarpage.importer.plaintext.legal import parse_legal
from scholarpage.importer.plaintext.namedata import CITIES
from scholarpage.importer.plaintext.names import is_organisation, parse_names
from scholarpage.importer.plaintext.split import split

__all__ = ["parse_reference", "parse_list", "parse_tagged_list", "unique_keys", "base_key"]

_NUMBERING = re.compile(r"^\s*(?:\[\d{1,5}\]|\(\d{1,5}\)|\d{1,5}[.)])\s+")
_ACCESS = re.compile(
    r"[\[(]\s*(?:last\s+)?(?:accessed|viewed|retrieved|cited|dostęp|zugriff)[^\])]*[\])]"
    r"|\b(?:accessed|viewed|retrieved)(?:\s+on)?:?\s+(?:[0-3]?\d\s+)?[A-Za-z]+\.?\s+(?:[0-3]?\d,?\s+)?\d{4}"
    r"(?:,?\s+from\b)?\.?"
    # ABNT and other languages' access notes: "Acesso em: 3 mar. 2020", "consultado el 3 de marzo de 2020"
    r"|\b(?:acesso\s+em|acessado\s+em|consultado\s+(?:el|em|en)|consulté\s+le|zugriff\s+am|abgerufen\s+am"
    r"|data\s+dostępu|dostęp(?:\s+dnia)?)\s*:?\s*(?:[0-3]?\d(?:\s+de)?\s+[^\W\d_]+\.?(?:\s+de)?\s+\d{4}"
    r"|[0-3]?\d[./-][01]?\d[./-]\d{4}|\d{4}-\d\d-\d\d)\.?"
    r"|\b(?:available\s+(?:at|from|online)|retrieved\s+from|disponível\s+em|disponible\s+(?:en|sur)"
    r"|verfügbar\s+unter|online|url)\s*:?\s*(?=\S*(?:https?://|www\.)|[\s.]*$)"
    r"|\[online\]|\[internet\]"
    r"|\bavailable\s*:\s*(?=[\s.]*$)",
    re.I,
)
# A book's extent after its year, not pages it was cited at: "2016. 312 p.", "2019. 245 с.", "312 S."
_EXTENT = re.compile(r"(?<=[.,]\s)\d+\s*(?:p|pp|S|s|с|стр|str|pages|págs?)\.?(?=\s*(?:[.;]|$))")
_FIELDS = ("title", "title_translation", "container", "collection", "volume", "issue", "pages", "year", "date",
           "publisher", "place", "edition", "genre", "title_language", "note")


def parse_reference(text: str, *, number: int | None = None, style=None) -> Reference:
    """Parse one formatted reference; on any internal failure return the text unparsed.

    The hand rules read it, and each field the learned tagger surely reads otherwise is taken
    from the tagger (`tagger.choice`). `style` is the list's style (`tagger.context.list_style`)
    when the reference is read as part of a list; `parse_list` reads a whole list.
    """
    rules = rules_reference(text, number)
    try:
        # imported here: the tagger reuses this package's normalisers
        from scholarpage.importer.tagger.choice import choose
        from scholarpage.importer.tagger.tagging import tag

        return choose(rules, tag(text, style), number)
    except Exception:  # noqa: BLE001 - the tagger only ever improves on the rules' reading
        return rules


def parse_list(texts: Sequence[str], *, mapper: Callable = map) -> list[Reference]:
    """Parse a reference list, numbered from 1, reading the list as context (`tagger.choice.read_list`).

    `mapper` is `map` or a process pool's `map`: the parsing of each entry is independent.
    """
    texts = [str(t) for t in texts]
    rules = list(mapper(_rules_item, list(enumerate(texts, 1))))
    try:
        from scholarpage.importer.tagger.choice import SAMPLE, read_list
        from scholarpage.importer.tagger.context import list_style

        style = list_style(texts)

        def tag_all(indices: list[int]) -> list:
            # the sample that decides the list is tagged here: sending it to the pool's workers
            # costs each of them loading the model, more than tagging 200 entries
            items = [(texts[i], style) for i in indices]
            return list((map if len(items) <= SAMPLE else mapper)(_tag_item, items))

        return read_list(texts, rules, tag_all)
    except Exception:  # noqa: BLE001 - as in parse_reference
        return rules


def parse_tagged_list(texts: Sequence[str], *, mapper: Callable = map) -> tuple[list[Reference], list]:
    """`parse_list`, with every entry tagged (one pass over the list, for the review list): the
    references and each entry's `Tagged` reading."""
    texts = [str(t) for t in texts]
    try:
        from scholarpage.importer.tagger.context import list_style

        style = list_style(texts)
    except Exception:  # noqa: BLE001 - as in parse_reference
        style = None
    pairs = list(mapper(_read_item, [(number, text, style) for number, text in enumerate(texts, 1)]))
    rules, tagged = [p[0] for p in pairs], [p[1] for p in pairs]
    try:
        from scholarpage.importer.tagger.choice import read_list

        return read_list(texts, rules, lambda indices: [tagged[i] for i in indices]), tagged
    except Exception:  # noqa: BLE001 - as in parse_reference
        return rules, tagged


def _read_item(item: tuple):
    number, text, style = item
    return rules_reference(text, number), _tag_item((text, style))


def rules_reference(text: str, number: int | None = None) -> Reference:
    """The hand rules' reading alone, never raising."""
    try:
        return _parse(text, number)
    except Exception:  # noqa: BLE001 - the contract is "never raises"; quality flags the entry
        return Reference(key=f"ref{number}" if number is not None else "ref", text=text, note="unparsed")


def _rules_item(item: tuple[int, str]) -> Reference:
    return rules_reference(item[1], item[0])


def _tag_item(item: tuple):
    from scholarpage.importer.tagger.tagging import tag

    try:
        return tag(*item)
    except Exception:  # noqa: BLE001 - an entry the model cannot read keeps the rules' reading
        from scholarpage.importer.tagger.tagging import Tagged

        return Tagged(item[0], ())


#: Arabic-script punctuation read as its Latin counterpart while parsing; every value is then
#: taken back from the text as printed (`_as_printed`).
_ARABIC_PUNCTUATION = str.maketrans({"،": ",", "؛": ";", "؟": "?"})


def _parse(text: str, number: int | None) -> Reference:
    arabic = bool(re.search("[،؛؟]", text))
    working = _NUMBERING.sub("", " ".join(str(text).translate(_ARABIC_PUNCTUATION).split()))
    doi, span = find_doi(working)
    working = _cut(working, span)
    url, span = find_url(working)
    working = _cut(working, span)
    working = _tidy(_EXTENT.sub(" ", _ACCESS.sub(" ", _ACCESS.sub(" ", working))))
    fields = parse_gbt(working) or (parse_legal(working) if not re.search(r"[“”\"«»„]", working) else None)
    if fields is None:
        fields = _parse_work(working, url)
    fields.update(doi=doi, url=url)
    if fields.get("title"):
        # The title's language only: the text shows which language the title is printed in, not
        # which language the work is in (a Chinese journal's article cited by its English title).
        fields.setdefault("title_language", detect_language(fields["title"]))
    authors = fields.get("authors", ())
    key = base_key(authors, fields.get("year", ""), fields.get("title", ""), number)
    values = {name: str(fields.get(name) or "") for name in _FIELDS}
    if arabic:
        values = {name: _as_printed(value, text) for name, value in values.items()}
        authors = tuple(_person_as_printed(person, text) for person in authors)
    return Reference(key=key, kind=fields.get("kind", "document"), text=text, authors=authors,
                     editors=fields.get("editors", ()), doi=doi, url=url, **values)


def _as_printed(value: str, text: str) -> str:
    """`value`, read from the text with Arabic punctuation as Latin, as the text prints it."""
    if not value or not re.search("[,;?]", value):
        return value
    pattern = "".join({",": "[,،]", ";": "[;؛]", "?": "[?؟]"}.get(char, re.escape(char)) for char in value)
    found = re.search(pattern.replace(r"\ ", r"\s+"), text)
    return found[0] if found else value


def _person_as_printed(person: Person, text: str) -> Person:
    return Person(family=_as_printed(person.family, text), given=_as_printed(person.given, text),
                  literal=_as_printed(person.literal, text))


def _cut(text: str, span: tuple[int, int] | None) -> str:
    return text if span is None else text[: span[0]] + " " + text[span[1]:]


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"([,.;:])(?:\s+[,.;:])+(?=\s|$)", r"\1", text)
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # "EU. ." after a cut note (an ellipsis stays)
    return text.strip(" ,;:")


def _parse_work(working: str, url: str) -> dict:
    zones = split(working)
    names = parse_names(zones.authors) if zones.authors else ()
    title, description = _description(zones.title)
    title, translation = _translation(title)
    title, edition = _edition(title)
    if not zones.rest and zones.style != "quoted":
        title, zones.rest = _publisher_and_city_after(title)
    # A periodical for sure: GOST's "// Journal", and DIN's "In: Journal 62 (2018), Nr. 3" (after
    # "In:" DIN prints a chapter's book too, without a volume and year in brackets)
    din_journal = re.match(r"In:\s+(?=[^,()]+?\s\d+\s*\((?:1[5-9]|20)\d\d\))", zones.rest)
    periodical = bool(din_journal) or zones.style == "gost-journal"
    if din_journal:
        zones.rest = zones.rest[din_journal.end():]
    quoted = zones.style == "quoted"
    chapter = chapter_parts(zones.rest) if not periodical else None
    thesis = None
    if chapter is None and not periodical:
        thesis = thesis_parts(zones.rest) if quoted else degree_thesis_parts(zones.rest)
    if chapter is not None:
        fields = chapter
    elif thesis is not None:
        fields = thesis
    elif quoted or periodical or _journal_like(zones.rest) or len(zones.date) == 10:
        fields = container_parts(zones.rest)
    else:
        fields = book_parts(zones.rest)
    fields.setdefault("year", zones.year)
    if zones.date and not fields.get("date"):
        fields["date"] = zones.date
    if not fields.get("year") and fields.get("date"):
        fields["year"] = fields["date"][:4]
    fields.update(title=title, title_translation=translation)
    fields.update(description)
    if edition:
        fields["edition"] = edition
    if zones.editors_first:
        fields["editors"], names = names, ()
    fields["authors"] = names
    org_author = bool(names) and bool(names[0].literal)
    fields["kind"] = kind_of(fields, quoted=quoted or periodical or len(zones.date) == 10, chapter=chapter is not None,
                             rest=zones.rest, url=url,
                             org_author=org_author)
    if zones.editors_first and fields["kind"] == "book":
        pass
    return fields


_THESIS_NOTE = re.compile(
    r"\s*[\[(](?P<genre>[^\[\]()),]*(?:thesis|dissertation|tesis|tese|thèse|dissertação|disertasi|skripsi)[^\[\](),]*)"
    r"(?:,\s*(?P<school>[^\[\]()]+))?[\])]\s*[.,]?$", re.I
)


def _description(title: str) -> tuple[str, dict]:
    """APA 7's "Title [Doctoral dissertation, University]" → the title, genre and school."""
    match = _THESIS_NOTE.search(title)
    if not match or match.start() == 0:
        return title, {}
    found = {"genre": match["genre"].strip()}
    if match["school"]:
        found["publisher"] = match["school"].strip()
    return title[: match.start()].strip(" ,."), found


def _translation(title: str) -> tuple[str, str]:
    match = re.search(r"\s*\[([^\[\]]{3,})\]\s*[.,]?$", title)
    if not match or match.start() == 0:
        return title, ""
    return title[: match.start()].strip(" ,."), match[1].strip()


def _edition(title: str) -> tuple[str, str]:
    """"Tiger (Second Edition)" → ("Tiger", "2"): an edition printed inside the title."""
    edition, span = find_edition(title)
    if not edition or span[1] < len(title.rstrip(" .)")) - 1:
        return title, ""
    return title[: span[0]].strip(" ,.("), edition


def _publisher_and_city_after(title: str) -> tuple[str, str]:
    """Italian and Spanish styles end a book "Title, Publisher, City.": the title zone then ran
    to the end. Split off the publisher and a known city, as "City: Publisher"."""
    parts = title.rsplit(", ", 2)
    if len(parts) == 3 and " ".join(parts[2].split()).strip(" .").lower() in CITIES and len(parts[1].split()) <= 5:
        return parts[0], f"{parts[2].strip(' .')}: {parts[1]}"
    return title, ""


def _journal_like(rest: str) -> bool:
    if re.search(r"[A-Z][\w.\s]{1,40}:\s*[A-Z]", rest) or re.search(r"\b(?:thesis|dissertation)\b", rest, re.I):
        return False
    return bool(re.search(r"\b[Vv]ol\.\s*\d|\b[Nn]o\.\s*\d"
                          r"|\b[Vv]\.\s*\d+,\s*[Nn](?:\.\s*[º°]?|[º°])\s*\d"  # ABNT: "v. 5, n. 1"
                          r"|\d+\s*\(\d+\)|;\s*\d+|\d+\s*\(\d{4}\)|:\s*\d+\s*[-–]"
                          r"|\bpp?\.\s*\d|,\s*\d+\s*,\s*\d+\s*[-–]\s*\d+"
                          r"|,\s*\d+\s*,\s*[A-Za-z]?\d{3,}\s*\.?\s*$", rest))  # "Journal, 149, 106789" (article number)


def is_unusable(reference: Reference) -> bool:
    """Too little to be a reference: one word, or neither a title nor a year was found."""
    words = reference.text.split()
    return len(words) < 2 or not (reference.title and (reference.year or reference.authors or reference.container))


__all__ += ["is_unusable", "Person", "is_organisation"]
