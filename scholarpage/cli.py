"""Command line: argument parsing and exit codes only (0 ok, 1 bad input, 2 usage)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scholarpage.sources.reading import load_sources
from scholarpage.render.bibliography import DEFAULT_STYLE, StyleError, check_style
from scholarpage.errors import SourceError
from scholarpage.render.article_page import ARTICLE_PAGE, article_page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scholarpage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="write the generated Markdown pages to a folder for inspection")
    render.add_argument("--article", type=Path, default=Path("article.yml"))
    render.add_argument("--references", type=Path, default=Path("references.bib"))
    render.add_argument("--style", default=DEFAULT_STYLE, help="CSL style id or .csl file (default: %(default)s)")
    render.add_argument("--site-url", default="", help="the site's URL, for absolute copy links")
    render.add_argument("--out", type=Path, default=Path("out"), help="folder to write into (default: %(default)s)")
    render.set_defaults(func=_render)
    new = commands.add_parser(
        "new", help="write a minimal article folder: article.yml, references.bib, mkdocs.yml (never overwrites)")
    new.add_argument("folder", nargs="?", type=Path, default=Path("."), help="folder to write into (default: .)")
    new.set_defaults(func=_new)
    _add_importer_commands(commands)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (SourceError, StyleError) as error:
        print(error, file=sys.stderr)
        return 1


def _render(args: argparse.Namespace) -> int:
    check_style(args.style)
    article, references = load_sources(args.article, args.references)
    page_url = args.site_url.rstrip("/") + "/" if args.site_url else ""
    markdown = article_page(article, references, page_url=page_url, style=args.style)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / ARTICLE_PAGE).write_text(markdown, encoding="utf-8")
    print(args.out / ARTICLE_PAGE)
    return 0


def _new(args: argparse.Namespace) -> int:
    from scholarpage.new_site import new_site

    for name, written in new_site(args.folder):
        print(f"{'wrote' if written else 'kept '} {args.folder / name}")
    print(f"next: edit {args.folder / 'article.yml'} and {args.folder / 'references.bib'}, then "
          f"mkdocs build --strict -f {args.folder / 'mkdocs.yml'}")
    return 0


def _add_importer_commands(commands: argparse._SubParsersAction) -> None:
    try:
        from scholarpage.importer.cli import add_check_parser, add_import_parser
    except ImportError:  # the importer is optional while it is being built
        return
    add_import_parser(commands)
    add_check_parser(commands)


if __name__ == "__main__":
    sys.exit(main())
