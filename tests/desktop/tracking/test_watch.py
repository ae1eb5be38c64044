"""A window's watch on the store learns of another session's commits: on SQLite from the
commit counter, on PostgreSQL from the notifications of migration 0009; a look when
nothing was committed reads no table."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from db import changes
from db.store import Store, open_store
from desktop.ingest.importer import import_paths
from desktop.tracking.watch import StoreWatch

pytestmark = pytest.mark.both_backends
DEADLINE_S = 60
"""Longest wait for a committed change to be heard (a deadline for a slow machine)."""


def test_the_watch_hears_an_import_by_another_session_and_idles_cheaply(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = StoreWatch(store)
    watch.start()
    reads = []
    real = changes.changes_since
    monkeypatch.setattr(
        "desktop.tracking.watch.changes_since",
        lambda conn, marks: reads.append(1) or real(conn, marks),
    )
    assert watch.poll() is None and watch.poll() is None
    assert reads == [], "nothing was committed: no table was read"

    other = open_store(store.url)  # another analyst's app
    (tmp_path / "a.txt").write_text("date 2018-10-05 Deal\n\nIndia signed the deal.\n")
    [(_, article)] = import_paths(other, [tmp_path / "a.txt"]).imported
    other.close()
    deadline = time.monotonic() + DEADLINE_S
    heard = watch.poll()
    while heard is None and time.monotonic() < deadline:
        time.sleep(0.01)  # a poll loop with a deadline: leave the core to the server
        heard = watch.poll()
    watch.close()
    assert heard is not None and heard.new_articles == [article]
    assert "article" in heard.tables
