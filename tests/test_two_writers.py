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

from db.store import Store, open_store
from desktop.ingest.importer import import_paths
from desktop.tracking.facts import ConflictError, FactDraft, create_fact, update_fact


def test_the_second_edit_of_a_fact_gets_a_conflict_naming_the_first(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("date 2018-10-05 Deal\n\nIndia and Russia signed the deal.\n")
    [(_, article)] = import_paths(store, [tmp_path / "a.txt"]).imported
    fact = create_fact(store, draft=FactDraft(article, 0, 4, predicate="sign"), who="ana")
    other_window = open_store(db_path)  # a second app on the same file
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
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT predicate, version FROM fact").fetchone() == ("sign deal", 2)
    other_window.close()


def test_a_cli_import_while_another_writer_holds_the_database(
    db_path: Path, tmp_path: Path
) -> None:
    open_store(db_path).close()
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"date 2018-10-0{i + 1} Story {i}\n\nText number {i}.\n")
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute(
        "INSERT INTO label_def (name, color, description, created_at)"
        " VALUES ('X', '', '', '2020-01-01')"
    )
    threading.Timer(1.5, lambda: holder.execute("COMMIT")).start()
    began = time.monotonic()
    exe = Path(sys.executable).with_name("factdesk")
    done = subprocess.run(
        [str(exe), "--db", str(db_path), "import", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ,
    )
    waited = time.monotonic() - began
    holder.close()
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Imported 5 new articles.\n"
    assert waited >= 1.0, "the import waited for the other writer instead of failing"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM article").fetchone() == (5,)
        assert conn.execute("SELECT count(*) FROM label_def").fetchone() == (1,)
