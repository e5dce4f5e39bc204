"""Work on a second core gives exactly what running it here gives, errors included.

The test process has threads (browser drivers, local servers), where forking is refused, so the
forking cases run in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

from conftest import ROOT
from scholarpage.background import Background, can_fork

_IN_FRESH_PROCESS = """
import json, os, sys
from scholarpage.background import Background

def work(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return {"pid": os.getpid(), "squares": [i * i for i in range(n)]}

job = Background(work, int(sys.argv[1]))
try:
    result = job.result()
    print(json.dumps({"forked": job.forked, "in_child": result["pid"] != os.getpid(),
                      "squares": result["squares"], "again": job.result() == result}))
except ValueError as error:
    print(json.dumps({"forked": job.forked, "error": str(error)}))
"""


def _run(argument: int) -> dict:
    result = subprocess.run([sys.executable, "-c", _IN_FRESH_PROCESS, str(argument)], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    return json.loads(result.stdout)


@pytest.mark.skipif(sys.platform != "linux", reason="forks only on Linux")
def test_the_result_comes_from_the_other_process_and_is_the_same():
    outcome = _run(5)
    assert outcome == {"forked": True, "in_child": True, "squares": [0, 1, 4, 9, 16], "again": True}


@pytest.mark.skipif(sys.platform != "linux", reason="forks only on Linux")
def test_an_error_in_the_other_process_is_raised_here():
    assert _run(-1) == {"forked": True, "error": "negative: -1"}


def test_a_threaded_process_does_the_work_itself():
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert not can_fork()
        job = Background(sorted, [3, 1, 2])
        assert not job.forked and job.result() == [1, 2, 3]
    finally:
        stop.set()
        helper.join()


@pytest.mark.skipif(sys.platform != "linux", reason="forks only on Linux")
def test_a_result_never_asked_for_does_not_leave_a_process_behind():
    script = """
import gc, os
from scholarpage.background import Background
job = Background(lambda: "x" * 1_000_000)  # more than a pipe holds: the child blocks writing it
pid = job._child.pid
del job
gc.collect()
try:
    os.kill(pid, 0)
    print("still running")
except ProcessLookupError:
    print("gone")
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT,
                            timeout=60)
    assert result.stdout.strip() == "gone"
