"""The MkDocs adapter: load the sources, generate the article page, watch the sources."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .article import load_article
from .bibtex import load_references
from .cite import DEFAULT_STYLE, StyleError, load_style
from .citations import CitationExtension
from .errors import SourceError
from .pages import ARTICLE_PAGE, article_page
from .quality import article_gaps

log = logging.getLogger("mkdocs.plugins.scholarpage")
ASSETS = ("scholarpage.css", "scholarpage.js")


class ScholarPageConfig(Config):
    article = c.Type(str, default="article.yml")
    references = c.Type(str, default="references.bib")
    style = c.Type(str, default=DEFAULT_STYLE)
    page = c.Type(str, default=ARTICLE_PAGE)


class ScholarPagePlugin(BasePlugin[ScholarPageConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.sources = root / self.config.article, root / self.config.references
        try:
            load_style(self.config.style)
            self.article = load_article(self.sources[0])
            self.references = load_references(self.sources[1])
        except (SourceError, StyleError) as error:
            raise PluginError(str(error)) from None
        for gap in article_gaps(self.article):
            log.info(gap)
        numbers = {ref.key: number for number, ref in enumerate(self.references, start=1)}
        tooltips = {ref.key: ref.text or ref.title for ref in self.references}
        self.citations = CitationExtension(numbers, tooltips, self.config.page, log.warning)
        config.markdown_extensions.append(self.citations)  # type: ignore[arg-type]
        config.extra_css.append(f"assets/scholarpage/{ASSETS[0]}")
        config.extra_javascript.append(f"assets/scholarpage/{ASSETS[1]}")  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        page_url = (config.site_url or "") and config.site_url.rstrip("/") + "/" + _page_path(self.config.page)
        markdown = article_page(self.article, self.references, page_url=page_url, style=self.config.style)
        files.append(File.generated(config, self.config.page, content=markdown))
        for name in ASSETS:
            path = resources.files(__package__).joinpath("assets", name)
            files.append(File.generated(config, f"assets/scholarpage/{name}", content=path.read_bytes()))
        return files

    def on_page_markdown(self, markdown: str, page: Page, **kwargs) -> str:
        self.citations.current_page = page.file.src_uri
        return markdown

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        for source in self.sources:
            server.watch(str(source))
        return server


def _page_path(page: str) -> str:
    """The URL path of a page under the site root (directory URLs, as MkDocs builds them)."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
