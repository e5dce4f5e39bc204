"""Issue 14, items 1, 6 and 7: names printed as given, the two languages of a reference, and
italics kept from a printed reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scholarpage.importer.plaintext import parse_reference
from scholarpage.metadata.csl_json import csl_item
from scholarpage.metadata.downloads import article_reference
from scholarpage.model import Person, Reference
from scholarpage.render.article_page import article_page
from scholarpage.render.bibliography import CITE_STYLES, cite_this, format_references, plain_text
from scholarpage.sources.article_yml import load_article
from scholarpage.sources.bibtex import dump_references, parse_references

ROOT = Path(__file__).resolve().parents[1]
SEED = load_article(ROOT / "article.yml")
STYLES = sorted(set(CITE_STYLES.values()))


@pytest.mark.parametrize("label", list(CITE_STYLES))
def test_cite_this_prints_the_journal_name_exactly_as_given(label):
    text = plain_text(cite_this(article_reference(SEED, ""), {label: CITE_STYLES[label]})[label])
    assert "Prawo i Więź" in text
    assert "Prawo I Więź" not in text


@pytest.mark.parametrize("style", STYLES)
def test_references_keep_journal_publisher_and_protected_names_in_every_style(style):
    source = r"""@article{a,
  author = {Nowak, Anna},
  title = {Why {eBay} and {iPhone} makers cite {McDonald's} cases},
  journaltitle = {Prawo i Więź},
  volume = {3}, number = {2}, pages = {1--9}, year = {2020},
}
@book{b,
  author = {Kowalska, Ewa},
  title = {Prawo własności intelektualnej w praktyce},
  langid = {polish},
  publisher = {Wydawnictwo sejmowe i partnerzy},
  year = {2019},
}"""
    a, b = parse_references(source)
    formatted = format_references([a, b], style)
    first, second = plain_text(formatted["a"]), plain_text(formatted["b"])
    assert "Prawo i Więź" in first
    for name in ("eBay", "iPhone", "McDonald's"):
        assert name in first.replace("’", "'"), (style, first)
    assert "Prawo własności intelektualnej w praktyce" in second, (style, second)
    assert "Wydawnictwo sejmowe i partnerzy" in second, (style, second)


def test_english_titles_still_take_the_styles_case():
    reference = Reference(key="k", kind="book", title="the economics of patents", year="2001",
                          authors=(Person("Smith", "Ann"),), title_language="en")
    assert "The Economics of Patents" in plain_text(format_references([reference], "chicago-author-date")["k"])


# --- item 6: the language of the title and the language of the work --------------------------

def test_langid_is_the_titles_language_and_language_the_works():
    (reference,) = parse_references("@article{k, title = {Policy Background}, langid = {english}, language = {chinese}}")
    assert (reference.title_language, reference.language) == ("en", "zh")
    (only_title,) = parse_references("@article{k, title = {Policy Background}, langid = {en}}")
    assert (only_title.title_language, only_title.language) == ("en", "")


def test_the_importer_records_the_titles_language_only():
    text = ("Bao Xinzhong, “Intellectual Property Securitization in the Chinese Context: Policy Background” "
            "Forum on Science and Technology in China, No. 11 (2021): 176-188.")
    reference = parse_reference(text)
    assert reference.title_language == "en"
    assert reference.language == "", "the text does not say which language the work is in"
    exported = dump_references((reference,))
    assert "langid = {en}" in exported and "language =" not in exported


def test_the_seed_asserts_no_work_language_its_text_does_not_give():
    references = parse_references((ROOT / "references.bib").read_text(encoding="utf-8"))
    assert all(reference.language == "" for reference in references)
    chinese_journal = next(r for r in references if r.key == "bao2021intellectual")
    assert chinese_journal.title_language == "en"
    assert "language" not in csl_item(chinese_journal)


def test_the_lang_attribute_follows_the_titles_language():
    source = r"""@article{k, title = {Mô hình hoạt động}, langid = {vi}, language = {en},
  formatted = {Anh Vu, “Mô hình hoạt động” The SaigonTime, 2025.}}"""
    markdown = article_page(SEED, parse_references(source))
    assert '<span lang="vi">Mô hình hoạt động</span>' in markdown
    exported = json.dumps(csl_item(parse_references(source)[0]))
    assert '"language": "en"' in exported


# --- item 7: italics in a printed reference ----------------------------------------------------

def test_emph_in_a_formatted_field_is_shown_in_italics_and_the_rest_stays_text():
    source = r"""@book{k, title = {Hollywood},
  formatted = {Smith J., \emph{Hollywood <b>Deals</b> \& Co}, London 2006, \textit{passim}.}}"""
    (reference,) = parse_references(source)
    assert reference.text == "Smith J., Hollywood <b>Deals</b> & Co, London 2006, passim."
    markdown = article_page(SEED, (reference,))
    assert "Smith J., <i>Hollywood &lt;b&gt;Deals&lt;/b&gt; &amp; Co</i>, London 2006, <i>passim</i>." in markdown
    assert parse_references(dump_references((reference,)))[0] == reference


def test_italics_and_a_link_on_the_same_text_nest_properly():
    source = r"""@online{k, title = {T}, url = {https://example.org/a},
  formatted = {\emph{See https://example.org/a} today.}}"""
    markdown = article_page(SEED, parse_references(source))
    assert '<i>See </i><a href="https://example.org/a"' in markdown
    assert "><i>https://example.org/a</i></a> today." in markdown
