"""Golden files of the generated Markdown: the fixture article and the seed.

Regenerate with `UPDATE_GOLDEN=1 make test` and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from scholarpage.sources.article_yml import load_article
from scholarpage.sources.bibtex import load_references
from scholarpage.render.article_page import article_page

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {
    "fixture-article-with-hostile-text": (FIXTURES / "small", "https://journal.example.org/a/"),
    "seed-article": (ROOT, ""),
}


@pytest.mark.parametrize("case", CASES)
def test_generated_markdown_matches_the_golden_file(case):
    folder, page_url = CASES[case]
    markdown = article_page(
        load_article(folder / "article.yml"), load_references(folder / "references.bib"), page_url=page_url
    )
    golden = GOLDEN / f"{case}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8")
