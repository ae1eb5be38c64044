"""The article list's windowed queries agree with the same list built in Python: count,
every page, every article's position, under each filter."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from db import article_list
from db.articles import NewArticle
from db.list_query import KINDS, ArticleQuery
from db.models import Fact, FollowUp, Mention
from db.store import Store
from desktop.ingest.importer import store_articles

pytestmark = pytest.mark.both_backends


@pytest.fixture
def listed(store: Store) -> list[dict[str, object]]:
    """300 articles: some undated, several on one day, two sources, varied review state."""
    rng = random.Random(4)
    made = [
        NewArticle(
            text=f"Article {i} text.",
            title=f"Article {i}",
            published=None if i % 17 == 0 else date(2018, 1, 1) + timedelta(days=rng.randrange(40)),
            source=("reuters" if i % 3 else "tass"),
        )
        for i in range(300)
    ]
    ids = [article_id for article_id, _ in store_articles(store, made)]
    truth: list[dict[str, object]] = []
    with store.session() as session:
        for article_id, article in zip(ids, made, strict=True):
            mentions = rng.choice([0, 0, 2, 3])
            decided = rng.randrange(mentions + 1)
            for k in range(mentions):
                state = "accepted" if k < decided else "suggested"
                session.add(
                    Mention(
                        article_id=article_id,
                        start=0,
                        end=7,
                        text="Article",
                        label="ORG",
                        origin="test",
                        state=state,
                    )
                )
            open_followup = rng.random() < 0.1
            if open_followup:
                fact = Fact(article_id=article_id, predicate="sign")
                session.add(fact)
                session.flush()
                assert fact.id is not None
                session.add(FollowUp(fact_id=fact.id, question="Signed?", state="open"))
            truth.append(
                {
                    "id": article_id,
                    "published": article.published,
                    "source": article.source,
                    "mentions": mentions,
                    "decided": decided,
                    "open": open_followup,
                }
            )
        session.commit()
    return truth


def expected(truth: list[dict[str, object]], query: ArticleQuery) -> list[int]:
    def keep(row: dict[str, object]) -> bool:
        published = row["published"]
        if query.kind == "Unreviewed" and row["mentions"] and row["decided"] == row["mentions"]:
            return False
        if query.kind == "Has open follow-ups" and not row["open"]:
            return False
        if query.source and row["source"] != query.source:
            return False
        if query.date_from and (published is None or published < query.date_from):  # type: ignore[operator]
            return False
        return not (query.date_to and (published is None or published > query.date_to))  # type: ignore[operator]

    rows = [r for r in truth if keep(r)]
    rows.sort(
        key=lambda r: (r["published"] is not None, r["published"] or date.min, r["id"]),
        reverse=True,
    )
    return [int(r["id"]) for r in rows]  # type: ignore[call-overload]


QUERIES = [ArticleQuery(kind=kind) for kind in KINDS] + [
    ArticleQuery(source="tass"),
    ArticleQuery(kind="Unreviewed", source="reuters", date_from=date(2018, 1, 10)),
    ArticleQuery(date_from=date(2018, 1, 5), date_to=date(2018, 1, 20)),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q))
def test_windowed_list_matches_the_whole_list(
    store: Store, listed: list[dict[str, object]], query: ArticleQuery
) -> None:
    want = expected(listed, query)
    assert want, "every query in the mix should show something"
    by_id = {int(r["id"]): r for r in listed}  # type: ignore[call-overload]
    with store.engine.connect() as conn:
        assert article_list.count_rows(conn, query) == len(want)
        got = []
        for offset in range(0, len(want) + 40, 40):
            rows = article_list.page(conn, query, offset, 40)
            got += [r.id for r in rows]
            for r in rows:
                assert (r.mentions, r.decided) == (by_id[r.id]["mentions"], by_id[r.id]["decided"])
                assert r.open_followups == int(bool(by_id[r.id]["open"]))
        assert got == want
        for row, article_id in enumerate(want):
            assert article_list.position(conn, query, article_id) == row
        hidden = set(by_id) - set(want)
        for article_id in list(hidden)[:20]:
            assert article_list.position(conn, query, article_id) == -1
        assert article_list.sources(conn) == ["reuters", "tass"]
