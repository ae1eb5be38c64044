"""The annotation desk's operations over one store, shared by the GUI and tests.

The GUI holds one ``Desk`` and never talks to the database otherwise, so the window
module itself imports neither SQLAlchemy nor spaCy (they load after the first paint).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.articles import ArticleRow, count_articles, list_articles
from db.entities import normalize_alias
from db.errors import StoreError
from db.facts import FactRow, facts_for_article
from db.mentions import mentions_for_article
from db.models import Article, Entity, Fact, Mention, MentionState
from db.store import Store
from desktop.tracking.decisions import decide_mention
from desktop.tracking.facts import FactDraft, RoleValue, create_fact, draft_from_mention


@dataclass(frozen=True)
class ArticleText:
    id: int
    title: str
    text: str
    published: str
    source: str


class Desk:
    def __init__(self, store: Store, analyst: str) -> None:
        self.store = store
        self.analyst = analyst

    def article_count(self) -> int:
        with self.store.session() as session:
            return count_articles(session)

    def articles(self) -> list[ArticleRow]:
        with self.store.session() as session:
            return list_articles(session)

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
        """Create a fact; the subject field names an entity (found by alias, or created)."""
        roles = dict(draft.roles)
        original = roles.get("subject")
        if subject_name.strip():
            keep = (
                original is not None
                and original.entity_id is not None
                and (
                    normalize_alias(self.entity_name(original.entity_id))
                    == normalize_alias(subject_name)
                )
            )
            if not keep:
                roles["subject"] = RoleValue(name=subject_name.strip(), type_=subject_type)
        else:
            roles.pop("subject", None)
        if object_text.strip():
            roles["object"] = RoleValue(literal=object_text.strip())
        draft.roles = roles
        return create_fact(self.store, draft=draft, who=self.analyst)

    def entity_name(self, entity_id: int) -> str:
        with self.store.session() as session:
            entity = session.get(Entity, entity_id)
            return entity.name if entity is not None else ""
