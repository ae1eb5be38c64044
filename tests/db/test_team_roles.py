"""Analysts and roles on the throwaway PostgreSQL server: an admin adds analysts with
``factdesk team add-analyst``; the server itself keeps an analyst from settling a
follow-up, through the app or with direct SQL; the audit log carries the login."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from db.errors import StoreError
from db.models import Fact, FollowUp, FollowUpState
from db.store import Store, open_store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.settings import Settings
from desktop.tracking import followups as lifecycle
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
        with ana.engine.begin() as conn:
            changed = conn.execute(
                text("UPDATE followup SET state = 'happened' WHERE id = :id"), {"id": followup_id}
            )
            assert changed.rowcount == 0
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
        with pytest.raises(StoreError, match="your role does not allow this change"):
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
    assert Settings.resolve(db=ana_url.replace("+psycopg", "")).analyst == "ana"
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
