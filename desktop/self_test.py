"""``factdesk --self-test``: an installed Factdesk (a wheel, the bundle) checks itself end to
end on a temporary database, the way an analyst's first run goes: the store is created
by its migrations, the sample articles are imported, the bundled English model suggests,
the update check finds news for the sample storyline's follow-up, a table is exported as
CSV, and the window is built and painted once (offscreen when there is no display), so
that a missing data file, model, migration or Qt plugin shows here rather than on a
user's desk.

Each step prints one line; the first that fails prints one sentence and the run exits 1.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from spacy.language import Language

    from db.store import Store
    from desktop.nlp.pipeline import ModelInfo
    from desktop.tracking.desk import Desk

ANALYST = "factdesk self-test"
EXPORTED_TABLE = "mentions"


class SelfTestFailure(Exception):
    """A step found something wrong; the message is the sentence printed."""


@dataclass
class Run:
    """What the steps hand on to each other."""

    folder: Path
    model_name: str | None
    store: Store | None = None
    desk: Desk | None = None
    article_ids: list[int] = field(default_factory=list)
    model: tuple[Language, ModelInfo] | None = None

    @property
    def db_path(self) -> Path:
        return self.folder / "self-test.sqlite3"

    def the_desk(self) -> Desk:
        assert self.desk is not None
        return self.desk


def use_offscreen_without_display() -> bool:
    """On X11/Wayland systems with no display to show a window on, Qt is told to draw
    offscreen (a chosen ``QT_QPA_PLATFORM`` is kept). Returns whether it was."""
    if sys.platform in {"win32", "darwin"} or os.environ.get("QT_QPA_PLATFORM"):
        return False
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return False
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return True


def open_database(run: Run) -> str:
    from db.store import integrity_report, open_store
    from desktop.tracking.desk import Desk

    run.store = open_store(str(run.db_path))
    run.desk = Desk(run.store, ANALYST)
    report = integrity_report(run.store)
    if report["integrity"] != "ok" or report["schema_version"] != report["schema_head"]:
        raise SelfTestFailure(f"the new database is not sound: {report}")
    return f"schema {report['schema_version']} in {run.db_path.name}"


def import_seeds(run: Run) -> str:
    from desktop.ingest.readers import SUPPORTED_SUFFIXES
    from desktop.settings import seeds_dir
    from desktop.tracking.intake import IntakeRequest

    folder = seeds_dir()
    expected = [p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES]
    if not expected:
        raise SelfTestFailure(f"no sample articles were installed in {folder}")
    report = run.the_desk().intake(IntakeRequest([folder], check=False))
    assert report.imported is not None
    if report.failed:
        where, why = report.failed[0]
        raise SelfTestFailure(f"a sample article could not be read ({where}: {why})")
    run.article_ids = list(report.imported.new_ids)
    if len(run.article_ids) != len(expected):
        raise SelfTestFailure(
            f"{len(run.article_ids)} of the {len(expected)} sample articles were stored"
        )
    return report.import_summary()


def load_model(run: Run) -> str:
    from desktop.nlp.pipeline import load_pipeline

    nlp, info = load_pipeline(run.model_name)
    if not info.statistical:
        raise SelfTestFailure(
            "no spaCy model could be loaded (suggestions would come from rules only)"
        )
    run.model = (nlp, info)
    return info.label


def suggest(run: Run) -> str:
    from desktop.tracking.intake import IntakeRequest

    report = run.the_desk().intake(IntakeRequest(model=run.model, check=False)).suggested
    assert report is not None
    if report.articles != len(run.article_ids) or report.mentions == 0:
        raise SelfTestFailure(
            f"suggestions came for {report.articles} of {len(run.article_ids)} articles "
            f"with {report.mentions} highlights"
        )
    return f"{report.mentions} highlights in {report.articles} articles"


def check_updates(run: Run) -> str:
    """The proposed follow-ups are confirmed, as an analyst would, then the articles are
    checked against them: the sample storyline has news for at least one."""
    from db.models import FollowUpState
    from desktop.tracking.intake import IntakeRequest

    desk, today = run.the_desk(), date.today()
    proposed = [row.id for row in desk.followups(today) if row.state == FollowUpState.PROPOSED]
    if not proposed:
        raise SelfTestFailure("the sample articles proposed no follow-up")
    for followup_id in proposed:
        desk.confirm_followup(followup_id)
    report = desk.intake(IntakeRequest(check=True, check_ids=run.article_ids, as_of=today))
    if not report.news:
        raise SelfTestFailure(
            f"the update check found no news for the {len(proposed)} sample follow-ups"
        )
    return f"{len(proposed)} follow-ups confirmed; {report.news_line().rstrip(':')}"


def export_csv(run: Run) -> str:
    path = run.folder / f"{EXPORTED_TABLE}.csv"
    rows = run.the_desk().export_table(EXPORTED_TABLE, path)
    with path.open(encoding="utf-8", newline="") as fh:
        read = list(csv.reader(fh))
    if rows == 0 or len(read) != rows + 1:
        raise SelfTestFailure(f"the CSV export wrote {rows} rows and {len(read)} lines")
    return f"{rows} rows of {EXPORTED_TABLE} in {path.name}"


def build_window(run: Run) -> str:
    from desktop.settings import Settings
    from desktop.ui.window_check import paint_window_once

    if run.store is not None:
        run.the_desk().close()
        run.store = run.desk = None
    settings = Settings.resolve(db=str(run.db_path), model=run.model_name)
    return paint_window_once(settings, run.folder, run.model)


STEPS: list[tuple[str, Callable[[Run], str]]] = [
    ("database", open_database),
    ("sample articles", import_seeds),
    ("language model", load_model),
    ("suggestions", suggest),
    ("update check", check_updates),
    ("CSV export", export_csv),
    ("window", build_window),
]


def run_self_test(model_name: str | None, out: TextIO | None = None) -> int:
    out = out or _output()
    if use_offscreen_without_display():
        print("No display: the window is drawn offscreen.", file=out)
    with tempfile.TemporaryDirectory(prefix="factdesk-self-test-") as tmp:
        run = Run(Path(tmp), model_name)
        try:
            for name, step in STEPS:
                began = time.perf_counter()
                try:
                    detail = step(run)
                except SelfTestFailure as exc:
                    return _failed(out, name, str(exc))
                except Exception as exc:
                    if sys.stderr is not None:
                        traceback.print_exc(file=sys.stderr)
                    return _failed(out, name, f"{type(exc).__name__}: {_last_line(exc)}")
                print(f"ok    {name:<16} {detail} ({time.perf_counter() - began:.1f} s)", file=out)
        finally:
            if run.desk is not None:
                run.desk.close()
    print("Self-test passed.", file=out)
    return 0


def _failed(out: TextIO, name: str, why: str) -> int:
    print(f"FAIL  {name:<16} {why}", file=out)
    print(f"Self-test failed: {name}: {why}.", file=out)
    return 1


def _last_line(exc: Exception) -> str:
    """The last line of a long message: where numpy's or Qt's advice ends in the cause."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else "(no message)"


def _output() -> TextIO:
    """Standard output; a windowed Windows bundle has none, so there the lines go to
    ``factdesk-self-test.txt`` in the temporary folder (packaging/README.md)."""
    if sys.stdout is not None:
        return sys.stdout
    return open(Path(tempfile.gettempdir()) / "factdesk-self-test.txt", "w", encoding="utf-8")
