"""A step before the event is not the event: an article that reports a committee's
approval and still expects the plenary vote later in the vote's window settles nothing
(end to end with the real model; sentences written for this test)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from desktop.tracking.events import assign_events
from desktop.tracking.followups import confirm
from desktop.tracking.updates import check_updates
from tests.desktop.tracking.test_followup_events import load, proposed_from

pytestmark = pytest.mark.model

ARTICLES = [
    ("2021-09-14", "Pact", "Ruritania's lawmakers are expected to approve Freedonia's "
     "accession to the Alpine Pact by the end of the year, diplomats said."),
    ("2021-12-20", "Pact vote", "The full chamber of Ruritania's parliament is now expected "
     "to vote on Freedonia's accession to the Alpine Pact in January, diplomats said."),
    ("2022-01-04", "Committee backs Freedonia", "Ruritania's foreign affairs committee "
     "approved Freedonia's accession protocol on Tuesday. The full chamber is expected to "
     "hold its vote on the protocol later this month."),
    ("2022-01-25", "Ruritania ratifies", "Ruritania's parliament voted on Tuesday to ratify "
     "Freedonia's accession to the Alpine Pact."),
]  # fmt: skip


def test_a_committee_approval_before_the_expected_vote_is_not_the_vote(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    ids = load(store, english, tmp_path, ARTICLES)
    for article_id in ids[:2]:
        for row in proposed_from(store, article_id):
            confirm(store, followup_id=row.id, who="ana")
    [vote] = [r for r in proposed_from(store, ids[1]) if r.lemma == "vote"]

    [before] = check_updates(store, as_of=date(2022, 1, 10), followup_ids=[vote.id])
    assert "happened" not in [c.proposed_state for c in before.candidates]

    [after] = check_updates(store, as_of=date(2022, 1, 28), followup_ids=[vote.id])
    first = after.candidates[0]
    assert (first.article_id, first.proposed_state) == (ids[3], "happened")


VOTES = [
    ("2021-10-04", "Report reaches the Senate", "A procedural vote to end debate is scheduled "
     "for Friday morning. Senate leaders expect the final vote on the nominee on Saturday."),
    ("2021-10-08", "Senate ends debate", "The Senate voted 51 to 49 on Friday morning to cut "
     "off debate on the nomination. The final vote will take place on Saturday."),
    ("2021-10-10", "Nominee confirmed", "The Senate voted 50 to 48 on Saturday to confirm "
     "the nominee."),
]  # fmt: skip


def test_a_vote_on_another_day_is_another_vote(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    ids = load(store, english, tmp_path, VOTES)
    assign_events(store)
    rows = proposed_from(store, ids[0])
    # one article that gives two days speaks of two votes, each followed up on its own
    assert sorted((r.due_start, r.due_end) for r in rows) == [
        (date(2021, 10, 8), date(2021, 10, 8)),
        (date(2021, 10, 9), date(2021, 10, 9)),
    ]
    assert len({r.event_id for r in rows}) == 2
    [final] = [r for r in rows if r.due_start == date(2021, 10, 9)]
    [later] = proposed_from(store, ids[1])
    assert later.event_id == final.event_id  # "the final vote will take place on Saturday"
    confirm(store, followup_id=final.id, who="ana")
    [found] = check_updates(store, as_of=date(2021, 10, 12), followup_ids=[final.id])
    first = found.candidates[0]
    assert (first.article_id, first.proposed_state) == (ids[2], "happened")
    assert all(c.proposed_state != "happened" for c in found.candidates if c.article_id == ids[1])


EXAMS = [
    ("2020-08-18", "Court refuses to delay entrance tests", "The Supreme Court on Monday "
     "dismissed a petition seeking a further postponement of NEET and JEE Advanced.\n\nThe "
     "medical test will go ahead next month as planned, weeks before JEE Advanced."),
    ("2020-09-14", "Medical test held", "NEET was held on Sunday afternoon, more than four "
     "months later than planned. JEE Advanced, the second stage of the engineering "
     "admissions, remains set for 27 September."),
]  # fmt: skip


def test_another_named_thing_still_to_come_is_no_later_day_of_the_one_held(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "JEE Advanced remains set for 27 September" beside "NEET was held on Sunday": the
    other test's day, named in the follow-up's article, is not a day the medical test is
    still awaited on."""
    ids = load(store, english, tmp_path, EXAMS)
    rows = proposed_from(store, ids[0])
    for row in rows:
        confirm(store, followup_id=row.id, who="ana")
    [neet] = [r for r in rows if "medical test" in r.question]
    [found] = check_updates(store, as_of=date(2020, 9, 20), followup_ids=[neet.id])
    first = found.candidates[0]
    assert (first.article_id, first.proposed_state) == (ids[1], "happened")
