"""Search as a reader uses it (issue 15), in Chromium: Pagefind's index, the header's search box.

On the seed and on tests/fixtures/scripts (names and titles in Vietnamese, Polish, Danish,
German, Chinese, Russian and Greek, and pairs such as Lê/Le that only an accent tells apart).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES, build_site, copy_project

pytestmark = pytest.mark.browser

BOX = "input.md-search__input"


@pytest.fixture(scope="module")
def seed_url(seed_site, serve) -> str:
    return serve(seed_site)


@pytest.fixture(scope="module")
def scripts_url(tmp_path_factory, serve) -> str:
    out = tmp_path_factory.mktemp("scripts-site")
    result = build_site(FIXTURES / "scripts", out)
    assert result.returncode == 0, result.stderr
    return serve(out)


def search(page, query: str) -> list[tuple[str, str]]:
    """Open the search with "/", type `query`, and return the results shown: (address, text)."""
    if not page.evaluate("document.getElementById('__search').checked"):
        page.keyboard.press("/")
    box = page.locator(BOX)
    box.fill("")
    box.press_sequentially(query, delay=10)
    page.wait_for_selector(".sp-search .md-search-result[aria-busy='false']", timeout=10000)
    return page.eval_on_selector_all(".sp-search .md-search-result__list a",
                                     "links => links.map(a => [a.href, a.innerText.trim()])")


def anchors(results: list[tuple[str, str]]) -> list[str]:
    return [urlsplit(href).fragment for href, _ in results]


def test_nothing_of_search_is_fetched_until_the_reader_opens_it_and_nothing_from_another_host(page_at, seed_url):
    page = page_at(seed_url)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.reload()
    page.wait_for_load_state("networkidle")
    assert requested and not [url for url in requested if "pagefind" in url]
    results = search(page, "Haaranen")
    assert results
    fetched = [url for url in requested if "/pagefind/" in url]
    assert any(url.endswith("pagefind.js") for url in fetched) and any(".pf_index" in url for url in fetched)
    assert not [url for url in fetched if "worker" in url], "Pagefind runs on the page's thread, no worker to fetch"
    assert all(url.startswith(seed_url) for url in requested), requested


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_the_keyboard_shortcut_opens_the_search_and_escape_closes_it(page_at, seed_url, key):
    page = page_at(seed_url)
    page.wait_for_load_state("networkidle")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.locator(".sp-search .md-search__output").is_visible()
    assert page.input_value(BOX) == "", "the key that opened the search is not typed into it"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert not page.locator(".sp-search .md-search__output").is_visible()


def test_a_surname_finds_exactly_its_reference_and_opens_it_below_the_header(page_at, seed_url):
    page = page_at(seed_url)
    results = search(page, "Haaranen")
    assert anchors(results) == ["ref-18"]
    assert results[0][1].startswith("Haaranen Tuulikki, Tahir M. Nisar, “Innovative Ways of Raising Funds")
    page.click(".sp-search .md-search-result__list a")
    page.wait_for_timeout(400)
    assert page.url == seed_url + "#ref-18"
    assert page.eval_on_selector("#ref-18", "e => e.matches(':target')")
    assert not page.locator(".sp-search .md-search__output").is_visible(), "the search closes on a result"
    header = page.eval_on_selector(".md-header", "e => e.getBoundingClientRect().bottom")
    assert page.eval_on_selector("li:has(> #ref-18)", "e => e.getBoundingClientRect().top") >= header


# The box's own labels, then Material's prompt, its count of one result and of none, per site language.
LANGUAGES = {
    "en": ("Search", "Clear", "Close search", "More results", "Search options",
           "Type to start searching", "1 matching document", "No matching documents"),
    "pl": ("Szukaj", "Wyczyść", "Zamknij wyszukiwanie", "Więcej wyników", "Opcje wyszukiwania",
           "Zacznij pisać, aby szukać", "Wyniki wyszukiwania: 1", "Brak wyników wyszukiwania"),
    "de": ("Suche", "Zurücksetzen", "Suche schließen", "Weitere Ergebnisse", "Suchoptionen",
           "Suchbegriff eingeben", "1 Suchergebnis", "Keine Suchergebnisse"),
    "fr": ("Rechercher", "Effacer", "Fermer la recherche", "Plus de résultats", "Options de recherche",
           "Taper pour démarrer la recherche", "1 document trouvé", "Aucun document trouvé"),
    "es": ("Búsqueda", "Limpiar", "Cerrar la búsqueda", "Más resultados", "Opciones de búsqueda",
           "Teclee para comenzar búsqueda", "1 documento encontrado", "No se encontraron documentos"),
    "pt": ("Buscar", "Limpar", "Fechar a busca", "Mais resultados", "Opções de busca",
           "Digite para iniciar a busca", "1 resultado encontrado", "Nenhum resultado encontrado"),
}


@pytest.fixture(scope="module")
def site_in(tmp_path_factory, seed_url, serve):
    """site_in(language) → the URL of the seed built with `theme.language` set to it."""
    built = {"en": seed_url}

    def url(language: str) -> str:
        if language not in built:
            project = copy_project(tmp_path_factory.mktemp(f"project-{language}"))
            config = project / "mkdocs.yml"
            text = config.read_text(encoding="utf-8")
            assert "\n  language: en\n" in text
            config.write_text(text.replace("\n  language: en\n", f"\n  language: {language}\n"), encoding="utf-8")
            out = tmp_path_factory.mktemp(f"site-{language}")
            result = build_site(project, out)
            assert result.returncode == 0, result.stderr
            built[language] = serve(out)
        return built[language]

    return url


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_search_box_speaks_the_sites_language(page_at, site_in, language):
    search_label, clear, close, more, options, prompt, one, none = LANGUAGES[language]
    page = page_at(site_in(language))
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("label.sp-search__open", "title") == search_label
    page.keyboard.press("/")
    box = page.locator(BOX)
    assert box.get_attribute("placeholder") == search_label and box.get_attribute("aria-label") == search_label
    assert page.get_attribute(".sp-search", "aria-label") == search_label
    assert page.get_attribute(".sp-search button[type='reset']", "title") == clear
    assert page.get_attribute(".sp-search .md-search__form label.md-search__icon", "title") == close
    assert page.get_attribute(".sp-search .md-search__options", "aria-label") == options
    assert page.text_content(".sp-search__more") == more
    assert page.inner_text(".sp-search .md-search-result__meta") == prompt
    assert anchors(search(page, "Haaranen")) == ["ref-18"]
    assert page.inner_text(".sp-search .md-search-result__meta") == one
    assert search(page, "Qwxzvbn") == []
    assert page.inner_text(".sp-search .md-search-result__meta") == none


def test_enter_opens_the_first_result(page_at, seed_url):
    page = page_at(seed_url)
    search(page, "Metrick")
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert page.url == seed_url + "#ref-17"


def test_arrow_keys_move_through_the_results(page_at, seed_url):
    page = page_at(seed_url)
    results = search(page, "securitization")
    assert len(results) >= 3
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == results[1][0]


def test_results_come_a_few_at_a_time_and_more_on_request(page_at, tmp_path, serve):
    """150 references matching one word: the first rows, then more on "More results", none twice."""
    from conftest import copy_project

    bib = tmp_path / "references.bib"
    bib.write_text("\n".join(
        f"@article{{key{n},\n  author = {{{{Author{n}}}, Given}},\n  title = {{A Study of Securitization Number {n}}},\n"
        f"  journaltitle = {{Journal of Tests}},\n  year = {{{1990 + n % 35}}},\n}}\n" for n in range(150)), "utf-8")
    project = copy_project(tmp_path / "project", references=bib)
    (project / "docs" / "about.md").unlink()  # it cites the seed's references
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = page_at(serve(tmp_path / "site"))
    first = [href for href, _ in search(page, "securitization")]
    assert len(first) >= 10 and page.inner_text(".sp-search .md-search-result__meta").split()[0].endswith("+")
    page.click(".sp-search__more")
    page.wait_for_function(f"document.querySelectorAll('.sp-search .md-search-result__list a').length > {len(first)}")
    hrefs = page.eval_on_selector_all(".sp-search .md-search-result__list a", "links => links.map(a => a.href)")
    assert hrefs[:len(first)] == first and len(set(hrefs)) == len(hrefs)
    while page.locator(".sp-search__more").is_visible():
        page.click(".sp-search__more")
        page.wait_for_timeout(200)
    page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all(".sp-search .md-search-result__list a", "links => links.map(a => a.href)")
    assert len([h for h in hrefs if "#ref-" in h]) == 150 == len(set(hrefs) - {h for h in hrefs if "#ref-" not in h})
    assert page.inner_text(".sp-search .md-search-result__meta").split()[0] == str(len(hrefs))


def test_a_long_list_is_searched_in_pages_of_more_references_without_loading_more(page_at, tmp_path, serve):
    """2,500 references (13 to a staged page, the article at most 200 pages): a surname finds
    its one reference; a word in all of them shows its first rows from two fragments only."""
    bib = tmp_path / "references.bib"
    bib.write_text("\n".join(
        f"@article{{key{n},\n  author = {{{{Author{n}}}, Given}},\n  title = {{A Study of Securitization Number {n}}},\n"
        f"  journaltitle = {{Journal of Tests}},\n  year = {{{1990 + n % 35}}},\n"
        f"  formatted = {{Author{n} Given, A Study of Securitization Number {n}, Journal of Tests ({1990 + n % 35}).}},\n}}\n"
        for n in range(2500)), "utf-8")
    project = copy_project(tmp_path / "project", references=bib)
    (project / "docs" / "about.md").unlink()  # it cites the seed's references
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = page_at(serve(tmp_path / "site"))
    assert anchors(search(page, "Author1234")) == ["ref-1235"]
    fragments: list[str] = []
    page.on("request", lambda request: fragments.append(request.url) if ".pf_fragment" in request.url else None)
    first = [href for href, _ in search(page, "securitization")]
    assert len(first) >= 10 and page.inner_text(".sp-search .md-search-result__meta").split()[0].endswith("+")
    assert len(set(fragments)) <= 2, fragments
    page.click(".sp-search__more")
    page.wait_for_function(f"document.querySelectorAll('.sp-search .md-search-result__list a').length > {len(first)}")
    hrefs = page.eval_on_selector_all(".sp-search .md-search-result__list a", "links => links.map(a => a.href)")
    assert hrefs[:len(first)] == first and len(set(hrefs)) == len(hrefs)


@pytest.mark.parametrize("label", ["Google Scholar", "Copy link", "Copy BibTeX"])
def test_button_rows_and_link_labels_are_not_searchable(page_at, seed_url, label):
    page = page_at(seed_url)
    assert not [a for a in anchors(search(page, label)) if a.startswith("ref-")]


@pytest.mark.parametrize(("query", "expected"), [
    ("10.1016/B978-0-44-453594-8.00001-X", "ref-17"),        # printed in the reference
    ("https://doi.org/10.1016/B978-0-44-453594-8.00001-X", "ref-17"),
    ("doi:10.1016/j.bushor.2011.05.001", "ref-18"),
    ("Metrick 2013", "ref-17"),
    ("Haaranen 2011", "ref-18"),
])
def test_a_doi_or_a_surname_and_year_find_the_reference_first(page_at, seed_url, query, expected):
    page = page_at(seed_url)
    assert anchors(search(page, query))[:1] == [expected]


def test_a_year_finds_the_references_of_that_year(page_at, seed_url):
    page = page_at(seed_url)
    found = [a for a in anchors(search(page, "2013")) if a.startswith("ref-")]
    assert "ref-17" in found
    for anchor in found:
        assert "2013" in page.inner_text(f"#{anchor}"), anchor


def test_the_title_and_the_abstract_are_results_too(page_at, seed_url):
    page = page_at(seed_url)
    assert "article-title" in anchors(search(page, "Onion Skins"))
    results = search(page, "Resolution 68")
    assert "abstract" in anchors(results)
    abstract = next(text for href, text in results if href.endswith("#abstract"))
    assert "Resolution No. 68" in abstract


@pytest.mark.parametrize(("query", "shown"), [
    ("Wiez", "Prawo i Więź"),              # the journal, in the title's result
    ("Do My Hanh", "Đỗ Mỹ Hạnh"),
    ("Tap chi Kinh te", "tạp chí kinh tế"),
    ("Securitise", "Securitise"),          # a title's first word after a curly quote (lunr missed it)
])
def test_the_seed_is_found_without_typing_accents(page_at, seed_url, query, shown):
    page = page_at(seed_url)
    results = search(page, query)
    assert any(shown.lower() in text.lower() for _, text in results[:3]), results[:3]


# The fixture's references, by number: 1 Đỗ Mỹ Hạnh (Chứng khoán hóa), 2 Do Anna, 3 Łukasiewicz
# (Łódź), 4 Ørsted Søren, 5 Straßer (Straße), 6 王小明 (知识产权证券化研究), 7 Иванов
# (Секьюритизация), 8 Παπαδόπουλος (Τιτλοποίηση), 9 Lê Văn Tô, 10 Le Anne, 11 Więź, 12 Wiez.
@pytest.mark.parametrize(("query", "found"), [
    ("chung khoan", "ref-1"), ("CHỨNG KHOÁN", "ref-1"), ("Do", "ref-1"), ("do my hanh", "ref-1"),
    ("Lodz", "ref-3"), ("LUKASIEWICZ", "ref-3"), ("Łódź", "ref-3"), ("lodz", "abstract"),
    ("orsted", "ref-4"), ("Soren", "ref-4"), ("kobenhavn", "ref-4"),
    ("strasse", "ref-5"), ("STRASSER", "ref-5"), ("Straße", "ref-5"),
    ("证券化", "ref-6"), ("知识产权", "ref-6"), ("法学研究", "ref-6"),
    ("секьюритизация", "ref-7"), ("ИВАНОВ", "ref-7"), ("Петр", "ref-7"),
    ("τιτλοποιηση", "ref-8"), ("ΠΑΠΑΔΟΠΟΥΛΟΣ", "ref-8"),
    ("Wiez", "ref-11"), ("wiez", "article-title"),
    ("10.5555/vn.2019.7", "ref-1"),   # a DOI the reference text does not print
])
def test_folded_and_case_insensitive_matching_in_several_scripts(page_at, scripts_url, query, found):
    page = page_at(scripts_url)
    assert found in anchors(search(page, query))


@pytest.mark.parametrize(("query", "first", "also"), [
    ("Więź", "ref-11", "ref-12"),
    ("Wiez", "ref-12", "ref-11"),
    ("Lê", "ref-9", "ref-10"),
    ("Le", "ref-10", "ref-9"),
    ("Do", "ref-2", "ref-1"),
])
def test_a_match_with_the_accents_as_typed_ranks_first(page_at, scripts_url, query, first, also):
    page = page_at(scripts_url)
    found = [a for a in anchors(search(page, query)) if a.startswith("ref-")]
    assert found[0] == first and also in found, found


def test_letters_unicode_does_not_decompose_are_matched_only_as_documented(page_at, scripts_url):
    """Typed plainly they find their word (đ→d, ł→l, ø→o, ß→ss); typed as written they find only it."""
    page = page_at(scripts_url)
    assert [a for a in anchors(search(page, "Đỗ")) if a.startswith("ref-")] == ["ref-1"]
    assert [a for a in anchors(search(page, "Ørsted")) if a.startswith("ref-")] == ["ref-4"]


def test_the_search_works_under_a_github_pages_sub_path(browser, subpath_site, serve):
    root = serve(subpath_site)
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(root + "some-article/")
    results = search(page, "Haaranen")
    assert [href for href, _ in results] == [root + "some-article/#ref-18"]
    fetched = [url for url in requested if "pagefind" in url]
    assert fetched and all(url.startswith(root + "some-article/pagefind/") for url in fetched), fetched
    page.click(".sp-search .md-search-result__list a")
    page.wait_for_timeout(300)
    assert page.url == root + "some-article/#ref-18"
    context.close()


def _luminance(css: str) -> float:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_opens_from_the_header_in_the_sites_palette_and_fits_a_phone(page_at, seed_url, width, scheme):
    page = page_at(seed_url, width=width, scheme=scheme)
    page.wait_for_load_state("networkidle")
    if width < 960:  # on a phone the box hides behind the header's magnifier button
        page.click("label.sp-search__open")
    else:
        page.click(BOX)
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.locator(BOX).press_sequentially("Metrick", delay=10)
    page.wait_for_selector(".sp-search .md-search-result[aria-busy='false']")
    link = page.locator(".sp-search .md-search-result__list a").first
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    text = page.eval_on_selector(".sp-search__title", "e => getComputedStyle(e).color")
    background = page.eval_on_selector(".sp-search .md-search__scrollwrap", "e => getComputedStyle(e).backgroundColor")
    body = page.eval_on_selector("body", "e => getComputedStyle(e).backgroundColor")
    assert background == body, "the results sit on the page's own background colour"
    if scheme == "dark":
        assert _luminance(text) > _luminance(background) + 100
    else:
        assert _luminance(text) + 100 < _luminance(background)


def test_without_a_script_there_is_no_dead_search_box(browser, seed_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(seed_url)
    assert page.locator(".md-search, label[for='__search']").count() == 0
    context.close()
