"""The all-facts table: a page reached by key from the page before equals the same page
reached by offset, under each filter, and positions agree with the order."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import Session

from db import fact_table
from db.fact_filter import FactFilter
from db.store import Store

pytestmark = pytest.mark.both_backends

KINDS = ("event", "statement", "relation", "quantity")
FILTERS = [
    FactFilter(),
    FactFilter(status="draft"),
    FactFilter(status="confirmed"),
    FactFilter(status="retracted"),
    FactFilter(kind="statement"),
    FactFilter(status="confirmed", kind="relation"),
    FactFilter(text="p1"),
    FactFilter(text="P1"),  # case aside, on both backends
]


def insert_facts(session: Session, facts: list[tuple[str, str]]) -> None:
    """Article 1 and one fact per (predicate, status), in that order, by plain SQL (fast
    enough for a thousand rows on both backends)."""
    session.execute(text(
        "INSERT INTO article (id, title, text, source, published_precision, imported_at,"
        " content_hash, review_state) VALUES (1, 'A', 'x', '', 'day', '2020-01-01', 'h', 'new')"
    ))  # fmt: skip
    session.execute(
        text(
            "INSERT INTO fact (article_id, kind, predicate, modality, confidence, status,"
            " version, created_at, updated_at, origin) VALUES (1, 'event', :p, 'asserted',"
            " 1.0, :s, 1, '2020-01-01', '2020-01-01', 'analyst')"
        ),
        [{"p": p, "s": status} for p, status in facts],
    )


def wanted(found: FactFilter, ident: int, predicate: str, status: str, kind: str) -> bool:
    return (
        found.status in ("", status)
        and found.kind in ("", kind)
        and found.text.lower() in predicate.lower()
    )


@pytest.mark.parametrize("gaps", [False, True], ids=["dense ids", "ids with gaps"])
@pytest.mark.parametrize("found", FILTERS, ids=repr)
def test_keyed_pages_equal_offset_pages(store: Store, found: FactFilter, gaps: bool) -> None:
    with store.transaction() as session:
        insert_facts(
            session, [(f"p{i}", ("draft", "confirmed", "retracted")[i % 3]) for i in range(1_000)]
        )
        kinds = "CASE id % 4 WHEN 1 THEN 'statement' WHEN 2 THEN 'relation' WHEN 3 THEN 'quantity'"
        session.execute(text(f"UPDATE fact SET kind = {kinds} ELSE 'event' END"))
        if gaps:
            session.execute(text("DELETE FROM fact WHERE id % 7 = 0"))
        rows = session.execute(
            text("SELECT id, predicate, status, kind FROM fact ORDER BY id DESC")
        )
        want = [r[0] for r in rows if wanted(found, *r)]
    assert want, "the filter lets some facts through"
    with store.engine.connect() as conn:
        assert fact_table.count_rows(conn, found) == len(want)
        keyed: list[int] = []
        statuses: set[str] = set()
        before = None
        for offset in range(0, len(want) + 64, 64):
            by_offset = fact_table.page(conn, found=found, offset=offset, limit=64)
            by_key = fact_table.page(conn, found=found, offset=offset, limit=64, before_id=before)
            assert by_key == by_offset
            keyed += [r.id for r in by_key]
            statuses |= {r.status for r in by_key}
            before = by_key[-1].id if by_key else None
        assert keyed == want
        status = found.status
        assert statuses == ({status} if status else {"draft", "confirmed", "retracted"})
        for row in (0, len(want) // 2, len(want) - 1):
            assert fact_table.position(conn, found, want[row]) == row
        if gaps:
            assert fact_table.position(conn, found, 7) == -1
