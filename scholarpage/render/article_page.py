"""Article + References → the Markdown source of the article page, with stable anchors."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml

from scholarpage.render.anchors import key_anchor, number_anchor
from scholarpage.render.bibliography import CITE_STYLES, DEFAULT_STYLE, Store, cite_this, format_references, plain_text
from scholarpage.metadata.downloads import ARTICLE_FILES, REFERENCE_FILES, article_reference
from scholarpage.render.escaping import (Markup, escape, label_links, language_attributes, link, linked_text, render,
                                         right_to_left)
from scholarpage.model import Article, Author, Reference
from scholarpage.render.labels import long_date, volume_and_number, words
from scholarpage.identifiers import doi_url, orcid_url
from scholarpage.metadata.scholar_links import scholar_url

ARTICLE_PAGE = "index.md"


@dataclass(frozen=True)
class Entry:
    """One reference as the template shows it."""

    number: int
    anchor: str
    key_anchor: str
    body: Markup
    attributes: Markup  # the heading's lang and dir
    scholar: str
    scholar_label: str


def article_page(
    article: Article,
    references: Sequence[Reference],
    *,
    page_url: str = "",
    style: str = DEFAULT_STYLE,
    body: str = "",
    journal_href: str = "",
    issue_href: str = "",
    store: Store | None = None,
    site_language: str = "",
    cite_styles: Mapping[str, str] = CITE_STYLES,
    interface_language: str = "en",
) -> str:
    """The whole Markdown source of the article page.

    `page_url` is the page's absolute URL (site_url + path), or "". The per-reference copy
    buttons are added by the page's script (scholarpage.js): they cannot work without it, and a
    page without a script should not show dead controls. `body` is the article's own text
    (Markdown), placed after the abstract. On a journal's site, `journal_href` and `issue_href`
    link the journal's name and the issue to the site's own home and issue pages. The article's
    own text (title, abstract, keywords, body) is marked with its language when that is not
    `site_language`, the language of the site's interface (a Polish article in an English journal). `store` keeps
    formatted citations between builds. `cite_styles` are the "Cite this article" tabs (label →
    CSL style); none, no such section. The page's own words (headings, labels, controls) are in
    `interface_language`, Material's `theme.language` (labels.py).
    """
    said = words(interface_language)
    formatted = format_references([r for r in references if not r.text], style, store)
    entries = [
        _entry(number, reference, article.language, formatted.get(reference.key), said)
        for number, reference in enumerate(references, start=1)
    ]
    return render(
        "article.md.j2",
        lang=article.language if site_language and not _same_language(article.language, site_language) else "",
        front_matter=_front_matter(article),
        article=article,
        kicker=article.section,
        affiliations=list(dict.fromkeys(a.affiliation for a in article.authors if a.affiliation)),
        facts=_facts(article, journal_href, issue_href, interface_language),
        said=said,
        orcid_link=_orcid_link,
        reference_list=Markup(render("reference_list.html.j2", entries=entries, bibtex_file=REFERENCE_FILES["bib"],
                                     controls=_controls(said)).rstrip("\n")),
        cite_this=cite_this_html(cite_this_tabs(article, page_url, store, cite_styles), said) if cite_styles else "",
        downloads=_downloads(bool(references), said),
        has_references=bool(references),
        body=Markup(body.strip()),
    )


def shown_references(references: Sequence[Reference], style: str = DEFAULT_STYLE, store: Store | None = None
                     ) -> list[tuple[str, Reference, str]]:
    """Each reference's anchor and its text as the page shows it, whitespace collapsed (the
    search index's records): the printed text, else the entry the style formats (remembered
    from the page's own formatting), else the citation key."""
    formatted = format_references([r for r in references if not r.text], style, store)
    return [(number_anchor(number), reference,
             " ".join(reference.text.split()) if reference.text
             else plain_text(formatted[reference.key]) if reference.key in formatted else reference.key)
            for number, reference in enumerate(references, start=1)]


@dataclass(frozen=True)
class Style:
    """One tab of "Cite this article"."""

    label: str
    html: Markup
    text: str


def cite_this_tabs(article: Article, page_url: str, store: Store | None = None,
                   styles: Mapping[str, str] = CITE_STYLES) -> list[Style]:
    """"Cite this article": the article formatted in each style, as tabs."""
    formatted = cite_this(article_reference(article, page_url), dict(styles), store=store)
    return [Style(label, entry, plain_text(entry)) for label, entry in formatted.items()]


def cite_this_html(tabs: Sequence[Style], said: Mapping[str, str] = words("en")) -> Markup:
    """"Cite this article" as Material's content tabs, one per style."""
    copy_labels = [said["copy_style"].format(style=tab.label) for tab in tabs]
    return Markup(render("cite_this.html.j2", cite_this=list(zip(tabs, copy_labels, strict=True))).rstrip("\n"))


def _controls(said: Mapping[str, str]) -> str:
    """The reference tools' words, for scholarpage.js, which makes the controls; "" where they
    are its own English ones (the page carries nothing it does not need)."""
    names = ("copy_link", "copy_link_of", "copy_citation", "copy_citation_of", "copy_bibtex", "copy_bibtex_of",
             "copy_failed")
    english = words("en")
    if all(said[name] == english[name] for name in names):
        return ""
    return json.dumps({name: said[name] for name in names}, ensure_ascii=False)


def _downloads(has_references: bool, said: Mapping[str, str]) -> list[tuple[str, list[Markup]]]:
    """Download links, relative: the plugin writes the files into the page's own folder."""
    formats = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
    article = [link(ARTICLE_FILES[ext], name, said["of_this_article"].format(format=name), download=ARTICLE_FILES[ext])
               for ext, name in formats]
    listed = [link(REFERENCE_FILES[ext], name, said["of_all_references"].format(format=name),
                   download=REFERENCE_FILES[ext]) for ext, name in formats]
    captions = [(said["citation"], article), (said["references"], listed)]
    return captions if has_references else captions[:1]


#: The longest page description (`<meta name="description">`); search engines show about 160.
DESCRIPTION_LENGTH = 200


def _front_matter(article: Article) -> str:
    """YAML front matter; values are HTML-escaped because themes print page titles and
    descriptions raw. Material prints `description` as the page's `<meta name="description">`."""
    data = {"title": str(escape(article.full_title)), "description": str(escape(description(article))),
            "hide": ["navigation"]}  # a journal's article page: the reading column, sections on the right
    return Markup(yaml.safe_dump(data, allow_unicode=True, width=10**6).strip())


def description(article: Article) -> str:
    """The page's summary for search results: the abstract's first sentences, at most
    DESCRIPTION_LENGTH characters (cut at a word, with "…"); without an abstract, the title and
    where it was published."""
    if not article.abstract:
        return f"{article.full_title}. {article.journal.title}, {issue_line(article)}."
    text = " ".join(article.abstract[0].split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    sentences = re.findall(r".+?[.!?](?:\s|$)", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) > DESCRIPTION_LENGTH:
            break
        kept += sentence
    if kept.strip():
        return kept.strip()
    cut = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def issue_line(article: Article, language: str = "en") -> str:
    """ "Vol. 60 No. 1 (2026): Label" — the way OJS names an issue, in `language` ("T. 60 nr 1
    (2026)"); a label that only repeats the journal's name ("Prawo i Więź" for an issue of Prawo i
    Więź) is left out."""
    line = volume_and_number(article.volume, article.issue, language)
    line = f"{line} ({article.year})" if line else str(article.year)
    label = article.issue_label
    if label and label.casefold().strip() != article.journal.title.casefold().strip():
        return f"{line}: {label}"
    return line


def _facts(article: Article, journal_href: str = "", issue_href: str = "", language: str = "en"
           ) -> list[tuple[str, str, str | Markup]]:
    """The article-information block: where it was published, its address, dates and licence,
    each as (the key its class is named by, its label in `language`, its value)."""
    journal = article.journal
    journal_url = journal_href or journal.url
    doi = link(doi_url(article.doi), doi_url(article.doi)) if article.doi else ""
    licence = article.license
    licence_value = link(licence.url, licence.name or licence.url) if licence.url else licence.name
    facts = [
        ("journal", link(journal_url, journal.title) if journal_url else journal.title),
        ("issue", link(issue_href, issue_line(article, language)) if issue_href else issue_line(article, language)),
        ("pages", "–".join(p for p in (article.first_page, article.last_page) if p)),
        ("article_number", article.article_number),
        ("doi", doi),
        ("submitted", long_date(article.submitted, language)),
        ("accepted", long_date(article.accepted, language)),
        ("published", long_date(article.published, language)),
        ("licence", licence_value),
    ]
    said = words(language)
    return [(key.replace("_", "-"), said[key], value) for key, value in facts if value]


#: ORCID's iD mark (its green circle and the letters iD), drawn inline: no request to another host.
_ORCID_ICON = Markup(
    '<svg class="sp-orcid__icon" viewBox="0 0 256 256" width="16" height="16" aria-hidden="true" focusable="false">'
    '<circle cx="128" cy="128" r="128" fill="#A6CE39"/>'
    '<path fill="#fff" d="M86.3 186.2H70.9V79.1h15.4zM108.9 79.1h41.6c39.6 0 57 28.3 57 53.6 0 27.5-21.5 53.6-56.8 '
    '53.6h-41.8zm15.4 93.3h24.5c34.9 0 42.9-26.5 42.9-39.7C191.7 111.2 178 93 148 93h-23.7zM88.7 56.8c0 5.5-4.5 '
    '10.1-10.1 10.1s-10.1-4.6-10.1-10.1 4.5-10.1 10.1-10.1 10.1 4.6 10.1 10.1"/></svg>'
)


def _orcid_link(author: Author) -> Markup:
    """The ORCID iD icon, linked to the author's record; its name says whose record it is."""
    url = orcid_url(author.orcid)
    label = f"ORCID iD of {author.person.display}: {url}"
    return Markup('<a class="sp-orcid" href="{}" aria-label="{}">{}</a>').format(url, label, _ORCID_ICON)


def _entry(number: int, reference: Reference, page_language: str, formatted: Markup | None,
           said: Mapping[str, str]) -> Entry:
    shown = reference.shown_language
    foreign = bool(shown) and not _same_language(shown, page_language)
    if reference.text:
        body, whole_is_foreign = _printed_text(reference, number, foreign, said)
    else:
        body = (label_links(formatted, said["link_of"].format(number=number)) if formatted
                else Markup(escape(reference.key)))
        whole_is_foreign = foreign
    # a reference in a right-to-left language runs the way its first letter does, wherever its
    # `lang` went (the whole entry, or only the title as printed)
    if whole_is_foreign:
        attributes = language_attributes(shown, "auto")
    else:
        attributes = Markup(' dir="auto"') if shown and right_to_left(shown) else Markup("")
    return Entry(
        number=number,
        anchor=number_anchor(number),
        key_anchor=key_anchor(reference.key),
        body=body,
        attributes=attributes,
        scholar=scholar_url(reference),
        scholar_label=said["scholar_reference"].format(number=number),
    )


def _printed_text(reference: Reference, number: int, foreign: bool, said: Mapping[str, str]) -> tuple[Markup, bool]:
    """The printed text verbatim, DOI and URL linked, a foreign title marked with `lang`.

    Returns the body and whether `lang` must go on the whole entry instead (the title could
    not be found in the text).
    """
    links = _links(reference, said["doi_of"].format(number=number), said["link_of"].format(number=number))
    text, italics = reference.text, reference.emphasis
    start = text.find(reference.title) if foreign and reference.title else -1
    if start < 0:
        return linked_text(text, links, italics), foreign
    end = start + len(reference.title)
    title = Markup('<span{}>{}</span>').format(language_attributes(reference.shown_language),
                                               linked_text(text[start:end], links, _within(italics, start, end)))
    return (linked_text(text[:start], links, _within(italics, 0, start)) + title
            + linked_text(text[end:], links, _within(italics, end, len(text)))), False


def _within(spans: tuple[tuple[int, int], ...], start: int, end: int) -> list[tuple[int, int]]:
    """The spans inside text[start:end], as offsets into that slice."""
    return [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]


def _links(reference: Reference, doi_label: str, link_label: str) -> list[tuple[str, str, str]]:
    links = []
    if reference.doi:
        links += [(doi_url(reference.doi), doi_url(reference.doi), doi_label)]
        links += [(reference.doi, doi_url(reference.doi), doi_label)]
    if reference.url:
        bare = reference.url.split("://", 1)[-1]
        href = reference.url if "://" in reference.url else f"https://{reference.url}"
        links += [(reference.url, href, link_label), (bare, href, link_label)]
    return links


def _same_language(a: str, b: str) -> bool:
    return a.split("-")[0].lower() == b.split("-")[0].lower()
