"""Killing the importer and the suggester (SIGKILL) at random moments loses nothing and
leaves nothing half-written; running again finishes the job without duplicates."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bench.corpus import article

pytestmark = pytest.mark.model

FILES = 60
TRIALS = 15  # each of import and suggest: 30 kills in all


def factdesk(db: Path, *args: str) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("factdesk")
    env = os.environ | {"FACTDESK_DB": str(db)}
    return subprocess.Popen(
        [str(exe), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def finish(db: Path, *args: str) -> None:
    """Run to the end; a failure shows the sentence the command printed."""
    exe = Path(sys.executable).with_name("factdesk")
    done = subprocess.run(
        [str(exe), *args], env=os.environ | {"FACTDESK_DB": str(db)}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def kill_after(proc: subprocess.Popen[bytes], seconds: float) -> bool:
    """SIGKILL after ``seconds`` unless it finished first; True if it was killed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return True


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


def test_sigkill_during_import_and_suggest(tmp_path: Path) -> None:
    rng = random.Random(2026)
    folder = tmp_path / "in"
    folder.mkdir()
    corpus_rng = random.Random(9)
    for i in range(FILES):
        text, published = article(corpus_rng, i)
        (folder / f"{i:03d}.txt").write_text(f"date {published} {text}", encoding="utf-8")

    reference = tmp_path / "reference.sqlite3"
    assert factdesk(reference, "import", str(folder)).wait() == 0
    assert factdesk(reference, "suggest").wait() == 0
    _, _, expected_counts, _ = state(reference)

    db = tmp_path / "crashy.sqlite3"
    killed = 0
    for _ in range(TRIALS):
        killed += kill_after(factdesk(db, "import", str(folder)), rng.uniform(0.3, 1.6))
        if db.exists():
            integrity, articles, counts, _ = state(db)
            assert integrity == "ok" and articles <= FILES and not counts
    for _ in range(TRIALS):
        killed += kill_after(factdesk(db, "suggest"), rng.uniform(0.8, 4.0))
        integrity, _articles, counts, suggested = state(db)
        assert integrity == "ok"
        assert set(counts) <= suggested, "an article has highlights but is not marked suggested"
        assert all(counts[a] == expected_counts[a] for a in counts if a in expected_counts)
    assert killed >= TRIALS, f"only {killed} of {2 * TRIALS} runs were killed mid-way"

    finish(db, "import", str(folder))
    finish(db, "suggest")
    integrity, articles, counts, suggested = state(db)
    assert (integrity, articles) == ("ok", FILES)
    per_text = (
        "SELECT content_hash, (SELECT count(*) FROM mention m WHERE m.article_id = a.id) "
        "FROM article a"
    )
    with sqlite3.connect(db) as conn, sqlite3.connect(reference) as ref:
        assert dict(conn.execute(per_text)) == dict(ref.execute(per_text))
