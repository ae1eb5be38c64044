"""PostgreSQL rows, next to SQLite's: search p50/p95, the lists' first rows and the update
check at 100,000 articles (20,000 in quick mode), on the same archives as ``scale_bench``
and ``update_bench`` copied into a throwaway server's database by ``factdesk db copy``'s
bulk path (``COPY … FROM STDIN``, ``db/store_copy.py``): the copy of the 100,000-article
archive with its million facts and highlights takes minutes. Skipped, with the reason
printed, without the server's binaries. Ratios are PostgreSQL's figure over SQLite's; no
target yet."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from db.store import open_store
from db.store_copy import copy_store
from desktop.tracking.updates import check_updates
from tests.bench.harness import Row, keep_app
from tests.bench.scale_bench import _first_rows_ms, fts_figures, scale_db
from tests.bench.update_bench import FOLLOWUPS, NEW, archive
from tests.postgres_server import NoPostgres, PostgresServer, start_server


def _copied(server: PostgresServer, sqlite_file: Path) -> tuple[str, float]:
    """A new PostgreSQL database holding the file's rows, and the seconds the copy took
    (its closing VACUUM (ANALYZE) included)."""
    url = server.new_database()
    source, target = open_store(sqlite_file), open_store(url)
    began = time.perf_counter()
    copy_store(source, target)
    seconds = time.perf_counter() - began
    source.close()
    target.close()
    return url, seconds


def _check(location: str | Path, size: int) -> float:
    store = open_store(location)
    new_ids = list(range(size - NEW + 1, size + 1))
    began = time.perf_counter()
    results = check_updates(store, as_of=date(2024, 1, 1), new_article_ids=new_ids)
    seconds = time.perf_counter() - began
    store.close()
    assert len(results) == FOLLOWUPS
    return seconds


def _beside(id_: str, value: float, unit: str, reference: float, note: str) -> Row:
    ratio = value / reference if reference else float("inf")
    return Row(id_, value, unit, reference, ratio, "— (PostgreSQL / SQLite)" + note, None)


def run(quick: bool) -> list[Row]:
    try:
        server = start_server()
    except NoPostgres as exc:
        print(f"PostgreSQL rows skipped: {exc}")
        return []
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_app(QApplication.instance() or QApplication([]))
    size = 20_000 if quick else 100_000
    note = f" ({size:,} articles in quick mode)" if quick else ""
    try:
        scale = scale_db(size)
        scale_url, copy_s = _copied(server, scale)
        rows = [Row("pg_copy_scale_s", copy_s, "s", None, None, "—" + note, None)]
        sqlite_fts = {r.id: r.value for r in fts_figures(scale)}
        for row in fts_figures(scale_url):  # type: ignore[arg-type]
            rows.append(_beside(f"pg_{row.id}", row.value, "ms", sqlite_fts[row.id], note))
        rows.append(
            _beside(
                "pg_first_rows_ms",
                _first_rows_ms(scale_url),  # type: ignore[arg-type]
                "ms",
                _first_rows_ms(scale),
                note,
            )
        )
        updates = archive(size)
        updates_url, _seconds = _copied(server, updates)
        rows.append(
            _beside(
                f"pg_update_check_{size // 1000}k_s",
                _check(updates_url, size),
                "s",
                _check(updates, size),
                note,
            )
        )
        return rows
    finally:
        server.stop()
