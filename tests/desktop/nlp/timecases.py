"""The project's own time-resolution sentence set (tests/data/time_sentences.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data" / "time_sentences.tsv"


@dataclass(frozen=True)
class TimeCase:
    published: date
    expression: str
    expected: str
    sentence: str


def load_cases() -> list[TimeCase]:
    cases = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        published, expression, expected, sentence = line.split("\t")
        cases.append(TimeCase(date.fromisoformat(published), expression, expected, sentence))
    return cases


def evaluate(nlp: Any, cases: list[TimeCase]) -> list[tuple[TimeCase, str | None]]:
    """Each case with the value the pipeline gave the expression (None: not found)."""
    from desktop.nlp.analysis import analyze

    results = []
    docs = nlp.pipe(c.sentence for c in cases)
    for case, doc in zip(cases, docs, strict=True):
        start = case.sentence.index(case.expression)
        end = start + len(case.expression)
        found = None
        for m in analyze(doc, case.published).mentions:
            if m.label in {"DATE", "TIME"} and m.start < end and start < m.end and m.timex:
                found = m.timex.value
                break
        results.append((case, found))
    return results
