"""Material's templates are compiled once and kept between builds, as Python keeps .pyc files:
a build (and each rebuild of `mkdocs serve`) skips a third of a small site's work, and still
uses a theme template the moment it is edited."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site, copy_project


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


def test_environments_that_compile_differently_keep_their_templates_apart(tmp_path, monkeypatch):
    import jinja2

    from scholarpage.html import theme_template_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    loader = jinja2.DictLoader({"page.html": "{% if x %}\n  {{ x }}\n{% endif %}\n"})
    plain, trimmed = jinja2.Environment(loader=loader), jinja2.Environment(loader=loader, trim_blocks=True)
    for environment in (plain, trimmed):
        environment.bytecode_cache = theme_template_cache(environment)
        environment.get_template("page.html")
    for environment, expected in ((plain, "\n  <&>\n"), (trimmed, "  <&>\n")):
        fresh = jinja2.Environment(loader=loader, trim_blocks=environment.trim_blocks)
        fresh.bytecode_cache = theme_template_cache(fresh)
        assert fresh.get_template("page.html").render(x="<&>") == expected
    assert len(list((tmp_path / "scholarpage/theme-templates").glob("*.cache"))) == 2
    # Autoescaping decided by a function differs by template name: such an environment compiles
    # every time.
    assert theme_template_cache(jinja2.Environment(autoescape=jinja2.select_autoescape())) is None
