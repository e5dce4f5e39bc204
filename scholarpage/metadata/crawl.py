"""What crawlers read besides the pages: robots.txt and the sitemap's dates."""

from __future__ import annotations

import datetime as dt

from scholarpage.model import Article

#: The days a sitemap date may fall on: MkDocs stamps sitemap.xml.gz with the latest page date,
#: and gzip's clock counts seconds from 1970 in 32 bits, so it ends on 7 February 2106.
GZIP_DAYS = (dt.date(1970, 1, 1), dt.date(2106, 2, 7))


def robots_txt(site_url: str) -> str:
    """Allow every crawler everywhere, and name the sitemap when the site's address is known."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def last_modified(article: Article, build_date: str) -> str:
    """The article page's sitemap <lastmod>: its publication date from article.yml.

    Without one, MkDocs' build date (which honours SOURCE_DATE_EPOCH) is kept; so it is for a
    date before 1970 or after 2106, which no web page can have been changed on and which
    gzip's clock cannot hold (MkDocs failed with struct.error writing sitemap.xml.gz).
    """
    published = article.published
    return published.isoformat() if published and GZIP_DAYS[0] <= published <= GZIP_DAYS[1] else build_date
