"""References → BibTeX source that `bibtex.parse_references` reads back to the same fields: the
downloads and the importer's references.bib."""

from __future__ import annotations

import re
from collections.abc import Mapping

from scholarpage.model import Person, Reference
from scholarpage.sources.bibtex import TEXT_FIELD, TRANSLATION_FIELD, TYPE_OF_KIND
from scholarpage.sources.tex import encode_latex, encode_verbatim


def encode_person(person: Person) -> str:
    """A Person as a BibTeX name: "{Literal}" or "{Family}, {Given}" (braces keep parts whole)."""
    if person.literal:
        return "{" + encode_latex(person.literal) + "}"
    family = "{" + encode_latex(person.family) + "}"
    if person.suffix:  # "von Last, Jr, First"
        return f"{family}, {{{encode_latex(person.suffix)}}}, {encode_latex(person.given)}"
    return f"{family}, {encode_latex(person.given)}" if person.given else family


def dump_entry(reference: Reference, extra: Mapping[str, str] | None = None) -> str:
    """One reference as a BibTeX entry (see `dump_references`), plus `extra` fields (an
    exported article's `issn`, `abstract`, `keywords`)."""
    entry = _entry(reference)
    fields = "".join(f"  {name} = {{{encode_latex(value)}}},\n" for name, value in (extra or {}).items() if value)
    return entry[: -len("}\n")] + fields + "}\n"


def dump_references(references: tuple[Reference, ...] | list[Reference]) -> str:
    """References → BibTeX source that `parse_references` reads back to the same fields."""
    return "\n".join(_entry(reference) for reference in references)


def _entry(reference: Reference) -> str:
    entry_type, subtype = TYPE_OF_KIND.get(reference.kind, ("misc", ""))
    container_field = {"article": "journaltitle", "incollection": "booktitle", "inproceedings": "booktitle"}
    publisher_field = {"thesis": "institution", "report": "institution"}
    fields = [
        ("entrysubtype", subtype),
        ("author", _names(reference.authors)),
        ("editor", _names(reference.editors)),
        ("translator", _names(reference.translators)),
        ("title", _encode_title(reference)),
        (TRANSLATION_FIELD, encode_latex(reference.title_translation)),
        (container_field.get(entry_type, "howpublished"), encode_latex(reference.container)),
        ("series", encode_latex(reference.collection)),
        ("edition", encode_latex(reference.edition)),
        ("volume", encode_latex(reference.volume)),
        ("number", encode_latex(reference.issue)),
        ("pages", encode_latex(reference.pages).replace("–", "--")),
        ("type", encode_latex(reference.genre)),
        (publisher_field.get(entry_type, "publisher"), encode_latex(reference.publisher)),
        ("location", encode_latex(reference.place)),
        ("date", encode_latex(reference.date)),
        ("year", encode_latex(reference.year)),
        ("doi", encode_verbatim(reference.doi)),
        ("url", encode_verbatim(reference.url)),
        ("langid", encode_latex(reference.title_language)),
        ("language", encode_latex(reference.language)),
        ("note", encode_latex(reference.note)),
        ("urldate", encode_latex(reference.accessed)),
        ("isbn", encode_latex(reference.isbn)),
        ("version", encode_latex(reference.version)),
        ("issn", encode_latex(reference.issn)),
        (TEXT_FIELD, _encode_printed(reference)),
    ]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@{entry_type}{{{reference.key},\n{body}}}\n"


def _encode_printed(reference: Reference) -> str:
    """The printed text with its italic spans written back as `\\emph{…}`."""
    text = reference.text
    pieces, position = [], 0
    for start, end in reference.emphasis:
        pieces += [_encode_keeping_spaces(text[position:start]), r"\emph{" + encode_latex(text[start:end]) + "}"]
        position = end
    pieces.append(_encode_keeping_spaces(text[position:]))
    return "".join(pieces)


def _encode_keeping_spaces(piece: str) -> str:
    encoded = encode_latex(piece)
    return (" " if piece[:1].isspace() else "") + encoded + (" " if piece[-1:].isspace() and encoded else "")


def _encode_title(reference: Reference) -> str:
    """The title with its protected parts in braces again."""
    title = encode_latex(reference.title)
    for part in reference.protected:
        encoded = encode_latex(part)
        if encoded and encoded in title:
            title = title.replace(encoded, "{" + encoded + "}", 1)
    return title


def _names(persons: tuple[Person, ...]) -> str:
    return " and ".join(_name(person) for person in persons)


def _name(person: Person) -> str:
    if person == Person(family="others"):
        return "others"  # BibTeX's "et al."
    if person.given and re.search(r"\band\b|[,{}]", person.given, re.I):
        suffix = f"{{{encode_latex(person.suffix)}}}, " if person.suffix else ""
        return "{" + encode_latex(person.family) + "}, " + suffix + "{" + encode_latex(person.given) + "}"
    return encode_person(person)
