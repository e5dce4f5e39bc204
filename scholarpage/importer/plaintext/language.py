"""The language of a title, as a BCP 47 code, from its script, letters and common words.

Decision: a code is given only on evidence (a script, letters only one language uses, or more
common words of one language than of any other). A title in plain ASCII with no such evidence
is taken as English (most such titles in scholarly lists are); anything else stays empty.
"""

from __future__ import annotations

import re

_SCRIPTS = [
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u3400-\u9fff]"), "zh"),
    (re.compile(r"[پچژگیک]"), "fa"),  # letters Persian adds to the Arabic script, and its own yeh and kaf
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0900-\u097f]"), "hi"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
    (re.compile(r"[іїєґІЇЄҐ]"), "uk"),
    (re.compile(r"[\u0400-\u04ff]"), "ru"),
    (re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]"), "vi"),
    (re.compile(r"[ąęłńśźżĄĘŁŃŚŹŻ]"), "pl"),
    (re.compile(r"[ıİğĞşŞ]"), "tr"),  # before German: Turkish has ü and ö too
    (re.compile(r"[ßäöüÄÖÜ]"), "de"),
    (re.compile(r"[ãõ]"), "pt"),
    (re.compile(r"[ñ¿¡]"), "es"),
    # Endings one Romance language has and its neighbours spell otherwise (-ción / -ção / -tion,
    # -dad / -dade / -té).
    (re.compile(r"\w(?:ción|ciones|dad|dades)\b"), "es"),
    (re.compile(r"\w(?:dade|dades|ções)\b"), "pt"),
    # Polish adjectives in ASCII letters ("Prawo autorskie", "prawa cywilnego")
    (re.compile(r"\w{3}(?:skie|skiego|skiej|owego|owej|owych)\b"), "pl"),
]
_WORDS = {
    "en": frozenset("the of and in on for to a an with from is are how why what its into by as at".split()),
    "de": frozenset("der die das und für zur zum im von mit über des ein eine den dem auf bei".split()),
    "es": frozenset("el la los las del de y en para con por una un sobre".split()),
    "pt": frozenset("os do da dos das no na nos nas ao em para com por uma um sobre não".split()),
    "fr": frozenset("le la les des du de et en pour dans sur une un au aux".split()),
    "pl": frozenset("i w na z o do dla od ze we oraz jako".split()),
    "it": frozenset("il lo gli della delle dei e per con nel nella".split()),
    "vi": frozenset("và của cho trong các những là với".split()),
    # Indonesian and Malay: function words, and the words of the titles of law and social
    # science articles that no other language spells so ("hukum", "terhadap", "perlindungan")
    "id": frozenset("dan yang untuk dalam dengan pada dari terhadap sebagai oleh antara tentang melalui bagi "
                    "hukum perlindungan pengaruh penerapan pelaksanaan kebijakan analisis tinjauan".split()),
}


_ASCII_SCRIPTS = [(pattern, code) for pattern, code in _SCRIPTS if pattern.search("universidade universidad autorskie")]


def detect_language(title: str) -> str:
    # an ASCII title can match only the patterns of ASCII endings (a speed-up: the importer
    # guesses the language of every title)
    for pattern, code in _ASCII_SCRIPTS if title.isascii() else _SCRIPTS:
        if pattern.search(title):
            return code
    words = re.findall(r"[^\W\d_]+", title.lower())
    scores = {code: sum(word in vocabulary for word in words) for code, vocabulary in _WORDS.items()}
    best = max(scores.values(), default=0)
    winners = [code for code, score in scores.items() if score == best]
    if best and len(winners) == 1:
        return winners[0]
    return "en" if words and all(c.isascii() for c in title if c.isalpha()) and not best else ""
