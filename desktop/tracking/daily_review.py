"""The daily summary (``factdesk review``): what the workspace shows first as of a date —
overdue, due this week, and the candidates that arrived since the last review.

A review leaves a mark in the audit log (the date it was run for and the last article it
saw); the next review's "new candidates" are those from articles imported after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from db.store import Store
from db.workspace import REVIEW_MARK, last_article_id, last_review_mark
from desktop.tracking.audit import record
from desktop.tracking.updates import Candidate, check_updates
from desktop.tracking.workspace import EventItem, Part, workspace


@dataclass
class NewCandidate:
    item: EventItem
    candidate: Candidate


@dataclass
class Summary:
    as_of: date
    overdue: list[EventItem]
    due: list[EventItem]
    proposed: int
    upcoming: int
    new_candidates: list[NewCandidate] = field(default_factory=list)
    since_article: int = 0
    """New candidates are articles after this id (0: no review before)."""
    last_review: str | None = None
    """The as-of date of the last review, if any."""


def daily_summary(store: Store, *, as_of: date, who: str, mark: bool = True) -> Summary:
    """The summary as of ``as_of``; with ``mark``, remembered as the last review."""
    found = workspace(store, as_of)
    with store.session() as session:
        previous = last_review_mark(session)
        latest = last_article_id(session)
    since = int(previous.get("last_article_id", 0)) if previous else 0
    summary = Summary(
        as_of,
        found.parts[Part.OVERDUE],
        found.parts[Part.DUE],
        len(found.parts[Part.PROPOSED]),
        len(found.parts[Part.UPCOMING]),
        since_article=since,
        last_review=str(previous.get("as_of")) if previous else None,
    )
    open_items = [*summary.overdue, *summary.due, *found.parts[Part.UPCOMING]]
    by_followup = {item.current.id: item for item in open_items}
    if by_followup:
        checked = check_updates(store, as_of=as_of, followup_ids=list(by_followup))
        for result in checked:
            item = by_followup.get(result.followup.id)
            if item is None:
                continue
            item.best = result.candidates[0] if result.candidates else None
            item.checked = True
            for candidate in result.candidates:
                if candidate.article_id > since:
                    summary.new_candidates.append(NewCandidate(item, candidate))
    if mark:

        def work(session: Session) -> None:
            record(
                session,
                who=who,
                action=REVIEW_MARK,
                target_table="review",
                target_id=0,
                article_id=None,
                before=previous,
                after={"as_of": as_of.isoformat(), "last_article_id": latest},
            )

        store.write(work)
    return summary


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def item_json(item: EventItem) -> dict[str, Any]:
    current = item.current
    best = item.best
    return {
        "followup_id": current.id,
        "event_id": current.event_id,
        "question": item.question,
        "state": current.state,
        "due_start": _iso(current.due_start),
        "due_end": _iso(current.due_end),
        "days_overdue": item.days_overdue,
        "sources": item.sources,
        "best_candidate": best.as_json() if best is not None else None,
    }


def summary_json(summary: Summary) -> dict[str, Any]:
    return {
        "as_of": summary.as_of.isoformat(),
        "last_review": summary.last_review,
        "counts": {
            "overdue": len(summary.overdue),
            "due_this_week": len(summary.due),
            "upcoming": summary.upcoming,
            "proposed": summary.proposed,
            "new_candidates": len(summary.new_candidates),
        },
        "overdue": [item_json(i) for i in summary.overdue],
        "due_this_week": [item_json(i) for i in summary.due],
        "new_candidates": [
            {
                "followup_id": n.item.current.id,
                "question": n.item.question,
                **n.candidate.as_json(),
            }
            for n in summary.new_candidates
        ],
    }


CSV_FIELDS = (
    "list",
    "followup_id",
    "question",
    "due_start",
    "due_end",
    "days_overdue",
    "sources",
    "article_id",
    "article_title",
    "published",
    "proposed_state",
    "reasons",
)


def summary_rows(summary: Summary) -> list[dict[str, object]]:
    """One flat row per listed item (its best candidate) and per new candidate."""
    rows: list[dict[str, object]] = []

    def row(name: str, item: EventItem, candidate: Candidate | None) -> dict[str, object]:
        current = item.current
        return {
            "list": name,
            "followup_id": current.id,
            "question": item.question,
            "due_start": _iso(current.due_start) or "",
            "due_end": _iso(current.due_end) or "",
            "days_overdue": item.days_overdue,
            "sources": item.sources,
            "article_id": candidate.article_id if candidate else "",
            "article_title": candidate.title if candidate else "",
            "published": _iso(candidate.published) or "" if candidate else "",
            "proposed_state": (candidate.proposed_state or "") if candidate else "",
            "reasons": "; ".join(candidate.reasons) if candidate else "",
        }

    rows += [row("overdue", i, i.best) for i in summary.overdue]
    rows += [row("due_this_week", i, i.best) for i in summary.due]
    rows += [row("new_candidate", n.item, n.candidate) for n in summary.new_candidates]
    return rows
