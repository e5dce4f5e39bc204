"""Rules or tagger, per reference: the importer's reading of one reference string.

Measured on the held-out AnyStyle references, the tagger's fields beat the hand rules on every
field but the edition; on the project's own corpus (the seed and the styles the rules were
written for) the rules are exact and the tagger is not. So the tagger's reading replaces the
rules' only when the model is sure of every field of it (its least sure token at or above
`SURE`) and the rules' reading has less in it (no title, year, names, container, numbers or
publisher where the tagger found them); otherwise the rules' reading stands, with the fields it
left empty filled from the tagger's spans the model is very sure of (`FILL_SURE`). Legal sources stay
with the rules, which have parsers for them. Chosen so that no reference of tests/corpus that
the rules read right is read worse (the ratchet), then measured on gold.xml.
"""

from __future__ import annotations

import dataclasses
import re

from scholarpage.model import Reference
from scholarpage.importer.plaintext.keys import base_key
from .context import style_of
from .features import Style
from .reading import reference_fields
from .scoring import normalise
from .tagging import Tagged

SURE = 0.9
SURE_OF_A_CONTRADICTION = 0.75  # one field taken for another by the rules is a surer sign than a thin reading
# Legal sources and Chinese GB/T entries: the rules have parsers of their own, the training data none.
_GBT = re.compile(r"\[(?:[JMCDRSPNZGA]|EB|DB|CP)(?:/OL)?\]")
_RULES_ONLY = frozenset({"legal_case", "legislation", "bill", "regulation", "treaty", "standard"})
_TEXT_FIELDS = ("title", "title_translation", "container", "collection", "volume", "issue", "pages", "year", "date",
                "publisher", "place", "edition", "genre", "language")


def learned_reference(tagged: Tagged, number: int | None = None) -> Reference:
    """The tagger's reading as a Reference (`text` is the input exactly)."""
    fields = reference_fields(tagged)
    key = base_key(fields["authors"], fields.get("year", ""), fields.get("title", ""), number)
    values = {name: str(fields.get(name) or "") for name in _TEXT_FIELDS}
    return Reference(key=key, kind=fields["kind"], text=tagged.text, authors=fields["authors"],
                     editors=fields["editors"], doi=fields["doi"], url=fields["url"], **values)


def needs_tagger(rules: Reference, style: Style | None = None) -> bool:
    """Whether the tagger could add to the rules' reading (skipped for a complete article reading:
    importing 10,000 references must stay fast, and there the tagger changes little), or the
    reading looks like the rules' known failure: upper-case surname blocks (ABNT, ISO 690)."""
    if rules.kind in _RULES_ONLY or _GBT.search(rules.text):
        return False
    complete = rules.title and rules.year and rules.authors and rules.container and (rules.volume or rules.pages)
    upper = (style or style_of(rules.text)).upper_names or style_of(rules.text).upper_names
    return not complete or upper or ";" in rules.title


def choose(rules: Reference, tagged: Tagged, number: int | None = None) -> Reference:
    """The rules' reading, unless it is thin and the tagger is sure of a fuller one."""
    if rules.kind in _RULES_ONLY or _GBT.search(rules.text):
        return rules
    learned = learned_reference(tagged, number)
    if not (learned.title and (learned.year or learned.authors or learned.container)):
        return _filled(rules, learned, tagged, number)  # never trade a reading for one without a title
    if tagged.confidence >= SURE and _substance(learned) > _substance(rules):
        return learned
    if tagged.confidence >= SURE_OF_A_CONTRADICTION and _contradicts(rules, tagged):
        return learned
    return _filled(rules, learned, tagged, number)


# Importer field → the tagger labels it comes from; a field the rules left empty is taken from
# the tagger's reading when the tagger is very sure of those spans.
_FILL = {"title": ("title",), "container": ("journal", "container-title"), "volume": ("volume",),
         "issue": ("volume",), "pages": ("pages",), "year": ("date",), "publisher": ("publisher",),
         "place": ("location",), "authors": ("author",)}
FILL_SURE = 0.98


def _filled(rules: Reference, learned: Reference, tagged: Tagged, number: int | None) -> Reference:
    changes = {}
    for name, labels in _FILL.items():
        if getattr(rules, name) or not getattr(learned, name):
            continue
        if min((f.confidence for f in tagged.fields if f.label in labels), default=0.0) >= FILL_SURE:
            changes[name] = getattr(learned, name)
    if not changes:
        return rules
    filled = dataclasses.replace(rules, **changes)
    if changes.keys() & {"authors", "year", "title"}:
        filled = dataclasses.replace(filled, key=base_key(filled.authors, filled.year, filled.title, number))
    return filled


def _contradicts(rules: Reference, tagged: Tagged) -> bool:
    """The rules' title is what the tagger reads as the names or the container, or the rules'
    container holds the tagger's title: one field taken for another, not a boundary quibble."""
    title = normalise(rules.title).lower()
    if not title:
        return False
    names = normalise(tagged.get("author")).lower()
    container = normalise(tagged.get("journal") or tagged.get("container-title")).lower()
    tagged_title = normalise(tagged.get("title")).lower()
    return (bool(names) and title in names) or (bool(container) and title in container) or (
        len(tagged_title) > 10 and tagged_title in normalise(rules.container).lower())


def _substance(reference: Reference) -> int:
    """How much of a usable reading there is: a title, a year, names, a container, numbers."""
    return (2 * bool(reference.title) + bool(reference.year) + bool(reference.authors) + bool(reference.container)
            + bool(reference.volume or reference.pages) + bool(reference.publisher))
