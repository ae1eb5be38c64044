"""The tracking commands of ``factdesk``: follow-ups, update checks, links, history."""

from __future__ import annotations

import argparse
import csv
import json
from datetime import date
from typing import Any, TextIO

from sqlalchemy import select
from sqlmodel import col

from db.errors import StoreError
from db.followups import FollowUpRow, followup_rows
from db.models import Audit, FollowUpState
from db.store import Store
from desktop.settings import Settings
from desktop.tracking import followups as lifecycle
from desktop.tracking.links import create_link
from desktop.tracking.updates import check_updates

OPEN_BUCKETS = {"due", "overdue", "upcoming", "snoozed"}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def followup_json(row: FollowUpRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "question": row.question,
        "state": row.state,
        "bucket": row.bucket,
        "due_start": _iso(row.due_start),
        "due_end": _iso(row.due_end),
        "review_date": _iso(row.review_date),
        "days_overdue": row.days_overdue,
        "snooze_until": _iso(row.snooze_until),
        "source_article_id": row.source_article_id,
        "source_title": row.source_title,
        "source_published": _iso(row.source_published),
        "participants": row.participants,
    }


def _selected(rows: list[FollowUpRow], state: str) -> list[FollowUpRow]:
    if state == "all":
        return rows
    if state == "open":
        return [r for r in rows if r.bucket in OPEN_BUCKETS]
    return [r for r in rows if r.bucket == state]


def cmd_followups(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    as_of = args.as_of or date.today()
    with store.session() as session:
        rows = _selected(followup_rows(session, as_of=as_of), args.state)
    data = [followup_json(r) for r in rows]
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
    elif args.format == "csv":
        writer = csv.DictWriter(
            out, fieldnames=list(data[0]) if data else ["id"], lineterminator="\n"
        )
        writer.writeheader()
        for row in data:
            writer.writerow(row | {"participants": "|".join(row["participants"])})
    else:
        print(f"Follow-ups as of {as_of} ({args.state}): {len(rows)}", file=out)
        for r in rows:
            window = (
                f"{_iso(r.due_start) or '…'}..{_iso(r.due_end)}"
                if r.due_end
                else f"review {_iso(r.review_date)}"
            )
            days = f"{r.days_overdue} day{'s' if r.days_overdue != 1 else ''}"
            late = f", {days} overdue" if r.bucket == "overdue" else ""
            print(f"{r.id:>5}  {r.bucket:<9} {window:<24} {r.question}{late}", file=out)
    return 0


def cmd_check(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    results = check_updates(store, as_of=args.as_of)
    if args.json:
        data = [
            {
                "followup_id": r.followup.id,
                "question": r.followup.question,
                "candidates": [c.as_json() for c in r.candidates],
            }
            for r in results
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 0
    for r in results:
        print(f"{r.followup.id:>5}  {r.followup.question}", file=out)
        if not r.candidates:
            print("       no candidates yet", file=out)
        for c in r.candidates:
            proposal = f" → proposes {c.proposed_state}" if c.proposed_state else ""
            print(
                f"       {c.score:5.1f}  {c.published}  #{c.article_id} {c.title}{proposal}",
                file=out,
            )
            print(f"              {'; '.join(c.reasons)}", file=out)
    return 0


def _window(text: str | None) -> tuple[date | None, date]:
    if not text:
        raise StoreError("Postponing needs the new window: --window START..END (or ..END).")
    start, sep, end = text.partition("..")
    try:
        return (date.fromisoformat(start) if start else None), date.fromisoformat(
            end if sep else start
        )
    except ValueError as exc:
        raise StoreError(f"{text!r} is not a window; write it as 2021-10-01..2021-12-31.") from exc


def cmd_resolve(store: Store, settings: Settings, args: argparse.Namespace, out: TextIO) -> int:
    evidence = lifecycle.parse_evidence(args.evidence)
    state = FollowUpState(args.state)
    if state == FollowUpState.POSTPONED:
        start, end = _window(args.window)
        successor = lifecycle.postpone(
            store,
            followup_id=args.id,
            new_start=start,
            new_end=end,
            who=settings.analyst,
            evidence=evidence,
            note=args.note,
        )
        print(
            f"Follow-up {args.id} postponed; follow-up {successor.id} now expects it by {end}.",
            file=out,
        )
        return 0
    lifecycle.resolve(
        store,
        followup_id=args.id,
        state=state,
        who=settings.analyst,
        evidence=evidence,
        note=args.note,
    )
    print(f"Follow-up {args.id}: {state.value}.", file=out)
    return 0


def cmd_history(store: Store, target: str, out: TextIO) -> int:
    kind, _, number = target.partition(":")
    if kind not in {"fact", "followup", "mention"} or not number.isdigit():
        raise StoreError(f"{target!r}: write fact:ID or followup:ID.")
    with store.session() as session:
        rows = session.scalars(
            select(Audit)
            .where(col(Audit.target_table) == kind, col(Audit.target_id) == int(number))
            .order_by(col(Audit.id))
        ).all()
    if not rows:
        print(f"No recorded changes for {target}.", file=out)
    for row in rows:
        print(f"{row.at:%Y-%m-%d %H:%M:%S}  {row.who:<12} {row.action:<22} {_diff(row)}", file=out)
    return 0


def _diff(row: Audit) -> str:
    """The fields a change touched, as 'field: before → after'."""
    before, after = row.before or {}, row.after or {}
    keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
    return "; ".join(f"{k}: {before.get(k, '—')} → {after.get(k, '—')}" for k in keys)


def run_tracking(
    store: Store, settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    if args.command == "followups":
        return cmd_followups(store, args, out)
    if args.command == "check-updates":
        return cmd_check(store, args, out)
    if args.command == "resolve":
        return cmd_resolve(store, settings, args, out)
    if args.command == "history":
        return cmd_history(store, args.target, out)
    if args.command == "link":
        link = create_link(
            store,
            source_fact_id=args.source,
            target_fact_id=args.target,
            type_=args.type,
            who=settings.analyst,
            note=args.note,
        )
        print(f"Fact {args.source} {link.type} fact {args.target}.", file=out)
        return 0
    if args.followup_command == "confirm":
        lifecycle.confirm(store, followup_id=args.id, who=settings.analyst)
        print(f"Follow-up {args.id} is open.", file=out)
        return 0
    lifecycle.snooze(store, followup_id=args.id, until=args.until, who=settings.analyst)
    print(f"Follow-up {args.id} snoozed until {args.until}.", file=out)
    return 0
