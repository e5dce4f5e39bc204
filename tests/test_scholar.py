"""Google Scholar links: built from the entry's fields, readable back by any URL parser."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from scholarpage.model import Person, Reference
from scholarpage.metadata.scholar_links import scholar_url


def _parts(url: str) -> tuple[str, list[tuple[str, str]]]:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", parse_qsl(parts.query, keep_blank_values=True)


def test_a_journal_article_is_looked_up_by_every_field_it_has():
    reference = Reference(
        key="k", kind="article-journal", title="Patent‐backed Securities in Pharmaceuticals: What Determines Success?",
        authors=(Person("Odasso", "Maria Cristina"), Person("Ughetto", "Elisa")), year="2011",
        container="R&D Management", issue="3", pages="219–239", doi="10.1111/j.1467-9310.2011.00646.x",
    )
    assert _parts(scholar_url(reference)) == ("https://scholar.google.com/scholar_lookup", [
        ("title", "Patent‐backed Securities in Pharmaceuticals: What Determines Success?"),
        ("author", "Odasso, Maria Cristina"), ("author", "Ughetto, Elisa"),
        ("publication_year", "2011"), ("journal", "R&D Management"), ("issue", "3"), ("pages", "219–239"),
        ("doi", "10.1111/j.1467-9310.2011.00646.x"),
    ])


def test_a_book_has_no_journal_and_an_organisation_stays_whole():
    reference = Reference(key="k", kind="book", title="SME Policy in Viet Nam", container="OECD Studies",
                          authors=(Person(literal="OECD"),), year="2021")
    assert _parts(scholar_url(reference))[1] == [
        ("title", "SME Policy in Viet Nam"), ("author", "OECD"), ("publication_year", "2021")]


def test_without_a_title_the_printed_text_is_searched():
    reference = Reference(key="k", text="Pini Giovanni, “Finance for an Italian Library of Movies Plc” n.d., 1998.")
    assert _parts(scholar_url(reference)) == ("https://scholar.google.com/scholar", [
        ("q", "Pini Giovanni, “Finance for an Italian Library of Movies Plc” n.d., 1998.")])


def test_non_ascii_letters_are_kept_readable():
    url = scholar_url(Reference(key="k", title="Chứng khoán hóa 知识产权"))
    assert url == "https://scholar.google.com/scholar_lookup?title=Chứng+khoán+hóa+知识产权"


@given(st.text(min_size=1), st.text())
def test_any_title_and_author_come_back_exactly(title, family):
    url = scholar_url(Reference(key="k", title=title, authors=(Person(family=family),)))
    assert _parts(url)[1][0] == ("title", title)
    assert " " not in url and "#" not in url and '"' not in url
