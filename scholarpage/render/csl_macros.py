"""A style's macro calls written out in place before citeproc-py reads it: the same entries,
less work.

citeproc-py finds a macro with an XPath query over the whole style each time it is called, and
again each time a group asks whether a child calls a variable; in APA that is about 40 % of the
time an entry takes. Here a call in a layout, `<text macro="m" …/>`, becomes a `<group>` holding
a copy of the macro's children, where citeproc-py provably gives that group's output for it:

- the call has no attributes but formatting and affixes (`prefix`, `suffix`, `font-*`,
  `text-decoration`, `vertical-align`, `display`): a group applies those in the same order as a
  text element (format, then affixes). A call with `quotes`, `text-case`, `strip-periods`
  or a `variable` is left as it is;
- every child of the macro calls a variable (CSL 1.0.2's rule, as citeproc-py reads it: a
  `text` with a variable other than `year-suffix`, a `date`, `number`, `names` or `group`, a
  `label` of the locator, a `choose` with such a child, a call of such a macro). A group with
  output then always counts as having rendered a variable, so it is never suppressed where the
  macro's output would stand, and it counts as calling a variable in its parent group exactly
  as the call does. With any child that does not (a term, a fixed value), the call is kept;
- a group without `delimiter` joins its children with nothing, as a macro does, and hands
  nothing to a `choose` child, as a macro does.

Only calls in `citation/layout` and `bibliography/layout` (and in the copies put there) are
written out, nearest the layout first, while the copies add at most `GROWTH` times the style's
size; the macros themselves are kept, so sort keys, which citeproc-py renders with other
name options, read exactly what they did. tests/test_csl_macros.py formats varied items in many
of the repository's styles with and without this and compares the HTML byte for byte.
"""

from __future__ import annotations

import copy

from lxml import etree

_CSL = "{http://purl.org/net/xbiblio/csl}"
_FORMATTING = frozenset({"prefix", "suffix", "font-style", "font-variant", "font-weight", "text-decoration",
                         "vertical-align", "display"})
#: How many elements the copies may add, as a multiple of the style's own: every call written
#: out everywhere would multiply some styles a thousandfold (Chicago: 2,837 elements → 2.5
#: million), which costs more to parse than it saves. Calls are written out nearest the layout
#: first, where every entry passes.
GROWTH = 4


def inline_macros(root: etree._Element, growth: float = GROWTH) -> int:
    """Write out the macro calls in the style's layouts (in place), nearest the layout first, while
    the copies add at most `growth` times the style's elements; how many were written out."""
    macros: dict[str, etree._Element] = {}
    for macro in root.iterfind(f"{_CSL}macro"):
        macros.setdefault(macro.get("name", ""), macro)  # citeproc-py uses the first of a name
    sizes = {name: sum(1 for element in macro.iter() if isinstance(element.tag, str)) - 1
             for name, macro in macros.items()}
    budget = growth * sum(1 for element in root.iter() if isinstance(element.tag, str))
    level = [*root.iterfind(f"{_CSL}citation/{_CSL}layout"), *root.iterfind(f"{_CSL}bibliography/{_CSL}layout")]
    known: dict[str, bool | None] = {}  # whether each macro calls a variable
    written = 0
    while level:
        next_level = []
        for parent in level:
            for call in _calls_within(parent):
                name = call.get("macro", "")
                if not _can_write_out(call, macros, known) or sizes[name] > budget:
                    continue
                group = etree.Element(f"{_CSL}group", {key: value for key, value in call.attrib.items()
                                                       if key != "macro"})
                group.extend(copy.deepcopy(element) for element in _elements(macros[name]))
                group.tail = call.tail
                call.getparent().replace(call, group)
                budget -= sizes[name]
                written += 1
                next_level.append(group)
        level = next_level
    return written


def _calls_within(parent: etree._Element) -> list[etree._Element]:
    """The macro calls below `parent`, in document order."""
    return [element for element in parent.iterdescendants(f"{_CSL}text") if "macro" in element.attrib]


def _can_write_out(element: etree._Element, macros: dict[str, etree._Element], known: dict[str, bool | None]
                   ) -> bool:
    if element.tag != f"{_CSL}text" or "macro" not in element.attrib:
        return False
    if any(name != "macro" and name not in _FORMATTING for name in element.attrib):
        return False
    macro = macros.get(element.get("macro", ""))
    children = _elements(macro) if macro is not None else []
    return bool(children) and all(_calls_variable(child, macros, (), known) is True for child in children)


def _calls_variable(element: etree._Element, macros: dict[str, etree._Element], calling: tuple[str, ...],
                    known: dict[str, bool | None]) -> bool | None:
    """citeproc-py's `calls_variable` of the element, read from the XML; None where it is not
    known (an element it would not render, a missing or recursive macro). `known` keeps each
    macro's answer (a macro in or calling into a cycle is None from wherever it is reached)."""
    tag = element.tag[len(_CSL):] if element.tag.startswith(_CSL) else ""
    if tag == "text":
        if "variable" in element.attrib:
            return element.get("variable") != "year-suffix"
        if "macro" in element.attrib:
            name = element.get("macro", "")
            macro = macros.get(name)
            if macro is None or name in calling:
                return None
            if name not in known:
                known[name] = _any(_calls_variable(child, macros, (*calling, name), known)
                                   for child in _elements(macro))
            return known[name]
        return False
    if tag in ("date", "number", "names", "group"):
        return True
    if tag == "label":
        return element.get("variable") == "locator"
    if tag in ("choose", "if", "else-if", "else"):
        return _any(_calls_variable(child, macros, calling, known) for child in _elements(element))
    return None


def _any(values) -> bool | None:
    values = list(values)
    return None if None in values else any(values)


def _elements(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]
