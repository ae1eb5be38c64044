"""Follow-ups on structured events, end to end with the real model: inflected and
synonymous forms meet, conditions settle nothing, a later window is a slip, a follow-up
that names no one still gets candidates, and restatements are one tracked event."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.followups import followup_rows
from db.models import FollowUp, FollowUpEvent
from db.store import Store
from desktop.ingest.importer import import_paths
from desktop.nlp.suggest import suggest_articles
from desktop.tracking.events import assign_events
from desktop.tracking.followups import confirm, resolve
from desktop.tracking.updates import check_updates

pytestmark = pytest.mark.model

Article = tuple[str, str, str]
"""(date, headline, body)."""


def load(
    store: Store, english: tuple[Any, Any], folder: Path, articles: list[Article]
) -> list[int]:
    paths = []
    for i, (day, title, body) in enumerate(articles):
        path = folder / f"{i:02d}.txt"
        path.write_text(f"date {day} {title}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    ids = [article_id for _path, article_id in import_paths(store, paths).imported]
    suggest_articles(store, *english)
    return ids


def proposed_from(store: Store, article_id: int) -> list[Any]:
    with store.session() as session:
        return [
            r
            for r in followup_rows(session, as_of=date(2100, 1, 1))
            if r.source_article_id == article_id
        ]


def first_candidate(store: Store, followup_id: int, as_of: date) -> Any:
    [found] = check_updates(store, as_of=as_of, followup_ids=[followup_id])
    assert found.candidates, "no candidate at all"
    return found.candidates[0]


def first_after(
    store: Store,
    english: tuple[Any, Any],
    folder: Path,
    expected: tuple[str, str],
    later: tuple[str, str],
    as_of: date,
) -> tuple[Any, int]:
    """The first candidate for the one follow-up of ``expected`` (date, body), as of
    ``as_of``, and the id of the ``later`` article."""
    followup_id, later_id = confirmed_before(store, english, folder, expected, later)
    return first_candidate(store, followup_id, as_of), later_id


def confirmed_before(
    store: Store,
    english: tuple[Any, Any],
    folder: Path,
    expected: tuple[str, str],
    later: tuple[str, str],
    later_title: str = "News",
) -> tuple[int, int]:
    """The confirmed follow-up of ``expected`` (date, body) and the ``later`` article's id
    (its headline ``later_title``)."""
    source, later_id = load(
        store,
        english,
        folder,
        [(expected[0], "Plans", expected[1]), (later[0], later_title, later[1])],
    )
    [followup] = proposed_from(store, source)
    confirm(store, followup_id=followup.id, who="ana")
    return followup.id, later_id


@pytest.mark.parametrize(
    ("expected", "reported"),
    [
        (
            "Russia will deliver the S-400 systems to India in 2020, officials said.",
            "Russia delivered the first S-400 systems to India on Friday.",
        ),
        (
            "The first S-400 regiment is due to arrive in India in 2020.",
            "The first S-400 regiment arrived in India on Friday, officials said.",
        ),
        (
            "Deliveries of the S-400 systems to India are expected in 2020.",
            "Russia has begun delivering the S-400 systems to India, officials said.",
        ),
        (
            "Russia plans to hand over the S-400 systems to India in 2020.",
            "India took delivery of the first S-400 systems from Russia on Friday.",
        ),
    ],
)
def test_inflected_and_synonymous_forms_of_the_event_meet(
    store: Store, english: tuple[Any, Any], tmp_path: Path, expected: str, reported: str
) -> None:
    source, later = load(
        store,
        english,
        tmp_path,
        [
            ("2019-06-03", "Air defence talks", expected),
            ("2020-03-06", "Air defence systems", reported),
        ],
    )
    [followup] = proposed_from(store, source)
    assert followup.due_end == date(2020, 12, 31)
    confirm(store, followup_id=followup.id, who="ana")
    first = first_candidate(store, followup.id, date(2020, 3, 10))
    assert (first.article_id, first.proposed_state) == (later, "happened")
    assert "reports it done" in first.reasons


def test_a_conditional_proposes_nothing_and_settles_nothing(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    conditional, source, doubt = load(
        store,
        english,
        tmp_path,
        [
            (
                "2018-06-01",
                "Talks continue",
                "If the talks succeed, India and Russia will sign the S-400 contract in October.",
            ),
            (
                "2018-06-09",
                "S-400 deal",
                "India and Russia are expected to sign the S-400 contract in October.",
            ),
            (
                "2018-10-02",
                "S-400 doubts",
                "It remains to be seen whether the S-400 contract gets signed by India and Russia.",
            ),
        ],
    )
    assert proposed_from(store, conditional) == []
    [followup] = proposed_from(store, source)
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2018, 10, 5), followup_ids=[followup.id])
    assert [c.proposed_state for c in found.candidates if c.article_id == doubt] in ([], [None])


SIGN_IN_OCTOBER = "India and Russia are expected to sign the S-400 contract in October."
SIGN_IN_DECEMBER = "India and Russia will sign the S-400 contract in December"
HANDOVER_IN_MARCH = "The handover of the air defence systems is expected to take place in March."
HANDED_OVER = "The air defence systems were handed over on Thursday."


def test_a_later_expectation_is_a_postponement_to_its_window(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """No delay word in the later article: it still expects the signing, two months later."""
    source, later = load(
        store,
        english,
        tmp_path,
        [
            ("2018-06-09", "S-400 deal", SIGN_IN_OCTOBER),
            ("2018-09-20", "S-400 talks", f"{SIGN_IN_DECEMBER}, officials in New Delhi said."),
        ],
    )
    [followup] = proposed_from(store, source)
    confirm(store, followup_id=followup.id, who="ana")
    first = first_candidate(store, followup.id, date(2018, 9, 25))
    assert (first.article_id, first.proposed_state) == (later, "postponed")
    assert first.proposed_window == (date(2018, 12, 1), date(2018, 12, 31))


def test_a_follow_up_that_names_no_one_still_gets_candidates(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    source, later = load(
        store,
        english,
        tmp_path,
        [
            ("2019-01-10", "Air defence", HANDOVER_IN_MARCH),
            ("2019-03-15", "Systems handed over", HANDED_OVER),
        ],
    )
    [followup] = proposed_from(store, source)
    assert followup.participants == []
    confirm(store, followup_id=followup.id, who="ana")
    first = first_candidate(store, followup.id, date(2019, 3, 20))
    assert (first.article_id, first.proposed_state) == (later, "happened")


SEVEN = [
    "India and Russia are expected to sign the S-400 contract in October.",
    "The S-400 contract between India and Russia is due to be signed in October.",
    "Russia and India plan to sign the S-400 deal in October, officials said.",
    "India will sign the S-400 contract with Russia in October.",
    "New Delhi and Moscow are set to ink the S-400 agreement in October.",
    "The signing of the S-400 contract by India and Russia is scheduled for October.",
    "India and Russia hope to seal the S-400 deal in October.",
]


def test_seven_restatements_are_one_tracked_event_that_one_resolution_settles(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    ids = load(
        store,
        english,
        tmp_path,
        [(f"2018-07-{day:02d}", f"S-400 report {day}", text) for day, text in enumerate(SEVEN, 1)],
    )
    followups = [f for aid in ids for f in proposed_from(store, aid)]
    assert len(followups) == 7
    assert all(
        (f.due_start, f.due_end) == (date(2018, 10, 1), date(2018, 10, 31)) for f in followups
    )
    assign_events(store)
    with store.session() as session:
        events = set(session.scalars(select(FollowUp.event_id)))
    assert len(events) == 1 and None not in events

    resolve(store, followup_id=followups[3].id, state=_state("happened"), who="ana")
    with store.session() as session:
        states = list(session.scalars(select(FollowUp.state)))
        notes = list(session.scalars(select(FollowUpEvent.note)))
    assert states == ["happened"] * 7
    assert sum("same event" in n for n in notes) == 6


def _state(value: str) -> Any:
    from db.models import FollowUpState

    return FollowUpState(value)


PERU_IN_JUNE = "Norway's parliament will ratify Peru's trade treaty in June, officials said."
CHILE_RATIFIED = "Norway's parliament ratified Chile's trade treaty on Thursday."


def test_the_same_kind_of_event_for_another_theme_settles_nothing(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """Norway's ratification of the treaty with Chile is not the one with Peru."""
    source, other = load(
        store,
        english,
        tmp_path,
        [
            ("2021-02-01", "Trade treaties", PERU_IN_JUNE),
            ("2021-03-04", "Parliament session", CHILE_RATIFIED),
        ],
    )
    [followup] = proposed_from(store, source)
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2021, 3, 10), followup_ids=[followup.id])
    assert [c.proposed_state for c in found.candidates if c.article_id == other] in ([], [None])


def test_a_share_price_that_closed_is_no_deal_that_closed(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "Shares closed at $76" is a statement of value, not the acquisition closing."""
    source, price = load(
        store,
        english,
        tmp_path,
        [
            (
                "2022-01-20",
                "Globex to buy Initech",
                "Globex expects the acquisition of Initech to close in 2023, the company said.",
            ),
            (
                "2022-02-10",
                "Initech investors back sale",
                "Initech's shares closed at about $76 on Thursday, below the offer price.",
            ),
        ],
    )
    [followup] = proposed_from(store, source)
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2022, 2, 15), followup_ids=[followup.id])
    assert [c.proposed_state for c in found.candidates if c.article_id == price] in ([], [None])


ASKED_IN_APRIL = "Voters in Ruritania will be asked in April 2020 whether they want a new charter."
VOTE_IN_OCTOBER = "Ruritania's referendum on a new charter will now be held on 25 October."


def test_voters_asked_is_a_vote_whose_later_date_is_a_slip(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "Voters will be asked" names a vote (a lexicon phrase of a verb and its passive
    subject); the referendum held later is its postponement."""
    source, later = load(
        store,
        english,
        tmp_path,
        [
            ("2019-11-15", "Charter vote agreed", ASKED_IN_APRIL),
            ("2020-03-20", "Charter vote moved", VOTE_IN_OCTOBER),
        ],
    )
    [followup] = proposed_from(store, source)
    assert followup.question == "Will the voters in Ruritania be asked in April 2020?"
    confirm(store, followup_id=followup.id, who="ana")
    first = first_candidate(store, followup.id, date(2020, 3, 25))
    assert (first.article_id, first.proposed_state) == (later, "postponed")
    assert first.proposed_window == (date(2020, 10, 25), date(2020, 10, 25))


PAD_ON_FRIDAY = "The new rocket is due to leave the pad on Friday."
LAUNCH_RESCHEDULED = "Engineers have rescheduled the launch of the new rocket for March 20."


def test_leaving_the_pad_is_a_launch_that_a_new_date_postpones(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A lexicon phrase of a verb and its object ("leave the pad") names the launch; with
    no one named, the candidate comes from the event's words."""
    source, later = load(
        store,
        english,
        tmp_path,
        [
            ("2021-03-10", "Countdown nears", PAD_ON_FRIDAY),
            ("2021-03-13", "Launch moved", LAUNCH_RESCHEDULED),
        ],
    )
    [followup] = proposed_from(store, source)
    assert followup.event_group == "launch"
    confirm(store, followup_id=followup.id, who="ana")
    first = first_candidate(store, followup.id, date(2021, 3, 15))
    assert (first.article_id, first.proposed_state) == (later, "postponed")
    assert first.proposed_window == (date(2021, 3, 20), date(2021, 3, 20))


LINE_BUT_NOT_THE_STOP = (
    "The city council has announced that the new Northgate Line will open on Thursday,"
    " April 6. Because of unfinished works, the new Harbour Square stop will not open on"
    " April 6; the stop is still on track to open later this year."
)


def test_what_opens_on_the_day_the_source_ruled_out_is_another_thing(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """The stop "will not open on April 6" and is due later in the year: the line's opening
    on April 6 settles nothing for it (before or in its window); the stop's own opening
    in October does."""
    source, line_opened, _date_set, stop_opened = load(
        store,
        english,
        tmp_path,
        [
            ("2023-03-01", "Northgate Line opening date set", LINE_BUT_NOT_THE_STOP),
            (
                "2023-04-06",
                "Northgate Line opens",
                "Crowds gathered in the city centre as the new Northgate Line finally opened.",
            ),
            (
                "2023-09-20",
                "Harbour Square stop date set",
                "The city council said that the Harbour Square Northgate Line stop will open"
                " on Monday 16 October, subject to final checks.",
            ),
            (
                "2023-10-16",
                "Harbour Square stop opens on Northgate Line",
                "The Harbour Square stop opened to passengers on Monday morning.",
            ),
        ],
    )
    [stop] = [r for r in proposed_from(store, source) if r.due_start == date(2023, 9, 2)]
    for row in proposed_from(store, source):
        confirm(store, followup_id=row.id, who="ana")
    [before] = check_updates(store, as_of=date(2023, 10, 10), followup_ids=[stop.id])
    assert [c.article_id for c in before.candidates if c.proposed_state == "happened"] == []
    after = first_candidate(store, stop.id, date(2023, 10, 20))
    assert (after.article_id, after.proposed_state) == (stop_opened, "happened")
    [line] = [r for r in proposed_from(store, source) if r.due_start == date(2023, 4, 6)]
    opened = first_candidate(store, line.id, date(2023, 4, 10))
    assert (opened.article_id, opened.proposed_state) == (line_opened, "happened")


def test_a_thing_taken_up_from_its_own_sentence_is_its_theme(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A stop that "will not open on April 6; the stop is still on track
    to open later this year": the stop's follow-up is about Harbour Square (not the line
    named in the sentence before), and shares a tracked event with the stop's later
    date, apart from the line's opening."""
    source, date_set = load(
        store,
        english,
        tmp_path,
        [
            ("2023-03-01", "Northgate Line opening date set", LINE_BUT_NOT_THE_STOP),
            (
                "2023-09-20",
                "Harbour Square stop date set",
                "The city council said that the Harbour Square Northgate Line stop will open"
                " on Monday 16 October, subject to final checks.",
            ),
        ],
    )
    assign_events(store)
    rows = proposed_from(store, source)
    [stop] = [r for r in rows if r.due_start == date(2023, 9, 2)]
    [line] = [r for r in rows if r.due_start == date(2023, 4, 6)]
    [october] = proposed_from(store, date_set)
    assert stop.roles == [("theme", "Harbour Square")]
    assert stop.event_id == october.event_id != line.event_id
