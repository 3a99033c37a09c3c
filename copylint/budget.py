"""Time budgets: stop a rule that runs away on a file, so that the run goes on.

A rule's pattern can backtrack for ever on some text (``(a|aa)+$`` against a line of
``a``). Inside ``time_budget(seconds)``, work that outlasts the budget raises
``TimeoutError``. In the main thread of a POSIX process an interval timer raises it,
wherever the time goes, at no cost to the work (the ``regex`` module checks for signals
while it matches); elsewhere (Windows, other threads) each search of a rule's pattern
is given the time left (``regex_timeout``), which costs a little on every search.

The timer counts the processor time the process spends (``ITIMER_PROF``), not the
time on the clock: on a loaded machine (a CI runner, other hooks running beside
copylint) a rule is never stopped because it waited for the processor. Once the budget
is spent the timer rings again every ``RING_AGAIN`` seconds until the work stops: an
exception raised where Python cannot pass it on (inside a garbage-collector callback
or a ``__del__``, which the fuzz campaign met once in 330,000 HTML examples) is lost,
and the next ring stops the work.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import FrameType

RING_AGAIN = 0.05
_DEADLINE: ContextVar[float | None] = ContextVar("rule_deadline", default=None)
_TIMER_ARMED = threading.Event()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Let the work inside this block run for ``seconds`` in all."""
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        with _interval_timer(seconds):
            yield
        return
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def regex_timeout() -> float | None:
    """Return the ``timeout`` for a search of a rule's pattern: the time left, if a
    budget without a timer is running."""
    deadline = _DEADLINE.get()
    return None if deadline is None else max(deadline - time.monotonic(), 0.001)


@contextmanager
def _interval_timer(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGPROF, _ring)
    _TIMER_ARMED.set()
    signal.setitimer(signal.ITIMER_PROF, seconds, RING_AGAIN)
    try:
        yield
    finally:
        _disarm(previous)


def _disarm(previous: signal._HANDLER) -> None:
    """Stop the timer; a ring that comes before the flag is down is caught here."""
    while True:
        try:
            _TIMER_ARMED.clear()
            break
        except TimeoutError:
            continue
    signal.setitimer(signal.ITIMER_PROF, 0)
    signal.signal(signal.SIGPROF, previous)


def _ring(_signal: int, _frame: FrameType | None) -> None:
    """Raise in the budgeted work; a signal that arrives once it is done is ignored."""
    if _TIMER_ARMED.is_set():
        raise TimeoutError("time budget spent")
