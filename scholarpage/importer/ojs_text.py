"""The copied text of an OJS article page (from a browser, or converted to Markdown) → a Page.

Copied text has no tags, only the interface's words, in whichever language and theme the
journal uses: the reader finds the parts by those labels (`page_labels`), the issue by its
printed form ("Vol. 60 No. 1 (2026)"), and the title as the line after the issue that is no
breadcrumb, confirmed by the "How to Cite" text when the page has one.
"""

from __future__ import annotations

import re

from scholarpage.importer.ojs_page import Page, bare_doi, list_page, parse_page_date, person, read_issue
from scholarpage.importer.page_labels import (DATE_LABELS, KEYWORDS, is_abstract_heading, is_references_heading,
                                              is_stop_heading, label_of)
from scholarpage.importer.reference_lines import entries

_CITE = {s.casefold() for s in ("How to Cite", "Cómo citar", "Como Citar", "Jak cytować", "Zitationsvorschlag",
                                "Comment citer", "Come citare", "Как цитировать", "Cách trích dẫn", "Cara Mengutip",
                                "Atıf Biçimi")}
_SECTION = {s.casefold() for s in ("Section", "Sección", "Seção", "Dział", "Rubrik", "Rubrique", "Sezione", "Раздел",
                                   "Chuyên mục", "Bagian")}
_AUTHORS = {s.casefold() for s in ("Authors", "Author", "Autores", "Autor", "Autorzy", "Autoren", "Auteurs", "Auteur",
                                   "Autori", "Авторы", "Автор", "Tác giả", "Penulis", "Yazarlar",
                                   # OJS's own `article.authors` where it differs (es_ES, ca_ES, fr_CA).
                                   "Autores/as", "Autors/ores", "Auteurs-es", "Autor/innen")}
_NAV = re.compile(r"^(?:Skip to|Home|About|Current|Archives|Search|Register|Login|Announcements|Open Menu)\b", re.I)


def text_page(text: str) -> Page:
    lines, heading = _plain_lines(text)
    stripped = [line.strip() for line in lines]
    refs_at = next((i for i in range(len(stripped) - 1, -1, -1) if is_references_heading(stripped[i])), None)
    head_end = next((i for i, s in enumerate(stripped) if is_abstract_heading(s)), refs_at or len(stripped))
    issue_at = next((i for i in range(min(head_end, 300)) if _issue_in(stripped[i])[0]), None)  # in the page's head
    if issue_at is None and not heading and not any(is_abstract_heading(s) for s in stripped):
        return _list_after(lines, refs_at) if refs_at is not None else list_page(text)
    article: dict = {}
    if issue_at is not None:
        article.update(_issue_in(stripped[issue_at])[0])
    article["section"] = _section(stripped, issue_at)
    cite = _cite_text(stripped)
    article["title"] = heading or _title(stripped[:head_end], issue_at, cite)
    article["authors"] = _authors(stripped[:head_end], cite)
    article["journal"] = {"title": _journal(stripped, article["title"], cite)}
    refs_end = _section_end(stripped, refs_at) if refs_at is not None else refs_at
    _labelled_values(stripped[:refs_at] + stripped[refs_end:] if refs_at is not None else stripped, article)
    article["abstract"] = _abstract(stripped)
    for name, value in _from_citation(cite, article["title"]).items():
        article.setdefault(name, value)  # what the page labels wins over what its citation prints
    if "year" not in article and article.get("dates", {}).get("published"):
        article["year"] = int(article["dates"]["published"][:4])
    page = _list_after(lines, refs_at) if refs_at is not None else Page()
    article["journal"] = {k: v for k, v in article["journal"].items() if v}
    return Page(article={k: v for k, v in article.items() if v}, references=page.references, lines=page.lines)


def _plain_lines(text: str) -> tuple[list[str], str]:
    """The text's lines with Markdown's marks taken off (when it is Markdown), and its `# ` title."""
    text = re.sub(r"\A---\n.*?\n---\n", lambda m: "\n" * m[0].count("\n"), text, flags=re.S)
    if len(re.findall(r"\]\((?:https?:)?/", text[:20000])) < 3:
        return text.splitlines(), ""
    lines, heading = [], ""
    for line in text.splitlines():
        if not heading and re.match(r"#\s+\S", line):
            heading = " ".join(line[1:].split())
        line = re.sub(r"!\[[^\]\n]*\]\([^)\n]*\)", "", line)
        line = re.sub(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)", r"\1", line)
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        line = re.sub(r"^\s*[*+-]\s{1,4}(?=\S)", "", line).replace("**", "")
        line = re.sub(r"(?<![\w*])([*_])(\S|\S[^*_\n]*?\S)\1(?![\w*])", r"\2", line)  # *emphasis*, _emphasis_
        lines.append(line)
    return lines, heading


def _section_end(lines: list[str], heading_at: int) -> int:
    return next((i for i in range(heading_at + 1, len(lines)) if is_stop_heading(lines[i].strip())), len(lines))


def _list_after(lines: list[str], heading_at: int) -> Page:
    """The references after their heading, up to the next heading that ends them."""
    end = _section_end(lines, heading_at)
    found = entries(lines[heading_at + 1 : end], first_line=heading_at + 2)
    return Page(references=[e.text for e in found], lines=[e.line for e in found], kind="list")


def _issue_in(line: str) -> tuple[dict, str]:
    """The issue a line names, alone or as a breadcrumb ("Home / Archives / Vol. 1 No. 2 (2020) / Articles"),
    and the crumb after it (the section)."""
    if len(line) > 200:
        return {}, ""
    crumbs = [_crumb(part) for part in _crumb(line).split(" / ")]
    for index, crumb in enumerate(crumbs):
        found = read_issue(crumb, whole_line=True)
        if found:
            return found, crumbs[index + 1] if index + 1 < len(crumbs) else ""
    return {}, ""


def _crumb(line: str) -> str:
    """A breadcrumb item's text: "3.  Vol. 13 No. 2s (2025) /" → "Vol. 13 No. 2s (2025)"."""
    return re.sub(r"^\s*\d{1,2}\.\s+", "", line).strip().rstrip("/").strip()


def _section(lines: list[str], issue_at: int | None) -> str:
    for index, line in enumerate(lines[:-1]):
        if label_of(line) in _SECTION:
            return _next_value(lines, index)
    if issue_at is None:
        return ""
    if _issue_in(lines[issue_at])[1]:
        return _issue_in(lines[issue_at])[1]
    if lines[issue_at].endswith("/"):
        after = next((s for s in lines[issue_at + 1 : issue_at + 3] if s), "")
        return _crumb(after) if len(after.split()) <= 4 else ""
    before = [s for s in lines[:issue_at] if s and not _NAV.match(s)]
    return before[-1] if before and len(before[-1].split()) <= 4 else ""


def _title(lines: list[str], issue_at: int | None, cite: str) -> str:
    """The first line after the issue that the How to Cite text holds, else its first long line."""
    start, end = (issue_at + 1, issue_at + 12) if issue_at is not None else (0, len(lines))
    candidates = [s for s in lines[start:end] if s and not s.endswith("/") and not s.endswith(":")]
    plain = _squash(cite)
    confirmed = [s for s in candidates if len(s.split()) > 1 and _squash(s) in plain]
    if plain and confirmed:
        return confirmed[0]
    if issue_at is None:
        return ""
    long = [s for s in candidates[:4] if len(s.split()) > 3]
    return (long or candidates or [""])[0]


def _authors(lines: list[str], cite: str) -> list[dict]:
    """The names under an "Authors" label that the How to Cite text also names (affiliations it does not)."""
    start = next((i for i, s in enumerate(lines) if label_of(s) in _AUTHORS), None)
    if start is None or not cite:
        return []
    found = []
    for line in lines[start + 1 : start + 40]:
        if is_stop_heading(line) or is_abstract_heading(line) or label_of(line.partition(":")[0]) == "doi":
            break
        words = line.split()
        if 1 < len(words) <= 6 and not re.search(r"\d", line) and re.search(rf"\b{re.escape(words[-1])}\b", cite):
            found.append(person(line))
    return found


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _cite_text(lines: list[str]) -> str:
    for index, line in enumerate(lines):
        if label_of(line) in _CITE:
            return _next_value(lines, index)
    return ""


def _journal(lines: list[str], title: str, cite: str) -> str:
    """The journal's name: from a "Title | Journal" page-title line, else from the How to Cite text."""
    for line in lines[:5]:
        name, bar, journal = line.rpartition(" | ")
        if bar and title and _squash(name) == _squash(title):
            return journal.strip()
    at = cite.find(title) if title else -1
    if at < 0:
        return ""
    match = re.match(r"[\s.?!\"”’]*_?([^_,.]+?)_?,\s*_?\d", cite[at + len(title):])
    return match[1].strip() if match else ""


def _from_citation(cite: str, title: str) -> dict:
    """Pages and DOI as the page's own "How to Cite" prints them after the title."""
    at = cite.find(title) if title else -1
    rest = cite[at + len(title):] if at >= 0 else ""
    found = {}
    pages = re.search(r"\)?,\s*(\d{1,6}\s*[-–]\s*\d{1,6})\.", rest)
    if pages:
        found["pages"] = pages[1].replace(" ", "")
    doi = re.search(r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)(10\.\d{4,9}/\S+?)\.?(?:\s|$)", rest, re.I)
    if doi:
        found["doi"] = doi[1]
    return found


def _next_value(lines: list[str], index: int) -> str:
    inline = lines[index].partition(":")[2].strip()
    return inline or next((s for s in lines[index + 1 : index + 4] if s), "")


def _labelled_values(lines: list[str], article: dict) -> None:
    dates: dict[str, str] = {}
    for index, line in enumerate(lines):
        label = label_of(line.partition(":")[0] if ":" in line[:30] and not line.lower().startswith("http") else line)
        if label == "doi" and "doi" not in article:
            article["doi"] = bare_doi(_next_value(lines, index))
        elif label in DATE_LABELS and DATE_LABELS[label] not in dates:
            dates[DATE_LABELS[label]] = parse_page_date(_next_value(lines, index))
        elif label in KEYWORDS and "keywords" not in article:
            value = _next_value(lines, index)
            article["keywords"] = [k.strip() for k in re.split(r"[,;]", value) if k.strip()]
    if any(dates.values()):
        article["dates"] = {k: dates[k] for k in ("submitted", "accepted", "published") if dates.get(k)}


def _abstract(lines: list[str]) -> str:
    start = next((i for i, s in enumerate(lines) if is_abstract_heading(s)), None)
    if start is None:
        return ""
    body = []
    for line in lines[start + 1 :]:
        if is_stop_heading(line) or is_abstract_heading(line):
            break
        body.append(line)
    paragraphs = "\n".join(body).strip().split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
