#!/usr/bin/env python3
"""`make site`: build into a new folder and put it in place of site/ only when the build succeeds.

MkDocs empties its site folder before it renders a page, so a build that fails later (an
unknown `[@key]` or a broken link under --strict) would leave site/ half-written. Extra
arguments go to `mkdocs build` (e.g. `-f other/mkdocs.yml`).
"""
import shutil
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    site, new, old = Path("site"), Path(".site-new"), Path(".site-old")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(new.resolve()), *argv]
    if subprocess.run(command).returncode != 0:
        shutil.rmtree(new, ignore_errors=True)
        print("site/ is unchanged", file=sys.stderr)
        return 1
    if site.exists():
        site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
