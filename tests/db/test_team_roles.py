"""Analysts and roles on the throwaway PostgreSQL server: an admin adds analysts with
``factdesk team add-analyst``; the server itself keeps an analyst from settling a
follow-up, through the app or with direct SQL; the audit log carries the login."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from db import fact_table
from db.errors import StoreError
from db.models import Fact, FollowUp, FollowUpState, MentionState
from db.store import Store, _alembic_config, open_store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.settings import Settings
from desktop.tracking import followups as lifecycle
from desktop.tracking.decisions import decide_mention
from desktop.tracking.desk import Desk
from desktop.tracking.entities import merge, rename
from desktop.tracking.events import assign_events
from desktop.tracking.facts import FactDraft, create_fact
from desktop.tracking.review import add_mention
from desktop.tracking.sources import feeds, subscribe
from tests.postgres_server import SUPERUSER, PostgresServer


def cli(url: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", url, *args], out, err)
    return code, out.getvalue(), err.getvalue()


def as_login(url: str, login: str) -> str:
    return url.replace(f"://{SUPERUSER}@", f"://{login}@")


@pytest.fixture
def desk(postgres: PostgresServer, tmp_path: Path) -> tuple[str, int]:
    """A team database with ana (analyst) and rita (reviewer), and one open follow-up."""
    url = postgres.new_database()
    for name, role in (("ana", "analyst"), ("rita", "reviewer")):
        code, out, err = cli(url, "team", "add-analyst", name, "--role", role)
        assert code == 0, err
        assert out.startswith(f"{name} signs in to ") and out.endswith(
            f" as {role} (factdesk_{role}).\n"
        )
    admin = open_store(url)
    (tmp_path / "a.txt").write_text("date 2018-06-09 Deal\n\nThe contract will be signed.\n")
    [(_, article)] = import_paths(admin, [tmp_path / "a.txt"]).imported
    with admin.transaction() as session:
        fact = Fact(article_id=article, predicate="sign", kind="expectation")
        session.add(fact)
        session.flush()
        assert fact.id is not None
        followup = FollowUp(fact_id=fact.id, question="Signed?", state="open")
        session.add(followup)
        session.flush()
        assert followup.id is not None
        followup_id = followup.id
    admin.close()
    return url, followup_id


def state_of(store: Store, followup_id: int) -> str:
    with store.engine.connect() as conn:
        return str(
            conn.execute(
                text("SELECT state FROM followup WHERE id = :id"), {"id": followup_id}
            ).scalar_one()
        )


def test_an_analyst_cannot_settle_a_follow_up_even_with_direct_sql(
    desk: tuple[str, int],
) -> None:
    url, followup_id = desk
    ana = open_store(as_login(url, "ana"))
    try:
        with (
            pytest.raises(ProgrammingError, match="only a reviewer confirms or settles"),
            ana.engine.begin() as conn,
        ):
            conn.execute(
                text("UPDATE followup SET state = 'happened' WHERE id = :id"), {"id": followup_id}
            )
        with (
            pytest.raises(ProgrammingError, match="row-level security"),
            ana.engine.begin() as conn,
        ):
            conn.execute(
                text(
                    "INSERT INTO followup (fact_id, question, state, created_at, updated_at)"
                    " SELECT fact_id, 'Settled?', 'happened', now(), now() FROM followup"
                )
            )
        with pytest.raises(StoreError, match=r"only a reviewer confirms or settles follow-up"):
            lifecycle.resolve(ana, followup_id=followup_id, state=FollowUpState.HAPPENED, who="ana")
        assert state_of(ana, followup_id) == "open"
    finally:
        ana.close()


def test_a_reviewer_settles_it_and_the_audit_names_the_login(desk: tuple[str, int]) -> None:
    url, followup_id = desk
    rita = open_store(as_login(url, "rita"))
    try:
        lifecycle.resolve(
            rita, followup_id=followup_id, state=FollowUpState.HAPPENED, who="someone else"
        )
        assert state_of(rita, followup_id) == "happened"
        with rita.engine.connect() as conn:
            who = conn.execute(text("SELECT who FROM audit ORDER BY id DESC LIMIT 1")).scalar()
        assert who == "rita"
    finally:
        rita.close()


def test_an_analyst_works_but_may_not_change_the_labels(
    desk: tuple[str, int], tmp_path: Path
) -> None:
    url, _ = desk
    ana_url = as_login(url, "ana")
    (tmp_path / "b.txt").write_text("date 2018-10-05 Signed\n\nThe contract was signed.\n")
    code, out, err = cli(ana_url, "import", str(tmp_path / "b.txt"))
    assert (code, out) == (0, "Imported 1 new article.\n"), err
    code, out, err = cli(ana_url, "label", "add", "WEAPON_SYSTEM", "--color", "#f08080")
    assert code == 2 and out == ""
    assert "Your role on " in err and "ask a reviewer or an admin of the desk." in err


def test_roles_need_a_shared_store(tmp_path: Path) -> None:
    code, out, err = cli(
        str(tmp_path / "solo.sqlite3"), "team", "add-analyst", "ana", "--role", "analyst"
    )
    assert code == 2 and out == ""
    assert err == (
        "factdesk: Analysts and roles need a shared PostgreSQL store; point --db at one "
        "(a SQLite file has one analyst at a time).\n"
    )


def test_an_analyst_groups_and_snoozes_follow_ups_but_does_not_settle_them(
    desk: tuple[str, int],
) -> None:
    """The app's own updates an analyst triggers reach every follow-up (row-level security
    once skipped them silently); the state stays a reviewer's."""
    url, followup_id = desk
    ana = open_store(as_login(url, "ana"))
    try:
        assert assign_events(ana) == 1
        lifecycle.snooze(ana, followup_id=followup_id, until=date(2030, 1, 1), who="ana")
        with ana.engine.connect() as conn:
            event_id, snoozed, state = conn.execute(
                text("SELECT event_id, snooze_until, state FROM followup WHERE id = :id"),
                {"id": followup_id},
            ).one()
        assert event_id is not None and str(snoozed) == "2030-01-01" and state == "open"
    finally:
        ana.close()


def test_only_an_admin_merges_entities(desk: tuple[str, int], tmp_path: Path) -> None:
    url, _ = desk
    admin = open_store(url)
    (tmp_path / "m.txt").write_text("date 2018-06-09 Visit\n\nModi met Narendra Modi.\n")
    [(_, article)] = import_paths(admin, [tmp_path / "m.txt"]).imported
    with admin.engine.connect() as conn:
        body = str(conn.execute(text("SELECT text FROM article WHERE id = :id"), {"id": article})
                   .scalar_one())  # fmt: skip
    spans = [(body.index("Modi met"), 4), (body.index("Narendra Modi"), 13)]
    ids = [
        add_mention(admin, article_id=article, start=s, end=s + n, label="PERSON", who="x")
        .entity_id for s, n in spans
    ]  # fmt: skip
    source, target = ids[0] or 0, ids[1] or 0
    for login in ("ana", "rita"):
        colleague = open_store(as_login(url, login))
        try:
            rename(colleague, entity_id=source, name="Modi (PM)", who=login)
            with pytest.raises(StoreError, match="does not allow this change"):
                merge(colleague, source_id=source, target_id=target, who=login)
        finally:
            colleague.close()
    merge(admin, source_id=source, target_id=target, who="admin")
    with admin.engine.connect() as conn:
        merged = conn.execute(
            text("SELECT name, merged_into_id FROM entity WHERE id = :id"), {"id": source}
        ).one()
    assert tuple(merged) == ("Modi (PM)", target)
    admin.close()


def test_a_table_made_by_a_later_migration_is_granted_without_adding_analysts_again(
    postgres: PostgresServer,
) -> None:
    """add-analyst on a store at schema 0006, then the upgrade (which creates the feed
    tables of 0007): the analyst subscribes to a feed without anyone re-running it."""
    url = postgres.new_database()
    cfg = _alembic_config()
    with open_store(url, migrate=False).engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
    code, _out, err = cli(url, "team", "add-analyst", "ana", "--role", "analyst")
    assert code == 0, err
    open_store(url).close()  # the upgrade to the newest schema
    ana = open_store(as_login(url, "ana"))
    try:
        feed = subscribe(ana, "https://news.example.org/rss.xml")
        assert [f.url for f in feeds(ana)] == [feed.url]
    finally:
        ana.close()


def test_facts_and_decisions_carry_the_login(desk: tuple[str, int], tmp_path: Path) -> None:
    url, _ = desk
    ana = open_store(as_login(url, "ana"))
    try:
        with ana.engine.connect() as conn:
            article = int(conn.execute(text("SELECT min(id) FROM article")).scalar_one())
        fact = create_fact(ana, draft=FactDraft(article, 0, 4, predicate="sign"), who="bo")
        mention = add_mention(ana, article_id=article, start=0, end=4, label="MISC", who="bo")
        assert mention.id is not None
        decide_mention(ana, mention_id=mention.id, state=MentionState.REJECTED, who="bo")
        with ana.engine.connect() as conn:
            [row] = [r for r in fact_table.page(conn, offset=0, limit=10)
                     if r.id == fact.id]  # fmt: skip
            decided_by = conn.execute(
                text("SELECT analyst FROM mention WHERE id = :id"), {"id": mention.id}
            ).scalar_one()
        assert (row.analyst, decided_by) == ("ana", "ana")
    finally:
        ana.close()


def test_a_login_named_outside_the_url_is_the_analyst(
    desk: tuple[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The URL names no user; PGUSER does (as ~/.pgpass or a service file could): the app
    asks the server who it is, so ana's undo finds her own change (the audit row names the
    login; the app once looked for the operating system's user)."""
    url, _ = desk
    nobody_named = url.replace(f"://{SUPERUSER}@", "://")
    monkeypatch.setenv("PGUSER", "ana")
    monkeypatch.setenv("FACTDESK_ANALYST", "os_user")
    store = open_store(nobody_named)
    try:
        settings = Settings.resolve(db=nobody_named).signed_in(store.login())
        assert settings.analyst == "ana"
        work = Desk(store, settings.analyst)
        with store.engine.connect() as conn:
            article = int(conn.execute(text("SELECT min(id) FROM article")).scalar_one())
        work.add_mention(article, 0, 4, "MISC")
        latest = work.latest_step(0)
        assert latest is not None, "the undo history found no change of ana's"
    finally:
        store.close()
