"""Material's compiled templates, kept between builds as Python keeps .pyc files.

MkDocs gives the theme's Jinja environments no bytecode cache, so every build and every
`mkdocs serve` rebuild compiles Material's templates again (a third of a small site's build),
and Material's search plugin compiles its language partials three more times in `on_config`,
each in a fresh environment of its own. Every environment the theme makes here keeps them.
"""

from __future__ import annotations

import hashlib
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
    options = (
        jinja2.__version__, sorted(environment.extensions), environment.block_start_string,
        environment.block_end_string, environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string, environment.line_statement_prefix,
        environment.line_comment_prefix, environment.trim_blocks, environment.lstrip_blocks,
        environment.newline_sequence, environment.keep_trailing_newline, environment.optimized,
        environment.autoescape,
    )
    return hashlib.sha256(repr(options).encode()).hexdigest()[:16]


def theme_template_cache(environment: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """A compiled-template cache for a theme's environment; None when nothing may be kept or
    a function decides autoescaping per template name (its code would differ by name)."""
    folder = cache_folder("theme-templates")
    if folder is None or not isinstance(environment.autoescape, bool):
        return None
    return _ThemeTemplates(str(folder), pattern="%s.cache")


def keep_compiled_templates(theme: object) -> None:
    """Give every environment `theme.get_env()` makes from now on a compiled-template cache.

    Wraps the method on this theme object only (MkDocs makes a new one for each build).
    """
    make_environment: Callable[[], jinja2.Environment] = theme.get_env  # type: ignore[attr-defined]
    if getattr(make_environment, "keeps_compiled_templates", False):
        return

    def get_env() -> jinja2.Environment:
        environment = make_environment()
        if environment.bytecode_cache is None:
            environment.bytecode_cache = theme_template_cache(environment)
        return environment

    get_env.keeps_compiled_templates = True  # type: ignore[attr-defined]
    theme.get_env = get_env  # type: ignore[attr-defined]
