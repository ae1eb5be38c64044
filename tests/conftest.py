"""Shared fixtures: a fresh SQLite file per test (or, in the modules marked
``both_backends``, a fresh SQLite file and a fresh PostgreSQL database: the same test runs
on each), the real spaCy model once per session."""

from __future__ import annotations

import os
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FACTDESK_ANALYST", "tester")

from db.store import Store, open_store, to_url
from tests.postgres_server import NoPostgres, PostgresServer, start_server

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_FILE = SEEDS / "000_ad89e30ba3bb10d0.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "factdesk.sqlite3"


BACKENDS = ("sqlite", "postgresql")
_postgres_state: dict[str, Any] = {"ids": set()}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store_url" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "both_backends"
    ):
        metafunc.parametrize("store_url", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the whole run (skips when none can be started)."""
    began = time.monotonic()
    try:
        server = start_server()
    except NoPostgres as exc:
        _postgres_state["skipped"] = str(exc)
        pytest.skip(str(exc))
    _postgres_state["started"] = time.monotonic() - began
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def store_url(request: pytest.FixtureRequest, db_path: Path) -> str:
    """Where the test's store lives: the SQLite file, or a fresh PostgreSQL database."""
    if getattr(request, "param", "sqlite") == "sqlite":
        return to_url(db_path)
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.new_database()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def _on_postgres(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    on_param = callspec is not None and callspec.params.get("store_url") == "postgresql"
    return on_param or "postgres" in getattr(item, "fixturenames", ())


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.nodeid not in _postgres_state["ids"]:
        return
    _postgres_state["seconds"] = _postgres_state.get("seconds", 0.0) + report.duration
    if report.when == "call" and report.passed:
        _postgres_state["passed"] = _postgres_state.get("passed", 0) + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    _postgres_state["ids"] = {item.nodeid for item in items if _on_postgres(item)}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say whether the PostgreSQL half ran, and what it added to the run (the tests'
    set-up, run and tear-down, starting the server included); why not when it did not."""
    if "skipped" in _postgres_state:
        terminalreporter.write_line(_postgres_state["skipped"], yellow=True)
    elif "started" in _postgres_state:
        terminalreporter.write_line(
            f"PostgreSQL: {_postgres_state.get('passed', 0)} of "
            f"{len(_postgres_state['ids'])} tests passed on a throwaway server "
            f"({_postgres_state.get('seconds', 0.0):.1f} s in those tests, "
            f"{_postgres_state['started']:.1f} s of it starting the server)"
        )


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
