"""Real OJS article pages (tests/fixtures/ojs/README.md) import whole; other layouts, as small pages."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from scholarpage.cli import main
from scholarpage.importer.ojs_page import read_page
from scholarpage.sources.article_yml import load_article
from scholarpage.sources.bibtex import load_references

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

# file → what a reader of the page sees: title, journal, volume, issue, published, the abstract's
# first words, the number of references (counted by hand) and the first and last reference.
PAGES = {
    "ojs/ejsit-2024-399.html": dict(
        title="Software Testing using Multi-Collaboration Platforms",
        journal="European Journal of Science, Innovation and Technology", volume="4", issue="2",
        published=dt.date(2024, 3, 26), abstract="Software applications become increasingly complex", count=4,
        first="Awotar, M. & Sungkur, R. K. (2018). Optimization of Software Testing. International Conference on "
              "Computational Intelligence and Data Science (ICCIDS 2018). Procedia Computer Science, 132(2018), "
              "1804–1814.",
        last="Reid, S. (2012). The New Software Testing Standard. In C. Dale & T. Anderson (Eds.), Achieving Systems "
             "Safety. Springer, London. https://doi.org/10.1007/978-1-4471-2494-8_17"),
    "ojs/ijisae-2025-8015.md": dict(
        title="AI Hardware Accelerators: Architecture Trade-offs, Performance Analysis, and Production Deployment",
        journal="International Journal of Intelligent Systems and Applications in Engineering", volume="13",
        issue="2s", published=dt.date(2025, 8, 31),
        abstract="The exponential growth of artificial intelligence applications", count=30,
        first="Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” Nature, vol. 521, no. 7553, pp. 436-444, 2015.",
        last="T. Chen et al., “TVM: An automated end-to-end optimizing compiler for deep learning,” in Proc. 13th "
             "USENIX Symposium on Operating Systems Design and Implementation (OSDI), 2018, pp. 578-594."),
    "seed/ojs-article-page.txt": dict(
        title="Peeling the Onion Skins: Assessing Securitization of Intellectual Property Right for Private Sector "
              "Development in China and Vietnam",
        journal="Prawo i Więź", volume="60", issue="1", published=dt.date(2026, 2, 19),
        abstract="The rise of the knowledge economy", count=62,
        first="Alekseev Innokenty Y., Securitization of Intellectual Property. Thesis project, Stanford Law School, "
              "2002.",
        last="Zheng Hongfei, “Legal Dilemmas and Improvement Proposals for the Tax Regime of Intellectual Property "
             "Securitization in China” Southwest Finance, No. 10 (2018): 35-40."),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_real_ojs_page_imports_with_its_metadata_and_every_reference(name: str, tmp_path: Path) -> None:
    expected = PAGES[name]
    if name.startswith("seed/"):  # its copied text does not name the journal: the committed override does
        shutil.copy(ROOT / "import-overrides.yml", tmp_path)
    assert main(["import", str(FIXTURES / name), "--out", str(tmp_path)]) == 0
    article = load_article(tmp_path / "article.yml")
    assert (article.title, article.journal.title) == (expected["title"], expected["journal"])
    assert (article.volume, article.issue, article.published) == (expected["volume"], expected["issue"],
                                                                   expected["published"])
    assert article.year == expected["published"].year
    assert article.abstract and article.abstract[0].startswith(expected["abstract"])
    references = load_references(tmp_path / "references.bib")
    assert len(references) == expected["count"]
    assert (references[0].text, references[-1].text) == (expected["first"], expected["last"])


def test_a_page_range_split_over_two_paragraphs_is_one_reference() -> None:
    page = read_page((FIXTURES / "ojs/ijisae-2025-8015.md").read_text(encoding="utf-8"), is_html=False)
    assert "(FPGA), 2017, pp. 5-14." in page.references[16]
    assert "14." not in page.references and len(page.references) == 30


def test_the_breadcrumbs_section_name_is_not_taken_for_the_title() -> None:
    page = read_page((FIXTURES / "ojs/ijisae-2025-8015.md").read_text(encoding="utf-8"), is_html=False)
    assert page.article["section"] == "Research Article" and page.article["pages"] == "181–189"
    assert page.article["title"].startswith("AI Hardware Accelerators")


def test_the_pdf_link_is_read_from_the_meta_tags() -> None:
    page = read_page((FIXTURES / "ojs/ejsit-2024-399.html").read_text(encoding="utf-8"), is_html=True)
    assert page.pdf_url == "https://ejsit-journal.com/index.php/ejsit/article/download/399/375"


def test_each_reference_knows_the_line_of_the_page_it_came_from() -> None:
    path = FIXTURES / "ojs/ejsit-2024-399.html"
    page = read_page(path.read_text(encoding="utf-8"), is_html=True)
    source = path.read_text(encoding="utf-8").splitlines()
    for text, line in zip(page.references, page.lines, strict=True):
        assert text[:20] in source[line - 1]


# --- layouts no real page of the collection has yet: small synthetic pages, built from OJS's templates -----
OJS2_PAGE = """<!DOCTYPE html><html><head>
<meta name="citation_journal_title" content="Revista de Teste"/>
<meta name="citation_authors" content="Silva, Maria; Souza, João"/>
<meta name="citation_title" content="Um título"/>
<meta name="citation_date" content="15/03/2012"/>
<meta name="citation_volume" content="7"/><meta name="citation_issue" content="2"/>
<meta name="DC.Description" xml:lang="pt" content="Um resumo curto."/>
</head><body>
<div id="articleTitle"><h3>Um título</h3></div>
<div id="articleCitations"><h4>Referências</h4><br /><div>
<p>SILVA, M. Livro de teste. São Paulo: Editora, 2010.</p>
<p>SOUZA, J. Artigo de teste. Revista, v. 3, n. 1, p. 10-20, 2011.</p>
</div><br /></div></body></html>"""


def test_an_ojs2_page_reads_its_article_citations() -> None:
    page = read_page(OJS2_PAGE, is_html=True)
    assert page.references == ["SILVA, M. Livro de teste. São Paulo: Editora, 2010.",
                               "SOUZA, J. Artigo de teste. Revista, v. 3, n. 1, p. 10-20, 2011."]
    assert page.article["authors"] == [{"given": "Maria", "family": "Silva"}, {"given": "João", "family": "Souza"}]
    assert page.article["dates"] == {"published": "2012-03-15"} and page.article["abstract"] == "Um resumo curto."


THEMED_PAGE = """<!DOCTYPE html><html><head><meta name="citation_title" content="T"/>
<meta name="citation_reference" content="Kowalski J., Prawo. Warszawa 2020."/>
</head><body><div class="article-details"><h2 class="article-section-title">Bibliografia</h2>
<ol><li>Kowalski J., Prawo. Warszawa 2020.</li><li>Nowak A., Ustawa. Kraków 2019.</li></ol>
<h2>Pobrania</h2><p>PDF</p></div></body></html>"""


def test_a_theme_s_own_markup_is_read_by_its_heading_and_the_longer_list_wins() -> None:
    page = read_page(THEMED_PAGE, is_html=True)
    assert page.references == ["Kowalski J., Prawo. Warszawa 2020.", "Nowak A., Ustawa. Kraków 2019."]


def test_citation_reference_tags_are_read_when_they_hold_the_whole_list() -> None:
    page = read_page(THEMED_PAGE.replace("</head>", '<meta name="citation_reference" content="Nowak A., Ustawa. '
                                                   'Kraków 2019."/></head>'), is_html=True)
    assert page.references == ["Kowalski J., Prawo. Warszawa 2020.", "Nowak A., Ustawa. Kraków 2019."]
    assert page.lines[0] == 2


COPIED_IN_PORTUGUESE = """Ir para o conteúdo principal
Artigos
v. 12 n. 3 (2021)
Um estudo de caso sobre bibliotecas
Maria Silva
DOI:
https://doi.org/10.1234/abc.v12i3.99
Publicado
2021-09-30
Resumo
Este artigo estuda bibliotecas.
Palavras-chave: bibliotecas, leitura
Referências
SILVA, M. Livro de teste. São Paulo: Editora, 2010.
SOUZA, J. Artigo de teste. Revista, v. 3, n. 1, p. 10-
20, 2011.
Downloads
"""


def test_copied_text_in_another_interface_language_is_read_by_its_labels() -> None:
    page = read_page(COPIED_IN_PORTUGUESE, is_html=False)
    assert page.article["title"] == "Um estudo de caso sobre bibliotecas"
    assert (page.article["volume"], page.article["issue"], page.article["year"]) == ("12", "3", 2021)
    assert page.article["dates"] == {"published": "2021-09-30"} and page.article["doi"] == "10.1234/abc.v12i3.99"
    assert page.article["abstract"] == "Este artigo estuda bibliotecas."
    assert page.article["keywords"] == ["bibliotecas", "leitura"]
    assert page.references == ["SILVA, M. Livro de teste. São Paulo: Editora, 2010.",
                               "SOUZA, J. Artigo de teste. Revista, v. 3, n. 1, p. 10-20, 2011."]
    assert page.lines == [14, 15]


@pytest.mark.parametrize("label", ["References", "Bibliografia", "Referências", "Referencias", "Literatura",
                                   "Bibliographie", "Literaturverzeichnis", "Список литературы", "Tài liệu tham khảo",
                                   "参考文献", "Daftar Pustaka", "Kaynakça"])
def test_every_interface_language_s_reference_heading_is_found(label: str) -> None:
    text = COPIED_IN_PORTUGUESE.replace("Referências", label)
    assert len(read_page(text, is_html=False).references) == 2


NO_META_TAGS = """<html><head><title>A Study | Revista X</title></head><body><h1 class="page_title">A Study</h1>
<div class="item published"><div class="label">Publicado</div><div class="value">2021-05-04</div></div>
<div class="item issue"><a class="title" href="#">Vol. 9 Núm. 2 (2021)</a></div>
<section class="item references"><h2 class="label">Referencias</h2><div class="value">
<p>Gómez, A. Libro. Madrid: Ed., 2000.</p></div></section></body></html>"""


def test_a_page_without_meta_tags_is_read_from_what_it_shows() -> None:
    page = read_page(NO_META_TAGS, is_html=True)
    assert page.article["title"] == "A Study" and page.article["journal"] == {"title": "Revista X"}
    assert (page.article["volume"], page.article["issue"], page.article["dates"]) == ("9", "2",
                                                                                       {"published": "2021-05-04"})
    assert page.references == ["Gómez, A. Libro. Madrid: Ed., 2000."]


COPIED_WITH_ONE_LINE_BREADCRUMBS = """Skip to main content
Home / Archives / Vol. 13 No. 2s (2025) / Research Article
AI Hardware Accelerators: Architecture Trade-offs, Performance Analysis, and Production Deployment
Authors
Pradhyuman Yadav
Abstract
The exponential growth of artificial intelligence applications has created unprecedented demand.
References
Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” Nature, vol. 521, no. 7553, pp. 436-444, 2015.
E. Nurvitadhi et al., “Can FPGAs beat GPUs in accelerating nextgeneration deep neural networks?,” in Proc. ACM/SIGDA
International Symposium on Field-Programmable Gate Arrays (FPGA), 2017, pp. 5-
14.
Published
31.08.2025
How to Cite
Pradhyuman Yadav. (2025). AI Hardware Accelerators: Architecture Trade-offs, Performance Analysis, and Production \
Deployment. International Journal of Intelligent Systems and Applications in Engineering, 13(2s), 181–189.
"""


def test_copied_text_with_the_breadcrumbs_on_one_line_gives_title_section_and_journal() -> None:
    page = read_page(COPIED_WITH_ONE_LINE_BREADCRUMBS, is_html=False)
    assert page.article["title"].startswith("AI Hardware Accelerators") and page.article["section"] == "Research Article"
    assert page.article["journal"] == {"title": "International Journal of Intelligent Systems and Applications in "
                                                "Engineering"}
    assert (page.article["volume"], page.article["issue"], page.article["year"]) == ("13", "2s", 2025)
    assert len(page.references) == 2 and page.references[1].endswith("(FPGA), 2017, pp. 5-14.")


ISSUES = {
    "Vol. 60 No. 1 (2026): Prawo i Więź": ("60", "1", 2026), "Volume 25, Number 10 - 5 October 2020": ("25", "10", 2020),
    "v. 12 n. 3 (2021)": ("12", "3", 2021), "Т. 5 № 2 (2021)": ("5", "2", 2021), "Tập 13 Số 01S (2024)": ("13", "01S", 2024),
    "Tom 60 Nr 1 (2026)": ("60", "1", 2026), "Núm. 3 (2020)": ("", "3", 2020), "Vol. 8 (2019)": ("8", "", 2019),
    "Cilt 5 Sayı 2 (2020)": ("5", "2", 2020), "Vol. 13 No. 2s (2025)": ("13", "2s", 2025),
    # As OJS prints an issue in other languages it ships (its `issue.vol`, `issue.no` words).
    "Bd. 5 Nr. 2 (2021)": ("5", "2", 2021), "Évf. 5 szám 2 (2021)": ("5", "2", 2021),
    "Τόμ. 5 Αρ. 2 (2021)": ("5", "2", 2021), "Svezak 5 Br. 2 (2021)": ("5", "2", 2021),
    "Vol. 5 N.º 2 (2021)": ("5", "2", 2021), "Letn. 5 Št. 2 (2021)": ("5", "2", 2021),
    "Jil. 5 No. 2 (2021)": ("5", "2", 2021), "Diel 5 Číslo 2 (2021)": ("5", "2", 2021),
    "Т. 5 Бр. 2 (2021)": ("5", "2", 2021), "Sēj. 5 Nr. 2 (2021)": ("5", "2", 2021),
    "巻 5 号 2 (2021)": ("5", "2", 2021), "卷 5 期 2 (2021)": ("5", "2", 2021), "مجلد 5 عدد 2 (2021)": ("5", "2", 2021),
    "כרך 5 מספר 2 (2021)": ("5", "2", 2021), "Vol 5 Nro 2 (2021)": ("5", "2", 2021),
}


@pytest.mark.parametrize("printed", ISSUES)
def test_an_issue_is_read_as_printed_in_any_interface_language(printed: str) -> None:
    from scholarpage.importer.ojs_page import read_issue

    found = read_issue(printed, whole_line=True)
    assert (found["volume"], found["issue"], found["year"]) == ISSUES[printed]


def test_a_reference_line_is_no_issue_line() -> None:
    from scholarpage.importer.ojs_page import read_issue

    assert read_issue("North, Douglass. 1990. Institutions. Cambridge, Vol. 3 No. 2 (1990).", whole_line=True) == {}


def test_the_platform_s_link_labels_are_not_part_of_a_reference() -> None:
    html = ("<html><body><section class='item references'><h2 class='label'>References</h2><div class='value'>"
            "<p>Drahos Peter, A Philosophy of Intellectual Property. London: Routledge, 1996. "
            "<a href='https://scholar.google.com/x'>View in Google Scholar</a></p>"
            "<p>Chung Jili, Innovation’s Crouching Tiger. Ehgbooks, 2020. <a href='#'>Crossref</a></p>"
            "</div></section></body></html>")
    assert read_page(html, is_html=True).references == [
        "Drahos Peter, A Philosophy of Intellectual Property. London: Routledge, 1996.",
        "Chung Jili, Innovation’s Crouching Tiger. Ehgbooks, 2020."]


def test_copied_text_names_the_authors_that_how_to_cite_names_too() -> None:
    page = read_page((FIXTURES / "ojs/ijisae-2025-8015.md").read_text(encoding="utf-8"), is_html=False)
    assert page.article["authors"] == [{"given": "Pradhyuman", "family": "Yadav"}]
    text = COPIED_WITH_ONE_LINE_BREADCRUMBS.replace("Pradhyuman Yadav\n", "Anton du Plessis\nInstitute for Security "
                                                    "Studies\n").replace("Pradhyuman Yadav.", "du Plessis, A.")
    assert read_page(text, is_html=False).article["authors"] == [{"given": "Anton", "family": "du Plessis"}]


def test_a_markdown_copy_keeps_the_printed_text_not_its_markup() -> None:
    text = ("[Home](https://j.org/) / [Archives](https://j.org/a) / [Vol. 2 No. 1 (2020)](https://j.org/i)\n\n"
            "# A Title of Four Words\n\n## Abstract\n\nShort.\n\n## References\n\n"
            "Smith, J. (2019). A study. _Journal of Tests_, _4_(2), 5–14. [https://doi.org/10.1000/x_1]"
            "(https://doi.org/10.1000/x_1)\n\n**Jones, K.** (2020). *Another*. Press.\n")
    assert read_page(text, is_html=False).references == [
        "Smith, J. (2019). A study. Journal of Tests, 4(2), 5–14. https://doi.org/10.1000/x_1",
        "Jones, K. (2020). Another. Press."]


# How each theme prints the list (from the themes' article_details.tpl: the default theme of OJS 3.0–3.1 and of
# 3.2–3.4, classic, immersion, pragma, bootstrap3, healthSciences; OJS 2), filled with made-up entries. Synthetic.
ENTRIES = ["Kowalski J., Prawo cywilne. Warszawa 2020.", "Nowak A., Ustawa o prawie. Kraków 2019.",
           "Smith, J. (2018). A study of things. Journal of Tests, 3(2), 1-10."]
_RAW, _PARAS = "<br />\n".join(ENTRIES), "".join(f"<p>{e}</p>" for e in ENTRIES)
_ITEMS = "".join(f"<li>{e}</li>" for e in ENTRIES)
THEMES = {
    "default 3.0-3.1, raw": '<div class="item references">\n<h3 class="label">\n{}\n</h3>\n<div class="value">\n'
                            + _RAW + "\n</div></div>",
    "default 3.2-3.4": '<section class="item references">\n<h2 class="label">\n{}\n</h2>\n<div class="value">'
                       + _PARAS + "</div></section>",
    "classic": '<div class="item references"><h3 class="label">{}</h3><ol class="references-list">' + _ITEMS
               + "</ol></div>",
    "immersion": '<section class="article-page"><h3 class="label">Abstract</h3><p>A.</p><h3 class="label">{}</h3>'
                 '<ol class="references">' + _ITEMS + "</ol></section>",
    "pragma, raw": '<div class="item references"><h3 class="label">{}</h3><div class="value">' + _RAW + "</div></div>",
    "bootstrap3, raw": '<div class="article-references"><h2>{}</h2><div class="article-references-content">' + _RAW
                       + "</div></div>",
    "healthSciences": '<div class="article-details-block article-details-references"><h2 class="article-details-heading">'
                      '{}</h2><div class="article-details-references-value">' + _PARAS + "</div></div>",
    "OJS 2": '<div id="articleCitations"><h4>{}</h4><br /><div>' + _RAW + "</div><br /></div>",
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("label", ["References", "Посилання", "Библиографические ссылки", "Literatura citada"])
def test_each_theme_s_list_is_read_under_any_label_even_one_not_known(theme: str, label: str) -> None:
    page = ('<html><head><meta name="citation_title" content="T"/></head><body>' + THEMES[theme].format(label)
            + "<h2>Downloads</h2></body></html>")
    assert read_page(page, is_html=True).references == ENTRIES


# `submission.citations` as OJS prints it, in languages the first list of labels lacked (pkp-lib's locale files).
@pytest.mark.parametrize("label", ["Посилання", "Библиографические ссылки", "Литература (библиография)", "Citas",
                                   "Lähdeviitteet", "Hivatkozások", "Referanslar", "Referències", "Αναφορές", "Nuorodos",
                                   "Referințe", "Әдебиеттер тізімі"])
def test_the_reference_heading_ojs_prints_in_each_language_it_ships_is_found(label: str) -> None:
    text = COPIED_IN_PORTUGUESE.replace("Referências", label)
    assert len(read_page(text, is_html=False).references) == 2


# The copied Portuguese page again, with what OJS prints in other languages it ships (its locale files: the issue's
# volume and number words, "Published", "Abstract", "References"). Synthetic.
OJS_LABELS = {
    "fr": ("Vol. 12 No 3 (2021)", "Publiée", "Résumé", "Références"),
    "el": ("Τόμ. 12 Αρ. 3 (2021)", "Δημοσιευμένα", "Περίληψη", "Αναφορές"),
    "ja": ("巻 12 号 3 (2021)", "発行日", "要旨", "参考文献"),
    "hu": ("Évf. 12 szám 3 (2021)", "Megjelent", "Absztrakt", "Hivatkozások"),
    "ru": ("Том 12 № 3 (2021)", "Опубликован", "Аннотация", "Библиографические ссылки"),
    "ca": ("Vol. 12 Núm. 3 (2021)", "Publicat", "Resum", "Referències"),
    "lt": ("T. 12 Nr. 3 (2021)", "Išleista", "Anotacija", "Nuorodos"),
    "ar": ("مجلد 12 عدد 3 (2021)", "منشور", "الملخص", "المراجع"),
}


@pytest.mark.parametrize("language", OJS_LABELS)
def test_copied_text_in_each_language_ojs_ships_gives_issue_date_abstract_and_references(language: str) -> None:
    issue, published, abstract, references = OJS_LABELS[language]
    text = (COPIED_IN_PORTUGUESE.replace("v. 12 n. 3 (2021)", issue).replace("Publicado", published)
            .replace("Resumo", abstract).replace("Referências", references))
    page = read_page(text, is_html=False)
    assert (page.article["volume"], page.article["issue"], page.article["year"]) == ("12", "3", 2021)
    assert page.article["dates"] == {"published": "2021-09-30"}
    assert page.article["abstract"] == "Este artigo estuda bibliotecas." and len(page.references) == 2


# --- pages as other OJS versions and themes write them (built from OJS 2.4 and 3.1-3.5 templates) --

OJS2_XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name="citation_title" content="Ilhas de calor"/>
<meta name="citation_date" content="2016/05/30"/></head>
<body><div id="articleCitations"><h4>Referências</h4><div>
<p>MENDONÇA, F.; MONTEIRO, C. A. F. Clima urbano. São Paulo: Contexto, 2003.</p>
<p>SILVA, J. P. Clima urbano. Revista Brasileira de Climatologia, v. 25, n. 1, p. 33-51, 2019.</p></div></div></body></html>"""


def test_an_ojs2_page_with_its_xml_declaration_imports(tmp_path: Path, capsys) -> None:
    """OJS 2.4's header.tpl opens every page with one; "Save as HTML only" and wget keep it."""
    for first in ("", "<!-- saved from url=(0059)https://revistas.example.edu/index.php/rgs/article/view/1 -->\n",
                  "<br />\n<b>Deprecated</b>: Function create_function() is deprecated in <b>/x.php</b> on line <b>9</b>\n"):
        page = tmp_path / "page.html"
        page.write_text(first + OJS2_XHTML, "utf-8")
        assert read_page(page.read_text("utf-8"), is_html=True).references[1].startswith("SILVA, J. P.")
        assert main(["import", str(page), "--out", str(tmp_path / "out")]) != 0  # no journal: refused, not crashed
        assert "journal: required field is missing" in capsys.readouterr().err


AUTHORS_PAGE = """<!DOCTYPE html><html><head><meta name="citation_title" content="Urban heat islands"/>
<meta name="citation_author" content="María José García López"/>
<meta name="citation_author_institution" content="Universidad de Sevilla, Spain"/>
<meta name="citation_author" content="Jan van der Berg"/>
<meta name="citation_author_institution" content="Wageningen University"/>
<meta name="citation_author_institution" content="Utrecht University"/>
<meta name="citation_author" content="Siti Rahmawati"/>
<meta name="citation_date" content="2023"/><meta name="DC.Date.created" scheme="ISO8601" content="2022-11-30"/>
<meta name="DC.Rights" content="Copyright (c) 2022 The authors"/>
<meta name="DC.Rights" content="https://creativecommons.org/licenses/by-nc-sa/4.0/"/>
</head><body><ul class="authors">
<li><span class="name">María José García López</span><span class="affiliation">Universidad de Sevilla</span>
<span class="orcid"><a href="https://orcid.org/0000-0002-1825-0097" target="_blank">https://orcid.org/0000-0002-1825-0097</a></span></li>
<li><span class="name">Jan van der Berg</span></li></ul></body></html>"""


def test_affiliations_orcid_ids_and_licence_are_read_from_the_page() -> None:
    article = read_page(AUTHORS_PAGE, is_html=True).article
    assert [(a.get("affiliation"), a.get("orcid")) for a in article["authors"]] == [
        ("Universidad de Sevilla, Spain", "https://orcid.org/0000-0002-1825-0097"),
        ("Wageningen University; Utrecht University", None), (None, None)]
    assert article["license"] == {"name": "CC BY-NC-SA 4.0", "url": "https://creativecommons.org/licenses/by-nc-sa/4.0/"}


def test_an_online_first_article_keeps_its_issue_year_and_the_day_it_went_online() -> None:
    """OJS gives `citation_date` as the issue's bare year when the article came out earlier."""
    article = read_page(AUTHORS_PAGE, is_html=True).article
    assert article["year"] == 2023 and article["dates"] == {"published": "2022-11-30"}


SPANISH_COPY = """Inicio / Archivos / Vol. 12 Núm. 2 (2022) / Artículos

Islas de calor urbanas y salud

Autores/as

    María García
    Universidad de Sevilla

Resumen

Las islas de calor elevan la temperatura.

Citas

Oke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal of the Royal Meteorological Society, 108(455), 1–24.

PDF

Publicado
30-11-2022

Cómo citar

García, M. (2022). Islas de calor urbanas y salud. Revista X, 12(2), 45–68.
"""


def test_a_copied_page_s_details_after_the_references_are_not_read_as_references() -> None:
    """OJS 3's default theme prints the published date after the list; es_ES calls authors "Autores/as"."""
    page = read_page(SPANISH_COPY, is_html=False)
    assert len(page.references) == 1 and page.references[0].startswith("Oke, T. R. (1982)")
    assert page.article["dates"] == {"published": "2022-11-30"}
    assert page.article["authors"] == [{"given": "María", "family": "García"}]


# --- multilingual pages: OJS writes DC.Description, DC.Subject and citation_keywords once per locale, each with its
# xml:lang (pkp-lib's Dublin Core and Google Scholar plugins). Synthetic heads as OJS 3.3 and 2.4 write them.
POLISH_ARTICLE_ENGLISH_INTERFACE = """<!DOCTYPE html>
<html lang="en-US" xml:lang="en-US"><head><meta charset="utf-8">
<title>Rynek praw własności intelektualnej | Przegląd Prawniczy</title>
<meta name="generator" content="Open Journal Systems 3.3.0.13">
<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />
<meta name="DC.Creator.PersonalName" content="Anna Kowalska"/>
<meta name="DC.Date.issued" scheme="ISO8601" content="2021-06-30"/>
<meta name="DC.Description" xml:lang="en" content="The article examines the market for intellectual property rights."/>
<meta name="DC.Description" xml:lang="pl" content="Artykuł analizuje rynek praw własności intelektualnej."/>
<meta name="DC.Language" scheme="ISO639-1" content="pl"/>
<meta name="DC.Source" content="Przegląd Prawniczy"/>
<meta name="DC.Subject" xml:lang="en" content="intellectual property"/>
<meta name="DC.Subject" xml:lang="en" content="securitization"/>
<meta name="DC.Subject" xml:lang="pl" content="własność intelektualna"/>
<meta name="DC.Subject" xml:lang="pl" content="sekurytyzacja"/>
<meta name="DC.Title" content="Rynek praw własności intelektualnej"/>
<meta name="DC.Title.Alternative" xml:lang="en" content="The market for intellectual property rights"/>
<meta name="citation_journal_title" content="Przegląd Prawniczy"/>
<meta name="citation_author" content="Anna Kowalska"/>
<meta name="citation_title" content="Rynek praw własności intelektualnej"/>
<meta name="citation_language" content="pl"/>
<meta name="citation_date" content="2021/06/30"/>
<meta name="citation_volume" content="12"/><meta name="citation_issue" content="2"/>
<meta name="citation_keywords" xml:lang="en" content="intellectual property"/>
<meta name="citation_keywords" xml:lang="en" content="securitization"/>
<meta name="citation_keywords" xml:lang="pl" content="własność intelektualna"/>
<meta name="citation_keywords" xml:lang="pl" content="sekurytyzacja"/>
</head><body class="pkp_page_article pkp_op_view"><article class="obj_article_details">
<h1 class="page_title">Rynek praw własności intelektualnej</h1>
<section class="item abstract"><h2 class="label">Abstract</h2>
<p>Artykuł analizuje rynek praw własności intelektualnej.</p></section>
<section class="item references"><h2 class="label">References</h2><div class="value">
<p>Kowalski J., Prawo cywilne. Warszawa 2020.</p><p>Nowak A., Ustawa o prawie. Kraków 2019.</p>
</div></section></article></body></html>"""

# OJS 2.4's classic theme, a Spanish interface, no citation_language: the page's own language decides.
SPANISH_OJS2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="es-ES" xml:lang="es-ES"><head>
<meta name="DC.Description" xml:lang="en" content="Urban heat islands raise temperatures."/>
<meta name="DC.Description" xml:lang="es" content="Las islas de calor urbanas elevan la temperatura."/>
<meta name="DC.Subject" xml:lang="en" content="heat island; city"/>
<meta name="DC.Subject" xml:lang="es" content="isla de calor; ciudad"/>
<meta name="citation_journal_title" content="Revista de Geografía"/>
<meta name="citation_title" content="Islas de calor urbanas"/>
<meta name="citation_date" content="15/03/2012"/>
</head><body><div id="articleTitle"><h3>Islas de calor urbanas</h3></div>
<div id="articleCitations"><h4>Referencias</h4><br /><div>
<p>Oke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal, 108(455), 1–24.</p>
</div><br /></div></body></html>"""

# OJS 3.4's Google Scholar tags give the abstract too, with `lang`; German comes second.
GERMAN_WITH_CITATION_ABSTRACT = """<!DOCTYPE html><html lang="de"><head>
<meta name="citation_title" content="Stadtklima und Gesundheit"/>
<meta name="citation_journal_title" content="Zeitschrift für Tests"/><meta name="citation_date" content="2024/01/10"/>
<meta name="citation_language" content="de"/>
<meta name="citation_abstract" lang="en" content="Urban climate affects health."/>
<meta name="citation_abstract" lang="de" content="Das Stadtklima beeinflusst die Gesundheit."/>
<meta name="citation_keywords" lang="en" content="urban climate"/>
<meta name="citation_keywords" lang="de" content="Stadtklima"/><meta name="citation_keywords" lang="de" content="Gesundheit"/>
</head><body><section class="item references"><h2 class="label">Literaturhinweise</h2><div class="value">
<p>Oke, T. R. (1982). The energetic basis of the urban heat island. Quarterly Journal, 108(455), 1–24.</p>
</div></section></body></html>"""

MULTILINGUAL = {
    "pl article, en interface": (POLISH_ARTICLE_ENGLISH_INTERFACE, "Artykuł analizuje rynek",
                                 ["własność intelektualna", "sekurytyzacja"]),
    "es OJS 2.4, no citation_language": (SPANISH_OJS2, "Las islas de calor", ["isla de calor", "ciudad"]),
    "de, citation_abstract with lang": (GERMAN_WITH_CITATION_ABSTRACT, "Das Stadtklima", ["Stadtklima", "Gesundheit"]),
}


@pytest.mark.parametrize("name", MULTILINGUAL)
def test_a_multilingual_page_gives_the_abstract_and_keywords_in_the_article_s_language(name: str) -> None:
    html, abstract, keywords = MULTILINGUAL[name]
    article = read_page(html, is_html=True).article
    assert article["abstract"].startswith(abstract)
    assert article["keywords"] == keywords  # that language's only: no mix of every locale's


def test_a_multilingual_page_imports_in_its_own_language(tmp_path: Path) -> None:
    page = tmp_path / "artykul.html"
    page.write_text(POLISH_ARTICLE_ENGLISH_INTERFACE, "utf-8")
    assert main(["import", str(page), "--out", str(tmp_path / "out")]) == 0
    article = load_article(tmp_path / "out" / "article.yml")
    assert article.language == "pl" and article.keywords == ("własność intelektualna", "sekurytyzacja")
    assert article.abstract == ("Artykuł analizuje rynek praw własności intelektualnej.",)


def test_tags_in_no_language_the_article_is_in_give_one_language_not_a_mix() -> None:
    html = GERMAN_WITH_CITATION_ABSTRACT.replace('content="de"', 'content="fr"').replace('lang="de"', 'lang="it"')
    article = read_page(html, is_html=True).article
    assert article["abstract"] == "Urban climate affects health." and article["keywords"] == ["urban climate"]


def test_of_abstracts_shown_in_several_languages_the_article_s_is_taken() -> None:
    html = ('<html lang="en"><head><meta name="citation_title" content="T"/><meta name="citation_language" '
            'content="uk"/></head><body><section class="item abstract" lang="en"><h2 class="label">Abstract</h2>'
            '<p>In English.</p></section><section class="item abstract" lang="uk"><h2 class="label">Анотація</h2>'
            "<p>Українською.</p></section></body></html>")
    assert read_page(html, is_html=True).article["abstract"] == "Українською."


# --- one reference wrapped over two <p>s (an editor's line break pasted into the references field, a theme's
# own paragraphs): the second part is joined back when it cannot begin a reference. Synthetic, as the themes print.
def _references_page(paragraphs: list[str], wrapper: str = "default") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    lists = {"default": '<section class="item references"><h2 class="label">Referências</h2><div class="value">{}'
                        "</div></section>",
             "healthSciences": '<div class="article-details-block article-details-references"><h2 class="article-'
                               'details-heading">Bibliografia</h2><div class="article-details-references-value">{}'
                               "</div></div>",
             "OJS 2": '<div id="articleCitations"><h4>Literaturverzeichnis</h4><br /><div>{}</div><br /></div>'}
    return ('<html><head><meta name="citation_title" content="T"/></head><body>' + lists[wrapper].format(body)
            + "<h2>Downloads</h2></body></html>")


WRAPPED = {
    "a lower-case word": (["SILVA, M. Clima urbano e saúde. Revista Brasileira de Climatologia, v. 25,",
                           "n. 1, p. 33-51, 2019.", "SOUZA, J. Artigo de teste. Revista, v. 3, 2011."],
                          ["SILVA, M. Clima urbano e saúde. Revista Brasileira de Climatologia, v. 25, n. 1, p. 33-51, "
                           "2019.", "SOUZA, J. Artigo de teste. Revista, v. 3, 2011."]),
    "a page range": (["Kowalski J., Prawo cywilne, Państwo i Prawo 2020, nr 3, s.", "15–29.",
                      "Nowak A., Ustawa o prawie. Kraków 2019."],
                     ["Kowalski J., Prawo cywilne, Państwo i Prawo 2020, nr 3, s. 15–29.",
                      "Nowak A., Ustawa o prawie. Kraków 2019."]),
    "a page range after a full stop": (["Müller, K. (2018). Stadtklima. Zeitschrift für Geographie, 62(1).", "33–51.",
                                        "Schmidt, L. (2020). Hitzeinseln. Berlin: Springer."],
                                       ["Müller, K. (2018). Stadtklima. Zeitschrift für Geographie, 62(1). 33–51.",
                                        "Schmidt, L. (2020). Hitzeinseln. Berlin: Springer."]),
    "a page range broken at its dash": (["Smith, J. (2019). A study of things. Journal of Tests, 3(2), 10-", "20.",
                                         "Jones, K. (2020). Another study. Press."],
                                        ["Smith, J. (2019). A study of things. Journal of Tests, 3(2), 10-20.",
                                         "Jones, K. (2020). Another study. Press."]),
    "an editor's chapter after In:": (["Nowak A., Umowy. In:", "Kowalski J. (red.), System prawa prywatnego, "
                                       "Warszawa 2015, s. 5-9.", "Zieliński P., Prawo. Warszawa 2010."],
                                      ["Nowak A., Umowy. In: Kowalski J. (red.), System prawa prywatnego, Warszawa 2015, "
                                       "s. 5-9.", "Zieliński P., Prawo. Warszawa 2010."]),
}


@pytest.mark.parametrize("wrapper", ["default", "healthSciences", "OJS 2"])
@pytest.mark.parametrize("case", WRAPPED)
def test_a_reference_wrapped_over_two_paragraphs_is_one_reference(case: str, wrapper: str) -> None:
    paragraphs, expected = WRAPPED[case]
    assert read_page(_references_page(paragraphs, wrapper), is_html=True).references == expected


SEPARATE = {
    "an author in lower case, with a year": ["Freire, P. (1970). Pedagogy of the Oppressed. New York: Herder.",
                                             "bell hooks (1994). Teaching to Transgress. New York: Routledge."],
    "a family-name particle": ["Berg, A. (2001). Polders. Leiden: Brill.",
                               "van der Berg, J. (2003). Dikes and water. Delft: VSSD."],
    "a list number": ["1. Kowalski J., Prawo cywilne. Warszawa 2020.", "2. Nowak A., Ustawa. Kraków 2019."],
    "a year first": ["Oke, T. R. (1982). The urban heat island. Quarterly Journal, 108(455), 1–24.",
                     "2019 World Population Prospects. New York: United Nations."],
    "an organisation": ["Smith, J. (2019). A study. Journal of Tests, 3(2), 1-10.",
                        "World Health Organization. Heat and health. Geneva: WHO, 2018."],
}


@pytest.mark.parametrize("case", SEPARATE)
def test_separate_references_in_paragraphs_stay_separate(case: str) -> None:
    found = read_page(_references_page(SEPARATE[case]), is_html=True).references
    assert len(found) == 2 and found[1].endswith(SEPARATE[case][1][-12:])


def test_a_wrapped_reference_keeps_the_line_it_starts_on_and_the_tags_still_win() -> None:
    """The page's `citation_reference` tags hold each reference whole; the list read from the page no longer
    outnumbers them because of a wrapped entry."""
    paragraphs, expected = WRAPPED["a lower-case word"]
    tags = "".join(f'<meta name="citation_reference" content="{text}"/>\n' for text in expected)
    html = _references_page(paragraphs).replace("<head>", "<head>\n" + tags)
    page = read_page(html, is_html=True)
    assert page.references == expected and page.lines == [2, 3]


# --- pages saved without their meta tags ("Web page, HTML only" after a plugin stripped them, or a theme that
# drops them): the DOI, keywords and authors the page shows. Each as its theme's article_details.tpl prints them.
_REFERENCE = ('<section class="item references"><h2 class="label">{}</h2><div class="value">'
              "<p>Oke, T. R. (1982). The urban heat island. Quarterly Journal, 108(455), 1–24.</p></div></section>")
SHOWN = {
    "default 3.3, Spanish": (
        '<html lang="es-ES"><head><title>Islas de calor | Revista X</title></head><body class="pkp_page_article">'
        '<article class="obj_article_details"><h1 class="page_title">Islas de calor</h1>'
        '<section class="item authors"><h2 class="pkp_screen_reader">Autores/as</h2><ul class="authors">'
        '<li><span class="name">María José García López</span><span class="affiliation">Universidad de Sevilla'
        '</span><span class="orcid"><svg></svg><a href="https://orcid.org/0000-0002-1825-0097" target="_blank">'
        "https://orcid.org/0000-0002-1825-0097</a></span></li>"
        '<li><span class="name">Jan van der Berg</span></li></ul></section>'
        '<section class="item doi"><h2 class="label">DOI:</h2><span class="value">'
        '<a href="https://doi.org/10.1234/rx.v9i2.77">https://doi.org/10.1234/rx.v9i2.77</a></span></section>'
        '<section class="item keywords"><h2 class="label">Palabras clave:</h2><span class="value">'
        "isla de calor, ciudad, salud</span></section>" + _REFERENCE.format("Referencias") + "</article></body></html>"),
    "Manuscript, Ukrainian": (
        '<html lang="uk-UA"><head><title>Міський клімат</title></head><body><article class="obj_article_details">'
        '<h1 class="page_title">Міський клімат</h1><ul class="item authors"><li><span class="name">Олена Петренко'
        '</span><span class="affiliation">Київський університет</span><span class="orcid"><a href='
        '"https://orcid.org/0000-0001-5109-3700">https://orcid.org/0000-0001-5109-3700</a></span></li></ul>'
        '<div class="main_entry"><div class="item doi"><span class="label">DOI</span><span class="value"><a href='
        '"https://doi.org/10.5555/mk.2020.1">https://doi.org/10.5555/mk.2020.1</a></span></div></div>'
        '<div class="item keywords"><span class="label">Ключові слова:</span><span class="value">клімат, місто'
        "</span></div>" + _REFERENCE.format("Посилання") + "</article></body></html>"),
    "bootstrap3, Polish": (
        '<html lang="pl-PL"><head><title>Klimat miasta</title></head><body><article class="article-details">'
        '<header><h1 class="page-header">Klimat miasta</h1></header><div class="list-group">'
        '<div class="list-group-item doi"><strong>DOI:</strong> <a href="https://doi.org/10.4467/km.2021.3">'
        "https://doi.org/10.4467/km.2021.3</a></div>"
        '<div class="list-group-item keywords"><strong>Słowa kluczowe:</strong><div class=""><span class="value">'
        "klimat; miasto</span></div></div></div>"
        '<section class="article-main"><div class="authors"><div class="author"><strong>Anna Kowalska</strong>'
        '<div class="article-author-affilitation">Uniwersytet Jagielloński</div></div></div></section>'
        '<div class="article-references"><h2>Bibliografia</h2><div class="article-references-content">'
        "Oke, T. R. (1982). The urban heat island. Quarterly Journal, 108(455), 1–24.</div></div>"
        "</article></body></html>"),
    "healthSciences, Portuguese": (
        '<html lang="pt-BR"><head><title>Clima urbano</title></head><body><div class="article-details">'
        '<h1 class="article-details-fulltitle">Clima urbano</h1><div class="article-details-doi large-screen">'
        '<a href="https://doi.org/10.1590/cu.2022.8">https://doi.org/10.1590/cu.2022.8</a></div>'
        '<ul class="authors-string"><li><a class="author-string-href" href="#author-1"><span>Maria Silva</span></a>'
        '</li></ul><div class="article-details-authors"><div class="article-details-author" id="author-1">'
        '<div class="article-details-author-name small-screen">Maria Silva</div>'
        '<div class="article-details-author-affiliation">Universidade de São Paulo</div></div></div>'
        '<div class="article-details-block article-details-keywords"><h2 class="article-details-heading">'
        'Palavras-chave</h2><div class="article-details-keywords-value"><span>clima urbano</span><br>'
        "<span>saúde, ambiente</span></div></div>"
        '<div class="article-details-block article-details-references"><h2 class="article-details-heading">'
        'Referências</h2><div class="article-details-references-value"><p>Oke, T. R. (1982). The urban heat '
        "island. Quarterly Journal, 108(455), 1–24.</p></div></div></div></body></html>"),
    "OJS 2.4 classic, French": (
        '<html lang="fr-CA"><head><title>Climat urbain</title></head><body><div id="articleTitle"><h3>Climat urbain'
        '</h3></div><div id="authorString"><em>Marie Tremblay, Luc Gagnon</em></div><br />'
        '<div id="articleSubject"><h4>Mots-clés</h4><br /><div>climat; ville</div><br /></div>'
        '<a id="pub-id::doi" href="http://dx.doi.org/10.7202/cu.2013.4">http://dx.doi.org/10.7202/cu.2013.4</a>'
        '<div id="articleCitations"><h4>Références</h4><br /><div><p>Oke, T. R. (1982). The urban heat island. '
        "Quarterly Journal, 108(455), 1–24.</p></div><br /></div></body></html>"),
}
SHOWN_EXPECTED = {
    "default 3.3, Spanish": ("10.1234/rx.v9i2.77", ["isla de calor", "ciudad", "salud"], [
        {"given": "María José García", "family": "López", "affiliation": "Universidad de Sevilla",
         "orcid": "https://orcid.org/0000-0002-1825-0097"}, {"given": "Jan", "family": "van der Berg"}]),
    "Manuscript, Ukrainian": ("10.5555/mk.2020.1", ["клімат", "місто"], [
        {"given": "Олена", "family": "Петренко", "affiliation": "Київський університет",
         "orcid": "https://orcid.org/0000-0001-5109-3700"}]),
    "bootstrap3, Polish": ("10.4467/km.2021.3", ["klimat", "miasto"], [
        {"given": "Anna", "family": "Kowalska", "affiliation": "Uniwersytet Jagielloński"}]),
    "healthSciences, Portuguese": ("10.1590/cu.2022.8", ["clima urbano", "saúde, ambiente"], [
        {"given": "Maria", "family": "Silva", "affiliation": "Universidade de São Paulo"}]),
    "OJS 2.4 classic, French": ("10.7202/cu.2013.4", ["climat", "ville"], [
        {"given": "Marie", "family": "Tremblay"}, {"given": "Luc", "family": "Gagnon"}]),
}


@pytest.mark.parametrize("theme", SHOWN)
def test_without_meta_tags_the_doi_keywords_and_authors_come_from_what_the_page_shows(theme: str) -> None:
    page = read_page(SHOWN[theme], is_html=True)
    doi, keywords, authors = SHOWN_EXPECTED[theme]
    assert (page.article.get("doi"), page.article.get("keywords"), page.article.get("authors")) == (doi, keywords,
                                                                                                    authors)
    assert len(page.references) == 1


def test_the_meta_tags_win_over_what_the_page_shows() -> None:
    html = SHOWN["default 3.3, Spanish"].replace("<head>", '<head><meta name="citation_doi" content="10.9999/meta.1"/>'
                                                 '<meta name="citation_author" content="Ana Ruiz"/>'
                                                 '<meta name="citation_keywords" content="calor"/>')
    article = read_page(html, is_html=True).article
    assert (article["doi"], article["keywords"], article["authors"]) == ("10.9999/meta.1", ["calor"],
                                                                         [{"given": "Ana", "family": "Ruiz"}])


def test_a_cited_work_s_doi_is_not_taken_for_the_article_s() -> None:
    html = ('<html><head><title>T | J</title></head><body><h1 class="page_title">T</h1>'
            '<section class="item references"><h2 class="label">References</h2><div class="value"><p>Oke, T. R. '
            '(1982). The urban heat island. <span class="doi"><a href="https://doi.org/10.1002/qj.1">'
            "https://doi.org/10.1002/qj.1</a></span></p></div></section></body></html>")
    assert "doi" not in read_page(html, is_html=True).article
