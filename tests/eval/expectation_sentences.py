"""Expectation detection on single sentences: does the analysis find an expectation, and
with the window the sentence states?

Reads ``tests/data/expectation_sentences/tuning.tsv`` (written before the rules were
changed, and used while tuning them) and, when they exist, ``heldout.tsv`` to
``heldout46.tsv`` (each written independently from a brief and scored first once a round
of changes was done; there is no ``heldout10.tsv``: that set was lost before it was read),
and reports them separately.
Columns: ``id published label kind window sentence``; ``label`` is ``expectation`` or
``none``. A sentence counts as predicted positive when the analysis finds at least one
expectation in it. The window is right when the deadline of one of its expectations (the
due window's last day) lies in the gold period (a week of slack for days); window accuracy
is over the gold positives that state a window, a missed sentence counting as wrong.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from tests.eval.windows import deadline_in, parse_window

DATA = Path(__file__).resolve().parent.parent / "data" / "expectation_sentences"
HALVES = (
    *("", "2", "3", "4", "5", "6", "7", "8", "9"),
    *("11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22"),
    *("23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34"),
    *("35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46"),
    *("47", "48", "49", "50"),
)
FILES = ("tuning.tsv", *(f"heldout{n}.tsv" for n in HALVES))


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _window(e: Any) -> str:
    if e.due_end is not None:
        return f"{e.due_start or '…'}..{e.due_end}"
    return f"review {e.review_date}"


def score(rows: list[dict[str, str]], nlp: Any) -> tuple[list[str], dict[str, float]]:
    from desktop.nlp.analysis import analyze

    tp = fp = fn = tn = 0
    windowed = window_right = 0
    lines: list[str] = []
    errors_by_kind: Counter[str] = Counter()
    texts = [r["sentence"] for r in rows]
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=32), strict=True):
        found = analyze(doc, date.fromisoformat(row["published"])).expectations
        gold = row["label"] == "expectation"
        if gold and found:
            tp += 1
        elif gold:
            fn += 1
            errors_by_kind[row["kind"]] += 1
            lines.append(f"  missed      {row['id']} [{row['kind']}] {row['sentence']}")
        elif found:
            fp += 1
            errors_by_kind[row["kind"]] += 1
            lines.append(
                f"  false pos.  {row['id']} [{row['kind']}] {row['sentence']}  "
                f"→ “{found[0].question}” ({_window(found[0])})"
            )
        else:
            tn += 1
        gold_window = parse_window(row.get("window")) if gold else None
        if gold_window is not None:
            windowed += 1
            if any(deadline_in(gold_window, e.due_end) for e in found):
                window_right += 1
            elif found:
                got = "; ".join(_window(e) for e in found)
                lines.append(
                    f"  window      {row['id']} gold {row['window']}, got {got}: {row['sentence']}"
                )
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    summary = {
        "precision": precision,
        "recall": recall,
        "window": window_right / windowed if windowed else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "windowed": windowed,
        "window_right": window_right,
    }
    if errors_by_kind:
        kinds = ", ".join(f"{k} {n}" for k, n in errors_by_kind.most_common())
        lines.append(f"  errors by kind: {kinds}")
    return lines, summary


def run(shared: Path | None) -> list[str]:
    from desktop.nlp.pipeline import load_pipeline

    nlp, info = load_pipeline(None)
    out = [f"model {info.label}"]
    for name in FILES:
        path = DATA / name
        if not path.exists():
            out.append(f"{name}: not present")
            continue
        rows = read_rows(path)
        details, s = score(rows, nlp)
        positives = s["tp"] + s["fn"]
        out.append(
            f"{name}: {len(rows)} sentences ({positives} expectations, {s['fp'] + s['tn']} none): "
            f"precision {s['precision']:.3f} ({s['tp']}/{s['tp'] + s['fp']}), "
            f"recall {s['recall']:.3f} ({s['tp']}/{positives}), "
            f"window right {s['window']:.3f} "
            f"({s['window_right']}/{s['windowed']} positives stating one)"
        )
        out.extend(details)
    return out
