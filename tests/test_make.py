"""Issue 14, item 10: `make site` installs only what the site needs, at the pinned versions, and
`make serve` takes a port. Checked with `make -n` (what make would run) on a venv that does not
exist yet, as on a first use."""

from __future__ import annotations

import subprocess

import pytest

from conftest import ROOT


def _dry_run(tmp_path, *arguments: str) -> str:
    result = subprocess.run(["make", "-n", "-C", str(ROOT), f"VENV={tmp_path / 'venv'}", *arguments],
                            capture_output=True, text=True, check=True)
    return result.stdout


def test_make_site_installs_the_package_without_the_test_tools(tmp_path):
    commands = _dry_run(tmp_path, "site")
    installs = [line for line in commands.splitlines() if " install " in line]
    assert installs and all("[test]" not in line for line in installs), installs
    assert "scripts/build_site.py" in commands  # mkdocs build --strict into a new folder, swapped in on success


def test_make_uses_the_pinned_versions(tmp_path):
    result = subprocess.run(["make", "-s", "-C", str(ROOT), "--eval", "print-env: ; @echo $$PIP_CONSTRAINT", "print-env"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == str(ROOT / "constraints.txt")


def test_make_test_adds_the_test_tools(tmp_path):
    assert "'.[test]'" in _dry_run(tmp_path, "test")


@pytest.mark.parametrize(("arguments", "address"), [((), "127.0.0.1:8000"), (("PORT=8001",), "127.0.0.1:8001")])
def test_make_serve_takes_a_port(tmp_path, arguments, address):
    assert f"mkdocs serve --strict -a {address}" in _dry_run(tmp_path, "serve", *arguments)


def test_every_pinned_version_installs_on_every_python_the_package_supports():
    """`make site` on Debian 12's python3 (3.11.2) failed: pymdown-extensions 13.1.2 and
    soupsieve 4.1.3 need Python 3.11.5 or later, while pyproject.toml promises 3.11. Each pin's
    own Requires-Python (read from the installed package) must admit the oldest Python the
    package says it supports."""
    import importlib.metadata
    import tomllib

    from packaging.specifiers import SpecifierSet

    floor = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["requires-python"]
    oldest = floor.removeprefix(">=").strip() + ".0" * (2 - floor.count("."))
    pins = [line.split("==") for line in (ROOT / "constraints.txt").read_text("utf-8").splitlines()
            if "==" in line and not line.startswith("#")]
    too_new = []
    for name, version in pins:
        try:
            metadata = importlib.metadata.metadata(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # a pin of a package this environment does not install
        assert metadata["Version"] == version, f"{name}: {metadata['Version']} installed, {version} pinned"
        requires = metadata.get("Requires-Python")
        if requires and not SpecifierSet(requires).contains(oldest):
            too_new.append(f"{name}=={version} needs Python {requires}")
    assert too_new == []
