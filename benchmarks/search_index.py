#!/usr/bin/env python3
"""Pagefind's search (issue 15) beside Material's lunr search, on the seed and on synthetic
reference lists. Prints figures; asserts nothing.

    python benchmarks/search_index.py [--sizes 1000 10000] [--runs 3] [--large-runs 1]

For each size, three builds of the same project:
  pagefind   the plugin as shipped (search on, Material's search not listed);
  none       the plugin with `search: false` and no Material search: the build without search;
  lunr       the plugin with `search: false` and Material's `search` listed.
Index time: Pagefind's own figure from the build log (median of the runs), and its share of
the pagefind build (builds of lists over 2 MB of BibTeX, such as 10,000 references, run
--large-runs times); lunr's is the difference of the lunr and none builds' medians. On a busy
machine the clock counts time spent waiting for a processor, so the processor-time share is
given too: the index's processor time (the plugin's and Pagefind's, from the same log line)
over the pagefind build's (the build and every process it ran), median of the builds.
First query: the article page opened in Debian's Chromium, the search opened with "/", a
surname put in the box at once (one query); every response from pagefind/ counted, gzipped
at level 9 as a server would send it (Pagefind's index, fragment and WebAssembly files are
gzip files already and count as they are). For lunr, what Material fetches for a first search: search_index.json and its
search worker, gzipped. For the seed, each file of Pagefind's first query is listed, and the
smallest engine Pagefind 1.5.2 can send: pagefind.js and its language-neutral WebAssembly.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import ROOT, project, synthetic_bib  # noqa: E402

BUDGET_SEED, BUDGET_10K, SHARE = 60 * 1024, 150 * 1024, 0.20


def configure(folder: Path, kind: str) -> None:
    config = folder / "mkdocs.yml"
    text = config.read_text("utf-8")
    if kind in ("none", "lunr"):
        text = text.replace("      style: apa", "      style: apa\n      search: false")
    if kind == "lunr":
        text = text.replace("plugins:\n", "plugins:\n  - search\n", 1)
    config.write_text(text, "utf-8")


def _processor_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def build(folder: Path) -> tuple[float, tuple[float, float] | None, float]:
    """Seconds of one `mkdocs build`; the index's seconds and processor seconds from its log
    line; and the processor seconds of the build and of every process it ran (Pagefind's too)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    processor, start = _processor_seconds(), time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(folder / "mkdocs.yml")],
                            cwd=folder, env=env, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    logged = re.search(r"Pagefind indexed .* in ([\d.]+) s \(([\d.]+) s of processor time\)", result.stderr)
    index = (float(logged[1]), float(logged[2])) if logged else None
    return seconds, index, _processor_seconds() - processor


def size_on_disk(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def sent(body: bytes) -> int:
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 9))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def first_query(site: Path, surname: str) -> tuple[dict[str, int], int]:
    """Bytes (gzipped) of each pagefind/ response for the first query, by path under pagefind/;
    and the count of results shown."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    bodies: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            page.set_default_timeout(600_000)  # the 10,000-reference page is 15 MB of HTML
            page.on("response", lambda r: bodies.__setitem__(r.url, sent(r.body())) if "/pagefind/" in r.url else None)
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            page.wait_for_load_state("networkidle")
            assert not bodies, "nothing of search before it is opened"
            page.keyboard.press("/")
            # The surname put in at once: typed key by key on a busy machine, a pause longer than
            # the box's 120 ms wait searched for the first letters too, and loaded their chunks.
            page.locator("input.md-search__input").fill(surname)
            page.wait_for_selector(".sp-search .md-search-result[aria-busy='false']")
            page.wait_for_load_state("networkidle")
            shown = page.locator(".sp-search .md-search-result__list a").count()
            browser.close()
    finally:
        server.shutdown()
    return {url.split("/pagefind/", 1)[1].split("?", 1)[0]: size for url, size in bodies.items()}, shown


def engine(files: dict[str, int]) -> int:
    """Pagefind's engine among the first query's files: its scripts and its WebAssembly."""
    return sum(size for name, size in files.items() if name.endswith((".js", ".pagefind")))


def lunr_first_query(site: Path) -> int:
    html = (site / "index.html").read_text("utf-8")
    worker = re.search(r'"search":\s*"([^"]+\.js)"', html)
    files = [site / "search" / "search_index.json"] + ([site / worker[1]] if worker else [])
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files if f.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large-runs", type=int, default=1, help="runs at 10,000 references")
    args = parser.parse_args()
    cases = [("seed (62)", (ROOT / "references.bib").read_text("utf-8"), "Haaranen")]
    cases += [(f"synthetic {n:,}", synthetic_bib(n), f"Author{n // 2}") for n in args.sizes]
    print(__doc__.split("\n\n", 2)[2].strip(), "\n")
    header = (f"{'references':>16} | {'build s':>7} {'index s':>7} {'share':>6} {'CPU share':>9} "
              f"{'index on disk':>13} {'1st query KB':>12} {'engine':>6} {'data':>6} {'hits':>4} | "
              f"{'lunr build +s':>13} {'lunr index KB gz':>16} {'lunr 1st query KB':>17}")
    print(header)
    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (label, bib, surname) in enumerate(cases):
            folders = {}
            for kind in ("pagefind", "none", "lunr"):
                folders[kind] = project(Path(tmp) / f"{kind}{index}", bib)
                configure(folders[kind], kind)
            runs = args.runs if len(bib) < 2_000_000 else args.large_runs
            times: dict[str, list[float]] = {kind: [] for kind in folders}
            indexed: list[float] = []
            cpu_shares: list[float] = []
            for folder in folders.values():  # warm the file cache
                build(folder)
            for _ in range(runs):
                for kind, folder in folders.items():
                    seconds, index, cpu = build(folder)
                    times[kind].append(seconds)
                    if index is not None:
                        indexed.append(index[0])
                        cpu_shares.append(index[1] / cpu)
            site = folders["pagefind"] / "site"
            files, shown = first_query(site, surname)
            total, sent_engine = sum(files.values()), engine(files)
            cpu_share = statistics.median(cpu_shares)
            lunr_site = folders["lunr"] / "site"
            lunr_index = len(gzip.compress((lunr_site / "search" / "search_index.json").read_bytes(), 9))
            build_s, index_s = statistics.median(times["pagefind"]), statistics.median(indexed)
            lunr_s = statistics.median(times["lunr"]) - statistics.median(times["none"])
            budget = BUDGET_SEED if label.startswith("seed") else BUDGET_10K
            print(f"{label:>16} | {build_s:7.2f} {index_s:7.2f} {index_s / build_s:6.0%} {cpu_share:9.0%} "
                  f"{size_on_disk(site / 'pagefind') / 1024:10.0f} KB {total / 1024:12.1f} {sent_engine / 1024:6.1f} "
                  f"{(total - sent_engine) / 1024:6.1f} {shown:4d} | {lunr_s:13.2f} {lunr_index / 1024:16.1f} "
                  f"{lunr_first_query(lunr_site) / 1024:17.1f}"
                  f"{'' if total <= budget else '  (over the first-query budget)'}"
                  f"{'' if index_s <= SHARE * build_s else '  (over the index-time budget)'}")
            if index == 0:
                notes.append(f"First query on the {label}, file by file (KB gzipped):")
                notes += [f"  {size / 1024:6.1f}  pagefind/{name}" for name, size in sorted(files.items())]
                script = len(gzip.compress((site / "pagefind" / "pagefind.js").read_bytes(), 9))
                neutral = (site / "pagefind" / "wasm.unknown.pagefind").stat().st_size
                notes.append(f"Smallest engine Pagefind can send: pagefind.js {script / 1024:.1f} KB + its language-neutral "
                             f"WebAssembly {neutral / 1024:.1f} KB = {(script + neutral) / 1024:.1f} KB "
                             f"(budget {BUDGET_SEED // 1024} KB)")
            for folder in folders.values():
                shutil.rmtree(folder, ignore_errors=True)
    print("\n".join(["", *notes]))


if __name__ == "__main__":
    main()
