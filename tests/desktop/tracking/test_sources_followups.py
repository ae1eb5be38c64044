"""What arrives through a feed is worked: suggestions, then the update check, which names
the follow-up the new article may settle (the seed's S-400 signing, with the real model)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import Article, FollowUp
from db.store import Store
from desktop.cli import run
from desktop.tracking.followups import confirm
from desktop.tracking.intake import IntakeRequest, run_intake
from desktop.tracking.sources import Poller, subscribe
from tests.desktop.tracking.test_sources import EVERYTHING_DUE, T0, page, rss
from tests.local_web import LocalWeb, local_web

pytestmark = pytest.mark.model

SIGNING = "Will India and Russia sign the S-400 final contract in October 2018?"
SIGNED = [
    "NEW DELHI — India and Russia signed the contract for five regiments of the S-400 "
    "Triumf air defence system on Friday, at the end of a summit between Prime Minister "
    "Narendra Modi and President Vladimir Putin.",
    "The deal, worth about $5.4 billion, went ahead although Washington had warned that it "
    "could lead to sanctions under CAATSA.",
    "Officials said the first regiment would be delivered within two years.",
]
RATES = [
    "The central bank left its main interest rate unchanged on Wednesday.",
    "Economists had expected the pause after two cuts earlier in the year.",
    "The governor said inflation remained close to the target.",
]


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with local_web() as site:
        site.serve("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        site.serve(
            "/2018/10/05/s400-signed",
            page(
                "Modi and Putin seal S-400 air defence contract",
                SIGNED,
                date(2018, 10, 5),
                site="The Capital Ledger",
            ),
        )
        site.serve(
            "/2018/10/03/rates",
            page("Central bank holds rates", RATES, date(2018, 10, 3), site="The Capital Ledger"),
        )
        site.feed(
            "/defence.xml",
            rss(
                "Capital Ledger: Defence",
                [
                    (
                        site.url("/2018/10/05/s400-signed"),
                        "Modi and Putin seal S-400 air defence contract",
                        date(2018, 10, 5),
                        "",
                    ),
                    (
                        site.url("/2018/10/03/rates"),
                        "Central bank holds rates",
                        date(2018, 10, 3),
                        "",
                    ),
                ],
            ),
        )
        yield site


@pytest.fixture
def signing_open(seeded: Store) -> int:
    with seeded.session() as session:
        fid = session.scalars(select(FollowUp.id).where(FollowUp.question == SIGNING)).one()
    confirm(seeded, followup_id=fid, who="tester")
    return fid


def _article_id(store: Store, title: str) -> int:
    with store.session() as session:
        return session.scalars(select(Article.id).where(Article.title == title)).one()


def test_the_new_article_is_suggested_and_proposes_the_open_follow_up(
    seeded: Store, signing_open: int, web: LocalWeb, english: tuple[Any, Any]
) -> None:
    subscribe(seeded, web.url("/defence.xml"))
    report = Poller(seeded, EVERYTHING_DUE).poll(now=T0)
    assert len(report.new_ids) == 2
    arrivals = run_intake(seeded, IntakeRequest(model=english, check_ids=report.new_ids))
    assert arrivals.suggested is not None and arrivals.suggested.articles == 2
    signed = _article_id(seeded, "Modi and Putin seal S-400 air defence contract")
    assert [(n.followup_id, n.article_id, n.proposed_state) for n in arrivals.news] == [
        (signing_open, signed, "happened")
    ]
    assert arrivals.news_line() == "1 follow-up may have news:"


def test_poll_check_names_the_follow_up_from_a_scheduled_job(
    seeded: Store, signing_open: int, web: LocalWeb, db_path: Path
) -> None:
    subscribe(seeded, web.url("/defence.xml"))
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", str(db_path), "poll", "--check", "--min-interval", "0"], out, err)
    assert code == 0, err.getvalue()
    signed = _article_id(seeded, "Modi and Putin seal S-400 air defence contract")
    lines = out.getvalue().splitlines()
    assert lines[0] == "feed   1  Capital Ledger: Defence: 2 new articles."
    assert lines[1] == "Polled 1 feed: 2 new articles."
    assert lines[2].startswith("Suggested ") and " highlights in 2 new articles with " in lines[2]
    assert lines[3:] == [
        "1 follow-up may have news:",
        f"  #{signing_open} {SIGNING} (article #{signed} "
        "“Modi and Putin seal S-400 air defence contract”, proposes happened)",
    ]
    # Polled again at once: the site waits for its interval, nothing new, no news.
    out = io.StringIO()
    run(["--db", str(db_path), "poll", "--check"], out, err)
    assert out.getvalue().splitlines()[-1] == "No follow-up has news: no new articles."
