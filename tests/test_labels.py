"""The pages' own words in the site's language (`theme.language`): a Polish journal's page says
"Streszczenie", a Portuguese journal's archive "3 artigos"; the source's text stays as written."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, build_site, copy_project
from scholarpage.model import Issue
from scholarpage.render.labels import LANGUAGES, article_count, issue_name, long_date, words


def test_every_language_names_every_word_and_keeps_its_placeholders():
    english = words("en")
    for language in LANGUAGES:
        said = words(language)
        assert set(said) == set(english)
        for name, text in said.items():
            assert re.findall(r"\{\w+\}", text) == re.findall(r"\{\w+\}", english[name]), (language, name)


@pytest.mark.parametrize(("language", "expected"), [
    ("pl", "Streszczenie"), ("pl-PL", "Streszczenie"), ("pt_BR", "Resumo"), ("DE", "Zusammenfassung"),
    ("ja", "Abstract"), ("", "Abstract"),  # a language without its own words: English
])
def test_a_language_is_found_by_its_base_and_falls_back_to_english(language, expected):
    assert words(language)["abstract"] == expected


@pytest.mark.parametrize(("language", "printed"), [
    ("en", "19 February 2026"), ("pl", "19 lutego 2026"), ("de", "19. Februar 2026"),
    ("fr", "19 février 2026"), ("es", "19 de febrero de 2026"), ("pt", "19 de fevereiro de 2026"),
])
def test_dates_read_as_each_language_writes_them(language, printed):
    assert long_date(dt.date(2026, 2, 19), language) == printed


@pytest.mark.parametrize(("count", "printed"), [
    (1, "1 artykuł"), (2, "2 artykuły"), (4, "4 artykuły"), (5, "5 artykułów"), (12, "12 artykułów"),
    (22, "22 artykuły"), (25, "25 artykułów"), (0, "0 artykułów"),
])
def test_polish_counts_take_polish_plurals(count, printed):
    assert article_count(count, "pl") == printed


@pytest.mark.parametrize(("volume", "number", "year"), [("60", "1", 2026), ("", "3", 2025), ("", "", 2025), ("7", "", 2024)])
def test_an_issue_is_named_in_english_as_the_model_names_it(volume, number, year):
    """Feeds, JSON-LD and error messages use Issue.label; English pages say the same."""
    assert issue_name(volume, number, year, "en") == Issue(volume, number, year, ()).label


@pytest.mark.parametrize(("language", "name"), [
    ("pl", "T. 60 nr 1 (2026)"), ("de", "Bd. 60 Nr. 1 (2026)"), ("es", "Vol. 60 Núm. 1 (2026)"),
    ("pt", "v. 60 n. 1 (2026)"),
])
def test_an_issue_is_named_as_ojs_names_it_in_each_language(language, name):
    assert issue_name("60", "1", 2026, language) == name


def _with_language(project: Path, language: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "  language: en\n" in text
    config.write_text(text.replace("  language: en\n", f"  language: {language}\n"), "utf-8")


def test_a_polish_article_page_speaks_polish_and_keeps_the_articles_text(tmp_path):
    project = copy_project(tmp_path / "project")
    _with_language(project, "pl")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = lxml.html.fromstring((tmp_path / "site" / "index.html").read_text("utf-8"))
    headings = [" ".join(h.text_content().split()).rstrip("¶ ") for h in page.xpath("//article//h2")]
    assert headings == ["Streszczenie", "Jak cytować", "Bibliografia"]
    facts = dict(zip(page.xpath("//dl[@class='sp-facts']//dt/text()"), page.xpath("//dl[@class='sp-facts']//dd"),
                     strict=True))
    assert facts["Opublikowano"].text_content() == "19 lutego 2026"
    assert {"Czasopismo", "Numer", "Do pobrania"} <= set(facts) and "Published" not in facts
    assert facts["Numer"].text_content() == "T. 60 nr 1 (2026)"
    assert page.xpath("//section[@class='sp-info']/@aria-label") == ["Informacje o artykule"]
    assert page.xpath("string(//li[h3[@id='ref-17']]//a[@class='sp-ref__scholar']/@aria-label)") == (
        "Google Scholar: pozycja 17")
    assert page.xpath("string(//p[@class='sp-cite-this__text'][1]/@data-copy-label)") == "Kopiuj opis w stylu APA"
    # the article's own title and the references' text are the source's, untranslated, and the
    # article's English is marked as such inside the Polish page
    assert page.xpath("string(//h1[@id='article-title'])").startswith("Peeling the Onion Skins")
    assert page.xpath("//h1[@id='article-title']/@lang") == ["en"] and page.xpath("/html/@lang") == ["pl"]
    assert page.xpath("string(//h3[@id='ref-17'])").startswith("Gorton Gary, Andrew Metrick")
    missing = lxml.html.fromstring((tmp_path / "site" / "404.html").read_text("utf-8"))
    assert missing.xpath("string(//article//h1)") == "Nie znaleziono strony"
    assert missing.xpath("//article//a/text()") == ["Przejdź do strony głównej"]


def test_a_portuguese_journal_speaks_portuguese_on_its_own_pages(tmp_path):
    project = tmp_path / "journal"
    import shutil

    shutil.copytree(ROOT / "examples" / "journal", project)
    _with_language(project, "pt-BR")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    home = lxml.html.fromstring((site / "index.html").read_text("utf-8"))
    assert home.xpath("string(//article//h2)").rstrip("¶ ") == "Edição atual"
    assert home.xpath("//p[@class='sp-more']/a/text()") == ["Todas as edições", "Feed Atom"]
    assert home.xpath("string(//p[@class='sp-issue__label'])").startswith("v. 3 n. 2 (2025)")
    archive = lxml.html.fromstring((site / "issues" / "index.html").read_text("utf-8"))
    assert archive.xpath("string(//h1)") == "Arquivo"
    assert all(re.fullmatch(r"\d+ artigos?", count) for count in archive.xpath("//span[@class='sp-toc__facts']/text()"))
    authors = lxml.html.fromstring((site / "authors" / "index.html").read_text("utf-8"))
    assert authors.xpath("string(//h1)") == "Autores"
