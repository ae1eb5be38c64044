"""Hyphenated event words ("lift-off", "roll-out", "hand-over") read as the lexicon's words:
the tokenizer splits them and the parser made "off" the noun, so the event went unread; a
prefixed word ("re-elected") is kept whole and is a verb (sentences written for these
tests)."""

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


@pytest.mark.parametrize(
    ("sentence", "lemma", "asked"),
    [
        # split, "re" was the verb and "elected" an adjective of the chancellor
        ("Merkel is due to be re-elected chancellor by the Bundestag on 14 March.", "elect",
         "Will the Bundestag elect Merkel on 14 March 2021?"),
        ("The bridge will be re-opened to traffic in June.", "reopen",
         "Will the bridge be re-opened in June 2021?"),
        # signed again, not resigned
        ("The treaty will be re-signed by the new government in June.", "sign",
         "Will the new government sign the treaty in June 2021?"),
    ],
)  # fmt: skip
def test_a_prefixed_word_is_one_verb_with_the_lemma_of_its_word(
    english: tuple[Any, Any], sentence: str, lemma: str, asked: str
) -> None:
    doc = english[0](sentence)
    word = next(t for t in doc if t.lower_.startswith("re-"))
    assert (word.pos_, word.lemma_) == ("VERB", lemma)
    found = analyze(doc, date(2021, 3, 1)).expectations
    assert [e.question for e in found if e.proposes] == [asked]
