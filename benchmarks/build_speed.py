#!/usr/bin/env python3
"""Build time of this project vs bare MkDocs Material on the same pre-rendered page, and the
article page's transfer size. Prints figures; asserts nothing.

    python benchmarks/build_speed.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scholarpage.sources.bibtex import encode_latex  # noqa: E402


def synthetic_bib(count: int) -> str:
    """`count` references in the seed's printed style, each with a DOI, as the importer writes them."""
    entries = []
    for n in range(count):
        text = (f"Author{n} Given, “A Study of Securitization Number {n}” Journal of Tests, No. {n % 12 + 1} "
                f"({1990 + n % 35}): {n}-{n + 20}. Doi:10.1000/test.{n}.")
        entries.append(
            f"@article{{key{n},\n  author = {{{{Author{n}}}, Given}},\n  title = {{A Study of Securitization Number {n}}},\n"
            f"  journaltitle = {{Journal of Tests}},\n  number = {{{n % 12 + 1}}},\n  pages = {{{n}--{n + 20}}},\n"
            f"  year = {{{1990 + n % 35}}},\n  doi = {{10.1000/test.{n}}},\n  formatted = {{{encode_latex(text)}}},\n}}\n"
        )
    return "\n".join(entries)


def project(folder: Path, bib: str) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")
    (folder / "docs" / "about.md").unlink()
    shutil.copy(ROOT / "article.yml", folder / "article.yml")
    (folder / "references.bib").write_text(bib, encoding="utf-8")
    return folder


def bare_project(folder: Path, source: Path) -> Path:
    """The same page pre-rendered to Markdown, with its assets, and the plugin switched off."""
    shutil.copytree(source, folder)
    subprocess.run([sys.executable, str(ROOT / "scripts/render.py"), "--out", str(folder / "docs")], cwd=folder, check=True,
                   capture_output=True)
    assets = folder / "docs" / "assets" / "scholarpage"
    assets.mkdir(parents=True)
    for asset in (ROOT / "scholarpage" / "assets").iterdir():
        shutil.copy(asset, assets / asset.name)
    config = (folder / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"\n  - scholarpage:\n(?:      .*\n)+", "\n", config)
    config += "extra_css: [assets/scholarpage/scholarpage.css]\nextra_javascript: [assets/scholarpage/scholarpage.js]\n"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def bare_project_with_the_plugins_fixes(folder: Path, bare: Path) -> Path:
    """The bare project given what the plugin also gives MkDocs and Material: kept compiled
    templates, a theme listing that skips hidden folders, and the linear search indexer. What is
    left of the ratio is the plugin's own work."""
    shutil.copytree(bare, folder)
    (folder / "plugin_fixes.py").write_text(
        "from mkdocs.plugins import event_priority\n\n"
        "from scholarpage.material_search import install\n"
        "from scholarpage.theme_templates import fix_theme_environments\n\n\n"
        "@event_priority(100)\n"
        "def on_config(config):\n"
        "    fix_theme_environments(config.theme)\n"
        "    install()\n"
        "    return config\n", encoding="utf-8")
    with (folder / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks: [plugin_fixes.py]\n")
    return folder


@dataclass(frozen=True)
class Build:
    """A project to build; a cold build starts from an empty ~/.cache/scholarpage, as the first
    build after references.bib or the theme changed does."""

    folder: Path
    cold: bool = False


def _build_command(folder: Path, cache_home: str | None = None) -> tuple[list[str], dict[str, str]]:
    # Bytecode caching on, as on an editor's machine (this workplace turns it off by default).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache_home:
        env["XDG_CACHE_HOME"] = cache_home
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")], env


def build_seconds(build: Build) -> float:
    with tempfile.TemporaryDirectory() as empty_cache:
        command, env = _build_command(build.folder, empty_cache if build.cold else None)
        start = time.perf_counter()
        subprocess.run(command, cwd=build.folder, check=True, env=env, capture_output=True)
        return time.perf_counter() - start


def timings(builds: list[Build], runs: int) -> list[list[float]]:
    """Seconds of `runs` builds of each, taken in turns.

    On a shared machine the speed drifts by a third from one minute to the next; builds taken
    in turn see the same machine, so the median ratio of neighbouring builds is the steady figure.
    """
    for build in builds:  # warm the file cache and compiled-code caches
        build_seconds(build)
    times: list[list[float]] = [[] for _ in builds]
    for _ in range(runs):
        for index, build in enumerate(builds):
            times[index].append(build_seconds(build))
    return times


def median_ratio(ours: list[float], other: list[float]) -> float:
    ratios = sorted(o / b for o, b in zip(ours, other, strict=True))
    return ratios[len(ratios) // 2]


def instructions(build: Build) -> int | None:
    """CPU instructions of one build, counted by valgrind: the same on every run and machine load."""
    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as empty_cache:
        command, env = _build_command(build.folder, empty_cache if build.cold else None)
        result = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                                 *command], cwd=build.folder, env=env, capture_output=True, text=True, check=True)
    # A large .bib is parsed half in a forked child, which inherits the count at the fork; the
    # main process's count is the work on the critical path, comparable with a bare build.
    main_pid = re.search(r"==(\d+)==", result.stderr)
    counts = dict(re.findall(r"==(\d+)== I\s+refs:\s+([\d,]+)", result.stderr))
    count = counts.get(main_pid[1]) if main_pid else None
    return int(count.replace(",", "")) if count else None


def transfer(site: Path) -> tuple[int, int, int, int]:
    """Bytes the article page loads when opened (checked in Chromium): its HTML, the CSS and JS
    it links, Material's search worker and index (fetched at once, after the page is shown),
    and the favicon. Returns raw, gzipped, the theme's share and the share before search."""
    html = (site / "index.html").read_text("utf-8")
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js|png|svg|ico))(?:\?[^"]*)?"', html)
    worker = re.findall(r'"search":\s*"([^"]+\.js)"', html)
    search = [site / "search" / "search_index.json"] + [site / w for w in worker]
    files = [site / "index.html", *search] + [site / a for a in assets]
    files = [f for f in dict.fromkeys(files) if f.is_file()]
    raw = sum(f.stat().st_size for f in files)
    zipped = {f: len(gzip.compress(f.read_bytes(), 9)) for f in files}
    theme = sum(size for f, size in zipped.items() if f.parent.parent.name == "assets" and f.parent.name != "scholarpage"
                or f.parent.parent.parent.name == "assets")
    before_search = sum(size for f, size in zipped.items() if f not in search)
    return raw, sum(zipped.values()), theme, before_search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--instructions", action="store_true",
                        help="also count CPU instructions with valgrind (sizes up to 1,000; slow)")
    args = parser.parse_args()
    cases = [("seed (62)", (ROOT / "references.bib").read_text("utf-8"))]
    cases += [(f"synthetic {n:,}", synthetic_bib(n)) for n in args.sizes]
    print("Build time: 9 builds of each in turns (3 for 10,000); bare = the same page pre-rendered, plugin off.")
    print("ratio = median of neighbouring builds' ratios. The plugin keeps work between builds in")
    print("      ~/.cache/scholarpage (parsed references, formatted citations, Material's compiled templates,")
    print("      its parsed stylesheets); 'cold' starts each build from an empty one, as a fresh machine does.")
    print("      It also lists the theme's files without entering hidden folders and makes Material's search")
    print("      indexer linear in the number of references. 'own' compares with bare MkDocs given the same")
    print("      three fixes: the plugin's own work.")
    print("      instr. = valgrind's instruction counts of the main process (with --instructions; a second")
    print("      process does the downloads, the JSON-LD, half of a large .bib and what no build kept).")
    print("Page: everything the article page loads (HTML, CSS, JS, search worker and index, favicon), raw and gzipped;")
    print("      'before search' leaves out the search worker and index, which Material fetches once the page is shown.")
    print(f"{'references':>16} {'scholarpage s':>14} {'cold s':>7} {'bare MkDocs s':>14} {'ratio':>6} {'cold':>5}"
          f" {'own':>5} {'instr.':>7} {'instr. cold':>12} {'instr. own':>11} {'page KB':>8} {'gzip KB':>8} {'of which theme':>15}"
          f" {'before search':>14}")
    with tempfile.TemporaryDirectory() as tmp:
        for index, (label, bib) in enumerate(cases):
            ours = project(Path(tmp) / f"ours{index}", bib)
            bare = bare_project(Path(tmp) / f"bare{index}", ours)
            fixed = bare_project_with_the_plugins_fixes(Path(tmp) / f"fixed{index}", bare)
            runs = 9 if len(bib) < 2_000_000 else 3
            ours_t, cold_t, bare_t, fixed_t = timings([Build(ours), Build(ours, cold=True), Build(bare), Build(fixed)], runs)
            counted = counted_cold = counted_own = "-"
            if args.instructions and len(bib) < 2_000_000:
                ours_i, cold_i, bare_i, fixed_i = (instructions(build) for build in (
                    Build(ours), Build(ours, cold=True), Build(bare), Build(fixed)))
                if ours_i and cold_i and bare_i and fixed_i:
                    counted, counted_cold, counted_own = (f"{ours_i / bare_i:.2f}", f"{cold_i / bare_i:.2f}",
                                                          f"{ours_i / fixed_i:.2f}")
                else:
                    counted = "no valgrind"
            raw, zipped, theme, before_search = transfer(ours / "site")
            print(f"{label:>16} {min(ours_t):>14.2f} {min(cold_t):>7.2f} {min(bare_t):>14.2f}"
                  f" {median_ratio(ours_t, bare_t):>6.2f} {median_ratio(cold_t, bare_t):>5.2f}"
                  f" {median_ratio(ours_t, fixed_t):>5.2f} {counted:>7} {counted_cold:>12} {counted_own:>11} {raw / 1024:>8.0f}"
                  f" {zipped / 1024:>8.0f} {theme / 1024:>15.0f} {before_search / 1024:>14.0f}")


if __name__ == "__main__":
    main()
