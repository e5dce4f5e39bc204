#!/usr/bin/env python3
"""Build time of this project vs bare MkDocs Material on the same pre-rendered page, and the
article page's transfer size. Prints figures and whether issue 12's budgets are met; asserts nothing.

    python benchmarks/build_speed.py [--sizes 1000 10000] [--unformatted 62 1000]
                                     [--instructions-up-to 1000] [--runs 9] [--jobs 2]

Cases: the seed's references.bib (62 entries, each with a printed `formatted` text) and
synthetic ones of the given sizes; "no formatted" cases drop that field (the seed's 62 with the
field removed, synthetic entries written without it), so citeproc-py formats every entry in the
configured style (APA), as for most users' BibTeX. 10,000 entries without `formatted` take about
half an hour on a busy 2-core machine; ask for them with `--sizes --unformatted 10000 --large-runs 1`.

"bare" is MkDocs Material building the same page pre-rendered to Markdown by scripts/render.py,
with the plugin removed from mkdocs.yml and the plugin's CSS and JS added as extra_css and
extra_javascript; everything else (theme, overrides, other plugins, Markdown extensions) the same.
"""

from __future__ import annotations

import argparse
import gzip
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scholarpage.render.site_assets import NAMES as ASSET_NAMES  # noqa: E402
from scholarpage.render.site_assets import asset  # noqa: E402
from scholarpage.sources.tex import encode_latex  # noqa: E402

CACHE_DIR = Path(".cache/plugin/scholarpage")  # the plugin's default `cache_dir`, relative to mkdocs.yml
INSTRUCTION_BUDGET = 1.3  # cold build, × bare Material, at 62 and 1,000 references (issue 12)
PAGE_BUDGET_KB = 105  # the article page, gzipped (issue 12)
LARGE = 5_000  # cases at least this large are built fewer times


# ---- the projects ----------------------------------------------------------------------------

def synthetic_bib(count: int, formatted: bool = True) -> str:
    """`count` journal articles as the importer writes them, each with a DOI; with `formatted`,
    each also carries its printed text (then the plugin prints it and citeproc-py is not run)."""
    entries = []
    for n in range(count):
        text = (f"Author{n} Given, “A Study of Securitization Number {n}” Journal of Tests, No. {n % 12 + 1} "
                f"({1990 + n % 35}): {n}-{n + 20}. Doi:10.1000/test.{n}.")
        printed = f"  formatted = {{{encode_latex(text)}}},\n" if formatted else ""
        entries.append(
            f"@article{{key{n},\n  author = {{{{Author{n}}}, Given}},\n  title = {{A Study of Securitization Number {n}}},\n"
            f"  journaltitle = {{Journal of Tests}},\n  number = {{{n % 12 + 1}}},\n  pages = {{{n}--{n + 20}}},\n"
            f"  year = {{{1990 + n % 35}}},\n  doi = {{10.1000/test.{n}}},\n{printed}}}\n"
        )
    return "\n".join(entries)


def without_formatted(bib: str) -> str:
    """The .bib with every `formatted` field removed (the seed writes each on one line)."""
    stripped = re.sub(r"(?m)^\s*formatted\s*=\s*\{.*\},?\n", "", bib)
    if "formatted" in stripped:
        raise SystemExit("a `formatted` field spans lines; without_formatted() needs a BibTeX parser")
    return stripped


#: `--floor`: the plugin's options that leave out what the budget cannot hold (issue 12's closing note).
FLOOR_OPTIONS = "      cite_styles: {}\n      search: false\n"


def project(folder: Path, bib: str, floor: bool = False) -> Path:
    """This project with another references.bib (and without the hand-written About page); with
    `floor`, without "Cite this article" and without a search index."""
    folder.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    if floor:
        config = re.sub(r"(?m)^(  - scholarpage:\n)", lambda m: m[1] + FLOOR_OPTIONS, config, count=1)
        if FLOOR_OPTIONS not in config:
            raise SystemExit("could not add the floor options to mkdocs.yml")
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    shutil.copytree(ROOT / "docs", folder / "docs")
    (folder / "docs" / "about.md").unlink(missing_ok=True)
    shutil.copy(ROOT / "article.yml", folder / "article.yml")
    (folder / "references.bib").write_text(bib, encoding="utf-8")
    return folder


def plugin_options(config: str) -> dict[str, str]:
    """The scholarpage plugin's options as written in mkdocs.yml (flat `key: value` lines only)."""
    block = re.search(r"\n  - scholarpage:\n((?:      .*\n)+)", config)
    options = {}
    for line in block[1].splitlines() if block else ():
        key, _, value = line.split("#")[0].strip().partition(":")
        if value.strip():
            options[key.strip()] = value.strip().strip("\"'")
    return options


def bare_project(folder: Path, source: Path, floor: bool = False) -> Path:
    """The same page pre-rendered to Markdown, with the plugin's assets, and the plugin removed;
    with `floor`, without "Cite this article" on the page and without Material's search plugin."""
    shutil.copytree(source, folder)
    config = (folder / "mkdocs.yml").read_text("utf-8")
    options = plugin_options(config)
    command = [sys.executable, str(ROOT / "scripts/render.py"), "--out", str(folder / "docs"),
               "--article", options.get("article", "article.yml"), "--references", options.get("references", "references.bib")]
    if "style" in options:
        command += ["--style", options["style"]]
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    if floor:
        page = folder / "docs" / "index.md"
        page.write_text(re.sub(r"(?s)\n## Cite this article\n.*?(?=\n## )", "\n", page.read_text("utf-8")), "utf-8")
    assets = folder / "docs" / "assets" / "scholarpage"
    assets.mkdir(parents=True)
    for name in ASSET_NAMES:  # as the plugin publishes them (minified)
        (assets / name).write_bytes(asset(name))
    config = re.sub(r"\n  - scholarpage:\n(?:      .*\n)+", "\n", config)
    if "\n  - scholarpage" in config:
        raise SystemExit("could not remove the scholarpage plugin from mkdocs.yml")
    if floor:  # an empty `plugins:` would make MkDocs add its search plugin
        config = re.sub(r"(?m)^plugins:\n", "plugins: []\n", config, count=1)
    if re.search(r"(?m)^extra_(css|javascript):", config):
        raise SystemExit("mkdocs.yml already lists extra_css/extra_javascript; extend bare_project()")
    config += (f"extra_css: [assets/scholarpage/{ASSET_NAMES[0]}]\n"
               f"extra_javascript: [assets/scholarpage/{ASSET_NAMES[1]}]\n")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


# ---- building --------------------------------------------------------------------------------

def _build_env(cache_home: Path) -> dict[str, str]:
    # Python's own bytecode caching on, as on an editor's machine and a CI runner (pip compiles
    # packages on install); this workplace sets PYTHONDONTWRITEBYTECODE by default.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(cache_home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


_MKDOCS = f"{sys.executable} -m mkdocs build"  # how valgrind's log names the build's own process


def _build_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")]


def make_cold(folder: Path, cache_home: Path) -> None:
    """No `.cache/plugin/scholarpage` and an empty XDG_CACHE_HOME (no signing key): a CI deploy."""
    shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
    shutil.rmtree(cache_home, ignore_errors=True)
    cache_home.mkdir(parents=True)


def build_seconds(folder: Path, cache_home: Path) -> float:
    start = time.perf_counter()
    subprocess.run(_build_command(folder), cwd=folder, check=True, env=_build_env(cache_home), capture_output=True)
    return time.perf_counter() - start


@dataclass
class Times:
    ours_cold: list[float] = field(default_factory=list)
    bare_after_cold: list[float] = field(default_factory=list)
    ours_warm: list[float] = field(default_factory=list)
    bare_after_warm: list[float] = field(default_factory=list)
    cache_kept: bool = True


def timings(ours: Path, bare: Path, scratch: Path, runs: int, warm_up: bool = True) -> Times:
    """Builds taken in turns: ours cold, bare, ours warm (the second build, cache kept), bare.

    On a shared machine the speed drifts from one minute to the next; neighbouring builds see
    the same machine, so the median of the per-pair ratios is the steadier figure.
    """
    home = scratch / "xdg"
    if warm_up:  # the OS file cache and Python's __pycache__, not timed
        make_cold(ours, home)
        build_seconds(ours, home)
        build_seconds(bare, scratch / "xdg-bare")
    times = Times()
    for _ in range(runs):
        make_cold(ours, home)
        times.ours_cold.append(build_seconds(ours, home))
        times.cache_kept &= any((ours / CACHE_DIR).glob("*.cache"))
        make_cold(bare, scratch / "xdg-bare")  # nothing of the plugin's to clear; the same steps
        times.bare_after_cold.append(build_seconds(bare, scratch / "xdg-bare"))
        times.ours_warm.append(build_seconds(ours, home))
        times.bare_after_warm.append(build_seconds(bare, scratch / "xdg-bare"))
    return times


def median_ratio(ours: list[float], other: list[float]) -> float:
    return statistics.median(o / b for o, b in zip(ours, other, strict=True))


def instructions(folder: Path, cache_home: Path) -> tuple[int, int]:
    """CPU instructions of one build, counted by valgrind (cachegrind, no cache simulation):
    independent of the machine's load. Returns the `mkdocs build` process's count and the whole
    build's, with every process it started: Pagefind's indexer is a child process, and its work
    is part of the build."""
    env = {**_build_env(cache_home), "PYTHONHASHSEED": "0"}
    # One log file per process: a child's messages on its stderr would be read by the build
    # (it captures Pagefind's output) and lost.
    with tempfile.TemporaryDirectory(prefix="valgrind-") as logs:
        subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
                        f"--log-file={logs}/%p.log", "--cachegrind-out-file=/dev/null", *_build_command(folder)],
                       cwd=folder, env=env, capture_output=True, text=True, check=True)
        counts = {}
        for log_file in Path(logs).glob("*.log"):
            text = log_file.read_text("utf-8", "replace")
            found = re.search(r"I\s+refs:\s+([\d,]+)", text)
            if found:
                counts[int(log_file.stem)] = (int(found[1].replace(",", "")), "Command: " + _MKDOCS in text)
    main = [count for count, is_build in counts.values() if is_build]
    if len(main) != 1:
        raise RuntimeError(f"expected one `mkdocs build` process in valgrind's logs, got {counts}")
    return main[0], sum(count for count, _ in counts.values())


@dataclass
class Counts:
    ours_cold: int  # the whole build: mkdocs and the processes it started (Pagefind)
    ours_warm: int
    bare: int
    ours_cold_main: int = 0  # the `mkdocs build` process alone
    ours_warm_main: int = 0


def count_case(ours: Path, bare: Path, scratch: Path) -> Counts:
    home = scratch / "xdg-valgrind"
    make_cold(ours, home)
    cold_main, cold = instructions(ours, home)
    warm_main, warm = instructions(ours, home)  # the second build, with the cache the first one wrote
    return Counts(cold, warm, instructions(bare, scratch / "xdg-bare")[1], cold_main, warm_main)


# ---- where the time goes ---------------------------------------------------------------------

def _is_search(path: str) -> bool:
    return "/plugins/search/" in path or "/contrib/search/" in path


def _is_ours(path: str) -> bool:
    return f"{os.sep}scholarpage{os.sep}" in path and "site-packages" not in path


def _is_wrapper(path: str) -> bool:
    """Frames every call passes through (the interpreter, imports, click, MkDocs's command line)."""
    return path.startswith(("<", "~")) or "/click/" in path or path.endswith("mkdocs/__main__.py")


def entered_seconds(stats: pstats.Stats, inside) -> float:
    """Seconds spent in code whose file `inside` accepts, counted where it is entered from
    other code. Module bodies and compiled templates are not entry points (an import inside an
    import, a template rendered by our own code, would count twice); the first module body,
    the plugin's import by MkDocs, is counted whole, with the imports it makes. An approximation:
    our code entered again through other code it calls (Markdown calling our extension from
    inside our page generation) is counted twice."""
    total = 0.0
    for (path, _, name), (_, _, _, cumulative, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if not inside(path):
            continue
        if name == "<module>" or path.endswith(".j2"):
            total += cumulative if path.endswith(os.path.join("adapter", "plugin.py")) else 0.0
            continue
        total += sum(edge[3] for (caller_path, _, _), edge in callers.items() if not inside(caller_path))
    return total


def profile(folder: Path, scratch: Path, top: int = 15) -> str:
    """cProfile of one cold build: the top functions by cumulative time (wrappers left out), and
    the shares of the plugin's own code (its imports included) and of the search plugin's indexing.
    (Imports are not summed: an import inside an import would be counted twice.)"""
    home = scratch / "xdg-profile"
    make_cold(folder, home)
    out = scratch / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "-q",
               "-f", str(folder / "mkdocs.yml")]
    subprocess.run(command, cwd=folder, check=True, env=_build_env(home), capture_output=True)
    stats = pstats.Stats(str(out))
    total = stats.total_tt  # type: ignore[attr-defined]
    ours = entered_seconds(stats, _is_ours)
    # The search plugin's event handlers only: its parser's callbacks are entered again from
    # the standard library's html.parser, inside those handlers.
    search = sum(values[3] for (path, _, name), values in stats.stats.items()  # type: ignore[attr-defined]
                 if _is_search(path) and name.startswith("on_"))
    lines = [f"  total {total:.2f} s under cProfile; scholarpage's code {ours:.2f} s ({ours / total:.0%}),"
             f" search indexing {search:.2f} s ({search / total:.0%})"]
    rows = sorted((item for item in stats.stats.items() if not _is_wrapper(item[0][0])),  # type: ignore[attr-defined]
                  key=lambda item: item[1][3], reverse=True)
    lines.append(f"  {'cumulative s':>12} {'own s':>7} {'calls':>9}  function")
    for (path, line, name), (_, calls, own, cumulative, _) in rows[:top]:
        short = re.sub(r".*site-packages/", "", path).replace(str(ROOT) + "/", "")
        lines.append(f"  {cumulative:>12.2f} {own:>7.2f} {calls:>9}  {short}:{line}({name})")
    return "\n".join(lines)


# ---- the page --------------------------------------------------------------------------------

def transfer(site: Path) -> tuple[list[tuple[str, int, int]], bool]:
    """Every file the article page loads when opened (checked in Chromium): its HTML, the CSS
    and JS it links (Material's whole stylesheets), the favicon, and with the search plugin
    Material's search worker and index (fetched at once, after the page is shown).
    Returns (name, raw bytes, gzip -9 bytes) for each, and whether search files are counted."""
    html = (site / "index.html").read_text("utf-8")
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js|png|svg|ico|woff2?))(?:\?[^"]*)?"', html)
    files = [site / "index.html"] + [site / a for a in assets if "://" not in a]
    index = site / "search" / "search_index.json"
    searched = index.is_file()
    if searched:
        files += [index] + [site / w for w in re.findall(r'"search":\s*"([^"]+\.js)"', html)]
    files = [f for f in dict.fromkeys(f.resolve() for f in files) if f.is_file()]
    rows = [(str(f.relative_to(site.resolve())), f.stat().st_size, len(gzip.compress(f.read_bytes(), 9))) for f in files]
    return rows, searched


# ---- the report ------------------------------------------------------------------------------

@dataclass
class Case:
    label: str
    references: int
    bib: str
    floor: bool = False
    ours: Path = Path()
    bare: Path = Path()
    scratch: Path = Path()
    times: Times | None = None
    counts: Counts | None = None


def cases(args: argparse.Namespace) -> list[Case]:
    seed = (ROOT / "references.bib").read_text("utf-8")
    seed_count = len(re.findall(r"(?m)^@\w+\{", seed))
    found = [Case(f"seed ({seed_count})", seed_count, seed)]
    found += [Case(f"synthetic {n:,}", n, synthetic_bib(n)) for n in args.sizes]
    for n in args.unformatted:
        if n == seed_count:
            found.append(Case(f"seed ({n}), no formatted", n, without_formatted(seed)))
        else:
            found.append(Case(f"synthetic {n:,}, no formatted", n, synthetic_bib(n, formatted=False)))
    if args.floor:
        found += [Case(f"{case.label}, floor", case.references, case.bib, floor=True) for case in found
                  if "no formatted" not in case.label and case.references <= 1000]
    return found


def _ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f}"


def _g(count: int) -> str:
    return f"{count / 1e9:.2f}"


def report(all_cases: list[Case], budget_sizes: set[int]) -> list[str]:
    lines = [f"{'case':>28} {'build':>5} {'ours s':>7} {'bare s':>7} {'ratio':>6} {'ms/ref':>7}"
             f" {'ours Ginstr':>11} {'bare Ginstr':>11} {'ratio':>6} {'main only':>9}"
             f"  budget (cold instr. ≤ {INSTRUCTION_BUDGET}×)"]
    for case in all_cases:
        t, k = case.times, case.counts
        assert t is not None
        for kind, ours_t, bare_t in (("cold", t.ours_cold, t.bare_after_cold), ("warm", t.ours_warm, t.bare_after_warm)):
            extra_ms = (statistics.median(ours_t) - statistics.median(bare_t)) * 1000 / case.references
            counted, budget = f"{'-':>11} {'-':>11} {'-':>6} {'-':>9}", ""
            if k:
                ours_i = k.ours_cold if kind == "cold" else k.ours_warm
                main_i = k.ours_cold_main if kind == "cold" else k.ours_warm_main
                ratio = ours_i / k.bare
                counted = f"{_g(ours_i):>11} {_g(k.bare):>11} {ratio:>6.2f} {main_i / k.bare:>9.2f}"
                if kind == "cold" and case.floor:
                    budget = "(floor: not the product)"
                elif kind == "cold" and case.references in budget_sizes:
                    budget = "met" if ratio <= INSTRUCTION_BUDGET else "MISSED"
            lines.append(f"{case.label:>28} {kind:>5} {_ms(ours_t):>7} {_ms(bare_t):>7}"
                         f" {median_ratio(ours_t, bare_t):>6.2f} {extra_ms:>7.2f} {counted}  {budget}")
        if not t.cache_kept:
            lines.append(f"{'':>28} warning: the cold build left no {CACHE_DIR}/*.cache; 'warm' was not warm")
    return lines


def formatting_report(all_cases: list[Case]) -> list[str]:
    """What leaving out `formatted` costs: citeproc-py formatting each entry (cold builds)."""
    printed = {c.references: c for c in all_cases if "no formatted" not in c.label}
    lines = []
    for case in all_cases:
        other = printed.get(case.references)
        if "no formatted" not in case.label or other is None or not case.times or not other.times:
            continue
        extra = statistics.median(case.times.ours_cold) - statistics.median(other.times.ours_cold)
        line = (f"{case.label:>28}: +{extra:.2f} s by the clock over {other.label},"
                f" {extra * 1000 / case.references:.1f} ms per entry")
        if case.counts and other.counts:
            added = case.counts.ours_cold - other.counts.ours_cold
            line += f"; +{_g(added)} Ginstr, {added / case.references / 1e6:.1f} Minstr per entry"
        lines.append(line)
    return lines


def page_report(site: Path) -> list[str]:
    rows, searched = transfer(site)
    lines = [f"{'file':>60} {'raw KB':>8} {'gzip KB':>8}"]
    lines += [f"{name:>60} {raw / 1024:>8.1f} {zipped / 1024:>8.1f}" for name, raw, zipped in rows]
    total = sum(zipped for _, _, zipped in rows) / 1024
    lines.append(f"{'total':>60} {sum(raw for _, raw, _ in rows) / 1024:>8.1f} {total:>8.1f}"
                 f"   budget ≤ {PAGE_BUDGET_KB} KB: {'met' if total <= PAGE_BUDGET_KB else 'MISSED'}")
    if not searched:
        lines.append("(no search/search_index.json: mkdocs.yml lists no MkDocs search plugin; its files are not counted)")
    return lines


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure(all_cases: list[Case], args: argparse.Namespace, tmp: Path) -> None:
    for index, case in enumerate(all_cases):
        case.scratch = tmp / f"scratch{index}"
        case.scratch.mkdir()
        log(f"{case.label}: preparing")
        case.ours = project(tmp / f"ours{index}", case.bib, case.floor)
        case.bare = bare_project(tmp / f"bare{index}", case.ours, case.floor)
    for case in all_cases:  # clock times first, with nothing else of ours running
        runs = args.runs if case.references < LARGE else args.large_runs
        log(f"{case.label}: {runs} rounds of timed builds")
        # One untimed build of each warms the OS file cache and Python's __pycache__ (the same
        # packages for every case); a large case's own untimed builds would add minutes each.
        case.times = timings(case.ours, case.bare, case.scratch, runs, warm_up=case is all_cases[0] or case.references < LARGE)
    counted = [c for c in all_cases if c.references <= args.instructions_up_to]
    if counted and shutil.which("valgrind") is None:
        log("valgrind not found: no instruction counts")
        counted = []
    log(f"instruction counts of {len(counted)} cases, {args.jobs} at a time")
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for case, counts in zip(counted, pool.map(lambda c: count_case(c.ours, c.bare, c.scratch), counted),
                                strict=True):
            case.counts = counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000],
                        help="synthetic .bib sizes, entries with `formatted` (the seed is always built)")
    parser.add_argument("--unformatted", type=int, nargs="*", default=[62, 1000],
                        help="sizes without `formatted` (the seed's size: the seed with the field removed)")
    parser.add_argument("--instructions-up-to", type=int, default=1000,
                        help="count instructions with valgrind for cases up to this many references (0: none)")
    parser.add_argument("--runs", type=int, default=9, help="rounds of timed builds per case")
    parser.add_argument("--large-runs", type=int, default=3, help=f"rounds for cases of {LARGE:,} references or more")
    parser.add_argument("--jobs", type=int, default=2, help="valgrind runs at a time (counts do not depend on load)")
    parser.add_argument("--floor", action="store_true",
                        help="also build the seed and cases up to 1,000 references without 'Cite this article' "
                             "and without search on either side: the least this plugin's page can cost")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile one cold build of the largest case of each kind, even when budgets are met")
    args = parser.parse_args()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="build-speed-") as tmp:
        all_cases = cases(args)
        measure(all_cases, args, Path(tmp))
        budget_sizes = {c.references for c in all_cases if c.references <= 1000}
        print("Build time and instructions: this project (ours) vs bare MkDocs Material building the same page")
        print("pre-rendered to Markdown (plugin removed from mkdocs.yml, its CSS/JS as extra_css/extra_javascript).")
        print("  cold = no .cache/plugin/scholarpage and an empty XDG_CACHE_HOME (a CI deploy); warm = the next")
        print("         build with that cache kept. Bare Material keeps no cache of its own here, so its 'cold' and")
        print("         'warm' columns are the same build, taken next to ours; they differ only by the machine.")
        print("         Both start with the OS file cache and Python's __pycache__ warm (one untimed build of each,")
        print(f"         for every case under {LARGE:,} references and the first case).")
        print(f"  s = median of {args.runs} rounds ({args.large_runs} at {LARGE:,}+ references), builds taken in turns:")
        print("         ours cold, bare, ours warm, bare; ratio = median of each round's ours/bare.")
        print("  ms/ref = (ours s - bare s) / references: the plugin's clock cost per reference.")
        print("  Ginstr = 10^9 instructions of the whole build: the `mkdocs build` process and the processes it")
        print("         starts (Pagefind's indexer), valgrind cachegrind --trace-children=yes, PYTHONHASHSEED=0;")
        print("         'main only' = the ratio for the `mkdocs build` process alone. Bare Material starts none.")
        for line in report(all_cases, budget_sizes):
            print(line)
        formatting = formatting_report(all_cases)
        if formatting:
            print("\nEntries without `formatted` (citeproc-py formats each in the configured style), cold builds:")
            for line in formatting:
                print(line)
        print()
        print("Article page weight (the seed's page, as built by this project; Material's stylesheets whole):")
        for line in page_report(all_cases[0].ours / "site"):
            print(line)
        missed = [c for c in all_cases
                  if c.counts and not c.floor and c.counts.ours_cold / c.counts.bare > INSTRUCTION_BUDGET]
        largest = {}
        for case in (c for c in all_cases if not c.floor):
            largest["no formatted" in case.label] = case
        to_profile = list({id(c): c for c in missed + (list(largest.values()) if args.profile else [])}.values())
        for case in to_profile:
            log(f"{case.label}: profiling one cold build")
            print(f"\nProfile of one cold build of this project, {case.label} (cProfile, top 15 by cumulative time):")
            print(profile(case.ours, case.scratch))
            print(f"\nThe same for bare Material, {case.label}:")
            print(profile(case.bare, case.scratch))
    print(f"\n(measured in {(time.time() - started) / 60:.0f} min)")


if __name__ == "__main__":
    main()
