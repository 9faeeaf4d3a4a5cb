"""Time limits interrupt busy SymPy-style Python code and nest correctly."""

import time

import pytest

from symgrad.check.timing import TimeLimitExceeded, time_limit


def spin():
    while True:
        pass


def test_a_limit_interrupts_a_busy_loop():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            spin()
    assert time.monotonic() - started < 1.0


def test_an_outer_limit_wins_over_a_longer_inner_one():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            with time_limit(30):
                spin()
    assert time.monotonic() - started < 1.0


def test_the_outer_limit_keeps_counting_while_an_inner_one_runs():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.6):
            with pytest.raises(TimeLimitExceeded):
                with time_limit(0.2):
                    spin()
            spin()
    assert 0.5 < time.monotonic() - started < 1.5


def test_no_limit_leaves_the_block_alone():
    with time_limit(None):
        assert sum(range(10)) == 45


def test_an_outer_limit_caught_by_an_inner_handler_fires_again():
    """The inner block's own handler catches the outer limit's exception (it cannot tell them
    apart): the outer limit still ends the outer block, soon after."""
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            try:
                with time_limit(30):  # the outer limit comes first: this one sets no timer
                    spin()
            except TimeLimitExceeded:
                pass  # taken for the inner limit, and ignored
            spin()
    assert time.monotonic() - started < 1.0
