"""Time expressions on TimeML news (TimeBank + AQUAINT, TempEval-3 "TBAQ-cleaned").

The 256 documents of ``<shared>/timeml-dev`` are split once, by document, on a stable hash
of the file name (``part_of``): about two thirds are the *tuning* part, whose misses the
rules may be developed against, and one third is the *check* part, which is only ever
scored to report. Each part (and all 256) is scored by the shared TempEval-3 scorer,
loaded from ``<shared>/tools/timeml_score.py`` and run in-process on ``tag`` below, next to
HeidelTime 2.2.1's stored output on the same documents.

``tag`` goes through the application's own path: the spaCy model that
``load_pipeline`` picks, then ``analysis.analyze``, so the figure is what users get.

``python -m tests.eval.timeml --shared ../shared --misses tuning`` prints the tuning
part's misses (never the check part's). ``--folds`` scores the tuning part's two folds
(``fold_of``: a second hash splits it in two) apart, next to HeidelTime: a change to the
rules is kept only if neither fold loses, so that a gain made for one fold's documents
shows whether it carries over to the other's. ``--breakdown`` splits the tuning part's
loss into missing, false alarm and wrong value, by kind, next to HeidelTime
(``timeml_breakdown``).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import runpy
import sys
import tempfile
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

CHECK, TUNING = "check", "tuning"
SUMMARY_PREFIXES = ("  DATE", "  DURATION", "  SET", "  TIME", "relaxed extent", "value F1")


def part_of(name: str) -> str:
    """The part a document belongs to, fixed by its file name alone: one in three (by
    SHA-1 of the name) is held out for the check."""
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return CHECK if digest[0] % 3 == 0 else TUNING


def fold_of(name: str) -> str:
    """The fold of a tuning document (A or B, by MD5 of its name); check documents have
    none and are refused."""
    if part_of(name) != TUNING:
        raise ValueError(f"{name} is in the check part")
    return "A" if hashlib.md5(name.encode("utf-8")).digest()[0] % 2 == 0 else "B"


@cache
def _pipeline() -> Any:
    from desktop.nlp.pipeline import load_pipeline

    nlp, _info = load_pipeline(None)
    return nlp


def tag(text: str, published: str) -> list[dict[str, Any]]:
    """The temporal mentions ``factdesk analyze`` would give, in the scorer's shape."""
    from desktop.nlp.analysis import TEMPORAL, analyze

    result = analyze(_pipeline()(text), date.fromisoformat(published))
    return [
        {
            "start": m.start,
            "end": m.end,
            "value": m.timex.value,
            "type": m.timex.type,
        }
        for m in result.mentions
        if m.label in TEMPORAL and m.timex is not None
    ]


def documents(shared: Path) -> list[Path]:
    return sorted((shared / "timeml-dev").rglob("*.tml"))


def _score(scorer: Path, docs: list[Path], how: list[str]) -> list[str]:
    """Run the scorer's ``main`` on ``docs`` (linked into a temporary folder) and return
    the lines it prints."""
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            (Path(tmp) / doc.name).symlink_to(doc.resolve())
        namespace = runpy.run_path(str(scorer))
        saved = sys.argv
        sys.argv = [str(scorer), tmp, *how]
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                namespace["main"]()
        finally:
            sys.argv = saved
    return out.getvalue().splitlines()


def _summary(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith(SUMMARY_PREFIXES)]


def folds(shared: Path) -> list[str]:
    """The tuning part's two folds scored apart (never the check part)."""
    scorer = shared / "tools" / "timeml_score.py"
    heideltime = shared / "timeml-dev" / "heideltime-2.2.1.jsonl"
    tuning = [d for d in documents(shared) if part_of(d.name) == TUNING]
    lines: list[str] = []
    for fold in ("A", "B"):
        subset = [d for d in tuning if fold_of(d.name) == fold]
        lines.append(f"--- tuning fold {fold}: {len(subset)} documents ---")
        ours = _score(scorer, subset, ["--func", "tests.eval.timeml:tag", "--misses", "0"])
        theirs = _score(scorer, subset, ["--system", str(heideltime), "--misses", "0"])
        lines += [f"  Factdesk   {line}" for line in _summary(ours)]
        lines += [f"  HeidelTime {line}" for line in _summary(theirs)]
    return lines


def tuning_breakdown(shared: Path) -> list[str]:
    """The tuning part's loss by kind, ours and HeidelTime's (never the check part)."""
    from tests.eval.timeml_breakdown import breakdown, pairs

    scorer = shared / "tools" / "timeml_score.py"
    heideltime = shared / "timeml-dev" / "heideltime-2.2.1.jsonl"
    tuning = [d for d in documents(shared) if part_of(d.name) == TUNING]

    def score(how: list[str]) -> list[str]:
        return _score(scorer, tuning, how)

    ours = pairs(score, ["--func", "tests.eval.timeml:tag"])
    theirs = pairs(score, ["--system", str(heideltime)])
    return [f"--- tuning: {len(tuning)} documents ---", *breakdown(ours, theirs)]


def run(shared: Path | None, misses: str | None = None) -> list[str]:
    if shared is None or not (shared / "timeml-dev").is_dir():
        return ["(../shared/timeml-dev not found: skipped)"]
    scorer = shared / "tools" / "timeml_score.py"
    heideltime = shared / "timeml-dev" / "heideltime-2.2.1.jsonl"
    docs = documents(shared)
    parts = {
        TUNING: [d for d in docs if part_of(d.name) == TUNING],
        CHECK: [d for d in docs if part_of(d.name) == CHECK],
        "all": docs,
    }
    if misses is not None:
        return _score(
            scorer, parts[TUNING], ["--func", "tests.eval.timeml:tag", "--misses", "100000"]
        )
    lines: list[str] = []
    for name, subset in parts.items():
        lines.append(f"--- {name}: {len(subset)} documents ---")
        ours = _score(scorer, subset, ["--func", "tests.eval.timeml:tag", "--misses", "0"])
        theirs = _score(scorer, subset, ["--system", str(heideltime), "--misses", "0"])
        lines += [f"  Factdesk   {line}" for line in _summary(ours)]
        lines += [f"  HeidelTime {line}" for line in _summary(theirs)]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.timeml")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--misses", choices=[TUNING], help="print the tuning part's misses")
    parser.add_argument("--folds", action="store_true", help="score the tuning part's folds")
    parser.add_argument("--breakdown", action="store_true", help="the tuning part's loss by kind")
    args = parser.parse_args()
    if args.breakdown:
        lines = tuning_breakdown(args.shared)
    else:
        lines = folds(args.shared) if args.folds else run(args.shared, args.misses)
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
