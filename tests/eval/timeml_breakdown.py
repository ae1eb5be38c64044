"""Where the tuning part's value F1 goes, by kind, next to HeidelTime on the same expressions.

Every gold TIMEX3 of the tuning part is right, *wrong* (matched, another value) or
*missing* (no overlapping mention); every mention no gold expression took is a *false
alarm*. The kind of a gold expression is its type and the shape of its value (a day, a
month, a duration, PAST_REF…); a false alarm's kind is the shape of the value it gave.
Both systems are scored by the shared scorer (its ``--json`` pairs), so the matching is
the TempEval-3 one. Only the tuning part is ever broken down (never the check part).

    python -m tests.eval.timeml --shared ../shared --breakdown
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

Row = dict[str, Any]
OUTCOMES = ("right", "wrong", "missing")
_SHAPES = (
    (r"\d{4}-\d\d-\d\dT.+", "clock or part of day"),
    (r"\d{4}-\d\d-\d\d", "day"),
    (r"\d{4}-W\d\d(?:-WE)?", "week"),
    (r"\d{4}-\d\d", "month"),
    (r"\d{4}-Q\d", "quarter"),
    (r"\d{4}-H\d", "half"),
    (r"\d{4}-(?:SP|SU|FA|WI)", "season"),
    (r"\d{4}", "year"),
    (r"\d{3}", "decade"),
    (r"\d\d", "century"),
    (r"PT?X\w+", "vague duration"),
    (r"PT?[\d.]+\w+", "duration"),
    (r"(?:PAST|PRESENT|FUTURE)_REF", None),
)


def shape(value: str | None) -> str:
    """The kind of a value: "day", "month", "duration", "PAST_REF", "other" (the
    annotators' own forms, such as 1998-XX-XX or 1989-WXX)…"""
    text = str(value or "").upper()
    for pattern, name in _SHAPES:
        if re.fullmatch(pattern, text):
            return name or text
    return "other"


def outcome(row: Row) -> str:
    if row["system"] is None:
        return "missing"
    same = str(row["system"]["value"]).upper() == str(row["gold"]["value"]).upper()
    return "right" if same else "wrong"


def pairs(score: Callable[[list[str]], list[str]], how: list[str]) -> list[Row]:
    """The scorer's gold/system pairs (``--json``) for one system."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pairs.json"
        score([*how, "--misses", "0", "--json", str(out)])
        rows: list[Row] = json.loads(out.read_text(encoding="utf-8"))
    return rows


def _kind(row: Row) -> str:
    return f"{row['gold']['type']} {shape(row['gold']['value'])}"


def breakdown(ours: list[Row], theirs: list[Row]) -> list[str]:
    """The loss of each system split three ways, by kind, and the kinds side by side."""
    lines: list[str] = []
    tallies: dict[str, Counter[str]] = {}
    for name, rows in (("Factdesk", ours), ("HeidelTime", theirs)):
        golds = [r for r in rows if r["gold"] is not None]
        alarms = [r for r in rows if r["gold"] is None]
        counts = Counter(outcome(r) for r in golds)
        tallies[name] = Counter(f"{_kind(r)}|{outcome(r)}" for r in golds)
        tallies[name].update(f"{shape(r['system']['value'])}|alarm" for r in alarms)
        lost = counts["wrong"] + counts["missing"] + len(alarms)
        lines.append(
            f"{name:10s} gold {len(golds)}: right {counts['right']}, wrong value "
            f"{counts['wrong']}, missing {counts['missing']}; false alarms {len(alarms)} "
            f"(of {lost} lost: missing {_share(counts['missing'], lost)}, false alarm "
            f"{_share(len(alarms), lost)}, wrong value {_share(counts['wrong'], lost)})"
        )
    ours_t, theirs_t = tallies["Factdesk"], tallies["HeidelTime"]
    kinds = sorted(
        {k.split("|")[0] for k in ours_t if not k.endswith("|alarm")},
        key=lambda k: -sum(ours_t[f"{k}|{o}"] for o in OUTCOMES),
    )
    lines.append("gold kind                         n | Factdesk right/wrong/missing | HeidelTime")
    for kind in kinds:
        n = sum(ours_t[f"{kind}|{o}"] for o in OUTCOMES)
        mine = "/".join(f"{ours_t[f'{kind}|{o}']}" for o in OUTCOMES)
        other = "/".join(f"{theirs_t[f'{kind}|{o}']}" for o in OUTCOMES)
        lines.append(f"  {kind:30s} {n:4d} | {mine:>28s} | {other}")
    lines.append("false alarms by the value given     | Factdesk | HeidelTime")
    alarm_kinds = {k for t in (ours_t, theirs_t) for k in t if k.endswith("|alarm")}
    for key in sorted(alarm_kinds, key=lambda k: -ours_t[k]):
        lines.append(f"  {key.split('|')[0]:33s} | {ours_t[key]:8d} | {theirs_t[key]}")
    return lines


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"
