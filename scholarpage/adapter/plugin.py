"""The MkDocs adapter: load the sources, generate the article page, watch the sources."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import markupsafe
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from scholarpage.sources.reading import load_sources
from scholarpage.render.site_assets import NAMES as ASSET_NAMES
from scholarpage.render.site_assets import asset
from scholarpage.render.bibliography import CITE_STYLES, DEFAULT_STYLE, StyleError, check_style
from scholarpage.render.in_text import CitationExtension, cited_keys
from scholarpage.metadata.crawl import last_modified, robots_txt
from scholarpage.adapter.build_cache import SignedBytecodeCache, SignedStore, user_key
from scholarpage.errors import SourceError
from scholarpage.metadata.downloads import downloads
from scholarpage.metadata.jsonld import jsonld_script
from scholarpage.metadata.head_tags import head_html
from scholarpage.render.article_page import ARTICLE_PAGE, article_page, shown_references
from scholarpage.render.labels import words
from scholarpage.metadata.gaps import Site, readiness
from scholarpage.adapter import search_index

if TYPE_CHECKING:
    from scholarpage.adapter.collection_site import JournalSite

log = logging.getLogger("mkdocs.plugins.scholarpage")
THEME = Path(__file__).parent / "theme"


class ScholarPageConfig(Config):
    article = c.Type(str, default="article.yml")
    references = c.Type(str, default="references.bib")
    style = c.Type(str, default=DEFAULT_STYLE)
    # "Cite this article": tab label → CSL style id or .csl file, in tab order; {} for none.
    cite_styles = c.Type(dict, default=dict(CITE_STYLES))
    page = c.Type(str, default=ARTICLE_PAGE)
    # Compiled theme templates kept between builds (template_cache.py), as Material's plugins
    # keep theirs: a project-local folder, relative to mkdocs.yml.
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/plugin/scholarpage")
    # Collection mode, when this file exists beside mkdocs.yml: a journal's site (collection_site.py).
    journal = c.Type(str, default="journal.yml")
    articles_dir = c.Type(str, default="articles")
    issues = c.Type(str, default="issues.yml")
    # Collection mode formats citations in a pool of processes (spawned; each receives the
    # references to format, pickled) from 500 entries: 0 = one per core, 1 = no pool.
    processes = c.Type(int, default=0)
    search = c.Type(bool, default=True)  # Pagefind search (issue 15); off: no index, no search box


class ScholarPagePlugin(BasePlugin[ScholarPageConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.sources = root / self.config.article, root / self.config.references
        self.journal_site: JournalSite | None = None
        self.store = self._citation_store(root)
        try:
            # A house style (.csl) is found beside mkdocs.yml, as the sources are.
            self.style = str(root / self.config.style) if self.config.style.endswith(".csl") else self.config.style
            check_style(self.style)
            self.cite_styles = _cite_styles(self.config.cite_styles, root)
            if (root / self.config.journal).is_file():
                # Imported only for a journal: a one-article site does not pay for loading them.
                from scholarpage.adapter.collection_site import JournalSite
                from scholarpage.sources.collection import load_collection

                collection = load_collection(root, self.config.journal, self.config.articles_dir, self.config.issues)
                if self.config.processes < 0:
                    raise PluginError("mkdocs.yml: scholarpage: processes: expected 0 (one per core) or more, "
                                      f"got {self.config.processes}")
                self.journal_site = JournalSite(collection, root, self.config.articles_dir, self.style, self.store,
                                                self.cite_styles, self.config.processes, self.config.journal,
                                                self.config.issues)
                self.article, self.references = None, ()
                _name_the_site_after_the_journal(config, collection.journal.title)
            else:
                _refuse_a_misnamed_journal(root, self.config.journal, self.sources[0])
                self.article, self.references = load_sources(*self.sources)
        except (SourceError, StyleError) as error:
            raise PluginError(str(error)) from None
        self.page_url = _page_url(config, self.config.page)
        numbers = {ref.key: number for number, ref in enumerate(self.references, start=1)}
        # Checked here, before MkDocs empties site_dir: a build these stop leaves the last site.
        if self.journal_site is not None:
            self.journal_site.refuse_files_in_the_way(config)
        else:
            _refuse_a_page_in_the_way(config, self.config.page)
        if config.strict:
            _refuse_unknown_citations(config, numbers, self.config.page)
            if self.journal_site is not None:
                self.journal_site.refuse_unknown_citations()
        tooltips = {ref.key: ref.text or ref.title for ref in self.references}
        self.citations = CitationExtension(numbers, tooltips, self.config.page, log.warning)
        config.markdown_extensions.append(self.citations)  # type: ignore[arg-type]
        config.extra_css.append(f"assets/scholarpage/{ASSET_NAMES[0]}")
        config.extra_javascript.append(f"assets/scholarpage/{ASSET_NAMES[1]}")  # type: ignore[arg-type]
        self.search = self.config.search and not search_index.material_search_listed(config.plugins)
        if self.config.search and not self.search:
            log.info("Material's search plugin is listed in mkdocs.yml: search is left to it (remove it for Pagefind)")
        if self.search:
            config.extra_css.append(f"assets/scholarpage/{search_index.ASSETS[0]}")
            config.extra_javascript.append(f"assets/scholarpage/{search_index.ASSETS[1]}")  # type: ignore[arg-type]
        return config

    def _citation_store(self, root: Path) -> SignedStore | None:
        """Formatted citations kept between builds, beside the compiled templates."""
        key = user_key() if self.config.cache else None
        return SignedStore(root / self.config.cache_dir / "citations", key) if key else None

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # The plugin's theme templates (theme/: the page title, the article's head tags, the search
        # dialog) come after the site's custom_dir and before Material's: a site needs no copy of them.
        custom = 1 if config.theme.custom_dir else 0
        env.loader = jinja2.FileSystemLoader([*config.theme.dirs[:custom], str(THEME), *config.theme.dirs[custom:]])
        env.globals["scholarpage_words"] = words(config.theme.get("language") or "en")  # the 404 page's
        if not self.config.cache:
            log.info("template cache off (cache: false): the theme's templates are compiled on every build")
        elif env.bytecode_cache is None:
            key = user_key()
            if key is None:
                log.info("template cache off: no signing key could be kept under ~/.cache/scholarpage")
            else:
                folder = Path(config.config_file_path).parent / self.config.cache_dir
                env.bytecode_cache = SignedBytecodeCache(folder, key, env)
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.journal_site is not None:
            return self._common_files(self.journal_site.files(files, config), config)
        folder = _page_path(self.config.page)
        pdf = self.article.pdf
        next_to_page = bool(pdf) and "/" not in pdf and files.get_file_from_path(folder + pdf) is not None
        pdf_url = self.page_url + pdf if self.page_url and next_to_page else ""
        interface = config.theme.get("language") or "en"
        markdown = article_page(self.article, self.references, page_url=self.page_url, style=self.style,
                                store=self.store, cite_styles=self.cite_styles, site_language=interface,
                                interface_language=interface)
        files.append(File.generated(config, self.config.page, content=markdown))
        for name, content in downloads(self.article, self.references, self.page_url).items():
            files.append(File.generated(config, folder + name, content=content))
        self._common_files(files, config)
        self.head = head_html(self.article, self.references, page_url=self.page_url, pdf_url=pdf_url,
                              jsonld=jsonld_script(self.article, self.references, page_url=self.page_url))
        for line in readiness(self.article, self.references, Site(self.page_url, pdf_url)):
            log.info(line)
        return files

    def _common_files(self, files: Files, config: MkDocsConfig) -> Files:
        if files.get_file_from_path("robots.txt") is None:
            files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url or "")))
        for name in ASSET_NAMES + (search_index.ASSETS if self.search else ()):
            files.append(File.generated(config, f"assets/scholarpage/{name}", content=asset(name)))
        return files

    def on_page_markdown(self, markdown: str, page: Page, **kwargs) -> str:
        self.citations.current_page = page.file.src_uri
        if self.journal_site is not None:
            self.journal_site.page_markdown(page, self.citations)
        elif page.file.src_uri == self.config.page:
            page.meta["scholarpage_head"] = str(self.head)  # escaped already: main.html prints it as is
        return markdown

    def on_pre_page(self, page: Page, **kwargs) -> Page:
        # Sitemap dates come from the sources, not the build clock: the article's publication
        # date for its page, none for hand-written pages (a guessed date would mislead crawlers).
        if self.journal_site is not None:
            page.update_date = self.journal_site.update_date(page)
            return page
        is_article = page.file.src_uri == self.config.page
        page.update_date = last_modified(self.article, page.update_date) if is_article else ""
        return page

    def on_page_content(self, html: str, page: Page, **kwargs) -> str:
        is_article = self.journal_site.is_article(page) if self.journal_site else page.file.src_uri == self.config.page
        if is_article:
            page.toc = _under_title(page.toc, str(page.meta.get("title", "")))
        return html

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for source in self.journal_site.sources() if self.journal_site else self.sources:
            if source.exists():
                server.watch(str(source))
        return server

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.search:
            site, language = Path(config.site_dir), config.theme.get("language") or "en"
            try:
                articles = (self.journal_site.article_pages() if self.journal_site else
                            [(_page_path(self.config.page), shown_references(self.references, self.style, self.store))])
                report = search_index.build_index(site, articles, language)
            except (RuntimeError, OSError) as error:
                raise PluginError(f"Pagefind could not index the site: {error}") from error
            log.info(f"Pagefind indexed {report.pages} pages and {report.records} records in {report.seconds:.2f} s "
                     f"({report.processor_seconds:.2f} s of processor time)")


def _cite_styles(option: dict, root: Path) -> dict[str, str]:
    """The `cite_styles` option checked, every problem at once: labels are text shown on the
    tabs, each style a CSL id or a .csl file beside mkdocs.yml (resolved here)."""
    styles, problems = {}, []
    for label, style in option.items():
        where = f"mkdocs.yml: scholarpage: cite_styles: {label!r}"
        if not isinstance(label, str) or not label.strip():
            problems.append(f"{where}: a tab label must be text")
        elif not isinstance(style, str) or not style.strip():
            problems.append(f"{where}: expected a CSL style id or a .csl file, got {style!r}")
        else:
            path = str(root / style) if style.endswith(".csl") else style
            try:
                check_style(path)
            except StyleError as error:
                problems.append(f"{where}: {error}")
            styles[label] = path
    if problems:
        raise StyleError("\n".join(problems))
    return styles


def _name_the_site_after_the_journal(config: MkDocsConfig, title: str) -> None:
    """journal.yml names the journal: the header and page titles follow it when mkdocs.yml's
    site_name says otherwise (a title corrected in one place only). Material prints site_name
    as HTML, so it is escaped here."""
    name = str(markupsafe.escape(title))
    if config.site_name != name and html.unescape(config.site_name) != title:
        log.info(f"site_name in mkdocs.yml is {config.site_name!r}; the site is named {title!r}, as journal.yml says")
        config.site_name = name


def _refuse_a_misnamed_journal(root: Path, journal: str, article: Path) -> None:
    """A journal's folder whose journal.yml is misnamed (journal.yaml, Journal.yml) would be
    taken for a one-article site and fail with "article.yml: file not found": say what is meant."""
    if article.exists():
        return
    stem = Path(journal).stem.casefold()
    found = sorted(p.name for p in root.iterdir() if p.is_file() and p.stem.casefold() == stem
                   and p.suffix.casefold() in (".yml", ".yaml") and p.name != journal)
    if found:
        raise PluginError(f"{found[0]}: a journal's site reads {journal} (no {article.name} for a one-article site "
                          f"either): rename it to {journal}, or set the plugin's `journal: {found[0]}` in mkdocs.yml")


def _refuse_a_page_in_the_way(config: MkDocsConfig, page: str) -> None:
    """A hand-written page where the article page is generated would be silently replaced."""
    docs = Path(config.docs_dir)
    folder, _, stem = page.rpartition("/")
    candidates = [page] + ([f"{folder}/README.md".lstrip("/")] if stem == "index.md" else [])
    for candidate in candidates:
        if (docs / candidate).exists():
            where = f"{Path(config.docs_dir).name}/{candidate}"
            raise PluginError(f"{where}: the article page is generated at this address (the plugin's `page: {page}`); "
                              "rename this page, or set `page:` to another path")


def _refuse_unknown_citations(config: MkDocsConfig, numbers: dict[str, int], page: str) -> None:
    """Under --strict, a `[@key]` for no reference stops the build: it is found here, before
    MkDocs empties site_dir, when the page's text shows it plainly (see `cited_keys`)."""
    docs = Path(config.docs_dir)
    problems = []
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        if relative == page or any(part.startswith(".") for part in path.relative_to(docs).parts):
            continue
        if config.exclude_docs and config.exclude_docs.match_file(relative):
            continue
        try:
            markdown = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports it in its own words
        problems += [f"{docs.name}/{relative}:{line}: citation key '{key}' is not in the references"
                     for line, key in cited_keys(markdown) if key not in numbers]
    if problems:
        raise PluginError("\n".join(problems))


def _under_title(toc: TableOfContents, title: str) -> TableOfContents:
    """Nest the page's sections under its (raw HTML) title, as for a Markdown `# Title`.

    Material's skip link then targets the title, and its sidebar still lists the sections.
    """
    top = AnchorLink(title, "article-title", 1)
    top.children = list(toc)
    return TableOfContents([top])


def _page_url(config: MkDocsConfig, page: str) -> str:
    """The page's absolute URL, or "" when the site has no site_url."""
    return (config.site_url or "") and config.site_url.rstrip("/") + "/" + _page_path(page)


def _page_path(page: str) -> str:
    """The URL path of a page under the site root (directory URLs, as MkDocs builds them)."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
