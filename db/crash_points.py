"""Crash points for the reliability tests, chosen from the work instead of the clock.

``FACTDESK_CRASH_AT=commit:N`` makes the process kill itself with SIGKILL when its N-th
write transaction is about to commit (its rows written, none committed);
``FACTDESK_CRASH_AT=after-commit:N`` when the first transaction after its N-th commit
begins (N batches stored, the next not started). A kill at a fixed delay lands mid-work
only on a machine of the speed it was tuned on; a kill at a counted commit lands at the
same point of the work on any machine. Unset (always, outside the tests), nothing is
registered and nothing is counted.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event

CRASH_ENV = "FACTDESK_CRASH_AT"
MODES = ("commit", "after-commit")


@dataclass
class _Counter:
    mode: str
    at: int
    commits: int = 0


_counter: _Counter | None = None
"""One count per process: the migration engine and the store's engine share it, so the
N-th commit is the N-th of the whole command."""


def _parse(setting: str) -> _Counter:
    mode, _, number = setting.partition(":")
    if mode not in MODES or not number.isdigit() or int(number) < 1:
        raise ValueError(f"{CRASH_ENV} must be commit:N or after-commit:N (N ≥ 1), not {setting!r}")
    return _Counter(mode, int(number))


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _on_commit(_conn: Any) -> None:
    assert _counter is not None
    _counter.commits += 1
    if _counter.mode == "commit" and _counter.commits == _counter.at:
        _die()


def _on_begin(_conn: Any) -> None:
    assert _counter is not None
    if _counter.mode == "after-commit" and _counter.commits >= _counter.at:
        _die()


def install(engine: Engine) -> None:
    """Count this engine's commits when the crash test asks for a crash point."""
    global _counter
    setting = os.environ.get(CRASH_ENV, "")
    if not setting:
        return
    if _counter is None:
        _counter = _parse(setting)
    event.listen(engine, "commit", _on_commit)
    event.listen(engine, "begin", _on_begin)
