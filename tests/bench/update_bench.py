"""Update check: 100 new articles against 1,000 open follow-ups, over a small and a tenfold
archive. Only the new articles are read, so the two should cost about the same."""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

from db.store import open_store
from desktop.tracking.updates import check_updates
from tests.bench.corpus import COUNTRIES, ITEMS, PEOPLE, article, cached_store
from tests.bench.harness import Row

NEW = 100
FOLLOWUPS = 1_000


def archive(size: int) -> Path:
    """``size`` articles (the last NEW of them new, dated 2023) and FOLLOWUPS open follow-ups
    born from early articles (cached)."""

    def fill(conn: sqlite3.Connection) -> None:
        rng = random.Random(11)
        rows = []
        for i in range(1, size + 1):
            text, published = article(rng, i)
            if i > size - NEW:
                published = date(2023, 1, 1) + timedelta(days=i % 300)
            elif i <= FOLLOWUPS:
                published = date(2016, 1, 1) + timedelta(days=i % 300)
            rows.append((i, text.split("\n", 1)[0], text, published.isoformat(), f"h{i}"))
            if len(rows) == 5_000:
                _insert_articles(conn, rows)
                rows = []
        _insert_articles(conn, rows)
        for i in range(1, FOLLOWUPS + 1):
            a, b = rng.sample(COUNTRIES, 2)
            item = rng.choice(ITEMS)
            conn.execute(
                "INSERT INTO fact (id, article_id, kind, predicate, modality, confidence, status, version,"
                " created_at, updated_at, origin) VALUES (?, ?, 'expectation', 'sign contract', 'expected',"
                " 0.5, 'confirmed', 1, '2020-01-01', '2020-01-01', 'analyst')",
                (i, i),
            )
            conn.executemany(
                "INSERT INTO fact_role (fact_id, role, literal) VALUES (?, 'participant', ?)",
                [(i, a), (i, b), (i, item.split()[0]), (i, rng.choice(PEOPLE))],
            )
            conn.execute(
                "INSERT INTO followup (fact_id, question, due_start, due_end, state, created_at, updated_at)"
                " VALUES (?, ?, '2016-06-01', '2024-12-31', 'open', '2020-01-01', '2020-01-01')",
                (i, f"Was the {a}–{b} {item} contract signed?"),
            )

    return cached_store(f"archive_{size}", fill)


def _insert_articles(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    conn.executemany(
        "INSERT INTO article (id, title, text, source, published, published_precision, imported_at,"
        " content_hash, review_state) VALUES (?, ?, ?, 'bench', ?, 'day', '2023-06-01', ?, 'new')",
        rows,
    )


def _check(size: int) -> float:
    store = open_store(archive(size))
    new_ids = list(range(size - NEW + 1, size + 1))
    began = time.perf_counter()
    results = check_updates(store, as_of=date(2024, 1, 1), new_article_ids=new_ids)
    seconds = time.perf_counter() - began
    store.close()
    assert len(results) == FOLLOWUPS
    return seconds


def run(quick: bool) -> list[Row]:
    small, large = (2_000, 20_000) if quick else (10_000, 100_000)
    small_s, large_s = _check(small), _check(large)
    ratio = large_s / small_s
    tag = "" if not quick else f" ({small:,} and {large:,} articles in quick mode)"
    return [
        Row("update_check_10k_s", small_s, "s", None, None, "—" + tag, None),
        Row("update_check_100k_s", large_s, "s", small_s, ratio, "ratio ≤ 1.5", ratio <= 1.5),
    ]
