"""Shared fixtures: built sites, a local HTTP server, and Debian's Chromium via Playwright."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def build_site(project: Path, out: Path, *extra: str, env: dict[str, str | None] | None = None
               ) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for the project folder `project` into `out`; `env` changes
    the environment (None removes a variable)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out), *extra]
    changes = env or {}
    env = {name: value for name, value in {**os.environ, "NO_MKDOCS_2_WARNING": "1", **changes}.items()
           if value is not None}
    return subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)


def tree_digest(folder: Path) -> str:
    """One digest of every file under `folder`, names included: a site left exactly as it was."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def house_style(mark: str) -> str:
    """A minimal CSL style whose bibliography prints `mark`, a space and the title."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>House</title><id>house</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" prefix="{mark} "/></layout></bibliography>
</style>
"""


def copy_project(destination: Path, article: Path | None = None, references: Path | None = None) -> Path:
    """A copy of the repository's site sources (mkdocs.yml, docs/, sources) to build elsewhere."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", destination / "docs", dirs_exist_ok=True)
    shutil.copy(article or ROOT / "article.yml", destination / "article.yml")
    shutil.copy(references or ROOT / "references.bib", destination / "references.bib")
    return destination


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article's site, built with --strict."""
    out = tmp_path_factory.mktemp("seed-site")
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator:
    """serve(folder, not_found=None) → base URL of a server on 127.0.0.1 for that folder.

    With `not_found`, unknown addresses answer 404 with that page, as GitHub Pages does.
    """
    servers = []

    def start(folder: Path, not_found: Path | None = None) -> str:
        handler = type("Handler", (_PagesHandler,), {"not_found_page": not_found}) if not_found else _QuietHandler
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; skips locally without it, fails in CI."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("SCHOLARPAGE_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing but browser tests are required (install Debian's chromium)")
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page_at(browser):
    """page_at(url, width=1280, scheme="light") → a fresh page with clipboard access, opened at url."""
    contexts = []

    def open_page(url: str, width: int = 1280, scheme: str = "light", height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        parts = urlsplit(url)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"{parts.scheme}://{parts.netloc}")
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield open_page
    for context in contexts:
        context.close()


# --- Publishing, accessibility and print checks (issue 5) -------------------------------------

import re  # noqa: E402  (this section is appended; the imports above belong to the shared part)

NODE_TOOLS = ROOT / ".cache" / "node-tools" / "node_modules"
AXE_JS = NODE_TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = NODE_TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SUBPATH_URL = "https://example.org/some-article/"


def require_tool(present: bool, message: str) -> None:
    """Skip locally when a checking tool is missing; fail where tools are required (CI)."""
    if present:
        return
    if os.environ.get("SCHOLARPAGE_REQUIRE_BROWSER"):
        pytest.fail(f"{message} (required in CI)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def axe_js() -> Path:
    """axe-core's browser bundle, installed by tests/tools/install.sh."""
    require_tool(AXE_JS.exists(), f"{AXE_JS} is missing: run tests/tools/install.sh (needs npm)")
    return AXE_JS


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    """The Nu Html Checker, installed by tests/tools/install.sh; needs Java."""
    require_tool(VNU_JAR.exists(), f"{VNU_JAR} is missing: run tests/tools/install.sh (needs npm)")
    require_tool(shutil.which("java") is not None, "java is missing: apt-get install default-jre-headless")
    return VNU_JAR


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document root holding some-article/: the seed site built for SUBPATH_URL."""
    root = tmp_path_factory.mktemp("subpath-root")
    project = copy_project(tmp_path_factory.mktemp("subpath-project"))
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url:.*$", "", config.read_text(encoding="utf-8"))
    config.write_text(text + f"\nsite_url: {SUBPATH_URL}\n", encoding="utf-8")
    result = build_site(project, root / "some-article")
    assert result.returncode == 0, result.stderr
    return root


class _PagesHandler(_QuietHandler):
    """Like GitHub Pages: an unknown address answers 404 with the site's own 404.html."""

    not_found_page: Path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or not self.not_found_page.exists():
            return super().send_error(code, message, explain)
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
