"""Event reports of articles, for the update check."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlmodel import Session, col

from db.models import EventFrame, EventReport, Evidence


def reports_for(session: Session, article_ids: Sequence[int]) -> dict[int, list[EventReport]]:
    out: dict[int, list[EventReport]] = defaultdict(list)
    if not article_ids:
        return out
    stmt = (
        select(EventReport)
        .where(col(EventReport.article_id).in_(list(article_ids)))
        .order_by(col(EventReport.article_id), col(EventReport.start))
    )
    for report in session.scalars(stmt):
        out[report.article_id].append(report)
    return out


def reports_of_fact_sentences(
    session: Session, fact_ids: Sequence[int]
) -> dict[int, list[EventReport]]:
    """fact id -> the event reports of the sentences its evidence quotes (the other
    clauses of the sentence that stated it: "the hub will not open on May 24; the station
    remains on course to open later this year")."""
    out: dict[int, list[EventReport]] = defaultdict(list)
    if not fact_ids:
        return out
    stmt = (
        select(col(Evidence.fact_id), EventReport)
        .join(Evidence, col(Evidence.article_id) == col(EventReport.article_id))
        .where(
            col(Evidence.fact_id).in_(list(fact_ids)),
            col(EventReport.start) < col(Evidence.end),
            col(EventReport.end) > col(Evidence.start),
        )
        .order_by(col(Evidence.fact_id), col(EventReport.start))
    )
    for fact_id, report in session.execute(stmt):
        out[int(fact_id)].append(report)
    return out


def frame_of_fact(session: Session, fact_id: int) -> EventFrame | None:
    return session.get(EventFrame, fact_id)
