"""Shared fixtures: a fresh SQLite file per test, the real spaCy model once per session."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FACTDESK_ANALYST", "tester")

from db.store import Store, open_store

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_FILE = SEEDS / "000_ad89e30ba3bb10d0.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "factdesk.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def english() -> tuple[Any, Any]:
    """The real installed English pipeline and its ModelInfo (loaded once)."""
    from desktop.nlp.pipeline import load_pipeline

    nlp, info = load_pipeline(None)
    assert info.statistical, "the English spaCy model must be installed for the tests"
    return nlp, info


@pytest.fixture
def seeded(store: Store, english: tuple[Any, Any]) -> Store:
    """A store holding the seed article with the real model's suggestions."""
    from desktop.ingest.importer import import_paths
    from desktop.nlp.suggest import suggest_articles

    import_paths(store, [SEED_FILE])
    suggest_articles(store, *english)
    return store


@pytest.fixture
def read_only_db(db_path: Path) -> Iterator[Path]:
    """``db_path`` made unwritable: ``chattr +i`` where it works (mode bits do not stop
    root), else ``chmod 444``."""
    if subprocess.run(["chattr", "+i", str(db_path)], capture_output=True).returncode == 0:
        try:
            yield db_path
        finally:
            subprocess.run(["chattr", "-i", str(db_path)], check=True)
        return
    mode = db_path.stat().st_mode
    db_path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        if os.access(db_path, os.W_OK):
            pytest.skip("cannot make a file read-only here")
        yield db_path
    finally:
        db_path.chmod(mode)
