"""The settlement checks a storyline's gold implies (the rules of storyline_eval.py):
one check per new window a slip gives, as of its first report + 3 days, and one per
expectation without slips, as of the outcome's first report + 7 days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tests.eval.windows import Window, parse_window

SLIP_LAG = timedelta(days=3)
OUTCOME_LAG = timedelta(days=7)


@dataclass
class Exp:
    event: int
    article: str
    phrase: str
    expected: str
    window: Window | None
    dct: date | None
    followups: list[int] = field(default_factory=list)


@dataclass
class Check:
    exp: Exp
    kind: str
    as_of: date
    answers: list[str]
    state: str
    right: bool = False
    seen: str = ""


def outcome_days(outcome: dict[str, Any], dct: dict[str, date]) -> tuple[date, date] | None:
    w = parse_window(outcome.get("date"))
    arts = [a for a in outcome.get("articles") or [] if a in dct]
    if w is None or not arts:
        return None
    if w.precision == "day":
        return w.start, w.start
    inside = sorted(dct[a] for a in arts if w.start <= dct[a] <= w.end)
    return w.start, (inside[0] if inside else w.end)


def state_of(status: str) -> str:
    status = status.lower()
    if status.startswith("cancel"):
        return "cancelled"
    if status.startswith(("did not", "not happen", "did_not")):
        return "did_not_happen"
    return "happened"


def plan_checks(ev: dict[str, Any], exps: list[Exp], dct: dict[str, date]) -> list[Check]:
    checks: list[Check] = []
    slips = [s for s in ev.get("slips") or [] if isinstance(s, dict)]
    outcome = ev.get("outcome") or {}
    days = outcome_days(outcome, dct)
    for e in sorted(exps, key=lambda x: (x.dct or date.max, x.article)):
        if e.dct is None:
            continue
        mine = [s for s in slips if s.get("from") == e.article]
        if mine:
            windows: dict[str, list[str]] = {}
            for s in mine:
                windows.setdefault(" ".join(str(s.get("to_window")).split()), []).append(
                    str(s.get("article"))
                )
            for to, arts in windows.items():
                reporters = [
                    str(s.get("article"))
                    for s in slips
                    if " ".join(str(s.get("to_window")).split()) == to
                ]
                first = sorted(dct[a] for a in arts if a in dct and dct[a] > e.dct)
                if not first:
                    continue
                as_of = first[0] + SLIP_LAG
                if days is not None and first[0] < days[0] <= as_of:
                    as_of = days[0] - timedelta(days=1)
                answers = [
                    a for a in dict.fromkeys(reporters) if a in dct and e.dct < dct[a] <= as_of
                ]
                if answers:
                    checks.append(Check(e, "slip", as_of, answers, "postponed"))
        elif days is not None:
            as_of = days[1] + OUTCOME_LAG
            answers = [
                a for a in outcome.get("articles") or [] if a in dct and e.dct < dct[a] <= as_of
            ]
            if answers:
                checks.append(Check(e, "outcome", as_of, answers, state_of(outcome["status"])))
    return checks
