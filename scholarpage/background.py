"""Work for a second core: a function run in a forked process while the build goes on.

The build is single-threaded Python and the machines that build sites have two cores or more.
Forking is used only where it is safe and cheap: on Linux, in a process with a single thread
(`mkdocs serve` has several, and forking a threaded process can deadlock). Everywhere else,
and whenever the child fails, the function simply runs here when its result is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return sys.platform == "linux" and (os.cpu_count() or 1) >= 2 and threading.active_count() == 1


class Background(Generic[T]):
    """`function(*args)`, started now in a forked process when possible; `result()` waits for it.

    `fork=False` runs it here, when asked, instead: for work an earlier build kept, which a
    fork would only slow down.
    """

    def __init__(self, function: Callable[..., T], *args: object, fork: bool = True) -> None:
        self._function, self._args = function, args
        self._child: multiprocessing.Process | None = None
        self._receiver: Connection | None = None
        self.forked = fork and can_fork()
        if self.forked:
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            # multiprocessing flushes stdout and stderr before forking: the child repeats no output.
            self._child = context.Process(target=_run_and_send, args=(sender, function, args), daemon=True)
            self._child.start()
            sender.close()

    def result(self) -> T:
        if self._child is None or self._receiver is None:
            return self._function(*self._args)
        try:
            succeeded, value = self._receiver.recv()
        except EOFError:  # the child died
            succeeded, value = False, None
        finally:
            self._receiver.close()
            self._child.join()
            self._child = self._receiver = None
        if not succeeded:
            return self._function(*self._args)  # here, so any error is raised where it can be reported
        self._function = lambda *_: value  # a second call returns the same value
        return value

    def __del__(self) -> None:
        # A build that failed before asking for the result: the child may be blocked writing
        # a result nobody will read.
        if self._child is not None:
            self._child.terminate()
            self._child.join(timeout=5)


def _run_and_send(sender: Connection, function: Callable[..., object], args: tuple) -> None:
    try:
        try:
            outcome = (True, function(*args))
        except Exception:  # noqa: BLE001 — the parent runs it again and reports the error itself
            outcome = (False, None)
        sender.send(outcome)
    finally:
        sender.close()
