"""Two costs MkDocs puts on every build of a Material site, removed from each Jinja
environment the theme makes.

- Templates compiled again: MkDocs gives the theme's environments no bytecode cache, so every
  build and every `mkdocs serve` rebuild compiles Material's templates (a third of a small
  site's build), and Material's search plugin compiles its language partials three more times
  in `on_config`, each in a fresh environment. Here they are kept, as Python keeps .pyc files.
- The theme's files listed one by one: to copy its static files MkDocs lists all 14,500 files
  of Material's folders, 14,350 of them icons under `.icons`, and then rejects every hidden
  path with its own filter (70-130 ms of a build). Here hidden folders are not entered.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable

import jinja2

from .cache import CompiledTemplates, cache_folder


class _ThemeTemplates(CompiledTemplates):
    """Jinja checks a template's source against the compiled copy; what it does not check, how
    the environment compiles (extensions, delimiters, whitespace options, Jinja's version), is
    read at each load and names the entry, so a plugin that changes the environment after the
    cache is attached (MkDocs' `on_env`) never gets code compiled the old way."""

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        key = f"{_compile_options(environment)}-{self.get_cache_key(name, filename)}"
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def _compile_options(environment: jinja2.Environment) -> str:
    # Filters and tests too: Jinja's code for one depends on whether it existed at compile time
    # and on what it is passed (context, environment: the mark of @pass_context and the like),
    # and a plugin may add some in `on_env`.
    options = (
        jinja2.__version__, tuple(sorted(environment.extensions)), tuple(environment.filters.items()),
        tuple(environment.tests.items()), environment.block_start_string,
        environment.block_end_string, environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string, environment.line_statement_prefix,
        environment.line_comment_prefix, environment.trim_blocks, environment.lstrip_blocks,
        environment.newline_sequence, environment.keep_trailing_newline, environment.optimized,
        environment.autoescape,
    )
    try:
        return _options_digest(options)
    except TypeError:  # a filter that cannot be hashed (a callable object with __eq__ only)
        return _options_digest.__wrapped__(options)


@functools.lru_cache(maxsize=16)
def _options_digest(options: tuple) -> str:
    """The options by value: filters and tests by name and what they are passed (a function's
    own repr names its address, which differs from one build to the next)."""
    filters, tests = options[2], options[3]
    callables = sorted((kind, name, str(getattr(function, "jinja_pass_arg", "")))
                       for kind, table in (("filter", filters), ("test", tests)) for name, function in table)
    stable = (*options[:2], callables, *options[4:])
    return hashlib.sha256(repr(stable).encode()).hexdigest()[:16]


def theme_template_cache(environment: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """A compiled-template cache for a theme's environment; None when nothing may be kept or
    a function decides autoescaping per template name (its code would differ by name)."""
    folder = cache_folder("theme-templates")
    if folder is None or not isinstance(environment.autoescape, bool):
        return None
    return _ThemeTemplates(str(folder), pattern="%s.cache")


def visible_templates(loader: jinja2.FileSystemLoader) -> list[str]:
    """`loader.list_templates()` without the names that have a hidden (dot) part: Jinja's own
    walk, except that it does not enter hidden folders."""
    found = set()
    for searchpath in loader.searchpath:
        for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=loader.followlinks):
            dirnames[:] = [name for name in dirnames if not name.startswith(".")]
            for filename in filenames:
                if filename.startswith("."):
                    continue
                template = os.path.join(dirpath, filename)[len(searchpath):].strip(os.path.sep).replace(os.path.sep, "/")
                if template[:2] == "./":
                    template = template[2:]
                found.add(template)
    return sorted(found)


# MkDocs' filter of theme files rejects '.*' and '*/.*': every name with a hidden part. The
# quick listing is used only for a filter that rejects these shapes of such names, including
# the one hidden folder a site might want copied (.well-known).
_HIDDEN_NAMES = (".icons/material/account.svg", "assets/.cache/main.css", ".nojekyll", ".well-known/security.txt")


def _quick_listing(environment: jinja2.Environment) -> None:
    loader = environment.loader
    if type(loader) is not jinja2.FileSystemLoader:
        return
    list_all = environment.list_templates

    def list_templates(extensions=None, filter_func=None):
        if extensions is None and filter_func is not None and not any(map(filter_func, _HIDDEN_NAMES)):
            return [name for name in visible_templates(loader) if filter_func(name)]
        return list_all(extensions, filter_func)

    environment.list_templates = list_templates  # type: ignore[method-assign]


def fix_theme_environments(theme: object) -> None:
    """Give every environment `theme.get_env()` makes from now on a compiled-template cache and
    a listing that skips hidden folders.

    Wraps the method on this theme object only (MkDocs makes a new one for each build).
    """
    make_environment: Callable[[], jinja2.Environment] = theme.get_env  # type: ignore[attr-defined]
    if getattr(make_environment, "fixed_by_scholarpage", False):
        return

    def get_env() -> jinja2.Environment:
        environment = make_environment()
        if environment.bytecode_cache is None:
            environment.bytecode_cache = theme_template_cache(environment)
        _quick_listing(environment)
        return environment

    get_env.fixed_by_scholarpage = True  # type: ignore[attr-defined]
    theme.get_env = get_env  # type: ignore[attr-defined]
