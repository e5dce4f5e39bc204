"""The words the search index holds besides the text (issue 15): the folding rules of README.md."""

from __future__ import annotations

import re

import pytest

from scholarpage.adapter.search_index import doi_word, plain, record_html, search_words, staged_pages


@pytest.mark.parametrize(("word", "typed"), [
    ("Đỗ", "do"), ("Łódź", "lodz"), ("Ørsted", "orsted"), ("Straße", "strasse"), ("STRASSE", "strasse"),
    ("Æsir", "aesir"), ("Œuvre", "oeuvre"), ("Þór", "thor"), ("Więź", "wiez"), ("Chứng", "chung"),
])
def test_plain_spelling(word, typed):
    assert plain(word) == typed


def test_only_words_with_undecomposed_letters_get_a_plain_spelling():
    # Pagefind folds ę, ź, ứ itself; đ, ł, ø, ß it keeps, so those words are added plainly.
    assert search_words("Więź Chứng khoán") == ""
    assert search_words("Đỗ Mỹ Hạnh, Łódź, Søren, Straße") == "do lodz soren strasse"


def test_chinese_and_japanese_characters_are_words_one_by_one():
    assert search_words("《知识产权》 とカタカナ") == "知 识 产 权 と カ タ ナ"


def test_a_doi_is_one_word_whether_printed_or_given():
    assert doi_word("10.1016/B978-0-44-453594-8.00001-X") == "101016b978044453594800001x"
    assert search_words("Doi:10.1016/j.bushor.2011.05.001.") == "101016jbushor201105001"
    assert search_words("No DOI printed", ("10.5555/vn.2019.7",)) == "105555vn20197"


def test_record_text_reaches_the_indexed_page_as_text():
    html = record_html({"url": "/#ref-1", "content": "<script>alert(1)</script> & co", "title": 'A "quoted" <b>', "kind": "reference"}, "en")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert 'data-value="A &quot;quoted&quot; &lt;b&gt;"' in html


@pytest.mark.parametrize(("count", "pages", "largest"), [(62, 7, 10), (1000, 100, 10), (2001, 182, 11), (10000, 200, 50)])
def test_references_go_ten_to_a_staged_page_and_an_article_to_at_most_200(count, pages, largest):
    records = [{"url": "/#article-title", "content": "T", "text": "T", "words": "", "title": "T", "kind": "title"}]
    records += [{"url": f"/#ref-{n}", "content": f"R{n}", "text": f"R{n}", "words": "", "title": f"R{n}",
                 "kind": "reference"} for n in range(1, count + 1)]
    staged = staged_pages(records, "en", "/")
    references = [re.findall(r'<h3 id="(ref-\d+)">', page) for page in staged[1:]]
    assert len(references) == pages and max(len(ids) for ids in references) == largest
    assert [anchor for ids in references for anchor in ids] == [f"ref-{n}" for n in range(1, count + 1)]
