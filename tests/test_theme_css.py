"""Material's stylesheets trimmed to what the site can use: nothing that can appear loses style."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from conftest import build_site, copy_project
from scholarpage.theme_css import page_facts, parse, trim, trim_site, vocabulary


def trimmed(css: str, page: str, script: str = "", read_elsewhere: tuple[str, ...] = (), material: str = "",
            tagged: bool = False) -> str:
    known = vocabulary([page_facts(page)], [script], [material], tagged)
    return trim({"main": parse(css)}, known, set(read_elsewhere))["main"]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr("sys.dont_write_bytecode", False)


def test_a_rule_stays_only_while_a_page_uses_its_class():
    css = ".used{color:red}.unused{color:blue}"
    assert trimmed(css, '<p class="used">x</p>') == ".used{color:red}"
    assert trimmed(css, '<p class="other unused">x</p>') == ".unused{color:blue}"


def test_each_selector_of_a_list_is_judged_alone():
    assert trimmed("h1,.gone,p .kept{margin:0}", '<h1 class="kept">') == "h1{margin:0}"
    assert trimmed("h1,.gone,p .kept{margin:0}", '<h1><p class="kept">') == "h1,p .kept{margin:0}"


def test_names_inside_functional_pseudo_classes_need_nothing():
    # :not(.absent) matches everything when .absent is nowhere: dropping it would lose style.
    css = "a:not(.absent){text-decoration:underline}p:is(.absent,.other){color:red}"
    assert trimmed(css, "<a href=x><p>") == css


def test_elements_ids_and_exact_attribute_values_are_needed():
    css = ("table{border:0}#main{width:1px}[data-scheme=slate]{color:red}"
           "[data-scheme^=sl]{color:blue}[hidden]{display:none}[lang=vi i]{font-style:normal}")
    page = '<div id="other" data-scheme="default">'
    assert trimmed(css, page) == "[data-scheme^=sl]{color:blue}[hidden]{display:none}[lang=vi i]{font-style:normal}"
    assert "table{" in trimmed(css, "<TABLE>")
    assert "#main{" in trimmed(css, '<main id="main">')
    assert "[data-scheme=slate]" in trimmed(css, "<p>", script='el.dataset.scheme = "slate"')


def test_free_text_attributes_neither_keep_rules_nor_are_needed():
    """Addresses and labels are most of a reference list's bytes and never hold class names."""
    css = ".md-version{color:red}[title=Close]{color:blue}"
    page = '<a href="https://example.org/md-version" aria-label="md-version" title="md-version">'
    assert trimmed(css, page) == "[title=Close]{color:blue}"


def test_a_script_that_names_or_builds_a_class_keeps_its_rules():
    css = ".md-tag--red{color:red}.md-dialog--active{opacity:1}.md-x{color:blue}"
    script = 'el.classList.add("md-dialog--active"); tag.className = `md-tag--${name}`'
    assert trimmed(css, "<p>", script=script) == ".md-tag--red{color:red}.md-dialog--active{opacity:1}"


# Material's bundle, as it is minified: it builds these into a host that a page must hold.
MATERIAL = ('x("ul",{class:"md-source__facts"});x("li",{class:`md-source__fact md-source__fact--${t}`});'
            'x("button",{class:"md-code__button"});x("aside",{class:"md-annotation"});'
            'x("div",{class:"md-version"});e.closest(".highlight");V("search.highlight");a=e.closest("pre");'
            'document.documentElement.getAttribute("dir")==="rtl"')
HOSTED_CSS = (".md-source__facts{margin:0}.md-source__fact--stars{color:red}.md-code__button{color:red}"
              ".md-annotation{color:red}.md-version{color:red}.highlight{color:red}"
              ".md-source-file{color:red}pre{margin:0}[dir=rtl] .md-nav{margin:0}")


def test_names_materials_script_builds_into_a_host_or_only_looks_for_keep_no_rule_without_a_page_holding_them():
    assert trimmed(HOSTED_CSS, "<p>", material=MATERIAL) == ""


@pytest.mark.parametrize("page, rules", [
    ('<a class="md-source" href="https://example.org/repo">',
     ".md-source__facts{margin:0}.md-source__fact--stars{color:red}"),
    ("<pre><code>x = 1</code></pre>", ".md-code__button{color:red}.md-annotation{color:red}pre{margin:0}"),
    ('<ol class="annotate"><li>Note</li></ol>', ".md-annotation{color:red}"),
    ('<script id="__config" type="application/json">{"version": {"provider": "mike"}}</script>',
     ".md-version{color:red}"),
    ('<div class="highlight"><pre>',
     ".md-code__button{color:red}.md-annotation{color:red}.highlight{color:red}pre{margin:0}"),
    ('<html dir="rtl"><nav class="md-nav">', "[dir=rtl] .md-nav{margin:0}"),
    ('<aside class="md-source-file">', ".md-source-file{color:red}"),
])
def test_a_page_holding_the_host_keeps_the_rules_material_builds_into_it(page, rules):
    assert trimmed(HOSTED_CSS, page, material=MATERIAL) == rules


def test_the_same_names_in_a_script_of_the_site_keep_their_rules():
    kept = trimmed(HOSTED_CSS, '<nav class="md-nav">', script=MATERIAL)
    assert kept == HOSTED_CSS.replace(".md-source-file{color:red}", "")


def test_tags_from_the_search_index_keep_the_tag_rules():
    css = ".md-tags{margin:0}.md-tag--html{color:red}"
    material = 'x("nav",{class:"md-tags"},t.map(c=>x("span",{class:`md-tag md-tag--${c}`})))'
    assert trimmed(css, "<p>", material=material) == ""
    assert trimmed(css, "<p>", material=material, tagged=True) == css


def test_json_data_names_its_strings_but_not_the_words_of_a_dotted_feature_flag():
    css = ".highlight{color:red}.md-tag--html{color:red}.search{color:red}"
    page = '<script type="application/json">{"features": ["search.highlight"], "tags": {"HTML": "md-tag--html"}}</script>'
    assert trimmed(css, page) == ".md-tag--html{color:red}"
    broken = '<script type="application/json">{"broken": search.highlight</script>'
    assert trimmed(css, broken) == ".highlight{color:red}.search{color:red}"


def test_an_attribute_holding_a_bracket_does_not_hide_the_tags_other_names():
    css = ".kept{color:red}"
    assert trimmed(css, '<a title="1 > 0" class="kept">') == css


def test_media_blocks_are_trimmed_inside_and_dropped_when_empty_while_other_at_rules_stay():
    css = ("@media screen{.used{color:red}.gone{color:blue}}@media print{.gone{color:red}}"
           "@keyframes spin{to{transform:rotate(1turn)}}")
    assert trimmed(css, '<b class="used">') == "@media screen{.used{color:red}}@keyframes spin{to{transform:rotate(1turn)}}"


def test_custom_properties_stay_while_something_reads_them():
    css = (":root{--read:1px;--chained:2px;--via:var(--chained);--only-gone:3px;--unread:4px;--by-script:5px;"
           "--by-extra-css:6px}.used{margin:var(--read) var(--via)}.gone{margin:var(--only-gone)}")
    kept = trimmed(css, '<p class="used">', script='style.getPropertyValue("--by-script")',
                   read_elsewhere=("--by-extra-css",))
    assert kept == (":root{--read:1px;--chained:2px;--via:var(--chained);--by-script:5px;--by-extra-css:6px}"
                    ".used{margin:var(--read) var(--via)}")


def test_important_and_escaped_values_survive_the_round_trip():
    css = '.used{content:"\\f101"!important;background:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
    assert trimmed(css, '<i class="used">') == css  # declarations are copied as written


def test_the_cached_parse_is_the_parse(tmp_path):
    text = ".a{color:red}@media print{.b,.c:not(.d){margin:var(--x)}}"
    first = parse(text)
    assert list((tmp_path / "cache" / "scholarpage" / "css").iterdir())
    assert parse(text) == first


def test_a_page_that_loads_a_foreign_script_keeps_every_rule(tmp_path):
    site = _site(tmp_path, '<script src="https://cdn.example/x.js"></script>')
    assert "cdn.example" in trim_site(site)
    assert (site / "assets/stylesheets/main.css").read_text() == ".used{color:red}.gone{color:red}"


def test_a_site_gets_its_theme_css_trimmed_and_its_own_css_kept(tmp_path):
    site = _site(tmp_path, '<script src="../assets/app.js"></script>', folder="about")
    (site / "assets/app.js").write_text('document.body.classList.add("scripted")')
    assert trim_site(site) == {"assets/stylesheets/main.css": (32, 16)}
    assert (site / "assets/stylesheets/main.css").read_text() == ".used{color:red}"
    assert (site / "assets/extra.css").read_text() == ".gone{color:blue}"


def test_scripts_are_read_however_their_tag_is_written(tmp_path):
    site = _site(tmp_path, "<SCRIPT defer src='assets/app.js?v=1'></SCRIPT>")
    (site / "assets/app.js").write_text('x.className = "gone"')
    assert trim_site(site) == {"assets/stylesheets/main.css": (32, 32)}


@pytest.mark.parametrize("tag, reason", [
    ('<link rel="preload stylesheet" href="https://fonts.example/a.css">', "fonts.example"),
    ('<script type="module">import "./more.js"</script>', "module script"),
])
def test_what_this_cannot_follow_keeps_every_rule(tmp_path, tag, reason):
    site = _site(tmp_path, tag)
    assert reason in trim_site(site)
    assert (site / "assets/stylesheets/main.css").read_text() == ".used{color:red}.gone{color:red}"


def test_custom_properties_read_by_a_pages_own_style_block_stay(tmp_path):
    site = _site(tmp_path, "<style>p { color: var(--ink) }</style>")
    (site / "assets/stylesheets/main.css").write_text(":root{--ink:red;--unread:blue}.used{margin:0}")
    trim_site(site)
    assert (site / "assets/stylesheets/main.css").read_text() == ":root{--ink:red}.used{margin:0}"


def test_a_stylesheet_left_trimmed_by_an_earlier_build_is_trimmed_again_from_the_themes_own(tmp_path):
    """`mkdocs build --dirty` does not copy an unchanged theme file again."""
    site = _site(tmp_path, '<p class="gone">')
    theme = tmp_path / "theme.css"
    theme.write_text(".used{color:red}.gone{color:red}")
    (site / "assets/stylesheets/main.css").write_text(".used{color:red}")
    trim_site(site, originals={(site / "assets/stylesheets/main.css").resolve(): theme})
    assert (site / "assets/stylesheets/main.css").read_text() == ".used{color:red}.gone{color:red}"


def test_a_dirty_build_brings_back_the_rules_a_new_page_needs(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    css = next((site / "assets/stylesheets").glob("main.*.css"))
    assert ".admonition" not in css.read_text("utf-8")
    (project / "docs/note.md").write_text('# Note\n\n<div class="admonition note"><p>Read me.</p></div>\n')
    result = build_site(project, site, "--dirty", "--no-strict")  # --dirty itself warns
    assert result.returncode == 0, result.stderr
    assert ".md-typeset .admonition" in css.read_text("utf-8")


def test_a_tagged_search_index_keeps_the_tag_rules_of_materials_bundle(tmp_path):
    site = _site(tmp_path, '<script src="assets/javascripts/bundle.0123abcd.min.js"></script>')
    (site / "assets/javascripts").mkdir()
    (site / "assets/javascripts/bundle.0123abcd.min.js").write_text('x("span",{class:"md-tag gone"})')
    (site / "assets/stylesheets/main.css").write_text(".md-tag{color:red}.gone{color:red}")
    (site / "search").mkdir()
    (site / "search/search_index.json").write_text('{"config": {"fields": {"tags": {}}}, "docs": []}')
    trim_site(site)
    assert (site / "assets/stylesheets/main.css").read_text() == ".gone{color:red}"
    (site / "assets/stylesheets/main.css").write_text(".md-tag{color:red}.gone{color:red}")
    (site / "search/search_index.json").write_text('{"docs": [{"location": "", "tags": ["HTML"]}]}')
    trim_site(site)
    assert (site / "assets/stylesheets/main.css").read_text() == ".md-tag{color:red}.gone{color:red}"


def test_a_site_with_a_repository_link_and_a_code_block_keeps_what_materials_script_builds_there(tmp_path):
    """The hosts in MATERIAL_HOSTS are what Material's templates really write."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "repo_url: https://github.com/example/journal\n", "utf-8")
    (project / "docs/code.md").write_text("# Code\n\n```\nmake site\n```\n", "utf-8")
    site = tmp_path / "site"
    result = build_site(project, site, "--no-strict")  # the new page is in no nav
    assert result.returncode == 0, result.stderr
    css = next((site / "assets/stylesheets").glob("main.*.css")).read_text("utf-8")
    assert ".md-source__facts" in css and ".md-source__fact--stars" in css
    assert ".md-code__button" in css and ".md-annotation" in css


def test_root_relative_links_are_read_under_the_sites_path(tmp_path):
    site = _site(tmp_path, '<script src="/journal/assets/app.js"></script>', href="/journal/assets/stylesheets/main.css")
    (site / "assets/app.js").write_text('x.className = "gone"')
    assert trim_site(site, "/journal/") == {"assets/stylesheets/main.css": (32, 32)}
    assert "not a file of the site" in trim_site(site, "/")


def _site(tmp_path: Path, script: str, folder: str = "", href: str = "") -> Path:
    site = tmp_path / "site"
    (site / "assets/stylesheets").mkdir(parents=True)
    (site / "assets/stylesheets/main.css").write_text(".used{color:red}.gone{color:red}")
    (site / "assets/extra.css").write_text(".gone{color:blue}")
    page = site / folder / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    up = "../" if folder else ""
    page.write_text(f'<link rel="stylesheet" href="{href or up + "assets/stylesheets/main.css"}">'
                    f'<link rel="stylesheet" href="{up}assets/extra.css"><p class="used">{script}')
    return site


@pytest.mark.parametrize("built", ["seed_site", "subpath_site"])
def test_the_seed_sites_theme_css_is_at_most_two_thirds_of_materials(built, request):
    """What the reader downloads before the first paint; Material's own is 22 KB gzipped. Also
    for a site under a sub-path, as on GitHub Pages, whose 404 page links from the site's root."""
    site = request.getfixturevalue(built)
    site = site / "some-article" if built == "subpath_site" else site
    full = untrimmed_site_css()
    ours = sum(len(gzip.compress(p.read_bytes(), 9)) for p in (site / "assets/stylesheets").glob("*.css"))
    assert ours <= full * 2 / 3, (ours, full)


def untrimmed_site_css() -> int:
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return sum(len(gzip.compress(p.read_bytes(), 9)) for p in folder.glob("*.min.css"))


# --- in Chromium: every element looks the same with the trimmed stylesheets --------------------

# Every element's computed style, and that of its ::before/::after when they are generated;
# custom properties left out (an unread one changes nothing), and so is the offset of a tooltip
# that Material's script placed from the layout of the moment it ran (it varies between loads
# of the same page). Hashes, or the text for `wanted`.
# Chromium resolves an `auto` margin from the last layout of the element's own box, which a
# load may have skipped: the header's centred bar reads 0px at the top of a page and 30px after
# a jump to #ref-17, drawn in the same place either time. Narrowing the root by a pixel and
# back lays every box out again, so the values read are those of the page as drawn.
STYLE_DIGEST = """wanted => {
  const root = document.documentElement, rootStyle = root.getAttribute('style');
  root.style.setProperty('width', 'calc(100% - 1px)');
  root.offsetWidth;
  if (rootStyle === null) root.removeAttribute('style'); else root.setAttribute('style', rootStyle);
  root.offsetWidth;
  const out = [];
  let index = 0;
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && style.content === 'none') continue;
      const i = index++;
      if (wanted && !wanted.includes(i)) continue;
      const placed = !pseudo && el.style.getPropertyValue('--md-tooltip-0') !== '';
      let text = '';
      for (let k = 0; k < style.length; k++) {
        const name = style[k];
        if (name.startsWith('--') || placed && /^(left|right|top|bottom|inset)/.test(name)) continue;
        text += name + ':' + style.getPropertyValue(name) + ';';
      }
      text = text.replace(/http:\\/\\/127\\.0\\.0\\.1:\\d+\\//g, '/');
      if (wanted) { out.push((el.id || el.getAttribute('class') || el.tagName) + (pseudo || '') + ' ' + text); continue; }
      let hash = 0;
      for (let k = 0; k < text.length; k++) hash = (Math.imul(hash, 31) + text.charCodeAt(k)) | 0;
      out.push(hash);
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory, seed_site, serve) -> tuple[str, str]:
    project = copy_project(tmp_path_factory.mktemp("untrimmed-project"))
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("      style: apa", "      style: apa\n      trim_theme_css: false")
    assert "trim_theme_css: false" in text
    config.write_text(text, "utf-8")
    untrimmed = tmp_path_factory.mktemp("untrimmed-site")
    result = build_site(project, untrimmed)
    assert result.returncode == 0, result.stderr
    assert _theme_css_bytes(untrimmed) > _theme_css_bytes(seed_site)
    return serve(seed_site), serve(untrimmed)


def _theme_css_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in (site / "assets/stylesheets").glob("*.css"))


def _open_search(page):
    page.click("label.md-header__button[for=__search]" if page.viewport_size["width"] < 960 else "input.md-search__input")
    page.locator("input.md-search__input").press_sequentially("securitization", delay=10)
    page.locator(".md-search-result__item").first.wait_for(timeout=5000)


def _tab_to_first_reference_link(page):
    page.locator("#ref-1").scroll_into_view_if_needed()
    page.focus("#ref-1")
    page.keyboard.press("Tab")


STATES = {
    "top, light": ("", 1280, "light", None),
    "top, dark": ("", 1280, "dark", None),
    "phone, menu open": ("", 390, "light", lambda page: page.click("label.md-header__button[for=__drawer]")),
    "search results": ("", 1280, "light", _open_search),
    "search results on a phone, dark": ("", 390, "dark", _open_search),
    "reference 17 opened from a link": ("#ref-17", 1280, "light", None),
    "second citation style, copied": ("", 1280, "dark", lambda page: (
        page.locator(".tabbed-labels label").nth(1).click(),
        page.locator(".sp-cite-this__tools button").nth(1).click())),
    "keyboard focus on a link": ("", 1280, "light", _tab_to_first_reference_link),
    "citation tooltip on a hand-written page": ("about/", 1280, "light", lambda page: (
        page.locator("a.sp-cite__link").first.hover())),
    "page not found": ("404.html", 390, "light", None),
}


@pytest.mark.browser
@pytest.mark.parametrize("state", STATES)
def test_every_element_has_the_same_computed_style_as_with_materials_whole_stylesheets(
        state, both_sites, page_at):
    # A page load now and then settles differently (Material lays the header out before or
    # after the jump to a fragment); a trimmed rule differs on every load, so a difference
    # counts when a second pair of loads shows it too.
    for attempt in (1, 2):
        difference = _style_difference(STATES[state], both_sites, page_at)
        if difference is None:
            return
    pytest.fail(difference)


def _style_difference(state: tuple, both_sites: tuple[str, str], page_at) -> str | None:
    path, width, scheme, action = state
    pages, digests = [], []
    for base in both_sites:
        page = page_at(base + path, width=width, scheme=scheme)
        page.wait_for_load_state("networkidle")
        if action:
            action(page)
        page.wait_for_timeout(400)
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        pages.append(page)
        digests.append(page.evaluate(STYLE_DIGEST, None))
    if digests[0] != digests[1]:  # perhaps a page was still moving (a scroll-linked header, say)
        digests = [_settled(page) for page in pages]
    trimmed_styles, whole_styles = digests
    if len(trimmed_styles) != len(whole_styles):
        return f"{len(trimmed_styles)} styled boxes with trimmed stylesheets, {len(whole_styles)} without"
    different = [i for i, (a, b) in enumerate(zip(trimmed_styles, whole_styles)) if a != b]
    if not different:
        return None
    first = [page.evaluate(STYLE_DIGEST, different[:1])[0] for page in pages]
    return f"{len(different)} elements differ; first: " + _first_difference(*first)


def _settled(page) -> list:
    """The digest once two taken half a second apart agree."""
    digest = page.evaluate(STYLE_DIGEST, None)
    for _ in range(10):
        page.wait_for_timeout(500)
        again = page.evaluate(STYLE_DIGEST, None)
        if again == digest:
            return digest
        digest = again
    pytest.fail(f"{page.url} never stops changing")


def _first_difference(trimmed_line: str, whole_line: str) -> str:
    trimmed_props = dict(p.split(":", 1) for p in trimmed_line.split(" ", 1)[1].split(";") if ":" in p)
    whole_props = dict(p.split(":", 1) for p in whole_line.split(" ", 1)[1].split(";") if ":" in p)
    changed = {k: (trimmed_props.get(k), whole_props.get(k)) for k in trimmed_props.keys() | whole_props.keys()
               if trimmed_props.get(k) != whole_props.get(k)}
    return f"{whole_line.split(' ', 1)[0]}: trimmed vs whole {changed}"
