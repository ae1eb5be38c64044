"""Typed, directed links between facts, seen from both ends."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlmodel import col

from db.errors import StoreError
from db.models import Article, Fact, FactLink, LinkType
from db.store import Store
from desktop.tracking.audit import record


@dataclass(frozen=True)
class LinkView:
    """One link as seen from a fact: its type read in that direction, and the other fact."""

    id: int
    type: str
    outgoing: bool
    other_fact_id: int
    other_predicate: str
    other_article_title: str
    note: str

    @property
    def phrase(self) -> str:
        inverse = {
            "supports": "supported by",
            "contradicts": "contradicted by",
            "updates": "updated by",
            "supersedes": "superseded by",
            "resolves": "resolved by",
            "related": "related to",
        }
        return self.type if self.outgoing else inverse.get(self.type, self.type)


def create_link(
    store: Store, *, source_fact_id: int, target_fact_id: int, type_: str, who: str, note: str = ""
) -> FactLink:
    try:
        kind = LinkType(type_)
    except ValueError as exc:
        names = ", ".join(t.value for t in LinkType)
        raise StoreError(f"{type_!r} is not a link type; use one of {names}.") from exc
    if source_fact_id == target_fact_id:
        raise StoreError("A fact cannot be linked to itself; choose another fact.")
    with store.transaction() as session:
        for fact_id in (source_fact_id, target_fact_id):
            if session.get(Fact, fact_id) is None:
                raise StoreError(f"There is no fact {fact_id}.")
        link = FactLink(
            source_fact_id=source_fact_id, target_fact_id=target_fact_id, type=kind.value, note=note
        )
        session.add(link)
        session.flush()
        assert link.id is not None
        source = session.get(Fact, source_fact_id)
        record(
            session,
            who=who,
            action="link.create",
            target_table="fact_link",
            target_id=link.id,
            article_id=source.article_id if source else None,
            before=None,
            after={
                "source": source_fact_id,
                "target": target_fact_id,
                "type": kind.value,
                "note": note,
            },
        )
    return link


def links_of(store: Store, fact_id: int) -> list[LinkView]:
    with store.session() as session:
        rows = session.execute(
            select(FactLink, Fact, Article)
            .join(
                Fact,
                or_(
                    (col(FactLink.source_fact_id) == fact_id)
                    & (col(Fact.id) == col(FactLink.target_fact_id)),
                    (col(FactLink.target_fact_id) == fact_id)
                    & (col(Fact.id) == col(FactLink.source_fact_id)),
                ),
            )
            .join(Article, col(Article.id) == col(Fact.article_id))
            .order_by(col(FactLink.id))
        ).all()
    views = []
    for link, other, article in rows:
        assert link.id is not None and other.id is not None
        views.append(
            LinkView(
                link.id,
                link.type,
                link.source_fact_id == fact_id,
                other.id,
                other.predicate,
                article.title,
                link.note,
            )
        )
    return views
