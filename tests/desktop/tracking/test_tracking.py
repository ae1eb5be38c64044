"""Decisions, entities, facts and the audit trail; CSV exports of facts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from db.entities import normalize_alias
from db.errors import StoreError
from db.exports import export_csv
from db.models import Alias, Audit, Entity, Evidence, Fact, FactRole, Mention, MentionState
from db.store import Store
from db.suggestions import ArticleSuggestions, SpanSuggestion, store_suggestions
from desktop.ingest.importer import import_paths
from desktop.tracking.decisions import decide_mention
from desktop.tracking.desk import Desk
from desktop.tracking.facts import FactDraft, RoleValue, create_fact

pytestmark = pytest.mark.both_backends

TEXT = "=SUM(A1) said Narendra Modi, and \u201cIndia, Russia\u201d signed.\nNew line 😀"


@pytest.fixture
def article(store: Store, tmp_path: Path) -> int:
    path = tmp_path / "a.txt"
    path.write_text("date 2018-10-05 " + TEXT, encoding="utf-8")
    [(_, article_id)] = import_paths(store, [path]).imported
    spans = [
        SpanSuggestion(s, s + len(t), t, label)
        for t, label in (("Narendra Modi", "PERSON"), ("India", "GPE"), ("Russia", "GPE"))
        for s in [TEXT.index(t)]
    ]
    with store.engine.begin() as conn:
        store_suggestions(
            conn, items=[ArticleSuggestions(article_id, spans)], origin="model:test@1"
        )
    return article_id


def mention(store: Store, text: str) -> Mention:
    with store.session() as session:
        return session.scalars(select(Mention).where(Mention.text == text)).one()


def test_accepting_links_an_entity_and_writes_an_audit_row(store: Store, article: int) -> None:
    modi = mention(store, "Narendra Modi")
    decide_mention(store, mention_id=modi.id, state=MentionState.ACCEPTED, who="ana")  # type: ignore[arg-type]
    with store.session() as session:
        stored = session.get(Mention, modi.id)
        assert stored is not None and stored.state == "accepted"
        entity = session.get(Entity, stored.entity_id)
        assert entity is not None and (entity.name, entity.type) == ("Narendra Modi", "PERSON")
        aliases = list(session.scalars(select(Alias.normalized)))
        [audit] = list(session.scalars(select(Audit)))
    assert aliases == ["narendra modi"]
    assert (audit.who, audit.action, audit.target_id) == ("ana", "mention.accepted", modi.id)
    assert audit.before is not None and audit.before["state"] == "suggested"
    assert audit.after is not None and audit.after["state"] == "accepted"


def test_the_same_name_and_label_reuses_the_entity(store: Store, article: int) -> None:
    india = mention(store, "India")
    decide_mention(store, mention_id=india.id, state=MentionState.ACCEPTED, who="a")  # type: ignore[arg-type]
    with store.engine.begin() as conn:
        conn.execute(Mention.__table__.update().values(state="suggested", entity_id=None))  # type: ignore[attr-defined]
    decide_mention(store, mention_id=india.id, state=MentionState.ACCEPTED, who="a")  # type: ignore[arg-type]
    with store.session() as session:
        assert len(list(session.scalars(select(Entity)))) == 1


def test_rejecting_does_not_create_an_entity(store: Store, article: int) -> None:
    russia = mention(store, "Russia")
    decide_mention(store, mention_id=russia.id, state=MentionState.REJECTED, who="a")  # type: ignore[arg-type]
    with store.session() as session:
        assert session.get(Mention, russia.id).state == "rejected"  # type: ignore[union-attr]
        assert list(session.scalars(select(Entity))) == []


def test_a_fact_stores_roles_evidence_and_exports_to_csv(
    store: Store, article: int, tmp_path: Path
) -> None:
    desk = Desk(store, "ana")
    modi = desk.decide(mention(store, "Narendra Modi").id, MentionState.ACCEPTED)  # type: ignore[arg-type]
    start = TEXT.index("said")
    draft = desk.draft_for(article, modi, (start, start + len("said Narendra Modi")))
    draft.kind, draft.predicate = "statement", "say"
    fact = desk.create_fact(
        draft, subject_name="Narendra Modi", subject_type="PERSON", object_text="India, Russia"
    )
    with store.session() as session:
        roles = {
            r.role: r for r in session.scalars(select(FactRole).where(FactRole.fact_id == fact.id))
        }
        [evidence] = list(session.scalars(select(Evidence)))
        assert roles["subject"].entity_id == modi.entity_id
        assert roles["object"].literal == "India, Russia"
        assert evidence.quote == "said Narendra Modi"
        assert session.scalars(select(Audit.action).order_by(Audit.id)).all() == [
            "mention.accepted",
            "fact.create",
        ]

    out = io.StringIO(newline="")
    assert export_csv(store.engine, "facts", out) == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    # Formula-like cells are neutralised with a leading apostrophe (OWASP).
    assert (
        row["article_title"]
        == "'=SUM(A1) said Narendra Modi, and \u201cIndia, Russia\u201d signed."
    )
    assert row["article_date"] == "2018-10-05"
    assert (row["kind"], row["predicate"], row["subject"], row["object"]) == (
        "statement",
        "say",
        "Narendra Modi",
        "India, Russia",
    )
    assert (row["role_subject"], row["role_object"]) == ("Narendra Modi", "India, Russia")
    assert row["role_subject_entity_ids"] == str(modi.entity_id)
    assert "role_object_entity_ids" not in row  # no object role links an entity
    assert row["evidence_quote"] == "said Narendra Modi"
    assert row["status"] == "draft" and row["modality"] == "asserted"

    out = io.StringIO(newline="")
    export_csv(store.engine, "mentions", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert {r["article_title"] for r in rows} == {
        "'=SUM(A1) said Narendra Modi, and \u201cIndia, Russia\u201d signed."
    }
    assert {r["entity"] for r in rows} == {"Narendra Modi", ""}


def test_raw_and_excel_csv(store: Store, article: int) -> None:
    out = io.StringIO(newline="")
    export_csv(store.engine, "mentions", out, raw=True, excel=True)
    data = out.getvalue()
    assert data.startswith("\ufeffid,article_id,")
    assert "\r\n" in data and ',"=SUM(A1)' in data


def test_evidence_outside_the_text_is_refused(store: Store, article: int) -> None:
    with pytest.raises(StoreError, match="outside the article"):
        create_fact(
            store,
            draft=FactDraft(article_id=article, evidence_start=5, evidence_end=10_000),
            who="a",
        )
    with store.session() as session:
        assert list(session.scalars(select(Fact))) == []


def test_role_with_a_new_entity_name_creates_it_once(store: Store, article: int) -> None:
    draft = FactDraft(
        article_id=article,
        evidence_start=0,
        evidence_end=5,
        roles={
            "buyer": RoleValue(name="India", type_="GPE"),
            "seller": RoleValue(name=" india ", type_="GPE"),
        },
    )
    create_fact(store, draft=draft, who="a")
    with store.session() as session:
        assert [e.name for e in session.scalars(select(Entity))] == ["India"]


def test_alias_normalisation() -> None:
    assert normalize_alias("  Vladimir\u00a0 PUTIN ") == "vladimir putin"
    assert normalize_alias("India\u2019s") == "india's"
