"""What the watch reads as changed on PostgreSQL when transactions commit out of id
order: a sequence hands out ids as transactions ask, so the one holding the lower ids can
commit last. Read by the change log's snapshot rule, both are reported, each once."""

from __future__ import annotations

from sqlmodel import Session

from db.changes import Marks, changes_since, read_marks
from db.models import Article, Audit
from db.store import open_store
from tests.postgres_server import PostgresServer


def add_article(session: Session, name: str) -> tuple[int, int]:
    """An article and its audit row, flushed (ids taken) but not committed."""
    article = Article(title=name, text=f"{name}.", content_hash=name)
    session.add(article)
    session.flush()
    assert article.id is not None
    audit = Audit(
        who=name, action="import", target_table="article", target_id=article.id,
        article_id=article.id,
    )  # fmt: skip
    session.add(audit)
    session.flush()
    assert audit.id is not None
    return article.id, audit.id


def test_the_lower_id_committed_last_is_still_reported(postgres: PostgresServer) -> None:
    url = postgres.new_database()
    store = open_store(url)
    watcher = store.engine.connect()
    try:
        marks: Marks = read_marks(watcher)
        early, late = store.session(), store.session()
        first, first_audit = add_article(early, "first")  # takes the lower ids…
        second, second_audit = add_article(late, "second")
        assert first < second and first_audit < second_audit
        late.commit()  # …but commits last

        changes, marks = changes_since(watcher, marks)
        assert changes.new_articles == [second]
        assert changes.steps == {second_audit}
        early.commit()
        changes, marks = changes_since(watcher, marks)
        assert changes.new_articles == [first], "the article committed last was missed"
        assert changes.steps == {first_audit}
        assert changes.articles == {first}
        changes, marks = changes_since(watcher, marks)
        assert not changes, "an entry is reported once"
        early.close()
        late.close()
    finally:
        watcher.close()
        store.close()


def test_a_transaction_running_across_many_looks_is_reported_when_it_commits(
    postgres: PostgresServer,
) -> None:
    url = postgres.new_database()
    store = open_store(url)
    watcher = store.engine.connect()
    try:
        marks = read_marks(watcher)
        slow = store.session()
        held, _ = add_article(slow, "held")
        reported: list[int] = []
        for name in ("a", "b", "c"):
            with store.transaction() as session:
                add_article(session, name)
            changes, marks = changes_since(watcher, marks)
            reported += changes.new_articles
        assert held not in reported and len(reported) == 3
        slow.commit()
        slow.close()
        changes, marks = changes_since(watcher, marks)
        assert changes.new_articles == [held]
        changes, marks = changes_since(watcher, marks)
        assert not changes
    finally:
        watcher.close()
        store.close()
