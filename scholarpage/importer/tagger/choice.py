"""Rules or model, per field and per list: the importer's reading of a reference list.

Two readers disagree in two ways. On *details* (the same printed words, normalised differently:
"Tahir M" or "Tahir M.", a title with or without its closing quote) the hand rules are kept:
they are what the project's files and tests were written in. On *structure* (which printed
words are the title, which the names, which the publisher) a field's disagreement is settled by
the model's marginals on the disputed words: the words one reader puts in the field and the other
does not. The model's reading of that field replaces the rules' when the model is sure (least
marginal of the disputed words ≥ `SURE`) that its labels for those words are right; "note" (the
model's "anything else") disputes nothing.

Which lists that applies to is decided per list, from the list itself: the rules were written
for a few styles and either know a list's style or do not. The share of entries (a sample of up
to `SAMPLE`) on which the model raises no sure dispute is the rules' agreement with the model;
where it is at least `AGREEMENT` the rules know the style and their reading stands for every
entry; below it the disputes above are settled entry by entry.

Decided on what data (see benchmarks/RESULTS.md): the project's own lists (tests/corpus) agree
0.70–0.87 (seed 0.82); gold.xml read as one list agrees 0.36, in chunks of 20 consecutive
references mostly below 0.6. `SURE` is where the per-field policy scored best on the project's
held-out lists heldout-2 and heldout-3 (0.7–0.9 equally); gold.xml was measured, not tuned on.
Legal sources and GB/T entries stay with the rules, which have parsers for them.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from scholarpage.model import Reference
from scholarpage.importer.plaintext.keys import base_key
from scholarpage.importer.plaintext.namedata import CITIES
from .lexicon import ROLE_WORDS
from .reading import reference_fields
from .tagging import Tagged

SURE = 0.8  # the model wins a disputed field when its least sure disputed word is at least this sure
AGREEMENT = 0.6  # the share of a list's entries without a sure dispute above which the rules read the list
SAMPLE = 200  # entries tagged to measure the agreement (evenly spread over a long list)
# Legal sources and Chinese GB/T entries: the rules have parsers of their own, the training data none.
_GBT = re.compile(r"\[(?:[JMCDRSPNZGA]|EB|DB|CP)(?:/OL)?\]")
# Styles the rules read by a mark no other style prints and the model was not trained on: GOST's
# " // " before the journal, the Polish "„Journal” 2019", DIN's "Name, Given: Title. In: Journal 62 (2018)".
_SIGNED = re.compile(r"\s//\s|[„“][^”“\"]{2,120}[”“]\s*(?:1[5-9]|20)\d\d\b"
                     r"|^[A-ZÀ-ÞĀ-Ž][\w'’\-]+,\s*[^:]{1,40}:\s[^.]+\.\s+In:\s[^,()]+?\s\d+\s*\((?:1[5-9]|20)\d\d\)")
# ABNT: a surname in capitals first, and its marks ("v. 5, n. 1", "In: SURNAME", "2. ed.",
# "Disponível em", "Acesso em"): the model, with few ABNT lists in its training, overrode the
# rules' journal, pages and chapters on them.
_UPPER_CASE_FIRST = re.compile(r"[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’\-]+(?:\s[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’\-]+)*,\s[A-ZÀ-ÞĀ-Ž]")
_ABNT_MARK = re.compile(r"\bv\.\s*\d+,\s*n\.\s*\d|\bIn:\s[A-ZÀ-Þ]{2,}|\b\d+\.\sed\.|Disponível em|Acesso em")
_RULES_ONLY = frozenset({"legal_case", "legislation", "bill", "regulation", "treaty", "standard"})
_TEXT_FIELDS = ("title", "title_translation", "container", "collection", "volume", "issue", "pages", "year", "date",
                "publisher", "place", "edition", "genre", "language")


def learned_reference(tagged: Tagged, number: int | None = None) -> Reference:
    """The tagger's reading as a Reference (`text` is the input exactly)."""
    fields = reference_fields(tagged)
    key = base_key(fields["authors"], fields.get("year", ""), fields.get("title", ""), number)
    values = {name: str(fields.get(name) or "") for name in _TEXT_FIELDS}
    # the reading's "language" is the title's (as `plaintext` sets it), not the work's
    values["title_language"] = values.pop("language")
    return Reference(key=key, kind=fields["kind"], text=tagged.text, authors=fields["authors"],
                     editors=fields["editors"], doi=fields["doi"], url=fields["url"], **values)


def rules_only(rules: Reference) -> bool:
    text = rules.text
    abnt = bool(_UPPER_CASE_FIRST.match(text) and _ABNT_MARK.search(text)) and not re.search("[«“„]", text)
    # the model learned no Arabic or Hebrew references: an entry mostly in those scripts is the rules'
    letters = [char for char in text if char.isalpha()]
    semitic = sum("\u0590" <= char <= "\u06ff" for char in letters) > len(letters) / 2
    return rules.kind in _RULES_ONLY or abnt or semitic or bool(_GBT.search(text) or _SIGNED.search(text))


# Importer field → the model's labels for it.
_LABELS = {"title": ("title",), "container": ("journal", "container-title"),
           "volume": ("volume",), "issue": ("volume",), "pages": ("pages",), "year": ("date",),
           "publisher": ("publisher",), "place": ("location",), "authors": ("author",), "editors": ("editor",),
           "edition": ("edition",), "genre": ("genre",)}
_WORD = re.compile(r"\w+")
_NUMERIC = frozenset({"volume", "issue", "pages", "year"})
_ROLES = frozenset({"translator"})  # see _roles_without_a_role_word
_MINOR = frozenset("et al and eds ed by in no vol pp p".split())  # printed around a field, never in dispute


_NUMBER = re.compile(r"\W*[A-Za-z]?\d{1,5}[A-Za-z]?(?:\s*[-–]\s*[A-Za-z]?\d{1,5})?\W*")


class _Printed:
    """A tagged reference's words, read once: each token's words, whether it is a number, and
    the text's words in order (to find where a value is printed)."""

    def __init__(self, tagged: Tagged):
        text = tagged.text
        self.text_words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
        self.tokens = []
        for word in tagged.tokens():
            printed = text[word.start:word.end]
            words = [w.lower() for w in _WORD.findall(printed)]
            if words:
                self.tokens.append((word, printed, words, bool(_NUMBER.fullmatch(printed)),
                                    any(w not in _MINOR for w in words)))

    def counted(self, name: str, token) -> bool:
        """A number for a numeric field (not a DOI or a word the label spills onto), else not a
        minor word printed around a field ("et al.", "eds", "pp")."""
        return token[3] if name in _NUMERIC else token[4]

    def located(self, value):
        """A test of whether a token lies in a value: by its place where the value is printed
        verbatim (its words in order), else by its words (names and numbers are normalised)."""
        if isinstance(value, tuple):
            known = {w.lower() for p in value for w in _WORD.findall(f"{p.family} {p.given} {p.literal}")}
            return lambda token: bool(known) and all(x in known for x in token[2])
        words = [w.lower() for w in _WORD.findall(value)]
        span = self._span(words)
        if span:
            start, end = span
            return lambda token: token[0].start < end and token[0].end > start
        known = set(words)
        if words and all(w.isdigit() for w in words):  # "133–54" → "133–154", "2nd" → "2"
            return lambda token: any(x in known or x.rstrip("stndrh") in known for x in token[2])
        return lambda token: bool(known) and all(x in known for x in token[2])

    def _span(self, words: list[str]) -> tuple[int, int] | None:
        size, found = len(words), self.text_words
        if not size:
            return None
        for i in range(len(found) - size + 1):
            if found[i][0] == words[0] and all(found[i + k][0] == words[k] for k in range(1, size)):
                return found[i][1], found[i + size - 1][2]
        return None


def _value(reference: Reference, name: str):
    """The field's value as printed: a title with its bracketed translation."""
    if name == "title" and reference.title_translation:
        return f"{reference.title} {reference.title_translation}"
    if name in ("volume", "issue"):  # the model's one "volume" label holds both
        return " ".join(v for v in (reference.volume, reference.issue) if v)
    if name == "year" and reference.date:  # as its "date" label holds the day and month
        return f"{reference.date} {reference.year}"
    return getattr(reference, name)


def disputes(rules: Reference, tagged: Tagged, learned: Reference | None = None) -> dict[str, float]:
    """Field → the model's least marginal on the words the two readings put in it differently
    (only fields whose values differ and where some printed word is in dispute)."""
    learned = learned or learned_reference(tagged)
    printed = _Printed(tagged)
    unfounded = _roles_without_a_role_word(tagged) | _known_city(rules, printed)
    found = {}
    for name, labels in _LABELS.items():
        ours, theirs = getattr(rules, name), getattr(learned, name)
        if ours == theirs:
            continue
        inside = printed.located(ours)
        least = min((t[0].confidence for t in printed.tokens
                     if _disputed(t[0], labels, inside(t)) and t[0].start not in unfounded), default=None)
        if least is not None:
            found[name] = least
    return found


def _known_city(rules: Reference, printed: _Printed) -> set[int]:
    """The words of the rules' place when it is a known publishing city (namedata.CITIES): the
    model's reading of them as part of a journal's name is no evidence (ABNT prints the city
    between a periodical's name and its numbers)."""
    if " ".join(rules.place.split()).lower() not in CITIES:
        return set()
    inside = printed.located(rules.place)
    return {token[0].start for token in printed.tokens if inside(token)}


def _roles_without_a_role_word(tagged: Tagged) -> set[int]:
    """Where the model reads a translator that no role word ("trad.", "transl.", "übers.",
    "przeł.") announces in or around the field: the start of each of its words. Such a reading
    is no evidence against the rules: ABNT's "Revista Jurídica, São Paulo, v. 12" was read as a
    translator, and the journal was lost. (Editors are left to the model: the same test on them
    lost 0.08 of the editors' recall on gold.xml, where "In X" often names editors bare.)"""
    starts: set[int] = set()
    for field in tagged.fields:
        if field.label not in _ROLES:
            continue
        around = tagged.text[max(0, field.start - 24):field.end + 16]
        if not {word.lower().strip(",;:") for word in around.split()} & ROLE_WORDS:
            starts.update(word.start for word in tagged.tokens() if field.start <= word.start < field.end)
    return starts


def _disputed(word, labels: tuple[str, ...], in_rules: bool) -> bool:
    """One reader puts the word in the field, the other does not ("note" contradicts nothing)."""
    in_model = word.label in labels
    return in_rules != in_model and not (in_rules and word.label == "note")


def agrees(rules: Reference, tagged: Tagged) -> bool:
    """No field on which the model is sure the rules' reading is wrong."""
    return rules_only(rules) or all(c < SURE for c in disputes(rules, tagged).values())


def choose(rules: Reference, tagged: Tagged, number: int | None = None) -> Reference:
    """The rules' reading with each field the model surely reads otherwise taken from the model."""
    if rules_only(rules):
        return rules
    learned = learned_reference(tagged, number)
    taken = {name for name, least in disputes(rules, tagged, learned).items() if least >= SURE}
    if rules.title and not learned.title:
        taken.discard("title")  # a reference without a title is left out of the import: never lose one
    if not taken:
        return rules
    changes = {name: getattr(learned, name) for name in taken}
    if "title" in taken:
        changes.update(title_language=learned.title_language, title_translation=learned.title_translation)
    if "year" in taken:
        changes["date"] = learned.date
    if taken & {"title", "container", "publisher", "authors"}:
        changes["kind"] = learned.kind  # what kind of work it is follows its structure
    chosen = dataclasses.replace(rules, **changes)
    if changes.keys() & {"authors", "year", "title"}:
        chosen = dataclasses.replace(chosen, key=base_key(chosen.authors, chosen.year, chosen.title, number))
    return chosen


def read_list(texts: Sequence[str], rules: Sequence[Reference], tag_all: Callable[[list[int]], list[Tagged]]
              ) -> list[Reference]:
    """The importer's reading of a whole list: the rules' where they know its style (see above),
    else per entry `choose`. `tag_all(indices)` tags those entries in the list's style."""
    step = max(1, len(texts) // SAMPLE)
    sample = list(range(0, len(texts), step))
    tagged = dict(zip(sample, tag_all(sample), strict=True))
    agreeing = sum(agrees(rules[i], tagged[i]) for i in sample)
    if sample and agreeing >= AGREEMENT * len(sample):
        return list(rules)
    rest = [i for i in range(len(texts)) if i not in tagged and not rules_only(rules[i])]
    tagged.update(zip(rest, tag_all(rest), strict=True))
    return [choose(ref, tagged[i], i + 1) if i in tagged else ref for i, ref in enumerate(rules)]


def field_confidence(reference: Reference, tagged: Tagged) -> dict[str, tuple[float, str]]:
    """Per field of a reading (any: the importer's, or one a person corrected), how sure the model
    is that it is right, and what it reads instead where it doubts it.

    For each word of the field as printed, the model's marginal of the field's label where it
    gives that label, else 1 − its marginal of the label it gives instead (at most what is left
    for this field); the field's confidence is its least word. A field left empty where the model
    reads words as it counts as 1 − the model's confidence in those words. "note" words count as
    agreeing (the model's "anything else").
    """
    if rules_only(reference) or not tagged.fields:
        return {}
    printed = _Printed(tagged)
    found = {}
    for name, labels in _LABELS.items():
        if name == "issue":
            continue  # read with the volume (one label)
        value = _value(reference, name)
        inside = printed.located(value) if value else (lambda token: False)
        scored = []  # (p, token, whether the token is in the field) for the tokens that count here
        for token in printed.tokens:
            if not printed.counted(name, token):
                continue
            word = token[0]
            in_field, in_model = inside(token), word.label in labels
            if in_field == in_model or (in_field and word.label == "note"):
                scored.append((word.confidence if in_field else 1.0, token, in_field))
            else:
                scored.append((1.0 - word.confidence, token, in_field))
        least, instead = 1.0, ""
        if scored:
            at = min(range(len(scored)), key=lambda i: scored[i][0])
            least, token, in_field = scored[at]
            if least < 1.0:
                instead = _instead(tagged.text, scored, at, name)
        if least < 1.0:
            found[name] = (least, instead)
    return found


def _instead(text: str, scored: list, at: int, name: str) -> str:
    """What the model reads otherwise around the least sure token: the run of neighbouring
    tokens doubted the same way, as printed."""
    _, token, in_field = scored[at]

    def same(i: int) -> bool:
        return scored[i][0] < 0.5 and scored[i][2] == in_field and scored[i][1][0].label == token[0].label

    first = last = at
    while first > 0 and same(first - 1):
        first -= 1
    while last + 1 < len(scored) and same(last + 1):
        last += 1
    printed = text[scored[first][1][0].start:scored[last][1][0].end]
    printed = printed if len(printed) <= 60 else printed[:57] + "…"
    if in_field and token[0].label in _LABELS[name]:
        return f"the model is unsure of {printed!r}"
    if in_field:
        return f"the model reads {printed!r} as {token[0].label}, not {name}"
    return f"the model reads {printed!r} as part of the {name}"
