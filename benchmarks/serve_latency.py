#!/usr/bin/env python3
"""Seconds from saving article.yml or references.bib to `mkdocs serve` serving the new page.

    python benchmarks/serve_latency.py        (prints figures; asserts nothing)
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str) -> float:
    start = time.perf_counter()
    while text not in fetch(url):
        time.sleep(0.02)
    return time.perf_counter() - start


def main(rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("mkdocs.yml", "article.yml", "references.bib"):
            shutil.copy(ROOT / name, project / name)
        shutil.copytree(ROOT / "docs", project / "docs")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        url = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(url, "Peeling the Onion Skins")
            for source, old in (("article.yml", "Peeling the Onion Skins"), ("references.bib", "Alekseev")):
                times = []
                for n in range(rounds):
                    path = project / source
                    new = f"{path.stem.capitalize()}Edit{n}"
                    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
                    times.append(wait_for(url, new))
                    old = new
                print(f"{source:>15}: saved → new page served in {min(times):.2f}–{max(times):.2f} s over {rounds} edits")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
