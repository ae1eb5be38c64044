"""The façade the window and the tests work through: one ``Desk`` per open store, whose
methods bind the analyst's name to the workflow services (each in its own module of this
package) and to the read-only queries of ``db``. It holds no logic and no SQL of its own.

The window opens the store and from then on reaches it only through its ``Desk``, so the
window module itself imports neither SQLAlchemy nor spaCy (they load after the first
paint).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from db import article_list, fact_table, fts, presence
from db import facts as fact_reads
from db.articles import ArticleRow, count_articles
from db.audit import latest_step, newest_row
from db.builtin_labels import LITERAL_TYPE
from db.entities import EntityRow, PageLine, entity_names, entity_rows
from db.exports import ExportFilter
from db.fact_filter import FactFilter, role_texts
from db.fact_table import FactTableRow
from db.facts import FactHit, FactRow, SuggestedFact, facts_for_article
from db.followups import FollowUpRow, followup_rows
from db.fts import SearchHit
from db.list_query import ArticleQuery
from db.models import Fact, FollowUpState, Mention, MentionState
from db.review import Highlights, Reuse, label_definitions
from db.sources import Feed
from db.store import Store
from desktop.tracking import entities as kb
from desktop.tracking import export, fact_forms, intake, review, sources, undo
from desktop.tracking import followups as lifecycle
from desktop.tracking.decisions import (
    apply_reuse,
    decide_mention,
    decide_recorded,
    relabel_mention,
    reuse_counts,
)
from desktop.tracking.events import assign_events, one_per_event
from desktop.tracking.facts import FactDraft
from desktop.tracking.intake import PastedText
from desktop.tracking.lexicon import add_word, lexicon_listing
from desktop.tracking.links import LinkView, create_link, links_of
from desktop.tracking.undo import Replayed
from desktop.tracking.updates import Candidate, check_updates
from desktop.tracking.watch import StoreWatch

T = TypeVar("T")
P = ParamSpec("P")


class Desk:
    def __init__(self, store: Store, analyst: str) -> None:
        self.store = store
        self.analyst = analyst
        self._presence: Connection | None = None
        self._shown: int | None = None

    def close(self) -> None:
        if self._presence is not None:
            self.show_open(None)  # tells the colleagues' windows (closing alone would not)
        if self._presence is not None:
            self._presence.close()
        self.store.close()

    def show_open(self, article_id: int | None) -> None:
        """Let colleagues' article lists show that this analyst has ``article_id`` open
        (team mode; ``db.presence``). Best effort: a failure only drops the mark."""
        if article_id == self._shown or self.store.engine.dialect.name != "postgresql":
            return
        try:
            if self._presence is None:
                self._presence = self.store.engine.connect()
            presence.hold(self._presence, article_id)
            self._shown = article_id
        except DBAPIError:
            if self._presence is not None:
                self._presence.invalidate()
                self._presence = None
            self._shown = None

    def show_open_again(self) -> None:
        """The store is back after a lost connection: the server dropped this window's
        "open by" mark with the connection, so take it again on a new one."""
        if self._presence is not None:
            self._presence.invalidate()
            self._presence = None
        shown, self._shown = self._shown, None
        if shown is not None:
            self.show_open(shown)

    def _read(self, query: Callable[Concatenate[Connection, P], T], *a: P.args, **k: P.kwargs) -> T:
        """Run one read-only ``query(conn, ...)`` of ``db`` on a connection of its own."""
        with self.store.engine.connect() as conn:
            return query(conn, *a, **k)

    def _read_orm(
        self, query: Callable[Concatenate[Session, P], T], *a: P.args, **k: P.kwargs
    ) -> T:
        """Run one read-only ``query(session, ...)`` of ``db`` in a session of its own."""
        with self.store.session() as session:
            return query(session, *a, **k)

    # ----- the article list and search (reads only) ----------------------------------
    def article_count(self) -> int:
        return self._read_orm(count_articles)

    def article_list_count(self, query: ArticleQuery) -> int:
        return self._read(article_list.count_rows, query)

    def article_list_page(self, query: ArticleQuery, offset: int, limit: int) -> list[ArticleRow]:
        rows = self._read(article_list.page, query, offset, limit)
        others = self._read(presence.open_by_others)
        return [replace(r, open_by=others[r.id]) if r.id in others else r for r in rows]

    def article_list_position(self, query: ArticleQuery, article_id: int) -> int:
        return self._read(article_list.position, query, article_id)

    def article_sources(self) -> list[str]:
        return self._read(article_list.sources)

    def search(self, query: str, ranked: bool = True) -> list[SearchHit]:
        return self._read(fts.search, query, ranked=ranked)

    def count_matches(self, query: str) -> int:
        return self._read(fts.count_matches, query)

    def count_at_most(self, query: str, limit: int) -> int | None:
        return self._read(fts.count_at_most, query, limit)

    def matched_spans(self, query: str, article_id: int) -> list[tuple[int, int]]:
        """Where a search matched in an article ([start, end) offsets), for marking it."""
        return self._read(fts.matched_spans, query, article_id)

    def watch(self) -> StoreWatch:
        """A watch on the store for changes made elsewhere (see ``watch.StoreWatch``)."""
        return StoreWatch(self.store)

    # ----- intake and export ---------------------------------------------------------
    def intake(
        self, request: intake.IntakeRequest, progress: intake.Progress | None = None
    ) -> intake.IntakeReport:
        return intake.run_intake(self.store, request, progress=progress)

    def add_text_article(self, pasted: PastedText) -> tuple[int, bool]:
        """A pasted article: (id, created); the same text pasted twice is stored once."""
        return intake.paste_article(self.store, pasted)

    def export_table(self, table: str, path: Path, filters: ExportFilter | None = None) -> int:
        return export.export_table(self.store, table, path, filters)

    # ----- sources: followed feeds ----------------------------------------------------
    def feeds(self) -> list[Feed]:
        return sources.feeds(self.store)

    def subscribe(self, url: str, name: str = "") -> Feed:
        return sources.subscribe(self.store, url, name=name)

    def unsubscribe(self, ref: str) -> Feed:
        return sources.unsubscribe(self.store, ref)

    def poller(self, settings: sources.PollSettings) -> sources.Poller:
        """One poller for the window's background polls (it may be cancelled from the GUI
        thread while it fetches)."""
        return sources.Poller(self.store, settings)

    # ----- reviewing highlights --------------------------------------------------------
    def open_article(self, article_id: int) -> review.OpenedArticle | None:
        opened = review.open_article(self.store, article_id)
        self.show_open(article_id if opened is not None else None)
        return opened

    def highlights(self, article_id: int) -> Highlights:
        return review.article_highlights(self.store, article_id)

    def entity_names(self, ids: set[int]) -> dict[int, str]:
        return self._read(entity_names, ids)

    def entity_name(self, entity_id: int) -> str:
        return self.entity_names({entity_id}).get(entity_id, "")

    def labels(self) -> list[str]:
        return review.labels(self.store)

    def label_definitions(self) -> tuple[dict[str, str], dict[str, str]]:
        """The analyst's own labels: (colours, descriptions)."""
        return self._read_orm(label_definitions)

    def reuse_counts(self, mention_id: int, kind: Reuse) -> tuple[int, int]:
        return reuse_counts(self.store, mention_id=mention_id, kind=kind)

    def apply_reuse(self, mention_id: int, kind: Reuse, everywhere: bool) -> int:
        return apply_reuse(
            self.store, mention_id=mention_id, kind=kind, everywhere=everywhere, who=self.analyst
        )

    def decide(self, mention_id: int, state: MentionState, version: int | None = None) -> Mention:
        return decide_mention(
            self.store, mention_id=mention_id, state=state, who=self.analyst, version=version
        )

    def decide_step(
        self, mention_id: int, state: MentionState, version: int | None = None
    ) -> tuple[Mention, int, str]:
        """A decision with the undo step it made and that step's caption (the window's A
        and X: its undo stack gets the step without reading it back)."""
        done = decide_recorded(
            self.store, mention_id=mention_id, state=state, who=self.analyst, version=version
        )
        return done.mention, done.step.step, undo.caption(done.step)

    def relabel(self, mention_id: int, label: str, version: int | None = None) -> Mention:
        return relabel_mention(
            self.store, mention_id=mention_id, label=label, who=self.analyst, version=version
        )

    def move_edge(
        self, mention_id: int, edge: str, step: int, version: int | None = None
    ) -> Mention:
        return review.move_edge(
            self.store, mention_id=mention_id, edge=edge, step=step, who=self.analyst,
            version=version,
        )  # fmt: skip

    def add_mention(self, article_id: int, start: int, end: int, label: str) -> Mention:
        return review.add_mention(
            self.store, article_id=article_id, start=start, end=end, label=label, who=self.analyst
        )

    def link_mention(
        self,
        mention_id: int,
        entity_id: int | None,
        new_name: str | None = None,
        version: int | None = None,
    ) -> Mention:
        return review.link_mention(
            self.store, mention_id=mention_id, who=self.analyst, entity_id=entity_id,
            new_name=new_name, version=version,
        )  # fmt: skip

    # ----- undo (any workflow's audited change) ---------------------------------------
    def undo(self, step: int) -> Replayed:
        return undo.undo_or_redo(self.store, step=step, who=self.analyst, redo=False)

    def redo(self, step: int) -> Replayed:
        return undo.undo_or_redo(self.store, step=step, who=self.analyst, redo=True)

    def latest_step(self, after: int) -> tuple[int, str, int] | None:
        """(step, caption, newest audit row) of the newest change this analyst made after
        audit row ``after`` (what the undo stack gets next)."""
        found, newest = self._read(latest_step, self.analyst, after)
        return None if found is None else (found.step, undo.caption(found), newest)

    def newest_change(self) -> int:
        """The newest audit row's id: the undo history looks for changes after it."""
        return self._read(newest_row)

    # ----- facts -----------------------------------------------------------------------
    def facts(self, article_id: int, found: FactFilter | None = None) -> list[FactRow]:
        return self._read(facts_for_article, article_id=article_id, found=found)

    def fact_table_count(self, found: FactFilter) -> int:
        return self._read(fact_table.count_rows, found)

    def fact_table_page(
        self, found: FactFilter, offset: int, limit: int, before_id: int | None
    ) -> list[FactTableRow]:
        return self._read(
            fact_table.page, found=found, offset=offset, limit=limit, before_id=before_id
        )

    def fact_table_position(self, found: FactFilter, fact_id: int) -> int:
        return self._read(fact_table.position, found, fact_id)

    def role_texts(self) -> list[str]:
        return self._read(role_texts)

    def draft_for(
        self, article_id: int, mention: Mention | None, selection: tuple[int, int] | None
    ) -> FactDraft:
        return fact_forms.draft_for(article_id, mention, selection)

    def suggested_fact_at(self, article_id: int, start: int, end: int) -> SuggestedFact | None:
        return self._read(fact_reads.suggested_fact_at, article_id, start, end)

    def create_fact_with_roles(self, draft: FactDraft, roles: list[fact_forms.RoleLine]) -> Fact:
        return fact_forms.create_with_roles(self.store, draft, roles, self.analyst)

    def create_fact(
        self, draft: FactDraft, *, subject_name: str, subject_type: str, object_text: str
    ) -> Fact:
        """Create a fact with a subject (an entity) and an object (a value)."""
        return self.create_fact_with_roles(
            draft,
            [
                ("subject", subject_name, subject_type, None),
                ("object", object_text, LITERAL_TYPE, None),
            ],
        )

    def same_name_elsewhere(self, roles: list[fact_forms.RoleLine]) -> list[tuple[int, str, str]]:
        return fact_forms.same_name_elsewhere(self.store, roles)

    def entity_of(self, name: str, type_: str) -> int | None:
        return fact_forms.entity_of(self.store, name, type_)

    def fact_for_edit(self, fact_id: int) -> fact_forms.FactEdit:
        return fact_forms.read_for_edit(self.store, fact_id)

    def update_fact(
        self,
        edit: fact_forms.FactEdit,
        changes: dict[str, object],
        roles: list[fact_forms.RoleLine] | None = None,
        evidence: list[tuple[int, int]] | None = None,
    ) -> Fact:
        return fact_forms.save_edit(
            self.store, edit, changes, self.analyst, roles=roles, evidence=evidence
        )

    def evidence_of(self, fact_id: int) -> tuple[int, int, int] | None:
        return self._read(fact_reads.evidence_of, fact_id)

    def links(self, fact_id: int) -> list[LinkView]:
        return links_of(self.store, fact_id)

    def link(self, source: int, target: int, type_: str, note: str = "") -> None:
        """A typed link from one fact to another (undoable)."""
        create_link(
            self.store, source_fact_id=source, target_fact_id=target, type_=type_,
            who=self.analyst, note=note,
        )  # fmt: skip

    def search_facts(self, text: str, limit: int = 50) -> list[FactHit]:
        return self._read(fact_reads.search_facts, text, limit)

    def related_facts(self, fact_id: int) -> list[FactHit]:
        return self._read(fact_reads.related_facts, fact_id)

    # ----- follow-ups ------------------------------------------------------------------
    def followups(self, as_of: date) -> list[FollowUpRow]:
        """The queue: each tracked event once per bucket."""
        assign_events(self.store)
        rows = self._read_orm(followup_rows, as_of=as_of)
        return one_per_event(rows, per_bucket=True)

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
            self.store, followup_id=followup_id, state=state, who=self.analyst,
            evidence=lifecycle.SettlingEvidence(article_id=evidence_article), note=note,
        )  # fmt: skip

    def postpone_followup(
        self, followup_id: int, start: date | None, end: date, evidence_article: int | None = None
    ) -> int:
        successor = lifecycle.postpone(
            self.store, followup_id=followup_id, new_start=start, new_end=end, who=self.analyst,
            evidence=lifecycle.SettlingEvidence(article_id=evidence_article),
        )  # fmt: skip
        assert successor.id is not None
        return successor.id

    def snooze_followup(self, followup_id: int, until: date) -> None:
        lifecycle.snooze(self.store, followup_id=followup_id, until=until, who=self.analyst)

    def candidates(self, followup_id: int, as_of: date) -> list[Candidate]:
        found = check_updates(self.store, as_of=as_of, followup_ids=[followup_id])
        return found[0].candidates if found else []

    def lexicon_groups(self) -> list[str]:
        """The event lexicon's groups (the analyst's new ones included), by name."""
        return [group for group, kind, _words in lexicon_listing(self.store) if kind == "event"]

    def add_lexicon_word(self, group: str, word: str) -> bool:
        """Add a word to an event group (audited); False when it is there already."""
        return add_word(self.store, group=group, word=word, who=self.analyst)

    # ----- the knowledge base ---------------------------------------------------------
    def entities(self, text: str = "") -> list[EntityRow]:
        return self._read_orm(entity_rows, text=text)

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

    def entity_page(self, entity_id: int) -> list[PageLine]:
        return kb.page(self.store, entity_id=entity_id)
