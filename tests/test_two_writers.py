"""Two analysts, one database: both keep working; no edit is silently overwritten."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from db.models import Fact
from db.store import Store, open_store
from desktop.ingest.importer import import_paths
from desktop.tracking import facts
from desktop.tracking.facts import ConflictError, FactDraft, create_fact, update_fact

pytestmark = pytest.mark.both_backends


def stored_fact(store: Store) -> tuple[str, int]:
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT predicate, version FROM fact")).one()
    return row[0], row[1]


def test_the_second_edit_of_a_fact_gets_a_conflict_naming_the_first(
    store: Store, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("date 2018-10-05 Deal\n\nIndia and Russia signed the deal.\n")
    [(_, article)] = import_paths(store, [tmp_path / "a.txt"]).imported
    fact = create_fact(store, draft=FactDraft(article, 0, 4, predicate="sign"), who="ana")
    other_window = open_store(store.url)  # a second app on the same database
    seen_by_bo = fact.version
    update_fact(
        store,
        fact_id=fact.id,
        expected_version=fact.version,
        changes={"predicate": "sign deal"},
        who="ana",
    )  # type: ignore[arg-type]
    with pytest.raises(ConflictError) as raised:
        update_fact(
            other_window,
            fact_id=fact.id,
            expected_version=seen_by_bo,
            changes={"predicate": "agree"},
            who="bo",
        )  # type: ignore[arg-type]
    message = str(raised.value)
    assert "ana changed it at" in message and "predicate: 'sign' → 'sign deal'" in message
    assert message.endswith("reload the fact and make it again.")
    assert stored_fact(store) == ("sign deal", 2)
    other_window.close()


def test_two_analysts_saving_the_same_fact_at_once_one_wins_one_is_told(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two sessions, each in its own thread, save an edit of the fact both read at version
    1. Ana's transaction has read the fact and is about to write when Bo saves: Bo's save
    waits for hers (the read takes the row's lock; on SQLite the database's write lock),
    so Ana's edit is stored and Bo gets a conflict naming it. Were the read not a locking
    one, Bo's save would finish meanwhile and Ana's would write over it: both "saved"."""
    monkeypatch.setenv("FACTDESK_BUSY_TIMEOUT_MS", "600000")  # Bo waits as long as it takes
    if store.engine.dialect.name == "sqlite" and not Path("/proc/self/task").exists():
        pytest.skip("needs /proc/self/task/TID/wchan to see Bo's save wait")
    (tmp_path / "a.txt").write_text("date 2018-10-05 Deal\n\nIndia and Russia signed the deal.\n")
    [(_, article)] = import_paths(store, [tmp_path / "a.txt"]).imported
    fact = create_fact(store, draft=FactDraft(article, 0, 4, predicate="sign"), who="ana")
    assert fact.id is not None
    windows = {"ana": open_store(store.url), "bo": open_store(store.url)}
    ana_has_read, ana_may_write = threading.Event(), threading.Event()
    bo_thread: list[int] = []
    real_read = facts.get_for_update

    def read_pausing(session: Session, model: type[Fact], ident: int) -> Fact | None:
        found = real_read(session, model, ident)
        if threading.current_thread().name == "ana":
            ana_has_read.set()
            assert ana_may_write.wait(timeout=600)
        return found

    monkeypatch.setattr(facts, "get_for_update", read_pausing)
    outcome: dict[str, str] = {}

    def save(who: str) -> None:
        if who == "bo":
            bo_thread.append(threading.get_native_id())
        try:
            update_fact(windows[who], fact_id=fact.id or 0, expected_version=fact.version,
                        changes={"predicate": f"sign ({who})"}, who=who)  # fmt: skip
            outcome[who] = "saved"
        except ConflictError as exc:
            outcome[who] = str(exc)

    ana = threading.Thread(target=save, args=("ana",), name="ana")
    bo = threading.Thread(target=save, args=("bo",), name="bo")
    ana.start()
    assert ana_has_read.wait(timeout=600)
    bo.start()
    deadline = time.monotonic() + 600
    while bo.is_alive() and not waiting_for_the_lock(store, bo_thread):
        assert time.monotonic() < deadline, "Bo's save neither finished nor waited"
        time.sleep(0.005)
    ana_may_write.set()
    ana.join()
    bo.join()
    for window in windows.values():
        window.close()
    assert outcome["ana"] == "saved"
    assert "ana changed it at" in outcome["bo"], outcome["bo"]
    assert stored_fact(store) == ("sign (ana)", 2)


def waiting_for_the_lock(store: Store, thread_ids: list[int]) -> bool:
    """A session waits for another's lock: on PostgreSQL the server says so; SQLite's
    waiting thread sleeps in its busy handler (nanosleep between retries)."""
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as conn:
            query = text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            return bool(conn.execute(query).scalar_one())
    if not thread_ids:
        return False
    try:
        return "nanosleep" in Path(f"/proc/self/task/{thread_ids[0]}/wchan").read_text()
    except OSError:
        return False


def waiting_in_sqlite(pid: int) -> bool:
    """The process sleeps in SQLite's busy handler (nanosleep between retries)."""
    try:
        return "nanosleep" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False


def test_a_cli_import_while_another_writer_holds_the_database(
    db_path: Path, tmp_path: Path
) -> None:
    if not Path("/proc/self/wchan").exists():
        pytest.skip("needs /proc/PID/wchan to see the importer wait")
    open_store(db_path).close()
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"date 2018-10-0{i + 1} Story {i}\n\nText number {i}.\n")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute(
        "INSERT INTO label_def (name, color, description, created_at)"
        " VALUES ('X', '', '', '2020-01-01')"
    )
    exe = Path(sys.executable).with_name("factdesk")
    # A busy timeout far beyond any run: the importer must wait for the lock, however slow
    # the machine, and the lock is released only once it is seen waiting.
    env = os.environ | {"FACTDESK_BUSY_TIMEOUT_MS": "600000"}
    importer = subprocess.Popen(
        [str(exe), "--db", str(db_path), "import", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 120
    while not waiting_in_sqlite(importer.pid) and importer.poll() is None:
        assert time.monotonic() < deadline, "the importer never reached the locked database"
        time.sleep(0.005)
    seen_waiting = importer.poll() is None
    holder.execute("COMMIT")
    holder.close()
    out, err = importer.communicate(timeout=120)
    assert importer.returncode == 0, err
    assert seen_waiting, "the import finished while another writer held the database"
    assert out == "Imported 5 new articles.\n"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM article").fetchone() == (5,)
        assert conn.execute("SELECT count(*) FROM label_def").fetchone() == (1,)
