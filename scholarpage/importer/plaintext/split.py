"""Cut a reference into its three zones: who (authors), what (title), and where (the rest)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scholarpage.importer.plaintext.fields import YEAR, find_date
from scholarpage.importer.plaintext.names import is_organisation

_OPEN = "“„«\"”‟〝"
_CLOSE = "”“»\"‟〞"
_SINGLE_OPEN = "‘'‚"
_SINGLE_CLOSE = "’'‘"
_ABBREVIATIONS = frozenset(
    "vol no nr pp ed eds dr st jr sr inc ltd co corp dept prof mr mrs ms vs v etc al jan feb mar apr "
    "jun jul aug sep sept oct nov dec trans rev repr orig ser n.d univ assoc intl natl comp".split()
)
_YEAR_PAREN = re.compile(rf"\(\s*(?P<year>{YEAR}[a-z]?|n\.\s?d\.?)\s*(?:,\s*(?P<when>[^)]*))?\)")
_YEAR_DOTTED = re.compile(rf"(?<=[.,])\s+(?P<year>{YEAR}[a-z]?|n\.\s?d\.)[.,]\s")
_EDITOR_MARK = re.compile(r"\s*\((?:eds?|hrsg|red|ed\.\s*by|coords?|orgs?|dirs?|comps?)\.?\)\s*[.,]?\s*$|,?\s+eds?\.$",
                          re.I)
_VANCOUVER_NAME = re.compile(r"^(?:[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω][\w'’\-]*\s)+[A-Z]{1,4}$|^et al$")


@dataclass
class Zones:
    authors: str = ""
    title: str = ""
    rest: str = ""
    year: str = ""
    date: str = ""
    editors_first: bool = False
    style: str = ""


def split(text: str) -> Zones:
    """Find the title first (quoted, or after a year, or after the names); the rest follows."""
    for finder in (_journal_in_quotes_then_year, _quoted, _names_then_colon, _names_then_initials, _after_paren_year,
                   _upper_case_names, _after_dotted_year, _vancouver, _upper_case_body, _inverted, _names_then_title):
        zones = finder(text)
        if zones and zones.title:
            return _finish(zones)
    return Zones(title=text.strip(" .,"), style="unknown")


def _finish(zones: Zones) -> Zones:
    if _EDITOR_MARK.search(zones.authors):
        zones.editors_first = True
        zones.authors = _EDITOR_MARK.sub("", zones.authors)
    zones.authors = zones.authors.strip(" ,:;")
    zones.title = clean_title(zones.title)
    zones.rest = zones.rest.strip(" ,.;:")
    return zones


def clean_title(title: str) -> str:
    """Drop surrounding quotes of any kind, paired or not, and the trailing comma or period."""
    title = title.strip()
    title = title.strip(_OPEN + _CLOSE + " ,;:")
    if title[:1] in _SINGLE_OPEN and title[-1:] in _SINGLE_CLOSE:
        title = title[1:-1]
    title = title.strip(" ,;:")
    if title.endswith(".") and not re.search(r"\b[A-Z]\.$|\.\.\.$", title):
        title = title[:-1].rstrip().rstrip(_CLOSE + _FRENCH_SPACES)  # « Titre ». : the quote before the period
    return title


def sentence_end(text: str, start: int = 0) -> int:
    """Index just past the first sentence of text[start:] ("?" and "!" stay in the sentence)."""
    depth = 0
    for i in range(start, len(text)):
        char = text[i]
        depth += (char in "([") - (char in ")]")
        if char not in ".?!" or depth > 0:
            continue
        after = text[i + 1 : i + 2]
        if after and after not in " \u00a0":
            continue
        if char == "." and _is_abbreviation(text, start, i):
            continue
        return i + 1
    return len(text)


def _is_abbreviation(text: str, start: int, i: int) -> bool:
    word = re.search(r"([\w.]*)$", text[start:i])[1]
    if re.fullmatch(r"[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω]|(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True
    abbreviation = word.lower() in _ABBREVIATIONS and not text[i + 2 : i + 3].isupper()
    return abbreviation or word.lower() in {"vol", "no", "pp", "nr"}


_JOURNAL_THEN_YEAR = re.compile(
    r"^(?P<before>.+?),\s*[„“\"](?P<journal>[^”“\"]{2,120})[”“\"]\s*(?=(?:1[5-9]|20)\d\d\b)")
_FAMILY_INITIALS = re.compile(
    r"[A-ZÀ-ÞĀ-Ž][\w'’\-]+(?:\s+[A-ZÀ-ÞĀ-Ž][\w'’\-]+)?\s+(?:[A-ZÀ-ÞĀ-Ž]\.\s?-?){1,3}|(?:et al|i in)\.")


def _journal_in_quotes_then_year(text: str) -> Zones | None:
    """Polish legal style: "Nowicka A., Title, „Journal” 2019, nr 6, s. 3–19": the quotes hold
    the journal, not the title; the names are the leading "Family I." parts."""
    match = _JOURNAL_THEN_YEAR.match(text)
    if not match:
        return None
    parts = match["before"].split(", ")
    names = 0
    while names < len(parts) - 1 and _FAMILY_INITIALS.fullmatch(parts[names].strip()):
        names += 1
    if not names:
        return None
    return Zones(", ".join(parts[:names]), ", ".join(parts[names:]), f"{match['journal']}, {text[match.end():]}",
                 style="quoted")


def _quoted(text: str) -> Zones | None:
    span = _quote_span(text, _OPEN, _CLOSE) or _quote_span(text, _SINGLE_OPEN, _SINGLE_CLOSE, single=True)
    if not span:
        return None
    start, end = span
    authors, year, date = _year_out_of(text[:start])
    return Zones(authors=authors, title=text[start + 1 : end], rest=text[end + 1 :], year=year, date=date,
                 style="quoted")


def _quote_span(text: str, openers: str, closers: str, single: bool = False) -> tuple[int, int] | None:
    for start, char in enumerate(text):
        if char in openers and (start == 0 or text[start - 1] in " ([:;,.") and _opens(text, start):
            break
    else:
        return None
    ends = [i for i in range(start + 2, len(text)) if text[i] in closers and _closes(text, i, single)]
    if ends:
        preferred = [i for i in ends if text[i + 1 : i + 2] in (",", ".", ";", ":", "")] if single else []
        return start, (preferred or ends)[0]
    if single:
        return None
    return start, sentence_end(text, start + 1) - 1


def _opens(text: str, start: int) -> bool:
    """A quote opens where text follows it; French typography puts a space inside guillemets
    ("« La responsabilité »")."""
    after = text[start + 1 : start + 3]
    return bool(after[:1].strip()) or (text[start] == "«" and after[:1] in _FRENCH_SPACES and bool(after[1:].strip()))


_FRENCH_SPACES = " \u00a0\u202f"


def _closes(text: str, i: int, single: bool) -> bool:
    after = text[i + 1 : i + 2]
    if single and text[i - 1 : i].isalpha() and after.isalpha():
        return False
    return after == "" or after in " ,.;:)]?!\u00a0"


def _year_out_of(authors: str) -> tuple[str, str, str]:
    """Authors text without a trailing "(2020)" or ". 2020." (Harvard, Chicago author-date)."""
    match = re.search(rf"[\s,]*(?:(?<![A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω])\.)?[\s,]*\(?\s*({YEAR}[a-z]?|n\.\s?d\.)(?:,\s*([^)]*))?\s*\)?[\s.,:]*$", authors)  # noqa: E501 (one pattern reads best whole)
    if not match or re.search(r"\d", authors[: match.start()]):
        return authors, "", ""
    date = find_date(f"{match[2]} {match[1][:4]}")[0] if match[2] else ""
    return authors[: match.start()], match[1][:4] if match[1][0].isdigit() else "", date


def _after_paren_year(text: str) -> Zones | None:
    match = _YEAR_PAREN.search(text)
    if not match or match.start() > 400 or re.search(r"\d", text[: match.start()]) or not match.start():
        return None
    body = text[match.end() :].lstrip(" .,:")
    end = sentence_end(body)
    date = find_date(f"{match['when']} {match['year'][:4]}")[0] if match["when"] else ""
    year = match["year"][:4] if match["year"][0].isdigit() else ""
    return Zones(text[: match.start()], body[:end], body[end:], year, date, style="author-year")


def _after_dotted_year(text: str) -> Zones | None:
    match = _YEAR_DOTTED.search(text)
    if not match or match.start() > 300 or re.search(r"\d", text[: match.start()]):
        return None
    body = text[match.end() :]
    end = sentence_end(body)
    year = match["year"] if match["year"][0].isdigit() else ""
    return Zones(text[: match.start()], body[:end], body[end:], year, style="author-date")


def _vancouver(text: str) -> Zones | None:
    first_stop = re.search(r"\.\s", text)
    end = first_stop.end() if first_stop else len(text)
    chunks = [c.strip() for c in re.split(r",\s*", text[: end].rstrip(". "))]
    if not all(_VANCOUVER_NAME.match(c) for c in chunks) or is_organisation(chunks[0]):
        return None
    title_end = sentence_end(text, end)
    return Zones(text[:end], text[end:title_end], text[title_end:], style="vancouver")


# ABNT (and French, Spanish) author blocks: SURNAMES in capitals, then initials ("SILVA, J. P.",
# "SILVA, J. P. da") or given names ending at a full stop ("SILVA, João Paulo da."), joined by ";".
_CAPS = "A-ZÀ-ÞĀ-ŽА-ЯЁ"
_PARTICLE = r"(?:da|de|do|dos|das|del|della|di|du|van|von|der|e)"
_UPPER_CASE_PERSON = (rf"[{_CAPS}][{_CAPS}'’\-]+(?:\s+[{_CAPS}][{_CAPS}'’\-]+)*,\s+"
                      rf"(?:[A-ZÀ-Þ]\.(?:[\s\-]*[A-ZÀ-Þ]\.)*(?:\s+{_PARTICLE}\.)?"
                      rf"|[A-ZÀ-Þ][a-zà-ÿ]+(?:[\s\-]+(?:[A-ZÀ-Þ][a-zà-ÿ]+|[A-ZÀ-Þ]\.|{_PARTICLE}))*\.?)")
_UPPER_CASE_AUTHORS = re.compile(rf"{_UPPER_CASE_PERSON}(?:\s*;\s*{_UPPER_CASE_PERSON})*(?:\s*;?\s*et\s+al\.)?")


def _upper_case_names(text: str) -> Zones | None:
    """ "SILVA, J. P.; SOUZA, M. Title. Rest": the names end at the full stop of the last
    initial or given name, which a sentence end would take for an initial's. Tried before the
    year after a full stop: ABNT ends with "São Paulo: Atlas, 2019. p. 10-30", which that
    finder took for an author-date year (everything before it the names)."""
    names = _UPPER_CASE_AUTHORS.match(text)
    if not names or not names[0].endswith(".") or not text[names.end():names.end() + 1].isspace():
        return None
    start = names.end() + 1
    if re.match(rf"(?:{YEAR}[a-z]?|n\.\s?d\.)[.,]", text[start:]):
        return None  # author-date with upper-case names ("SMITH, J. 2019. Title."): the year's finder reads it
    title_end = sentence_end(text, start)
    return Zones(text[:names.end()], text[start:title_end], text[title_end:], style="inverted")


# DIN 1505: "Hilty, Reto M.: Title." / "Ohly, Ansgar ; Sosnitza, Olaf: Title."
# (given names: whole words without a full stop, or initials with one: "Boyle, James. The Public, not DIN's)
# Domain:" is MLA's name and title, not DIN's; whole words come before initials: "Hunt, E. B.
# Concept Learning:" is a name and a title), after one family name ("Richard Shone, Editorial:" is
# a name and a title)
_DIN_WORD, _DIN_INITIAL = r"[A-ZÀ-ÞĀ-Ž][\w\-]+(?=[\s:;])", r"[A-ZÀ-ÞĀ-Ž]\."
_DIN_GIVEN = rf"(?:{_DIN_WORD}\s+){{0,2}}(?:{_DIN_WORD}|{_DIN_INITIAL}(?:\s*{_DIN_INITIAL}){{0,2}})"
_DIN_PERSON = rf"[A-ZÀ-ÞĀ-Ž][\w'’\-]+,\s*{_DIN_GIVEN}"
_DIN_AUTHORS = re.compile(rf"(?:{_DIN_PERSON})(?:\s*;\s*{_DIN_PERSON})*\s*:\s+(?=\S)")
# GOST 7.1: "Иванов И. И., Петров П. П. Title // Journal. 2020. № 4. С. 45–62." (also transliterated)
_INITIALS_AFTER = r"[A-ZА-ЯЁ][a-zа-яё'’\-]+\s+(?:[A-ZА-ЯЁ]\.\s?){1,3}"
_GOST_AUTHORS = re.compile(rf"{_INITIALS_AFTER}(?:,\s*{_INITIALS_AFTER})*(?:,?\s*(?:et al\.|и др\.))?"
                           rf"(?=\s+[^\W\d_])(?!\s+(?:et al|и др))")


def _names_then_colon(text: str) -> Zones | None:
    """DIN 1505: the names end at a colon, the title at the first full stop."""
    names = _DIN_AUTHORS.match(text)
    if not names:
        return None
    title_end = sentence_end(text, names.end())
    return Zones(text[:names.end()].rstrip(" :"), text[names.end():title_end], text[title_end:], style="din")


def _names_then_initials(text: str) -> Zones | None:
    """GOST 7.1: family names followed by initials, then the title, then "// the journal" or the
    place and publisher."""
    names = _GOST_AUTHORS.match(text)
    if not names:
        return None
    start = names.end() + 1
    slashes = text.find(" // ", start)
    if slashes > 0:
        return Zones(text[:names.end()], text[start:slashes], text[slashes + 4:], style="gost-journal")
    title_end = sentence_end(text, start)
    return Zones(text[:names.end()], text[start:title_end], text[title_end:], style="gost")


_UPPER_CASE_SENTENCE = re.compile(
    rf"[{_CAPS}][{_CAPS}'’\-]+(?:\s+[{_CAPS}][{_CAPS}'’\-]*)*(?:\s\([^)]{{1,40}}\))?\.(?=\s)")


def _upper_case_body(text: str) -> Zones | None:
    """ "UNIVERSIDADE FEDERAL DO PARANÁ. Title. Rest" / "BRASIL. Title.": a body or a
    jurisdiction as the author, a whole first sentence in capitals (ABNT prints it so)."""
    body = _UPPER_CASE_SENTENCE.match(text)
    if not body or sum(char.isalpha() for char in body[0]) < 4:
        return None
    start = body.end() + 1
    title_end = sentence_end(text, start)
    return Zones(text[:body.end()], text[start:title_end], text[title_end:], style="body-first")


_GIVEN_NAMES_THEN_STOP = re.compile(
    r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?(?:\s+(?:[A-ZÀ-Þ][a-zà-ÿ]+|[A-Z]\.|da|de|do|dos|das|e|van|von|der))*\s*[.;]")


# A single given name after the initials is the name's ("Ansoff, H. Igor."); a second name after
# them is not the end ("Cohen, Kalman J. and Richard M. Cyert.").
_GIVEN_THEN_END = re.compile(
    r"(?:[A-ZÀ-ÞĀ-ſ][\w'’\-]+\s+|(?:da|de|do|dos|das|van|von|der|di|du|del)\s+){0,3}"
    r"(?:[A-ZÀ-ÞĀ-ſ][\w'’\-]+\.(?=\s)|(?:[A-ZÀ-ÞĀ-ſ]\.\s?-?){1,3}(?=\s)(?:\s[A-ZÀ-ÞĀ-ſ][\w'’\-]+\.(?=\s))?"
    r"|(?:da|de|do|dos|das)\.(?=\s))(?!\s*,?\s*(?:and|&|und|et|y|e|i)\s)")


def _inverted(text: str) -> Zones | None:
    first, _, following = text.partition(",")
    following = following.strip()
    if len(first.split()) != 1 or not first[:1].isupper():
        return None
    if is_organisation(first) and not _GIVEN_NAMES_THEN_STOP.match(following):
        # An upper-case word is an acronym ("OECD, Paris: …") unless given names follow it and
        # end at a full stop or a semicolon: ABNT's "LESSIG, Lawrence." and "SILVA, João da;".
        return None
    # Given names, a particle among them: "Lawrence.", "J. R.", ABNT's "João da."
    if not re.match(r"(?:(?:[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω][\w\-]*|da|de|do|dos|das|van|von|der|di|du|del)\.?\s?)+(?:[,.]|$)",
                    following):
        return None
    # The name ends at a given name's full stop or after its initials ("Merges, Robert P. Justifying
    # Intellectual Property." ), which a sentence end takes for an initial's
    given = _GIVEN_THEN_END.match(following)
    end = text.index(following, len(first)) + given.end() if given else sentence_end(text)
    title_end = sentence_end(text, end)
    return Zones(text[:end], text[end:title_end], text[title_end:], style="inverted")


def _names_then_title(text: str) -> Zones | None:
    """"Family Given, Given Family, Title. Rest": names run until a chunk that is no name."""
    end_of_first = sentence_end(text)
    comma = text.find(",")
    if comma < 0 or comma > end_of_first:
        return Zones("", text[:end_of_first], text[end_of_first:], style="untitled-author")
    position = comma + 1
    while True:
        next_comma = text.find(",", position)
        chunk = text[position: next_comma if next_comma >= 0 else len(text)].strip()
        if next_comma < 0 or next_comma > sentence_end(text, position) or not _looks_like_name(chunk):
            break
        position = next_comma + 1
    start = position
    while text[start : start + 1] == " ":
        start += 1
    end = _title_end(text, start)
    return Zones(text[: position - 1], text[start:end], text[end:], style="names-first")


def _looks_like_name(chunk: str) -> bool:
    words = re.sub(r"\bet al\.?$", "", chunk).split()
    if not 1 < len(words) <= 5 or re.search(r"\d", chunk):
        return False
    return all(w[:1].isupper() or w.lower() in ("van", "von", "de", "der", "da", "di", "du", "del") for w in words) \
        and not is_organisation(chunk)


def _title_end(text: str, start: int) -> int:
    end = sentence_end(text, start)
    stop = re.search(
        rf",\s+(?=(?:[0-3]?\d\s+)?[A-Z][a-z]+\.?\s+(?:[0-3]?\d,\s+)?{YEAR}\b|{YEAR}\b|\d+(?:st|nd|rd|th)\s+ed|Vol\.|vol\.)",
        text[start:end],
    )
    return start + stop.start() if stop else end
