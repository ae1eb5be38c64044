"""The fact lists' filter in SQL: an entity by name, alias or a role's text, a time window
(a fact without a time counts at its article's date), words anywhere a fact shows them;
the same filter over one article's facts and over all of them."""

from __future__ import annotations

from datetime import date

import pytest

from db import fact_table
from db.fact_filter import FactFilter, role_texts
from db.facts import facts_for_article
from db.models import Alias, Article, Entity, Evidence, Fact, FactRole
from db.store import Store

pytestmark = pytest.mark.both_backends


def build(store: Store) -> dict[str, int]:
    """Two articles, four facts; the names are the facts' predicates."""
    with store.transaction() as session:
        june = Article(title="Summit plans", text="x", source="s", content_hash="a",
                       published=date(2018, 6, 9))  # fmt: skip
        october = Article(title="Deal signed in Delhi", text="y", source="s", content_hash="b",
                          published=date(2018, 10, 5))  # fmt: skip
        session.add_all([june, october])
        session.flush()
        russia = Entity(name="Russia", type="GPE")
        india = Entity(name="India", type="GPE")
        session.add_all([russia, india])
        session.flush()
        session.add(Alias(entity_id=russia.id, alias="Russian Federation",
                          normalized="russian federation"))  # fmt: skip
        facts = {
            "expect signing": Fact(article_id=june.id, kind="expectation", status="draft",
                                   origin="model:en@3.8", time_start=date(2018, 10, 1),
                                   time_end=date(2018, 10, 31)),
            "meet": Fact(article_id=june.id, kind="event", status="confirmed"),
            "sign": Fact(article_id=october.id, kind="event", status="confirmed",
                         time_start=date(2018, 10, 5), time_end=date(2018, 10, 5)),
            "pay": Fact(article_id=october.id, kind="quantity", status="draft"),
        }  # fmt: skip
        for name, fact in facts.items():
            fact.predicate = name
            session.add(fact)
        session.flush()
        ids = {name: int(fact.id or 0) for name, fact in facts.items()}
        session.add_all([
            FactRole(fact_id=ids["expect signing"], role="buyer", entity_id=india.id),
            FactRole(fact_id=ids["expect signing"], role="seller", entity_id=russia.id),
            FactRole(fact_id=ids["sign"], role="seller", entity_id=russia.id),
            FactRole(fact_id=ids["pay"], role="value", literal="$5.4 billion"),
            Evidence(fact_id=ids["meet"], article_id=june.id, start=0, end=1,
                     quote="Modi and Putin will meet at the summit"),
        ])  # fmt: skip
    return ids


def shown(store: Store, ids: dict[str, int], found: FactFilter) -> set[str]:
    names = {v: k for k, v in ids.items()}
    with store.engine.connect() as conn:
        rows = fact_table.page(conn, found=found, offset=0, limit=100)
        assert fact_table.count_rows(conn, found) == len(rows)
    return {names[r.id] for r in rows}


def test_each_part_of_the_filter_narrows_all_facts_and_they_combine(store: Store) -> None:
    ids = build(store)
    assert shown(store, ids, FactFilter()) == set(ids)
    assert shown(store, ids, FactFilter(entity="russia")) == {"expect signing", "sign"}
    assert shown(store, ids, FactFilter(entity="Russian  Federation")) == {"expect signing", "sign"}
    assert shown(store, ids, FactFilter(entity="Ind")) == set()  # a whole name, not a part
    assert shown(store, ids, FactFilter(entity="$5.4 Billion")) == {"pay"}  # a role's text
    # the window: a fact's own time first, else its article's date
    october = FactFilter(start=date(2018, 10, 3), end=date(2018, 10, 31))
    assert shown(store, ids, october) == {"expect signing", "sign", "pay"}
    assert shown(store, ids, FactFilter(end=date(2018, 9, 30))) == {"meet"}
    # words: predicate, evidence quote, a role's literal or entity, the article's title
    assert shown(store, ids, FactFilter(text="putin")) == {"meet"}
    assert shown(store, ids, FactFilter(text="5.4 bil")) == {"pay"}
    assert shown(store, ids, FactFilter(text="delhi")) == {"sign", "pay"}
    assert shown(store, ids, FactFilter(text="DELHI")) == {"sign", "pay"}  # case aside
    assert shown(store, ids, FactFilter(text="100%")) == set()  # % is a character here
    combined = FactFilter(
        status="confirmed", kind="event", entity="Russia", start=date(2018, 10, 1)
    )
    assert shown(store, ids, combined) == {"sign"}
    with store.engine.connect() as conn:
        assert fact_table.position(conn, FactFilter(entity="Russia"), ids["sign"]) == 0
        assert fact_table.position(conn, FactFilter(entity="Russia"), ids["pay"]) == -1


def test_the_same_filter_narrows_one_articles_facts(store: Store) -> None:
    ids = build(store)
    with store.engine.connect() as conn:
        june = int(conn.exec_driver_sql("SELECT id FROM article WHERE title = 'Summit plans'")
                   .scalar_one())  # fmt: skip
        every = facts_for_article(conn, article_id=june)
        drafts = facts_for_article(conn, article_id=june, found=FactFilter(status="draft"))
        russia = facts_for_article(conn, article_id=june, found=FactFilter(entity="Russia"))
    assert [r.predicate for r in every] == ["expect signing", "meet"]
    assert [(r.predicate, r.origin) for r in drafts] == [("expect signing", "model:en@3.8")]
    assert [r.id for r in russia] == [ids["expect signing"]]


def test_the_roles_texts_complete_the_entity_filter_one_spelling_each(store: Store) -> None:
    ids = build(store)
    with store.transaction() as session:
        session.add_all([
            FactRole(fact_id=ids["meet"], role="place", literal="New Delhi"),
            FactRole(fact_id=ids["sign"], role="place", literal="new delhi"),
            FactRole(fact_id=ids["sign"], role="item", literal="S-400"),
        ])  # fmt: skip
    with store.engine.connect() as conn:
        assert role_texts(conn) in (
            ["$5.4 billion", "New Delhi", "S-400"],
            ["$5.4 billion", "new delhi", "S-400"],
        )
        assert role_texts(conn, limit=2) == ["$5.4 billion", role_texts(conn)[1]]
    # each text offered finds its facts
    assert shown(store, ids, FactFilter(entity="New Delhi")) == {"meet", "sign"}
