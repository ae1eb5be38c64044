"""Follow-up states, the queue's buckets, links from both ends (no model needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from db.errors import StoreError
from db.followups import FollowUpRow, bucket_of, followup_rows
from db.models import Audit, FollowUp, FollowUpState
from db.store import Store
from desktop.ingest.importer import import_paths
from desktop.tracking.facts import FactDraft, create_fact
from desktop.tracking.followups import (
    confirm,
    create_followup,
    parse_evidence,
    resolve,
    snooze,
)
from desktop.tracking.links import create_link, links_of

pytestmark = pytest.mark.both_backends


@pytest.fixture
def fact_ids(store: Store, tmp_path: Path) -> list[int]:
    path = tmp_path / "a.txt"
    path.write_text("date 2018-06-09 Talks\n\nThe contract is expected to be signed in October.\n")
    [(_, article)] = import_paths(store, [path]).imported
    return [
        create_fact(
            store, draft=FactDraft(article, 0, 5, kind="expectation", predicate=p), who="a"
        ).id  # type: ignore[misc]
        for p in ("sign contract", "deliver systems")
    ]


def row(**kw: object) -> FollowUpRow:
    base: dict[str, object] = dict(
        id=1, fact_id=1, question="q", state="open", due_start=date(2018, 10, 1),
        due_end=date(2018, 10, 31), review_date=None, snooze_until=None, source_article_id=1,
        source_title="t", source_published=date(2018, 6, 9), source="s", predicate="sign",
    )  # fmt: skip
    return FollowUpRow(**(base | kw))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("as_of", "changes", "expected"),
    [
        (date(2018, 9, 1), {}, ("upcoming", 0)),
        (date(2018, 10, 15), {}, ("due", 0)),
        (date(2018, 11, 10), {}, ("overdue", 10)),
        (date(2018, 11, 10), {"snooze_until": date(2018, 12, 1)}, ("snoozed", 0)),
        (date(2018, 11, 10), {"state": "proposed"}, ("proposed", 0)),
        (date(2018, 11, 10), {"state": "happened"}, ("resolved", 0)),
        (
            date(2018, 11, 10),
            {"due_start": None, "due_end": None, "review_date": date(2018, 12, 8)},
            ("upcoming", 0),
        ),
        (
            date(2018, 12, 9),
            {"due_start": None, "due_end": None, "review_date": date(2018, 12, 8)},
            ("due", 0),
        ),
    ],
)
def test_queue_buckets(as_of: date, changes: dict[str, object], expected: tuple[str, int]) -> None:
    assert bucket_of(row(**changes), as_of) == expected


def test_lifecycle_records_history_and_audit(store: Store, fact_ids: list[int]) -> None:
    made = create_followup(
        store, fact_id=fact_ids[0], question="Was the contract signed?", who="ana",
        due_start=date(2018, 10, 1), due_end=date(2018, 10, 31),
    )  # fmt: skip
    assert made.id is not None
    with pytest.raises(StoreError, match="only proposed ones are confirmed"):
        confirm(store, followup_id=made.id, who="ana")
    snooze(store, followup_id=made.id, until=date(2018, 11, 5), who="ana")
    with store.session() as session:
        [queued] = followup_rows(session, as_of=date(2018, 11, 1))
    assert queued.bucket == "snoozed"
    with pytest.raises(StoreError, match="does not settle"):
        resolve(store, followup_id=made.id, state=FollowUpState.OPEN, who="ana")
    with pytest.raises(StoreError, match="no article 99"):
        resolve(
            store,
            followup_id=made.id,
            state=FollowUpState.HAPPENED,
            who="ana",
            evidence=parse_evidence("99"),
        )
    resolve(
        store, followup_id=made.id, state=FollowUpState.HAPPENED, who="bo",
        evidence=parse_evidence(f"fact:{fact_ids[1]}"), note="signed on 5 October",
    )  # fmt: skip
    with store.session() as session:
        stored = session.get(FollowUp, made.id)
        actions = session.scalars(
            select(Audit.action).where(Audit.target_table == "followup")
        ).all()
    assert stored is not None and stored.state == "happened"
    assert stored.resolving_fact_id == fact_ids[1]
    assert actions == ["followup.create", "followup.snooze", "followup.happened"]
    [link] = links_of(store, fact_ids[0])
    assert (link.type, link.phrase, link.other_fact_id) == ("resolves", "resolved by", fact_ids[1])


def test_links_show_from_both_ends(store: Store, fact_ids: list[int]) -> None:
    a, b = fact_ids
    create_link(
        store, source_fact_id=a, target_fact_id=b, type_="supports", who="ana", note="same deal"
    )
    [forward] = links_of(store, a)
    [backward] = links_of(store, b)
    assert (forward.phrase, forward.other_fact_id, forward.note) == ("supports", b, "same deal")
    assert (backward.phrase, backward.other_fact_id) == ("supported by", a)
    with pytest.raises(StoreError, match="not a link type"):
        create_link(store, source_fact_id=a, target_fact_id=b, type_="likes", who="ana")
    with pytest.raises(StoreError, match="cannot be linked to itself"):
        create_link(store, source_fact_id=a, target_fact_id=a, type_="related", who="ana")


def test_evidence_syntax() -> None:
    assert parse_evidence("article:4").article_id == 4
    assert parse_evidence("fact:7").fact_id == 7
    assert parse_evidence("12").article_id == 12
    with pytest.raises(StoreError, match="is not evidence"):
        parse_evidence("page:3")
