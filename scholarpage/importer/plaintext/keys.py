"""Citation keys: family name + year + first significant title word, lower-case ASCII."""

from __future__ import annotations

import re
import string
import unicodedata

from scholarpage.model import Person

try:  # better transliteration of non-Latin scripts (Chinese, Cyrillic) when installed
    from text_unidecode import unidecode
except ImportError:  # pragma: no cover
    unidecode = None

_STOPWORDS = frozenset("""
a an the of on in at to for and or from with by as is are how why what when who which this that
der die das ein eine und zur zum le la les un une des du de el los las del o os da do dos
il lo gli w z na i o chapter part section rozdział kapitel chương
""".split())


def ascii_slug(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
    if unidecode:
        text = unidecode(text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def base_key(authors: tuple[Person, ...], year: str, title: str, number: int | None = None) -> str:
    """"alekseev2002securitization"; "ref12" when nothing identifies the entry."""
    name = ""
    if authors and authors[0].family != "others":
        person = authors[0]
        name = ascii_slug(person.family or person.literal.split()[0])
    words = (ascii_slug(w) for w in re.split(r"[\s\-–—/]+", title))  # lazily: only up to the first kept word
    first = next((w for w in words if w and w not in _STOPWORDS and not w.isdigit()), "")
    key = name + year + first
    if not key or key.isdigit() or (not name and not first):
        return f"ref{number}" if number is not None else (key or "ref")
    return key[:60]


def unique_keys(keys: list[str]) -> list[str]:
    """Keys shared by several entries get "a", "b", … in order; others stay as they are."""
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    taken = {key for key, count in counts.items() if count == 1}
    seen: dict[str, int] = {}
    result = []
    for key in keys:
        if counts[key] == 1:
            result.append(key)
            continue
        index = seen.get(key, 0)
        candidate = key + _suffix(index)
        while candidate in taken:
            index += 1
            candidate = key + _suffix(index)
        seen[key] = index + 1
        taken.add(candidate)
        result.append(candidate)
    return result


def _suffix(index: int) -> str:
    letters = string.ascii_lowercase
    return letters[index] if index < 26 else _suffix(index // 26 - 1) + letters[index % 26]
