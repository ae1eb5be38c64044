"""The ``factdesk`` command: the headless twin of the desktop app, over the same core.

With no command it opens the desktop window.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import DatabaseError, OperationalError

from db.errors import StoreError
from db.list_query import Queue
from db.models import FollowUpState, LinkType
from db.store import Store, explain_database_error, integrity_report, open_store
from desktop.cli_exchange import add_parsers as add_exchange_parsers
from desktop.cli_exchange import (
    cmd_backup,
    cmd_export,
    cmd_import_annotations,
    cmd_restore,
)
from desktop.cli_sources import SOURCE_COMMANDS
from desktop.cli_sources import add_parsers as add_source_parsers
from desktop.settings import Settings

UNSETTLED = {FollowUpState.PROPOSED, FollowUpState.OPEN}
"""States a follow-up cannot be resolved into."""
TRACKING_COMMANDS = {
    "followups", "followup", "check-updates", "resolve", "link", "history", "lexicon",
}  # fmt: skip


def app_version() -> str:
    try:
        return version("factdesk")
    except PackageNotFoundError:
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdesk",
        description="Turn news articles into structured, tracked facts. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file or URL (env FACTDESK_DB)")
    parser.add_argument(
        "--model", metavar="NAME", help="spaCy pipeline to use (env FACTDESK_MODEL)"
    )
    parser.add_argument("--version", action="store_true", help="print versions and the model")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end on a temporary database, then exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = sub.add_parser("import", help="import article files, folders and web pages")
    p_import.add_argument("paths", nargs="+", metavar="PATH|URL")

    sub.add_parser("suggest", help="suggest highlights for articles that have none yet")

    p_search = sub.add_parser(
        "search", help="full-text search of the articles, best first (as the window searches)"
    )
    p_search.add_argument("query", nargs="+", metavar="QUERY", help='words, names, "phrases"')
    p_search.add_argument("--limit", type=_positive, default=20, metavar="N")
    p_search.add_argument("--json", action="store_true", help="print one JSON array")

    p_open = sub.add_parser(
        "open", help="open the window and import these files (what the desktop entry runs)"
    )
    p_open.add_argument("paths", nargs="*", type=Path, metavar="PATH")

    add_exchange_parsers(sub)
    add_source_parsers(sub)

    p_analyze = sub.add_parser(
        "analyze", help="run the suggestion pipeline on one file, without the database"
    )
    p_analyze.add_argument("file", type=Path)
    p_analyze.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD")
    p_analyze.add_argument("--json", action="store_true", help="print one JSON object")

    p_label = sub.add_parser("label", help="define highlight labels and their colours")
    label_sub = p_label.add_subparsers(dest="label_command", metavar="ACTION", required=True)
    p_label_add = label_sub.add_parser("add", help="add or update a label")
    p_label_add.add_argument("name")
    p_label_add.add_argument("--color", default="", metavar="#RRGGBB")
    p_label_add.add_argument("--description", default="")
    label_sub.add_parser("list", help="list the labels you defined")

    p_fu = sub.add_parser("followups", help="list follow-ups (the review queue)")
    p_fu.add_argument(
        "--state",
        default=Queue.OPEN.value,
        choices=[Queue.PROPOSED.value, *(q.value for q in Queue if q != Queue.PROPOSED)],
        help="which part of the queue (default: open = due, overdue, upcoming and snoozed)",
    )
    p_fu.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD", help="the queue on that day")
    p_fu.add_argument("--format", default="table", choices=["table", "csv", "json"])
    p_fu.add_argument(
        "--by-event",
        action="store_true",
        help="one row per tracked event (the table always shows each event once)",
    )

    p_one = sub.add_parser("followup", help="act on one follow-up")
    one_sub = p_one.add_subparsers(dest="followup_command", metavar="ACTION", required=True)
    p_confirm = one_sub.add_parser("confirm", help="accept a proposed follow-up into the queue")
    p_confirm.add_argument("id", type=int)
    p_snooze = one_sub.add_parser("snooze", help="hide a follow-up until a date")
    p_snooze.add_argument("id", type=int)
    p_snooze.add_argument("until", type=_iso_date, metavar="YYYY-MM-DD")

    from desktop.cli_review import add_parser as add_review_parser

    add_review_parser(sub, _iso_date)

    p_check = sub.add_parser(
        "check-updates", help="find later articles that settle open follow-ups"
    )
    p_check.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD")
    p_check.add_argument("--json", action="store_true")

    p_resolve = sub.add_parser("resolve", help="settle or postpone a follow-up")
    p_resolve.add_argument("id", type=int)
    p_resolve.add_argument(
        "--state",
        required=True,
        choices=[
            s.value
            for s in FollowUpState
            if s not in {FollowUpState.PROPOSED, FollowUpState.OPEN, FollowUpState.DISMISSED}
        ],
    )
    p_resolve.add_argument(
        "--evidence", metavar="ARTICLE_OR_FACT", help="article:ID, fact:ID or ID"
    )
    p_resolve.add_argument("--window", metavar="START..END", help="new due window when postponed")
    p_resolve.add_argument("--note", default="")

    p_link = sub.add_parser("link", help="link two facts")
    p_link.add_argument("source", type=int)
    p_link.add_argument("type", choices=[t.value for t in LinkType])
    p_link.add_argument("target", type=int)
    p_link.add_argument("--note", default="")

    p_history = sub.add_parser("history", help="who changed a fact or follow-up, and when")
    p_history.add_argument("target", metavar="fact:ID|followup:ID")

    from desktop.cli_tracking import add_parsers as add_tracking_parsers

    add_tracking_parsers(sub)

    p_db = sub.add_parser("db", help="database maintenance")
    db_sub = p_db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("check", help="report integrity and schema version")
    p_backup = db_sub.add_parser(
        "backup", help="copy the whole store to one file (safe while open)"
    )
    p_backup.add_argument("file", type=Path)
    p_restore = db_sub.add_parser("restore", help="replace the store with a backup (keeps a copy)")
    p_restore.add_argument("file", type=Path)
    p_copy = db_sub.add_parser(
        "copy", help="copy a whole store into an empty one (SQLite and PostgreSQL either way)"
    )
    p_copy.add_argument("--from", dest="source", required=True, metavar="PATH|URL")
    p_copy.add_argument("--to", dest="target", required=True, metavar="PATH|URL")

    p_team = sub.add_parser("team", help="analysts and roles on a shared PostgreSQL store")
    team_sub = p_team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    p_add = team_sub.add_parser(
        "add-analyst", help="a database login with a role: analyst, reviewer or admin"
    )
    p_add.add_argument("name")
    p_add.add_argument("--role", required=True, choices=("analyst", "reviewer", "admin"))
    p_add.add_argument(
        "--password-env", metavar="VAR", help="set the login's password from this variable"
    )
    return parser


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of results; write e.g. 20")
    return int(text)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from exc


def cmd_analyze(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    from desktop.ingest.readers import ReadError, read_article
    from desktop.nlp.analyze_file import analysis_json
    from desktop.nlp.pipeline import load_pipeline

    try:
        article = read_article(args.file)
    except ReadError as exc:
        print(f"{args.file}: {exc}", file=err)
        return 1
    # Without a date in the file or --published, times are resolved against today.
    anchor = args.published or article.published or date.today()
    nlp, info = load_pipeline(settings.model_name)
    result = analysis_json(article.text, anchor, nlp, info)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2), file=out)
        return 0
    print(f"{args.file} · published {result['published']} · {result['model']}", file=out)
    for m in result["mentions"]:
        value = f" = {m['value']}" if m.get("value") else ""
        print(f"  {m['start']:>6}-{m['end']:<6} {m['label']:<12} {m['text']}{value}", file=out)
    for e in result["expectations"]:
        due = (
            f"due {e['due_start']}..{e['due_end']}"
            if e["due_start"]
            else f"review {e['review_date']}"
        )
        print(f"  expectation: {e['question']} ({due})", file=out)
    return 0


def cmd_team_add(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    """``factdesk team add-analyst NAME --role ROLE``: run by an admin of the desk."""
    from db.team import GROUP, add_analyst

    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if password is None:
            raise StoreError(f"The variable {args.password_env} is not set; nothing was changed.")
    store.write(lambda session: add_analyst(session.connection(), args.name, args.role, password))
    print(
        f"{args.name} signs in to {store.display_name} as {args.role} ({GROUP[args.role]}).",
        file=out,
    )
    return 0


def cmd_label(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from db.labels import define_label, label_colors

    if args.label_command == "add":
        row = store.write(
            lambda session: define_label(
                session, name=args.name, color=args.color, description=args.description
            )
        )
        print(f"Label {row.name} {row.color or '(default colour)'}.", file=out)
        return 0
    with store.session() as session:
        for name, color in sorted(label_colors(session).items()):
            print(f"{name}\t{color}", file=out)
    return 0


def cmd_import(store: Store, items: list[str], out: TextIO, err: TextIO) -> int:
    """The intake chain's first step for files, folders and http(s) addresses in any mix:
    they are stored; ``suggest`` comes next."""
    from desktop.ingest.urls import is_url
    from desktop.tracking.intake import IntakeRequest, run_intake

    request = IntakeRequest(
        paths=[Path(item) for item in items if not is_url(item)],
        urls=[item for item in items if is_url(item)],
        check=False,
    )
    report = run_intake(store, request)
    for where, reason in report.failed:
        print(f"{where}: {reason}", file=err)
    print(report.import_summary(), file=out)
    return 1 if report.failed else 0


def cmd_suggest(store: Store, settings: Settings, out: TextIO, err: TextIO) -> int:
    """The intake chain's suggest step, for every article that has no suggestions yet."""
    from desktop.nlp.pipeline import load_pipeline
    from desktop.tracking.intake import IntakeRequest, run_intake

    nlp, info = load_pipeline(settings.model_name)
    if not info.statistical:
        print("No spaCy model is installed: suggestions come from rules and are weaker.", file=err)
    report = run_intake(store, IntakeRequest(model=(nlp, info), check=False)).suggested
    assert report is not None
    print(
        f"Suggested {report.mentions} highlights in {report.articles} "
        f"article{'s' if report.articles != 1 else ''} with {info.label}.",
        file=out,
    )
    return 0


def cmd_search(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    """The window's search from the command line: the same query rules, the same
    sentences for a query that can find nothing (``QueryError``, exit 2)."""
    from db.fts import count_matches, search

    query = " ".join(args.query)
    with store.engine.connect() as conn:
        total = count_matches(conn, query)
        hits = search(conn, query, limit=args.limit) if total else []
    if args.json:
        rows = [
            {"id": h.article_id, "title": h.title,
             "published": h.published.isoformat() if h.published else None,
             "source": h.source, "snippet": h.snippet, "rank": h.rank}
            for h in hits
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=1), file=out)
        return 0
    if not hits:
        print(f"Nothing matches {query!r}.", file=out)
        return 0
    for h in hits:
        when = h.published.isoformat() if h.published else "no date"
        print(f"{h.article_id:>6}  {when}  {h.title}" + (f"  ({h.source})" if h.source else ""),
              file=out)  # fmt: skip
        print(f"        {' '.join(h.snippet.split())}", file=out)
    shown = f"the best {len(hits)}" if total > len(hits) else "all"
    print(f"{total} article(s) match {query!r}; {shown} shown, best first.", file=out)
    return 0


def cmd_db_check(store: Store, out: TextIO) -> int:
    report = integrity_report(store)
    width = max(len(k) for k in report)
    for key, value in report.items():
        print(f"{key:<{width}}  {value}", file=out)
    ok = report["integrity"] == "ok" and report["schema_version"] == report["schema_head"]
    return 0 if ok else 1


def cmd_version(settings: Settings, out: TextIO) -> int:
    from desktop.nlp.pipeline import load_pipeline

    _nlp, info = load_pipeline(settings.model_name)
    print(f"factdesk {app_version()}", file=out)
    print(f"model {info.label}", file=out)
    return 0


def run(
    argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.resolve(db=args.db, model=args.model)
    if args.version:
        return cmd_version(settings, out)
    if args.self_test:
        from desktop.self_test import run_self_test

        return run_self_test(settings.model_name, out)
    if args.command in {None, "open"}:
        from desktop.ui.app import run_app

        return run_app(settings, getattr(args, "paths", []))
    if args.command == "analyze":
        return cmd_analyze(args, settings, out, err)
    if args.command == "db" and args.db_command == "copy":
        from desktop.cli_exchange import cmd_db_copy

        return cmd_db_copy(args.source, args.target, out, err)
    try:
        store = open_store(settings.db_location)
    except StoreError as exc:
        print(f"factdesk: {exc}", file=err)
        return 2
    try:
        settings = settings.signed_in(store.login())
        if store.backup_path is not None:
            print(f"Backed up the database to {store.backup_path} before upgrading it.", file=err)
        if args.command == "import":
            return cmd_import(store, args.paths, out, err)
        if args.command == "suggest":
            return cmd_suggest(store, settings, out, err)
        if args.command == "search":
            return cmd_search(store, args, out)
        if args.command == "export":
            return cmd_export(store, args, out, err)
        if args.command == "import-annotations":
            return cmd_import_annotations(store, args.file, out)
        if args.command == "review":
            from desktop.cli_review import cmd_review

            return cmd_review(store, settings, args, out)
        if args.command in TRACKING_COMMANDS:
            from desktop.cli_tracking import run_tracking

            return run_tracking(store, settings, args, out, err)
        if args.command in SOURCE_COMMANDS:
            from desktop.cli_sources import run_sources

            return run_sources(store, settings, args, out, err)
        if args.command == "label":
            return cmd_label(store, args, out)
        if args.command == "team":
            return cmd_team_add(store, args, out)
        if args.command == "db" and args.db_command == "backup":
            return cmd_backup(store, args.file, out)
        if args.command == "db" and args.db_command == "restore":
            return cmd_restore(store, args.file, out)
        if args.command == "db":
            return cmd_db_check(store, out)
        raise AssertionError(args.command)
    except StoreError as exc:
        print(f"factdesk: {exc}", file=err)
        return 2
    except (OperationalError, DatabaseError) as exc:
        # A full disk, a lock held too long, a file gone read-only: one sentence, and the
        # transaction that met it was rolled back, so nothing is half-written.
        print(f"factdesk: {explain_database_error(exc, store.display_name)}", file=err)
        return 2
    finally:
        store.close()


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        sys.exit(run())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`factdesk followups | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
