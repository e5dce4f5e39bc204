"""The zone after the title: container, numbers, dates, publisher, place, genre and kind."""

from __future__ import annotations

import re

from scholarpage.importer.plaintext.fields import YEAR, find_date, find_edition, find_year, normalise_pages
from scholarpage.importer.plaintext.namedata import CITIES, ORGANISATION_WORDS
from scholarpage.importer.plaintext.names import parse_names
from scholarpage.importer.plaintext.split import sentence_end

# "In", and its Spanish, Portuguese, French, Polish and Indonesian words ("En", "Em", "Dans", "W:", "Dalam")
_CHAPTER = re.compile(r"^[,.]?\s*(?:\[in:?\]|\bin:?|\b[Ee]n:?(?=\s+(?-i:[A-ZÀ-Þ]))|\bem:|\bdans:?|\bw:|\bdalam:?)\s+",
                      re.I)
# Not an edition ("2nd ed.", ABNT's "2. ed.") nor a publisher ("Curitiba: Ed. UFPR", Editora)
_EDITED = re.compile(r",?(?<!\d[a-z]{2})(?<!\d\.)(?<!:)\s+(?:ed\.|eds\.|edited by|hrsg\. v\.|red\.|pod red\.)\s+",
                     re.I)
_MONTH_NAMES = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_STRUCTURE = re.compile(
    rf",?\s*(?:\b[Vv]ol(?:ume)?\.?\s*\w|\b(?:[Nn]o|[Nn]r|[Ii]ssue)\.?\s*\d|\(\s*\d|\bpp?\.\s*\d|\bn\.\s?d\.|;\s*\d"
    rf"|\b[Vv]\.\s*\d|\b[Nn](?:\.\s*[º°]?|[º°])\s*\d"  # ABNT: "v. 5, n. 1", "n.º 3"
    rf"|№\s*\d|\b[Ss]ố\s*\d|\b[Nn]úm\.\s*\d|\btr\.\s*\d"  # Russian, Vietnamese, Spanish
    rf"|(?<=[\s,])\d+\b|\b[0-3]?\d\s+{_MONTH_NAMES}\.?\s+{YEAR}|\b{_MONTH_NAMES}\.?\s+(?:[0-3]?\d,\s+)?{YEAR})"
)
_PLACE_PUBLISHER = re.compile(
    r"(?:^\s*|[.,]\s+)(?P<place>[A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω\u0621-\u064a\u05d0-\u05ea](?:[\w\- ]|\.(?!\s)){1,40}?(?:,\s*[A-Z][A-Za-z]+)?)\s*:\s*(?P<publisher>[^:;]+?)"  # noqa: E501 (one pattern reads best whole)
    rf"(?=[,;]?\s*(?:[0-3]?\d\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:{YEAR}|n\.\s?d\.)|,\s*pp?\.|[.;]?\s*$)"
)
_GENRE = re.compile(
    r"\b(?P<genre>(?:doctoral|master'?s|ph\.?\s?d\.?|bachelor'?s|mphil)?\s*(?:thesis|dissertation)(?:\s+project)?"
    r"|thesis project|praca (?:doktorska|magisterska)|luận (?:án|văn)[^,.]*|doktorarbeit|tesis doctoral"
    r"|(?:working|research|discussion|policy|white|technical|occasional)\s+paper|(?:technical\s+)?report|fact\s?sheet)\b",
    re.I,
)
_THESIS = re.compile(r"thesis|dissertation|dissertação|doktor|magister|luận|tesis|tese|thèse|mémoire|mestrado"
                     r"|doutorado", re.I)
_REPORT = re.compile(r"working paper|research paper|discussion paper|policy paper|white paper|technical paper"
                     r"|occasional paper|\breport\b|fact\s?sheet|policy brief", re.I)
_CONFERENCE = re.compile(r"\bproc\.|\bconf\.|proceedings|conference|symposium|workshop|congress|konferencj", re.I)
_SPEECH = re.compile(r"presented at|presentation|webinar|lecture|keynote|\btalk\b|speech", re.I)
_NEWSPAPER = re.compile(r"times?\b|time$|news|post\b|herald|guardian|tribune|gazette|daily|express|"
                        r"chronicle|telegraph|economy$|báo|gazeta|zeitung", re.I)
_PERIODICAL = re.compile(r"journal|review|quarterly|bulletin|annals|studies|magazine|times|law\b|zeitschrift"
                         r"|przegląd|kwartalnik|revista|tạp chí", re.I)
_MAGAZINE = re.compile(r"magazine|businessweek|week\b|economist|forbes|tạp chí|magazyn|revista|zeitschrift|iflr", re.I)
_WEB = re.compile(r"blog|portal|website|web site|cổng thông tin|homepage", re.I)


_THESIS_FIRST = re.compile(
    r"^(?P<genre>(?:Ph\.?\s?D\.?|M\.?\s?S\.?|M\.?\s?A\.?|M\.?\s?Sc\.?|Master'?s|Doctoral|Bachelor'?s)\s+"
    r"(?:dissertation|thesis))\s*,\s*(?P<rest>.+)$", re.I)


def thesis_parts(rest: str) -> dict | None:
    """IEEE: "Ph.D. dissertation, Dept. Law, Seoul Nat. Univ., Seoul, Korea, 2015" → fields."""
    match = _THESIS_FIRST.match(rest)
    if not match:
        return None
    segments = [s.strip() for s in match["rest"].rstrip(" .").split(",") if s.strip()]
    fields = {"genre": match["genre"], "kind": "thesis"}
    date, _ = find_date(segments[-1]) if segments else ("", None)
    year = re.fullmatch(rf"(?:[A-Z][a-z]+\.?\s+)?({YEAR})", segments[-1]) if segments else None
    if year:
        fields["year"] = year[1]
        fields["date"] = date if len(date) > 4 else ""
        segments.pop()
    if len(segments) >= 3:
        fields["publisher"], fields["place"] = ", ".join(segments[:-2]), ", ".join(segments[-2:])
    elif segments:
        fields["publisher"] = segments[0]
        fields["place"] = ", ".join(segments[1:])
    return {key: value for key, value in fields.items() if value}


# ABNT: "2018. Tese (Doutorado em Direito) – Faculdade de Direito, Universidade de São Paulo, São Paulo, 2018."
_DEGREE_THESIS = re.compile(
    r"(?P<genre>(?:Tese|Dissertação|Monografia|Trabalho de [Cc]onclusão de [Cc]urso|Tesis|Tesina|Thèse|Mémoire)"
    r"\s*\([^)]{1,80}\))\s*[–—-]\s*(?P<rest>.+)$")


def degree_thesis_parts(rest: str) -> dict | None:
    """A thesis as ABNT (and Spanish and French styles) describe it: genre (degree) – school,
    place, year."""
    match = _DEGREE_THESIS.search(rest)
    if not match:
        return None
    segments = [s.strip() for s in match["rest"].rstrip(" .").split(",") if s.strip()]
    fields = {"genre": match["genre"], "kind": "thesis"}
    if segments and re.fullmatch(YEAR, segments[-1]):
        fields["year"] = segments.pop()
    if len(segments) >= 2:
        fields["place"] = segments.pop()
    fields["publisher"] = ", ".join(segments)
    return {key: value for key, value in fields.items() if value}


# A conference's venue after its proceedings' name: "Proc. IEEE Int. Conf. Big Data, Seattle, WA, USA"
_VENUE = re.compile(
    r",\s*(?P<place>[A-ZÀ-Þ][\w.\- ]+(?:,\s*[A-Z]{2})?,\s*(?:USA|U\.S\.A\.|U\.K\.|UK|Canada|Germany|France|China|"
    r"Japan|Italy|Spain|Brazil|India|Australia|(?:South )?Korea|Singapore|Netherlands|Switzerland|Austria|Poland|"
    r"Portugal|Sweden|Vietnam|Viet Nam|Taiwan|Mexico|Greece|Turkey|Israel|Belgium|Denmark|Finland|Norway|Ireland))$")
_PROCEEDINGS = re.compile(r"\b(?:Proc\.|Proceedings|Conf\.|Conference|Symp\.|Symposium|Workshop)", re.I)


def chapter_parts(rest: str) -> dict | None:
    """"[in:] Book, ed. A, B. 31-44. Place: Publisher" / "In A (Ed.), Book (pp. 1–9)" → fields."""
    marker = _CHAPTER.match(rest)
    edited = _EDITED.search(rest)
    if not marker and not (edited and edited.start() < 200):
        return None
    book = rest[marker.end():] if marker else rest
    fields: dict = {}
    # APA's "A (Ed.), Book", and ABNT's "SURNAME, A. (org.). Book" (org., coord., dir., comp.)
    apa = re.match(r"^(?P<eds>.+?)\s*\((?:eds?|hrsg|red|orgs?|coords?|dirs?|comps?)\.?\)\s*[,.]?\s*(?P<book>.*)$",
                   book, re.I)
    vancouver = re.match(r"^(?P<eds>[^.]+?),\s*editors?\.\s*(?P<book>.*)$", book, re.I)
    ieee = re.match(r"^(?P<book>[^,]+),\s*(?P<eds>[^,]+(?:,[^,]+)*?),\s*Eds?\.\s*(?P<tail>.*)$", book)
    if apa or vancouver:
        match = apa or vancouver
        fields["editors"] = parse_names(match["eds"], first_inverted=False)
        body = match["book"]
        end = min(_index(body, " ("), sentence_end(body))
        fields["container"], tail = body[:end], body[end:]
    elif ieee:
        fields["editors"] = parse_names(ieee["eds"], first_inverted=False)
        fields["container"], tail = ieee["book"], ieee["tail"]
    else:
        edited = _EDITED.search(book)
        end = sentence_end(book)
        if edited and edited.start() < end:
            fields["container"] = book[: edited.start()]
            names_end = _names_end(book, edited.end(), by="by" in edited.group().lower())
            fields["editors"] = parse_names(book[edited.end() : names_end], first_inverted=False)
            tail = book[names_end:]
        else:
            cut = re.search(r",\s*(?=Vol\.|vol\.|\d|pp?\.)|\s+\((?=pp?\.|Vol\.)", book)
            cut = cut if cut and (cut.start() < end or ": " not in book[: cut.start()]) else None
            fields["container"], tail = (book[: cut.start()], book[cut.start():]) if cut else (book[:end], book[end:])
    fields["container"] = fields["container"].strip(" ,.")
    venue = _VENUE.search(fields["container"]) if _PROCEEDINGS.search(fields["container"]) else None
    if venue:
        fields["container"], fields["place"] = fields["container"][: venue.start()], venue["place"]
    fields.update({k: v for k, v in tail_fields(tail, book_like=True).items() if not (k == "place" and venue)})
    edition, _ = find_edition(tail)
    if edition:
        fields["edition"] = edition
    if not fields.get("publisher"):
        fields.update(_undated_publisher(tail))
    return fields


def _undated_publisher(text: str) -> dict:
    """"… Routledge." / "(pp. 1–9). Edward Elgar.": a last sentence with no numbers is the publisher."""
    sentences = [s for s in _sentences(re.sub(r"\([^)]*\)", "", text)) if not _GENRE.fullmatch(s)]
    last = sentences[-1] if sentences else ""
    if last and not re.search(r"\d|\b(?:vol|no|pp|ed|edn)\.", last, re.I) and len(last.split()) <= 8:
        return {"publisher": last}
    return {}


def _index(text: str, needle: str) -> int:
    found = text.find(needle)
    return found if found >= 0 else len(text)


def _names_end(text: str, start: int, by: bool = False) -> int:
    if by:  # "edited by A and B, Publisher": editors are joined by "and", never by commas
        comma = text.find(",", start)
        return comma if comma >= 0 else len(text)
    stop = re.search(r"(?<![\s.][A-ZÀ-ÞĀ-ſА-ЯЁΑ-Ω])\.\s|,\s*(?=\d|pp?\.|[A-Z][\w ]*:)|\s\(", text[start:])
    return start + stop.start() if stop else len(text)


def container_parts(rest: str) -> dict:
    """A periodical's name, then its numbers and date."""
    cut = _STRUCTURE.search(rest)
    container, tail = (rest[: cut.start()], rest[cut.start():]) if cut else (rest, "")
    container = container.strip(" ,;:")
    if not (cut and rest[cut.start()] == "," and re.search(r"\b[A-Z][a-z]{0,7}\.$", container)):
        container = container.rstrip(". ")
    if re.fullmatch(YEAR, container):  # IEEE: “Title,” 2023.
        return {"year": container, **tail_fields(tail, book_like=False)}
    fields = {"container": container}
    place = _trailing_city(container) if cut else ""
    if place:  # ABNT: "Revista Jurídica, São Paulo, v. 12, n. 3"
        fields = {"container": container[: container.rindex(",")].rstrip(" ,"), "place": place}
    series = _REPORT.search(container) and re.match(r"\s*(?:[Nn]o\.?\s*)?(\w*\d[\w\-/]*)\b", tail)
    if series:  # "NBER Working Paper 15325. Cambridge, MA: NBER": number, then place and publisher
        fields["issue"] = series[1]
        fields.update(tail_fields(tail[series.end():], book_like=True))
        return fields
    fields.update(tail_fields(tail, book_like=False))
    return fields


def _trailing_city(container: str) -> str:
    """The city a periodical's name ends with, after a comma, as ABNT prints it; or ""."""
    head, comma, last = container.rpartition(",")
    return last.strip() if comma and head.strip() and " ".join(last.split()).lower() in CITIES else ""


def tail_fields(tail: str, *, book_like: bool) -> dict:
    fields: dict = {}
    numbers = _numbers(tail)
    fields.update(numbers)
    date, span = find_date(tail)
    if date:
        fields["date"], fields["year"] = date, date[:4]
    elif "year" not in fields:
        fields["year"] = find_year(re.sub(r"\bpp?\.\s*[\d\-–]+", "", tail))[0]
    if book_like:
        fields.update(publisher_parts(tail))
    return {key: value for key, value in fields.items() if value}


def _numbers(tail: str) -> dict:
    fields = {}
    vancouver = re.search(rf"({YEAR})[^;]{{0,20}};\s*(\w+)\s*(?:\(([^)]+)\))?\s*(?::\s*([\w\-–]+(?:,\s*\d+)*))?", tail)
    if vancouver:
        fields = {"year": vancouver[1], "volume": vancouver[2], "issue": vancouver[3] or "",
                  "pages": vancouver[4] or ""}
    volume = re.search(r"\b(?:(?:[Vv]ol(?:ume)?|[Bb]d|[Tt]|Т|[Cc]ilt)\.?|[Vv]\.)\s*([\dIVXLC]+[\w/\-]*)", tail)
    # issue: "no.", "Nr", "Heft", ABNT "n.", "n.º", French "n°", Spanish "núm.", Russian "№", Vietnamese "số"
    issue = re.search(r"(?:\b(?:[Nn]o|[Nn]r|[Ii]ssue|[Nn]umber|[Hh]eft|[Zz]eszyt|[Nn]úm|[Ss]ayı)\.?"
                      r"|\b[Nn](?:\.\s*[º°]?|[º°])|№|\b[Ss]ố)\s*(\d+[\w/\-]*)", tail)
    paren = re.search(r"(?<![\w.])(\d+)\s*\(\s*([^)]+?)\s*\)", tail)
    if volume:
        fields["volume"] = volume[1]
    if issue:
        fields["issue"] = issue[1]
    if paren and not vancouver:
        if re.fullmatch(rf"{YEAR}", paren[2]):
            fields.setdefault("year", paren[2])
            if not issue or issue.start(1) != paren.start(1):
                fields.setdefault("volume", paren[1])
        elif re.fullmatch(r"[\w/\-–]+", paren[2]):
            fields.setdefault("volume", paren[1])
            fields.setdefault("issue", paren[2])
    # pages: "p.", "pp.", German "S.", Polish "s.", Russian "С.", Vietnamese "tr.", Spanish "págs.", Indonesian "hlm."
    pages = re.search(rf"(?:\bpp?|\b[Ss]|\b[Сс]|\btr|\bpágs?|\bhlm)\.\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?"
                      rf"(?:,\s*(?!{YEAR})\d+(?:[-–]\d+)?)*)", tail) \
        or re.search(r"\)\s*:\s*(\d+(?:\s*[-–]\s*\d+)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*)", tail) \
        or re.search(rf"(?<![\w/.\-])((?!{YEAR}\s*[-–]\s*{YEAR})\d+\s*[-–]\s*\d+(?:,\s*(?!{YEAR})\d+(?:[-–]\d+)?)*)(?![\w/])", tail)  # noqa: E501 (one pattern reads best whole)
    if pages and not fields.get("pages"):
        fields["pages"] = pages[1]
    # APA without an issue: ", 149, 106789" (article number) or ", 4, 55–61"
    numbered = re.fullmatch(r"\s*,?\s*(\d+)\s*,\s*([A-Za-z]?\d{3,}|\d+\s*[-–]\s*\d+)\s*\.?\s*", tail)
    if numbered and not fields.get("volume"):
        fields["volume"] = numbered[1]
        fields.setdefault("pages", numbered[2])
    if fields.get("pages"):
        fields["pages"] = normalise_pages(fields["pages"])
    return {key: value for key, value in fields.items() if value}


def publisher_parts(tail: str) -> dict:
    """Place and publisher: "Cheltenham: Edward Elgar Publishing, 2021" or "Routledge, 1996"."""
    match = _PLACE_PUBLISHER.search(tail)
    if match and not re.match(r"(?:p|pp|vol|no)\.?$", match["place"].strip(), re.I):
        return {"place": match["place"].strip(), "publisher": _publisher_name(match["publisher"])}
    for sentence in _sentences(tail):
        dated = re.match(rf"^(?P<who>[^\d]+?),\s*(?:[0-3]?\d\s+)?(?:[A-Z][a-z]+\.?\s+)?{YEAR}\b", sentence)
        if dated and not re.search(r"\b(?:vol|no|pp?)\.", dated["who"], re.I):
            who = dated["who"]
            genre = _GENRE.match(who)
            if genre and genre.end() < len(who):
                return {"publisher": who[genre.end():].strip(" ,")}
            if not genre:
                return {"publisher": who.strip(" ,")}
    return {}


def _sentences(text: str) -> list[str]:
    sentences, start = [], 0
    while start < len(text):
        end = sentence_end(text, start)
        sentences.append(text[start:end].strip(" .,;"))
        start = end
    return [s for s in sentences if s]


_CAPITALISED = r"[A-ZÀ-ÞĀ-ŽА-ЯЁ][^\W\d_]+"


def _publisher_name(text: str) -> str:
    """A publisher as printed, without the punctuation around it, keeping the full stop of a
    closing abbreviation ("John Wiley and Sons, Inc.")."""
    name = text.strip(" ,")
    return name if re.search(r"\b(?:Inc|Ltd|Co|Corp|Bros|Cie|Publ|Verl)\.$", name) else name.rstrip(". ")


def book_parts(rest: str) -> dict:
    """Unquoted book-like zone: series, volume, edition, genre, then place, publisher and date."""
    edition, span = find_edition(rest)
    if edition:
        rest = (rest[: span[0]] + rest[span[1]:]).strip(" ,.")
    fields = tail_fields(rest, book_like=True)
    city_year = re.fullmatch(rf"\s*(?P<city>{_CAPITALISED}(?:[\s\-]{_CAPITALISED}){{0,2}}\.?),?\s+{YEAR}\.?\s*", rest)
    if city_year and not fields.get("publisher"):  # Polish and Russian styles: "Warszawa 2016", "М., 2019"
        fields["place"] = city_year["city"]
    elif not fields.get("publisher"):
        fields.update(_undated_publisher(rest))
    fields.pop("issue", None)
    fields.pop("pages", None) if not re.search(r"\bpp?\.", rest) else None
    if edition:
        fields["edition"] = edition
    genre = _GENRE.search(rest)
    if genre and _THESIS.search(genre["genre"]):
        fields["genre"] = genre["genre"].strip()
    series = [s for s in _sentences(rest) if _is_series(s, fields) and s not in fields.get("publisher", "")]
    if series:
        fields["collection"] = series[0]
    return fields


def _is_series(sentence: str, fields: dict) -> bool:
    if re.search(rf"\b{YEAR}\b|^\d|:|\b(?:vol|no|ed|edn|pp?)\.|\bn\.\s?d\.", sentence, re.I) or _GENRE.match(sentence):
        return False
    return sentence != fields.get("publisher") and sentence != fields.get("place")


def kind_of(fields: dict, *, quoted: bool, chapter: bool, rest: str, url: str, org_author: bool) -> str:
    container = fields.get("container", "")
    evidence = f"{rest} {container}"
    numbered = any(fields.get(k) for k in ("volume", "issue", "pages"))
    if _THESIS.search(fields.get("genre", "")):
        return "thesis"
    if chapter:
        return "paper-conference" if _CONFERENCE.search(container) else "chapter"
    if _SPEECH.search(evidence) or _SPEECH.search(url.rsplit("/", 1)[-1]):
        return "speech"
    if _CONFERENCE.search(evidence):
        return "paper-conference"
    dated_to_the_day = len(fields.get("date", "")) == 10
    if _REPORT.search(evidence):
        return "report"
    if quoted and _institutional(container) and not numbered and not dated_to_the_day:
        return "webpage" if url else "report"
    if not quoted and container and numbered:
        return "article-journal"
    if not quoted:
        if _REPORT.search(fields.get("title", "")):
            return "report"
        if org_author and not (url and not fields.get("publisher")):
            return "report"
        if url and not fields.get("publisher"):  # a book names its publisher; a web page often none
            return "webpage"
        return "book"
    return _periodical_kind(fields, container, numbered, url)


def _institutional(container: str) -> bool:
    """A container that is an institution (an agency, a bank), not a periodical."""
    words = {w.strip("().,").lower() for w in container.split()}
    return bool(words & ORGANISATION_WORDS) and not _PERIODICAL.search(container)


def _periodical_kind(fields: dict, container: str, numbered: bool, url: str) -> str:
    if not container:
        return "webpage" if url else "article-journal"
    if _WEB.search(container) or _WEB.search(url):
        return "webpage"
    if numbered:
        return "article-journal"
    if _MAGAZINE.search(container):
        return "article-magazine"
    if _NEWSPAPER.search(container) or len(fields.get("date", "")) == 10:
        return "article-newspaper"
    return "article-journal"
