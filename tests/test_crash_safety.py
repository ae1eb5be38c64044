"""Killing the importer and the suggester (SIGKILL) mid-work loses nothing and leaves
nothing half-written; running again finishes the job without duplicates.

The kills land at points chosen from the work, not the clock: ``FACTDESK_CRASH_AT`` makes
the command kill itself just before its N-th commit (a batch written, not committed) or
just after it (N batches stored), so every trial lands mid-work on any machine, fast or
slow (``db/crash_points.py``)."""

from __future__ import annotations

import math
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ingest.importer import BATCH as IMPORT_BATCH
from tests.bench.corpus import article

pytestmark = pytest.mark.model

IMPORT_FILES = 6 * IMPORT_BATCH  # six batches: five kill points on either side of a commit
SUGGEST_FILES = 60
SUGGEST_BATCH = 16  # desktop.nlp.suggest.suggest_articles' default batch
IMPORT_TRIALS = 15
SUGGEST_TRIALS = 10  # each loads the model: 25 kills in all


def factdesk(db: Path, *args: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("factdesk")
    env = os.environ | {"FACTDESK_DB": str(db)}
    env.pop("FACTDESK_CRASH_AT", None)
    if crash_at:
        env["FACTDESK_CRASH_AT"] = crash_at
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True)


def finish(db: Path, *args: str) -> None:
    """Run to the end; a failure shows the sentence the command printed."""
    done = factdesk(db, *args)
    assert done.returncode == 0, done.stderr


def killed(db: Path, crash_at: str, *args: str) -> None:
    """Run with a crash point that lies inside the work: the command must die by SIGKILL."""
    done = factdesk(db, *args, crash_at=crash_at)
    assert done.returncode == -signal.SIGKILL, (
        f"{' '.join(args)} with FACTDESK_CRASH_AT={crash_at} was not killed mid-way "
        f"(exit {done.returncode}): {done.stdout}{done.stderr}"
    )


def crash_point(rng: random.Random, commits: int) -> str:
    """Before one of the run's commits, or after one that is not its last."""
    if commits > 1 and rng.random() < 0.5:
        return f"after-commit:{rng.randint(1, commits - 1)}"
    return f"commit:{rng.randint(1, commits)}"


def state(db: Path) -> tuple[str, int, dict[int, int], set[int]]:
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "article" not in tables:
            # Killed while the first run was still creating the schema: that transaction
            # was rolled back, and the next run starts it again.
            return integrity, 0, {}, set()
        articles = conn.execute("SELECT count(*) FROM article").fetchone()[0]
        counts = dict(
            conn.execute("SELECT article_id, count(*) FROM mention GROUP BY article_id").fetchall()
        )
        suggested = {
            r[0] for r in conn.execute("SELECT id FROM article WHERE suggested_by IS NOT NULL")
        }
        assert (
            conn.execute(
                "SELECT count(*) FROM article WHERE text = '' OR content_hash = ''"
            ).fetchone()[0]
            == 0
        )
    return integrity, articles, counts, suggested


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    corpus_rng = random.Random(9)
    for i in range(count):
        text, published = article(corpus_rng, i)
        (folder / f"{i:03d}.txt").write_text(f"date {published} {text}", encoding="utf-8")


def test_sigkill_during_import(tmp_path: Path) -> None:
    rng = random.Random(2026)
    folder = tmp_path / "in"
    write_corpus(folder, IMPORT_FILES)
    db = tmp_path / "crashy.sqlite3"
    # Every run commits once per batch of files, new or already stored; the first run
    # commits the schema first, so its first crash point may fall inside the migration.
    batches = math.ceil(IMPORT_FILES / IMPORT_BATCH)
    stored_after_kills: list[int] = []
    for trial in range(IMPORT_TRIALS):
        killed(db, crash_point(rng, batches + (trial == 0)), "import", str(folder))
        if db.exists():
            integrity, articles, counts, _ = state(db)
            assert integrity == "ok" and not counts
            assert articles % IMPORT_BATCH == 0, "a batch of articles was half-written"
            stored_after_kills.append(articles)
    assert min(stored_after_kills) < IMPORT_FILES, "no kill landed before the last batch"

    finish(db, "import", str(folder))
    integrity, articles, _counts, _ = state(db)
    assert (integrity, articles) == ("ok", IMPORT_FILES)


def test_sigkill_during_suggest(tmp_path: Path) -> None:
    rng = random.Random(2026)
    folder = tmp_path / "in"
    write_corpus(folder, SUGGEST_FILES)
    reference = tmp_path / "reference.sqlite3"
    finish(reference, "import", str(folder))
    finish(reference, "suggest")
    _, _, expected_counts, _ = state(reference)

    db = tmp_path / "crashy.sqlite3"
    finish(db, "import", str(folder))
    for _ in range(SUGGEST_TRIALS):
        _, articles, _, suggested = state(db)
        remaining = articles - len(suggested)
        if remaining == 0:
            break
        # A run commits once per batch of the articles still without suggestions.
        killed(db, crash_point(rng, math.ceil(remaining / SUGGEST_BATCH)), "suggest")
        integrity, _articles, counts, now_suggested = state(db)
        assert integrity == "ok"
        assert set(counts) <= now_suggested, "an article has highlights but is not marked suggested"
        assert all(counts[a] == expected_counts[a] for a in counts if a in expected_counts)
        assert len(now_suggested) < articles, "the kill came after the last batch"

    finish(db, "suggest")
    integrity, articles, counts, suggested = state(db)
    assert (integrity, articles, len(suggested)) == ("ok", SUGGEST_FILES, SUGGEST_FILES)
    per_text = (
        "SELECT content_hash, (SELECT count(*) FROM mention m WHERE m.article_id = a.id) "
        "FROM article a"
    )
    with sqlite3.connect(db) as conn, sqlite3.connect(reference) as ref:
        assert dict(conn.execute(per_text)) == dict(ref.execute(per_text))
