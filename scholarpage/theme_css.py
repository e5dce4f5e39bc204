"""Material's stylesheets without the rules no page of the site can use.

Material ships one stylesheet for every feature it has (admonitions, code annotations, tags,
version menus, twenty content tabs, icons for each); it is 22 KB gzipped and blocks the first
paint of every page. Like PurgeCSS, this keeps a rule only if some page or script of the built
site could make it match, judged conservatively so that nothing that can appear loses its style:

- a selector is dropped only if it names, outside any `:not()`/`:is()`/`:has()`, a class, id,
  element or exact attribute value that is in no tag of any page, in no inline script, and in no
  script a page loads (where a word ending in `-` or `_` counts as a prefix, for names that
  scripts build as `"md-tag--" + name`);
- except that a few names in Material's own script count only where the script can build them:
  it builds them only into something a page must already hold (`MATERIAL_HOSTS`), or only
  looks for them (`MATERIAL_LOOKS_FOR`);
- a custom property is dropped only if no kept rule, no other stylesheet, no page and no script
  reads it;
- at-rules other than `@media`, `@supports`, `@container` and `@layer` are kept as they are.

The parsed stylesheet is cached by content, so a build pays a set lookup per selector.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .cache import code_digest, kept, remembered
from .css_statements import is_at_rule, statements

# Material's own folder in a built site; other stylesheets (extra_css) are the site's and kept.
THEME_STYLESHEETS = "assets/stylesheets/"
MATERIAL_SCRIPT = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")
SEARCH_INDEX = "search/search_index.json"
# Names in Material's script that it builds only into a host some page already holds; read from
# Material 9's source (src/templates/assets/javascripts/). Block → hosts: the repository facts
# fill the template's .md-source; copy buttons and annotations go into code blocks (`pre`) and
# `.annotate` lists; the version menu needs extra.version, whose provider is always "mike";
# tags are drawn for pages that have tags (TAGGED: the search index holds some). Hosts are the
# pages' tags and code; of a page's JSON data (Material's __config, whose feature names such as
# "search.highlight" are no hosts) only CONFIG_HOSTS. Without a host, such a name keeps a rule
# only if a page or another script has it. A block's names are the block and its BEM elements
# and modifiers (md-source__fact--stars), not a longer block (md-source-file is the template's).
# The browser test that compares every element's computed style with Material's whole
# stylesheets checks both tables in each state a reader can bring about.
TAGGED = "search index with tags"
MATERIAL_HOSTS: dict[str, tuple[str, ...]] = {
    "md-source": ("md-source",),
    "md-version": ("mike",),
    "md-code": ("pre",),
    "md-annotation": ("pre", "annotate"),
    "md-annotation-list": ("pre", "annotate"),
    "md-tag": ("md-tag", "md-tags", TAGGED),
    "md-tags": ("md-tag", "md-tags", TAGGED),
    "md-tag-icon": ("md-tag", "md-tags", TAGGED),
}
# Names Material's script only looks for and never writes (`e.closest(".highlight")`,
# `closest("pre")`, `getAttribute("dir") === "rtl"`, `M(".md-status")`).
MATERIAL_LOOKS_FOR = frozenset({"highlight", "md-status", "pre", "rtl"})
CONFIG_HOSTS = frozenset({"mike"})
_TAGGED_INDEX = re.compile(r'"tags"\s*:\s*\[')
_NESTING = {"media", "supports", "container", "layer"}
_AT_KEYWORD = re.compile(r"@(-?[A-Za-z_][A-Za-z0-9_-]*)")
# Where a declaration could start with `--` (or an escape that could spell it): at the block's
# start or after `;` or `{`; a false alarm only costs a tokenizing.
_MAY_DEFINE = re.compile(r"(?:^|[;{])\s*(?:--|-?\\)")
_WORD = re.compile(r"[A-Za-z0-9_-]+")
# Possessive quantifiers: a tag that never closes fails in linear time.
_TAG = re.compile(r"<[A-Za-z](?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>")
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
# Attributes whose values are free text or addresses (most of a reference list's bytes). Their
# words are not collected, and a selector on their exact value needs nothing (see _attribute_needs).
FREE_TEXT_ATTRIBUTES = ("href", "src", "srcset", "content", "aria-label", "title", "alt", "data-clipboard-text")
_FREE_TEXT = re.compile(rf"""\s(?:{"|".join(FREE_TEXT_ATTRIBUTES)})=(?:"[^"]*+"|'[^']*+')""", re.I)
_LOADING_TAG = re.compile(r"<(script|link|style)\b((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>", re.I)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_END_TAG = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_READS = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class Vocabulary:
    """Every name the site's pages and scripts can put into the document."""

    words: frozenset[str]
    prefixes: tuple[str, ...]

    def has(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)


@dataclass(frozen=True)
class PageFacts:
    """What one page brings: the words of its tags (names, attributes, values but free text;
    element names also in lower case, as HTML has them), its inline scripts, JSON data for
    scripts (Material's __config) and style blocks, and the addresses of the scripts and
    stylesheets it loads."""

    words: frozenset[str]
    code: tuple[str, ...]
    data: tuple[str, ...]
    styles: tuple[str, ...]
    loads: tuple[tuple[str, str], ...]  # ("script" or "stylesheet", address)
    has_module: bool


def page_facts(page: str) -> PageFacts:
    """Read one page (the article page's is read on a second core while MkDocs writes the rest)."""
    text = _FREE_TEXT.sub("", "\n".join(set(_TAG.findall(page))))
    words = set(_WORD.findall(text))
    words.update(name.lower() for name in _TAG_NAME.findall(text))
    code, data, styles, loads, has_module = [], [], [], [], False
    for match in _LOADING_TAG.finditer(page):
        element, attributes = match[1].lower(), _attributes(match[2])
        if element in _END_TAG:
            end = _END_TAG[element].search(page, match.end())
            content = page[match.end():end.start() if end else len(page)]
        if element == "style":
            styles.append(content)
        elif element == "script":
            kind = attributes.get("type", "").lower()
            has_module = has_module or kind == "module"
            if "src" in attributes:
                loads.append(("script", attributes["src"]))
            elif kind == "application/json":
                data.append(content)
            elif kind != "application/ld+json":  # metadata for machines, which no script reads
                code.append(content)
        elif "stylesheet" in attributes.get("rel", "").lower().split() and "href" in attributes:
            loads.append(("stylesheet", attributes["href"]))
    return PageFacts(frozenset(words), tuple(code), tuple(data), tuple(styles), tuple(loads), has_module)


def vocabulary(pages: Iterable[PageFacts], scripts: Iterable[str], material_scripts: Iterable[str] = (),
               tagged: bool = False) -> Vocabulary:
    """The pages' words and every word of their inline and loaded scripts, but the names of
    Material's script (`material_scripts`) that it can build only into a host no page holds.
    `tagged`: the search index gives some page tags."""
    pages = list(pages)
    words: set[str] = set().union(*(page.words for page in pages))
    script_words = {word for page in pages for text in page.code for word in _WORD.findall(text)}
    for script in scripts:
        script_words.update(_script_words(script))
    data_words = {word for page in pages for text in page.data for word in _data_words(text)}
    present = words | script_words | (data_words & CONFIG_HOSTS) | ({TAGGED} if tagged else set())
    script_words |= data_words
    for script in material_scripts:
        script_words.update(word for word in _script_words(script) if _can_build(word, present))
    words |= script_words
    prefixes = tuple(sorted(word for word in script_words if word[-1] in "-_" and word.strip("-_")))
    return Vocabulary(frozenset(words), prefixes)


def _data_words(text: str) -> set[str]:
    """The names a script could take from JSON data: its keys and strings, split at spaces (a
    class list) but not at dots, so that Material's feature flag "search.highlight" names no
    `.highlight`; every word, if the data is not JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return set(_WORD.findall(text))
    words: set[str] = set()
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            words.update(word for key in value for word in str(key).split())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str):
            words.update(value.split())
    return words


def _can_build(name: str, present: set[str]) -> bool:
    """Whether Material's script can put this name of its own into a page (see MATERIAL_HOSTS)."""
    if name in MATERIAL_LOOKS_FOR:
        return False
    block = name.partition("__")[0].partition("--")[0]
    hosts = MATERIAL_HOSTS.get(block)
    return hosts is None or not present.isdisjoint(hosts)


# --- parsing (cached): a stylesheet becomes nodes of lists and dicts --------------------------
# {"s": [[selector, [needed names]], ...], "d": [[custom property or None, declaration], ...]}
# {"at": "@media …", "c": [nodes]}, {"v": text kept as it is}


def parse(css: str) -> list[dict]:
    """The stylesheet's rules, with the names each selector needs."""
    return _cached("stylesheet", css, _parse)


def _parse(css: str) -> list[dict]:
    """Selectors through tinycss2, declarations as written where no custom property is defined
    (css_statements.py says why); the whole stylesheet through tinycss2 if that cannot be read."""
    import tinycss2  # only on a cache miss

    found = statements(css)
    nodes = _statement_nodes(found) if found is not None else None
    if nodes is None:
        nodes = _nodes(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return nodes


def full_parse(css: str) -> list[dict]:
    """The stylesheet's rules, every one through tinycss2 (for tests: the reference)."""
    import tinycss2

    return _nodes(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _statement_nodes(found: list[tuple[str, str | None]]) -> list[dict] | None:
    import tinycss2

    nodes: list[dict] = []
    for prelude, block in found:
        if is_at_rule(prelude):
            head = prelude.strip()
            keyword = _AT_KEYWORD.match(head)
            if keyword is None:  # a comment or an escape before or in the keyword
                return None
            if block is not None and keyword[1].lower() in _NESTING:
                inner = statements(block)
                children = _statement_nodes(inner) if inner is not None else None
                if children is None:
                    return None
                nodes.append({"at": head, "c": children})
            else:
                nodes.append({"v": head + ("{" + block + "}" if block is not None else ";")})
        elif block is not None:
            tokens = tinycss2.parse_component_value_list(prelude, skip_comments=True)
            selectors = [[tinycss2.serialize(part).strip(), _needs(part)] for part in _split(tokens)]
            if not selectors:
                return None  # a rule with no selector, which tinycss2 reads its own way
            nodes.append({"s": selectors, "d": _block_declarations(block)})
        # A prelude without a block is white space, comments or a parse error (dropped).
    return nodes


def _block_declarations(block: str) -> list[list]:
    """A block as one declaration text, or declaration by declaration where it may define a
    custom property (which is left out when nothing reads it)."""
    if _MAY_DEFINE.search(block) or "/*" in block:
        import tinycss2

        return _declarations(tinycss2.parse_component_value_list(block))
    return [[None, block.strip()]] if block.strip() else []


def _script_words(script: str) -> list[str]:
    """The distinct words of a script (Material's bundle: 12 ms, so cached like a stylesheet)."""
    return _cached("script", script, lambda text: sorted(set(_WORD.findall(text))))


def parse_is_kept(css: str) -> bool:
    """Whether an earlier build kept this stylesheet's parse (else the plugin starts it early,
    on a second core: tinycss2 takes about 0.3 s for Material's)."""
    return kept("css", _key("stylesheet", css))


def _cached(kind: str, text: str, compute):
    """compute(text), kept between builds (marshal, as Python's own .pyc files: it loads in a
    millisecond) under a digest of this module and the text."""
    return remembered("css", _key(kind, text), lambda: compute(text))


def _key(kind: str, text: str) -> bytes:
    return _module_digest() + kind.encode() + b"\0" + text.encode("utf-8")


@functools.cache
def _module_digest() -> bytes:
    return code_digest(__file__)


def _nodes(rules: list) -> list[dict]:
    import tinycss2

    nodes = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [[tinycss2.serialize(tokens).strip(), _needs(tokens)] for tokens in _split(rule.prelude)]
            nodes.append({"s": selectors, "d": _declarations(rule.content)})
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _NESTING:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            nodes.append({"at": f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", "c": _nodes(inner)})
        elif rule.type == "at-rule":
            nodes.append({"v": rule.serialize()})
        # Anything else is a parse error, which browsers skip too.
    return nodes


def _declarations(content: list) -> list[list]:
    import tinycss2

    items = tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True)
    if any(item.type != "declaration" for item in items):  # nesting or errors: keep the block whole
        return [[None, tinycss2.serialize(content).strip()]]
    declarations = []
    for item in items:
        text = f"{item.name}:{tinycss2.serialize(item.value).strip()}{'!important' if item.important else ''}"
        declarations.append([item.name if item.name.startswith("--") else None, text])
    return declarations


def _split(prelude: list) -> list[list]:
    """A selector list cut at its top-level commas."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [tokens for tokens in selectors if any(t.type != "whitespace" for t in tokens)]


def _needs(tokens: list) -> list[str]:
    """Names the selector needs present: classes, ids, elements and exact attribute values.

    Functional pseudo-classes are not looked into: `:not(.x)` matches more when .x is absent.
    """
    needs = []
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else None
        after_literal = before.value if before is not None and before.type == "literal" else None
        if token.type == "hash" and token.is_identifier:
            needs.append(token.value)
        elif token.type == "ident" and after_literal == ".":
            needs.append(token.value)
        elif token.type == "ident" and after_literal not in (":", "|"):
            needs.append(token.lower_value)
        elif token.type == "[] block":
            needs.extend(_attribute_needs(token.content))
    return needs


def _attribute_needs(content: list) -> list[str]:
    """Words of an `[attr=value]` or `[attr~=value]` value; prefix, suffix, substring and
    case-insensitive matches, and free-text attributes, need nothing."""
    tokens = [t for t in content if t.type != "whitespace"]
    if len(tokens) != 3 or tokens[1].type != "literal" or tokens[1].value not in ("=", "~="):
        return []
    if tokens[0].type != "ident" or tokens[0].lower_value in FREE_TEXT_ATTRIBUTES:
        return []
    value = tokens[2].value if tokens[2].type in ("ident", "string") else ""
    return _WORD.findall(value)


# --- trimming ----------------------------------------------------------------------------------


def trim(sheets: dict[str, list[dict]], known: Vocabulary, read_elsewhere: set[str]) -> dict[str, str]:
    """Each sheet's text with the unmatched rules and unread custom properties left out.

    `read_elsewhere`: custom properties read outside these sheets (other stylesheets).
    """
    kept = {name: _keep(nodes, known) for name, nodes in sheets.items()}
    reads = set(read_elsewhere) | {word for word in known.words if word.startswith("--")}
    definitions: dict[str, list[str]] = {}
    for nodes in kept.values():
        _collect_reads(nodes, reads, definitions)
    pending = list(reads)
    while pending:  # a kept definition's own value may read others
        for text in definitions.pop(pending.pop(), []):
            for name in _READS.findall(text):
                if name not in reads:
                    reads.add(name)
                    pending.append(name)
    return {name: _ascii("".join(_serialize(nodes, reads))) for name, nodes in kept.items()}


def _ascii(css: str) -> str:
    """Non-ASCII characters as CSS escapes, as Material writes them (tinycss2 unescapes its
    icon code points), so the file reads the same whatever charset a server declares."""
    return _NON_ASCII.sub(lambda match: f"\\{ord(match[0]):x} ", css)


def _keep(nodes: list[dict], known: Vocabulary) -> list[dict]:
    kept = []
    for node in nodes:
        if "s" in node:
            selectors = [text for text, needs in node["s"]
                         if known.words.issuperset(needs) or all(map(known.has, needs))]
            if selectors:
                kept.append({"s": selectors, "d": node["d"]})
        elif "c" in node:
            children = _keep(node["c"], known)
            if children:
                kept.append({"at": node["at"], "c": children})
        else:
            kept.append(node)
    return kept


def _collect_reads(nodes: list[dict], reads: set[str], definitions: dict[str, list[str]]) -> None:
    for node in nodes:
        if "s" in node:
            for prop, text in node["d"]:
                if prop is None:
                    reads.update(_READS.findall(text))
                else:
                    definitions.setdefault(prop, []).append(text)
        elif "c" in node:
            _collect_reads(node["c"], reads, definitions)
        else:
            reads.update(_READS.findall(node["v"]))


def _serialize(nodes: list[dict], reads: set[str]) -> list[str]:
    out = []
    for node in nodes:
        if "s" in node:
            body = ";".join(text for prop, text in node["d"] if prop is None or prop in reads)
            if body:
                out.append(f"{','.join(node['s'])}{{{body}}}")
        elif "c" in node:
            inner = _serialize(node["c"], reads)
            if inner:
                out.append(f"{node['at']}{{{''.join(inner)}}}")
        else:
            out.append(node["v"])
    return out


# --- a built site ------------------------------------------------------------------------------


def trim_site(site: Path, base_path: str = "/", read: Mapping[Path, PageFacts] | None = None,
              originals: Mapping[Path, Path] | None = None,
              parsed: Mapping[str, list[dict]] | None = None) -> dict[str, tuple[int, int]] | str:
    """Rewrite the theme's stylesheets of a built site in place.

    Returns each rewritten file's path under the site with its size before and after, or why
    nothing was trimmed: a page that loads a script or stylesheet this cannot read (from another
    host, say) could add any class or read any custom property, so then every rule stays.
    `base_path` is the site's URL path (from site_url), which root-relative links such as those
    of 404.html start with. `read` holds pages already read, by resolved path; `originals` the
    theme's own file for a stylesheet of the site, read instead of a copy that a `--dirty`
    build left trimmed from an earlier build; `parsed` stylesheets already parsed, by text.
    """
    site = site.resolve()
    read = read or {}
    pages = {path: read.get(path) or page_facts(path.read_text("utf-8")) for path in site.rglob("*.html")}
    scripts: dict[Path, str] = {}
    stylesheets: set[Path] = set()
    for path, facts in pages.items():
        where = path.relative_to(site).as_posix()
        if facts.has_module:
            return f"{where} has a module script, whose imports this does not follow"
        for kind, source in facts.loads:
            target = _local(site, base_path, path, source)
            if target is None:
                return f"{where} loads {source}, which is not a file of the site"
            if kind == "stylesheet":
                stylesheets.add(target)
            elif target not in scripts:
                scripts[target] = target.read_text("utf-8")
    theme = sorted(p for p in stylesheets if p.relative_to(site).as_posix().startswith(THEME_STYLESHEETS))
    if not theme:
        return {}
    material = {path for path in scripts if MATERIAL_SCRIPT.fullmatch(path.relative_to(site).as_posix())}
    index = site / SEARCH_INDEX
    tagged = index.is_file() and _TAGGED_INDEX.search(index.read_text("utf-8")) is not None
    originals = originals or {}
    texts = {path: originals.get(path, path).read_text("utf-8") for path in theme}
    others = [path.read_text("utf-8") for path in stylesheets - set(theme)]
    others += [css for facts in pages.values() for css in facts.styles]
    read_elsewhere = {name for css in others for name in _READS.findall(css)}
    known = vocabulary(pages.values(), [text for path, text in scripts.items() if path not in material],
                       [scripts[path] for path in material], tagged)
    parsed = parsed or {}
    trimmed = trim({path.as_posix(): parsed.get(text) or parse(text) for path, text in texts.items()},
                   known, read_elsewhere)
    sizes = {}
    for path in theme:
        text = trimmed[path.as_posix()]
        path.write_text(text, "utf-8")
        sizes[path.relative_to(site).as_posix()] = (len(texts[path].encode("utf-8")), len(text.encode("utf-8")))
    return sizes


def _attributes(text: str) -> dict[str, str]:
    """A start tag's attributes, names in lower case and values unescaped."""
    return {match[1].lower(): html.unescape(match[2] or match[3] or match[4] or "")
            for match in _ATTRIBUTE.finditer(text)}


def _local(site: Path, base_path: str, page: Path, reference: str) -> Path | None:
    """The file of the site that a page's link names, if any."""
    reference = reference.split("?")[0].split("#")[0]
    if re.match(r"[a-z][a-z0-9+.-]*:|//", reference, re.I):
        return None
    if reference.startswith("/"):
        base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        if not reference.startswith(base):
            return None
        target = (site / reference.removeprefix(base)).resolve()
    else:
        target = (page.parent / reference).resolve()
    return target if target.is_file() and target.is_relative_to(site) else None
