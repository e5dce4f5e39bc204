"""The plugin's own stylesheet and script, minified as they are copied into the site.

The files in `assets/` stay readable, with their comments; readers download them on every
visit of the article page, where comments and indentation cost 1 KB gzipped of a 90 KB budget.
rcssmin and rjsmin only remove comments and whitespace (names and strings are left as written),
so what runs is what the source says.
"""

from __future__ import annotations

from importlib import resources

import rcssmin
import rjsmin

NAMES = ("scholarpage.css", "scholarpage.js")
_MINIFY = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def asset(name: str) -> bytes:
    """The asset as it is published."""
    text = resources.files(__package__).joinpath("assets", name).read_text("utf-8")
    minify = _MINIFY[name[name.rindex("."):]]
    return minify(text).encode("utf-8")
