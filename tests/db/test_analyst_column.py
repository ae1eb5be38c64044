"""A fact and a highlight carry the analyst who wrote or decided them last, and the fact
table shows it (on a team's PostgreSQL store the login: tests/db/test_team_roles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from db import fact_table
from db.models import MentionState
from db.store import Store
from desktop.ingest.importer import import_paths
from desktop.tracking.decisions import decide_mention
from desktop.tracking.facts import FactDraft, create_fact, update_fact
from desktop.tracking.review import add_mention

pytestmark = pytest.mark.both_backends


def test_the_fact_table_names_who_wrote_each_fact_last(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2018-10-05 Deal\n\nIndia and Russia signed the deal.\n")
    [(_, article)] = import_paths(store, [tmp_path / "a.txt"]).imported
    first = create_fact(store, draft=FactDraft(article, 0, 4, predicate="sign"), who="ana")
    second = create_fact(store, draft=FactDraft(article, 0, 4, predicate="meet"), who="ana")
    assert second.id is not None
    update_fact(store, fact_id=second.id, expected_version=1, changes={"predicate": "met"},
                who="bo")  # fmt: skip
    with store.engine.connect() as conn:
        rows = fact_table.page(conn, offset=0, limit=10)
    assert [(r.id, r.predicate, r.analyst) for r in rows] == [
        (second.id, "met", "bo"),
        (first.id, "sign", "ana"),
    ]


def test_a_decided_highlight_names_who_decided_it(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2018-10-05 Deal\n\nIndia and Russia signed the deal.\n")
    [(_, article)] = import_paths(store, [tmp_path / "a.txt"]).imported
    mention = add_mention(store, article_id=article, start=0, end=4, label="MISC", who="ana")
    assert mention.id is not None
    decide_mention(store, mention_id=mention.id, state=MentionState.REJECTED, who="bo")
    with store.engine.connect() as conn:
        query = text("SELECT state, analyst FROM mention WHERE id = :id")
        assert tuple(conn.execute(query, {"id": mention.id}).one()) == ("rejected", "bo")
