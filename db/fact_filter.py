"""What the fact lists (the open article's Facts and All facts) are narrowed to: status,
kind, an entity, a time window and words, as one SQL condition over ``fact f`` joined to
``article a``, so that a list of a million facts is filtered by SQLite, not in Python.

- entity: a role of the fact names it: the role's entity has the text as its name or an
  alias, or the role is that text (the model's suggestions name their roles' values
  before any entity exists); case and spacing aside;
- window: the fact's time range overlaps it; a fact without a time counts at its
  article's publication date;
- text: the predicate, an evidence quote, a role (entity name or literal) or the
  article's title contains the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from db.entities import normalize_alias

ROLE_TEXTS = 5_000
"""At most this many role texts are offered to complete the entity filter."""


@dataclass(frozen=True)
class FactFilter:
    status: str = ""
    kind: str = ""
    entity: str = ""
    start: date | None = None
    end: date | None = None
    text: str = ""

    def only_status(self) -> bool:
        """Nothing but (at most) a status: the lists' fast paths (an index, no join)."""
        return self == FactFilter(status=self.status)


def _like(words: str) -> str:
    escaped = words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _like_sql(column: str) -> str:
    """``column`` contains the words, case aside on both backends: SQLite's LIKE ignores
    (ASCII) case, PostgreSQL's does not, so both sides are lowered."""
    return f"lower({column}) LIKE lower(:f_text) ESCAPE '\\'"


def fact_conditions(found: FactFilter, params: dict[str, Any]) -> str:
    """`` AND …`` for each part of the filter over ``fact f`` and ``article a`` (empty:
    no filter), its values put in ``params``."""
    sql = ""
    if found.status:
        params["f_status"] = found.status
        sql += " AND f.status = :f_status"
    if found.kind:
        params["f_kind"] = found.kind
        sql += " AND f.kind = :f_kind"
    if found.entity.strip():
        params["f_entity"] = normalize_alias(found.entity)
        # The set of facts naming it, read through the roles' indexes (entity id; the
        # literal's lower case, migration 0010) once, rather than each fact's roles.
        sql += (
            " AND f.id IN (SELECT fr.fact_id FROM fact_role fr WHERE fr.entity_id IN"
            " (SELECT fe.id FROM entity fe WHERE lower(fe.name) = :f_entity"
            " UNION SELECT al.entity_id FROM alias al WHERE al.normalized = :f_entity)"
            " UNION SELECT fl.fact_id FROM fact_role fl WHERE lower(fl.literal) = :f_entity)"
        )
    if found.start is not None:
        params["f_start"] = found.start.isoformat()
        sql += " AND coalesce(f.time_end, f.time_start, a.published) >= :f_start"
    if found.end is not None:
        params["f_end"] = found.end.isoformat()
        sql += " AND coalesce(f.time_start, f.time_end, a.published) <= :f_end"
    if found.text.strip():
        params["f_text"] = _like(found.text)
        sql += (
            f" AND ({_like_sql('f.predicate')} OR {_like_sql('a.title')}"
            " OR EXISTS (SELECT 1 FROM evidence fv WHERE fv.fact_id = f.id"
            f" AND {_like_sql('fv.quote')})"
            " OR EXISTS (SELECT 1 FROM fact_role fr LEFT JOIN entity fe ON fe.id = fr.entity_id"
            f" WHERE fr.fact_id = f.id AND ({_like_sql('fr.literal')} OR {_like_sql('fe.name')})))"
        )
    return sql


def role_texts(conn: Connection, limit: int = ROLE_TEXTS) -> list[str]:
    """The roles' own texts (one spelling of each, case aside; the first ``limit`` in
    order), which the entity filter matches as it matches entity names: a fresh store's
    facts are the model's, whose roles are texts before any entity exists.

    Read by stepping from one text to the next in migration 0010's index on
    ``lower(literal)`` (one seek each), not by grouping every role: a million roles with
    the same text cost one step."""
    rows = conn.execute(
        text(
            "WITH RECURSIVE step(v, n) AS ("
            " SELECT (SELECT min(lower(literal)) FROM fact_role), 1"
            " UNION ALL SELECT (SELECT min(lower(r.literal)) FROM fact_role r"
            " WHERE lower(r.literal) > step.v), step.n + 1 FROM step"
            " WHERE step.v IS NOT NULL AND step.n < :limit)"
            " SELECT (SELECT r.literal FROM fact_role r WHERE lower(r.literal) = step.v LIMIT 1)"
            " FROM step WHERE step.v IS NOT NULL"
        ),
        {"limit": limit},
    )
    return [str(value).strip() for (value,) in rows if value and str(value).strip()]
