"""CSV exports streamed from the database: memory does not grow with the table."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from sqlalchemy import Engine, Select, select
from sqlalchemy.orm import aliased
from sqlmodel import col

from db.models import Article, Entity, Evidence, Fact, FactRole, Mention

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
STREAM_ROWS = 5_000


def neutralize(value: Any) -> Any:
    """OWASP's advice against CSV formula injection: text that a spreadsheet would run as
    a formula gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass(frozen=True)
class ExportTable:
    headers: tuple[str, ...]
    query: Select[*tuple[Any, ...]]


def _role_filler(role: str) -> Any:
    ent = aliased(Entity)
    fr = aliased(FactRole)
    return (
        select(col(ent.name))
        .select_from(fr)
        .outerjoin(ent, col(ent.id) == col(fr.entity_id))
        .where(col(fr.fact_id) == col(Fact.id), col(fr.role) == role)
        .order_by(col(fr.id))
        .limit(1)
        .scalar_subquery()
    ), (
        select(col(fr.literal))
        .where(col(fr.fact_id) == col(Fact.id), col(fr.role) == role)
        .order_by(col(fr.id))
        .limit(1)
        .scalar_subquery()
    )


def facts_table() -> ExportTable:
    subject_entity, subject_literal = _role_filler("subject")
    object_entity, object_literal = _role_filler("object")
    ev = aliased(Evidence)
    first_evidence = (
        select(col(ev.quote))
        .where(col(ev.fact_id) == col(Fact.id))
        .order_by(col(ev.start))
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(
            col(Fact.id),
            col(Article.id),
            col(Article.title),
            col(Article.published),
            col(Fact.kind),
            col(Fact.predicate),
            subject_entity,
            subject_literal,
            object_entity,
            object_literal,
            col(Fact.time_value),
            col(Fact.modality),
            col(Fact.status),
            first_evidence,
            col(Article.url),
        )
        .join(Article, col(Article.id) == col(Fact.article_id))
        .order_by(col(Fact.id))
    )
    headers = (
        "id",
        "article_id",
        "article_title",
        "article_date",
        "kind",
        "predicate",
        "subject",
        "subject_literal",
        "object",
        "object_literal",
        "time",
        "modality",
        "status",
        "evidence_quote",
        "article_url",
    )
    return ExportTable(headers, query)


def mentions_table() -> ExportTable:
    query = (
        select(
            col(Mention.id),
            col(Article.id),
            col(Article.title),
            col(Article.published),
            col(Mention.start),
            col(Mention.end),
            col(Mention.text),
            col(Mention.label),
            col(Mention.state),
            col(Mention.origin),
            col(Entity.name),
            col(Mention.entity_id),
            col(Mention.value),
        )
        .join(Article, col(Article.id) == col(Mention.article_id))
        .outerjoin(Entity, col(Entity.id) == col(Mention.entity_id))
        .order_by(col(Mention.article_id), col(Mention.start), col(Mention.id))
    )
    headers = (
        "id",
        "article_id",
        "article_title",
        "article_date",
        "start",
        "end",
        "text",
        "label",
        "state",
        "origin",
        "entity",
        "entity_id",
        "value",
    )
    return ExportTable(headers, query)


TABLES = {"facts": facts_table, "mentions": mentions_table}


def _cells(row: Sequence[Any], raw: bool) -> Iterable[Any]:
    for value in row:
        if value is None:
            yield ""
        elif hasattr(value, "isoformat"):
            yield value.isoformat()
        else:
            yield value if raw else neutralize(value)


def export_csv(
    engine: Engine, table: str, out: TextIO, *, raw: bool = False, excel: bool = False
) -> int:
    """Write one table as RFC 4180 CSV with a header row; returns the number of rows.

    ``out`` must be opened with ``newline=""``. ``excel`` adds a BOM and CRLF line ends.
    """
    spec = TABLES[table]()
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(spec.headers)
    count = 0
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=STREAM_ROWS).execute(
            spec.query
        )
        for partition in result.partitions():
            writer.writerows(_cells(row, raw) for row in partition)
            count += len(partition)
    return count
