"""The article and its references as plain, frozen data.

Nothing here knows about files, YAML, BibTeX, HTML or MkDocs: loaders build these objects,
renderers read them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    """A name as cited: family + given (+ a suffix: "Jr.", "III"), or one literal name (an
    organisation, kept whole). BibTeX's "and others" is the name `OTHERS`: kept so that the
    reference's BibTeX says it again, left out wherever names are listed (see `named`)."""

    family: str = ""
    given: str = ""
    literal: str = ""
    suffix: str = ""

    @property
    def display(self) -> str:
        """The name in reading order ("Given Family Suffix"), or the literal name. A name written
        in Chinese, Japanese or Korean script reads family first with no space ("王小明"), as CSL
        prints such names."""
        if self.literal:
            return self.literal
        if reads_family_first(self.family + self.given):
            return "".join((self.family, self.given)) + (f" {self.suffix}" if self.suffix else "")
        return " ".join(part for part in (self.given, self.family, self.suffix) if part)

    @property
    def indexed(self) -> str:
        """The name as an index of authors lists it: "Family, Given", or "王小明" as written."""
        return self.display if reads_family_first(self.family + self.given) else self.inverted

    @property
    def inverted(self) -> str:
        """The name as "Family, Given, Suffix", the form Google Scholar and library catalogues expect."""
        if self.literal:
            return self.literal
        return ", ".join(part for part in (self.family, self.given, self.suffix) if part)


def reads_family_first(text: str) -> bool:
    """Letters all Han, kana or hangul: the names CSL orders family first ("non-romanesque");
    "Wang 王" mixes scripts and stays as given."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith(_EAST_ASIAN) for c in letters)


_EAST_ASIAN = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "IDEOGRAPHIC", "HIRAGANA", "KATAKANA",
               "HALFWIDTH KATAKANA", "HANGUL", "HALFWIDTH HANGUL")


#: BibTeX's "and others" (et al.): more names than the list gives.
OTHERS = Person(family="others")


def named(persons: tuple[Person, ...]) -> tuple[Person, ...]:
    """The persons a list actually names: without BibTeX's "others", which is no one."""
    return tuple(person for person in persons if person != OTHERS)


@dataclass(frozen=True)
class Author:
    """An author of the article itself."""

    family: str
    given: str = ""
    affiliation: str = ""
    orcid: str = ""
    email: str = ""

    @property
    def person(self) -> Person:
        return Person(family=self.family, given=self.given)


@dataclass(frozen=True)
class License:
    name: str = ""
    url: str = ""


@dataclass(frozen=True)
class Journal:
    """The journal an article appeared in; journal.yml gives the rest for a journal's own site."""

    title: str
    abbreviation: str = ""
    issn: str = ""
    eissn: str = ""
    publisher: str = ""
    url: str = ""
    description: tuple[str, ...] = ()
    license: License = field(default_factory=License)
    languages: tuple[str, ...] = ()
    contact_name: str = ""
    contact_email: str = ""


@dataclass(frozen=True)
class Article:
    """What article.yml describes."""

    title: str
    journal: Journal
    year: int
    language: str
    subtitle: str = ""
    authors: tuple[Author, ...] = ()
    volume: str = ""
    issue: str = ""
    issue_label: str = ""
    section: str = ""
    first_page: str = ""
    last_page: str = ""
    article_number: str = ""
    doi: str = ""
    url: str = ""
    submitted: dt.date | None = None
    accepted: dt.date | None = None
    published: dt.date | None = None
    keywords: tuple[str, ...] = ()
    abstract: tuple[str, ...] = ()
    license: License = field(default_factory=License)
    pdf: str = ""

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title


@dataclass(frozen=True)
class Reference:
    """One entry of the reference list.

    `kind` is a CSL item type ("article-journal", "book", "chapter", ...), the vocabulary
    shared by citeproc, Zotero and the exports. `text` is the reference exactly as printed
    in the source, when the source gave one; the page then shows it verbatim, with the spans
    listed in `emphasis` (start, end offsets into `text`) in italics.

    Two languages, two facts: `language` is the language of the work itself (BibLaTeX
    `language`), given only when the source says so; `title_language` is the language the title
    is printed in (BibLaTeX `langid`), which the page's `lang` attribute and the case rules of
    citation styles need. A Chinese journal's article cited by its English title has
    `title_language` "en" and, unless a source says more, no `language`. `protected` holds parts
    of the title whose spelling no style may change (BibTeX's `{…}`).
    """

    key: str
    kind: str = "document"
    text: str = ""
    title: str = ""
    title_translation: str = ""
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    translators: tuple[Person, ...] = ()
    container: str = ""
    collection: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    year: str = ""
    date: str = ""
    doi: str = ""
    url: str = ""
    publisher: str = ""
    place: str = ""
    edition: str = ""
    genre: str = ""
    language: str = ""
    title_language: str = ""
    note: str = ""
    accessed: str = ""  # when an online source was seen (BibLaTeX `urldate`), as written
    isbn: str = ""  # as written: exports and indexers match books by it
    issn: str = ""
    version: str = ""  # of software or a dataset ("4.3.1")
    line: int = 0
    emphasis: tuple[tuple[int, int], ...] = ()
    protected: tuple[str, ...] = ()

    @property
    def shown_language(self) -> str:
        """The language of the title as shown: `title_language`, else the work's `language`."""
        return self.title_language or self.language

    @property
    def year_number(self) -> str:
        """The year as machines read one: "2020a" (a year told from another by a letter, as author-year
        styles print) → "2020"; "" when `year` does not start with one ("c. 1650", "n.d.")."""
        match = _LEADING_YEAR.match(self.year.strip())
        return match[0] if match else ""

    @property
    def first_page(self) -> str:
        return _page_range(self.pages)[0]

    @property
    def last_page(self) -> str:
        return _page_range(self.pages)[1]


_LEADING_YEAR = re.compile(r"\d{1,4}(?![\d])")


def _page_range(pages: str) -> tuple[str, str]:
    """First and last page of the first range in "133–154, 160" (("", "") when unknown)."""
    first_range = pages.split(",")[0].strip()
    for dash in ("–", "-"):
        if dash in first_range:
            start, _, end = first_range.partition(dash)
            return start.strip(), end.strip()
    return first_range, ""


@dataclass(frozen=True)
class PublishedArticle:
    """One article of a journal's site: its folder's sources, and where its page goes."""

    slug: str  # the folder's name, which is the page's URL path: stable when the article moves
    article: Article
    references: tuple[Reference, ...]
    body: str = ""  # the article's text (Markdown), when its folder holds one
    pdf: str = ""  # the PDF galley's file name in the folder


@dataclass(frozen=True)
class Issue:
    """An issue, gathered from its articles' volume, issue and year; issues.yml adds the rest."""

    volume: str
    number: str
    year: int
    articles: tuple[PublishedArticle, ...]
    title: str = ""
    date: dt.date | None = None
    description: str = ""

    @property
    def slug(self) -> str:
        number = f" no {self.number}" if self.number else ""
        return _slug(f"vol {self.volume}{number}" if self.volume else f"{self.year}{number}")

    @property
    def label(self) -> str:
        """ "Vol. 60 No. 1 (2026)", as OJS names an issue."""
        number = f" No. {self.number}" if self.number else ""
        return f"Vol. {self.volume}{number} ({self.year})" if self.volume else f"{self.year}{number}"


@dataclass(frozen=True)
class Collection:
    """A journal published as one site: its issues, newest first."""

    journal: Journal
    issues: tuple[Issue, ...]

    @property
    def articles(self) -> tuple[PublishedArticle, ...]:
        return tuple(entry for issue in self.issues for entry in issue.articles)

    @property
    def by_year(self) -> bool:
        """A publication list (a research group's papers): no volumes or numbers, so its
        "issues" are years, and the pages say so."""
        return not any(issue.volume or issue.number for issue in self.issues)


def _slug(text: str) -> str:
    """Lower-case ASCII letters and digits, anything else one hyphen: "Vol 60 No S1" → "vol-60-no-s1"."""
    kept = "".join(c if c.isascii() and c.isalnum() else " " for c in text.lower())
    return "-".join(kept.split())
