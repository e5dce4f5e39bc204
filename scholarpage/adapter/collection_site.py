"""Collection mode: a journal's sources → the files of its site, for the plugin to hand MkDocs.

Kept apart from plugin.py so that the plugin's events stay short: this module decides what
pages and files a journal's site has and what each page's head holds; plugin.py only passes
them to MkDocs.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files
from mkdocs.structure.pages import Page

from scholarpage.metadata.crawl import last_modified
from scholarpage.metadata.downloads import (ARTICLE_FILES, REFERENCE_FILES, article_reference, downloads, to_bibtex,
                                            to_csl_json, to_ris, with_distinct_keys)
from scholarpage.metadata.feeds import atom_feed
from scholarpage.metadata.head_tags import head_html
from scholarpage.metadata.jsonld import jsonld_script
from scholarpage.metadata.periodical import journal_home, publication_issue
from scholarpage.model import Collection, PublishedArticle, Reference
from scholarpage.render import journal_pages as pages
from scholarpage.render.article_page import article_page, shown_references
from scholarpage.render.bibliography import CITE_STYLES, Store, format_many, style_digest
from scholarpage.render.escaping import Markup, json_script
from scholarpage.render.in_text import CitationExtension, cited_keys


@dataclass
class SitePlan:
    """Everything the plugin adds to a journal's site."""

    markdown: dict[str, str] = field(default_factory=dict)  # page → Markdown
    listed: set[str] = field(default_factory=set)  # pages in the site's navigation
    files: dict[str, str] = field(default_factory=dict)  # file → text
    copies: dict[str, str] = field(default_factory=dict)  # file → path of the source to copy (PDFs)
    heads: dict[str, Markup] = field(default_factory=dict)  # page → head tags
    articles: dict[str, PublishedArticle] = field(default_factory=dict)  # page → its article


def plan_site(collection: Collection, site_url: str, style: str, root_folder: str,
              store: Store | None = None, cite_styles: Mapping[str, str] = CITE_STYLES,
              processes: int = 0, interface_language: str = "en") -> SitePlan:
    """`site_url` is the site's absolute URL or ""; `root_folder` holds the article folders;
    `store` keeps formatted citations between builds; `cite_styles` are the "Cite this
    article" tabs; the pages' own words are in `interface_language` (`theme.language`)."""
    plan = SitePlan()

    def absolute(path: str) -> str:
        return site_url.rstrip("/") + "/" + path if site_url else ""

    format_many(_formatting_jobs(collection, style, absolute, cite_styles), store, processes)
    # What an article's files depend on besides the article: the styles, their files' contents included.
    styles = (style, style_digest(style),
              tuple((label, name, style_digest(name)) for label, name in cite_styles.items()))
    for entry in collection.articles:
        _plan_article(plan, collection, entry, absolute, styles, root_folder, store, cite_styles, interface_language)
    for issue in collection.issues:
        page = pages.issue_path(issue)
        folder = pages.url_path(page)
        plan.markdown[page] = pages.issue_page(collection, issue, interface_language)
        urls = [absolute(pages.url_path(pages.article_path(e))) or pages.relative(page, pages.article_path(e))
                for e in issue.articles]
        plan.heads[page] = json_script(publication_issue(issue, collection.journal, urls, absolute("")))
        cited = with_distinct_keys([article_reference(e.article, absolute(pages.url_path(pages.article_path(e))))
                                    for e in issue.articles])
        for writer, ext in ((to_bibtex, "bib"), (to_ris, "ris"), (to_csl_json, "json")):
            plan.files[folder + pages.ISSUE_FILES[ext]] = writer(cited)
        title = f"{collection.journal.title}: {issue.label}"
        plan.files[folder + pages.FEED] = _feed(collection, issue.articles, title, folder + pages.FEED, page, absolute)
    plan.markdown[pages.HOME] = pages.home_page(collection, interface_language)
    issue_urls = [absolute(pages.url_path(pages.issue_path(i))) or pages.relative(pages.HOME, pages.issue_path(i))
                  for i in collection.issues]
    plan.heads[pages.HOME] = json_script(journal_home(collection, issue_urls, absolute("")))
    plan.markdown[pages.ARCHIVE] = pages.archive_page(collection, interface_language)
    plan.markdown[pages.AUTHORS] = pages.authors_page(collection, interface_language)
    plan.listed |= {pages.HOME, pages.ARCHIVE, pages.AUTHORS}
    plan.files[pages.FEED] = _feed(collection, collection.articles[:50], collection.journal.title, pages.FEED,
                                   pages.HOME, absolute)
    return plan


def addresses(collection: Collection) -> list[str]:
    """Every page and file the journal's site is given, by its path under docs_dir, known
    before any is made: checked against hand-written files before MkDocs empties site_dir."""
    paths = [pages.HOME, pages.ARCHIVE, pages.AUTHORS, pages.FEED]
    for issue in collection.issues:
        folder = pages.url_path(pages.issue_path(issue))
        paths += [pages.issue_path(issue), folder + pages.FEED, *(folder + name for name in pages.ISSUE_FILES.values())]
    for entry in collection.articles:
        folder = pages.url_path(pages.article_path(entry))
        names = [*ARTICLE_FILES.values(), *(REFERENCE_FILES.values() if entry.references else ()),
                 *([entry.pdf] if entry.pdf else [])]
        paths += [pages.article_path(entry), *(folder + name for name in names)]
    return paths


def _formatting_jobs(collection: Collection, style: str, absolute, cite_styles: Mapping[str, str]
                     ) -> list[tuple[tuple[Reference, ...], str]]:
    """Every list the articles' pages format: their references without printed text, and each
    article's own citation in the "Cite this article" styles."""
    jobs = []
    for entry in collection.articles:
        jobs.append((tuple(r for r in entry.references if not r.text), style))
        own = article_reference(entry.article, absolute(pages.url_path(pages.article_path(entry))))
        jobs += [((own,), cite_style) for cite_style in cite_styles.values()]
    return jobs


def _plan_article(plan: SitePlan, collection: Collection, entry: PublishedArticle, absolute, styles: tuple,
                  root_folder: str, store: Store | None, cite_styles: Mapping[str, str],
                  interface_language: str) -> None:
    page = pages.article_path(entry)
    folder = pages.url_path(page)
    issue = next(issue for issue in collection.issues if entry in issue.articles)
    made = _article_files(entry, absolute(folder), absolute(folder + entry.pdf) if entry.pdf else "",
                          pages.relative(page, pages.HOME), pages.relative(page, pages.issue_path(issue)),
                          (collection.journal.languages or ("en",))[0], styles, cite_styles, store, interface_language)
    plan.markdown[page] = made.markdown
    plan.articles[page] = entry
    plan.heads[page] = made.head
    for name, content in made.downloads.items():
        plan.files[folder + name] = content
    if entry.pdf:
        plan.copies[folder + entry.pdf] = f"{root_folder}/{entry.slug}/{entry.pdf}"


@dataclass(frozen=True)
class ArticleFiles:
    """What one article adds to the site: its page's Markdown, its head tags, its downloads."""

    markdown: str
    head: Markup
    downloads: Mapping[str, str]


#: `mkdocs serve` builds the whole journal again on every save. An article whose sources, address,
#: links and styles are as they were gets the files it got last time: after an edit, only the
#: edited article's page is made again. Kept in memory only, for as many articles as a large journal has.
_MADE: OrderedDict[tuple, ArticleFiles] = OrderedDict()
_MAKE_AT_MOST = 4096


def _article_files(entry: PublishedArticle, page_url: str, pdf_url: str, journal_href: str, issue_href: str,
                   language: str, styles: tuple, cite_styles: Mapping[str, str], store: Store | None,
                   interface_language: str) -> ArticleFiles:
    """The article's files, made, or as made before from the same inputs. `styles`: the list's
    style, the Cite-this styles and their files' digests (a house style edited in `mkdocs serve`
    makes every page again)."""
    style = styles[0]
    key = (entry, page_url, pdf_url, journal_href, issue_href, language, styles, interface_language)
    made = _MADE.get(key)
    if made is None:
        markdown = article_page(entry.article, entry.references, page_url=page_url, style=style, body=entry.body,
                                journal_href=journal_href, issue_href=issue_href, store=store,
                                site_language=language, cite_styles=cite_styles,
                                interface_language=interface_language)
        head = head_html(entry.article, entry.references, page_url=page_url, pdf_url=pdf_url,
                         jsonld=jsonld_script(entry.article, entry.references, page_url=page_url))
        made = _MADE[key] = ArticleFiles(markdown, head, downloads(entry.article, entry.references, page_url))
        while len(_MADE) > _MAKE_AT_MOST:
            _MADE.popitem(last=False)
    _MADE.move_to_end(key)
    return made


def _feed(collection: Collection, entries, title: str, feed_path: str, home_page: str, absolute) -> str:
    def link(page: str) -> str:
        return absolute(pages.url_path(page)) or pages.relative(feed_path, page)
    pairs = [(entry, link(pages.article_path(entry))) for entry in entries]
    return atom_feed(collection.journal, title, pairs, feed_url=absolute(feed_path) or feed_path.rsplit("/", 1)[-1],
                     home_url=link(home_page), feed_id=feed_path)


class JournalSite:
    """The plugin's work in collection mode, event by event (plugin.py calls these)."""

    def __init__(self, collection: Collection, root: Path, articles_folder: str, style: str,
                 store: Store | None = None, cite_styles: Mapping[str, str] = CITE_STYLES,
                 processes: int = 0, journal_file: str = "journal.yml", issues_file: str = "issues.yml") -> None:
        self.collection, self.root, self.articles_folder, self.style = collection, root, articles_folder, style
        self.store, self.cite_styles, self.processes = store, cite_styles, processes
        self.journal_file, self.issues_file = journal_file, issues_file
        self.plan = SitePlan()

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        self.plan = plan_site(self.collection, config.site_url or "", self.style,
                              str(self.root / self.articles_folder), self.store, self.cite_styles, self.processes,
                              config.theme.get("language") or "en")
        for page, markdown in self.plan.markdown.items():
            level = InclusionLevel.UNDEFINED if page in self.plan.listed else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page, content=markdown, inclusion=level))
        for name, content in self.plan.files.items():
            files.append(File.generated(config, name, content=content))
        for name, source in self.plan.copies.items():
            files.append(File.generated(config, name, abs_src_path=source))
        return files

    def refuse_files_in_the_way(self, config: MkDocsConfig) -> None:
        """A hand-written file that would be written where a generated one goes (docs/issues.md,
        docs/issues/index.md or docs/issues/README.md where the archive goes) would silently
        replace it, or be replaced. Checked in on_config: a build this stops leaves the last site."""
        generated = {File.generated(config, path, content="").dest_uri: path for path in addresses(self.collection)}
        docs = Path(config.docs_dir).name
        problems = [f"{docs}/{file.src_uri}: the journal's site generates {generated[file.dest_uri]} at this "
                    "address; rename or remove this file" for file in get_files(config)
                    if not file.inclusion.is_excluded() and file.dest_uri in generated]
        if problems:
            raise PluginError("\n".join(problems))

    def refuse_unknown_citations(self) -> None:
        """Under --strict, a `[@key]` in an article's body.md for none of its references stops
        the build, located in body.md, before MkDocs empties site_dir."""
        problems = []
        for entry in self.collection.articles:
            keys = {reference.key for reference in entry.references}
            problems += [f"{self.articles_folder}/{entry.slug}/body.md:{line}: citation key '{key}' is not in "
                         f"{self.articles_folder}/{entry.slug}/references.bib" for line, key in cited_keys(entry.body)
                         if key not in keys]
        if problems:
            raise PluginError("\n".join(problems))

    def page_markdown(self, page: Page, citations: CitationExtension) -> None:
        """The page's head tags, and in-text citations resolved against its own article."""
        head = self.plan.heads.get(page.file.src_uri)
        if head:
            page.meta["scholarpage_head"] = str(head)
        entry = self.plan.articles.get(page.file.src_uri)
        references = entry.references if entry else ()
        citations.numbers = {ref.key: number for number, ref in enumerate(references, start=1)}
        citations.tooltips = {ref.key: ref.text or ref.title for ref in references}
        citations.article_page = page.file.src_uri
        citations.source = f"{self.articles_folder}/{entry.slug}/body.md" if entry else ""

    def update_date(self, page: Page) -> str:
        """An article page's sitemap date is its publication date; other pages have none."""
        entry = self.plan.articles.get(page.file.src_uri)
        return last_modified(entry.article, page.update_date) if entry else ""

    def is_article(self, page: Page) -> bool:
        return page.file.src_uri in self.plan.articles

    def article_pages(self) -> list[tuple[str, list[tuple[str, Reference, str]]]]:
        """Each article page's URL path and references as shown (for the search index)."""
        return [(pages.url_path(page), shown_references(entry.references, self.style, self.store))
                for page, entry in self.plan.articles.items()]

    def sources(self) -> list[Path]:
        return [self.root / self.journal_file, self.root / self.issues_file, self.root / self.articles_folder]
