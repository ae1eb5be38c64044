"""CSV export of facts against the ``sqlite3 -csv`` shell running the same query."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from db.exports import ExportFilter, build_query, export_csv
from db.store import open_store
from tests.bench.corpus import cached_store
from tests.bench.harness import Row, ratio_row

ROLES = ("buyer", "seller", "item")


def facts_db(count: int) -> Path:
    """A store with ``count`` facts, each with three roles and an evidence quote (cached)."""

    def fill(conn: sqlite3.Connection) -> None:
        rng = random.Random(3)
        articles = max(1, count // 100)
        conn.executemany(
            "INSERT INTO article (id, title, text, source, published, published_precision, imported_at,"
            " content_hash, review_state) VALUES (?, ?, ?, 'bench', ?, 'day', '2020-01-01', ?, 'new')",
            (
                (
                    i,
                    f"Article {i}, with a comma",
                    f"Text {i}",
                    f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    f"h{i}",
                )
                for i in range(1, articles + 1)
            ),
        )
        conn.executemany(
            "INSERT INTO entity (id, name, type, notes, created_at) VALUES (?, ?, 'GPE', '', '2020-01-01')",
            ((i, f"Country {i}") for i in range(1, 201)),
        )
        conn.executemany(
            "INSERT INTO fact (id, article_id, kind, predicate, modality, confidence, status, version,"
            " created_at, updated_at, origin, time_value) VALUES (?, ?, 'event', ?, 'asserted', 1.0,"
            " 'confirmed', 1, '2020-01-01', '2020-01-01', 'analyst', '2019-10')",
            (
                (i, 1 + i % articles, rng.choice(["sign deal", "=SUM(A1)", 'deliver "S-400"']))
                for i in range(1, count + 1)
            ),
        )
        conn.executemany(
            "INSERT INTO fact_role (fact_id, role, entity_id, literal) VALUES (?, ?, ?, ?)",
            (
                (
                    i,
                    role,
                    rng.randrange(1, 201) if role != "item" else None,
                    "S-400" if role == "item" else None,
                )
                for i in range(1, count + 1)
                for role in ROLES
            ),
        )
        conn.executemany(
            'INSERT INTO evidence (fact_id, article_id, start, "end", quote) VALUES (?, ?, 0, 5, \'quote, "x"\')',
            ((i, 1 + i % articles) for i in range(1, count + 1)),
        )

    return cached_store(f"facts_{count}", fill)


def _shell_sql(sql: str, params: dict[str, object]) -> str:
    for name in sorted(params, key=len, reverse=True):
        sql = sql.replace(f":{name}", "'" + str(params[name]).replace("'", "''") + "'")
    return sql


def run(quick: bool) -> list[Row]:
    count = 100_000 if quick else 1_000_000
    source = facts_db(count)
    if shutil.which("sqlite3") is None:
        return [
            Row("csv_export_ratio", 0, "rows/s", None, None, "ratio ≥ 0.5 (no sqlite3 shell)", None)
        ]
    store = open_store(source)
    with store.engine.connect() as conn:
        _headers, sql, params = build_query(conn, "facts", ExportFilter())
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, shell_path = Path(tmp) / "ours.csv", Path(tmp) / "shell.csv"
        began = time.perf_counter()
        with ours_path.open("w", encoding="utf-8", newline="") as fh:
            rows = export_csv(store.engine, "facts", fh)
        ours = time.perf_counter() - began
        began = time.perf_counter()
        with shell_path.open("wb") as fh:
            subprocess.run(
                ["sqlite3", "-csv", str(source), _shell_sql(sql, params)], stdout=fh, check=True
            )
        shell = time.perf_counter() - began
    store.close()
    assert rows == count
    return [ratio_row("csv_export_ratio", rows / ours, "rows/s", count / shell, 0.5, True)]
