"""An OJS article page (saved HTML or its copied text) or a plain reference list → fields.

HTML is read with lxml's HTML parser: the page's `citation_*` and `DC.*` meta tags win, the
visible content fills the gaps. Copied text is read by its headings (Submitted, Published,
Abstract, References, ...). Nothing here writes files or parses single references.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from scholarpage.identifiers import bare_doi
from scholarpage.importer.plaintext.fields import find_date


@dataclass
class Page:
    """What a page gave: article fields (article.yml names), reference strings, and notes."""

    article: dict = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    kind: str = "article"  # "article" or "list"


_ISSUE = re.compile(r"^Vol\.?\s*(?P<volume>[\w.]+)\s*(?:No\.?\s*(?P<issue>[\w.\-/]+))?\s*\((?P<year>\d{4})\)(?::\s*(?P<label>.+))?$")  # noqa: E501 (one pattern reads best whole)
_NAV = re.compile(r"^(?:Skip to|Home|About|Current|Archives|Search|Register|Login|Announcements)\b", re.I)
_REF_NOISE = re.compile(r"^(?:View in Google Scholar|Google Scholar|CrossRef|Crossref|WorldCat|BASE|Search in .+)$", re.I)  # noqa: E501 (one pattern reads best whole)
_STOP_HEADINGS = re.compile(r"^(?:Downloads|Download data|Author Biographies?|Author Biography|License|Copyright|"
                            r"How to Cite|Most read articles|Similar Articles|Information|Make a Submission)\b", re.I)
_NUMBERED = re.compile(r"^\s*(?:\[(\d{1,5})\]|(\d{1,5})[.)])\s+(.*)$")


def read_page(text: str, *, is_html: bool) -> Page:
    return _html_page(text) if is_html else _text_page(text)


# --- copied text ---------------------------------------------------------------------------------
def _text_page(text: str) -> Page:
    lines = [line.rstrip() for line in text.splitlines()]
    stripped = [line.strip() for line in lines]
    if "References" not in stripped and not any(_ISSUE.match(s) for s in stripped):
        return Page(references=reference_list(text), kind="list")
    article: dict = {}
    _issue_and_title(stripped, article)
    _labelled_values(stripped, article)
    article["abstract"] = _section(stripped, "Abstract", re.compile(r"^(?:References|Keywords?:?|Downloads)$"))
    references = _references(stripped)
    return Page(article={k: v for k, v in article.items() if v}, references=references)


def _issue_and_title(lines: list[str], article: dict) -> None:
    for index, line in enumerate(lines):
        match = _ISSUE.match(line)
        if not match:
            continue
        article.update(volume=match["volume"], issue=match["issue"] or "", year=int(match["year"]))
        article["issue_label"] = (match["label"] or "").strip()
        before = [s for s in lines[:index] if s and not _NAV.match(s)]
        if before:
            article["section"] = before[-1]
        after = [s for s in lines[index + 1 :] if s]
        if after and not after[0].endswith(":"):
            article["title"] = after[0]
        return


def _labelled_values(lines: list[str], article: dict) -> None:
    dates = {}
    for index, line in enumerate(lines):
        value = next((s for s in lines[index + 1 : index + 3] if s), "")
        label = line.rstrip(":").lower()
        if label == "doi":
            article["doi"] = bare_doi(value)
        elif label in ("submitted", "accepted", "published"):
            dates[label] = parse_page_date(value)
        elif label.startswith("keywords"):
            inline = line.partition(":")[2].strip()
            article["keywords"] = [k.strip() for k in re.split(r"[,;]", inline or value) if k.strip()]
    if any(dates.values()):
        article["dates"] = {k: v for k, v in dates.items() if v}


def _section(lines: list[str], heading: str, stop: re.Pattern) -> str:
    if heading not in lines:
        return ""
    body = []
    for line in lines[lines.index(heading) + 1 :]:
        if stop.match(line):
            break
        body.append(line)
    paragraphs = "\n".join(body).strip().split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _references(lines: list[str]) -> list[str]:
    start = len(lines) - 1 - lines[::-1].index("References")
    items: list[str] = []
    for line in lines[start + 1 :]:
        if _STOP_HEADINGS.match(line):
            break
        if not line or _REF_NOISE.match(line):
            continue
        numbered = _NUMBERED.match(line)
        if numbered:
            items.append(numbered[3])
        elif items and not line[:1].isdigit():
            items[-1] += " " + line
        else:
            items.append(line)
    return [" ".join(item.split()) for item in items]


def reference_list(text: str) -> list[str]:
    """A plain list: numbered lines, or one reference per paragraph (or per line)."""
    lines = [line.strip() for line in text.splitlines()]
    if any(_NUMBERED.match(line) for line in lines[:5] if line):
        return _references(["References", *lines])
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paragraphs) == 1 and "\n" in text.strip():
        return [line for line in lines if line]
    return paragraphs


def parse_page_date(value: str) -> str:
    """"19-02-2026" (day-month-year, as OJS prints), "2026-02-19", "6 December 2025" → ISO."""
    value = value.strip()
    numeric = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})", value)
    try:
        if numeric:
            return dt.date(int(numeric[3]), int(numeric[2]), int(numeric[1])).isoformat()
        iso = re.fullmatch(r"(\d{4})[-/](\d{2})[-/](\d{2})", value)
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
    except ValueError:
        return ""
    date, _ = find_date(value)
    return date if len(date) == 10 else ""


# --- HTML ----------------------------------------------------------------------------------------
def _html_page(text: str) -> Page:
    document = lxml_html.document_fromstring(text)
    for node in document.xpath("//script|//style|//noscript|//template"):
        node.drop_tree()
    meta = _meta(document)
    article: dict = {}
    article["title"] = (_one(meta, "citation_title", "dc.title")
                        or _visible(document, "//h1[contains(@class,'page_title')]"))
    authors = meta.get("citation_author") or meta.get("dc.creator.personalname") or []
    article["authors"] = [_author(name) for name in authors]
    journal = {
        "title": _one(meta, "citation_journal_title", "dc.source"),
        "abbreviation": _one(meta, "citation_journal_abbrev"),
        "issn": _one(meta, "citation_issn", "dc.source.issn"),
        "publisher": _one(meta, "citation_publisher", "dc.publisher"),
    }
    article["journal"] = {k: v for k, v in journal.items() if v}
    article["volume"] = _one(meta, "citation_volume", "dc.source.volume")
    article["issue"] = _one(meta, "citation_issue", "dc.source.issue")
    date = _one(meta, "citation_date", "citation_publication_date", "dc.date.issued").replace("/", "-")
    if re.match(r"\d{4}", date):
        article["year"] = int(date[:4])
    first, last = _one(meta, "citation_firstpage"), _one(meta, "citation_lastpage")
    article["pages"] = f"{first}-{last}" if first and last else first
    article["doi"] = bare_doi(_one(meta, "citation_doi", "dc.identifier.doi"))
    article["url"] = _one(meta, "citation_abstract_html_url", "dc.identifier.uri")
    article["section"] = _one(meta, "dc.type.articletype")
    language = _one(meta, "citation_language", "dc.language")
    article["language"] = language if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", language) else ""
    keywords = meta.get("citation_keywords") or meta.get("dc.subject") or []
    article["keywords"] = [k.strip() for value in keywords for k in value.split(";") if k.strip()]
    abstract = _visible(document, "//section[contains(@class,'abstract')]") or _one(meta, "dc.description")
    article["abstract"] = re.sub(r"^Abstract\s*", "", abstract)
    dates = {"submitted": parse_page_date(_one(meta, "dc.date.datesubmitted")),
             "published": parse_page_date(date)}
    article["dates"] = {k: v for k, v in dates.items() if v}
    article["pdf"] = ""
    references = meta.get("citation_reference") or _html_references(document)
    return Page(article={k: v for k, v in article.items() if v}, references=[" ".join(r.split()) for r in references])


def _meta(document) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for node in document.xpath("//meta[@name and @content]"):
        values.setdefault(node.get("name").strip().lower(), []).append(node.get("content").strip())
    return values


def _one(meta: dict[str, list[str]], *names: str) -> str:
    return next((meta[name][0] for name in names if meta.get(name) and meta[name][0]), "")


def _visible(document, xpath: str) -> str:
    nodes = document.xpath(xpath)
    return " ".join(nodes[0].text_content().split()) if nodes else ""


def _author(name: str) -> dict:
    if "," in name:
        family, _, given = name.partition(",")
    else:
        given, _, family = name.strip().rpartition(" ")
    return {"given": given.strip(), "family": family.strip()} if given.strip() else {"family": family.strip()}


def _html_references(document) -> list[str]:
    nodes = document.xpath("//section[contains(@class,'references')]//div[contains(@class,'value')]")
    if not nodes:
        return []
    paragraphs = nodes[0].xpath(".//p|.//li")
    texts = [" ".join(p.text_content().split()) for p in paragraphs] or nodes[0].text_content().splitlines()
    cleaned = [_REF_NOISE.sub("", re.sub(r"\s*View in Google Scholar\s*$", "", t)).strip() for t in texts]
    return [t for t in cleaned if t]
