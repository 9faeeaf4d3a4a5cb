"""Run `symgrad check` on a document in a forked child: memory capped, killed if it hangs.

A hang inside C code (a huge integer power, which no signal interrupts) is then caught as a hang
instead of stalling the suite, and a document that exhausts memory fails alone.
"""

import os
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from symgrad.cli import main

MEMORY_BYTES = 2 * 2**30


@dataclass
class Run:
    status: int | None  # None: killed after the wall-clock limit
    out: str
    err: str
    seconds: float


def check_isolated(arguments: list[str], workdir: Path, wall_seconds: float, cwd: Path | None = None,
                   environment: dict | None = None) -> Run:
    """`symgrad check ARGUMENTS` in a forked child working in `cwd` (default `workdir`, where its
    output is kept), with `environment` added to its environment."""
    out, err = workdir / "stdout", workdir / "stderr"
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        status = 98
        try:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
            os.environ.update(environment or {})
            os.chdir(cwd or workdir)
            with open(out, "w") as sys.stdout, open(err, "w") as sys.stderr:
                try:
                    status = main(["check", *arguments])
                except SystemExit as exit:  # argparse's usage errors
                    status = exit.code if isinstance(exit.code, int) else 2
                except BaseException:
                    import traceback

                    traceback.print_exc()
                    status = 99
        finally:
            os._exit(status if isinstance(status, int) else 97)
    status = _wait(pid, started + wall_seconds)
    seconds = time.monotonic() - started
    return Run(status, out.read_text(errors="replace"), err.read_text(errors="replace"), seconds)


def _wait(pid: int, deadline: float) -> int | None:
    while time.monotonic() < deadline:
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(code)
        time.sleep(0.01)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return None
