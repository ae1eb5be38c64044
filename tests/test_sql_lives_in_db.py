"""SQL lives in ``db/``: no module elsewhere builds a query (SQLAlchemy's query builders,
``text()``) or holds SQL text. The detector is checked on samples first, so that a quiet
scan means clean code, not a blind scanner."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

QUERY_BUILDERS = {
    "select", "insert", "update", "delete", "text", "func", "and_", "or_", "not_",
    "exists", "case", "literal", "literal_column", "column", "table", "union", "join",
    "outerjoin", "bindparam", "distinct", "col", "aliased", "Select",
}  # fmt: skip
"""Names that build a query, from sqlalchemy, sqlalchemy.orm or sqlmodel."""
SQL_TEXT = re.compile(
    r"\b(SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|"
    r"CREATE\s+(TABLE|INDEX|VIRTUAL)|PRAGMA\s+\w+)\b"
)
"""SQL as written in string literals (upper-case keywords, as this code base writes it)."""

NOT_YET = {
    "desktop/cli_tracking.py",
    "desktop/nlp/suggest.py",
    "desktop/tracking/followups.py",
    "desktop/tracking/updates.py",
}
"""Modules being changed in another branch this round; round 2 moves their queries into
db/ and empties this set."""


def sql_in(source: str) -> list[str]:
    """What in a module's source builds or holds SQL, one line each."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            package = node.module.split(".")[0]
            if package in {"sqlalchemy", "sqlmodel"}:
                found += [
                    f"line {node.lineno}: imports {a.name} from {node.module}"
                    for a in node.names
                    if a.name in QUERY_BUILDERS
                ]
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in {"sqlalchemy", "sa"}
            and node.attr in QUERY_BUILDERS
        ):
            found.append(f"line {node.lineno}: uses {node.value.id}.{node.attr}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and SQL_TEXT.search(node.value)
        ):
            found.append(f"line {node.lineno}: SQL text {node.value[:40]!r}")
    return found


def outside_db() -> dict[str, list[str]]:
    return {
        str(path.relative_to(REPO)): sql_in(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "desktop").rglob("*.py"))
    }


def test_the_detector_finds_each_kind_of_sql() -> None:
    samples = {
        "from sqlalchemy import select, Connection": ["imports select"],
        "from sqlmodel import col": ["imports col"],
        "from sqlalchemy.orm import aliased": ["imports aliased"],
        "import sqlalchemy as sa\nq = sa.select(1)": ["uses sa.select"],
        'q = "SELECT id FROM article WHERE id = ?"': ["SQL text"],
        'q = "UPDATE fact SET status = :s"': ["SQL text"],
        'q = f"DELETE FROM {name}"': ["SQL text"],
    }
    for source, expected in samples.items():
        found = sql_in(source)
        assert len(found) == len(expected), source
        assert all(e in f for e, f in zip(expected, found, strict=True)), found
    plain = (
        "from sqlalchemy.exc import IntegrityError\nfrom sqlmodel import Session\n"
        'message = "Select some text first, then press N."\nx = "select a fact from the list"'
    )
    assert sql_in(plain) == []


def test_no_sql_outside_db() -> None:
    found = {name: lines for name, lines in outside_db().items() if lines}
    assert {name: lines for name, lines in found.items() if name not in NOT_YET} == {}


def test_the_not_yet_list_holds_only_modules_with_sql() -> None:
    """A module that lost its SQL leaves the list, so the list only ever shrinks."""
    scanned = outside_db()
    assert {name for name in NOT_YET if not scanned.get(name)} == set()
