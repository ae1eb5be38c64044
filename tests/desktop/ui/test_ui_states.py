"""The GUI compares states through their enums (``db.models``), never as bare strings: a
renamed state then fails at import, not silently in a comparison."""

from __future__ import annotations

import ast
from pathlib import Path

from db.models import FactStatus, FollowUpState, LinkType, MentionState, Modality

REPO = Path(__file__).resolve().parents[3]
STATE_WORDS = {
    m.value for e in (MentionState, FactStatus, FollowUpState, Modality, LinkType) for m in e
}


def _literals(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Set | ast.Tuple | ast.List):
        return [v for item in node.elts for v in _literals(item)]
    return []


def state_literals(source: str) -> list[str]:
    """Comparisons (==, !=, in, not in) against a state's bare string, one line each."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            for side in [node.left, *node.comparators]:
                found += [
                    f"line {node.lineno}: {word!r}"
                    for word in _literals(side)
                    if word in STATE_WORDS
                ]
    return found


def test_the_detector_finds_bare_states() -> None:
    assert state_literals('if m.state == "suggested": pass') == ["line 1: 'suggested'"]
    assert state_literals('ok = row.state not in {"open", "proposed"}') == [
        "line 1: 'open'",
        "line 1: 'proposed'",
    ]
    assert state_literals("if m.state == MentionState.SUGGESTED: pass") == []
    assert state_literals('label = "accepted"') == []


def test_no_bare_state_strings_are_compared_in_the_gui() -> None:
    found = {
        str(path.relative_to(REPO)): lines
        for path in sorted((REPO / "desktop" / "ui").glob("*.py"))
        if (lines := state_literals(path.read_text(encoding="utf-8")))
    }
    assert found == {}
