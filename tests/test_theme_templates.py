"""The theme's environments: Material's templates are compiled once and kept between builds, as
Python keeps .pyc files, so a build (and each rebuild of `mkdocs serve`) skips a third of a small
site's work and still uses a theme template the moment it is edited; and the theme's static files
are found without walking Material's 14,000 hidden icons, exactly as MkDocs finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import ROOT, build_site, copy_project
from scholarpage.theme_templates import fix_theme_environments, theme_template_cache


@pytest.fixture
def cache_here(tmp_path, monkeypatch) -> Path:
    """Compiled templates kept under tmp_path, as on an editor's machine (bytecode caching on)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    return tmp_path


def _cached_build(project: Path, site: Path, cache: Path):
    return build_site(project, site, env={"XDG_CACHE_HOME": str(cache), "PYTHONDONTWRITEBYTECODE": None})


def test_an_edited_theme_template_shows_at_the_next_build(tmp_path):
    project = copy_project(tmp_path / "project")
    cache = tmp_path / "cache"
    result = _cached_build(project, tmp_path / "first", cache)
    assert result.returncode == 0, result.stderr
    assert list((cache / "scholarpage" / "theme-templates").glob("*.cache")), "no compiled template was kept"

    override = project / "docs/overrides/main.html"
    override.write_text(override.read_text("utf-8").replace(
        "{{ super() }}", "{{ super() }}\n  <meta name=\"edited-override\" content=\"yes\">", 1), "utf-8")
    result = _cached_build(project, tmp_path / "second", cache)
    assert result.returncode == 0, result.stderr
    assert '<meta name="edited-override" content="yes">' in (tmp_path / "second/index.html").read_text("utf-8")


def test_environments_that_compile_differently_keep_their_templates_apart(cache_here):
    loader = jinja2.DictLoader({"page.html": "{% if x %}\n  {{ x }}\n{% endif %}\n"})
    plain, trimmed = jinja2.Environment(loader=loader), jinja2.Environment(loader=loader, trim_blocks=True)
    for environment in (plain, trimmed):
        environment.bytecode_cache = theme_template_cache(environment)
        environment.get_template("page.html")
    for environment, expected in ((plain, "\n  <&>\n"), (trimmed, "  <&>\n")):
        fresh = jinja2.Environment(loader=loader, trim_blocks=environment.trim_blocks)
        fresh.bytecode_cache = theme_template_cache(fresh)
        assert fresh.get_template("page.html").render(x="<&>") == expected
    assert len(list((cache_here / "scholarpage/theme-templates").glob("*.cache"))) == 2
    # Autoescaping decided by a function differs by template name: such an environment compiles
    # every time.
    assert theme_template_cache(jinja2.Environment(autoescape=jinja2.select_autoescape())) is None


def test_an_environment_changed_after_the_cache_is_attached_compiles_its_own_way(cache_here):
    # MkDocs hands the theme's environment to plugins (on_env) after it is made, with the cache.
    loader = jinja2.DictLoader({"page.html": "{% if x %}\n  {{ x }}\n{% endif %}\n"})
    first = jinja2.Environment(loader=loader)
    first.bytecode_cache = theme_template_cache(first)
    assert first.get_template("page.html").render(x="y") == "\n  y\n"
    later = jinja2.Environment(loader=loader)
    later.bytecode_cache = theme_template_cache(later)
    later.trim_blocks = True
    assert later.get_template("page.html").render(x="y") == "  y\n"


def test_a_filter_a_plugin_adds_later_gets_code_compiled_with_it(cache_here):
    # Jinja compiles a call to a filter it cannot find yet (inside `is filter`) without the
    # context the filter asks for; a build whose plugins add that filter must not reuse it.
    loader = jinja2.DictLoader({"page.html": '{% if "shout" is filter %}{{ x | shout }}{% endif %}.'})
    before = jinja2.Environment(loader=loader)
    before.bytecode_cache = theme_template_cache(before)
    assert before.get_template("page.html").render(x="a") == "."

    @jinja2.pass_context
    def shout(context, value):
        return f"{value.upper()} on {context.name}"

    later = jinja2.Environment(loader=loader)
    later.bytecode_cache = theme_template_cache(later)
    later.filters["shout"] = shout  # as a plugin's on_env would
    assert later.get_template("page.html").render(x="a") == "A on page.html."


def test_a_filter_that_cannot_be_hashed_still_gets_its_templates_kept(cache_here):
    class Unhashable:  # defines __eq__ only, so Python gives it no __hash__
        def __eq__(self, other):
            return self is other

        def __call__(self, value):
            return value * 2

    environment = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "{{ x | twice }}"}))
    environment.filters["twice"] = Unhashable()
    environment.bytecode_cache = theme_template_cache(environment)
    assert environment.get_template("page.html").render(x="ab") == "abab"
    assert list((cache_here / "scholarpage/theme-templates").glob("*.cache"))


class _Theme:
    """A stand-in for MkDocs' Theme: each call makes a fresh environment without a cache."""

    def __init__(self, loader: jinja2.BaseLoader):
        self.loader = loader

    def get_env(self) -> jinja2.Environment:
        return jinja2.Environment(loader=self.loader)


def test_every_environment_the_theme_makes_keeps_compiled_templates(cache_here, monkeypatch):
    theme = _Theme(jinja2.DictLoader({"page.html": "{{ x }}"}))
    fix_theme_environments(theme)
    fix_theme_environments(theme)  # a second call does not wrap twice
    first, second = theme.get_env(), theme.get_env()
    assert first is not second and first.bytecode_cache is not None and second.bytecode_cache is not None
    assert first.get_template("page.html").render(x="<") == "<"
    compiled = []
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *args, **kwargs: compiled.append(args))
    assert second.get_template("page.html").render(x="&") == "&"
    assert compiled == []


_COUNTING_BUILD = """
import sys
import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config

compiled = []
compile_template = jinja2.Environment.compile
def counting(self, source, name=None, *args, **kwargs):
    compiled.append(name)
    return compile_template(self, source, name, *args, **kwargs)
jinja2.Environment.compile = counting
build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2]))
print(len(compiled), sorted(set(map(str, compiled))))
"""


def test_a_second_build_compiles_no_template(tmp_path):
    """Material's templates, its search plugin's language partials and the article template
    are all compiled by the first build only."""
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compiled = []
    for site in ("first", "second"):
        result = subprocess.run([sys.executable, "-c", _COUNTING_BUILD, str(project / "mkdocs.yml"), str(tmp_path / site)],
                                capture_output=True, text=True, cwd=project, env=env)
        assert result.returncode == 0, result.stderr
        compiled.append(result.stdout.strip().splitlines()[-1])
    assert not compiled[0].startswith("0 "), compiled[0]
    assert "partials/language.html" in compiled[0] and "main.html" in compiled[0]
    assert compiled[1].startswith("0 "), compiled[1]


def _theme_files(config, environment: jinja2.Environment) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(environment, config)
    return [(file.src_uri, file.abs_src_path) for file in files]


def test_materials_static_files_are_found_exactly_as_mkdocs_finds_them():
    config = load_config(str(ROOT / "mkdocs.yml"))
    expected = _theme_files(config, config.theme.get_env())
    fix_theme_environments(config.theme)
    found = _theme_files(config, config.theme.get_env())
    assert found == expected
    assert any(uri.startswith("assets/stylesheets/main.") for uri, _ in found)
    assert not any("/." in "/" + uri for uri, _ in found)


_PART = st.sampled_from(["a", "b", ".b", ".icons", "x.css", ".x.css", "readme.md", "c.html", "d.svg", "e.js"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_PART, min_size=1, max_size=4), max_size=12), st.lists(st.lists(_PART, min_size=1, max_size=3), max_size=4))
def test_any_theme_tree_gives_the_files_mkdocs_would_copy(theme_paths, custom_paths):
    """Random theme and custom_dir trees with hidden folders and files at any depth: the same
    static files, from the same folder, as MkDocs' own listing."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "docs").mkdir()
        (root / "mkdocs.yml").write_text("site_name: t\ntheme:\n  name: mkdocs\n  custom_dir: custom\n", "utf-8")
        for base, paths in (("custom", custom_paths), ("theme", theme_paths)):
            (root / base).mkdir()
            for parts in paths:
                path = root.joinpath(base, *parts)
                if any(parent.is_file() for parent in path.parents) or path.is_dir():
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(base, "utf-8")
        config = load_config(str(root / "mkdocs.yml"))
        config.theme.dirs.insert(1, str(root / "theme"))
        expected = _theme_files(config, config.theme.get_env())
        fix_theme_environments(config.theme)
        assert _theme_files(config, config.theme.get_env()) == expected


def test_a_listing_that_keeps_hidden_names_walks_everything(tmp_path):
    (tmp_path / ".icons").mkdir()
    (tmp_path / ".icons/a.svg").write_text("<svg/>", "utf-8")
    (tmp_path / "b.css").write_text("b{}", "utf-8")
    theme = _Theme(jinja2.FileSystemLoader(str(tmp_path)))
    fix_theme_environments(theme)
    environment = theme.get_env()
    assert environment.list_templates(filter_func=lambda name: True) == [".icons/a.svg", "b.css"]
    assert environment.list_templates(extensions=["svg"]) == [".icons/a.svg"]
    assert environment.list_templates(filter_func=lambda name: not name.startswith(".")) == ["b.css"]
    # A filter that lets one hidden folder through (say, a later MkDocs copying .well-known).
    (tmp_path / ".well-known").mkdir()
    (tmp_path / ".well-known/security.txt").write_text("Contact: x", "utf-8")
    def admits_well_known(name: str) -> bool:
        return name.startswith(".well-known/") or not any(part.startswith(".") for part in name.split("/"))
    assert environment.list_templates(filter_func=admits_well_known) == [".well-known/security.txt", "b.css"]
