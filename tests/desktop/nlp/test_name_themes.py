"""A theme that is a name of several words is kept whole, not cut to its last word."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from desktop.nlp.analysis import analyze
from desktop.nlp.frames import whole_name


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Flamanville 3 will go into operation in 2031, the utility said.", "flamanville 3"),
        ("The utility said Flamanville 3 would enter service in the summer of 2031.",
         "flamanville 3"),
        ("Qantas will acquire Virgin Australia in 2031, the airline said.", "virgin australia"),
        ("The new owners will relaunch Air Berlin in March 2031.", "air berlin"),
    ],
)  # fmt: skip
def test_a_name_of_several_words_is_the_whole_theme(
    english: tuple[Any, Any], sentence: str, theme: str
) -> None:
    [found] = analyze(english[0](sentence), date(2030, 1, 10)).expectations
    assert found.theme_lemma == theme


@pytest.mark.model
def test_a_common_noun_inside_a_name_keeps_its_own_lemma(english: tuple[Any, Any]) -> None:
    doc = english[0]("Qantas will buy new jets for Virgin Australia in 2031.")
    [found] = analyze(doc, date(2030, 1, 10)).expectations
    assert found.theme_lemma == "jet"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Towing tests of the new barge are to start in March.", "test"),
        ("Docking trials for the frigate are expected to begin in June.", "trial"),
        ("The port is ready: mooring trials with the new tugs are to begin in November.",
         "trial"),
        ("Refuelling tests with the tanker jets are due to start in May.", "test"),
    ],
)  # fmt: skip
def test_a_noun_compound_read_as_a_gerund_keeps_its_noun_as_the_theme(
    english: tuple[Any, Any], sentence: str, theme: str
) -> None:
    """The parser reads "docking trials" as "docking" with "trials" as its object; the
    trials are what begins, not nothing (which would make them the story's main event)."""
    [found] = analyze(english[0](sentence), date(2030, 1, 10)).expectations
    assert found.theme_lemma == theme


def test_a_name_read_with_the_place_after_it_is_the_name_before_the_preposition() -> None:
    """The recogniser may read "HMS Orion at Rosyth Dockyard" as one name: the ship is
    "hms orion", the yard where it is is not part of it."""
    words = ["commission", "HMS", "Orion", "at", "Rosyth", "Dockyard", "today"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=["VERB", "PROPN", "PROPN", "ADP", "PROPN", "PROPN", "NOUN"],
        deps=["ROOT", "compound", "dobj", "prep", "compound", "pobj", "npadvmod"],
        heads=[0, 2, 0, 2, 5, 3, 0],
        ents=["O", "B-FAC", "I-FAC", "I-FAC", "I-FAC", "I-FAC", "O"],
    )
    assert whole_name(doc[2]) == "hms orion"
    assert whole_name(doc[5]) == "rosyth dockyard"


@pytest.mark.model
def test_a_name_ending_in_a_generic_word_keeps_that_word_however_written(
    english: tuple[Any, Any],
) -> None:
    """ "The Harbour Line" and "the Harbour line" are one theme: a generic last word
    ("line", "railway") stays the theme, as it is when written in lower case."""
    capital = analyze(english[0]("The Harbour Line will open in May 2031."), date(2030, 1, 10))
    lower = analyze(english[0]("The Harbour line will open in May 2031."), date(2030, 1, 10))
    assert [e.theme_lemma for e in capital.expectations] == [
        e.theme_lemma for e in lower.expectations
    ]


@pytest.mark.model
def test_a_vote_to_do_a_thing_is_on_that_thing(english: tuple[Any, Any]) -> None:
    """ "The Karst parliament voted on Wednesday to send two impeachment articles to the
    court": the vote is on the articles, not on the parliament (the parser's subject)."""
    sentence = (
        "With the Karst parliament voting on Wednesday to send two impeachment articles to "
        "the court, the speaker moved to finish the trade pact first."
    )
    reports = analyze(english[0](sentence), date(2020, 1, 15)).reports
    [vote] = [r for r in reports if r.lemma == "vote"]
    assert (vote.status, vote.theme_lemma) == ("happened", "article")


@pytest.mark.model
def test_a_verb_inside_a_name_is_not_its_event(english: tuple[Any, Any]) -> None:
    """ "Premier" is an event word only as a verb ("the film will premier"): in the name of a
    league it names no premiere, so the league's start is asked about the league."""
    doc = english[0](
        "The Indian Premier League will get under way on 19 September in the United Arab "
        "Emirates, the league chairman said on Friday."
    )
    [found] = analyze(doc, date(2020, 7, 25)).expectations
    assert (found.lemma, found.question) == (
        "league",
        "Will the Indian Premier League go ahead on 19 September 2020?",
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        # the owner of the event noun is its thing: the film opens, the news hour debuts
        ("Paramount says Top Gun: Maverick is sticking with its 26 June opening.",
         "maverick"),
        ("The channel's news hour will make its debut on 4 March.", "hour"),
        # but of a light verb the subject does the event: the citizens are no thing voted on
        ("Citizens will now cast their ballots on 25 October.", ""),
    ],
)  # fmt: skip
def test_an_event_noun_of_its_own_has_its_owner_as_the_thing(
    english: tuple[Any, Any], sentence: str, theme: str
) -> None:
    [found] = analyze(english[0](sentence), date(2030, 1, 10)).expectations
    assert found.theme_lemma == theme
