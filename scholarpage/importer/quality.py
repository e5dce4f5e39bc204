"""Data-quality findings about references: duplicates, malformed or disagreeing fields, gaps.

What the article's metadata lacks is told by metadata/gaps.py, for the build log and `check` alike.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
import unicodedata

from scholarpage.errors import Problem
from scholarpage.importer.plaintext.namedata import PARTICLES
from scholarpage.model import Reference

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def reference_findings(references: tuple[Reference, ...], path: str = "references.bib") -> list[Problem]:
    """Advisory findings, each located by file, line and key: duplicates, malformed or
    disagreeing fields, missing author, title or year."""
    findings = []
    for reference in references:
        findings += [Problem(path, reference.line, reference.key, message) for message in _entry_findings(reference)]
    findings += _duplicates(references, path)
    return sorted(findings, key=lambda p: p.line)


def _entry_findings(ref: Reference) -> list[str]:
    messages = []
    if ref.note == "unparsed":
        messages.append("could not be parsed: check every field against the formatted text")
    for name, value in (("author", ref.authors or ref.editors), ("title", ref.title), ("year", ref.year)):
        if not value:
            messages.append(f"no {name}")
    if ref.doi and not _DOI.match(ref.doi):
        messages.append(f"malformed DOI {ref.doi!r} (expected 10.NNNN/…)")
    if ref.url and not re.match(r"^[a-z][a-z0-9+.\-]*://", ref.url, re.I):
        messages.append(f"URL without a scheme: {ref.url!r} (add https:// if the site serves it)")
    if ref.text:
        messages += _disagreements(ref)
    return messages


def _disagreements(ref: Reference) -> list[str]:
    return [f"{name} {value!r} not found in the formatted text" for name, value in not_in_text(ref)]


def not_in_text(ref: Reference) -> list[tuple[str, str]]:
    """The fields whose value the printed text does not contain (letters and digits compared)."""
    if not ref.text:
        return []
    text = _plain(ref.text)
    checks = [("doi", ref.doi), ("year", ref.year), ("title", ref.title), ("volume", ref.volume),
              ("first page", ref.first_page), ("url", ref.url)]
    if ref.authors and ref.authors[0].family != "others":
        checks.append(("first author", ref.authors[0].family or ref.authors[0].literal))
    return [(name, value) for name, value in checks
            if value and _plain(_without_particles(value) if name == "first author" else value) not in text]


def _without_particles(family: str) -> str:
    """A family name without its leading particles: ABNT prints "ALMEIDA, Fernanda ... de" for
    "de Almeida", so "de Almeida" itself is not in the text."""
    words = family.split()
    while len(words) > 1 and words[0].lower() in PARTICLES:
        words.pop(0)
    return " ".join(words)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\W_]+", "", text)


def _duplicates(references: tuple[Reference, ...], path: str) -> list[Problem]:
    """Same DOI, or near-identical titles compared within one (first author, title start) bucket."""
    findings, seen_doi, buckets = [], {}, {}
    for ref in references:
        doi = ref.doi.lower()
        if doi and doi in seen_doi:
            first = seen_doi[doi]
            message = f"same DOI as '{first.key}' (line {first.line}): a duplicate?"
            findings.append(Problem(path, ref.line, ref.key, message))
        elif doi:
            seen_doi[doi] = ref
        work = _Work(ref)
        bucket = buckets.setdefault((_first_family(ref), work.title[:12]), [])
        twin = next((other.ref for other in bucket if work.same_as(other)), None)
        if twin and not (doi and twin.doi.lower() == doi):
            message = f"same title and authors as '{twin.key}' (line {twin.line}): a duplicate?"
            findings.append(Problem(path, ref.line, ref.key, message))
        bucket.append(work)
    return findings


def _first_family(ref: Reference) -> str:
    return _plain(ref.authors[0].family or ref.authors[0].literal) if ref.authors else ""


class _Work:
    """A reference's comparable parts, normalised once (duplicate search compares many pairs)."""

    def __init__(self, ref: Reference):
        self.ref = ref
        self.title = _plain(ref.title)
        self.families = frozenset(_plain(p.family or p.literal) for p in ref.authors)
        self.letters = Counter(self.title)
        self._matcher: difflib.SequenceMatcher | None = None

    def same_as(self, other: _Work) -> bool:
        """Near-identical title (difflib ratio ≥ 0.92) and same authors."""
        if not self.title or not other.title or self.families != other.families:
            return False
        if other.title == self.title:
            return True
        total = len(self.title) + len(other.title)
        if 2 * min(len(self.title), len(other.title)) < 0.92 * total:  # difflib's real_quick_ratio
            return False
        shared = sum(min(n, other.letters[c]) for c, n in self.letters.items())
        if 2 * shared < 0.92 * total:  # difflib's quick_ratio, from letter counts made once per title
            return False
        if self._matcher is None:
            self._matcher = difflib.SequenceMatcher(None, "", self.title)  # this title analysed once, as "b"
        self._matcher.set_seq1(other.title)
        return self._matcher.ratio() >= 0.92
