"""DOIs and ORCID iDs in any usual form are kept bare and linked in one form everywhere."""

from __future__ import annotations

import pytest

from scholarpage.identifiers import bare_doi, bare_orcid, doi_url, orcid_url
from scholarpage.metadata.head_tags import highwire
from scholarpage.model import Article, Author, Journal


@pytest.mark.parametrize("given", ["10.1234/ab.c", "https://doi.org/10.1234/ab.c", "http://dx.doi.org/10.1234/ab.c",
                                   "doi:10.1234/ab.c", "DOI: 10.1234/ab.c", " 10.1234/ab.c "])
def test_a_doi_in_any_usual_form_is_kept_bare_and_linked_once(given):
    assert bare_doi(given) == "10.1234/ab.c"
    assert doi_url(given) == "https://doi.org/10.1234/ab.c"


@pytest.mark.parametrize("given", ["0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097",
                                   "orcid.org/0000-0002-1825-0097"])
def test_an_orcid_in_any_usual_form_is_kept_bare_and_linked_once(given):
    assert bare_orcid(given) == "0000-0002-1825-0097"
    assert orcid_url(given) == "https://orcid.org/0000-0002-1825-0097"


def test_only_authors_with_an_orcid_get_a_citation_author_orcid_tag():
    article = Article(title="T", journal=Journal("J"), year=2020, language="en",
                      authors=(Author("A", orcid="0000-0002-1825-0097"), Author("B")))
    assert [value for name, value in highwire(article, []) if name == "citation_author_orcid"] == [
        "https://orcid.org/0000-0002-1825-0097"]
