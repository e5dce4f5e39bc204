"""Token features for the CRF: what a reader sees in one word and its neighbours.

The word itself, its shape, punctuation, digits and year-likeness, the cue lists in `lexicon`,
where it sits in the string, plus the list-level style in `Style` (see `context`), so the model
learns which evidence each style makes reliable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon

_CORE = re.compile(r"^[^\w]+|[^\w]+$")
_YEAR = re.compile(r"^[(\[]?(1[5-9]\d\d|20\d\d)[a-z]?[)\]]?[.,;:]?\)?[.,;:]?$")
_YEAR_IN = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_RANGE = re.compile(r"\d+\s*[-–—]\s*\d+")
_INITIAL = re.compile(r"^(?:[^\W\d_]\.[-‐]?)+,?$|^[^\W\d_]{1,2}[,.]?$")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|html?|pdf|br|pl|de|vn|cn|edu|gov)\b", re.I)
_DOI = re.compile(r"\b10\.\d{3,9}/|doi", re.I)
_ISBN = re.compile(r"isbn|^\d{3}-\d", re.I)
_QUOTES = set("\"“”„«»‘’'")


@dataclass(frozen=True)
class Style:
    """The look of a reference list as a whole (computed by `context.style_of`)."""

    year_early: bool = False
    numbered: bool = False
    surname_first: bool = False
    quoted: bool = False
    upper_names: bool = False

    def tags(self) -> list[str]:
        return [f"{name}={int(getattr(self, name))}" for name in
                ("year_early", "numbered", "surname_first", "quoted", "upper_names")]


def shape(word: str) -> str:
    out = []
    for char in word:
        if char.isdigit():
            code = "0"
        elif char.isalpha():
            code = "A" if char.isupper() else "a"
        else:
            code = char
        if not out or out[-1] != code:
            out.append(code)
    return "".join(out)[:8]


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[str, ...]:
    """Features of one token on its own (prefixed when used for a neighbour)."""
    word = word.encode("utf-8", "replace").decode("utf-8").replace("\x00", " ") or " "
    core = _CORE.sub("", word)
    low = core.lower()
    lowword = word.lower()
    feats = [f"w={low[:20]}", f"shape={shape(word)}", f"last={word[-1]}", f"first={word[0]}",
             f"suf={low[-3:]}", f"pre={low[:3]}"]
    feats += _form_features(word, core)
    feats += [name for pattern, name in _MARKS if pattern.search(word)]
    plain = _plain(low)
    for name, words in _LISTS:
        if low in words or plain in words or lowword in words:
            feats.append(name)
    return tuple(feats)


def _form_features(word: str, core: str) -> list[str]:
    """Letter case, digits and year-likeness."""
    feats = []
    if core.isupper() and len(core) > 1 and core.isalpha():
        feats.append("caps")
    elif core[:1].isupper():
        feats.append("title")
    if core.isdigit():
        feats.append(f"num{min(len(core), 5)}")
    elif any(c.isdigit() for c in core):
        feats.append("hasdigit")
    if _YEAR.match(word):
        feats.append("year")
    elif _YEAR_IN.search(word):
        feats.append("yearin")
    return feats


_Q = "".join(sorted(_QUOTES)).replace("\\", "")
_MARKS = (  # (pattern searched in the token, feature name)
    (_RANGE, "range"), (re.compile(_INITIAL.pattern), "initial"), (_URL, "url"), (_DOI, "doi"), (_ISBN, "isbn"),
    (re.compile(f"^[{re.escape(_Q)}]"), "qopen"), (re.compile(f"[{re.escape(_Q)}][.,;:]*$"), "qclose"),
    (re.compile(r"^[(\[]"), "bopen"), (re.compile(r"^[.,;:]+$|[)\]][.,;:]*$"), "bclose"),
)

_LISTS = (
    ("month", lexicon.MONTHS), ("particle", lexicon.PARTICLES), ("role", lexicon.ROLE_WORDS),
    ("access", lexicon.ACCESS_WORDS), ("pub", lexicon.PUBLISHER_WORDS), ("jour", lexicon.JOURNAL_WORDS),
    ("genre", lexicon.GENRE_WORDS), ("edition", lexicon.EDITION_WORDS), ("legal", lexicon.LEGAL_WORDS),
    ("volw", lexicon.VOLUME_WORDS), ("pagew", lexicon.PAGE_WORDS), ("place", lexicon.PLACES),
    ("name", lexicon.NAME_WORDS), ("stop", lexicon.STOP_WORDS),
)


def sequence_features(words: list[str], style: Style | None = None) -> list[list[str]]:
    """Features of every token of one reference, neighbours and list style included."""
    n = len(words)
    own = [word_features(w) for w in words]
    style = style or Style()
    out = []
    quote_open = False
    seen_year = False
    seen_in = False
    sentences = 0
    for i, word in enumerate(words):
        feats = list(own[i])
        bucket = min(9, i * 10 // max(n, 1))
        feats += _POSITION[bucket][min(i, 6)]
        if i == n - 1:
            feats.append("lastword")
        if quote_open:
            feats.append("inquote")
        if seen_year:
            feats.append("afteryear")
        if seen_in:
            feats.append("afterin")
        feats.append(_SENTENCE[min(sentences, 5)])
        for k in (-2, -1, 1, 2):
            j = i + k
            feats += _neighbour(words[j], k) if 0 <= j < n else (_NONE[k],)
        if i > 0:
            feats.append(f"pw|w={own[i - 1][0][2:]}|{own[i][0][2:]}")
        feats += _style_features(style, bucket, "year" in own[i])
        quote_open ^= _toggles_quote(word)
        seen_year = seen_year or "year" in own[i] or "yearin" in own[i]
        seen_in = seen_in or (i > 0 and word.lower().strip("[]:") == "in")
        sentences += _ends_sentence(word)
        out.append(feats)
    return out


def _toggles_quote(word: str) -> bool:
    """Whether the token opens or closes a double-quoted stretch."""
    if not any(c in _QUOTES for c in word):
        return False
    count = sum(c in "\"“”„«»" for c in word)
    return count % 2 == 1 or (word[0] in "“„«" and word[-1] not in "”»")


def _ends_sentence(word: str) -> bool:
    return word[-1] in ".?!" and len(_CORE.sub("", word)) > 3 and not _INITIAL.match(word)


# Feature strings that depend on few values are built once (tagging speed: the importer tags
# every reference of every list).
_POSITION = [[(f"pos={b}", f"idx={i}") for i in range(7)] for b in range(10)]
_SENTENCE = [f"sent={k}" for k in range(6)]
_NONE = {k: f"{k}:none" for k in (-2, -1, 1, 2)}


@lru_cache(maxsize=65536)
def _neighbour(word: str, k: int) -> tuple[str, ...]:
    nb = word_features(word)
    return (f"{k}:{nb[0]}", f"{k}:{nb[1]}", f"{k}:{nb[2]}",
            *(f"{k}:{f}" for f in nb[6:] if not f.startswith(("num", "has"))))


@lru_cache(maxsize=1024)
def _style_features(style: Style, bucket: int, year: bool) -> tuple[str, ...]:
    feats = []
    for tag in style.tags():
        feats.append(f"s:{tag}")
        feats.append(f"s:{tag}|pos={bucket}")
        if year:
            feats.append(f"s:{tag}|year")
    return tuple(feats)
