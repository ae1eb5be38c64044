"""The tracking commands of ``factdesk``: follow-ups, update checks, links, history."""

from __future__ import annotations

import argparse
import csv
import json
from datetime import date
from typing import Any, TextIO

from db.audit import history_of
from db.errors import StoreError
from db.followups import FollowUpRow, followup_rows
from db.models import Audit, FollowUpState
from db.store import Store
from desktop.settings import Settings
from desktop.tracking import followups as lifecycle
from desktop.tracking.events import assign_events, one_per_event
from desktop.tracking.lexicon import add_word, lexicon_listing
from desktop.tracking.links import create_link
from desktop.tracking.updates import check_updates

OPEN_BUCKETS = {"due", "overdue", "upcoming", "snoozed"}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def followup_json(row: FollowUpRow) -> dict[str, Any]:
    """One follow-up (one expectation in one article); ``event_id`` names the tracked event
    it shares with the restatements of the same expectation."""
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
        "roles": [{"role": role, "name": name} for role, name in row.roles],
        "event_id": row.event_id,
        "event_size": row.event_size,
        "event": {
            "lemma": row.lemma,
            "groups": row.event_group.split(),
            "theme": row.theme,
            "negated": row.negated,
            "bound": row.bound,
            "value": row.due_value,
        },
    }


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A follow-up's JSON as one CSV row: lists joined with '|', the event spread out."""
    event = row["event"]
    return {k: v for k, v in row.items() if k != "event"} | {
        "participants": "|".join(row["participants"]),
        "roles": "|".join(f"{r['role']}:{r['name']}" for r in row["roles"]),
        "event": " ".join(filter(None, [event["lemma"], event["theme"]])),
    }


def _selected(rows: list[FollowUpRow], state: str) -> list[FollowUpRow]:
    if state == "all":
        return rows
    if state == "open":
        return [r for r in rows if r.bucket in OPEN_BUCKETS]
    return [r for r in rows if r.bucket == state]


def cmd_followups(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    as_of = args.as_of or date.today()
    assign_events(store)
    with store.session() as session:
        rows = _selected(followup_rows(session, as_of=as_of), args.state)
    if args.by_event or args.format == "table":
        rows = one_per_event(rows)
    data = [followup_json(r) for r in rows]
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
    elif args.format == "csv":
        writer = csv.DictWriter(
            out, fieldnames=list(data[0]) if data else ["id"], lineterminator="\n"
        )
        writer.writeheader()
        for row in data:
            writer.writerow(_flat(row))
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
            more = r.event_size - 1
            also = f" (+{more} restatement{'s' if more != 1 else ''})" if more > 0 else ""
            print(f"{r.id:>5}  {r.bucket:<9} {window:<24} {r.question}{late}{also}", file=out)
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
        rows = history_of(session, kind, int(number))
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


def cmd_lexicon(store: Store, settings: Settings, args: argparse.Namespace, out: TextIO) -> int:
    if args.lexicon_command == "add":
        added = add_word(store, group=args.group, word=args.word, who=settings.analyst)
        said = "added to" if added else "is already in"
        print(f"{args.word!r} {said} the event group {args.group!r}.", file=out)
        return 0
    for group, kind, words in lexicon_listing(store):
        if args.group and group != args.group:
            continue
        print(f"{group} ({kind}): {', '.join(words)}", file=out)
    return 0


def add_parsers(sub: Any) -> None:
    """The ``lexicon`` command's parser (the other tracking commands are in desktop.cli)."""
    p_lex = sub.add_parser("lexicon", help="the event lexicon: words that name one event")
    lex_sub = p_lex.add_subparsers(dest="lexicon_command", metavar="ACTION", required=True)
    p_list = lex_sub.add_parser("list", help="list the event groups and their words")
    p_list.add_argument("group", nargs="?", default="", help="only this group")
    p_add = lex_sub.add_parser("add", help="add a word (a lemma, e.g. 'ink') to a group")
    p_add.add_argument("group")
    p_add.add_argument("word")


def run_tracking(
    store: Store, settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    if args.command == "lexicon":
        return cmd_lexicon(store, settings, args, out)
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
