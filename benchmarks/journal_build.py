#!/usr/bin/env python3
"""Collection mode at scale: synthetic journals of N articles with 60 references each (half of
them without a `formatted` field, so citeproc-py formats them), built cold and warm, against
bare MkDocs Material building the same pages pre-rendered. Prints figures; asserts nothing.

    python benchmarks/journal_build.py [--sizes 10 100 1000] [--pairs 2] [--serve] [--instructions-up-to 10]
                                       [--no-search]

Reported per size: wall time (median of paired runs), CPU time of the build and its worker
processes (a steadier figure than the clock on a busy machine), peak memory (largest resident
set of the build or any worker), the built site's size, and with --serve the time from saving
one article's references.bib in `mkdocs serve` to its page being served changed; with
--instructions-up-to, valgrind's instruction counts of the build and its workers.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import socket
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scholarpage.render import journal_pages as pages  # noqa: E402
from scholarpage.sources.collection import load_collection  # noqa: E402

REFERENCES = 60


def journal(folder: Path, articles: int, *, search: bool = True, floor: bool = False) -> Path:
    """A journal folder: the example's mkdocs.yml and journal.yml, `articles` generated articles
    (without `search`: the plugin's Pagefind index off; with `floor`: every entry with `formatted`
    and no "Cite this article", so the plugin formats nothing)."""
    example = ROOT / "examples" / "journal"
    folder.mkdir(parents=True)
    config = (example / "mkdocs.yml").read_text("utf-8")
    if not search:
        config = config.replace("      style: apa\n", "      style: apa\n      search: false\n")
    if floor:
        config = config.replace("      style: apa\n", "      style: apa\n      cite_styles: {}\n")
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    shutil.copytree(example / "docs", folder / "docs")
    shutil.copy(example / "journal.yml", folder / "journal.yml")
    for number in range(articles):
        volume, issue = 1 + number // 40, 1 + (number // 10) % 4
        article = folder / "articles" / f"article-{number:04d}"
        article.mkdir(parents=True)
        (article / "article.yml").write_text(
            f"title: A Synthetic Article Number {number}\nauthors:\n  - family: Author{number}\n    given: Ann\n"
            f"volume: {volume}\nissue: {issue}\nyear: {2000 + volume}\npages: {number}-{number + 9}\n"
            f"dates:\n  published: {2000 + volume}-0{issue}-15\nlanguage: en\n"
            f"abstract: The abstract of synthetic article {number}.\n", "utf-8")
        entries = (_entry(number, n, printed=floor or n % 2 == 1) for n in range(REFERENCES))
        (article / "references.bib").write_text("\n".join(entries), "utf-8")
    return folder


def _entry(article: int, number: int, printed: bool) -> str:
    formatted = (f"  formatted = {{Writer{number}, A., and B. Other{number}. {1950 + number}. Printed reference "
                 f"{number} of article {article}. Journal of Tests {number}: 1--9.}},\n") if printed else ""
    return (f"@article{{Key{article}x{number},\n  author = {{Writer{number}, Alex and Other{number}, Bea}},\n"
            f"  title = {{Reference {number} of Article {article}}},\n  journaltitle = {{Journal of Tests}},\n"
            f"  volume = {{{number}}},\n  pages = {{1--9}},\n  year = {{{1950 + number}}},\n"
            f"  doi = {{10.1000/t.{article}.{number}}},\n{formatted}}}\n")


def bare(folder: Path, source: Path, *, search: bool = True, floor: bool = False) -> Path:
    """The same site's pages pre-rendered to Markdown, the plugin removed: what Material alone does
    (with `search`, `plugins:` left empty, so MkDocs adds its search plugin; without, none)."""
    from scholarpage.adapter.collection_site import plan_site
    from scholarpage.render.site_assets import NAMES, asset

    folder.mkdir(parents=True)
    shutil.copytree(source / "docs", folder / "docs")
    plan = plan_site(load_collection(source), "", "apa", str(source / "articles"), **({"cite_styles": {}} if floor else {}))
    for page, markdown in plan.markdown.items():
        (folder / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / page).write_text(markdown, "utf-8")
    assets = folder / "docs" / "assets" / "scholarpage"
    assets.mkdir(parents=True)
    for name in NAMES:
        (assets / name).write_bytes(asset(name))
    config = (source / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"\n  - scholarpage:\n(?:      .*\n)+", "\n", config)
    if not search:
        config = config.replace("\nplugins:\n", "\nplugins: []\n")
    config += f"extra_css: [assets/scholarpage/{NAMES[0]}]\nextra_javascript: [assets/scholarpage/{NAMES[1]}]\n"
    config = config.replace("omitted_files: warn", "omitted_files: info")  # the articles are not in the nav
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    return folder


def build(folder: Path, cache_home: Path, *, cold: bool) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the build and its children, peak resident KB)."""
    if cold:
        shutil.rmtree(folder / ".cache", ignore_errors=True)
        shutil.rmtree(cache_home, ignore_errors=True)
    cache_home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(cache_home)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml"),
               "-d", str(folder / "site")]
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def size_of(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def serve_latency(folder: Path, cache_home: Path, rounds: int = 3) -> list[float]:
    """Seconds from saving one article's references.bib (an entry CSL formats) to `mkdocs serve`
    serving that article's page with the change, for `rounds` edits."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(cache_home)}
    env.pop("SITE_URL", None)
    url = f"http://127.0.0.1:{port}/articles/article-0000/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(folder / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_page(url, "reference 0 of article 0", timeout=3600)
        bib = folder / "articles" / "article-0000" / "references.bib"
        old, times = "Reference 0 of Article 0", []
        for n in range(rounds):
            new = f"Reference 0 edited{n}"
            start = time.perf_counter()
            bib.write_text(bib.read_text("utf-8").replace(old, new, 1), "utf-8")
            _wait_for_page(url, new.lower(), timeout=3600)
            times.append(time.perf_counter() - start)
            old = new
        return times
    finally:
        server.terminate()
        server.wait(timeout=60)


def _wait_for_page(url: str, text: str, timeout: float) -> None:
    """Poll `url` until its HTML (lower-cased: a style may change the case) holds `text`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if text in response.read().decode("utf-8").lower():
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not show {text!r} within {timeout} s")


def instructions(folder: Path, cache_home: Path, *, cold: bool) -> int:
    """CPU instructions of one build and its worker processes (valgrind cachegrind, no cache
    simulation): a count the machine's load does not change."""
    if cold:
        shutil.rmtree(folder / ".cache", ignore_errors=True)
        shutil.rmtree(cache_home, ignore_errors=True)
    cache_home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(cache_home), "PYTHONHASHSEED": "0"}
    result = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                             "--trace-children=yes", sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                             str(folder / "mkdocs.yml"), "-d", str(folder / "site")],
                            env=env, capture_output=True, text=True, check=True)
    counts = re.findall(r"==\d+== I\s+refs:\s+([\d,]+)", result.stderr)
    return sum(int(count.replace(",", "")) for count in counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--no-search", action="store_true",
                        help="no search index on either side (bare: no plugins; ours: search: false)")
    parser.add_argument("--floor", action="store_true",
                        help="every entry with `formatted` and no 'Cite this article': the plugin formats nothing, "
                             "the least a cold build can cost with any CSL processor")
    parser.add_argument("--instructions-up-to", type=int, default=0,
                        help="count instructions with valgrind for journals up to this many articles")
    args = parser.parse_args()
    print(f"{'articles':>8} {'build':>6} {'wall s':>8} {'CPU s':>8} {'bare wall':>10} {'bare CPU':>9} "
          f"{'× bare wall':>11} {'× bare CPU':>10} {'peak MB':>8} {'site MB':>8}", flush=True)
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            ours = journal(Path(tmp) / "ours", size, search=not args.no_search, floor=args.floor)
            theirs = bare(Path(tmp) / "bare", ours, search=not args.no_search, floor=args.floor)
            home = Path(tmp) / "home"
            for kind in ("cold", "warm"):
                runs, bare_runs = [], []
                for _ in range(args.pairs):
                    if kind == "warm":
                        build(ours, home, cold=False)  # make sure the cache is there
                    runs.append(build(ours, home, cold=kind == "cold"))
                    bare_runs.append(build(theirs, Path(tmp) / "bare-home", cold=True))
                wall = statistics.median(r[0] for r in runs)
                cpu = statistics.median(r[1] for r in runs)
                bare_wall = statistics.median(r[0] for r in bare_runs)
                bare_cpu = statistics.median(r[1] for r in bare_runs)
                wall_ratio = statistics.median(r[0] / b[0] for r, b in zip(runs, bare_runs, strict=True))
                cpu_ratio = statistics.median(r[1] / b[1] for r, b in zip(runs, bare_runs, strict=True))
                peak = max(r[2] for r in runs) / 1024
                print(f"{size:>8} {kind:>6} {wall:>8.1f} {cpu:>8.1f} {bare_wall:>10.1f} {bare_cpu:>9.1f} "
                      f"{wall_ratio:>11.2f} {cpu_ratio:>10.2f} {peak:>8.0f} {size_of(ours / 'site') / 2**20:>8.1f}",
                      flush=True)
            if size <= args.instructions_up_to:
                valgrind_home = Path(tmp) / "valgrind-home"
                cold = instructions(ours, valgrind_home, cold=True)
                warm = instructions(ours, valgrind_home, cold=False)
                plain = instructions(theirs, Path(tmp) / "bare-home", cold=True)
                print(f"{size:>8} instructions (valgrind, build and workers): cold {cold / 1e9:.2f} G "
                      f"({cold / plain:.2f}× bare), warm {warm / 1e9:.2f} G ({warm / plain:.2f}× bare), "
                      f"bare {plain / 1e9:.2f} G", flush=True)
            if args.serve:
                times = serve_latency(ours, home)
                print(f"{size:>8} serve: saving one article's references.bib → its page served changed in "
                      + ", ".join(f"{t:.1f}" for t in times) + " s", flush=True)
    print(f"\n{REFERENCES} references an article, half without `formatted`; pages: {pages.HOME}, one per issue "
          "and article, archive, authors. CPU s counts the build and its worker processes; peak MB is the largest "
          "resident set of any one of them; ratios are medians of paired ours/bare ratios.")


if __name__ == "__main__":
    main()
