"""`scholarpage new [FOLDER]`: a minimal, valid article folder to start from.

It writes what is missing and nothing else: article.yml and references.bib (placeholders, or
the author's own files when they are already there), mkdocs.yml whose site_name is the
journal's title as article.yml gives it. The theme templates the article page needs come with
the plugin. An existing file is never overwritten.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from markupsafe import escape

from scholarpage.sources.article_yml import load_article

#: What a new folder holds: its path → the starter file it is copied from.
FILES = {
    "article.yml": "article.yml",
    "references.bib": "references.bib",
}


DOCS_KEEP = "docs/.gitkeep"


def new_site(folder: Path) -> list[tuple[str, bool]]:
    """Create the article folder; returns each file with whether it was written (False: kept).

    mkdocs.yml is written after the sources, from the journal title of article.yml, so that
    a folder holding one's own article.yml gets one's own journal as site_name.
    Raises SourceError when an existing article.yml is not valid.
    """
    folder.mkdir(parents=True, exist_ok=True)
    starter = resources.files(__package__).joinpath("starter")
    done = [(name, _write(folder / name, starter.joinpath(source).read_text("utf-8")))
            for name, source in FILES.items()]
    # docs/ holds the hand-written pages; MkDocs needs it, and git keeps no empty folder.
    done.append((DOCS_KEEP, _write(folder / DOCS_KEEP, "")))
    journal = load_article(folder / "article.yml").journal.title
    config = starter.joinpath("mkdocs.yml").read_text("utf-8").replace("{site_name}", _yaml_string(journal))
    done.append(("mkdocs.yml", _write(folder / "mkdocs.yml", config)))
    return done


def _write(path: Path, text: str) -> bool:
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def _yaml_string(value: str) -> str:
    """The site name as a double-quoted YAML scalar (JSON's string syntax is a subset of it),
    HTML-escaped: Material prints site_name as HTML in the header, the navigation and the title."""
    return json.dumps(str(escape(value)), ensure_ascii=False)
