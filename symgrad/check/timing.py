"""Time limits for symbolic work: a long simplification ends as `inconclusive`, never a hang."""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

#: Seconds after which a limit that was caught and ignored fires again.
REARM = 0.05


class TimeLimitExceeded(Exception):
    """The symbolic work did not finish within its time limit."""


@contextmanager
def time_limit(seconds: float | None):
    """Raise TimeLimitExceeded inside the block after `seconds` of wall time.

    Uses SIGALRM, which interrupts pure-Python SymPy code.  Limits nest: an inner limit never
    outlives an outer one, and the outer one keeps counting while the inner runs.  Outside the
    main thread (where signals cannot be used) the block runs without a limit.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def interrupt(signum, frame):
        # Fire again soon, until this block ends: an inner handler that catches the exception as
        # its own (a limit that nests inside this one) cannot swallow this limit.
        signal.setitimer(signal.ITIMER_REAL, REARM)
        raise TimeLimitExceeded(f"over the time limit of {seconds:g} s")

    started = time.monotonic()
    outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_remaining and outer_remaining < seconds:
        yield  # the outer limit comes first and will interrupt this block
        return
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_remaining:
            left = outer_remaining - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3))
