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
