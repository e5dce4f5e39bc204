"""A printed author or editor list → Persons, in any common convention.

Conventions handled: "Family, Given" pairs (APA, Harvard, MLA, Chicago), "Family INITIALS"
(Vancouver), "Given Family" (IEEE, later authors in Chicago), "Family Given" without a comma
(first author of Chicago-like lists, Vietnamese and Chinese names), organisations kept whole.
"""

from __future__ import annotations

import re
import unicodedata

from scholarpage.model import Person
from scholarpage.importer.plaintext.namedata import (
    CHINESE_FAMILY, FUNCTION_WORDS, GIVEN_NAMES, ORGANISATION_WORDS, PARTICLES, VIETNAMESE_FAMILY,
)

ET_AL = Person(family="others")
_ET_AL = re.compile(r",?\s*\b(?:et\s*al\.?|and others|i in\.|и др\.|u\.\s?a\.)\s*$", re.I)
# "and" between the last two names, in the languages reference lists are written in: English,
# German, Polish, Spanish, Portuguese, French, Turkish, Indonesian and Malay, Dutch, Swedish,
# Danish and Norwegian, Hungarian, Finnish, Russian, Ukrainian and Vietnamese.
_AND = re.compile(r"\s*(?:,\s*)?(?:\s&\s|\b(?:and|und|i|y|e|et|ve|dan|en|och|og|és|ja|и|і|та|và)\b)\s*"
                  r"(?=[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄ])")
_INITIAL = re.compile(r"^(?:[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω][a-z]?\.(?:-?[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω]\.)*|[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω])$")
_INITIALS_ONLY = re.compile(r"^(?:[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω]\.?[\s-]*|[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω][a-z]\.[\s-]*)+$")
_VANCOUVER_INITIALS = re.compile(r"^[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω]{1,4}$")
_VIETNAMESE_LETTERS = set("ăđơưĂĐƠƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def parse_names(text: str, *, first_inverted: bool = True) -> tuple[Person, ...]:
    """Persons of an author list; "et al." becomes the BibTeX `others` marker."""
    et_al = bool(_ET_AL.search(text.strip()))
    text = _strip(_ET_AL.sub("", text.strip()))
    if not text:
        return (ET_AL,) if et_al else ()
    upper_case_block = _upper_case_surnames(text)
    if upper_case_block:
        return (*upper_case_block, ET_AL) if et_al else upper_case_block
    if not re.search(r",|;|\s&\s|\band\b", text) and is_organisation(text):
        return (Person(literal=text), ET_AL) if et_al else (Person(literal=text),)
    persons = _persons(_chunks(text), first_inverted)
    return (*persons, ET_AL) if et_al else tuple(persons)


_UPPER_NAME = re.compile(r"^(?P<family>[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž'’\- ]+),\s*(?P<given>[^,]+?)\s*$")


def _upper_case_surnames(text: str) -> tuple[Person, ...]:
    """"SURNAME, Given; SURNAME, Given" blocks (ABNT, ISO 690), read per name: the upper-case
    surname title-cased, a trailing particle ("João da") put before it; () for other text."""
    chunks = [c.strip(" .") for c in text.strip(" ,;:.").split(";")]
    matches = [_UPPER_NAME.match(c) for c in chunks]
    if not (len(chunks) > 1 and all(matches) or len(chunks) == 1 and matches[0] and "," not in matches[0]["given"]):
        return ()
    persons = []
    for match in matches:
        family, given = match["family"].strip().title(), match["given"].strip()
        words = given.split()
        if len(words) > 1 and words[-1].lower() in PARTICLES:
            family, given = f"{words[-1]} {family}", " ".join(words[:-1])
        if re.search(r"\b[A-Z]$", given):
            given += "."
        persons.append(Person(family=family, given=given))
    return tuple(persons)


def _chunks(text: str) -> list[str]:
    text = _AND.sub(", ", text)
    parts = re.split(r"\s*;\s*|,\s*", text)
    return [_strip(p) for p in parts if _strip(p)]


def _strip(text: str) -> str:
    """Trim spaces and punctuation, keeping the period of a final initial ("Innokenty Y.")."""
    text = text.strip(" ,;:")
    if text.endswith(".") and not re.search(r"(?:^|[\s.\-])[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω][a-z]?\.$", text):
        text = text.rstrip(". ")
    return text


def _persons(chunks: list[str], first_inverted: bool) -> list[Person]:
    persons, i = [], 0
    while i < len(chunks):
        chunk = chunks[i]
        following = chunks[i + 1] if i + 1 < len(chunks) else ""
        if following and _pairs(chunk, following):
            persons.append(Person(family=chunk, given=following.strip()))
            i += 2
            continue
        persons.append(parse_name(chunk, first=(i == 0 and first_inverted)))
        i += 1
    return persons


def _capital(word: str) -> bool:
    """Capitalised, or in Arabic or Hebrew script, which has no capitals: there any word may
    begin a name ("الأحمد، محمد" is one inverted name). Chinese, Japanese and Korean names
    are not inverted around a comma ("王磊, 李明" are two)."""
    first = word[:1]
    return first.isupper() or "\u0590" <= first <= "\u06ff"


def _pairs(chunk: str, following: str) -> bool:
    """Whether "chunk, following" is one inverted name ("Smith, John", "García Márquez, G.")."""
    words = chunk.split()
    if any(_INITIAL.match(w) for w in words) or not _capital(words[-1]) or is_organisation(chunk):
        return False
    core = [w for w in words if w.lower() not in PARTICLES]
    if _INITIALS_ONLY.match(following.strip()):
        return len(core) <= 3
    words = following.split()
    capitalised = 1 <= len(words) <= 3 and all(_capital(w) or w.lower() in PARTICLES for w in words)
    return len(core) == 1 and (capitalised and not is_organisation(following) or _is_given(following))


def _is_given(chunk: str) -> bool:
    chunk = chunk.strip()
    if _INITIALS_ONLY.match(chunk):
        return True
    words = chunk.split()
    if not 1 <= len(words) <= 3 or is_organisation(chunk):
        return False
    if len(words) == 1:
        return words[0].lower() in GIVEN_NAMES or not _VANCOUVER_INITIALS.match(words[0])
    return all(w.lower() in GIVEN_NAMES or _INITIAL.match(w) for w in words)


def is_organisation(text: str) -> bool:
    """An acronym, a name holding organisation words, or one too long to be a person's."""
    words = text.replace(",", " ").split()
    if not words:
        return False
    if len(words) == 1:
        return bool(re.fullmatch(r"[A-Z][A-Z&\-]{1,}[A-Z]", words[0]))
    lowered = [w.strip("().").lower() for w in words]
    if any(w in ORGANISATION_WORDS for w in lowered) or any(w in FUNCTION_WORDS for w in words):
        return True
    acronyms = [w for w in words[1:-1] if re.fullmatch(r"[A-Z]{2,}", w.strip("()"))]
    return len(words) > 5 or bool(acronyms) or bool(re.fullmatch(r"[A-Z]{5,}", words[-1]))


def parse_name(chunk: str, *, first: bool = False) -> Person:
    """One name without a comma; `first` says the list convention inverts the first author."""
    words = chunk.split()
    if len(words) == 1:
        return Person(literal=chunk) if is_organisation(chunk) or _CJK.search(chunk) else Person(family=chunk)
    if is_organisation(chunk):
        return Person(literal=chunk)
    order = _order(words, first)
    return _family_first(words) if order == "family" else _given_first(words)


def _order(words: list[str], first: bool) -> str:
    """"family" or "given": which comes first, from the strongest evidence available."""
    last = words[-1]
    if len(words) >= 2 and _VANCOUVER_INITIALS.match(last) and (len(last) > 1 or len(words) == 2):
        return "family"
    if _INITIAL.match(last) or re.fullmatch(r"[A-Z]", last):
        return "family"
    if any(_INITIAL.match(w) for w in words[:-1]):
        return "given"
    for signal in (_particle_order, _vietnamese_order, _chinese_order, _given_name_order, _hyphen_order):
        order = signal(words)
        if order:
            return order
    return "family" if first else "given"


def _particle_order(words: list[str]) -> str:
    if words[0].lower() in PARTICLES and words[0].lower() not in VIETNAMESE_FAMILY:
        return "family"
    inner = [w for w in words[1:-1] if w.lower() in PARTICLES]
    return "given" if inner and words[0].lower() not in VIETNAMESE_FAMILY else ""


def _vietnamese_order(words: list[str]) -> str:
    first, last = words[0].lower(), words[-1].lower()
    if any(c in _VIETNAMESE_LETTERS for c in "".join(words)) or first in VIETNAMESE_FAMILY and len(words) >= 3:
        return "given" if last in VIETNAMESE_FAMILY and first not in VIETNAMESE_FAMILY else "family"
    if len(words) == 2 and last in VIETNAMESE_FAMILY and first not in VIETNAMESE_FAMILY | CHINESE_FAMILY:
        return "given"
    return ""


def _chinese_order(words: list[str]) -> str:
    if len(words) != 2:
        return ""
    first, last = words[0].lower(), words[1].lower()
    if first in CHINESE_FAMILY and last not in CHINESE_FAMILY | GIVEN_NAMES - {"wei"}:
        return "family"
    if last in CHINESE_FAMILY and first not in CHINESE_FAMILY and first not in GIVEN_NAMES:
        return "given"
    return ""


def _known_given(word: str) -> bool:
    folded = unicodedata.normalize("NFKD", word.split("-")[0]).encode("ascii", "ignore").decode().lower()
    return folded in GIVEN_NAMES


def _given_name_order(words: list[str]) -> str:
    first_given = _known_given(words[0])
    rest_given = any(_known_given(w) for w in words[1:])
    last_given = _known_given(words[-1])
    if first_given and not last_given:
        return "given"
    if rest_given and not first_given:
        return "family"
    return ""


def _hyphen_order(words: list[str]) -> str:
    def double_barrelled(word: str) -> bool:
        parts = word.split("-")
        return len(parts) == 2 and all(p[:1].isupper() for p in parts) and parts[0].lower() not in GIVEN_NAMES
    if double_barrelled(words[-1]) and not double_barrelled(words[0]):
        return "given"
    if double_barrelled(words[0]) and not double_barrelled(words[-1]):
        return "family"
    return ""


def _family_first(words: list[str]) -> Person:
    size = 1
    while size < len(words) - 1 and words[size - 1].lower() in PARTICLES:
        size += 1
    given = " ".join(words[size:])
    if _VANCOUVER_INITIALS.match(given) and given.isupper() and len(words) - size == 1:
        given = " ".join(f"{letter}." for letter in given)
    return Person(family=" ".join(words[:size]), given=given)


def _given_first(words: list[str]) -> Person:
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return Person(family=" ".join(words[start:]), given=" ".join(words[:start]))
