"""Where scholarpage keeps work between builds, as Python keeps .pyc files."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import jinja2

T = TypeVar("T")


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


def code_digest(*files: str | Path, versions: Iterable[str] = ()) -> bytes:
    """A digest of the code that computes a cached value: its modules' text and the versions
    of the libraries it calls. A change to any of them makes every earlier entry unused."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(Path(file).read_bytes())
    for version in versions:
        digest.update(version.encode() + b"\0")
    return digest.digest()


def _entry(folder: Path, key: bytes) -> Path:
    return folder / hashlib.sha256(key).hexdigest()


def kept(kind: str, key: bytes) -> bool:
    """Whether an earlier build kept a value under `key` (to decide whether to start the work
    early, on a second core)."""
    folder = cache_folder(kind)
    return folder is not None and _entry(folder, key).is_file()


def remembered(kind: str, key: bytes, compute: Callable[[], T], *, keep: int = 32,
               dumps: Callable[[Any], bytes] = marshal.dumps, loads: Callable[[bytes], Any] = marshal.loads) -> T:
    """compute(), or the value an earlier build kept under the digest of `key`.

    `key` must name everything the value depends on (see code_digest). If compute() raises,
    nothing is kept. An entry that cannot be read is computed again; one that cannot be
    written is simply not kept. Entries are written whole (a temporary file, then a rename),
    so a build running at the same time never reads half of one. The folder holds the `keep`
    entries last used: every saved edit of a source makes a new one.
    """
    folder = cache_folder(kind)
    if folder is None:
        return compute()
    path = _entry(folder, key)
    try:
        value = loads(path.read_bytes())
    except Exception:  # noqa: BLE001 — none yet, or damaged (truncated, another version): computed again
        pass
    else:
        _touch(path)
        return value
    value = compute()
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".", delete=False) as file:
            file.write(dumps(value))
        os.replace(file.name, path)
    except (OSError, ValueError, TypeError):
        return value
    _forget_all_but(folder, keep)
    return value


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def _forget_all_but(folder: Path, keep: int) -> None:
    """Remove all but the `keep` entries used last (a build that is writing one is not disturbed:
    its temporary file starts with a dot)."""
    try:
        entries = [entry for entry in os.scandir(folder) if entry.is_file() and not entry.name.startswith(".")]
        entries.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
        for entry in entries[keep:]:
            os.unlink(entry.path)
    except OSError:
        pass


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds, as Python keeps .pyc files.

    Compiling a template costs far more than loading it (the article template: 20 ms against
    3 ms). Jinja compares the template's checksum, so an edited template is compiled again; a
    cache that cannot be written is simply not used.
    """

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass
