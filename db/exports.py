"""CSV exports of the store's tables, streamed row by row.

Each table is one SQL query whose cells are already text or numbers, so rows go from the
database cursor into ``csv.writer`` without Python objects per cell: memory stays flat
and the rate stays close to the ``sqlite3`` shell's. Cells a spreadsheet would run as a
formula are neutralised in the query itself (OWASP: a leading apostrophe) unless ``raw``.
Every row that belongs to an article carries the article's id, title and date. A fact's
subject and object are the ones the window shows (``SUBJECT_SQL``, ``OBJECT_SQL``); its
evidence quote is one line unless ``multiline`` (line breaks become spaces), and only the
roles the exported facts use get columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from sqlalchemy import Connection, Engine, text

from db.errors import StoreError
from db.fact_filter import FactFilter, fact_conditions
from db.sql_text import as_text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FETCH_ROWS = 5_000
_SUBJECT_ORDER = "CASE WHEN {r}.role IN ('subject', 'agent') THEN 0 ELSE 1 END, {r}.id"
_SUBJECT_ROLE = (
    f"(SELECT s.id FROM fact_role s WHERE s.fact_id = f.id ORDER BY {_SUBJECT_ORDER.format(r='s')}"
    " LIMIT 1)"
)
SUBJECT_SQL = (
    "(SELECT coalesce(e.name, r.literal) FROM fact_role r LEFT JOIN entity e ON e.id = r.entity_id"
    f" WHERE r.id = {_SUBJECT_ROLE})"
)
"""The fact ``f``'s subject, as every list and export shows it: its subject (or agent)
role, else its first role; the entity's name or the literal."""
OBJECT_SQL = (
    "(SELECT coalesce(e.name, r.literal) FROM fact_role r LEFT JOIN entity e ON e.id = r.entity_id"
    f" WHERE r.fact_id = f.id AND r.id IS DISTINCT FROM {_SUBJECT_ROLE}"
    " ORDER BY CASE WHEN r.role IN ('object', 'item', 'theme') THEN 0 ELSE 1 END, r.id LIMIT 1)"
)
"""The fact ``f``'s object: its object (item, theme) role, else its first other role."""
TABLES = ("facts", "entities", "mentions", "followups", "links", "evidence")


def neutralize(value: Any) -> Any:
    """OWASP's advice against CSV formula injection, for values built in Python."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass(frozen=True)
class ExportFilter:
    article_ids: Sequence[int] = ()
    date_from: date | None = None
    date_to: date | None = None
    entity_id: int | None = None
    states: Sequence[str] = ()
    labels: Sequence[str] = ()
    as_of: date | None = None
    multiline: bool = False
    """Keep the line breaks of evidence quotes (default: one line each)."""
    facts: FactFilter = field(default_factory=FactFilter)
    """The fact lists' own filter (status, kind, entity, window, words), applied to the
    facts export with the very SQL the lists use, so an export holds the rows a list shows."""
    params: dict[str, Any] = field(default_factory=dict)


class _Sql:
    """Builds one export query: text cells wrapped for neutralising, filters bound. On
    PostgreSQL, dates and ids given '' when missing are cast to text first (SQLite's
    columns take any type), and lists are joined with ``string_agg``."""

    def __init__(self, raw: bool, dialect: str) -> None:
        self.raw = raw
        self.dialect = dialect
        self.pg = dialect == "postgresql"
        self.chr = "chr" if self.pg else "char"
        self.params: dict[str, Any] = {}

    def s(self, expr: str) -> str:
        """A date or number column as text, where ``coalesce(…, '')`` needs one type."""
        return as_text(expr, self.dialect)

    def joined(self, expr: str, order: str) -> str:
        """The values of ``expr`` joined by '|' (in ``order`` on PostgreSQL; SQLite's
        group_concat takes them in the order it reads the rows)."""
        if self.pg:
            return f"string_agg(CAST({expr} AS TEXT), '|' ORDER BY {order})"
        return f"group_concat({expr}, '|')"

    def days_between(self, later: str, earlier: str) -> str:
        """Whole days from the date ``earlier`` to the date ``later``."""
        if self.pg:
            return f"(CAST({later} AS DATE) - CAST({earlier} AS DATE))"
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"

    def t(self, expr: str) -> str:
        """A text cell: NULL becomes '', formula starts get an apostrophe."""
        if self.raw:
            return f"coalesce({expr}, '')"
        return (
            f"CASE WHEN substr({expr}, 1, 1) IN ('=', '+', '-', '@', {self.chr}(9), {self.chr}(13)) "
            f"THEN '''' || {expr} ELSE coalesce({expr}, '') END"
        )

    def one_line(self, expr: str) -> str:
        """A text cell with its line breaks as spaces."""
        cr, lf = f"{self.chr}(13)", f"{self.chr}(10)"
        return f"replace(replace(replace({expr}, {cr} || {lf}, ' '), {lf}, ' '), {cr}, ' ')"

    def where(self, f: ExportFilter, *, article: str | None, state: str | None = None,
              label: str | None = None, entity: str | None = None) -> str:  # fmt: skip
        clauses: list[str] = []
        if article and f.article_ids:
            ids = ",".join(str(int(i)) for i in f.article_ids)
            clauses.append(f"{article}.id IN ({ids})")
        if article and f.date_from:
            clauses.append(f"{article}.published >= :date_from")
            self.params["date_from"] = f.date_from.isoformat()
        if article and f.date_to:
            clauses.append(f"{article}.published <= :date_to")
            self.params["date_to"] = f.date_to.isoformat()
        if state and f.states:
            names = [f"state{i}" for i in range(len(f.states))]
            clauses.append(f"{state} IN ({', '.join(':' + n for n in names)})")
            self.params |= dict(zip(names, f.states, strict=True))
        if label and f.labels:
            names = [f"label{i}" for i in range(len(f.labels))]
            clauses.append(f"{label} IN ({', '.join(':' + n for n in names)})")
            self.params |= dict(zip(names, f.labels, strict=True))
        if entity and f.entity_id is not None:
            clauses.append(entity)
            self.params["entity_id"] = f.entity_id
        return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _roles_in_use(
    conn: Connection, where: str, params: dict[str, Any], q: _Sql
) -> list[tuple[str, bool]]:
    """(role, whether any links an entity) of the roles the facts under ``where`` use."""
    linked = "bool_or" if q.pg else "max"
    sql = (
        f"SELECT r.role, {linked}(r.entity_id IS NOT NULL) FROM fact_role r JOIN fact f ON f.id = "
        f"r.fact_id JOIN article a ON a.id = f.article_id{where} GROUP BY r.role ORDER BY r.role"
    )
    return [(role, bool(linked)) for role, linked in conn.execute(text(sql), params)]


def _facts(conn: Connection, q: _Sql, f: ExportFilter) -> tuple[list[str], str]:
    where = q.where(
        f, article="a", state="f.status",
        entity="EXISTS (SELECT 1 FROM fact_role r WHERE r.fact_id = f.id AND r.entity_id = :entity_id)",
    )  # fmt: skip
    listed = fact_conditions(f.facts, q.params)
    if listed:
        where = (where or " WHERE 1 = 1") + listed
    role_cols, headers = [], []
    for i, (role, linked) in enumerate(_roles_in_use(conn, where, q.params, q)):
        q.params[f"role{i}"] = role
        filler = (
            f"(SELECT {q.joined('coalesce(e.name, r.literal)', 'r.id')} FROM fact_role r "
            f"LEFT JOIN entity e ON e.id = r.entity_id WHERE r.fact_id = f.id AND r.role = :role{i})"
        )
        role_cols.append(q.t(filler))
        headers.append(f"role_{role}")
        if linked:
            ids = (
                f"(SELECT {q.joined('r.entity_id', 'r.id')} FROM fact_role r "
                f"WHERE r.fact_id = f.id AND r.role = :role{i} AND r.entity_id IS NOT NULL)"
            )
            role_cols.append(f"coalesce({ids}, '')")
            headers.append(f"role_{role}_entity_ids")
    quote = "(SELECT ev.quote FROM evidence ev WHERE ev.fact_id = f.id ORDER BY ev.start LIMIT 1)"
    quote = quote if f.multiline else q.one_line(quote)
    subject, obj = SUBJECT_SQL, OBJECT_SQL
    start, end = q.s("f.time_start"), q.s("f.time_end")
    time = f"coalesce(f.time_value, coalesce({start}, '') || CASE WHEN f.time_end IS NULL THEN '' ELSE '..' || {end} END)"
    sql = (
        f"SELECT f.id, a.id, {q.t('a.title')}, coalesce({q.s('a.published')}, ''), f.kind, {q.t('f.predicate')}, "
        f"{q.t(subject)}, {q.t(obj)}, {time}, coalesce({start}, ''), coalesce({end}, ''), "
        f"f.modality, {q.t('f.attributed_to')}, f.confidence, "
        f"f.status, f.origin, coalesce(f.analyst, ''), {q.t(quote)}, coalesce(a.url, '')"
        + "".join(f", {c}" for c in role_cols)
        + f" FROM fact f JOIN article a ON a.id = f.article_id{where} ORDER BY f.id"
    )
    head = ["id", "article_id", "article_title", "article_date", "kind", "predicate", "subject",
            "object", "time", "time_start", "time_end", "modality", "attributed_to",
            "confidence", "status", "origin", "analyst", "evidence_quote",
            "article_url"]  # fmt: skip
    return head + headers, sql


def _mentions(q: _Sql, f: ExportFilter) -> tuple[list[str], str]:
    where = q.where(
        f, article="a", state="m.state", label="m.label", entity="m.entity_id = :entity_id"
    )
    sql = (
        f"SELECT m.id, a.id, {q.t('a.title')}, coalesce({q.s('a.published')}, ''), m.start, m.\"end\", "
        f"{q.t('m.text')}, m.label, m.state, m.origin, {q.t('e.name')}, coalesce({q.s('m.entity_id')}, ''), "
        f"coalesce(m.value, ''), coalesce({q.s('m.value_start')}, ''), coalesce({q.s('m.value_end')}, ''), "
        "coalesce(m.granularity, '') "
        f"FROM mention m JOIN article a ON a.id = m.article_id LEFT JOIN entity e ON e.id = m.entity_id"
        f"{where} ORDER BY m.article_id, m.start, m.id"
    )
    head = ["id", "article_id", "article_title", "article_date", "start", "end", "text", "label",
            "state", "origin", "entity", "entity_id", "value", "value_start", "value_end",
            "granularity"]  # fmt: skip
    return head, sql


def _entities(q: _Sql, f: ExportFilter) -> tuple[list[str], str]:
    where = q.where(f, article=None, entity="e.id = :entity_id", label="e.type")
    live = "e.merged_into_id IS NULL"
    where = f"{where} AND {live}" if where else f" WHERE {live}"
    aliases = f"(SELECT {q.joined('al.alias', 'al.id')} FROM alias al WHERE al.entity_id = e.id)"
    sql = (
        f"SELECT e.id, {q.t('e.name')}, e.type, {q.t(aliases)}, "
        "(SELECT count(*) FROM mention m WHERE m.entity_id = e.id), "
        "(SELECT count(DISTINCT r.fact_id) FROM fact_role r WHERE r.entity_id = e.id), "
        f"{q.t('e.notes')} FROM entity e{where} ORDER BY e.id"
    )
    return ["id", "name", "type", "aliases", "mentions", "facts", "notes"], sql


def _followups(q: _Sql, f: ExportFilter) -> tuple[list[str], str]:
    as_of = (f.as_of or date.today()).isoformat()
    q.params["as_of"] = as_of
    where = q.where(f, article="a", state="fu.state")
    overdue = (
        "CASE WHEN fu.state = 'open' AND fu.due_end IS NOT NULL AND fu.due_end < :as_of "
        f"THEN {q.days_between(':as_of', 'fu.due_end')} ELSE 0 END"
    )
    # The evidence that settled it: an article, or a fact (then the fact's article).
    evidence = (
        "LEFT JOIN fact rf ON rf.id = fu.resolving_fact_id "
        "LEFT JOIN article ea ON ea.id = coalesce(fu.resolving_article_id, rf.article_id)"
    )
    sql = (
        f"SELECT fu.id, a.id, {q.t('a.title')}, coalesce({q.s('a.published')}, ''), {q.t('fu.question')}, "
        f"fu.state, coalesce({q.s('fu.due_start')}, ''), coalesce({q.s('fu.due_end')}, ''), "
        f"coalesce({q.s('fu.review_date')}, ''), coalesce({q.s('fu.snooze_until')}, ''), {overdue}, "
        f"coalesce({q.s('ea.id')}, ''), {q.t('ea.title')}, coalesce({q.s('ea.published')}, ''), "
        f"coalesce({q.s('fu.resolving_fact_id')}, ''), f.id "
        f"FROM followup fu JOIN fact f ON f.id = fu.fact_id JOIN article a ON a.id = f.article_id "
        f"{evidence}{where} ORDER BY fu.id"
    )
    head = ["id", "article_id", "article_title", "article_date", "question", "state", "due_start",
            "due_end", "review_date", "snooze_until", "days_overdue", "evidence_article_id",
            "evidence_title", "evidence_date", "evidence_fact_id", "fact_id"]  # fmt: skip
    return head, sql


def _links(q: _Sql, f: ExportFilter) -> tuple[list[str], str]:
    where = q.where(f, article="a")
    sql = (
        f"SELECT l.id, a.id, {q.t('a.title')}, coalesce({q.s('a.published')}, ''), l.source_fact_id, "
        f"{q.t('fs.predicate')}, l.type, l.target_fact_id, {q.t('ft.predicate')}, ft.article_id, "
        f"{q.t('l.note')} FROM fact_link l JOIN fact fs ON fs.id = l.source_fact_id "
        f"JOIN fact ft ON ft.id = l.target_fact_id JOIN article a ON a.id = fs.article_id"
        f"{where} ORDER BY l.id"
    )
    head = ["id", "article_id", "article_title", "article_date", "source_fact_id",
            "source_predicate", "type", "target_fact_id", "target_predicate", "target_article_id",
            "note"]  # fmt: skip
    return head, sql


def _evidence(q: _Sql, f: ExportFilter) -> tuple[list[str], str]:
    where = q.where(f, article="a", state="f.status")
    quote = "ev.quote" if f.multiline else q.one_line("ev.quote")
    sql = (
        f"SELECT ev.id, a.id, {q.t('a.title')}, coalesce({q.s('a.published')}, ''), ev.fact_id, f.kind, "
        f'{q.t("f.predicate")}, ev.start, ev."end", {q.t(quote)} FROM evidence ev '
        f"JOIN fact f ON f.id = ev.fact_id JOIN article a ON a.id = ev.article_id{where} ORDER BY ev.id"
    )
    head = ["id", "article_id", "article_title", "article_date", "fact_id", "kind", "predicate",
            "start", "end", "quote"]  # fmt: skip
    return head, sql


def build_query(
    conn: Connection, table: str, f: ExportFilter, *, raw: bool = False
) -> tuple[list[str], str, dict[str, Any]]:
    """(headers, SQL, parameters) of one table's export."""
    q = _Sql(raw, conn.dialect.name)
    if table == "facts":
        headers, sql = _facts(conn, q, f)
    elif table in {"mentions", "entities", "followups", "links", "evidence"}:
        headers, sql = {
            "mentions": _mentions, "entities": _entities, "followups": _followups,
            "links": _links, "evidence": _evidence,
        }[table](q, f)  # fmt: skip
    else:
        raise StoreError(
            f"There is no table {table!r} to export; choose one of {', '.join(TABLES)}."
        )
    return headers, sql, q.params


def stream_rows(conn: Connection, sql: str, params: dict[str, Any]) -> Iterator[Sequence[Any]]:
    """Rows straight from the DB-API cursor (no per-row Python objects from SQLAlchemy)."""
    if conn.dialect.name == "sqlite":
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.arraysize = FETCH_ROWS
        yield from cursor.execute(sql, params)
        return
    yield from conn.execution_options(stream_results=True, yield_per=FETCH_ROWS).execute(
        text(sql), params
    )


def export_csv(
    engine: Engine,
    table: str,
    out: TextIO,
    *,
    raw: bool = False,
    excel: bool = False,
    filters: ExportFilter = ExportFilter(),
) -> int:
    """Write one table as RFC 4180 CSV with a header row; returns the number of rows.

    ``out`` must be opened with ``newline=""``. ``excel`` adds a BOM and CRLF line ends.
    """
    with engine.connect() as conn:
        headers, sql, params = build_query(conn, table, filters, raw=raw)
        if excel:
            out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
        writer.writerow(headers)
        count = 0
        for count, row in enumerate(stream_rows(conn, sql, params), start=1):  # noqa: B007
            writer.writerow(row)
        return count
