"""A time limit for each rule call: a rule that runs too long becomes E900, not a hang.

The engine runs the rules of one file inside ``with RuleClock(limit) as clock``
and brackets every ``check``/``check_pair`` call with :meth:`RuleClock.enter`
and :meth:`RuleClock.leave`. Two ways of enforcing the limit:

* **Interrupting** (POSIX, main thread, SIGALRM not used by anyone else): one
  ``signal.setitimer(ITIMER_REAL)`` is armed when the block starts — not one per
  rule, so a file costs two ``setitimer`` and two ``signal.signal`` calls, a few
  microseconds. ``enter`` only records ``time.perf_counter()``. When the alarm
  fires, the handler looks at the rule running now: if it has used up its
  limit, :class:`RuleTimeout` is raised inside it; otherwise (the alarm was
  armed during an earlier rule) the timer is re-armed for the rest of the
  current rule's budget. :class:`RuleTimeout` derives from ``BaseException``,
  so a rule's own ``except Exception`` does not swallow it.
* **What counts**: wall-clock time, but a rule is only stopped once the process
  has also used at least half the limit in CPU time since the file started —
  on an overloaded machine a fast rule that was merely not scheduled is not
  stopped — or once three times the limit has passed whatever the CPU did (a
  rule that sleeps or waits for I/O).
* **Measuring** (another thread, Windows, or a SIGALRM handler or timer that
  belongs to someone else, e.g. pytest-timeout): nothing is armed; ``leave``
  measures the call afterwards. A rule that overran is reported exactly as if
  it had been interrupted (E900, its findings dropped), but a rule that never
  returns cannot be stopped this way. ``--jobs`` runs files in worker
  *processes*, whose main thread interrupts.

In both modes a call that returns but took longer than the limit (say, a long
C call that Python's signal handler only runs after) is E900 too, so the
outcome does not depend on the mode. Python runs signal handlers between
bytecodes: a regular expression stuck inside the C matcher of :mod:`re` is not
interrupted until it returns. Rule packs therefore match with the ``regex``
module and its own ``timeout=`` (see reportlint/packs.py).
"""

from __future__ import annotations

import time

try:  # the C module that ``signal`` wraps: its enums (Signals, Handlers) cost ~3 M instructions of every start
    import _signal as signal
except ImportError:  # not CPython
    import signal  # type: ignore[no-redef]

#: Seconds a rule may spend on one file (or one pair of reports) by default;
#: configuration key ``rule-timeout`` (Settings.rule_timeout).
DEFAULT_RULE_TIMEOUT = 5.0

_CAN_INTERRUPT = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")


class RuleTimeout(BaseException):
    """Raised inside a rule that has run longer than its limit (private to the engine)."""


class RuleClock:
    """Times rule calls against ``limit`` seconds; see the module docstring."""

    __slots__ = ("limit", "interrupting", "_started", "_active", "_previous", "_cpu0")

    def __init__(self, limit: float | None) -> None:
        self.limit = limit if limit and limit > 0 else None
        self.interrupting = False
        self._started = 0.0
        self._active = False
        self._previous = None
        self._cpu0 = 0.0

    # -- the block ----------------------------------------------------------------------
    def __enter__(self) -> "RuleClock":
        if self.limit is None:
            return self
        self._cpu0 = time.process_time()  # once per file, not per rule
        if not _CAN_INTERRUPT:
            return self
        try:  # outside the main thread, signal.signal refuses with ValueError: measured, not interrupted
            previous = signal.getsignal(signal.SIGALRM)
            if previous not in (signal.SIG_DFL, None) or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
                return self  # someone else's alarm: measure only, never disturb it
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.limit)
            self.interrupting = True
        except (ValueError, OSError):  # not the main interpreter, or no timer
            self.interrupting = False
        return self

    def __exit__(self, *exc) -> None:
        if self.interrupting:
            # First switch the handler off (an alarm arriving now does nothing), then the timer, then the handler.
            self.interrupting = self._active = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous if self._previous is not None else signal.SIG_DFL)

    # -- one rule call --------------------------------------------------------------------
    def enter(self) -> None:
        self._started = time.perf_counter()
        self._active = True

    def leave(self) -> bool:
        """End the call; True when it took longer than the limit."""
        self._active = False
        return self.limit is not None and self._overran(time.perf_counter() - self._started)

    def _overran(self, wall: float) -> bool:
        """Over the limit: ``limit`` seconds of wall time while the process really worked (at least
        half of it in CPU time since the file started, so a fast rule on a starved, overloaded
        machine is not stopped), or three times the limit whatever the CPU did (a rule that
        sleeps or waits for I/O)."""
        if wall < self.limit:
            return False
        return wall >= 3 * self.limit or time.process_time() - self._cpu0 >= self.limit / 2

    def _on_alarm(self, signum, frame) -> None:
        if not self.interrupting:
            return
        if self._active:
            wall = time.perf_counter() - self._started
            if self._overran(wall):
                self._active = False
                signal.setitimer(signal.ITIMER_REAL, self.limit)  # armed again for the rules after this one
                raise RuleTimeout()
            left = self.limit - wall if wall < self.limit else min(self.limit / 4, 3 * self.limit - wall)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
        else:  # between two rules: the next one gets a full budget from its start
            signal.setitimer(signal.ITIMER_REAL, self.limit)


def timeout_message(code: str, name: str, limit: float) -> tuple[str, str]:
    """The E900 message (zh, en) of a rule that ran out of time."""
    shown = f"{limit:g}"
    return (f"规则 {code}（{name}）运行超过时间上限 {shown} 秒，已中止；其结果未计入",
            f"rule {code} ({name}) exceeded the time limit of {shown} s and was stopped; its findings are not reported")
