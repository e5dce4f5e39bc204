"""The `import` and `check` subcommands: argument parsing and exit codes only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scholarpage.sources.article_yml import load_article
from scholarpage.sources.bibtex import load_references
from scholarpage.sources.reading import read_source
from scholarpage.errors import Problem, SourceError
from scholarpage.importer.page_import import (MAX_REFERENCES, import_file, load_overrides, replacements,
                                              write_atomically)
from scholarpage.importer.journal_import import import_journal, in_journal, journal_title, journal_yml, pages_of
from scholarpage.importer.quality import reference_findings
from scholarpage.importer.tagger import tag_list
from scholarpage.importer.tagger.review import review_references
from scholarpage.metadata.gaps import article_gaps

OVERRIDES = "import-overrides.yml"


def add_import_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import",
        help="turn an OJS article page (HTML or copied text) or a reference list into article.yml + references.bib",
    )
    parser.add_argument("page", type=Path, nargs="+",
                        help="saved OJS article page (.html), its copied text, or a reference list; several pages "
                             "or a folder of them make a journal: one folder each under OUT/articles/")
    parser.add_argument("--out", type=Path, default=Path("."), help="folder to write into (default: current folder)")
    parser.add_argument("--overrides", type=Path, help=f"corrections to apply (default: OUT/{OVERRIDES} if present)")
    parser.add_argument("--strict", action="store_true",
                        help="treat data-quality findings as errors (exit 1, nothing written)")
    parser.add_argument("--max-references", type=int, default=MAX_REFERENCES,
                        help="refuse longer lists (default: %(default)s)")
    parser.add_argument("--processes", type=_processes, default=0,
                        help="parse a list of 20,000 references or more in this many processes (0: one per core, "
                             "the default; 1: none started)")
    parser.add_argument("--force", action="store_true",
                        help="replace files it did not write (or that were edited since), keeping each as FILE.bak")
    parser.set_defaults(func=run_import)
    return parser


def _processes(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected 0 (one per core) or more, got {text!r}")
    return int(text)


def add_check_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("check", help="data-quality report on references.bib (and article.yml)")
    parser.add_argument("references", type=Path, nargs="?", default=Path("references.bib"))
    parser.add_argument("--article", type=Path, default=None, help="also report gaps in this article.yml")
    parser.add_argument("--strict", action="store_true", help="exit 1 when there are findings")
    parser.set_defaults(func=run_check)
    return parser


def run_import(args: argparse.Namespace) -> int:
    if len(args.page) > 1 or args.page[0].is_dir():
        return _run_journal_import(args)
    args.page = args.page[0]
    try:
        overrides_path = args.overrides or args.out / OVERRIDES
        overrides = load_overrides(overrides_path) if args.overrides or overrides_path.exists() else {}
        result = import_file(args.page, overrides, max_references=args.max_references, processes=args.processes)
    except SourceError as error:
        print(error, file=sys.stderr)
        return 1
    files = {args.out / "references.bib": result.bibtex}
    if result.article_yaml is not None:
        files[args.out / "article.yml"] = result.article_yaml
    _report_review(result.review)
    code = _write(files, [str(f) for f in result.findings], args, [str(n) for n in result.notes])
    if code == 0 and result.article_yaml is None:
        print("a plain reference list holds no article metadata: article.yml not written")
    return code


def _write(files: dict[Path, str], findings: list[str], args: argparse.Namespace, notes: list[str] = ()) -> int:
    """Report the findings, then write every file or none (replacing only with --force), then the
    notes on what was written."""
    _report(findings)
    if args.strict and findings:
        print(f"{len(findings)} finding(s) with --strict: nothing written", file=sys.stderr)
        return 1
    try:
        backups = replacements(files, force=args.force)
        write_atomically(files, backups)
    except SourceError as error:
        print(error, file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    for path in files:
        print(f"wrote {path}" + (f" (the file it replaced is kept as {backups[path]})" if backups[path] else ""))
    for line in notes:
        print(f"note: {line}")
    return 0


def _run_journal_import(args: argparse.Namespace) -> int:
    """Several pages: one article folder each, journal.yml started when there is none."""
    try:
        articles = import_journal(pages_of(args.page), args.out, max_references=args.max_references,
                                  processes=args.processes)
        files = {}
        journal = args.out / "journal.yml"
        if articles and not journal.exists():
            files[journal] = journal_yml(articles)
        title = journal_title(files[journal] if journal in files else read_source(journal))
        for entry in articles:
            files[entry.folder / "references.bib"] = entry.result.bibtex
            files[entry.folder / "article.yml"] = in_journal(entry.result.article_yaml or "", title)
    except SourceError as error:
        print(error, file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    _report_review([Problem(str(entry.folder / p.path) if p.path == "references.bib" else p.path, p.line, p.field,
                            p.message) for entry in articles for p in entry.result.review])
    return _write(files, [str(f) for entry in articles for f in entry.result.findings], args,
                  [str(Problem(str(entry.page), n.line, n.field, n.message)) for entry in articles
                   for n in entry.result.notes])


def run_check(args: argparse.Namespace) -> int:
    try:
        references = load_references(args.references)
        article_path = args.article or (args.references.parent / "article.yml")
        gaps = article_gaps(load_article(article_path)) if args.article or article_path.is_file() else []
    except SourceError as error:
        print(error, file=sys.stderr)
        return 1
    findings = [str(f) for f in reference_findings(references, str(args.references))] + gaps
    _report(findings)
    _report_review(review_references(references, tag_list([r.text for r in references]), str(args.references)))
    if not findings:
        print(f"{args.references}: {len(references)} references, no findings")
    return 1 if args.strict and findings else 0


def _report(findings: list[str]) -> None:
    for line in findings:
        print(f"warning: {line}")


def _report_review(doubted: list) -> None:
    """The review list, worst first: readings to check against the printed text (and correct in
    import-overrides.yml); advice, not findings (--strict ignores it)."""
    if doubted:
        print(f"review: {len(doubted)} reference(s) whose reading the model doubts, worst first:")
    for problem in doubted:
        print(f"review: {problem}")


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point with just these two commands (scholarpage.cli.main has them too)."""
    parser = argparse.ArgumentParser(prog="scholarpage")
    commands = parser.add_subparsers(dest="command", required=True)
    add_import_parser(commands)
    add_check_parser(commands)
    args = parser.parse_args(argv)
    return args.func(args)
