"""The exchange commands of ``factdesk``: exports, span imports, backup and restore."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

from db.errors import StoreError
from db.exports import TABLES, ExportFilter, export_csv
from db.interchange import (
    DECIDED,
    attach_spans,
    export_jsonl,
    read_jsonl,
    read_w3c,
    w3c_annotations,
)
from db.store import Store
from desktop.tracking.export import written_atomically

FORMATS = ("csv", "jsonl", "spacy", "w3c")
SPAN_TABLES = {"mentions", "evidence"}
EXCHANGE_COMMANDS = {"export", "import-annotations", "db-backup", "db-restore"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from exc


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.split(",") if w.strip()]


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export a table (CSV) or spans (JSONL, spaCy, W3C)")
    p.add_argument("table", choices=TABLES)
    p.add_argument("--format", default="csv", choices=FORMATS)
    p.add_argument("-o", "--output", required=True, help="file to write, or - for stdout")
    p.add_argument("--article", type=int, action="append", default=[], metavar="ID")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--entity", type=int, metavar="ID")
    p.add_argument("--state", type=_words, default=None, help="e.g. accepted,corrected or all")
    p.add_argument("--label", type=_words, default=[], help="e.g. PERSON,GPE")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="for days overdue")
    p.add_argument("--raw", action="store_true", help="do not neutralise formula cells")
    p.add_argument("--excel", action="store_true", help="add a BOM and CRLF line ends")
    p.add_argument(
        "--multiline", action="store_true", help="keep the line breaks of evidence quotes"
    )

    p_in = sub.add_parser("import-annotations", help="bring JSONL or W3C spans back into articles")
    p_in.add_argument("file", type=Path)


@contextmanager
def _output(target: str, out: TextIO) -> Iterator[TextIO]:
    """``out`` for "-", else a file written beside its target and moved into place when
    complete."""
    if target == "-":
        yield out
        return
    with written_atomically(Path(target)) as fh:
        yield fh


def cmd_export(store: Store, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    states = args.state
    if args.format != "csv" and args.table not in SPAN_TABLES:
        raise StoreError(
            f"--format {args.format} applies to mentions and evidence, not {args.table}."
        )
    filters = ExportFilter(
        article_ids=args.article,
        date_from=args.date_from,
        date_to=args.date_to,
        entity_id=args.entity,
        states=[] if states in (None, ["all"]) else states,
        labels=args.label,
        as_of=args.as_of,
        multiline=args.multiline,
    )
    span_states: tuple[str, ...] = () if states == ["all"] else tuple(states or DECIDED)
    written: Callable[[], str]
    if args.format == "csv":
        with _output(args.output, out) as fh:
            rows = export_csv(
                store.engine, args.table, fh, raw=args.raw, excel=args.excel, filters=filters
            )
        written = lambda: f"{rows} {args.table} rows"  # noqa: E731
    elif args.format == "jsonl":
        with store.engine.connect() as conn, _output(args.output, out) as fh:
            docs = export_jsonl(conn, fh, states=span_states, article_ids=args.article)
        written = lambda: f"{docs} articles with their spans"  # noqa: E731
    elif args.format == "w3c":
        with store.engine.connect() as conn:
            data = w3c_annotations(conn, states=span_states, article_ids=args.article)
        with _output(args.output, out) as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        written = lambda: f"{data['total']} annotations"  # noqa: E731
    else:
        from desktop.nlp.docbin import export_docbin

        if args.output == "-":
            raise StoreError("A .spacy file is binary: give a file name with -o.")
        with store.engine.connect() as conn:
            report = export_docbin(
                conn, Path(args.output), states=span_states, article_ids=tuple(args.article)
            )
        written = lambda: f"{report.docs} docs with {report.spans} spans"  # noqa: E731
    if args.output != "-":
        print(f"Exported {written()} to {args.output}.", file=err)
    return 0


def cmd_import_annotations(store: Store, path: Path, out: TextIO) -> int:
    if not path.is_file():
        raise StoreError(f"There is no file {path}.")
    with path.open(encoding="utf-8") as fh:
        if path.suffix.lower() == ".jsonl":
            spans = list(read_jsonl(fh))
        else:
            try:
                spans = list(read_w3c(json.load(fh)))
            except json.JSONDecodeError as exc:
                raise StoreError(f"{path} is not JSON ({exc.msg} at line {exc.lineno}).") from exc
    with store.engine.begin() as conn:
        report = attach_spans(conn, spans, origin="analyst")
    print(
        f"Attached {report.attached} spans ({report.moved} re-anchored by their quote), "
        f"{report.already} already there, {len(report.orphaned)} orphaned.",
        file=out,
    )
    for line in report.orphaned:
        print(f"  orphaned: {line}", file=out)
    return 0


def cmd_backup(store: Store, target: Path, out: TextIO) -> int:
    from db.backup import backup_to

    print(f"Backed up {store.display_name} to {backup_to(store, target)}.", file=out)
    return 0


def cmd_db_copy(source: str, target: str, out: TextIO, err: TextIO) -> int:
    """``factdesk db copy --from … --to …``: every row, id and link into an empty store."""
    from db.store import open_store
    from db.store_copy import copy_store

    stores: list[Store] = []
    try:
        for location in (source, target):
            stores.append(open_store(location))
        copied = copy_store(stores[0], stores[1])
    except StoreError as exc:
        print(f"factdesk: {exc}", file=err)
        return 2
    finally:
        for store in stores:
            store.close()
    print(
        f"Copied {sum(copied.values())} rows of {len(copied)} tables from "
        f"{stores[0].display_name} to {stores[1].display_name}, ids kept; "
        "the search index was rebuilt.",
        file=out,
    )
    for table, count in copied.items():
        if count:
            print(f"  {table:<16} {count}", file=out)
    return 0


def cmd_restore(store: Store, source: Path, out: TextIO) -> int:
    from db.backup import restore_from
    from db.store import open_store

    safety = restore_from(store, source)
    open_store(store.url).close()  # bring an older backup up to the current schema
    print(f"Restored {source}; the previous content is in {safety}.", file=out)
    return 0
