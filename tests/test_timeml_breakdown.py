"""The tuning part's loss breakdown (tests/eval/timeml_breakdown.py) on hand-made scorer
pairs: each gold expression lands in one outcome, false alarms are counted apart."""

from __future__ import annotations

from typing import Any

from tests.eval.timeml_breakdown import breakdown, shape


def _pair(gold: tuple[str, str] | None, system: str | None) -> dict[str, Any]:
    return {
        "doc": "a.tml",
        "gold": None if gold is None else {"type": gold[0], "value": gold[1]},
        "system": None if system is None else {"value": system},
    }


def test_values_fall_into_their_kinds() -> None:
    assert shape("1998-10-23") == "day"
    assert shape("1998-10-23TNI") == "clock or part of day"
    assert shape("1998-W43") == "week"
    assert shape("PXY") == "vague duration"
    assert shape("P2Y") == "duration"
    assert shape("past_ref") == "PAST_REF"
    assert shape("1998-XX-XX") == "other"


def test_each_gold_expression_is_right_wrong_or_missing_and_alarms_count_apart() -> None:
    ours = [
        _pair(("DATE", "1998-10-23"), "1998-10-23"),
        _pair(("DATE", "1998-10-24"), "1998-10-17"),
        _pair(("DURATION", "P2Y"), None),
        _pair(None, "PRESENT_REF"),
    ]
    theirs = [
        _pair(("DATE", "1998-10-23"), None),
        _pair(("DATE", "1998-10-24"), "1998-10-24"),
        _pair(("DURATION", "P2Y"), "P2Y"),
    ]
    lines = breakdown(ours, theirs)
    assert lines[0].startswith(
        "Factdesk   gold 3: right 1, wrong value 1, missing 1; false alarms 1 (of 3 lost"
    )
    assert lines[1].startswith("HeidelTime gold 3: right 2, wrong value 0, missing 1; false")
    day = next(line for line in lines if line.strip().startswith("DATE day"))
    assert day.split() == ["DATE", "day", "2", "|", "1/1/0", "|", "1/0/1"]
    alarm = next(line for line in lines if line.strip().startswith("PRESENT_REF"))
    assert alarm.split() == ["PRESENT_REF", "|", "1", "|", "0"]
