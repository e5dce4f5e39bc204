"""One table of what the sources lack and what that costs readers and indexers.

The build log and `scholarpage check` both print from it, so they never give different advice.
Gaps are advice, never errors: a site without a DOI still builds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from scholarpage.metadata.head_tags import highwire
from scholarpage.model import Article, Reference


@dataclass(frozen=True)
class Site:
    """What only a build knows: the page's absolute URL and its PDF's, "" when there is none."""

    page_url: str = ""
    pdf_url: str = ""


@dataclass(frozen=True)
class Gap:
    where: str  # the source field, as the editor writes it
    missing: Callable[[Article, Site], bool]
    cost: str
    needs_build: bool = False  # only a build can tell (the check command does not report it)


GAPS = (
    Gap("article.yml: authors", lambda a, s: not a.authors,
        "no citation_author is emitted, and Google Scholar does not index a page without one"),
    Gap("article.yml: doi", lambda a, s: not a.doi,
        "citation_doi, DC.Identifier.DOI and the JSON-LD identifier are omitted; readers and Zotero "
        "cannot resolve the article by DOI"),
    Gap("article.yml: dates.published", lambda a, s: not a.published,
        "citation_publication_date is the year only and citation_online_date is omitted"),
    Gap("article.yml: journal.issn", lambda a, s: not (a.journal.issn or a.journal.eissn),
        "citation_issn and DC.Source.ISSN are omitted"),
    Gap("article.yml: pages", lambda a, s: not (a.first_page or a.last_page or a.article_number),
        "citation_firstpage and citation_lastpage are omitted; citations of the article lack page numbers"),
    Gap("article.yml: journal.publisher", lambda a, s: not a.journal.publisher, "citation_publisher is omitted"),
    Gap("mkdocs.yml: site_url", lambda a, s: not s.page_url,
        "the canonical link, og:url, citation_abstract_html_url and DC.Identifier.URI are omitted "
        "(only absolute URLs are emitted)", needs_build=True),
    Gap("article.yml: pdf", lambda a, s: not s.pdf_url,
        "no PDF next to the article page: citation_pdf_url is omitted; Google Scholar prefers a full-text PDF",
        needs_build=True),
)


def article_gaps(article: Article, references: Sequence[Reference] = (), site: Site | None = None) -> list[str]:
    """One line per gap: `where: none given; cost`. Without `site`, only what the sources tell."""
    lines = [f"{gap.where}: none given; {gap.cost}" for gap in GAPS
             if (site is not None or not gap.needs_build) and gap.missing(article, site or Site())]
    unstructured = sum(1 for reference in references if not reference.title)
    if unstructured:
        lines.append(f"references.bib: title: {unstructured} of {len(references)} references have none; their "
                     "citation_reference is the printed text, which Google Scholar matches less reliably")
    return lines


def readiness(article: Article, references: Sequence[Reference], site: Site) -> list[str]:
    """The build log's report: the gaps, then a summary of the metadata emitted."""
    lines = [f"metadata: {gap}" for gap in article_gaps(article, references, site)]
    counts = Counter(name for name, _ in highwire(article, references, page_url=site.page_url, pdf_url=site.pdf_url))
    emitted = ", ".join(f"{name}×{n}" if n > 1 else name for name, n in counts.items())
    lines.append(f"metadata: emitted Highwire tags: {emitted}")
    lines.append("metadata: also emitted: Dublin Core, Open Graph, Twitter card, schema.org JSON-LD ScholarlyArticle"
                 + (", canonical link" if site.page_url else ""))
    return lines
