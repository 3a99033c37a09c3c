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
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from types import FrameType

RING_AGAIN = 0.05
_DEADLINE: ContextVar[float | None] = ContextVar("rule_deadline", default=None)
_HAS_TIMER = hasattr(signal, "setitimer")


class _Timer:
    """Whether a budget's timer is armed: a plain attribute, read by the signal handler,
    which runs in the main thread as the budgeted work does (a lock would cost more
    than the work of a short rule)."""

    armed = False


def time_budget(seconds: float) -> AbstractContextManager[None]:
    """Let the work inside this block run for ``seconds`` in all."""
    if _HAS_TIMER and threading.current_thread() is threading.main_thread():
        return _IntervalTimer(seconds)
    return _deadline(seconds)


def regex_timeout() -> float | None:
    """Return the ``timeout`` for a search of a rule's pattern: the time left, if a
    budget without a timer is running."""
    deadline = _DEADLINE.get()
    return None if deadline is None else max(deadline - time.monotonic(), 0.001)


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


class _IntervalTimer(AbstractContextManager[None]):
    """A budget kept by the process's interval timer (main thread, POSIX)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.installed = False
        self.previous: signal._HANDLER = None

    def __enter__(self) -> None:
        self.installed = signal.getsignal(signal.SIGPROF) is not _ring
        if self.installed:
            self.previous = signal.signal(signal.SIGPROF, _ring)
        _Timer.armed = True
        signal.setitimer(signal.ITIMER_PROF, self.seconds, RING_AGAIN)

    def __exit__(self, *_exception: object) -> None:
        _disarm()
        if self.installed:
            signal.signal(signal.SIGPROF, self.previous)


@contextmanager
def budgets() -> Iterator[None]:
    """Keep the budgets' signal handler in place for the many budgets run inside this
    block (a file's rules): putting it in place costs more than a short rule's work."""
    if not _HAS_TIMER or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _ring)
    try:
        yield
    finally:
        signal.signal(signal.SIGPROF, previous)


def _disarm() -> None:
    """Stop the timer; a ring that comes before the flag is down is caught here."""
    while True:
        try:
            _Timer.armed = False
            break
        except TimeoutError:
            continue
    signal.setitimer(signal.ITIMER_PROF, 0)


def _ring(_signal: int, _frame: FrameType | None) -> None:
    """Raise in the budgeted work; a signal that arrives once it is done is ignored."""
    if _Timer.armed:
        raise TimeoutError("time budget spent")
