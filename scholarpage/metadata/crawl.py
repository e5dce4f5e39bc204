"""What crawlers read besides the pages: robots.txt and the sitemap's dates."""

from __future__ import annotations

from scholarpage.model import Article


def robots_txt(site_url: str) -> str:
    """Allow every crawler everywhere, and name the sitemap when the site's address is known."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def last_modified(article: Article, build_date: str) -> str:
    """The article page's sitemap <lastmod>: its publication date from article.yml.

    Without one, MkDocs' build date (which honours SOURCE_DATE_EPOCH) is kept.
    """
    return article.published.isoformat() if article.published else build_date
