"""Where scholarpage keeps work between builds, as Python keeps .pyc files."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_folder(kind: str) -> Path | None:
    """`~/.cache/scholarpage/<kind>` (under `XDG_CACHE_HOME` when set), created.

    None when the user asked for no compiled files (PYTHONDONTWRITEBYTECODE) or the folder
    cannot be made: a build then simply does the work again.
    """
    if sys.dont_write_bytecode:
        return None
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scholarpage" / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder
