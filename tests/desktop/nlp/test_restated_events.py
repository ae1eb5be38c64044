"""Restatements of an event in other words read as the event: a light verb with an event
noun ("give its final endorsement" is an approval) and a thing put into a state the parser
hangs on the thing ("have the bridge in service" is the bridge going into service)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.nlp.analysis import analyze


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Ministers hope the senate will give its final endorsement before the end of 2030.",
        "The regulator is expected to give its approval in March.",
    ],
)
def test_giving_an_endorsement_or_approval_is_an_approval(
    english: tuple[Any, Any], sentence: str
) -> None:
    [found] = analyze(english[0](sentence), date(2030, 1, 10)).expectations
    assert "approve" in found.groups
    assert found.nominal


@pytest.mark.model
def test_giving_a_speech_is_no_event_of_the_lexicon(english: tuple[Any, Any]) -> None:
    [found] = analyze(
        english[0]("The minister will give a speech in Lisbon on 3 March 2030."), date(2030, 1, 10)
    ).expectations
    assert found.lemma == "give"
    assert "approve" not in found.groups


@pytest.mark.model
def test_having_the_bridge_in_service_is_the_bridge_going_into_service(
    english: tuple[Any, Any],
) -> None:
    [found] = analyze(
        english[0]("Officials still aim to have the bridge in service by the end of 2031."),
        date(2030, 1, 10),
    ).expectations
    assert found.lemma == "go into service"
    assert "start" in found.groups
    assert found.theme_lemma == "bridge"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Organisers insisted the opening ceremony would take place on 23 July 2031.", "start"),
        ("The signing ceremony is planned for March 2031, officials said.", "sign"),
        ("The handover ceremony for the frigate is planned for March 2031.", "deliver"),
    ],
)  # fmt: skip
def test_a_ceremony_is_the_event_its_modifier_names(
    english: tuple[Any, Any], sentence: str, group: str
) -> None:
    """ "The opening ceremony" is the opening, not a new kind of event ("ceremony")."""
    [found] = analyze(english[0](sentence), date(2030, 1, 10)).expectations
    assert group in found.groups
    assert found.theme_lemma != "ceremony"


@pytest.mark.model
def test_an_airport_that_welcomes_its_first_flights_opens(english: tuple[Any, Any]) -> None:
    """ "Welcome its first scheduled flights" is the opening (the start group), and its thing
    is the airport, not the date after "on"."""
    [found] = analyze(
        english[0]("The new airport is to welcome its first scheduled flights on 3 June 2031."),
        date(2030, 1, 10),
    ).expectations
    assert "start" in found.groups
    assert found.theme_lemma == "airport"


@pytest.mark.model
def test_beginning_an_activity_outside_the_lexicon_is_its_start(english: tuple[Any, Any]) -> None:
    """ "Is to begin producing steel" is the start of production, as "production will
    start" is; "begin delivering" stays a delivery, not a start."""
    [producing] = analyze(
        english[0]("The mill is to begin producing steel in 2031, its owner said."),
        date(2030, 1, 10),
    ).expectations
    [delivering] = analyze(
        english[0]("The yard will begin delivering the ferries in 2031, its owner said."),
        date(2030, 1, 10),
    ).expectations
    assert "start" in producing.groups
    assert "deliver" in delivering.groups and "start" not in delivering.groups
