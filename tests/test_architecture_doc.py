"""docs/ARCHITECTURE.md stays true: its layer diagram and import contracts are the ones
import-linter enforces, every module it names exists, and every module of db/,
desktop/tracking/ and desktop/ui/ has its place in it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOC = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
CONTRACTS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "importlinter"
]["contracts"]
NAMED = re.compile(r"`((?:db|desktop|tests|docs|requirements)/[\w/.]*)`")


def section(title: str) -> str:
    start = DOC.index(f"\n{title}\n")
    following = re.search(r"\n#{1,3} ", DOC[start + len(title) + 2 :])
    end = start + len(title) + 2 + following.start() if following else len(DOC)
    return DOC[start:end]


def test_the_diagram_shows_the_layers_import_linter_enforces() -> None:
    [layers] = [c["layers"] for c in CONTRACTS if c["type"] == "layers" and "containers" not in c]
    diagram = section("## Layers").split("```text\n")[1].split("```")[0]
    drawn = [re.split(r"\s{2,}", line.strip())[0] for line in diagram.strip().splitlines()]
    assert drawn == layers


def test_the_listed_contracts_are_exactly_those_in_pyproject() -> None:
    listed = [
        line.removeprefix("- ")
        for line in section("### Import contracts").splitlines()
        if line.startswith("- ")
    ]
    assert listed == [c["name"] for c in CONTRACTS]


def test_every_named_file_exists() -> None:
    named = set(NAMED.findall(DOC))
    assert len(named) > 40
    assert sorted(name for name in named if not (REPO / name).exists()) == []


def test_every_module_of_db_tracking_and_ui_is_placed() -> None:
    named = set(NAMED.findall(DOC))
    modules = [
        str(path.relative_to(REPO))
        for folder in ("db", "desktop/tracking", "desktop/ui")
        for path in sorted((REPO / folder).glob("*.py"))
        if path.name != "__init__.py"
    ]
    assert [module for module in modules if module not in named] == []


def test_every_workflow_has_a_module_at_each_layer() -> None:
    rows = [
        line.split("|")[1:-1]
        for line in section("## Workflows: one module per layer").splitlines()
        if line.startswith("| ") and not line.startswith("| workflow") and "---" not in line
    ]
    assert [row[0].strip().split(" (")[0] for row in rows] == [
        "review", "facts", "follow-ups", "entities", "intake", "export",
    ]  # fmt: skip
    for _workflow, ui, tracking, db in rows:
        assert NAMED.findall(ui)[0].startswith("desktop/ui/")
        assert all(m.startswith("desktop/tracking/") for m in NAMED.findall(tracking))
        assert all(m.startswith("db/") for m in NAMED.findall(db)) and NAMED.findall(db)


def test_the_tests_mirror_the_packages() -> None:
    """Every folder of tests (but the bench, the evaluations and their data) is the path of
    a package, so a module's tests are found by its path."""
    tests = REPO / "tests"
    folders = {
        p.relative_to(tests)
        for p in tests.rglob("*")
        if p.is_dir()
        and p.name != "__pycache__"
        and p.relative_to(tests).parts[0] not in {"bench", "eval", "data"}
    }
    assert folders and {f for f in folders if not (REPO / f / "__init__.py").exists()} == set()
