"""The ``factdesk`` entry point: a window start paints before the database layer or spaCy
is imported; every command still reaches the full command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.launch import window_request

FACTDESK = Path(sys.executable).with_name("factdesk")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, None, [])),
        (["--db", "x.db"], ("x.db", None, [])),
        (["--model=en_core_web_sm", "--db=x.db"], ("x.db", "en_core_web_sm", [])),
        (["open"], (None, None, [])),
        (["--db", "x.db", "open", "a.txt", "b.md"], ("x.db", None, [Path("a.txt"), Path("b.md")])),
        (["import", "a.txt"], None),
        (["--version"], None),
        (["--self-test"], None),
        (["-h"], None),
        (["--db"], None),
        (["open", "--help"], None),
    ],
)
def test_only_plain_window_starts_skip_the_command_line(
    argv: list[str], expected: tuple[str | None, str | None, list[Path]] | None
) -> None:
    assert window_request(argv) == expected


def test_the_window_paints_before_the_database_layer_and_spacy_are_imported(
    tmp_path: Path,
) -> None:
    db = tmp_path / "start.sqlite3"
    script = (
        f"import sys; sys.argv = ['factdesk', '--db', {str(db)!r}]\n"
        "from desktop.launch import main\nmain()\n"
    )
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "FACTDESK_EXIT_ON_PAINT": "1"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("painted ")
    imported = {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "desktop.ui.app" in imported
    heavy = {"sqlalchemy", "sqlmodel", "alembic", "spacy", "desktop.cli"}
    assert sorted(heavy & imported) == []


def test_commands_reach_the_full_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(FACTDESK), "--db", str(tmp_path / "cmd.sqlite3"), "db", "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = dict(line.split(maxsplit=1) for line in result.stdout.splitlines())
    assert report["integrity"] == "ok"
    assert report["schema_version"] == report["schema_head"]
