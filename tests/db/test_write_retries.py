"""The app's writing services on PostgreSQL: a deadlock or serialization failure is
retried through ``Store.write`` (the analyst sees the change saved, once), and two
analysts deciding the same highlight at the same moment get one decision stored and one
told, in the version check's sentence."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import Session

from db.models import Audit, FollowUp, FollowUpState, Mention, MentionState
from db.store import Store, open_store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.tracking import decisions
from desktop.tracking import followups as lifecycle
from desktop.tracking.decisions import decide_mention
from desktop.tracking.entities import merge
from desktop.tracking.facts import ConflictError, FactDraft, create_fact, update_fact
from desktop.tracking.review import add_mention
from tests.postgres_server import SUPERUSER, PostgresServer

TEXT = "date 2018-06-09 Deal\n\nIndia and Russia will sign the contract in Delhi.\n"


def abort_once(store: Store, table: str, sqlstate: str) -> None:
    """The next write of ``table`` is aborted by the server with ``sqlstate`` (a sequence
    counts the writes: it is not rolled back with the aborted transaction)."""
    with store.engine.begin() as conn:
        conn.execute(text("CREATE SEQUENCE abort_once"))
        conn.execute(
            text(
                "CREATE FUNCTION abort_once() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF nextval('abort_once') = 1 THEN "
                f"RAISE EXCEPTION 'injected' USING ERRCODE = '{sqlstate}'; END IF; "
                "RETURN NEW; END $$"
            )
        )
        conn.execute(
            text(
                f"CREATE TRIGGER abort_once BEFORE INSERT OR UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION abort_once()"
            )
        )


def aborts_met(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT last_value FROM abort_once")).scalar_one())


def audit_actions(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(text("SELECT action FROM audit ORDER BY id")).scalars())


@pytest.fixture
def desk(postgres: PostgresServer, tmp_path: Path) -> Iterator[Store]:
    """A PostgreSQL store with one article, two highlights, a fact and its follow-up."""
    store = open_store(postgres.new_database())
    (tmp_path / "a.txt").write_text(TEXT)
    [(_, article)] = import_paths(store, [tmp_path / "a.txt"]).imported
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT text FROM article")).scalar_one()
    for name in ("India", "Russia"):
        start = stored.index(name)
        add_mention(store, article_id=article, start=start, end=start + len(name), label="GPE",
                    who="ana")  # fmt: skip
    fact = create_fact(store, draft=FactDraft(article, 0, 4, predicate="sign"), who="ana")
    with store.transaction() as session:
        session.add(FollowUp(fact_id=fact.id or 0, question="Signed?", state="open"))
    yield store
    store.close()


def first(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT min(id) FROM {table}")).scalar_one())


def version_of(store: Store, table: str, row_id: int) -> int:
    with store.engine.connect() as conn:
        query = text(f"SELECT version FROM {table} WHERE id = :id")
        return int(conn.execute(query, {"id": row_id}).scalar_one())


def decide(store: Store) -> None:
    mention_id = first(store, "mention")
    decide_mention(store, mention_id=mention_id, state=MentionState.REJECTED, who="ana",
                   version=version_of(store, "mention", mention_id))  # fmt: skip


def edit_fact(store: Store) -> None:
    update_fact(store, fact_id=first(store, "fact"), expected_version=1,
                changes={"predicate": "sign deal"}, who="ana")  # fmt: skip


def settle(store: Store) -> None:
    lifecycle.resolve(store, followup_id=first(store, "followup"), state=FollowUpState.HAPPENED,
                      who="rita")  # fmt: skip


def merge_entities(store: Store) -> None:
    with store.engine.connect() as conn:
        ids = conn.execute(text("SELECT entity_id FROM mention ORDER BY id")).scalars().all()
    merge(store, source_id=ids[1], target_id=ids[0], who="admin")


@pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
@pytest.mark.parametrize(
    ("service", "table", "action"),
    [
        (decide, "mention", "mention.rejected"),
        (edit_fact, "fact", "fact.update"),
        (settle, "followup", "followup.happened"),
        (merge_entities, "entity", "entity.merge"),
    ],
    ids=["decision", "fact-edit", "follow-up-resolution", "merge"],
)
def test_an_aborted_write_is_run_again_and_saved_once(
    desk: Store, service: Callable[[Store], None], table: str, action: str, sqlstate: str
) -> None:
    before = audit_actions(desk)
    abort_once(desk, table, sqlstate)
    service(desk)
    assert aborts_met(desk) >= 2  # the first attempt was aborted, a second one ran
    added = audit_actions(desk)[len(before) :]
    assert added.count(action) == 1


def test_an_import_batch_aborted_by_a_deadlock_is_stored_once(desk: Store, tmp_path: Path) -> None:
    abort_once(desk, "article", "40P01")
    for i in range(3):
        (tmp_path / f"n{i}.txt").write_text(f"date 2018-10-0{i + 1} Story {i}\n\nText {i}.\n")
    report = import_paths(desk, sorted(tmp_path.glob("n*.txt")))
    assert len(report.imported) == 3 and aborts_met(desk) >= 2
    with desk.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM article")).scalar_one() == 4


def waiting_for_a_lock(store: Store) -> bool:
    with store.engine.connect() as conn:
        query = text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        return bool(conn.execute(query).scalar_one())


def test_two_analysts_deciding_one_highlight_at_once_one_is_told(
    desk: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each analyst (a login of their own) decides the highlight both saw at one version.
    Ana's transaction has read it and is about to write when Bo decides it too; Bo's
    decision waits for hers (or, were the read not a locking one, would slip in between),
    then Bo gets the version check's sentence naming Ana's decision: one decision is
    stored, nothing is silently overwritten."""
    for name in ("ana", "bo"):
        err = io.StringIO()
        command = ["--db", desk.url, "team", "add-analyst", name, "--role", "analyst"]
        assert run(command, io.StringIO(), err) == 0, err.getvalue()
    mention_id = first(desk, "mention")
    seen = version_of(desk, "mention", mention_id)
    windows = {
        who: open_store(desk.url.replace(f"://{SUPERUSER}@", f"://{who}@")) for who in ("ana", "bo")
    }
    states = {"ana": MentionState.ACCEPTED, "bo": MentionState.REJECTED}
    ana_has_read, ana_may_write = threading.Event(), threading.Event()
    real_decide = decisions.decide

    def decide_pausing(session: Session, mention: Mention, *args: Any) -> Audit:
        if threading.current_thread().name == "ana" and not ana_may_write.is_set():
            ana_has_read.set()
            assert ana_may_write.wait(timeout=120)
        return real_decide(session, mention, *args)

    monkeypatch.setattr(decisions, "decide", decide_pausing)
    outcome: dict[str, str] = {}

    def save(who: str) -> None:
        try:
            decide_mention(windows[who], mention_id=mention_id, state=states[who], who=who,
                           version=seen)  # fmt: skip
            outcome[who] = "saved"
        except ConflictError as exc:
            outcome[who] = str(exc)

    ana = threading.Thread(target=save, args=("ana",), name="ana")
    bo = threading.Thread(target=save, args=("bo",), name="bo")
    ana.start()
    assert ana_has_read.wait(timeout=120)
    bo.start()
    deadline = time.monotonic() + 120
    while bo.is_alive() and not waiting_for_a_lock(desk):
        assert time.monotonic() < deadline, "Bo's decision neither finished nor waited"
        time.sleep(0.01)
    ana_may_write.set()
    ana.join()
    bo.join()
    for window in windows.values():
        window.close()
    assert outcome["ana"] == "saved"
    assert outcome["bo"].startswith("“India” was changed in another window meanwhile: ana ")
    assert outcome["bo"].endswith("It is now accepted as GPE; your change was not saved.")
    with desk.engine.connect() as conn:
        state, version = conn.execute(
            text("SELECT state, version FROM mention WHERE id = :id"), {"id": mention_id}
        ).one()
        decisions_made = conn.execute(
            text("SELECT who FROM audit WHERE target_table = 'mention' AND target_id = :id "
                 "AND action <> 'mention.create'"), {"id": mention_id}
        ).scalars().all()  # fmt: skip
    assert (state, version) == ("accepted", seen + 1)
    assert decisions_made == ["ana"]
