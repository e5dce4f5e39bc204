"""The words of the pages' interface in the site's language (`theme.language`), so that a Polish
journal's article page says "Streszczenie" where Material, around it, already speaks Polish.

Languages not listed here fall back to English, word by word, as the search box's do
(assets/search.js). The source's own text (titles, abstracts, names) is never translated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType

_ENGLISH = {
    "abstract": "Abstract",
    "keywords": "Keywords",
    "cite_this": "Cite this article",
    "references": "References",
    "downloads": "Downloads",
    "citation": "Citation",
    "of_this_article": "{format} (citation of this article)",
    "of_all_references": "{format} (all references)",
    "authors": "Authors",
    "affiliations": "Affiliations",
    "article_information": "Article information",
    "journal": "Journal",
    "issue": "Issue",
    "pages": "Pages",
    "article_number": "Article number",
    "doi": "DOI",
    "submitted": "Submitted",
    "accepted": "Accepted",
    "published": "Published",
    "licence": "Licence",
    "scholar_reference": "Google Scholar: reference {number}",
    "link_of": "link of reference {number}",
    "doi_of": "DOI of reference {number}",
    "copy_style": "Copy {style} citation",
    "copy_link": "Copy link",
    "copy_link_of": "Copy link to reference {number}",
    "copy_citation": "Copy citation",
    "copy_citation_of": "Copy citation of reference {number}",
    "copy_bibtex": "Copy BibTeX",
    "copy_bibtex_of": "Copy BibTeX of reference {number}",
    "copy_failed": "Could not copy the BibTeX entry",
    "current_issue": "Current issue",
    "latest_articles": "Latest articles",
    "all_issues": "All issues",
    "all_years": "All years",
    "atom_feed": "Atom feed",
    "contents": "Contents",
    "issue_citations": "This issue's citations:",
    "archive": "Archive",
    "volume": "Volume {volume}",
    "issues": "Issues",
    "years": "Years",
    "issn_print": "ISSN (print)",
    "issn_online": "ISSN (online)",
    "publisher": "Publisher",
    "contact": "Contact",
    "page_range": "pp. {pages}",
    "not_found": "Page not found",
    "nothing_here": "There is nothing at this address.",
    "go_home": "Go to the home page",
}

_TRANSLATIONS: dict[str, dict[str, str]] = {
    "pl": {
        "abstract": "Streszczenie", "keywords": "Słowa kluczowe", "cite_this": "Jak cytować",
        "references": "Bibliografia", "downloads": "Do pobrania", "citation": "Cytowanie",
        "of_this_article": "{format} (opis bibliograficzny artykułu)",
        "of_all_references": "{format} (cała bibliografia)", "authors": "Autorzy", "affiliations": "Afiliacje",
        "article_information": "Informacje o artykule", "journal": "Czasopismo", "issue": "Numer",
        "pages": "Strony", "article_number": "Numer artykułu", "submitted": "Nadesłano", "accepted": "Przyjęto",
        "published": "Opublikowano", "licence": "Licencja", "scholar_reference": "Google Scholar: pozycja {number}",
        "link_of": "link pozycji {number}", "doi_of": "DOI pozycji {number}",
        "copy_style": "Kopiuj opis w stylu {style}", "copy_link": "Kopiuj link",
        "copy_link_of": "Kopiuj link do pozycji {number}", "copy_citation": "Kopiuj opis",
        "copy_citation_of": "Kopiuj opis pozycji {number}", "copy_bibtex": "Kopiuj BibTeX",
        "copy_bibtex_of": "Kopiuj BibTeX pozycji {number}", "copy_failed": "Nie udało się skopiować wpisu BibTeX",
        "current_issue": "Bieżący numer", "latest_articles": "Najnowsze artykuły", "all_issues": "Wszystkie numery",
        "all_years": "Wszystkie lata", "atom_feed": "Kanał Atom", "contents": "Spis treści",
        "issue_citations": "Opisy artykułów z numeru:", "archive": "Archiwum", "volume": "Tom {volume}",
        "issues": "Numery", "years": "Lata", "issn_print": "ISSN (wersja drukowana)",
        "issn_online": "ISSN (wersja elektroniczna)", "publisher": "Wydawca", "contact": "Kontakt",
        "page_range": "s. {pages}", "not_found": "Nie znaleziono strony",
        "nothing_here": "Pod tym adresem nic nie ma.", "go_home": "Przejdź do strony głównej",
    },
    "de": {
        "abstract": "Zusammenfassung", "keywords": "Schlagwörter", "cite_this": "Zitiervorschlag",
        "references": "Literaturverzeichnis", "downloads": "Downloads", "citation": "Zitation",
        "of_this_article": "{format} (Zitation dieses Artikels)",
        "of_all_references": "{format} (alle Literaturangaben)", "authors": "Autorinnen und Autoren",
        "affiliations": "Institutionen", "article_information": "Angaben zum Artikel", "journal": "Zeitschrift",
        "issue": "Heft", "pages": "Seiten", "article_number": "Artikelnummer", "submitted": "Eingereicht",
        "accepted": "Angenommen", "published": "Veröffentlicht", "licence": "Lizenz",
        "scholar_reference": "Google Scholar: Literaturangabe {number}",
        "link_of": "Link der Literaturangabe {number}", "doi_of": "DOI der Literaturangabe {number}",
        "copy_style": "Zitation ({style}) kopieren", "copy_link": "Link kopieren",
        "copy_link_of": "Link zu Literaturangabe {number} kopieren", "copy_citation": "Angabe kopieren",
        "copy_citation_of": "Literaturangabe {number} kopieren", "copy_bibtex": "BibTeX kopieren",
        "copy_bibtex_of": "BibTeX der Literaturangabe {number} kopieren",
        "copy_failed": "Der BibTeX-Eintrag konnte nicht kopiert werden", "current_issue": "Aktuelles Heft",
        "latest_articles": "Neueste Artikel", "all_issues": "Alle Hefte", "all_years": "Alle Jahre",
        "atom_feed": "Atom-Feed", "contents": "Inhalt", "issue_citations": "Zitationen dieses Hefts:",
        "archive": "Archiv", "volume": "Jahrgang {volume}", "issues": "Hefte", "years": "Jahre",
        "issn_print": "ISSN (Print)", "issn_online": "ISSN (Online)", "publisher": "Verlag", "contact": "Kontakt",
        "page_range": "S. {pages}", "not_found": "Seite nicht gefunden",
        "nothing_here": "Unter dieser Adresse gibt es nichts.", "go_home": "Zur Startseite",
    },
    "fr": {
        "abstract": "Résumé", "keywords": "Mots-clés", "cite_this": "Citer cet article", "references": "Références",
        "downloads": "Téléchargements", "citation": "Citation",
        "of_this_article": "{format} (citation de cet article)",
        "of_all_references": "{format} (toutes les références)", "authors": "Auteurs",
        "affiliations": "Affiliations", "article_information": "Informations sur l’article", "journal": "Revue",
        "issue": "Numéro", "pages": "Pages", "article_number": "Numéro d’article", "submitted": "Soumis",
        "accepted": "Accepté", "published": "Publié", "licence": "Licence",
        "scholar_reference": "Google Scholar : référence {number}", "link_of": "lien de la référence {number}",
        "doi_of": "DOI de la référence {number}", "copy_style": "Copier la citation {style}",
        "copy_link": "Copier le lien", "copy_link_of": "Copier le lien vers la référence {number}",
        "copy_citation": "Copier la référence", "copy_citation_of": "Copier la référence {number}",
        "copy_bibtex": "Copier le BibTeX", "copy_bibtex_of": "Copier le BibTeX de la référence {number}",
        "copy_failed": "Impossible de copier l’entrée BibTeX", "current_issue": "Dernier numéro",
        "latest_articles": "Derniers articles", "all_issues": "Tous les numéros", "all_years": "Toutes les années",
        "atom_feed": "Flux Atom", "contents": "Sommaire", "issue_citations": "Citations de ce numéro :",
        "archive": "Archives", "volume": "Volume {volume}", "issues": "Numéros", "years": "Années",
        "issn_print": "ISSN (imprimé)", "issn_online": "ISSN (en ligne)", "publisher": "Éditeur",
        "contact": "Contact", "page_range": "p. {pages}", "not_found": "Page introuvable",
        "nothing_here": "Il n’y a rien à cette adresse.", "go_home": "Aller à la page d’accueil",
    },
    "es": {
        "abstract": "Resumen", "keywords": "Palabras clave", "cite_this": "Cómo citar", "references": "Referencias",
        "downloads": "Descargas", "citation": "Cita", "of_this_article": "{format} (cita de este artículo)",
        "of_all_references": "{format} (todas las referencias)", "authors": "Autores",
        "affiliations": "Afiliaciones", "article_information": "Información del artículo", "journal": "Revista",
        "issue": "Número", "pages": "Páginas", "article_number": "Número de artículo", "submitted": "Recibido",
        "accepted": "Aceptado", "published": "Publicado", "licence": "Licencia",
        "scholar_reference": "Google Scholar: referencia {number}", "link_of": "enlace de la referencia {number}",
        "doi_of": "DOI de la referencia {number}", "copy_style": "Copiar la cita en {style}",
        "copy_link": "Copiar enlace", "copy_link_of": "Copiar enlace a la referencia {number}",
        "copy_citation": "Copiar referencia", "copy_citation_of": "Copiar la referencia {number}",
        "copy_bibtex": "Copiar BibTeX", "copy_bibtex_of": "Copiar el BibTeX de la referencia {number}",
        "copy_failed": "No se pudo copiar la entrada BibTeX", "current_issue": "Número actual",
        "latest_articles": "Artículos recientes", "all_issues": "Todos los números", "all_years": "Todos los años",
        "atom_feed": "Canal Atom", "contents": "Índice", "issue_citations": "Citas de este número:",
        "archive": "Archivo", "volume": "Volumen {volume}", "issues": "Números", "years": "Años",
        "issn_print": "ISSN (impreso)", "issn_online": "ISSN (en línea)", "publisher": "Editorial",
        "contact": "Contacto", "page_range": "pp. {pages}", "not_found": "Página no encontrada",
        "nothing_here": "No hay nada en esta dirección.", "go_home": "Ir a la página de inicio",
    },
    "pt": {
        "abstract": "Resumo", "keywords": "Palavras-chave", "cite_this": "Como citar", "references": "Referências",
        "downloads": "Downloads", "citation": "Citação", "of_this_article": "{format} (citação deste artigo)",
        "of_all_references": "{format} (todas as referências)", "authors": "Autores", "affiliations": "Afiliações",
        "article_information": "Informações do artigo", "journal": "Revista", "issue": "Número", "pages": "Páginas",
        "article_number": "Número do artigo", "submitted": "Submetido", "accepted": "Aceito",
        "published": "Publicado", "licence": "Licença", "scholar_reference": "Google Scholar: referência {number}",
        "link_of": "link da referência {number}", "doi_of": "DOI da referência {number}",
        "copy_style": "Copiar a citação em {style}", "copy_link": "Copiar link",
        "copy_link_of": "Copiar link para a referência {number}", "copy_citation": "Copiar referência",
        "copy_citation_of": "Copiar a referência {number}", "copy_bibtex": "Copiar BibTeX",
        "copy_bibtex_of": "Copiar o BibTeX da referência {number}",
        "copy_failed": "Não foi possível copiar a entrada BibTeX", "current_issue": "Edição atual",
        "latest_articles": "Artigos recentes", "all_issues": "Todas as edições", "all_years": "Todos os anos",
        "atom_feed": "Feed Atom", "contents": "Sumário", "issue_citations": "Citações desta edição:",
        "archive": "Arquivo", "volume": "Volume {volume}", "issues": "Edições", "years": "Anos",
        "issn_print": "ISSN (impresso)", "issn_online": "ISSN (online)", "publisher": "Editora",
        "contact": "Contato", "page_range": "p. {pages}", "not_found": "Página não encontrada",
        "nothing_here": "Não há nada neste endereço.", "go_home": "Ir para a página inicial",
    },
    "it": {
        "abstract": "Riassunto", "keywords": "Parole chiave", "cite_this": "Come citare",
        "references": "Bibliografia", "downloads": "Download", "citation": "Citazione",
        "of_this_article": "{format} (citazione di questo articolo)",
        "of_all_references": "{format} (tutta la bibliografia)", "authors": "Autori",
        "affiliations": "Affiliazioni", "article_information": "Informazioni sull’articolo", "journal": "Rivista",
        "issue": "Fascicolo", "pages": "Pagine", "article_number": "Numero dell’articolo", "submitted": "Ricevuto",
        "accepted": "Accettato", "published": "Pubblicato", "licence": "Licenza",
        "scholar_reference": "Google Scholar: riferimento {number}", "link_of": "link del riferimento {number}",
        "doi_of": "DOI del riferimento {number}", "copy_style": "Copia la citazione {style}",
        "copy_link": "Copia link", "copy_link_of": "Copia il link al riferimento {number}",
        "copy_citation": "Copia riferimento", "copy_citation_of": "Copia il riferimento {number}",
        "copy_bibtex": "Copia BibTeX", "copy_bibtex_of": "Copia il BibTeX del riferimento {number}",
        "copy_failed": "Impossibile copiare la voce BibTeX", "current_issue": "Fascicolo corrente",
        "latest_articles": "Articoli recenti", "all_issues": "Tutti i fascicoli", "all_years": "Tutti gli anni",
        "atom_feed": "Feed Atom", "contents": "Indice", "issue_citations": "Citazioni di questo fascicolo:",
        "archive": "Archivio", "volume": "Volume {volume}", "issues": "Fascicoli", "years": "Anni",
        "issn_print": "ISSN (cartaceo)", "issn_online": "ISSN (online)", "publisher": "Editore",
        "contact": "Contatti", "page_range": "pp. {pages}", "not_found": "Pagina non trovata",
        "nothing_here": "Non c’è nulla a questo indirizzo.", "go_home": "Vai alla pagina iniziale",
    },
}

#: Months as a date is written in running text ("19 lutego 2026": Polish takes the genitive).
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}
_DATE_ORDER = {"de": "{day}. {month} {year}", "es": "{day} de {month} de {year}", "pt": "{day} de {month} de {year}"}

#: "1 article", "3 articles": each language's plural rule (CLDR's, for counts of whole things).
_ARTICLES: dict[str, Callable[[int], str]] = {
    "en": lambda n: f"{n} article" if n == 1 else f"{n} articles",
    "pl": lambda n: (f"{n} artykuł" if n == 1 else f"{n} artykuły"
                     if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else f"{n} artykułów"),
    "de": lambda n: f"{n} Artikel",
    "fr": lambda n: f"{n} article" if n in (0, 1) else f"{n} articles",
    "es": lambda n: f"{n} artículo" if n == 1 else f"{n} artículos",
    "pt": lambda n: f"{n} artigo" if n in (0, 1) else f"{n} artigos",
    "it": lambda n: f"{n} articolo" if n == 1 else f"{n} articoli",
}

#: "Vol. 60 No. 1", as OJS names an issue in each language ("T. 60 nr 1", "Bd. 60 Nr. 1").
_VOLUME_AND_NUMBER = {"en": ("Vol. {}", "No. {}"), "pl": ("T. {}", "nr {}"), "de": ("Bd. {}", "Nr. {}"),
                      "fr": ("Vol. {}", "no {}"), "es": ("Vol. {}", "Núm. {}"), "pt": ("v. {}", "n. {}"),
                      "it": ("Vol. {}", "n. {}")}

LANGUAGES = ("en", *_TRANSLATIONS)


def _base(language: str) -> str:
    """ "pt-BR", "pt_BR", "PT" → "pt"; a language without its own words → "en"."""
    base = (language or "en").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else "en"


def words(language: str) -> Mapping[str, str]:
    """The interface's words in `language` (Material's `theme.language` code), English for the
    rest."""
    return MappingProxyType({**_ENGLISH, **_TRANSLATIONS.get(_base(language), {})})


def long_date(value: dt.date | None, language: str) -> str:
    """ "19 February 2026", "19 lutego 2026", "19. Februar 2026"; "" for no date."""
    if value is None:
        return ""
    base = _base(language)
    month = _MONTHS[base].split()[value.month - 1]
    return _DATE_ORDER.get(base, "{day} {month} {year}").format(day=value.day, month=month, year=value.year)


def article_count(count: int, language: str) -> str:
    return _ARTICLES[_base(language)](count)


def volume_and_number(volume: str, number: str, language: str) -> str:
    """ "Vol. 60 No. 1", "T. 60 nr 1"; either part may be missing; "" for neither."""
    volume_word, number_word = _VOLUME_AND_NUMBER[_base(language)]
    return " ".join(word.format(part) for word, part in ((volume_word, volume), (number_word, number)) if part)


def issue_name(volume: str, number: str, year: int, language: str) -> str:
    """An issue as its pages name it: "Vol. 60 No. 1 (2026)"; without a volume, "2026 No. 1" (a
    year of a publication list, the year first)."""
    if volume:
        return f"{volume_and_number(volume, number, language)} ({year})"
    return " ".join(part for part in (str(year), volume_and_number("", number, language)) if part)
