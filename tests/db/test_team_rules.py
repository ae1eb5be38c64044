"""What each role may do, tried with direct SQL as each login on the throwaway PostgreSQL
server (db/team_rules.py): an analyst deletes no article, settles and removes no
follow-up (not even through a deleted fact's cascade), changes no confirmed fact's parts,
and nobody rewrites the audit log or a follow-up's history; the app's own paths for an
analyst (import, suggestions with their proposed follow-ups, highlights, drafts, undo,
grouping, snoozing) keep working."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from db.models import Fact, FollowUp, FollowUpEvent, MentionState
from db.store import Store, open_store
from db.team import role_of
from desktop.ingest.importer import import_paths
from desktop.nlp.suggest import suggest_articles
from desktop.tracking import followups as lifecycle
from desktop.tracking.decisions import decide_mention
from desktop.tracking.desk import Desk
from desktop.tracking.events import assign_events
from desktop.tracking.export import export_table
from desktop.tracking.facts import FactDraft, create_fact, update_fact
from desktop.tracking.review import add_mention
from tests.db.test_team_roles import as_login, cli
from tests.postgres_server import SUPERUSER, PostgresServer

LOGINS = {"ana": "analyst", "rita": "reviewer", "adam": "admin"}
DENIED = "permission denied"


@dataclass
class Desk3:
    url: str
    article: int
    confirmed: int
    """A confirmed fact with an open follow-up (``followup``)."""
    draft: int
    """A draft fact with a proposed follow-up (``proposal``)."""
    followup: int
    proposal: int

    def login(self, name: str) -> Store:
        return open_store(as_login(self.url, name))


@pytest.fixture
def desk(postgres: PostgresServer, tmp_path: Path) -> Iterator[Desk3]:
    url = postgres.new_database()
    for name, role in LOGINS.items():
        code, _out, err = cli(url, "team", "add-analyst", name, "--role", role)
        assert code == 0, err
    owner = open_store(url)
    (tmp_path / "a.txt").write_text("date 2018-06-09 Deal\n\nThe contract will be signed.\n")
    [(_, article)] = import_paths(owner, [tmp_path / "a.txt"]).imported
    with owner.transaction() as session:
        facts = [
            Fact(article_id=article, predicate="sign", kind="expectation", status=status)
            for status in ("confirmed", "draft")
        ]
        session.add_all(facts)
        session.flush()
        followups = [
            FollowUp(fact_id=fact.id or 0, question="Signed?", state=state)
            for fact, state in zip(facts, ("open", "proposed"), strict=True)
        ]
        session.add_all(followups)
        session.flush()
        session.add(FollowUpEvent(followup_id=followups[0].id or 0, who="owner", to_state="open"))
        session.execute(
            text("INSERT INTO fact_role (fact_id, role, literal) VALUES (:f, 'agent', 'India')"),
            {"f": facts[0].id},
        )
        ids = [facts[0].id, facts[1].id, followups[0].id, followups[1].id]
    owner.close()
    yield Desk3(url, article, *(int(i or 0) for i in ids))


def sql(store: Store, statement: str, **params: Any) -> int:
    """Run one statement as the store's login and commit; the rows it changed."""
    with store.engine.begin() as conn:
        return conn.execute(text(statement), params).rowcount


def value(store: Store, query: str, **params: Any) -> Any:
    with store.engine.connect() as conn:
        return conn.execute(text(query), params).scalar()


@pytest.mark.parametrize("login", ["ana", "rita"])
def test_only_an_admin_deletes_an_article_with_its_confirmed_facts(desk: Desk3, login: str) -> None:
    with desk.login(login) as colleague:
        with pytest.raises(ProgrammingError, match=f"{DENIED} for table article"):
            sql(colleague, "DELETE FROM article WHERE id = :id", id=desk.article)
        assert value(colleague, "SELECT count(*) FROM fact WHERE status = 'confirmed'") == 1
        assert value(colleague, "SELECT count(*) FROM followup") == 2
    with desk.login("adam") as adam:
        assert sql(adam, "DELETE FROM article WHERE id = :id", id=desk.article) == 1
        assert value(adam, "SELECT count(*) FROM followup") == 0


def test_an_analyst_changes_an_articles_list_fields_but_never_its_text(desk: Desk3) -> None:
    with desk.login("ana") as ana:
        assert sql(ana, "UPDATE article SET review_state = 'done' WHERE id = :id",
                   id=desk.article) == 1  # fmt: skip
        with pytest.raises(ProgrammingError, match=f"{DENIED} for table article"):
            sql(ana, "UPDATE article SET text = 'rewritten' WHERE id = :id", id=desk.article)
        assert value(ana, "SELECT text FROM article").endswith("The contract will be signed.\n")


@pytest.mark.parametrize("login", list(LOGINS))
def test_the_audit_log_and_follow_up_history_are_append_only_for_everyone(
    desk: Desk3, login: str
) -> None:
    with desk.login(login) as colleague:
        sql(colleague, "INSERT INTO audit (at, who, action, target_table, target_id) "
                       "VALUES (now(), 'someone else', 'x.forged', 'fact', :id)",
            id=desk.confirmed)  # fmt: skip
        assert value(colleague, "SELECT who FROM audit WHERE action = 'x.forged'") == login
        for table in ("audit", "followup_event"):
            with pytest.raises(ProgrammingError, match=f"{DENIED} for table {table}"):
                sql(colleague, f"UPDATE {table} SET who = 'nobody'")
            with pytest.raises(ProgrammingError, match=f"{DENIED} for table {table}"):
                sql(colleague, f"DELETE FROM {table}")
        assert value(colleague, "SELECT count(*) FROM audit WHERE who = 'nobody'") == 0
        assert value(colleague, "SELECT who FROM followup_event") == SUPERUSER


def test_an_analysts_history_row_cannot_claim_a_settlement(desk: Desk3) -> None:
    insert = (
        "INSERT INTO followup_event (followup_id, at, who, from_state, to_state, note) "
        "VALUES (:id, now(), 'x', 'open', :to, '')"
    )
    with desk.login("ana") as ana, desk.login("rita") as rita:
        with pytest.raises(ProgrammingError, match="row-level security"):
            sql(ana, insert, id=desk.followup, to="happened")
        assert sql(ana, insert, id=desk.followup, to="open") == 1
        assert sql(rita, insert, id=desk.followup, to="happened") == 1
        rows = value(ana, "SELECT string_agg(who || ':' || to_state, ' ' ORDER BY id) "
                          "FROM followup_event")  # fmt: skip
        assert rows == f"{SUPERUSER}:open ana:open rita:happened"


def test_an_analyst_removes_no_follow_up_directly_or_through_its_fact(desk: Desk3) -> None:
    with desk.login("ana") as ana:
        with pytest.raises(ProgrammingError, match=f"{DENIED} for table followup"):
            sql(ana, "DELETE FROM followup WHERE id = :id", id=desk.proposal)
        with pytest.raises(ProgrammingError, match="only a reviewer removes follow-up"):
            sql(ana, "DELETE FROM fact WHERE id = :id", id=desk.draft)
        # The confirmed fact is not even visible to an analyst's delete.
        assert sql(ana, "DELETE FROM fact WHERE id = :id", id=desk.confirmed) == 0
        assert value(ana, "SELECT count(*) FROM followup") == 2
    with desk.login("rita") as rita:
        assert sql(rita, "DELETE FROM fact WHERE id = :id", id=desk.draft) == 1
        assert value(rita, "SELECT count(*) FROM followup") == 1


def test_a_confirmed_facts_roles_and_evidence_are_a_reviewers(desk: Desk3) -> None:
    with desk.login("ana") as ana:
        assert sql(ana, "UPDATE fact_role SET literal = 'Russia'") == 0
        assert sql(ana, "DELETE FROM fact_role") == 0
        with pytest.raises(ProgrammingError, match="row-level security"):
            sql(ana, "INSERT INTO evidence (fact_id, article_id, start, \"end\", quote) "
                     "VALUES (:f, :a, 0, 4, 'date')", f=desk.confirmed, a=desk.article)  # fmt: skip
        assert sql(ana, "INSERT INTO fact_role (fact_id, role, literal) "
                        "VALUES (:f, 'agent', 'Russia')", f=desk.draft) == 1  # fmt: skip
    with desk.login("rita") as rita:
        assert sql(rita, "UPDATE fact_role SET literal = 'New Delhi' WHERE fact_id = :f",
                   f=desk.confirmed) == 1  # fmt: skip


def test_an_analyst_deletes_no_entity(desk: Desk3) -> None:
    with desk.login("ana") as ana:
        sql(
            ana,
            "INSERT INTO entity (name, type, notes, created_at) VALUES ('India', 'GPE', '', now())",
        )
        with pytest.raises(ProgrammingError, match=f"{DENIED} for table entity"):
            sql(ana, "DELETE FROM entity")
        assert value(ana, "SELECT count(*) FROM entity") == 1


def test_an_analysts_own_paths_keep_working(
    desk: Desk3, tmp_path: Path, english: tuple[Any, Any]
) -> None:
    """Import, suggestions (proposed follow-ups), a highlight decided and undone, a draft
    fact edited and undone, grouping and snoozing: all as ana, all stored."""
    ana = desk.login("ana")
    work = Desk(ana, "ana")
    try:
        (tmp_path / "b.txt").write_text(
            "date 2018-06-09 Summit\n\nThe final contract is expected to be signed during a "
            "summit between India and Russia in October.\n"
        )
        [(_, article)] = import_paths(ana, [tmp_path / "b.txt"]).imported
        suggest_articles(ana, *english, article_ids=[article])
        proposed = value(
            ana,
            "SELECT count(*) FROM followup f JOIN fact ON fact.id = f.fact_id "
            "WHERE fact.article_id = :a AND f.state = 'proposed'",
            a=article,
        )
        assert proposed >= 1  # fmt: skip
        steps: list[int] = []

        def step() -> None:
            latest = work.latest_step(0)
            assert latest is not None
            steps.append(latest[0])

        mention = add_mention(ana, article_id=article, start=0, end=3, label="MISC", who="ana")
        assert mention.id is not None
        step()
        decide_mention(ana, mention_id=mention.id, state=MentionState.REJECTED, who="ana")
        step()
        fact = create_fact(ana, draft=FactDraft(article, 0, 3, predicate="meet"), who="ana")
        assert fact.id is not None
        step()
        update_fact(ana, fact_id=fact.id, expected_version=fact.version,
                    changes={"predicate": "met"}, who="ana")  # fmt: skip
        step()
        for undone in reversed(steps):
            work.undo(undone)
        assert value(ana, "SELECT count(*) FROM fact WHERE id = :id", id=fact.id) == 0
        assert value(ana, "SELECT count(*) FROM mention WHERE id = :id", id=mention.id) == 0
        assert assign_events(ana) >= 1
        lifecycle.snooze(ana, followup_id=desk.followup, until=date(2030, 1, 1), who="ana")
        assert str(value(ana, "SELECT snooze_until FROM followup WHERE id = :id",
                         id=desk.followup)) == "2030-01-01"  # fmt: skip
        assert value(ana, "SELECT who FROM followup_event ORDER BY id DESC LIMIT 1") == "ana"
    finally:
        ana.close()


def test_an_admin_login_adds_analysts_and_moves_them_between_roles(
    desk: Desk3, monkeypatch: pytest.MonkeyPatch
) -> None:
    adam_url = as_login(desk.url, "adam")
    monkeypatch.setenv("BO_SECRET", "s3cret 'quoted'")
    code, out, err = cli(adam_url, "team", "add-analyst", "bo", "--role", "analyst",
                         "--password-env", "BO_SECRET")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("bo signs in to ") and out.endswith(" as analyst (factdesk_analyst).\n")
    code, _out, err = cli(adam_url, "team", "add-analyst", "ana", "--role", "reviewer")
    assert (code, err) == (0, "")
    owner = open_store(desk.url)
    try:
        with owner.engine.connect() as conn:
            assert role_of(conn, "bo") == "analyst" and role_of(conn, "ana") == "reviewer"
            assert conn.execute(
                text("SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = 'bo'")
            ).scalar_one()
    finally:
        owner.close()
    with desk.login("bo") as bo:
        assert sql(bo, "UPDATE article SET review_state = 'seen'") == 1


@pytest.mark.parametrize(("login", "role"), [("ana", "an analyst"), ("rita", "a reviewer")])
def test_an_analyst_or_reviewer_is_told_only_an_admin_adds_analysts(
    desk: Desk3, login: str, role: str
) -> None:
    code, out, err = cli(as_login(desk.url, login), "team", "add-analyst", "eve", "--role", "admin")
    assert (code, out) == (2, "")
    assert (
        err == f"factdesk: Only an admin of the desk adds analysts; {login} signs in as {role}.\n"
    )
    with desk.login(login) as colleague:
        with pytest.raises(ProgrammingError, match=f"{DENIED} for function factdesk_add_analyst"):
            sql(colleague, "SELECT factdesk_add_analyst('eve', 'admin', NULL)")
        assert value(colleague, "SELECT count(*) FROM pg_roles WHERE rolname = 'eve'") == 0


def test_an_admin_cannot_take_over_a_server_login_outside_the_desk(desk: Desk3) -> None:
    code, out, err = cli(as_login(desk.url, "adam"), "team", "add-analyst", SUPERUSER,
                         "--role", "analyst")  # fmt: skip
    assert (code, out) == (2, "")
    assert f"{SUPERUSER} is a role of the server outside the desk" in err


def test_the_facts_export_names_the_reviewer_who_confirmed(desk: Desk3, tmp_path: Path) -> None:
    with desk.login("rita") as rita:
        lifecycle.confirm(rita, followup_id=desk.proposal, who="someone else")
        path = tmp_path / "facts.csv"
        export_table(rita, "facts", path, raw=True)
    lines = path.read_bytes().decode("utf-8").splitlines()
    assert lines[0].split(",")[14:17] == ["status", "origin", "analyst"]
    by_id = {line.split(",")[0]: line.split(",")[14:17] for line in lines[1:]}
    assert by_id[str(desk.draft)] == ["confirmed", "analyst", "rita"]


def test_a_fact_changed_with_direct_sql_names_the_login(desk: Desk3) -> None:
    for login in ("rita", "ana"):
        colleague = desk.login(login)
        try:
            assert sql(colleague, "UPDATE fact SET predicate = :p WHERE id = :id",
                       p=f"sign ({login})", id=desk.draft) == 1  # fmt: skip
            assert value(colleague, "SELECT analyst FROM fact WHERE id = :id",
                         id=desk.draft) == login  # fmt: skip
        finally:
            colleague.close()
