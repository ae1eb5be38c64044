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
