"""The MkDocs adapter: load the sources, generate the article page, watch the sources."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .article import load_article
from .assets import NAMES as ASSET_NAMES
from .assets import asset
from .background import Background
from .bibtex import load_references
from .cite import DEFAULT_STYLE, StyleError, check_style
from .citations import CitationExtension
from .crawl import last_modified, robots_txt
from .errors import SourceError
from .export import DOWNLOAD_NAMES, downloads
from .html import Markup
from .jsonld import jsonld_script
from .material_search import install as install_linear_search_parser
from .metadata import head_html
from .model import Article, Reference
from .pages import (ARTICLE_PAGE, CITE_THIS_MARK, article_page_parts, cite_this_html,
                    cite_this_tabs, cite_this_tabs_are_kept)
from .readiness import readiness
from .theme_css import THEME_STYLESHEETS, page_facts, parse_is_kept, trim_site
from .theme_css import parse as parse_stylesheet
from .theme_templates import fix_theme_environments

log = logging.getLogger("mkdocs.plugins.scholarpage")


class ScholarPageConfig(Config):
    article = c.Type(str, default="article.yml")
    references = c.Type(str, default="references.bib")
    style = c.Type(str, default=DEFAULT_STYLE)
    page = c.Type(str, default=ARTICLE_PAGE)
    # Leave out the theme's CSS rules that nothing in the built site can match (theme_css.py).
    trim_theme_css = c.Type(bool, default=True)


class ScholarPagePlugin(BasePlugin[ScholarPageConfig]):
    # First: Material's search plugin makes theme environments in its on_config, and the
    # sooner "Cite this article" starts on the second core, the less the page waits for it.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        fix_theme_environments(config.theme)
        # Each reference is a section of the search index; Material's indexer is quadratic in
        # their number (material_search.py).
        if not install_linear_search_parser():
            log.debug("Material's search indexer is used as it is")
        root = Path(config.config_file_path).parent
        self.article_facts: Background | None = None
        self.stylesheet_parses: dict[str, Background] = {}
        self.page: Page | None = None
        self.sources = root / self.config.article, root / self.config.references
        try:
            # A house style (.csl) is found beside mkdocs.yml, as the sources are.
            self.style = str(root / self.config.style) if self.config.style.endswith(".csl") else self.config.style
            check_style(self.style)
            self.article = load_article(self.sources[0])
            # citeproc-py takes 0.1 s for "Cite this article" when no earlier build kept it: a
            # second core formats it while this one reads the references and renders the page.
            self.page_url = _page_url(config, self.config.page)
            self.cite_tabs = Background(cite_this_tabs, self.article, self.page_url,
                                        fork=not cite_this_tabs_are_kept(self.article, self.page_url))
            self.references = load_references(self.sources[1])
        except (SourceError, StyleError) as error:
            raise PluginError(str(error)) from None
        numbers = {ref.key: number for number, ref in enumerate(self.references, start=1)}
        tooltips = {ref.key: ref.text or ref.title for ref in self.references}
        self.citations = CitationExtension(numbers, tooltips, self.config.page, log.warning)
        config.markdown_extensions.append(self.citations)  # type: ignore[arg-type]
        config.extra_css.append(f"assets/scholarpage/{ASSET_NAMES[0]}")
        config.extra_javascript.append(f"assets/scholarpage/{ASSET_NAMES[1]}")  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        page_url = self.page_url
        folder = _page_path(self.config.page)
        pdf = self.article.pdf
        next_to_page = bool(pdf) and "/" not in pdf and files.get_file_from_path(folder + pdf) is not None
        pdf_url = page_url + pdf if page_url and next_to_page else ""
        # The downloads, the head metadata (JSON-LD included) and the readiness report grow with
        # the reference list and are needed only once every page is converted (on_env): a second
        # core writes them while this one renders the article page and MkDocs converts it.
        self.exports = Background(_exports, self.article, self.references, page_url, pdf_url)
        self.article_page = article_page_parts(self.article, self.references, page_url=page_url, style=self.style,
                                               cite_this=CITE_THIS_MARK)
        files.append(File.generated(config, self.config.page, content=self.article_page.markdown))
        self.download_files = {name: File.generated(config, folder + name, content="") for name in DOWNLOAD_NAMES}
        for file in self.download_files.values():  # their content is set in on_env
            files.append(file)
        if files.get_file_from_path("robots.txt") is None:
            files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url or "")))
        self.theme_stylesheets = {
            Path(config.site_dir, file.dest_uri).resolve(): Path(file.abs_src_path)
            for file in files if file.abs_src_path and file.dest_uri.startswith(THEME_STYLESHEETS)}
        # A stylesheet no earlier build parsed is parsed on a second core while MkDocs builds.
        if self.config.trim_theme_css:
            texts = {path.read_text("utf-8") for path in self.theme_stylesheets.values() if path.suffix == ".css"}
            self.stylesheet_parses = {text: Background(parse_stylesheet, text)
                                      for text in texts if not parse_is_kept(text)}
        for name in ASSET_NAMES:
            files.append(File.generated(config, f"assets/scholarpage/{name}", content=asset(name)))
        return files

    def on_page_markdown(self, markdown: str, page: Page, **kwargs) -> str:
        self.citations.current_page = page.file.src_uri
        if page.file.src_uri == self.config.page:
            self.page = page
        return markdown

    def on_env(self, env, config: MkDocsConfig, files: Files):
        download_files, head, report = self.exports.result()
        for name, file in self.download_files.items():
            file.content_string = download_files[name]
        if self.page is not None:
            # Already escaped: main.html prints it as is in the head.
            self.page.meta["scholarpage_head"] = str(head)
        for line in report:
            log.info(line)
        return env

    def on_pre_page(self, page: Page, **kwargs) -> Page:
        # Sitemap dates come from the sources, not the build clock: the article's publication
        # date for its page, none for hand-written pages (a guessed date would mislead crawlers).
        # MkDocs also stamps sitemap.xml.gz with the latest of these dates.
        is_article = page.file.src_uri == self.config.page
        page.update_date = last_modified(self.article, page.update_date) if is_article else ""
        return page

    @event_priority(100)  # before other plugins: they see the page whole
    def on_page_content(self, html: str, page: Page, **kwargs) -> str:
        if page.file.src_uri == self.config.page:
            page.toc = _under_title(page.toc, str(page.meta.get("title", "")))
            # The reference list, HTML already, skips Markdown (see pages.ArticlePage); its
            # anchors are declared for MkDocs' link validation as the list's own HTML would be.
            html = self.article_page.with_reference_list(html)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | self.article_page.anchors
        return html

    @event_priority(100)  # before other plugins: they see the page whole
    def _put_cite_this(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """"Cite this article" in its place, as late as that can be: formatting it takes 0.1 s
        of another core when no earlier build kept it, and MkDocs has compiled the theme's
        templates meanwhile. Search indexed the page before; the tabs are excluded from it anyway."""
        if page.file.src_uri == self.config.page:
            output = output.replace(CITE_THIS_MARK, cite_this_html(self.cite_tabs.result()), 1)
        return output

    @event_priority(-100)  # after other plugins: the page as it is written
    def _read_for_trimming(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.config.trim_theme_css and page.file.src_uri == self.config.page:
            # The largest page is read for the trimming on a second core while MkDocs writes it
            # and builds the rest.
            self.article_html = (Path(config.site_dir, page.file.dest_uri).resolve(), output)
            self.article_facts = Background(page_facts, output)
        return output

    on_post_page = CombinedEvent(_put_cite_this, _read_for_trimming)

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.trim_theme_css:
            return
        read = {}
        if self.article_facts is not None:
            path, output = self.article_html
            if path.is_file() and path.read_bytes() == output.encode("utf-8"):
                read[path] = self.article_facts.result()
            self.article_facts = None
        parsed = {text: parse.result() for text, parse in self.stylesheet_parses.items()}
        self.stylesheet_parses = {}
        result = trim_site(Path(config.site_dir), urlsplit(config.site_url or "").path or "/", read,
                           self.theme_stylesheets, parsed)
        if isinstance(result, str):
            log.info("Material's stylesheets kept whole: %s", result)
            return
        before, after = (sum(sizes) for sizes in zip(*result.values())) if result else (0, 0)
        log.info("Material's stylesheets trimmed to the rules this site can use: %d KB of %d KB",
                 after // 1024, before // 1024)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for source in self.sources:
            server.watch(str(source))
        return server


def _exports(article: Article, references: tuple[Reference, ...], page_url: str, pdf_url: str
             ) -> tuple[dict[str, str], Markup, list[str]]:
    """The downloads (file name → content), the article page's head tags and JSON-LD, and the
    readiness report's lines."""
    head = head_html(article, references, page_url=page_url, pdf_url=pdf_url,
                     jsonld=jsonld_script(article, references, page_url=page_url))
    report = list(readiness(article, references, page_url=page_url, pdf_url=pdf_url))
    return downloads(article, references, page_url), head, report


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
