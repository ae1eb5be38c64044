"""The intake chain, as the window, the CLI and (later) feeds run it: import → suggest →
update check, with progress and cancel."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.models import Article, Mention
from db.store import Store
from desktop.cli import run
from desktop.tracking.desk import Desk
from desktop.tracking.intake import IntakeRequest, PastedText, run_intake
from tests.conftest import SEED_FILE, SEEDS

pytestmark = pytest.mark.both_backends

SIGNING = "Will India and Russia sign the S-400 final contract in October 2018?"
SIGNED = SEEDS / "030_2018-10-05_deal_signed.txt"


def count(store: Store, column: Any) -> int:
    with store.session() as session:
        return int(session.execute(select(func.count(column))).scalar_one())


@pytest.mark.model
def test_one_run_stores_suggests_and_finds_what_settles_an_open_follow_up(
    store: Store, english: tuple[Any, Any]
) -> None:
    first = run_intake(store, IntakeRequest([SEED_FILE], model=english, check=False))
    assert first.imported is not None and first.suggested is not None
    assert len(first.imported.new_ids) == 1 and first.suggested.articles == 1
    assert first.suggested.expectations >= 1 and first.checked == []
    desk = Desk(store, "tester")
    [signing] = [f for f in desk.followups(date(2018, 6, 10)) if f.question == SIGNING]
    desk.confirm_followup(signing.id)

    steps: list[str] = []
    report = run_intake(
        store,
        IntakeRequest([SIGNED], model=english),
        progress=lambda done, total, text: steps.append(text) is None,
    )
    assert report.imported is not None and report.suggested is not None
    [new_id] = report.imported.new_ids
    assert report.suggested.articles == 1 and not report.cancelled
    assert steps[0] == f"Importing {SIGNED.name}"
    assert (
        "Suggesting highlights" in steps and steps[-1] == "Checking new articles against follow-ups"
    )
    [found] = [c for c in report.checked if c.followup.id == signing.id]
    assert found.candidates[0].article_id == new_id
    assert found.candidates[0].proposed_state == "happened"
    assert report.followups_with_candidates >= 1


def test_cancelling_stops_before_anything_is_stored_and_skips_the_later_steps(
    store: Store,
) -> None:
    report = run_intake(
        store,
        IntakeRequest([SEEDS], model=(object(), object()), check_ids=[1]),
        progress=lambda done, total, text: False,
    )
    assert report.cancelled and report.imported is not None and report.imported.cancelled
    assert report.suggested is None and report.checked == []
    assert count(store, Article.id) == 0


def test_a_pasted_text_is_stored_once_and_counted_for_the_check(store: Store) -> None:
    pasted = PastedText("Modi will visit Moscow in July.", "", date(2019, 5, 2))
    first = run_intake(store, IntakeRequest(pasted=pasted, check=False))
    again = run_intake(store, IntakeRequest(pasted=pasted, check=False))
    assert first.pasted is not None and again.pasted == (first.pasted[0], False)
    assert first.stored_ids == [first.pasted[0]] and count(store, Article.id) == 1
    with store.session() as session:
        article = session.get(Article, first.pasted[0])
        assert article is not None
        assert (article.title, article.source) == ("Modi will visit Moscow in July.", "")


def test_a_pasted_text_keeps_its_outlet_and_url(store: Store) -> None:
    """The source of a pasted article is the outlet typed in, else the URL's host."""
    typed = PastedText("Modi will visit.", "", date(2019, 5, 2), "The Hindu", "https://x.in/a")
    hosted = PastedText("Putin will visit.", "", date(2019, 5, 2), "", "https://www.tass.com/b")
    ids = [run_intake(store, IntakeRequest(pasted=p, check=False)).pasted for p in (typed, hosted)]
    with store.session() as session:
        rows = [session.get(Article, found[0]) for found in ids if found is not None]
        assert [(a.source, a.url) for a in rows if a is not None] == [
            ("The Hindu", "https://x.in/a"),
            ("tass.com", "https://www.tass.com/b"),
        ]


@pytest.mark.model
def test_the_cli_import_and_suggest_go_through_the_chain(db_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["--db", str(db_path), "import", str(SEED_FILE), str(SIGNED)], out, err) == 0
    assert out.getvalue() == "Imported 2 new articles.\n"
    out = io.StringIO()
    assert run(["--db", str(db_path), "suggest"], out, err) == 0
    assert out.getvalue().startswith("Suggested ") and " in 2 articles with " in out.getvalue()
    from db.store import open_store

    store = open_store(db_path)
    try:
        assert count(store, Mention.id) > 20
    finally:
        store.close()
