"""Typed, directed links between facts, seen from both ends."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from db import facts as fact_reads
from db.errors import StoreError
from db.facts import LinkRow
from db.models import Fact, FactLink, LinkType
from db.store import Store
from desktop.tracking.audit import record

INVERSE: dict[str, str] = {
    LinkType.SUPPORTS: "supported by",
    LinkType.CONTRADICTS: "contradicted by",
    LinkType.UPDATES: "updated by",
    LinkType.SUPERSEDES: "superseded by",
    LinkType.RESOLVES: "resolved by",
    LinkType.RELATED: "related to",
}
"""How a link reads from the fact at its target end."""


@dataclass(frozen=True)
class LinkView(LinkRow):
    """One link as seen from a fact: its type read in that direction, and the other fact."""

    @property
    def phrase(self) -> str:
        return self.type if self.outgoing else INVERSE.get(self.type, self.type)


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

    def work(session: Session) -> FactLink:
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

    return store.write(work)


def links_of(store: Store, fact_id: int) -> list[LinkView]:
    with store.engine.connect() as conn:
        rows = fact_reads.links_of(conn, fact_id)
    return [LinkView(**vars(row)) for row in rows]
