"""Data-quality findings about the sources."""

from __future__ import annotations

from .model import Article


def article_gaps(article: Article) -> list[str]:
    """What the article's missing fields cost readers and indexers (advice, never an error)."""
    gaps = []
    if not article.authors:
        gaps.append("article.yml: authors: none given; Google Scholar indexes only pages with at least one author")
    if not article.doi:
        gaps.append("article.yml: doi: none given; readers and Zotero cannot resolve the article by DOI")
    if not article.published:
        gaps.append("article.yml: dates.published: none given; Google Scholar needs a publication date")
    if not (article.first_page or article.article_number):
        gaps.append("article.yml: pages: none given; citations of the article will lack page numbers")
    return gaps
