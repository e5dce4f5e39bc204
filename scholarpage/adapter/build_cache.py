"""Work kept between builds (compiled theme templates, formatted citations), trusted only if
this user's key signed it.

Jinja's `FileSystemBytecodeCache` reads an entry with pickle and runs the code it holds, so an
entry planted in `.cache/` (a cloned repository can bring one) would run at the next build. Here
each entry is the marshalled code preceded by an HMAC over it, the template's source checksum,
the environment's filters and tests, and the Jinja and Python versions, keyed by a random key kept
outside the project (`$XDG_CACHE_HOME/scholarpage/template-cache.key`). An entry that is
missing, foreign, stale, truncated, not a regular file or too large is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import secrets
import stat
import sys
import tempfile
from pathlib import Path

import jinja2

_MAC_SIZE = 32
_LARGEST_ENTRY = 8 * 1024 * 1024


class SignedBytecodeCache(jinja2.BytecodeCache):
    """A Jinja bytecode cache (the documented extension point: load_bytecode, dump_bytecode)."""

    def __init__(self, folder: Path, key: bytes, environment: jinja2.Environment) -> None:
        self.folder, self.key, self.environment = folder, key, environment

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = _read_regular_file(self._path(bucket))
        if data is None or len(data) <= _MAC_SIZE:
            return
        mac, body = data[:_MAC_SIZE], data[_MAC_SIZE:]
        if hmac.compare_digest(mac, self._mac(bucket, body)):
            bucket.code = marshal.loads(body)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        body = marshal.dumps(bucket.code)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, prefix=".", delete=False) as file:
                file.write(self._mac(bucket, body) + body)
            os.replace(file.name, self._path(bucket))
        except OSError:
            pass  # a cache that cannot be written is simply not used

    def clear(self) -> None:
        for entry in self.folder.glob("*.cache"):
            entry.unlink(missing_ok=True)

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{bucket.key}.cache"

    def _mac(self, bucket: jinja2.bccache.Bucket, body: bytes) -> bytes:
        signed = hmac.new(self.key, digestmod=hashlib.sha256)
        for part in (bucket.key, bucket.checksum or "", _compiler_of(self.environment)):
            signed.update(part.encode("utf-8") + b"\0")
        signed.update(body)
        return signed.digest()


def _compiler_of(environment: jinja2.Environment) -> str:
    """What the compiled code depends on besides the source: Jinja's code for a filter or test
    differs by whether it exists and by what it is passed, and marshal's format by Python."""
    names = sorted(f"{kind}:{name}:{getattr(function, 'jinja_pass_arg', '')}"
                   for kind, table in (("filter", environment.filters), ("test", environment.tests))
                   for name, function in table.items())
    return repr((jinja2.__version__, sys.version, sorted(environment.extensions), names,
                 environment.autoescape if isinstance(environment.autoescape, bool) else "function"))


def _read_regular_file(path: Path) -> bytes | None:
    """The file's bytes, or None when it is absent, not a regular file (a FIFO would block
    the build) or larger than any compiled template."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > _LARGEST_ENTRY:
            return None
        return os.read(descriptor, _LARGEST_ENTRY + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)


def user_key() -> bytes | None:
    """This user's signing key, made on first use; None when it cannot be read or made."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scholarpage"
    path = home / "template-cache.key"
    key = _read_regular_file(path)
    if key is not None and len(key) == 32:
        return key
    try:
        home.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(key)
    except OSError:
        return None
    return key


class SignedStore:
    """Named values kept in `folder`, each behind an HMAC over its name and bytes (the same key
    and the same checks as the template cache): formatted citations, as JSON."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder, self.key = folder, key

    def get(self, name: str) -> bytes | None:
        data = _read_regular_file(self.folder / f"{name}.json")
        if data is None or len(data) <= _MAC_SIZE:
            return None
        mac, body = data[:_MAC_SIZE], data[_MAC_SIZE:]
        return body if hmac.compare_digest(mac, self._mac(name, body)) else None

    def put(self, name: str, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.folder, prefix=".", delete=False) as file:
                file.write(self._mac(name, data) + data)
            os.replace(file.name, self.folder / f"{name}.json")
        except OSError:
            pass

    def _mac(self, name: str, data: bytes) -> bytes:
        return hmac.new(self.key, name.encode() + b"\0" + data, hashlib.sha256).digest()
