"""``factdesk analyze``: the whole suggestion pipeline on one text, no database involved."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.nlp.analysis import TEMPORAL, analyze
from desktop.nlp.pipeline import ModelInfo


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def analysis_json(text: str, anchor: date, nlp: Any, info: ModelInfo) -> dict[str, Any]:
    """The JSON object ``factdesk analyze --json`` prints for one article's text."""
    result = analyze(nlp(text), anchor)
    mentions = []
    for m in result.mentions:
        row: dict[str, Any] = {"start": m.start, "end": m.end, "text": m.text, "label": m.label}
        if m.label in TEMPORAL:
            row |= {
                "value": m.timex.value if m.timex else None,
                "granularity": m.timex.granularity if m.timex else None,
                "value_start": _iso(m.timex.start) if m.timex else None,
                "value_end": _iso(m.timex.end) if m.timex else None,
                "type": m.timex.type if m.timex else None,
                "mod": m.timex.mod if m.timex else None,
            }
        mentions.append(row)
    expectations = [
        {
            "start": e.start,
            "end": e.end,
            "text": e.text,
            "predicate": e.predicate,
            "question": e.question,
            "participants": [
                {"name": p.name, "label": p.label, "role": p.role} for p in e.participants
            ],
            "attributed_to": e.attributed_to,
            "due_start": _iso(e.due_start),
            "due_end": _iso(e.due_end),
            "review_date": _iso(e.review_date),
            "value": e.value,
        }
        for e in result.expectations
    ]
    return {
        "model": info.label,
        "published": anchor.isoformat(),
        "mentions": mentions,
        "expectations": expectations,
    }
