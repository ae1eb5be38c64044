"""The milestone trend of a tracked event: one point per expectation — x the day the
statement was published, y the day it expected the event (the end of its window) — and
the outcome once settled, the picture project managers use to show a slipping deadline.
A line of points rising above the diagonal (where "expected" meets "today") is a slip."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from sqlmodel import Session

from db.followups import followup_rows
from db.models import FollowUp, FollowUpState
from db.store import Store
from db.workspace import event_followup_ids, published_of, titles_of

SETTLED = {
    FollowUpState.HAPPENED.value,
    FollowUpState.DID_NOT_HAPPEN.value,
    FollowUpState.CANCELLED.value,
    FollowUpState.UNCLEAR.value,
}


@dataclass(frozen=True)
class Expectation:
    followup_id: int
    stated: date
    """When the statement was published (x)."""
    expected: date
    """The day it expected the event: the end of its window (y)."""
    expected_from: date | None
    question: str
    source_title: str
    state: str


@dataclass(frozen=True)
class Outcome:
    state: str
    reported: date
    """When the settling article was published (x, and y for what happened)."""
    title: str


@dataclass
class MilestoneTrend:
    key: int
    title: str
    points: list[Expectation] = field(default_factory=list)
    undated: int = 0
    """Expectations without a publication date or a window (not drawn)."""
    outcome: Outcome | None = None

    @property
    def slipped(self) -> bool:
        """Whether a later statement expected it later than an earlier one did."""
        ordered = sorted(self.points, key=lambda p: p.stated)
        return any(b.expected > a.expected for a, b in pairwise(ordered))

    def span(self) -> tuple[date, date]:
        """The dates the chart must show (both axes): every point and the outcome."""
        days = [d for p in self.points for d in (p.stated, p.expected)]
        if self.outcome is not None:
            days.append(self.outcome.reported)
        return (min(days), max(days)) if days else (date.today(), date.today())


def milestone_trend(store: Store, key: int) -> MilestoneTrend:
    """The trend of the tracked event ``key`` (minus a follow-up's id: a lone follow-up)."""
    with store.session() as session:
        ids = event_followup_ids(session, key) if key > 0 else [-key]
        rows = followup_rows(session, as_of=date.max, ids=ids)
        settled = [r for r in rows if r.state in SETTLED and _evidence(session, r.id) is not None]
        evidence = {r.id: _evidence(session, r.id) for r in settled}
        article_ids = [a for a in evidence.values() if a is not None]
        published = published_of(session, article_ids)
        titles = titles_of(session, article_ids)
    rows.sort(key=lambda r: (r.source_published or date.min, r.id))
    trend = MilestoneTrend(key, rows[0].question if rows else "")
    for row in rows:
        if row.source_published is None or row.due_end is None:
            trend.undated += 1
            continue
        trend.points.append(
            Expectation(
                row.id,
                row.source_published,
                row.due_end,
                row.due_start,
                row.question,
                row.source_title,
                row.state,
            )
        )
    for row in settled:
        article = evidence[row.id]
        day = published.get(article) if article is not None else None
        if article is not None and day is not None:
            trend.outcome = Outcome(row.state, day, titles.get(article, ""))
            break
    return trend


def _evidence(session: Session, followup_id: int) -> int | None:
    followup = session.get(FollowUp, followup_id)
    return followup.resolving_article_id if followup is not None else None
