"""citeproc-py, run with workarounds for eight of its bugs, each reported upstream (README).

Nothing of citeproc-py is replaced: the workarounds change what goes in (the style's XML, the
items' values) and what comes out (the HTML of an entry). They were checked against the
citeproc-py versions in TESTED_VERSIONS; on another version those that depend on its exact
behaviour are switched off and the build log says so once. Escaping stays on whatever the
version: without it a title could become markup.

1. Escaping: citeproc-py copies variables into its HTML unescaped (`escape_item`).
2. `initialize="false"` (CSL 1.0.2, Chicago, MLA) is ignored: given names are initialised
   anyway (`parse_style`, `item_with_fixes`).
3. A lower-case part after a hyphen ("Min-jun") is printed after a stray mark ("M.-. jun .")
   instead of being initialised ("M.-J.") (`item_with_fixes`).
4. A title or journal standing in for a missing author is printed twice (`without_substitute_repeat`).
5. A `label` is printed even when its variable is empty ("Nr. 2, S." with no pages, DIN 1505-2),
   where CSL renders it only for a non-empty variable (`_labels_only_with_their_variable`).
6. Editors standing in for a missing author are printed again ("(J. Smith, Ed.)", "In J. Smith
   (Ed.), …") where CSL suppresses a substituted variable (`without_repeated_editors`).
7. A group counts any output of a choose as a rendered variable: APA's thesis printed
   "(Publication)" with no number (`_chooses_out_of_groups`).
8. A page range whose last page has more digits than its first is cut wrongly by the minimal
   page-range formats: MLA printed "pp. 1–0" for 1–20 and "5–2" for 5–52 (`with_whole_last_page`).
"""

from __future__ import annotations

import copy
import io
import logging
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from lxml import etree

from scholarpage.model import Reference, named, reads_family_first
from scholarpage.render.csl_macros import inline_macros
from scholarpage.render.escaping import csl_safe

log = logging.getLogger("mkdocs.plugins.scholarpage")

#: citeproc-py versions the workarounds were tested with (the version prefix).
TESTED_VERSIONS = ("0.11.",)
_CSL = "{http://purl.org/net/xbiblio/csl}"


@lru_cache(maxsize=1)
def fixes_apply() -> bool:
    """Whether this citeproc-py is one the workarounds were tested with (logged once if not)."""
    installed = version("citeproc-py")
    if installed.startswith(TESTED_VERSIONS):
        return True
    log.info("citeproc-py %s is not a version scholarpage was tested with (%s): its workarounds for "
             "initialize=\"false\", hyphenated given names and repeated substitutes are off",
             installed, ", ".join(v + "x" for v in TESTED_VERSIONS))
    return False


@dataclass(frozen=True)
class Style:
    """A parsed style and what `item_with_fixes` needs to know of it."""

    parsed: CitationStylesStyle
    initialises: bool  # some names print given names as initials
    whole_names_mark: str  # "." when some names print given names whole, with initials punctuated so
    path: str = ""  # the style's file, read again for `without_repeated_editors` only when needed
    write_out_macros: bool = True
    punctuation_in_quote: bool = False  # the locale's option (American English): `.”`, not `”.`


def parse_style(path: str, *, write_out_macros: bool = True) -> Style:
    """The style at `path`, with its macro calls written out in place (csl_macros.py) unless told not to."""
    with open(path, "rb") as file:
        root, initialises, mark = _fixed(file.read())
    if write_out_macros:
        inline_macros(root)
    source = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    parsed = CitationStylesStyle(io.BytesIO(source), validate=False)
    return Style(parsed, initialises, mark, path, write_out_macros, _punctuation_in_quote(parsed))


def _punctuation_in_quote(style: CitationStylesStyle) -> bool:
    """The locale's `punctuation-in-quote` ("true" in American English), from the first of the
    style's locales, in citeproc-py's own fallback order, that sets it."""
    for locale in style.root.locales:
        options = locale.find(f"{_CSL}style-options")
        if options is not None and options.get("punctuation-in-quote") is not None:
            return options.get("punctuation-in-quote") == "true"
    return False


def with_punctuation_in_quotes(entry_html: str, style: Style) -> str:
    """A full stop or comma after a closing quote moved inside it where the locale says so
    ("Title.” Journal", as Chicago and MLA print in American English); citeproc-py reads the
    option and never applies it. After a title's own ".", "?" or "!" the mark is dropped ("Why?”").
    Only the style's quote marks move: a ” in a source's text reaches citeproc-py as `&#8221;`
    (`csl_safe`), and stays where it was written.
    """
    if not style.punctuation_in_quote or not fixes_apply():
        return entry_html
    return _QUOTE_THEN_MARK.sub(lambda m: m[1] + "”" if m[1] in ".?!…" else m[1] + m[2] + "”", entry_html)


_QUOTE_THEN_MARK = re.compile(r"([^”])”([.,])")


def without_full_stop_after_question(entry_html: str) -> str:
    """"Why Property?. Texas Law Review" → "Why Property? Texas Law Review": a title's own "?" or
    "!" ends its sentence, and the style's full stop after it goes, as CSL processors print it
    (citeproc-js, pandoc); citeproc-py keeps both. Italics and quote marks between stay."""
    if not fixes_apply():
        return entry_html
    return _QUESTION_THEN_STOP.sub(r"\1\2", entry_html)


_QUESTION_THEN_STOP = re.compile(r"([?!])((?:</?[bi]>|</span>|&#8221;|[”’\"])*)\.(?=\s|<|$)")


def _fixed(source: bytes) -> tuple[etree._Element, bool, str]:
    """The style's XML with the workarounds that change it, whether it initialises given names,
    and the mark of whole names (see Style)."""
    root = etree.fromstring(source)
    names = list(root.iter(f"{_CSL}name"))
    whole = any(name.get("initialize") == "false" for name in names)
    inheriting = any(element.get("initialize-with") is not None for element in root.iter() if element not in names)
    initialises = any(name.get("initialize") != "false" and (inheriting or name.get("initialize-with") is not None)
                      for name in names)
    mark = ""
    if whole and fixes_apply() and _initialize_with_only_at_the_root(root):
        inherited = root.attrib.pop("initialize-with", None)
        mark = (inherited or "").strip()
        for name in names:
            if inherited is not None and name.get("initialize") != "false" and name.get("initialize-with") is None:
                name.set("initialize-with", inherited)
    if fixes_apply():
        _chooses_out_of_groups(root, {macro.get("name"): macro for macro in root.iter(f"{_CSL}macro")})
        _labels_only_with_their_variable(root)
        _labels_capitalised(root)
        _substituted_names_inherit(root)
    return root, initialises, mark


@lru_cache(maxsize=16)
def _without_editor(source: bytes, write_out_macros: bool) -> CitationStylesStyle | None:
    """The style with editors printed only where they stand in for the author
    (`_editor_only_in_substitute`); made only when an entry needs it, since most lists have
    none and a style costs milliseconds to parse. Keyed by the file's bytes: a house style
    edited in `mkdocs serve` is made again."""
    variant = _editor_only_in_substitute(_fixed(source)[0])
    if variant is None:
        return None
    if write_out_macros:
        inline_macros(variant)
    return CitationStylesStyle(io.BytesIO(etree.tostring(variant, xml_declaration=True, encoding="utf-8")),
                               validate=False)


def _editor_only_in_substitute(root: etree._Element) -> etree._Element | None:
    """The style with `editor` called everywhere but in the substitute of the bibliography's
    first names (the author's): CSL's suppression of a substituted name variable, said in CSL,
    for the entries whose editors stood in for the author (`without_repeated_editors`). A
    suppressed variable counts as empty: its names element becomes a call that prints nothing,
    so a group around it ("In …, Edited by …") goes with it as it would for no editor. None
    when the bibliography substitutes no names."""
    substitute = _first_substitute(root)
    if substitute is None:
        return None
    kept = set(substitute.iter(f"{_CSL}names"))
    for names in list(root.iter(f"{_CSL}names")):
        variables = names.get("variable", "").split()
        if names in kept or "editor" not in variables:
            continue
        rest = [variable for variable in variables if variable != "editor"]
        if rest:
            names.set("variable", " ".join(rest))
            continue
        choose = etree.Element(f"{_CSL}choose")
        branch = etree.SubElement(choose, f"{_CSL}if", variable="editor", match="none")
        choose.tail, names.tail = names.tail, None
        names.addprevious(choose)
        branch.append(names)
    return root


def _first_substitute(root: etree._Element) -> etree._Element | None:
    """The `<substitute>` of the first names element the bibliography's layout prints, macros followed."""
    macros = {macro.get("name"): macro for macro in root.iter(f"{_CSL}macro")}
    layout = root.find(f"{_CSL}bibliography/{_CSL}layout")
    pending, seen = [layout] if layout is not None else [], set()
    while pending:
        element = pending.pop(0)
        if element.tag == f"{_CSL}names" and element.find(f"{_CSL}substitute") is not None:
            return element.find(f"{_CSL}substitute")
        name = element.get("macro") if element.tag == f"{_CSL}text" else None
        if name in macros and name not in seen:
            seen.add(name)
            pending.insert(0, macros[name])
        else:
            pending[:0] = [child for child in element if isinstance(child.tag, str)]
    return None


def _chooses_out_of_groups(element: etree._Element, macros: dict[str, etree._Element]) -> None:
    """Each group holding a choose whose branches print something other than variables becomes a
    choose of that group's copies, one a branch, the branch's children in the choose's place.

    CSL: a choose is transparent, and a group is suppressed when the variables its rendered
    children call are all empty. citeproc-py asks the whole choose instead: one branch calling a
    variable makes any branch's output count as a rendered variable, so APA's thesis printed
    "(Publication)", a fixed value meant only beside a number. Conditions read the item only,
    so asking them before the group prints the same wherever a group would be printed."""
    for child in list(element):
        if isinstance(child.tag, str):
            _chooses_out_of_groups(child, macros)
    if element.tag == f"{_CSL}group":
        _hoist_choose(element, macros)


def _hoist_choose(group: etree._Element, macros: dict[str, etree._Element]) -> None:
    children = list(group)
    index = next((n for n, child in enumerate(children) if child.tag == f"{_CSL}choose"
                  and _prints_other_than_variables(child, macros)), None)
    if index is None:
        return
    choose = children[index]
    hoisted = etree.Element(f"{_CSL}choose")
    branches = [branch for branch in choose if isinstance(branch.tag, str)]
    if not branches or branches[-1].tag != f"{_CSL}else":
        branches.append(etree.Element(f"{_CSL}else"))
    for branch in branches:
        copied = copy.deepcopy(group)
        copied.tail = None
        place = list(copied)[index]
        for child in branch:
            place.addprevious(copy.deepcopy(child))
        copied.remove(place)
        etree.SubElement(hoisted, branch.tag, attrib=dict(branch.attrib)).append(copied)
        _hoist_choose(copied, macros)
    hoisted.tail = group.tail
    group.getparent().replace(group, hoisted)


def _prints_other_than_variables(choose: etree._Element, macros: dict[str, etree._Element]) -> bool:
    """Some branch of `choose` has a child calling no variable (a term, a value, a label)."""
    for branch in choose:
        for child in branch if isinstance(branch.tag, str) else ():
            if not isinstance(child.tag, str):
                continue
            if child.tag == f"{_CSL}choose":
                if _prints_other_than_variables(child, macros):
                    return True
            elif not _calls_variable(child, macros, set()):
                return True
    return False


def _calls_variable(element: etree._Element, macros: dict[str, etree._Element], seen: set[str]) -> bool:
    """Whether citeproc-py counts `element` as calling a variable (`calls_variable`)."""
    tag = etree.QName(element).localname
    if tag == "text":
        name = element.get("macro")
        if name is not None:
            macro = macros.get(name)
            return macro is not None and name not in seen and any(
                _calls_variable(child, macros, seen | {name}) for child in macro if isinstance(child.tag, str))
        return element.get("variable") not in (None, "year-suffix")
    if tag == "label":
        return element.get("variable") == "locator"
    if tag == "choose":
        return any(_calls_variable(child, macros, seen) for branch in element if isinstance(branch.tag, str)
                   for child in branch if isinstance(child.tag, str))
    return tag in ("date", "number", "names", "group")


def _substituted_names_inherit(root: etree._Element) -> None:
    """A bare `<names variable="editor"/>` in a `<substitute>`, inside a `<choose>` there, given
    copies of the substituting names' `name`, `et-al` and `label`: CSL's inheritance, which
    citeproc-py applies only to the substitute's own children. Chicago printed an edited book
    "Jane Smith, John Doe. 2020." for "Smith, Jane, and John Doe, eds. 2020."."""
    for substitute in root.iter(f"{_CSL}substitute"):
        parent = substitute.getparent()
        inherited = [child for child in parent
                     if isinstance(child.tag, str) and etree.QName(child).localname in ("name", "et-al", "label")]
        if not inherited:
            continue
        for names in substitute.iter(f"{_CSL}names"):
            if names.getparent() is not substitute and not len(names) and _substitutes_for(names, substitute):
                names.extend(copy.deepcopy(child) for child in inherited)


def _substitutes_for(names: etree._Element, substitute: etree._Element) -> bool:
    """Whether `substitute` is the nearest substitute above `names` (not one of a names inside it)."""
    element = names.getparent()
    while element is not substitute:
        if etree.QName(element).localname == "names":
            return False
        element = element.getparent()
    return True


def _labels_capitalised(root: etree._Element) -> None:
    """A name label's `text-case="title"` as `capitalize-first`: citeproc-py title-cases only
    text it knows to be English, and a label has no language, so APA printed "(eds.)" for "(Eds.)".
    The labels are one word ("ed.", "trans."), where the two cases agree."""
    for label in root.iter(f"{_CSL}label"):
        if label.get("text-case") == "title" and etree.QName(label.getparent()).localname == "names":
            label.set("text-case", "capitalize-first")


def _labels_only_with_their_variable(root: etree._Element) -> None:
    """Each `<label variable="v">` put inside `<choose><if variable="v">`: CSL's own rule for a
    label, said in CSL. Nothing else changes: a choose and a label both count as calling no
    variable for a group (citeproc-py), and a one-child branch joins nothing. The locator's label
    (citations only) is left as it is: citeproc-py counts it as calling its variable."""
    for label in list(root.iter(f"{_CSL}label")):
        variable = label.get("variable", "")
        if not variable or variable == "locator" or " " in variable:
            continue
        choose = etree.Element(f"{_CSL}choose")
        branch = etree.SubElement(choose, f"{_CSL}if", variable=variable)
        choose.tail, label.tail = label.tail, None
        label.addprevious(choose)
        branch.append(label)


def _initialize_with_only_at_the_root(root: etree._Element) -> bool:
    """citeproc-py initialises whenever an `initialize-with` is inherited, `initialize="false"`
    or not; the inherited value is moved onto each name element that should initialise. That is
    exact only when the style's root is the one element above the names that sets it."""
    return all(element.get("initialize-with") is None
               for element in root.iter(f"{_CSL}citation", f"{_CSL}bibliography"))


def escape_item(item: dict[str, Any]) -> dict[str, Any]:
    """Every text value escaped (`csl_safe`), ids and types as they are."""
    return {name: value if name in ("id", "type") else _escaped(value) for name, value in item.items()}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return csl_safe(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def item_with_fixes(item: dict[str, Any], style: Style) -> dict[str, Any]:
    """Names as the style would print them, where citeproc-py does not.

    Where a style initialises, a part after a hyphen is capitalised ("Min-jun" → "Min-Jun",
    printed "M.-J."). Where it prints given names whole, an initial already there gets the
    style's mark ("Gary S" → "Gary S."). A Chinese, Japanese or Korean name is printed family
    name first, unspaced, in every style. Other names are left as written.
    """
    if not fixes_apply():
        return item
    fixed = dict(item)
    for role in ("author", "editor", "translator"):
        if role in fixed:
            fixed[role] = [_given_fixed(name, style) for name in fixed[role]]
    return fixed


def _given_fixed(name: dict[str, str], style: Style) -> dict[str, str]:
    given = name.get("given", "")
    family = name.get("family", "")
    if given and family and reads_family_first(family + given):
        # A Chinese, Japanese or Korean name is written family name first, with no space or
        # comma between the parts (王小明, 김민준), in every style, as citeproc-js prints it;
        # citeproc-py would invert it with a comma ("王, 小明") or print the given name first.
        return {"literal": family + given}
    if style.initialises and given and not any(char.isupper() or char.islower() for char in given):
        # A script without case (أحمد, דוד) has no initials; citeproc-py took the name for a
        # particle and printed it between stray marks (". أحمد ."). It is printed whole.
        return {"literal": f"{name.get('family', '')}, {given}" if name.get("family") else given}
    if style.initialises and "-" in given:
        given = re.sub(r"-(\w)", lambda m: "-" + m[1].upper(), given)
    if style.whole_names_mark:
        mark = style.whole_names_mark
        given = " ".join(part + mark if len(part) == 1 and part.isupper() else part for part in given.split())
    return {**name, "given": given} if given != name.get("given", "") else name


def with_whole_last_page(entry_html: str, reference: Reference) -> str:
    """The last page printed whole where citeproc-py cut it to a part of itself.

    A range whose last page has more digits than its first ("1–20", "5–52", "98–102") shares
    no digits to leave out, in every page-range format; citeproc-py compares the numbers from
    their first digits and prints "1–0" (minimal-two) or "5–2" (minimal).
    """
    found = re.fullmatch(r"\s*(\d+)\s*[-–]+\s*(\d+)\s*", reference.pages)
    if not found or len(found[1]) >= len(found[2]) or not fixes_apply():
        return entry_html
    first, last = found[1], found[2]
    cut = "|".join(re.escape(last[n:]) for n in range(1, len(last)))
    return re.sub(rf"(?<!\d){first}(\s*[-–]\s*)(?:{cut})(?!\d)", lambda m: f"{first}{m[1]}{last}", entry_html, count=1)


def without_substitute_repeat(entry_html: str, reference: Reference) -> str:
    """Drop the second title (or journal) of an entry that stood in for its missing author.

    CSL substitutes the title or container for a missing author and suppresses it where it
    would appear again; citeproc-py does not, which prints "Title. (2026). Title. Journal…".
    """
    if named(reference.authors) or named(reference.editors) or not fixes_apply():
        return entry_html
    for value in (reference.title, reference.container):
        if not value:
            continue
        escaped = re.escape(csl_safe(value))
        pattern = rf"(?:<i>)?[“\"‘]?{escaped}[”\"’]?(?:</i>)?[.,;:]?\s*"
        matches = list(re.finditer(pattern, entry_html, flags=re.IGNORECASE))
        if len(matches) >= 2:
            second = matches[1]
            entry_html = entry_html[: second.start()] + entry_html[second.end():]
    return entry_html


def without_repeated_editors(style: Style, items: list[dict], entries: list[tuple[str, str]]
                             ) -> list[tuple[str, str]]:
    """Entries whose editors stood in for a missing author, with the editors printed once.

    CSL suppresses a substituted name variable in the rest of the entry; citeproc-py does not,
    which prints "Smith, J. (Ed.). (2020). Title (J. Smith, Ed.)." Such an entry is formatted
    again by the style with `editor` called only in the author's substitute; that is kept when
    it still prints the editors (they were the substitute, not a title).
    """
    candidates = [item for item in items if "editor" in item and "author" not in item]
    if not candidates or not style.path or not fixes_apply():
        return entries
    with open(style.path, "rb") as file:
        variant = _without_editor(file.read(), style.write_out_macros)
    if variant is None:
        return entries
    again = dict(bibliography(variant, candidates))
    fixed = []
    for item_id, entry in entries:
        variant = again.get(item_id)
        if variant is not None and _prints_editors(variant, next(i for i in candidates if i["id"] == item_id)):
            entry = variant
        fixed.append((item_id, entry))
    return fixed


def _prints_editors(entry_html: str, item: dict[str, Any]) -> bool:
    first = item["editor"][0]
    return (first.get("family") or first.get("literal", "")).lower() in entry_html.lower()


def bibliography(style: CitationStylesStyle, items: list[dict]) -> list[tuple[str, str]]:
    """Each CSL-JSON item's bibliography entry as HTML, with its id, in the style's order."""
    entries = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
    for item in items:
        entries.register(Citation([CitationItem(item["id"])]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about unsupported CSL features
        formatted = entries.bibliography()
    return [(item.key, str(entry)) for item, entry in zip(entries.items, formatted, strict=True)]
