"""What Google Scholar and Zotero will find on the article page, and what the sources lack."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from scholarpage.metadata.head_tags import highwire
from scholarpage.model import Article, Reference


def readiness(article: Article, references: Sequence[Reference], *, page_url: str = "", pdf_url: str = "") -> list[str]:
    """Report lines: first what is missing and what that costs, then a summary of what is emitted."""
    lines = [f"metadata: {gap}" for gap in _gaps(article, references, page_url, pdf_url)]
    counts = Counter(name for name, _ in highwire(article, references, page_url=page_url, pdf_url=pdf_url))
    emitted = ", ".join(f"{name}×{n}" if n > 1 else name for name, n in counts.items())
    lines.append(f"metadata: emitted Highwire tags: {emitted}")
    lines.append("metadata: also emitted: Dublin Core, Open Graph, Twitter card, schema.org JSON-LD ScholarlyArticle"
                 + (", canonical link" if page_url else ""))
    return lines


def _gaps(article: Article, references: Sequence[Reference], page_url: str, pdf_url: str) -> list[str]:
    gaps = []
    if not article.authors:
        gaps.append("no authors in article.yml: no citation_author is emitted, and Google Scholar treats a page "
                    "without citation_author as having no citation metadata (it will not index the article)")
    if not article.doi:
        gaps.append("no doi in article.yml: citation_doi, DC.Identifier.DOI and the JSON-LD identifier are omitted; "
                    "readers and Zotero cannot resolve the article by DOI")
    if not article.published:
        gaps.append("no dates.published in article.yml: citation_publication_date is the year only and "
                    "citation_online_date is omitted")
    if not (article.journal.issn or article.journal.eissn):
        gaps.append("no journal.issn in article.yml: citation_issn and DC.Source.ISSN are omitted")
    if not (article.first_page or article.last_page):
        gaps.append("no pages in article.yml: citation_firstpage/lastpage are omitted (Zotero saves no pages)")
    if not article.journal.publisher:
        gaps.append("no journal.publisher in article.yml: citation_publisher is omitted")
    if not page_url:
        gaps.append("no site_url in mkdocs.yml: canonical link, og:url, citation_abstract_html_url and "
                    "DC.Identifier.URI are omitted (only absolute URLs are emitted)")
    if not pdf_url:
        gaps.append("no PDF next to the article page (article.yml pdf): citation_pdf_url is omitted; "
                    "Google Scholar prefers a full-text PDF")
    unstructured = sum(1 for reference in references if not reference.title)
    if unstructured:
        gaps.append(f"{unstructured} of {len(references)} references have no title field: their citation_reference "
                    "is the printed text, which Google Scholar matches less reliably than structured fields")
    return gaps
