"""A saved OJS article page (HTML, OJS 2 or 3, any theme) → a Page.

Every OJS theme emits the Highwire `citation_*` and Dublin Core `DC.*` meta tags, so they are
read first; the visible page fills what they lack. References come from the `citation_reference`
tags when they hold the raw printed text, else from whatever element holds the list: found by
its class or id (`item references` as `<section>` or `<div>`, OJS 2's `#articleCitations`) or by
a heading that names it in any interface language. Parsed with lxml's HTML parser; scripts,
styles and templates are dropped first, so nothing a script writes is read.
"""

from __future__ import annotations

import copy
import re

from lxml import html as lxml_html

from scholarpage.importer.ojs_page import Page, bare_doi, parse_page_date, person, read_issue
from scholarpage.importer.page_labels import NOISE, is_abstract_heading, is_references_heading
from scholarpage.importer.reference_lines import continues, entries

_HEADINGS = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
_CONTAINERS = ("//*[@id='articleCitations' or @id='references' or @id='article-references' or @id='citations'"
               " or contains(concat(' ', normalize-space(@class), ' '), ' references ')"
               " or contains(concat(' ', normalize-space(@class), ' '), ' article-references ')"
               " or contains(concat(' ', normalize-space(@class), ' '), ' ref-list ')]")
_THEMED = re.compile(r"[-_]references$", re.I)
_BLOCKS = {"p", "li", "div", "dd", "tr", "blockquote", "section", "ol", "ul", "table", "br", "h1", "h2", "h3", "h4",
           "h5", "h6"}


def html_page(text: str) -> Page:
    # Control characters are no text (and lxml refuses them in a tree it builds).
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text)
    # OJS 2 pages open with `<?xml … encoding="UTF-8"?>`, which lxml refuses in text it did not decode.
    document = lxml_html.document_fromstring(re.sub(r"<\?xml[^>]*\?>", "", text, count=1))
    for node in document.xpath("//script|//style|//noscript|//template"):
        node.drop_tree()
    meta = _meta(document)
    article = _article(meta, document)
    tagged, shown = _meta_references(meta), _body_references(document)
    found = tagged if tagged and len(tagged) >= len(shown) else shown  # tags hold the raw text, unless cut short
    kind = "article" if found or _is_article_page(meta, document) else "list"
    return Page(article={k: v for k, v in article.items() if v}, references=[t for t, _ in found], kind=kind,
                lines=[line for _, line in found], pdf_url=_one(meta, "citation_pdf_url"))


_ARTICLE_MARKUP = ("//*[contains(@class,'obj_article_details') or contains(@class,'article-details')"
                   " or contains(@class,'pkp_page_article') or @id='articleTitle']")


def _is_article_page(meta: dict, document) -> bool:
    """Whether a page without references is an article's all the same (an editorial, a review):
    its meta tags name an article, or it has an OJS theme's article markup (a journal's home page has neither)."""
    return bool(_one(meta, "citation_title", "dc.title") or document.xpath(_ARTICLE_MARKUP))


# --- meta tags -----------------------------------------------------------------------------------
def _meta(document) -> dict[str, list[tuple[str, int]]]:
    values: dict[str, list[tuple[str, int]]] = {}
    for node in document.xpath("//meta[@content and (@name or @property)]"):
        name = (node.get("name") or node.get("property")).strip().lower()
        values.setdefault(name, []).append((node.get("content").strip(), node.sourceline or 0))
    return values


def _all(meta: dict, name: str) -> list[str]:
    return [value for value, _ in meta.get(name, []) if value]


def _one(meta: dict, *names: str) -> str:
    return next((values[0] for name in names if (values := _all(meta, name))), "")


def _article(meta: dict, document) -> dict:
    article: dict = {"title": _one(meta, "citation_title", "dc.title", "og:title") or _visible_title(document)}
    article["authors"] = _authors(document)
    article["license"] = _license(meta, document)
    abbreviation = _one(meta, "citation_journal_abbrev")
    page_title = _visible(document, "//title").rpartition(" | ")[2] if " | " in _visible(document, "//title") else ""
    journal = {"title": _one(meta, "citation_journal_title", "dc.source", "og:site_name") or page_title,
               "abbreviation": "" if abbreviation.isdigit() else abbreviation,
               "issn": _one(meta, "citation_issn", "dc.source.issn"),
               "publisher": _one(meta, "citation_publisher", "dc.publisher")}
    article["journal"] = {k: v for k, v in journal.items() if v}
    issue = read_issue(_visible(document, "//*[contains(@class,'issue')]//a[contains(@class,'title')]"))
    article["volume"] = _one(meta, "citation_volume", "dc.source.volume") or issue.get("volume", "")
    article["issue"] = _one(meta, "citation_issue", "dc.source.issue") or issue.get("issue", "")
    # The first date that reads as one: an online-first article's `citation_date` is its issue's
    # bare year ("2023"), which is its year; the day it went online is then `DC.Date.created`.
    candidates = [value for name in ("citation_publication_date", "citation_date", "dc.date.issued",
                                     "citation_online_date", "dc.date.created") for value in _all(meta, name)]
    candidates.append(_visible(document, "//*[contains(@class,'published')]//*[contains(@class,'value')]"))
    published = next((date for date in map(parse_page_date, candidates) if date), "")
    bare_year = next((value for value in candidates[:2] if re.fullmatch(r"\d{4}", value.strip())), "")
    year = bare_year or published[:4] or _one(meta, "citation_year")[:4] or str(issue.get("year", ""))
    article["year"] = int(year) if year.isdigit() else None
    article["pages"] = _pages(meta)
    article["doi"] = bare_doi(_one(meta, "citation_doi", "dc.identifier.doi")) or _shown_doi(document)
    article["url"] = next((u for u in (_one(meta, "citation_abstract_html_url", "dc.identifier.uri", "og:url"),)
                           if re.match(r"https?://", u)), "")
    article["section"] = _one(meta, "dc.type.articletype")
    language = _one(meta, "citation_language", "dc.language")
    article["language"] = language if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", language) else ""
    wanted = _primary(article["language"] or document.get("lang") or document.get("xml:lang") or "")
    keywords = _in_language(document, "citation_keywords", wanted) or _in_language(document, "dc.subject", wanted)
    article["keywords"] = ([k.strip() for value in keywords for k in value.split(";") if k.strip()]
                           or _shown_keywords(document))
    abstracts = _in_language(document, "dc.description", wanted) or _in_language(document, "citation_abstract", wanted)
    tagged, shown = abstracts[0] if abstracts else "", _abstract(document, wanted)
    same = tagged and _squash(tagged) == _squash(shown)  # then the page's paragraphs are worth keeping
    article["abstract"] = shown if same or not tagged else tagged
    dates = {"submitted": parse_page_date(_one(meta, "dc.date.datesubmitted")), "published": published}
    article["dates"] = {k: v for k, v in dates.items() if v}
    return article


def _primary(tag: str) -> str:
    """A language tag's language alone: "pl-PL", "pl_PL" and "pl" are one language."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].casefold()


def _language_of(node) -> str:
    """The language an element says it is in (`xml:lang` or `lang`, its own or its nearest ancestor's)."""
    # lxml's HTML parser keeps `xml:lang` as a plain attribute, which XPath's @xml:lang does not name
    for element in (node, *node.iterancestors()):
        if element.get("xml:lang") or element.get("lang"):
            return _own_language(element)
    return ""


def _in_language(document, name: str, language: str) -> list[str]:
    """The values of one meta tag in the article's language, not a mix of every locale's.

    OJS writes a `DC.Description`, `DC.Subject` or `citation_keywords` tag per locale, each
    with its `xml:lang`. Taken: the tags in `language`; else those that name no language; else
    those in the language the page gives first.
    """
    tags = [tag for tag in document.xpath("//meta[@content and (@name or @property)]")
            if (tag.get("name") or tag.get("property")).strip().lower() == name]
    found = [(_own_language(tag), value) for tag in tags if (value := tag.get("content").strip())]
    for want in dict.fromkeys((language, "")):
        chosen = [value for lang, value in found if lang == want]
        if chosen:
            return chosen
    return [value for lang, value in found if lang == found[0][0]] if found else []


def _own_language(tag) -> str:
    """An element's own language (for a meta tag: the page's `<html lang>` is its interface's, not the tag's)."""
    return _primary(tag.get("xml:lang") or tag.get("lang") or "")


def _authors(document) -> list[dict]:
    """The authors in the page's meta tags, each with the `citation_author_institution` tags
    that follow it (Google Scholar's form, OJS 2.4 to 3.5) and the ORCID iD its visible author
    list links (OJS 3 themes: `ul.authors li`, a link to orcid.org beside the name)."""
    authors, tags = [], document.xpath("//meta[@content and @name]")
    for tag in tags:
        name, content = tag.get("name").strip().lower(), " ".join(tag.get("content").split())
        if name == "citation_author" and content:
            authors.append(person(content))
        elif name == "citation_author_institution" and content and authors:
            known = authors[-1].get("affiliation")
            authors[-1]["affiliation"] = f"{known}; {content}" if known else content
    if not authors:
        meta = _meta(document)
        names = _all(meta, "dc.creator.personalname")
        if not names and _one(meta, "citation_authors"):  # OJS 2: "Family, Given; Family, Given"
            names = [n.strip() for n in _one(meta, "citation_authors").split(";") if n.strip()]
        authors = [person(name) for name in names]
    shown = _shown_authors(document)
    if not authors:  # a page saved without its meta tags, or a theme that drops them: the list it shows
        return shown
    orcids = {_squash(_display(author)): author["orcid"] for author in shown if author.get("orcid")}
    for author in authors:
        if _squash(_display(author)) in orcids:
            author["orcid"] = orcids[_squash(_display(author))]
    return authors


def _display(author: dict) -> str:
    return " ".join(filter(None, (author.get("given"), author.get("family"))))


_ORCID = re.compile(r"orcid\.org/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])")
_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
# One element per author, as each theme prints the list: OJS 3's default theme and Manuscript
# (`ul.authors li`), default 3.0-3.1 and bootstrap3 (`.authors .author`), healthSciences.
_AUTHOR_ITEMS = ("//ul[contains(@class,'authors')]/li",
                 f"//*[contains(@class,'authors')]//*[{_CLASS.format('author')}]",
                 f"//*[{_CLASS.format('article-details-author')}]")


def _shown_authors(document) -> list[dict]:
    """The authors the page shows, each with the affiliation and ORCID iD printed beside the name;
    the first of the themes' layouts that names anyone."""
    for xpath in _AUTHOR_ITEMS:
        found = [author for item in document.xpath(xpath) if (author := _shown_author(item))]
        if found:
            return found
    for holder in document.xpath(f"//div[{_CLASS.format('authors')}]"):  # bootstrap3 before 3.2: names in <strong>
        found = [author for name in holder.xpath("./strong") if (author := _shown_author(name, sibling=True))]
        if found:
            return found
    shown = _visible(document, "//*[@id='authorString']")  # OJS 2: "Maria Silva, João Souza"
    return [person(name.strip()) for name in shown.split(",") if name.strip()]


def _shown_author(item, sibling: bool = False) -> dict:
    """One author from the element naming them (with `sibling`: the <strong> and what follows it
    up to the next one)."""
    if sibling:
        name, parts = item.text_content(), list(_up_to_next(item))
    else:
        names = item.xpath(".//*[contains(@class,'name')]") or item.xpath(".//strong")
        if not names:
            return {}
        name, parts = names[0].text_content(), [item]
    name = " ".join(name.split())
    if not name or len(name) > 120:
        return {}
    author = person(name)
    affiliations = [" ".join(node.text_content().split()) for part in parts
                    for node in part.xpath("descendant-or-self::*[contains(@class,'affil')]")]
    if any(affiliations):
        author["affiliation"] = "; ".join(a for a in dict.fromkeys(affiliations) if a)
    links = [a.get("href") for part in parts for a in part.xpath("descendant-or-self::a[@href]")]
    orcid = next((match[1] for link in links if (match := _ORCID.search(link))), "")
    if orcid:
        author["orcid"] = "https://orcid.org/" + orcid
    return author


def _up_to_next(node):
    sibling = node.getnext()
    while sibling is not None and sibling.tag != node.tag:
        yield sibling
        sibling = sibling.getnext()


def _shown_doi(document) -> str:
    """The article's DOI as the page shows it: OJS 3's `.item.doi`, bootstrap3's `.list-group-item.doi`,
    healthSciences' `.article-details-doi`, OJS 2's `#pub-id::doi` link."""
    blocks = document.xpath(f"//*[{_CLASS.format('doi')} or contains(@class,'article-details-doi')"
                            " or @id='pub-id::doi']")
    for block in blocks:
        if block.xpath("ancestor::*[contains(@class,'reference') or contains(@class,'citation')]"):
            continue  # a cited work's DOI
        for link in block.xpath("descendant-or-self::a[@href]"):
            doi = bare_doi(link.get("href")) or bare_doi(" ".join(link.text_content().split()))
            if doi:
                return doi
    return ""


_KEYWORD_BLOCKS = (f"//*[{_CLASS.format('keywords')}]//*[{_CLASS.format('value')}]"
                   "|//*[contains(@class,'article-details-keywords-value')]|//*[@id='articleSubject']/div")


def _shown_keywords(document) -> list[str]:
    """The keywords as the page lists them: one per <span> or <li> when the theme wraps each
    (healthSciences), else split where the page separates them (", " or "; " in most languages)."""
    for block in document.xpath(_KEYWORD_BLOCKS):
        items = [text for n in block.xpath(".//span|.//li") if (text := " ".join(n.text_content().split()))]
        if len(items) > 1:
            return items  # one each: a comma is then the keyword's own
        found = [k.strip() for text in _lines(block) for k in re.split(r"[,;،、，；]", text) if k.strip()]
        if found:
            return found
    return []


def _license(meta: dict, document) -> dict:
    """The licence's address: `DC.Rights` when it is one, else the page's `rel="license"` link."""
    links = [value for value in _all(meta, "dc.rights") if re.match(r"https?://\S+$", value)]
    links += [a.get("href") for a in document.xpath("//a[@rel='license'][@href]")
              if re.match(r"https?://", a.get("href"))]
    if not links:
        return {}
    creative = re.search(r"creativecommons\.org/(?:licenses/([a-z-]+)/(\d\.\d)|publicdomain/zero/(1\.0))", links[0])
    if not creative:
        return {"url": links[0]}
    name = f"CC {creative[1].upper()} {creative[2]}" if creative[1] else f"CC0 {creative[3]}"
    return {"name": name, "url": links[0]}


def _pages(meta: dict) -> str:
    first, last = _one(meta, "citation_firstpage"), _one(meta, "citation_lastpage")
    if first and last and "-" not in first:
        return f"{first}-{last}"
    return first or _one(meta, "dc.identifier.pagenumber")


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


# --- the visible page ----------------------------------------------------------------------------
def _visible(document, xpath: str) -> str:
    nodes = document.xpath(xpath)
    return " ".join(nodes[0].text_content().split()) if nodes else ""


def _visible_title(document) -> str:
    title = _visible(document, "//h1[contains(@class,'page_title')]") or _visible(document, "//title")
    return title.rpartition(" | ")[0].strip() or title if " | " in title else title


def _abstract(document, language: str = "") -> str:
    """The abstract as shown, one paragraph per <p> (or per line), without its heading: of a page
    that shows it in several languages, the one in `language`."""
    nodes = document.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' abstract ')"
                           " or @id='articleAbstract']")
    if not nodes:
        return ""
    node = _copy(next((n for n in nodes if language and _language_of(n) == language), nodes[0]))
    for label in node.xpath(f".//*[{_HEADINGS} or contains(@class,'label')]"):
        if is_abstract_heading(" ".join(label.text_content().split())):
            label.drop_tree()
    paragraphs = [" ".join(p.text_content().split()) for p in node.xpath(".//p")] or _lines(node)
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and is_abstract_heading(paragraphs[0]):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


# --- references ----------------------------------------------------------------------------------
def _meta_references(meta: dict) -> list[tuple[str, int]]:
    """`citation_reference` tags holding a printed reference (not PLOS-style `citation_title=…;` pairs)."""
    found = [(" ".join(value.split()), line) for value, line in meta.get("citation_reference", []) if value.strip()]
    if not found or sum("citation_" in text for text, _ in found) > len(found) / 2:
        return []
    return found


def _body_references(document) -> list[tuple[str, int]]:
    for node in _reference_nodes(document):
        found = _split_entries(node)
        if found:
            return found
    return []


def _reference_nodes(document):
    """Elements that hold a reference list: by class or id first, then after a heading naming it.

    A theme's own class counts when one of its words ends in "references" (healthSciences'
    `article-details-references`, `article__references`), whatever else it is called.
    """
    yield from document.xpath(_CONTAINERS)
    for node in document.xpath("//*[contains(@class, 'references')]"):
        if any(_THEMED.search(token) for token in node.get("class", "").split()):
            yield node
    headings = document.xpath(f"//*[{_HEADINGS} or contains(@class,'label') or self::strong or self::b or self::p"
                              " or self::dt]")
    for heading in reversed(headings):
        if is_references_heading(" ".join(heading.text_content().split())):
            yield _after(heading)


def _after(heading):
    """A detached <div> holding what follows `heading` up to the next heading of the page."""
    holder = lxml_html.Element("div")
    anchor = heading
    while anchor is not None and anchor.getnext() is None and anchor.getparent() is not None \
            and len(" ".join(anchor.getparent().text_content().split())) <= len(heading.text_content()) + 3:
        anchor = anchor.getparent()  # the heading is wrapped (<p><strong>References</strong></p>)
    sibling = anchor.getnext() if anchor is not None else None
    if anchor is not None and anchor.tail and anchor.tail.strip():
        holder.text = anchor.tail
        holder.sourceline = anchor.sourceline
    while sibling is not None and not _is_heading(sibling):
        holder.append(_copy(sibling))
        sibling = sibling.getnext()
    return holder


def _copy(node):
    """The element, its text and tail copied (keeping the lines it came from) so it can be cut."""
    return copy.deepcopy(node)


def _is_heading(node) -> bool:
    return bool(node.xpath(_HEADINGS)) or (node.tag in ("div", "section") and bool(node.xpath(
        "./*[1][self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")))


def _split_entries(node) -> list[tuple[str, int]]:
    """The list's entries: one per <li>, per <p>, per `csl-entry`, or per line between <br>s.

    A heading of the list's own element is its label, in whatever language the interface is.
    """
    for label in node.xpath(f"./*[{_HEADINGS}]"):
        label.drop_tree()
    for label in node.xpath("./*[contains(@class,'label')]"):
        if is_references_heading(" ".join(label.text_content().split())):
            label.drop_tree()
    for link in node.xpath(".//a|.//button"):  # "View in Google Scholar", "Crossref": the platform's, not the text
        if NOISE.match(" ".join(link.text_content().split())):
            link.drop_tree()
    items = node.xpath(".//li[not(.//li)]") or node.xpath(".//*[contains(@class,'csl-entry')]")
    paragraphs = not items
    if paragraphs:
        items = [p for p in node.xpath(".//p[not(.//p)]") if not p.xpath(".//br")]
    if items and len(items) >= len(node.xpath(".//br")):
        texts = [(" ".join(item.text_content().split()), _line(item)) for item in items]
        texts = [(t, n) for t, n in texts if t and not NOISE.match(t) and not is_references_heading(t)]
        return _numbers_off(_rejoined(texts) if paragraphs else texts)
    lines, numbers = [], []
    for text, number in _lines_with_numbers(node):
        lines.append(text)
        numbers.append(number)
    found = entries(lines)
    return [(e.text, numbers[e.line - 1]) for e in found if not is_references_heading(e.text)]


# How a reference begins: a name or a few words and then its year ("Smith, J. (2019)", "bell hooks
# (1994)", "van Dijk, T. A. 1998"), a year alone, or a list number.
_REFERENCE_START = re.compile(r"^(?:[^\W\d_][\w'’-]*[\s,.&]+){1,12}\(?(?:1[5-9]|20)\d\d[a-z]?\b"
                              r"|^\(?\d{4}\b|^\[?\d{1,4}[.)\]]\s")
_PAGE_RANGE = re.compile(r"^(?:pp?\.\s*)?\d{1,6}\s*[-–—‐]\s*\d{1,6}\b")


def _rejoined(texts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Paragraphs that go on from the one before joined to it: an editor (or a theme) split one
    reference over two <p>s. A paragraph goes on when it cannot begin a reference (it starts in
    lower case, with a page range, or after an open end such as "pp." or "In:") and shows no
    author and year at its start."""
    joined: list[tuple[str, int]] = []
    for text, number in texts:
        if joined and _goes_on(joined[-1][0], text):
            before = joined[-1][0]
            glue = "" if re.search(r"\d[-–‐]$", before) and text[:1].isdigit() else " "
            joined[-1] = (before + glue + text, joined[-1][1])
        else:
            joined.append((text, number))
    return joined


def _goes_on(before: str, after: str) -> bool:
    if _REFERENCE_START.match(after) and not _PAGE_RANGE.match(after):
        return False
    return bool(_PAGE_RANGE.match(after)) or continues(before, after)


def _line(node) -> int:
    return node.sourceline or 0


def _numbers_off(found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """"1. Smith…", "2. Jones…": list numbers are the list's, not the reference's; kept otherwise."""
    numbers = [re.match(r"\s*\[?(\d{1,4})[.)\]]\s", text) for text, _ in found]
    if len(found) < 2 or not all(numbers) or [int(m[1]) for m in numbers] != list(range(1, len(found) + 1)):
        return found
    return [(text[m.end():].strip(), line) for (text, line), m in zip(found, numbers, strict=True)]


def _lines(node) -> list[str]:
    return [text for text, _ in _lines_with_numbers(node)]


def _lines_with_numbers(node) -> list[tuple[str, int]]:
    """The element's text broken where the page breaks it (<br>, blocks), each piece with its line."""
    pieces: list[list] = [["", _line(node)]]

    def add(text: str | None, line: int | None = None) -> None:
        if line is not None:
            pieces.append(["", line])
        pieces[-1][0] += text or ""

    def walk(element, root: bool = False) -> None:
        block = isinstance(element.tag, str) and element.tag in _BLOCKS and not root
        if isinstance(element.tag, str):  # comments and processing instructions hold no page text
            add(element.text, _line(element) if block else None)
        for child in element:
            walk(child)
            add(child.tail, _line(child) if child.tail and child.tag in _BLOCKS else None)
        if block:
            pieces.append(["", _line(element)])

    walk(node, root=True)
    result = []
    for text, number in pieces:
        for offset, line in enumerate(text.split("\n")):
            result.append((" ".join(line.split()), number + offset if number else 0))
    return _blank_runs(result)


def _blank_runs(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Runs of blank pieces made one: blank lines still separate paragraphs, but only once."""
    out: list[tuple[str, int]] = []
    for text, number in lines:
        if text or (out and out[-1][0]):
            out.append((text, number))
    return out
