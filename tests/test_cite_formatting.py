"""Reference formatting by the CSL style (citeproc-py) for entries without printed text."""

from __future__ import annotations

from scholarpage.cite import format_references, plain_text
from scholarpage.model import Person, Reference


def test_a_title_standing_in_for_a_missing_author_is_printed_once():
    reference = Reference(key="k", kind="article-newspaper", title="Năm 2025, Bộ KH&CN Chủ Trì", container="VJST",
                          date="2025-07-16")
    assert plain_text(format_references([reference])["k"]) == "Năm 2025, Bộ KH&CN Chủ Trì. (2025, July 16). VJST."


def test_entries_with_authors_keep_their_title():
    reference = Reference(key="k", kind="book", title="Alpha", authors=(Person(literal="OECD"),), year="2021")
    assert plain_text(format_references([reference])["k"]) == "OECD. (2021). Alpha."
