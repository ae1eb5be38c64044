"""Event reports of articles, for the update check."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlmodel import Session, col

from db.models import EventFrame, EventReport


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


def frame_of_fact(session: Session, fact_id: int) -> EventFrame | None:
    return session.get(EventFrame, fact_id)
