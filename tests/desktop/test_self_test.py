"""``factdesk --self-test``: every step reports a line and the run passes on a sound
install; a missing piece fails its step with one sentence and exit code 1."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import run

pytestmark = [pytest.mark.gui, pytest.mark.model]

STEPS = [
    "database",
    "sample articles",
    "language model",
    "suggestions",
    "update check",
    "CSV export",
    "window",
]


def self_test(monkeypatch: pytest.MonkeyPatch, model: Any) -> tuple[int, list[str]]:
    monkeypatch.setattr("desktop.nlp.pipeline.load_pipeline", lambda name=None: model)
    out, err = io.StringIO(), io.StringIO()
    code = run(["--self-test"], out=out, err=err)
    return code, out.getvalue().splitlines()


def test_a_sound_install_passes_every_step(
    qapp: Any, english: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, lines = self_test(monkeypatch, english)
    assert code == 0, lines
    steps = [line for line in lines if line.startswith("ok ")]
    assert [line[6:].split("  ")[0] for line in steps] == STEPS
    assert "Imported 11 new articles." in steps[1]
    assert english[1].label in steps[2]
    assert "may have news" in steps[4]
    assert "11 articles listed" in steps[6] and "offscreen" in steps[6]
    assert lines[-1] == "Self-test passed."


def test_missing_sample_articles_fail_with_a_sentence(
    qapp: Any, english: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("desktop.settings.seeds_dir", lambda: tmp_path)
    code, lines = self_test(monkeypatch, english)
    assert code == 1
    assert lines[-1] == (
        f"Self-test failed: sample articles: no sample articles were installed in {tmp_path}."
    )
    assert not any(line.startswith("ok    suggestions") for line in lines)


def test_a_missing_model_fails_the_model_step(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.nlp.pipeline import ModelInfo, _rule_pipeline

    rules = (_rule_pipeline(), ModelInfo("rules", "1", statistical=False))
    code, lines = self_test(monkeypatch, rules)
    assert code == 1
    assert lines[-1].startswith("Self-test failed: language model: no spaCy model could be loaded")
