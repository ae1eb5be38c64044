"""``factdesk review``: the daily summary of the follow-up workspace — overdue, due this
week, new candidates since the last review — printed as a table, or written as JSON or
CSV (to standard output, or to ``--output``) for a scheduled job."""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from db.store import Store
from desktop.settings import Settings
from desktop.tracking.daily_review import (
    CSV_FIELDS,
    Summary,
    daily_summary,
    summary_json,
    summary_rows,
)


def add_parser(sub: Any, iso_date: Callable[[str], date]) -> None:
    p_review = sub.add_parser(
        "review", help="the daily summary: overdue, due this week, new candidates"
    )
    p_review.add_argument(
        "--as-of", type=iso_date, metavar="YYYY-MM-DD", help="the summary on that day"
    )
    p_review.add_argument("--format", default="table", choices=["table", "json", "csv"])
    p_review.add_argument("--output", type=Path, metavar="FILE", help="write it to FILE")
    p_review.add_argument(
        "--no-mark",
        action="store_true",
        help="do not remember this run as the last review (new candidates stay new)",
    )


def _table(summary: Summary, out: TextIO) -> None:
    since = (
        f"since the review of {summary.last_review}" if summary.last_review else "(first review)"
    )
    print(
        f"Review as of {summary.as_of}: {len(summary.overdue)} overdue, "
        f"{len(summary.due)} due this week, {summary.upcoming} upcoming, "
        f"{summary.proposed} proposed awaiting confirmation",
        file=out,
    )
    for title, items in (("Overdue", summary.overdue), ("Due this week", summary.due)):
        print(f"\n{title} ({len(items)})", file=out)
        for item in items:
            current = item.current
            window = f"{current.due_start or '…'}..{current.due_end or ''}"
            late = f"{item.days_overdue:>4}d " if title == "Overdue" else ""
            best = item.best
            proposes = (
                f"  → {best.proposed_state or 'candidate'}: {best.title} ({best.published})"
                if best is not None
                else ""
            )
            print(f"  {late}{window:<24} {item.question} [{item.sources} src]{proposes}", file=out)
    print(f"\nNew candidates {since} ({len(summary.new_candidates)})", file=out)
    for new in summary.new_candidates:
        c = new.candidate
        state = c.proposed_state or "no outcome"
        print(f"  {c.published} {c.title} — {state} — for: {new.item.question}", file=out)


def cmd_review(store: Store, settings: Settings, args: argparse.Namespace, out: TextIO) -> int:
    summary = daily_summary(
        store, as_of=args.as_of or date.today(), who=settings.analyst, mark=not args.no_mark
    )
    target = args.output.open("w", encoding="utf-8", newline="") if args.output else out
    try:
        if args.format == "json":
            json.dump(summary_json(summary), target, ensure_ascii=False, indent=2)
            print(file=target)
        elif args.format == "csv":
            writer = csv.DictWriter(target, fieldnames=list(CSV_FIELDS), lineterminator="\n")
            writer.writeheader()
            writer.writerows(summary_rows(summary))
        else:
            _table(summary, target)
    finally:
        if args.output:
            target.close()
    if args.output:
        print(f"Wrote the review as of {summary.as_of} to {args.output}", file=out)
    return 0
