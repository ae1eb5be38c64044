"""The annotation desk's operations over one store, shared by the GUI and tests.

The GUI holds one ``Desk`` and never talks to the database otherwise, so the window
module itself imports neither SQLAlchemy nor spaCy (they load after the first paint).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlmodel import Session, col

from db import article_list, fact_table, fts
from db.articles import ArticleRow, NewArticle, add_article, count_articles, ensure_room
from db.entities import NOT_ENTITY_LABELS, EntityRow, entity_rows, normalize_alias
from db.errors import StoreError
from db.fact_table import FactTableRow
from db.facts import FactRow, facts_for_article
from db.followups import FollowUpRow, followup_rows
from db.fts import SearchHit
from db.labels import label_colors
from db.limits import MAX_ARTICLE_CHARS
from db.list_query import ArticleQuery
from db.mentions import mentions_for_article
from db.models import (
    Article,
    Audit,
    Entity,
    Evidence,
    Fact,
    FactRole,
    FollowUpState,
    LabelDef,
    Mention,
    MentionState,
)
from db.store import Store
from desktop.tracking import edits
from desktop.tracking import entities as kb
from desktop.tracking import followups as lifecycle
from desktop.tracking.decisions import decide_mention, relabel_mention
from desktop.tracking.events import assign_events, one_per_event
from desktop.tracking.facts import (
    EDITABLE,
    FactDraft,
    RoleValue,
    create_fact,
    draft_from_mention,
    update_fact,
)
from desktop.tracking.links import LinkView, create_link, links_of
from desktop.tracking.updates import Candidate, check_updates

T = TypeVar("T")


@dataclass(frozen=True)
class ArticleText:
    id: int
    title: str
    text: str
    published: str
    source: str


@dataclass(frozen=True)
class FactHit:
    """A fact found by search, for picking the other end of a link."""

    id: int
    predicate: str
    kind: str
    article_id: int
    article_title: str
    published: str


@dataclass(frozen=True)
class SuggestedFact:
    kind: str
    predicate: str
    roles: list[tuple[str, str]]
    time_value: str | None
    modality: str
    attributed_to: str | None


DEFAULT_LABELS = (
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "PRODUCT",
    "EVENT",
    "DATE",
    "TIME",
    "MONEY",
    "QUANTITY",
    "WEAPON_SYSTEM",
    "LAW",
)


def _fact_hits_query() -> Any:
    return select(
        col(Fact.id),
        col(Fact.predicate),
        col(Fact.kind),
        col(Article.id),
        col(Article.title),
        col(Article.published),
    ).join(Article, col(Article.id) == col(Fact.article_id))


def _fact_hits(session: Session, stmt: Any) -> list[FactHit]:
    return [
        FactHit(fid, pred, kind, aid, title, pub.isoformat() if pub else "")
        for fid, pred, kind, aid, title, pub in session.execute(stmt)
    ]


@dataclass(frozen=True)
class FactEdit:
    id: int
    version: int
    values: dict[str, Any]


class Desk:
    def __init__(self, store: Store, analyst: str) -> None:
        self.store = store
        self.analyst = analyst

    def article_count(self) -> int:
        with self.store.session() as session:
            return count_articles(session)

    def _read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one read-only ``query(conn, ...)`` of ``db`` on a connection of its own."""
        with self.store.engine.connect() as conn:
            return query(conn, *args, **kwargs)

    def article_list_count(self, query: ArticleQuery) -> int:
        return self._read(article_list.count_rows, query)

    def article_list_page(self, query: ArticleQuery, offset: int, limit: int) -> list[ArticleRow]:
        return self._read(article_list.page, query, offset, limit)

    def article_list_position(self, query: ArticleQuery, article_id: int) -> int:
        return self._read(article_list.position, query, article_id)

    def article_sources(self) -> list[str]:
        return self._read(article_list.sources)

    def fact_table_count(self, status: str) -> int:
        return self._read(fact_table.count_rows, status)

    def fact_table_page(
        self, status: str, offset: int, limit: int, before_id: int | None
    ) -> list[FactTableRow]:
        return self._read(
            fact_table.page, status=status, offset=offset, limit=limit, before_id=before_id
        )

    def fact_table_position(self, status: str, fact_id: int) -> int:
        return self._read(fact_table.position, status, fact_id)

    def search(self, query: str, ranked: bool = True) -> list[SearchHit]:
        return self._read(fts.search, query, ranked=ranked)

    def count_matches(self, query: str) -> int:
        return self._read(fts.count_matches, query)

    def article(self, article_id: int) -> ArticleText:
        with self.store.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise StoreError(f"Article {article_id} no longer exists.")
            published = article.published.isoformat() if article.published else ""
            return ArticleText(article_id, article.title, article.text, published, article.source)

    def mentions(self, article_id: int) -> list[Mention]:
        with self.store.session() as session:
            return mentions_for_article(session, article_id=article_id)

    def entity_names(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self.store.session() as session:
            found = (session.get(Entity, entity_id) for entity_id in ids)
            return {e.id: e.name for e in found if e is not None and e.id is not None}

    def decide(self, mention_id: int, state: MentionState) -> Mention:
        return decide_mention(self.store, mention_id=mention_id, state=state, who=self.analyst)

    def facts(self, article_id: int) -> list[FactRow]:
        with self.store.session() as session:
            return facts_for_article(session, article_id=article_id)

    def draft_for(
        self, article_id: int, mention: Mention | None, selection: tuple[int, int] | None
    ) -> FactDraft:
        """A fact draft from a text selection (evidence) and/or the current highlight."""
        if mention is not None and selection is None:
            return draft_from_mention(mention)
        if selection is None:
            raise StoreError("Select some text or a highlight first, then press F.")
        start, end = selection
        roles = draft_from_mention(mention).roles if mention is not None else {}
        return FactDraft(article_id=article_id, evidence_start=start, evidence_end=end, roles=roles)

    def create_fact(
        self, draft: FactDraft, *, subject_name: str, subject_type: str, object_text: str
    ) -> Fact:
        """Create a fact with a subject (an entity) and an object (a value)."""
        return self.create_fact_with_roles(
            draft, [("subject", subject_name, subject_type), ("object", object_text, "MISC")]
        )

    def fact_for_edit(self, fact_id: int) -> FactEdit:
        """The editable fields of a fact and the version they were read at."""
        with self.store.session() as session:
            fact = session.get(Fact, fact_id)
            if fact is None or fact.id is None:
                raise StoreError(f"Fact {fact_id} no longer exists.")
            return FactEdit(
                id=fact.id,
                version=fact.version,
                values={key: getattr(fact, key) for key in EDITABLE},
            )

    def update_fact(self, edit: FactEdit, changes: dict[str, object]) -> Fact:
        """Save changes to a fact read as ``edit``; ConflictError if another analyst (or
        window) changed it since, naming who changed what."""
        return update_fact(
            self.store,
            fact_id=edit.id,
            expected_version=edit.version,
            changes=changes,
            who=self.analyst,
        )

    def create_fact_with_roles(self, draft: FactDraft, roles: list[tuple[str, str, str]]) -> Fact:
        """Create a fact from (role, text, type) rows: a row whose type is an entity label
        names an entity (found by alias, or created); MISC and value labels are literals.
        The draft's own subject entity is kept when the subject row still names it."""
        original = draft.roles.get("subject")
        filled: list[tuple[str, RoleValue]] = []
        for role, text, type_ in roles:
            if not text.strip():
                continue
            if type_ in NOT_ENTITY_LABELS or type_ in {"MISC", ""}:
                filled.append((role, RoleValue(literal=text.strip())))
            elif (
                role == "subject"
                and original is not None
                and original.entity_id is not None
                and normalize_alias(self.entity_name(original.entity_id)) == normalize_alias(text)
            ):
                filled.append((role, original))
            else:
                filled.append((role, RoleValue(name=text.strip(), type_=type_)))
        draft.roles = {}
        draft.extra_roles = filled
        return create_fact(self.store, draft=draft, who=self.analyst)

    def suggested_fact_at(self, article_id: int, start: int, end: int) -> SuggestedFact | None:
        """A suggested (not analyst-made) fact whose evidence overlaps [start, end)."""
        with self.store.session() as session:
            row = session.execute(
                select(
                    col(Fact.id),
                    col(Fact.kind),
                    col(Fact.predicate),
                    col(Fact.time_value),
                    col(Fact.modality),
                    col(Fact.attributed_to),
                )
                .join(Evidence, col(Evidence.fact_id) == col(Fact.id))
                .where(
                    col(Fact.article_id) == article_id,
                    col(Fact.origin) != "analyst",
                    col(Evidence.start) < end,
                    col(Evidence.end) > start,
                )
                .order_by(col(Evidence.start))
                .limit(1)
            ).first()
            if row is None:
                return None
            roles = [
                (role, name or literal or "")
                for role, name, literal in session.execute(
                    select(col(FactRole.role), col(Entity.name), col(FactRole.literal))
                    .outerjoin(Entity, col(Entity.id) == col(FactRole.entity_id))
                    .where(col(FactRole.fact_id) == row[0])
                    .order_by(col(FactRole.id))
                )
            ]
        return SuggestedFact(row[1], row[2], roles, row[3], row[4], row[5])

    def entity_name(self, entity_id: int) -> str:
        with self.store.session() as session:
            entity = session.get(Entity, entity_id)
            return entity.name if entity is not None else ""

    def followups(self, as_of: date) -> list[FollowUpRow]:
        """The queue: each tracked event once per bucket."""
        assign_events(self.store)
        with self.store.session() as session:
            return one_per_event(followup_rows(session, as_of=as_of), per_bucket=True)

    def confirm_followup(self, followup_id: int) -> None:
        lifecycle.confirm(self.store, followup_id=followup_id, who=self.analyst, whole_event=True)

    def resolve_followup(
        self,
        followup_id: int,
        state: FollowUpState,
        evidence_article: int | None = None,
        note: str = "",
    ) -> None:
        lifecycle.resolve(
            self.store,
            followup_id=followup_id,
            state=state,
            who=self.analyst,
            evidence=lifecycle.Evidence_(article_id=evidence_article),
            note=note,
        )

    def postpone_followup(
        self, followup_id: int, start: date | None, end: date, evidence_article: int | None = None
    ) -> int:
        successor = lifecycle.postpone(
            self.store,
            followup_id=followup_id,
            new_start=start,
            new_end=end,
            who=self.analyst,
            evidence=lifecycle.Evidence_(article_id=evidence_article),
        )
        assert successor.id is not None
        return successor.id

    def snooze_followup(self, followup_id: int, until: date) -> None:
        lifecycle.snooze(self.store, followup_id=followup_id, until=until, who=self.analyst)

    def candidates(self, followup_id: int, as_of: date) -> list[Candidate]:
        found = check_updates(self.store, as_of=as_of, followup_ids=[followup_id])
        return found[0].candidates if found else []

    def evidence_of(self, fact_id: int) -> tuple[int, int, int] | None:
        """(article id, start, end) of a fact's first evidence quote; a fact without one
        gives its article and an empty range; None when the fact is gone."""
        with self.store.session() as session:
            row = session.execute(
                select(col(Evidence.article_id), col(Evidence.start), col(Evidence.end))
                .where(col(Evidence.fact_id) == fact_id)
                .order_by(col(Evidence.start))
                .limit(1)
            ).first()
            if row is None:
                fact = session.get(Fact, fact_id)
                return (fact.article_id, 0, 0) if fact is not None else None
        return (row[0], row[1], row[2])

    def links(self, fact_id: int) -> list[LinkView]:
        return links_of(self.store, fact_id)

    def link(self, source: int, target: int, type_: str, note: str = "") -> None:
        create_link(
            self.store,
            source_fact_id=source,
            target_fact_id=target,
            type_=type_,
            who=self.analyst,
            note=note,
        )

    def search_facts(self, text: str, limit: int = 50) -> list[FactHit]:
        """Facts whose predicate, article title or role names contain the text."""
        pattern = f"%{text.strip()}%"
        with self.store.session() as session:
            stmt = (
                _fact_hits_query()
                .order_by(col(Article.published).desc(), col(Fact.id))
                .limit(limit)
            )
            if text.strip():
                roles = (
                    select(col(FactRole.fact_id))
                    .outerjoin(Entity, col(Entity.id) == col(FactRole.entity_id))
                    .where(col(FactRole.literal).ilike(pattern) | col(Entity.name).ilike(pattern))
                )
                stmt = stmt.where(
                    col(Fact.predicate).ilike(pattern)
                    | col(Article.title).ilike(pattern)
                    | col(Fact.id).in_(roles)
                )
            return _fact_hits(session, stmt)

    def related_facts(self, fact_id: int) -> list[FactHit]:
        """Facts in other articles that share an entity with this one."""
        with self.store.session() as session:
            mine = select(col(FactRole.entity_id)).where(
                col(FactRole.fact_id) == fact_id, col(FactRole.entity_id).is_not(None)
            )
            here = session.get(Fact, fact_id)
            if here is None:
                return []
            stmt = (
                _fact_hits_query()
                .where(
                    col(Fact.id).in_(
                        select(col(FactRole.fact_id)).where(col(FactRole.entity_id).in_(mine))
                    ),
                    col(Fact.article_id) != here.article_id,
                )
                .order_by(col(Article.published), col(Fact.id))
                .limit(100)
            )
            return _fact_hits(session, stmt)

    # ----- highlight edits and undo ---------------------------------------------------
    def relabel(self, mention_id: int, label: str) -> Mention:
        return relabel_mention(self.store, mention_id=mention_id, label=label, who=self.analyst)

    def move_edge(self, mention_id: int, edge: str, step: int) -> Mention:
        return edits.move_edge(
            self.store, mention_id=mention_id, edge=edge, step=step, who=self.analyst
        )

    def add_mention(self, article_id: int, start: int, end: int, label: str) -> Mention:
        return edits.add_mention(
            self.store, article_id=article_id, start=start, end=end, label=label, who=self.analyst
        )

    def link_mention(
        self, mention_id: int, entity_id: int | None, new_name: str | None = None
    ) -> Mention:
        return edits.link_mention(
            self.store,
            mention_id=mention_id,
            who=self.analyst,
            entity_id=entity_id,
            new_name=new_name,
        )

    def undo(self, audit_id: int) -> None:
        edits.undo_or_redo(self.store, audit_id=audit_id, who=self.analyst, redo=False)

    def redo(self, audit_id: int) -> None:
        edits.undo_or_redo(self.store, audit_id=audit_id, who=self.analyst, redo=True)

    def undo_history(self, article_id: int) -> tuple[list[int], list[int]]:
        return edits.undo_history(self.store, article_id)

    def audit_action(self, audit_id: int) -> str:
        with self.store.session() as session:
            row = session.get(Audit, audit_id)
            return row.action if row is not None else ""

    def entities(self, text: str = "") -> list[EntityRow]:
        with self.store.session() as session:
            return entity_rows(session, text=text)

    def labels(self) -> list[str]:
        """Labels in use and the analyst's own, for the label picker."""
        with self.store.session() as session:
            used = set(session.scalars(select(col(Mention.label)).distinct()))
            used |= set(label_colors(session))
            used |= set(session.scalars(select(col(LabelDef.name))))
        return sorted(used | set(DEFAULT_LABELS))

    # ----- the knowledge base ---------------------------------------------------------
    def rename_entity(self, entity_id: int, name: str) -> None:
        kb.rename(self.store, entity_id=entity_id, name=name, who=self.analyst)

    def add_alias(self, entity_id: int, alias: str) -> None:
        kb.add_alias(self.store, entity_id=entity_id, alias=alias, who=self.analyst)

    def remove_alias(self, entity_id: int, alias: str) -> None:
        kb.remove_alias(self.store, entity_id=entity_id, alias=alias, who=self.analyst)

    def merge_preview(self, source_id: int, target_id: int) -> kb.MergePreview:
        return kb.merge_preview(self.store, source_id=source_id, target_id=target_id)

    def merge_entities(self, source_id: int, target_id: int) -> int:
        return kb.merge(self.store, source_id=source_id, target_id=target_id, who=self.analyst)

    def entity_page(self, entity_id: int) -> list[kb.PageLine]:
        return kb.page(self.store, entity_id=entity_id)

    def add_text_article(self, text: str, title: str, published: date) -> tuple[int, bool]:
        """A pasted article: (id, created); the same text pasted twice is stored once."""
        if not text.strip():
            raise StoreError("The article has no text; paste some first.")
        if len(text) > MAX_ARTICLE_CHARS:
            raise StoreError(
                f"The text has {len(text):,} characters; an article may have up to "
                f"{MAX_ARTICLE_CHARS:,}. Split it into several articles."
            )
        with self.store.transaction() as session:
            ensure_room(session, adding=1)
            return add_article(
                session,
                article=NewArticle(
                    text=text,
                    title=title or text.strip().splitlines()[0][:300],
                    published=published,
                    source="pasted",
                ),
            )

    def last_change(self, article_id: int) -> tuple[int, str] | None:
        """(id, action) of the newest change in an article (what the undo stack gets next)."""
        with self.store.engine.connect() as conn:  # Core: this runs on every keystroke
            row = conn.execute(
                select(col(Audit.id), col(Audit.action))
                .where(
                    col(Audit.article_id) == article_id, col(Audit.action).not_in(["undo", "redo"])
                )
                .order_by(col(Audit.id).desc())
                .limit(1)
            ).first()
        if row is None or row[0] is None:
            return None
        return row[0], row[1]
