"""The seed storyline end to end: suggest, confirm, check for updates, resolve, postpone."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import Article, FactLink, FollowUp, FollowUpEvent
from db.store import open_store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.nlp.suggest import suggest_articles
from tests.conftest import SEEDS

pytestmark = pytest.mark.model

SEED_TITLE = (
    "The US is calling on India to reconsider its plan to purchase advanced missiles from Russia."
)
SIGNED_TITLE = "India and Russia sign $5.4 billion S-400 air defence deal"
SIGNING = (SEED_TITLE, "2018-10-31")
"""The expectation of the seed: "The final contract is expected to be signed ... in October"."""
DELIVERIES = (SIGNED_TITLE, "2020-12-31")
"""'Deliveries of the S-400 systems are expected to begin by 2020'."""
MENTION_THE_SIGNING = {
    "Putin to visit New Delhi next week as S-400 deal nears",
    "Kremlin says India and Russia will sign S-400 contract this week",
    "India and Russia sign $5.4 billion S-400 air defence deal",
    "US says India's S-400 purchase could trigger sanctions",
}
DISTRACTORS = {
    "France and Germany sign deal to study next-generation fighter",
    "Turkey expects Russian air defence deliveries next year",
    "Brazil's central bank holds interest rate at record low",
    "Japan launches weather satellite",
}


@pytest.fixture(scope="module")
def suggested_seeds(tmp_path_factory: pytest.TempPathFactory, english: tuple[Any, Any]) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.sqlite3"
    store = open_store(path)
    import_paths(store, [SEEDS])
    suggest_articles(store, *english)
    store.close()
    return path


@pytest.fixture
def db(suggested_seeds: Path, tmp_path: Path) -> Iterator[str]:
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(suggested_seeds, copy)
    yield str(copy)


def cli(db: str, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", db, *args], out, err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def followup_id(db: str, which: tuple[str, str]) -> int:
    """The follow-up from that article with that deadline."""
    rows = json.loads(
        cli(db, "followups", "--state", "all", "--as-of", "2030-01-01", "--format", "json")
    )
    return next(r["id"] for r in rows if (r["source_title"], r["due_end"]) == which)


def candidates(db: str, fid: int, *extra: str) -> list[dict[str, Any]]:
    found = json.loads(cli(db, "check-updates", "--json", *extra))
    return next((f["candidates"] for f in found if f["followup_id"] == fid), [])


def test_the_storyline_is_in_the_seeds(db: str) -> None:
    store = open_store(db)
    with store.session() as session:
        titles = set(session.scalars(select(Article.title)))
    store.close()
    assert titles >= MENTION_THE_SIGNING | DISTRACTORS
    assert len(titles) == 11


def test_the_signing_article_ranks_first_and_proposes_happened(db: str) -> None:
    fid = followup_id(db, SIGNING)
    proposed = json.loads(
        cli(db, "followups", "--state", "proposed", "--as-of", "2018-06-10", "--format", "json")
    )
    signing = next(r for r in proposed if r["id"] == fid)
    assert (signing["due_start"], signing["due_end"]) == ("2018-10-01", "2018-10-31")
    assert signing["question"].startswith("Will India and Russia sign the S-400")
    assert signing["question"].endswith("contract in October 2018?")
    assert signing["event"]["lemma"] == "sign" and "sign" in signing["event"]["groups"]
    assert {"India", "Russia", "Narendra Modi", "Vladimir Putin"} <= set(signing["participants"])
    assert candidates(db, fid) == [], "a proposed follow-up is not checked until confirmed"

    assert cli(db, "followup", "confirm", str(fid)) == f"Follow-up {fid} is open.\n"
    ranked = candidates(db, fid)
    first = ranked[0]
    assert first["title"] == "India and Russia sign $5.4 billion S-400 air defence deal"
    assert first["published"] == "2018-10-05"
    assert first["proposed_state"] == "happened"
    assert any(r.startswith("shares ") and "Vladimir Putin" in r for r in first["reasons"])
    assert "reports it done" in first["reasons"]
    titles = [c["title"] for c in ranked]
    storyline_positions = [i for i, t in enumerate(titles) if t in MENTION_THE_SIGNING]
    distractor_positions = [i for i, t in enumerate(titles) if t in DISTRACTORS]
    assert len(storyline_positions) == 4
    assert all(d > max(storyline_positions) for d in distractor_positions)
    will_sign = next(c for c in ranked if c["title"].startswith("Kremlin says"))
    assert will_sign["proposed_state"] is None and will_sign["score"] < first["score"]

    assert cli(
        db,
        "resolve",
        str(fid),
        "--state",
        "happened",
        "--evidence",
        f"article:{first['article_id']}",
    )
    assert candidates(db, fid) == []
    rows = json.loads(cli(db, "followups", "--state", "resolved", "--format", "json"))
    assert next(r for r in rows if r["id"] == fid)["state"] == "happened"


def test_before_the_signing_no_article_proposes_happened(db: str) -> None:
    """As of 4 October 2018, the day before the signing was reported, the articles that
    expect it are candidates, but none of them proposes *happened*."""
    fid = followup_id(db, SIGNING)
    cli(db, "followup", "confirm", str(fid))
    before = candidates(db, fid, "--as-of", "2018-10-04")
    assert before and all(c["published"] <= "2018-10-04" for c in before)
    assert [c["proposed_state"] for c in before if c["proposed_state"] == "happened"] == []
    after = candidates(db, fid, "--as-of", "2018-10-05")
    assert (after[0]["published"], after[0]["proposed_state"]) == ("2018-10-05", "happened")


def test_a_slip_is_a_supersedes_chain_ending_in_happened(db: str) -> None:
    fid = followup_id(db, DELIVERIES)
    cli(db, "followup", "confirm", str(fid))
    overdue = json.loads(
        cli(db, "followups", "--state", "overdue", "--as-of", "2021-01-01", "--format", "json")
    )
    late = next(r for r in overdue if r["id"] == fid)
    assert (late["due_end"], late["days_overdue"]) == ("2020-12-31", 1)

    first = candidates(db, fid, "--as-of", "2021-01-01")[0]
    assert first["title"] == "S-400 deliveries to India now expected by the end of 2021"
    assert first["proposed_state"] == "postponed"
    assert first["proposed_window"] == ["2020-11-13", "2021-12-31"]
    assert all(c["published"] <= "2021-01-01" for c in candidates(db, fid, "--as-of", "2021-01-01"))

    said = cli(
        db, "resolve", str(fid), "--state", "postponed", "--window", "2020-11-13..2021-12-31",
        "--evidence", f"article:{first['article_id']}", "--note", "now by the end of 2021",
    )  # fmt: skip
    successor = int(said.split("follow-up ")[1].split()[0])
    later = candidates(db, successor)[0]
    assert later["title"] == "Russia begins S-400 deliveries to India"
    assert later["proposed_state"] == "happened"
    cli(
        db,
        "resolve",
        str(successor),
        "--state",
        "happened",
        "--evidence",
        f"article:{later['article_id']}",
    )

    store = open_store(db)
    with store.session() as session:
        old, new = session.get(FollowUp, fid), session.get(FollowUp, successor)
        assert old is not None and new is not None
        assert (old.state, new.state) == ("postponed", "happened")
        assert (new.due_start, new.due_end) == (date(2020, 11, 13), date(2021, 12, 31))
        [link] = session.scalars(select(FactLink).where(FactLink.type == "supersedes")).all()
        assert (link.source_fact_id, link.target_fact_id) == (new.fact_id, old.fact_id)
        events = session.scalars(
            select(FollowUpEvent).where(FollowUpEvent.followup_id == fid)
        ).all()
        assert [(e.from_state, e.to_state) for e in events] == [
            ("proposed", "open"),
            ("open", "postponed"),
        ]
        assert events[-1].note == "now by the end of 2021" and events[-1].who == "tester"
    store.close()
    history = cli(db, "history", f"followup:{fid}")
    assert "followup.postponed" in history and "state: open → postponed" in history


def test_after_an_import_only_the_new_articles_are_checked(
    db: str, tmp_path: Path, english: tuple[Any, Any]
) -> None:
    from desktop.tracking.updates import check_updates

    fid = followup_id(db, SIGNING)
    cli(db, "followup", "confirm", str(fid))
    news = tmp_path / "new.txt"
    news.write_text(
        "date 2018-10-07 Modi hails S-400 contract\n\nPrime Minister Narendra Modi said on Sunday "
        "that the S-400 contract signed with Russia on Friday would strengthen India's defences.\n"
    )
    store = open_store(db)
    [(_, new_id)] = import_paths(store, [news]).imported
    suggest_articles(store, *english)
    [result] = [r for r in check_updates(store, new_article_ids=[new_id]) if r.followup.id == fid]
    store.close()
    assert [c.article_id for c in result.candidates] == [new_id]
    assert result.candidates[0].proposed_state == "happened"


def test_the_queue_shows_the_signing_once_with_its_restatements(db: str) -> None:
    """The seed, the Putin-visit and the Kremlin articles all expect the signing in early
    October: one tracked event, shown once; one resolution settles all three."""
    table = cli(db, "followups", "--state", "proposed", "--as-of", "2018-10-04")
    signing_lines = [line for line in table.splitlines() if " sign " in line]
    assert len(signing_lines) == 1 and signing_lines[0].endswith("(+2 restatements)")
    rows = json.loads(
        cli(db, "followups", "--state", "proposed", "--as-of", "2018-10-04", "--format", "json")
    )
    signing = [r for r in rows if r["event"]["lemma"] == "sign"]
    assert len(signing) == 3 and len({r["event_id"] for r in signing}) == 1
    by_event = json.loads(
        cli(db, "followups", "--state", "proposed", "--as-of", "2018-10-04", "--format", "json",
            "--by-event")
    )  # fmt: skip
    assert [r["event_size"] for r in by_event if r["event"]["lemma"] == "sign"] == [3]

    fid = followup_id(db, SIGNING)
    cli(db, "followup", "confirm", str(fid))
    cli(db, "resolve", str(fid), "--state", "happened", "--evidence", "article:4")
    done = json.loads(
        cli(db, "followups", "--state", "resolved", "--as-of", "2030-01-01", "--format", "json")
    )
    assert sorted(r["state"] for r in done if r["event"]["lemma"] == "sign") == ["happened"] * 3
