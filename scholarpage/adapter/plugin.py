"""The MkDocs adapter: load the sources, generate the article page, watch the sources."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from scholarpage.sources.article_yml import load_article
from scholarpage.render.site_assets import NAMES as ASSET_NAMES
from scholarpage.render.site_assets import asset
from scholarpage.sources.bibtex import load_references
from scholarpage.render.bibliography import DEFAULT_STYLE, StyleError, check_style
from scholarpage.render.in_text import CitationExtension
from scholarpage.metadata.crawl import last_modified, robots_txt
from scholarpage.errors import SourceError
from scholarpage.metadata.downloads import downloads
from scholarpage.metadata.jsonld import jsonld_script
from scholarpage.metadata.head_tags import head_html
from scholarpage.render.article_page import ARTICLE_PAGE, article_page
from scholarpage.metadata.gaps import readiness
from scholarpage.adapter import search_index

log = logging.getLogger("mkdocs.plugins.scholarpage")


class ScholarPageConfig(Config):
    article = c.Type(str, default="article.yml")
    references = c.Type(str, default="references.bib")
    style = c.Type(str, default=DEFAULT_STYLE)
    page = c.Type(str, default=ARTICLE_PAGE)
    search = c.Type(bool, default=True)  # Pagefind search (issue 15); off: no index, no search box


class ScholarPagePlugin(BasePlugin[ScholarPageConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.sources = root / self.config.article, root / self.config.references
        try:
            # A house style (.csl) is found beside mkdocs.yml, as the sources are.
            self.style = str(root / self.config.style) if self.config.style.endswith(".csl") else self.config.style
            check_style(self.style)
            self.article = load_article(self.sources[0])
            self.references = load_references(self.sources[1])
        except (SourceError, StyleError) as error:
            raise PluginError(str(error)) from None
        self.page_url = _page_url(config, self.config.page)
        numbers = {ref.key: number for number, ref in enumerate(self.references, start=1)}
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

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        folder = _page_path(self.config.page)
        pdf = self.article.pdf
        next_to_page = bool(pdf) and "/" not in pdf and files.get_file_from_path(folder + pdf) is not None
        pdf_url = self.page_url + pdf if self.page_url and next_to_page else ""
        markdown = article_page(self.article, self.references, page_url=self.page_url, style=self.style)
        files.append(File.generated(config, self.config.page, content=markdown))
        for name, content in downloads(self.article, self.references, self.page_url).items():
            files.append(File.generated(config, folder + name, content=content))
        if files.get_file_from_path("robots.txt") is None:
            files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url or "")))
        for name in ASSET_NAMES + (search_index.ASSETS if self.search else ()):
            files.append(File.generated(config, f"assets/scholarpage/{name}", content=asset(name)))
        self.head = head_html(self.article, self.references, page_url=self.page_url, pdf_url=pdf_url,
                              jsonld=jsonld_script(self.article, self.references, page_url=self.page_url))
        for line in readiness(self.article, self.references, page_url=self.page_url, pdf_url=pdf_url):
            log.info(line)
        return files

    def on_page_markdown(self, markdown: str, page: Page, **kwargs) -> str:
        self.citations.current_page = page.file.src_uri
        if page.file.src_uri == self.config.page:
            page.meta["scholarpage_head"] = str(self.head)  # escaped already: main.html prints it as is
        return markdown

    def on_pre_page(self, page: Page, **kwargs) -> Page:
        # Sitemap dates come from the sources, not the build clock: the article's publication
        # date for its page, none for hand-written pages (a guessed date would mislead crawlers).
        is_article = page.file.src_uri == self.config.page
        page.update_date = last_modified(self.article, page.update_date) if is_article else ""
        return page

    def on_page_content(self, html: str, page: Page, **kwargs) -> str:
        if page.file.src_uri == self.config.page:
            page.toc = _under_title(page.toc, str(page.meta.get("title", "")))
        return html

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for source in self.sources:
            server.watch(str(source))
        return server

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.search:
            site, language = Path(config.site_dir), config.theme.get("language") or "en"
            try:
                report = search_index.build_index(site, _page_path(self.config.page), self.references, language)
            except (RuntimeError, OSError) as error:
                raise PluginError(f"Pagefind could not index the site: {error}") from error
            log.info(f"Pagefind indexed {report.pages} pages and {report.records} records in {report.seconds:.2f} s")


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
