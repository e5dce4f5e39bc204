"""The quick parse (css_statements.py) trims every stylesheet as tinycss2's full parse does."""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scholarpage.css_statements import statements
from scholarpage.theme_css import Vocabulary, _parse, full_parse, trim

NAMES = ["c1", "c2", "md-x", "i1", "div", "p", "a", "v", "slate"]


def canonical(css: str) -> list:
    """What a browser reads from a stylesheet: each rule's selector and declarations (or an
    at-rule's prelude and contents), whatever white space, comments and escapes spelled them."""
    return _canonical(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _canonical(rules: list) -> list:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            out.append((tinycss2.serialize(rule.prelude).strip(), [
                (d.name, tinycss2.serialize(d.value).strip(), d.important) if d.type == "declaration"
                else ("error", d.kind) if d.type == "error" else tinycss2.serialize([d]) for d in declarations]))
        elif rule.type == "at-rule":
            inner = (_canonical(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                     if rule.content is not None and rule.lower_at_keyword in ("media", "supports", "layer", "container")
                     else tinycss2.serialize(rule.content or []).strip())
            out.append((rule.lower_at_keyword, tinycss2.serialize(rule.prelude).strip(), inner))
    return out


def both_trims(css: str, words: set[str]) -> tuple[str, str]:
    known = Vocabulary(frozenset(words), ())
    return trim({"s": _parse(css)}, known, set())["s"], trim({"s": full_parse(css)}, known, set())["s"]


# --- stylesheets written to meet what decides where a statement ends -------------------------

simple_selector = st.sampled_from([
    ".c1", ".c2", "#i1", "div", "p", "a:not(.c2)", "p::before", ".md-x", '[data-x="a{b;c}"]',
    "[data-scheme=slate]", "[title='}']", r".c1\:hover", "div > .c1", "p  .c2", "*",
])
selector_list = st.lists(simple_selector, min_size=1, max_size=3).map(", ".join)
declaration = st.sampled_from([
    "color:red", "--v:1px", "margin:var(--v)", 'content:"}{;"', r"content:'a\'b'", r'content:"\f101"',
    'background:url("data:image/svg+xml;a=b")', "background:url(x.png)", "width:1px!important",
    "--unread: {a}", "/* } */color:blue", "margin : 0 ", "-\\2d x:1", "--w:calc(1px + 2px)",
])
declarations = st.lists(declaration, max_size=4).map(";".join)
qualified_rule = st.builds(lambda s, d: f"{s}{{{d}}}", selector_list, declarations)
other = st.sampled_from([
    '@charset "UTF-8";', "@import url(x.css);", "@keyframes k{from{opacity:0}to{opacity:1}}",
    "@font-face{font-family:x;src:url(a.woff)}", "/* a comment { */", "\n", "  ", "@page{margin:1cm}",
])
nested = st.builds(lambda head, rules: f"{head}{{{''.join(rules)}}}",
                   st.sampled_from(["@media screen", "@media (min-width:1px) and (max-width:2px)",
                                    "@supports (display:grid)", "@layer base"]),
                   st.lists(qualified_rule, max_size=3))
stylesheet = st.lists(st.one_of(qualified_rule, other, nested), max_size=8).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(stylesheet, st.sets(st.sampled_from(NAMES)))
def test_the_quick_parse_trims_any_stylesheet_as_the_full_parse_does(css, words):
    quick, full = both_trims(css, words)
    assert canonical(quick) == canonical(full)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='{};"\'\\/*<!->@ .c1:red\n', max_size=40), st.sets(st.sampled_from(NAMES)))
def test_any_text_at_all_trims_the_same_or_falls_back_to_the_full_parse(css, words):
    quick, full = both_trims(css, words)
    assert canonical(quick) == canonical(full)


def test_materials_stylesheets_are_read_quickly_and_trimmed_as_the_full_parse_does():
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    sheets = sorted(folder.glob("*.min.css"))
    assert sheets
    for sheet in sheets:
        css = sheet.read_text("utf-8")
        assert statements(css) is not None, sheet.name  # the quick way is the one taken
        for words in ({"md-header", "md-nav", "md-typeset", "slate", "default", "body", "a", "p"}, set()):
            quick, full = both_trims(css, words)
            assert canonical(quick) == canonical(full), sheet.name


@pytest.mark.parametrize("css, found", [
    ("a{b:c}d{e:f}", [("a", "b:c"), ("d", "e:f"), ("", None)]),
    ('@charset "UTF-8";a{}', [('@charset "UTF-8"', None), ("a", ""), ("", None)]),
    ("a;b{c:d}", [("a;b", "c:d"), ("", None)]),  # a ";" outside a block belongs to a selector
    ('[x="}"]{c:"{"}', [('[x="}"]', 'c:"{"'), ("", None)]),
    (r"a\{{c:d}", [(r"a\{", "c:d"), ("", None)]),
    ("@media x{a{b:c}}/* } */", [("@media x", "a{b:c}"), ("/* } */", None)]),
])
def test_statements_end_where_css_ends_them(css, found):
    assert statements(css) == found


@pytest.mark.parametrize("css", ['a{content:"x\n"}', "a{b:c", "a{b:c}}", "/* open", "<!-- a{b:c} -->"])
def test_what_the_quick_parse_does_not_expect_leaves_it_to_tinycss2(css):
    assert statements(css) is None
