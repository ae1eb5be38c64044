"""Bad stores get one sentence in the CLI and the GUI, and lose or overwrite nothing:
a read-only file, a file another program holds locked, a full disk."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from db.store import BUSY_TIMEOUT_ENV, MAX_PAGES_ENV, open_store
from desktop.cli import run


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", str(db), *args], out, err)
    return code, out.getvalue(), err.getvalue()


def count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM article").fetchone()[0])


@pytest.fixture
def one_article(db_path: Path, tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("date 2018-10-05 First\n\nIndia and Russia signed.\n")
    assert cli(db_path, "import", str(tmp_path / "a.txt"))[0] == 0
    (tmp_path / "b.txt").write_text("date 2018-10-06 Second\n\nThe US reacted.\n")
    return tmp_path / "b.txt"


def test_a_read_only_file(one_article: Path, read_only_db: Path) -> None:
    db_path = read_only_db
    before = db_path.read_bytes()
    code, _out, err = cli(db_path, "import", str(one_article))
    assert code == 2
    assert err.count("\n") == 1 and "is read-only" in err
    assert db_path.read_bytes() == before


def test_a_file_locked_by_another_program(
    db_path: Path, one_article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "300")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, _out, err = cli(db_path, "import", str(one_article))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and "is locked by another program. Close it and try again." in err
    assert count(db_path) == 1
    assert cli(db_path, "import", str(one_article))[0] == 0
    assert count(db_path) == 2


def test_a_full_disk(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    big = tmp_path / "big.txt"
    big.write_text("date 2018-10-05 Big\n\n" + "India and Russia signed the contract. " * 20_000)
    monkeypatch.setenv(MAX_PAGES_ENV, str(pages + 4))
    code, _out, err = cli(db_path, "import", str(big))
    assert code == 2
    assert "is full (or the database reached its size limit); the last change was not saved" in err
    monkeypatch.delenv(MAX_PAGES_ENV)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM article").fetchone() == (0,)
    assert cli(db_path, "import", str(big))[0] == 0
