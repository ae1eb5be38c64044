"""Hyphenated event words ("lift-off", "roll-out", "hand-over") read as the lexicon's words:
the tokenizer splits them and the parser made "off" the noun, so the event went unread
(sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.nlp.analysis import analyze

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        (
            "Crews finished loading the probe, with lift-off still planned for 18 May.",
            "Will the lift-off take place on 18 May 2021?",
        ),
        (
            "The roll-out of the new ticket machines is expected in June.",
            "Will the roll-out of the new ticket machines take place in June 2021?",
        ),
        (
            "The hand-over of the frigate to the navy is scheduled for 1 July.",
            "Will the hand-over of the frigate to the navy take place on 1 July 2021?",
        ),
    ],
)
def test_a_hyphenated_event_word_is_the_event(
    english: tuple[Any, Any], sentence: str, asked: str
) -> None:
    found = analyze(english[0](sentence), date(2021, 3, 1)).expectations
    assert [e.question for e in found if e.proposes] == [asked]


def test_other_hyphenated_words_and_names_keep_their_tokens(english: tuple[Any, Any]) -> None:
    doc = english[0]("India's S-400 deal and the Hong Kong-Zhuhai bridge had a lift-off.")
    assert [t.text for t in doc][2:] == [
        "S-400", "deal", "and", "the", "Hong", "Kong", "-", "Zhuhai", "bridge", "had", "a",
        "lift-off", ".",
    ]  # fmt: skip
    assert doc[-2].lemma_ == "lift-off"
