"""``factdesk db copy``: a worked SQLite store to PostgreSQL and back, every row and id
kept, the exports of all three byte for byte the same, the search index working."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.exports import TABLES, ExportFilter, export_csv
from db.fts import count_matches
from db.models import Article, FollowUp, FollowUpState, Mention, MentionState
from db.store import Store, open_store, to_url
from db.store_copy import row_counts
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.nlp.suggest import suggest_articles
from desktop.tracking import followups as lifecycle
from desktop.tracking.decisions import decide_mention
from desktop.tracking.entities import add_alias, merge
from desktop.tracking.facts import FactDraft, RoleValue, create_fact
from desktop.tracking.links import create_link
from tests.conftest import SEEDS
from tests.postgres_server import PostgresServer

pytestmark = pytest.mark.model
AS_OF = ExportFilter(as_of=date(2026, 1, 1))


def work_on(store: Store, english: tuple[Any, Any]) -> None:
    """What a desk leaves in a store: decisions, facts with roles and links, a merged
    entity with an alias, a follow-up confirmed and settled, the audit of all of it."""
    import_paths(store, [SEEDS])
    suggest_articles(store, *english)
    with store.session() as session:
        mentions = list(session.scalars(select(Mention.id).order_by(Mention.id).limit(12)))
        articles = list(session.scalars(select(Article.id).order_by(Article.id)))
        proposed = session.scalars(
            select(FollowUp.id).where(FollowUp.state == FollowUpState.PROPOSED).limit(1)
        ).first()
    for i, mid in enumerate(mentions):
        state = MentionState.ACCEPTED if i % 3 else MentionState.REJECTED
        decide_mention(store, mention_id=mid, state=state, who="ana")
    buyer = create_fact(
        store,
        draft=FactDraft(articles[0], 0, 40, kind="event", predicate="buy",
                        roles={"buyer": RoleValue(name="India", type_="GPE"),
                               "item": RoleValue(literal="S-400")}),
        who="ana",
    )  # fmt: skip
    seller = create_fact(
        store,
        draft=FactDraft(articles[1], 0, 30, kind="event", predicate="sell",
                        roles={"seller": RoleValue(name="Russian Federation", type_="GPE"),
                               "buyer": RoleValue(name="Republic of India", type_="GPE")}),
        who="bo",
    )  # fmt: skip
    create_link(
        store, source_fact_id=seller.id, target_fact_id=buyer.id, type_="supports", who="bo"
    )  # type: ignore[arg-type]
    with store.session() as session:
        from db.models import Entity

        ids = {e.name: e.id for e in session.scalars(select(Entity))}
    merge(store, source_id=ids["Republic of India"], target_id=ids["India"], who="ana")
    add_alias(store, entity_id=ids["India"], alias="Bharat", who="ana")
    assert proposed is not None, "the seeds propose a follow-up"
    lifecycle.confirm(store, followup_id=proposed, who="ana")
    lifecycle.resolve(
        store, followup_id=proposed, state=FollowUpState.HAPPENED, who="ana",
        evidence=lifecycle.SettlingEvidence(article_id=articles[-1]),
    )  # fmt: skip


def exports(store: Store) -> dict[str, str]:
    out = {}
    for table in TABLES:
        buffer = io.StringIO(newline="")
        export_csv(store.engine, table, buffer, filters=AS_OF)
        out[table] = buffer.getvalue()
    return out


def copy(source: str, target: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert run(["db", "copy", "--from", source, "--to", target], out, err) == 0, err.getvalue()
    return out.getvalue()


def test_sqlite_to_postgresql_and_back_keeps_every_row_id_and_export(
    postgres: PostgresServer, tmp_path: Path, english: tuple[Any, Any]
) -> None:
    first, back = to_url(tmp_path / "desk.sqlite3"), to_url(tmp_path / "back.sqlite3")
    team = postgres.empty_database()
    store = open_store(first)
    work_on(store, english)
    store.close()

    said = copy(first, team)
    assert said.startswith("Copied ") and "ids kept; the search index was rebuilt." in said
    copy(team, back)

    stores = [open_store(u) for u in (first, team, back)]
    try:
        counts = [row_counts(s) for s in stores]
        assert counts[0]["mention"] > 100 and counts[0]["followup"] > 0
        assert counts[0]["audit"] > 15 and counts[0]["fact_link"] == 1
        assert counts[0] == counts[1] == counts[2]
        csvs = [exports(s) for s in stores]
        assert all(csvs[0][t].count("\n") > 1 for t in TABLES), "every table has rows"
        for table in TABLES:
            assert csvs[1][table] == csvs[0][table], f"{table} differs on PostgreSQL"
            assert csvs[2][table] == csvs[0][table], f"{table} differs back on SQLite"
        for query in ("S-400", '"air defence"', "sign*", "India NOT Turkey"):
            found = []
            for s in stores:
                with s.engine.connect() as conn:
                    found.append(count_matches(conn, query))
            assert found[0] > 0 and found == [found[0]] * 3, query
        before = counts[1]["article"]
        (tmp_path / "new.txt").write_text("date 2019-01-02 Later\n\nA later S-400 report.\n")
        [(_, new_id)] = import_paths(stores[1], [tmp_path / "new.txt"]).imported
        assert new_id == before + 1, "the copied ids' sequence continues after them"
    finally:
        for s in stores:
            s.close()


def test_a_copy_into_a_store_that_holds_rows_is_refused(tmp_path: Path) -> None:
    source, target = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for path in (source, target):
        (tmp_path / "x.txt").write_text(f"date 2019-01-02 {path.stem}\n\nText.\n")
        store = open_store(path)
        import_paths(store, [tmp_path / "x.txt"])
        store.close()
    out, err = io.StringIO(), io.StringIO()
    assert run(["db", "copy", "--from", str(source), "--to", str(target)], out, err) == 2
    assert err.getvalue() == (
        f"factdesk: {target} already holds rows (article); copy into a new, empty database.\n"
    )
    assert out.getvalue() == ""
