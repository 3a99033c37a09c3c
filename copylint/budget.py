"""Time budgets: stop a rule that runs away on a file, so that the run goes on.

A rule's pattern can backtrack for ever on some text (``(a|aa)+$`` against a line of
``a``). Inside ``time_budget(seconds)``, work that outlasts the budget raises
``TimeoutError``. In the main thread of a POSIX process an interval timer raises it,
wherever the time goes, at no cost to the work (the ``regex`` module checks for signals
while it matches); elsewhere (Windows, other threads) each search of a rule's pattern
is given the time left (``regex_timeout``), which costs a little on every search.

The timer counts the processor time the process spends (``ITIMER_PROF``), not the
time on the clock: on a loaded machine (a CI runner, other hooks running beside
copylint) a rule is never stopped because it waited for the processor. It rings every
``TICK`` seconds of that time, and a ring raises once the running budget is spent, so
a budget ends up to a tick late. A file's many rules share one ringing timer
(``budgets()``), and a budget only notes when it is spent: setting the timer for each
rule cost five times as much, more than a short rule's work. A ring keeps raising
until the work stops: an exception raised where Python cannot pass it on (inside a
garbage-collector callback or a ``__del__``, which the fuzz campaign met once in
330,000 HTML examples) is lost, and the next ring stops the work.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from types import FrameType

TICK = 0.05
_DEADLINE: ContextVar[float | None] = ContextVar("rule_deadline", default=None)
_HAS_TIMER = hasattr(signal, "setitimer")


class _Timer:
    """The ringing timer's state: plain attributes, read by the signal handler, which
    runs in the main thread as the budgeted work does (a lock would cost more than the
    work of a short rule)."""

    ringing = False
    spent_at = math.inf
    """The processor time at which the running budget is spent."""


def time_budget(seconds: float) -> AbstractContextManager[None]:
    """Let the work inside this block run for ``seconds`` in all."""
    if _Timer.ringing:
        return _Budget(seconds)
    if _can_ring():
        return _budget_with_its_own_timer(seconds)
    return _deadline(seconds)


def regex_timeout() -> float | None:
    """Return the ``timeout`` for a search of a rule's pattern: the time left, if a
    budget without a timer is running."""
    deadline = _DEADLINE.get()
    return None if deadline is None else max(deadline - time.monotonic(), 0.001)


@contextmanager
def budgets() -> Iterator[None]:
    """Keep the timer ringing for the many budgets run inside this block (a file's
    rules), where it can ring (the main thread of a POSIX process)."""
    if _Timer.ringing or not _can_ring():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _ring)
    _Timer.ringing = True
    signal.setitimer(signal.ITIMER_PROF, TICK, TICK)
    try:
        yield
    finally:
        _stop_ringing(previous)


def _stop_ringing(previous: signal._HANDLER) -> None:
    """Stop the timer and put the previous handler back, with no ring left pending (one
    that came after the previous handler, the default one, would end the process)."""
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
    signal.setitimer(signal.ITIMER_PROF, 0)
    if signal.SIGPROF in signal.sigpending():
        signal.sigwait({signal.SIGPROF})
    _Timer.ringing = False
    signal.signal(signal.SIGPROF, previous)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _can_ring() -> bool:
    """Tell whether the timer can ring here: in the main thread of a POSIX process."""
    return _HAS_TIMER and threading.current_thread() is threading.main_thread()


@contextmanager
def _budget_with_its_own_timer(seconds: float) -> Iterator[None]:
    with budgets(), _Budget(seconds):
        yield


@contextmanager
def unbudgeted() -> Iterator[None]:
    """Run work that is the whole run's, not the budgeted work's own (reading a
    knowledge base or a dictionary once for every file, when a rule first needs it): it
    spends none of the budget around it, which resumes where it was. A budget is for a
    rule that runs away on a file; stopping a load would leave the rule without its data
    on every file (or, where a failed read is an error, end the run)."""
    spent_at, process_started = _Timer.spent_at, time.process_time()
    deadline, clock_started = _DEADLINE.get(), time.monotonic()
    _Timer.spent_at = math.inf
    token = _DEADLINE.set(None)
    try:
        yield
    finally:
        _DEADLINE.reset(token)
        if deadline is not None:
            _DEADLINE.set(deadline + time.monotonic() - clock_started)
        _Timer.spent_at = spent_at + (time.process_time() - process_started)


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


class _Budget(AbstractContextManager[None]):
    """A budget kept by the ringing timer (inside another, the sooner end holds)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.outer = math.inf

    def __enter__(self) -> None:
        self.outer = _Timer.spent_at
        _Timer.spent_at = min(self.outer, time.process_time() + self.seconds)

    def __exit__(self, *_exception: object) -> None:
        while True:  # a ring that comes before the budget is put away is caught here
            try:
                _Timer.spent_at = self.outer
                break
            except TimeoutError:
                continue


def _ring(_signal: int, _frame: FrameType | None) -> None:
    """Raise in the budgeted work once its budget is spent; otherwise do nothing."""
    if time.process_time() > _Timer.spent_at:
        raise TimeoutError("time budget spent")
