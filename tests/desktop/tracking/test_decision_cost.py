"""A decision is committed when ``decide_step`` returns, names the undo step its own
audit row made, and costs a fixed handful of statements (a regression guard for the
window's A and X: issue 15's accept_latency_ms), with the version check kept."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, select

from db.errors import StoreError
from db.models import Audit, Mention, MentionState
from db.store import Store, open_store
from db.suggestions import ArticleSuggestions, SpanSuggestion, store_suggestions
from desktop.ingest.importer import import_paths
from desktop.tracking.desk import Desk
from tests.desktop.tracking.test_tracking import mention

TEXT = "Narendra Modi met Vladimir Putin; India and Russia signed in October."

ACCEPT_NEW_ENTITY = 6
"""Read the highlight, look its entity up, insert the entity and its alias, update the
highlight, insert the audit row."""
ACCEPT_KNOWN_ENTITY = 4
REJECT = 3


@pytest.fixture
def article(store: Store, tmp_path: Path) -> int:
    path = tmp_path / "a.txt"
    path.write_text("date 2018-10-05\n" + TEXT, encoding="utf-8")
    [(_, article_id)] = import_paths(store, [path]).imported
    spans = [
        SpanSuggestion(TEXT.index(t), TEXT.index(t) + len(t), t, label)
        for t, label in (("Narendra Modi", "PERSON"), ("India", "GPE"), ("Russia", "GPE"))
    ]
    with store.engine.begin() as conn:
        store_suggestions(conn, items=[ArticleSuggestions(article_id, spans)], origin="model:t@1")
    return article_id


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    sent: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def test_an_accept_is_stored_and_names_its_step(store: Store, article: int, db_path: Path) -> None:
    modi = mention(store, "Narendra Modi")
    assert modi.id is not None
    updated, step, caption = Desk(store, "ana").decide_step(
        modi.id, MentionState.ACCEPTED, modi.version
    )
    other = open_store(db_path)  # another connection, as another process would read it
    try:
        with other.session() as session:
            row = session.get(Mention, modi.id)
            [audit] = session.scalars(select(Audit).where(Audit.target_id == modi.id))
    finally:
        other.close()
    assert row is not None and row.state == "accepted" and row.entity_id is not None
    assert (updated.state, updated.entity_id, updated.version) == (
        row.state,
        row.entity_id,
        modi.version + 1,
    )
    assert (step, audit.who, audit.action) == (audit.id, "ana", "mention.accepted")
    assert caption == "highlight accepted “Narendra Modi”"


def test_statements_per_decision(store: Store, article: int) -> None:
    desk = Desk(store, "ana")
    india, russia = mention(store, "India"), mention(store, "Russia")
    assert india.id is not None and russia.id is not None
    with statements(store) as accepting:
        desk.decide_step(india.id, MentionState.ACCEPTED, india.version)
    with statements(store) as rejecting:
        desk.decide_step(russia.id, MentionState.REJECTED, russia.version)
    again = mention(store, "Russia")
    assert again.id is not None
    with statements(store) as reaccepting:  # India's entity exists; Russia's does not
        desk.decide_step(again.id, MentionState.ACCEPTED, again.version)
    assert len(accepting) <= ACCEPT_NEW_ENTITY, accepting
    assert len(rejecting) <= REJECT, rejecting
    assert len(reaccepting) <= ACCEPT_NEW_ENTITY, reaccepting
    assert mention(store, "Russia").state == "accepted"


def test_a_known_entity_costs_no_insert(store: Store, article: int) -> None:
    desk = Desk(store, "ana")
    india = mention(store, "India")
    assert india.id is not None
    _accepted, step, _caption = desk.decide_step(india.id, MentionState.ACCEPTED, india.version)
    desk.undo(step)  # the highlight is unlinked again; its entity stays known
    again = mention(store, "India")
    assert again.id is not None and (again.state, again.entity_id) == ("suggested", None)
    with statements(store) as accepting:
        relinked, _step, _caption = desk.decide_step(again.id, MentionState.ACCEPTED, again.version)
    assert relinked.entity_id is not None
    assert len(accepting) <= ACCEPT_KNOWN_ENTITY, accepting
    assert not any(s.lstrip().upper().startswith("INSERT INTO ENTITY") for s in accepting)


def test_a_stale_version_is_refused_and_writes_nothing(store: Store, article: int) -> None:
    desk = Desk(store, "ana")
    india = mention(store, "India")
    assert india.id is not None
    desk.decide_step(india.id, MentionState.ACCEPTED, india.version)
    with pytest.raises(StoreError, match="changed in another window"):
        desk.decide_step(india.id, MentionState.REJECTED, india.version)
    assert mention(store, "India").state == "accepted"
    with store.session() as session:
        assert len(list(session.scalars(select(Audit)))) == 1
