"""Material's search indexer, made linear in the number of references.

Material's search plugin (9.x) cuts each page into sections at headings with an id. When an
element that holds a heading closes, as each reference's `<li>` does around its `<h3>`, it looks
for the section to go back to by walking back over every section found so far, the thousands
already closed included: quadratic in the number of references. At 10,000 references that walk
is 5.6 s of an 8.5 s build of bare MkDocs; at 1,000 it is 0.06 s.

`install()` gives the plugin a subclass that walks back over the sections still open instead,
which finds the same section. Before it replaces Material's parser it checks, on a small page
with nested headings, that both cut it into the same sections; if Material's parser has changed
so that they do not, Material's own stays. The fix is reported upstream-ready in README.
"""

from __future__ import annotations

import math

# Headings nested in lists, asides and sections, with text before, between and after them: the
# cases in which the walk back happens, to compare both parsers on.
_PROBE = """<p>Preface</p>
<h1 id="title">Title</h1><p>Intro <em>text</em></p>
<section><h2 id="refs">References</h2>
<ol><li><h3 id="ref-1">First <code>one</code></h3><p>tools</p></li>
<li><h3 id="ref-2">Second</h3></li><li>no heading</li></ol>
<p>after the list</p><aside><div><h4 id="deep">Deep</h4><p>deep text</p></div></aside>
<p>after the aside</p></section><h2 id="end">End</h2><ul><li>last</li></ul>
"""


def install() -> bool:
    """Use the linear parser for Material's search index from now on; False if not used."""
    try:
        from material.plugins.search import plugin as search
    except ImportError:
        return False
    if getattr(search.Parser, "scholarpage_linear", False):
        return True
    linear = linear_parser(search.Parser)
    if sections(linear, _PROBE) != sections(search.Parser, _PROBE):
        return False
    search.Parser = linear
    return True


def linear_parser(parser: type) -> type:
    """A subclass of Material's `Parser` that finds the section to go back to among open ones."""

    class LinearParser(parser):
        scholarpage_linear = True

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._open_sections: list = []  # sections not yet left, in the order of self.data
            self._sections_seen = 0  # how many of self.data are in _open_sections

        def handle_endtag(self, tag):
            # The same condition as Material's; once the section is left here, its own walk
            # finds nothing to do.
            if self.context and self.context[-1] == tag and self.section is not None \
                    and self.section.depth > len(self.context):
                self._leave_section(len(self.context))
            super().handle_endtag(tag)

        def _leave_section(self, depth: int) -> None:
            opened = self._open_sections
            opened.extend(self.data[self._sections_seen:])
            self._sections_seen = len(self.data)
            for index in range(len(opened) - 1, -1, -1):
                if opened[index].depth <= depth:
                    left, self.section = self.section, opened[index]
                    left.depth = math.inf  # as Material marks a section never to return to
                    for at in range(len(opened) - 1, -1, -1):
                        if opened[at] is left:
                            del opened[at]
                            break
                    return

    LinearParser.__name__ = LinearParser.__qualname__ = "LinearParser"
    return LinearParser


def sections(parser: type, html: str) -> list[tuple]:
    """How a parser cuts `html` into sections: (tag, id, depth, title, text) of each."""
    instance = parser()
    instance.feed(html)
    instance.close()
    return [(s.el.tag, s.id, s.depth, "".join(s.title), "".join(s.text)) for s in instance.data]
