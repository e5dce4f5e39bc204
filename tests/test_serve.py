"""`mkdocs serve` rebuilds the article page when article.yml or references.bib changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import FIXTURES, copy_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, seconds: float = 60) -> str:
    """Poll until the page holds `text` (a generous bound: this checks behaviour, not speed)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            page = _page(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} never showed {text!r}")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "p", FIXTURES / "small/article.yml", FIXTURES / "small/references.bib")
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    yield project, f"http://127.0.0.1:{port}/"
    server.terminate()
    server.wait(timeout=10)


def test_serve_regenerates_the_page_when_either_source_changes(served):
    project, url = served
    _wait_for(url, "Journal of &lt;Tests&gt;")
    article = project / "article.yml"
    article.write_text(article.read_text("utf-8").replace("Journal of <Tests>", "Journal of Edits"), "utf-8")
    _wait_for(url, "Journal of Edits")
    bib = project / "references.bib"
    bib.write_text(bib.read_text("utf-8").replace("Keys with colons and dots", "Keys after an edit"), "utf-8")
    _wait_for(url, "Keys after an edit")
