"""Pagefind's index of the built site, written at the end of every build (issue 15).

Pagefind's command line (the binary of the pinned `pagefind[bin]`, found by
`pagefind_bin.get_executable()`) indexes a staging folder into `site/pagefind/`:

- the hand-written pages, as they were built, without what a reader would not search for
  (permalink signs, buttons);
- the article page as records: its title (with the authors and journal line) and its
  abstract read from the built page, and its references as the render showed them, ten to a
  staged page (more on a list of over 2,000: at most 200 staged pages an article), each under
  its own `<h3 id="ref-N">`, which Pagefind returns as a sub-result and the search box
  (search.js) shows as a result of its own. Each staged page's `url` metadata is its address
  on the site.

Pagefind writes a file (a fragment) per staged page, and creating a file costs about a
millisecond on a busy disk: ten to a page, Pagefind writes a tenth of the files it would for
one page per reference (a third of the index time at 1,000 references), and the first query
loads a small list of pages; a result's fragment is ten references, about 1 KB. On longer
lists the 200-page cap keeps the files few (230 instead of 1,031 at 10,000 references, half
the index time there) for a fragment of 50 references, about 2 KB.

Each record's content is its text plus a few search words a reader may type instead:
the DOI when the text does not print it, the letters Unicode does not decompose spelled
plainly ("Łódź" also as "lodz", "Đỗ" as "do", "Straße" as "strasse"), and Chinese and
Japanese text one character a word, which the search box asks for in the same way.
Pagefind itself folds the accents that Unicode decomposes (Więź, Chứng khoán), and ranks a
match with the accents as typed first.
"""

from __future__ import annotations

from collections.abc import Sequence

import os
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pagefind_bin
from lxml import html as lxml_html

from scholarpage.model import Reference
from scholarpage.render.labels import words

OUTPUT = "pagefind"
UNUSED = ("pagefind-worker.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
          "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
RECORDS = "_scholarpage-search"  # the staged records' folder; their links are in their `url` metadata
REFERENCES_A_PAGE = 10  # at least; more on long lists, so that an article has at most MAX_REFERENCE_PAGES
MAX_REFERENCE_PAGES = 200
# Kept out of the index of the hand-written pages: permalink signs, buttons, "Edit" links.
EXCLUDE = (".headerlink", "button", ".md-source-file", "[data-pagefind-ignore]")
# Letters that Unicode does not decompose into a base letter and an accent, spelled plainly.
PLAIN = str.maketrans({
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ẞ": "SS",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H",
    "ŧ": "t", "Ŧ": "T", "ŀ": "l", "Ŀ": "L", "ĸ": "k", "ŋ": "ng", "Ŋ": "Ng", "ſ": "s",
})
_UNDECOMPOSED = re.compile("[" + "".join(chr(code) for code in PLAIN) + "]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_WORD = re.compile(r"\w+")
_DOI = re.compile(r"\b10\.\d{4,9}/\S+")
_LEFT_OUT = ('.//*[@data-search-exclude or @data-pagefind-ignore or self::dt or self::button'
             ' or contains(@class, "sp-downloads") or contains(@class, "headerlink")]')
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class IndexReport:
    pages: int
    records: int
    seconds: float
    processor_seconds: float  # this process's and Pagefind's, which a busy machine does not inflate


def plain(word: str) -> str:
    """`word` lowercased without accents, as a reader types it on a plain keyboard: "Łódź" → "lodz"."""
    decomposed = unicodedata.normalize("NFKD", word.translate(PLAIN))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def doi_word(doi: str) -> str:
    """A DOI as one indexed word, its letters and digits only: "10.1016/J.X-1" → "101016jx1".

    Pagefind would split a DOI at its dots, slashes and dashes into common numbers; the search
    box turns a DOI typed or pasted into this same word."""
    return re.sub(r"[^0-9a-z]", "", doi.lower())


def search_words(text: str, dois: tuple[str, ...] = ()) -> str:
    """Words to index besides `text`: each DOI in it (or in `dois`) as one word, plain spellings
    of words whose letters Unicode does not decompose, and Chinese and Japanese characters one
    a word."""
    found = (match.rstrip(".,;:)]}»”’") for match in _DOI.findall(text))
    words = dict.fromkeys(doi_word(doi) for doi in (*dois, *found))
    if _UNDECOMPOSED.search(text):
        words.update(dict.fromkeys(plain(word) for word in _WORD.findall(text) if _UNDECOMPOSED.search(word)))
    words.update(dict.fromkeys(_CJK.findall(text)))
    return " ".join(words)


def _text(element) -> str:
    """The element's text as shown, without permalink signs."""
    signs = "".join(link.text_content() for link in element.xpath('.//a[contains(@class, "headerlink")]'))
    text = element.text_content()
    return _SPACE.sub(" ", text.removesuffix(signs) if signs else text).strip()


def _record(url: str, text: str, kind: str, title: str, doi: str = "") -> dict:
    """A record: the text as shown, and its words: the DOI if the text does not print it, then
    the search words."""
    shown = doi if doi and doi.lower() not in text.lower() else ""
    words = " ".join(part for part in (shown, search_words(text, (doi,) if doi else ())) if part)
    return {"url": url, "content": f"{text} {words}".strip(), "text": text, "words": words,
            "title": title, "kind": kind}


def article_records(page_html: str, references: Sequence[tuple[str, Reference, str]], page_path: str
                    ) -> list[dict]:
    """The article page as records: its title, its abstract and each reference, in page order.

    `references` are each reference's anchor, the reference and its text as shown, from the
    render (article_page.shown_references): reading 10,000 of them back from the built page
    took half a second. The title and the abstract are read from the built page, up to the
    reference list, which is the page's last part."""
    end = page_html.rfind('<ol class="sp-reflist"')
    root = lxml_html.fromstring(page_html[:end] if end > 0 else page_html)
    page_url = "/" + page_path
    records = []
    # The title's record: the page's head (title, authors) and its facts (journal, issue, DOI,
    # dates), without labels, downloads or anything marked to be left out of search.
    found = root.xpath('//header[contains(@class, "sp-head")] | //section[contains(@class, "sp-info")]')
    blocks = [deepcopy(block) for block in found]
    for block in blocks:
        for left_out in block.xpath(_LEFT_OUT):
            left_out.drop_tree()
    title = [heading for block in found if block.tag == "header"
             for heading in block.xpath('.//*[@id="article-title"]')]
    if title:
        text = " ".join(_text(block) for block in blocks)
        records.append(_record(f"{page_url}#article-title", text, "title", _text(title[0])))
    for abstract in root.xpath('//div[contains(@class, "sp-abstract")]')[:1]:
        heading = abstract.xpath("preceding-sibling::h2[@id][1]")
        anchor, title = (heading[0].get("id"), _text(heading[0])) if heading else ("abstract", "Abstract")
        records.append(_record(f"{page_url}#{anchor}", _text(abstract), "abstract", title))
    for anchor, reference, text in references:
        records.append(_record(f"{page_url}#{anchor}", text, "reference", text, reference.doi))
    return records


def build_index(site: Path, articles: Sequence[tuple[str, Sequence[tuple[str, Reference, str]]]], language: str
                ) -> IndexReport:
    """Index the built site in `site` into `site/pagefind/`. `articles` are the article pages
    (URL path under the site root, "" at the root, and their references as shown, see
    article_records): each is indexed as records; every other page as built."""
    start, processor = time.perf_counter(), _processor_seconds()
    records_by_page, article_files = [], set()
    for page_path, references in articles:
        article = site / page_path / "index.html"
        if article.is_file():
            article_files.add(article)
            records_by_page.append((page_path, article_records(article.read_text("utf-8"), references, page_path)))
    pages = [path.relative_to(site) for path in sorted(site.rglob("*.html"))
             if path not in article_files and path.name != "404.html" and path.relative_to(site).parts[0] != OUTPUT]
    with tempfile.TemporaryDirectory(prefix="scholarpage-search-", dir=_scratch()) as folder:
        staging = Path(folder)
        for page in pages:
            (staging / page).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / page, staging / page)
        records_folder = staging / RECORDS
        records_folder.mkdir(parents=True, exist_ok=True)
        number = 0
        for page_path, records in records_by_page:
            for html in staged_pages(records, language, "/" + page_path):
                number += 1
                (records_folder / f"{number}.html").write_text(html, encoding="utf-8")
        _write(staging, site / OUTPUT, language)
    count = sum(len(records) for _, records in records_by_page)
    return IndexReport(len(pages) + len(records_by_page), count, time.perf_counter() - start,
                       _processor_seconds() - processor)


def _processor_seconds() -> float:
    """Processor time of this process and of the processes it has waited for (Pagefind; on
    Windows, where the system does not count them, this process's only)."""
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


def references_a_page(count: int) -> int:
    """How many of an article's `count` references go to one staged page: ten, or as many as
    keep the article to MAX_REFERENCE_PAGES pages (50 a page at 10,000 references)."""
    return max(REFERENCES_A_PAGE, -(-count // MAX_REFERENCE_PAGES))


def staged_pages(records: list[dict], language: str, page_url: str) -> list[str]:
    """The records as the HTML pages Pagefind indexes: the title and the abstract a page each,
    the references ten to a page (more on long lists), each under its own `<h3 id="ref-N">`
    (Pagefind's sub-result, which the search box shows as a result of its own)."""
    references = [record for record in records if record["kind"] == "reference"]
    pages = [record_html(record, language) for record in records if record["kind"] != "reference"]
    size = references_a_page(len(references))
    for start in range(0, len(references), size):
        pages.append(references_html(references[start:start + size], language, page_url))
    return pages


def _scratch() -> str | None:
    """Where to stage the records: memory (/dev/shm) where the system has it, since creating
    10,000 small files there takes a sixth of the time it takes on disk; else the temp folder."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _page(language: str, title: str, kind: str, url: str, body: str) -> str:
    meta = "".join(f'<span data-pagefind-meta="{name}[data-value]" data-value="{escape(value)}"></span>'
                   for name, value in (("title", title), ("kind", kind), ("url", url)))
    return (f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8"><title></title></head>'
            f"<body><article>{meta}{body}</article></body></html>")


def record_html(record: dict, language: str) -> str:
    """A record as the small HTML page Pagefind indexes: its text, and as metadata its title,
    its kind and its address on the site (`url`, which the search box links to)."""
    return _page(language, record["title"], record["kind"], record["url"], f"<p>{escape(record['content'])}</p>")


def references_html(records: list[dict], language: str, page_url: str) -> str:
    """References as one page for Pagefind: each its text in an `<h3>` with its anchor, then its
    search words."""
    body = "".join(f'<h3 id="{escape(record["url"].rsplit("#", 1)[1])}">{escape(record["text"])}</h3>'
                   f'<p>{escape(record["words"])}</p>' for record in records)
    return _page(language, words(language)["references"], "references", page_url, body)


def _write(staging: Path, output: Path, language: str) -> None:
    """Pagefind's command line, run to its end: its Python API ends the indexing process once
    it has answered, and on a busy machine that cut written files short (pagefind.js at
    32 KB), and it waits a tenth of a second for each answer. The binary is run itself, as
    `python -m pagefind` would run it after starting a second Python (0.1–0.2 s a build)."""
    shutil.rmtree(output, ignore_errors=True)  # an index left by an earlier (dirty) build
    command = [str(pagefind_bin.get_executable()), "--site", str(staging), "--output-path", str(output),
               "--root-selector", "article", "--force-language", language, "--silent"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        raise RuntimeError((result.stderr or result.stdout).strip() or f"exit status {result.returncode}")
    # Pagefind also writes its own ready-made search interfaces, and its web worker, which the
    # search box (search.js) turns off; they would only be dead weight in the published site.
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)


# --- The MkDocs side: which builds get a search, and its two small files -----------------------

ASSETS = ("search.css", "search.js")
MATERIAL_SEARCH = ("search", "material/search")


def material_search_listed(plugins) -> bool:
    """Whether the site's mkdocs.yml still lists Material's own (lunr) search plugin."""
    return any(name in plugins for name in MATERIAL_SEARCH)
