"""Words the tagger gave the wrong part of speech, read again off the parse (sentences
written for these tests, each one the real model mistags)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "word", "pos"),
    [
        # a plural noun at the top with a subject or a particle of its own is a verb
        ("The first match kicks off on Sunday evening in Porto.", "kicks", "VERB"),
        # a word of the event lexicon after a name, in a sentence with a full stop
        ("Donald Trump lands in Tokyo on Saturday for a four-day visit.", "lands", "VERB"),
        # a verb that is a verb's object is a noun
        ("Amtrak will put its NextGen Acela trains into passenger service on 28 August.",
         "trains", "NOUN"),
        # a headline's plural noun without a full stop stays a noun, with a particle too; a
        # noun of an event after a name stays one; a verb with an object of its own stays one
        ("Donald Trump lands on Saturday", "lands", "NOUN"),
        ("Flights off until March", "Flights", "NOUN"),
        ("Chile elections on Sunday.", "elections", "NOUN"),
        ("Trump leaves office on 20 January.", "leaves", "VERB"),
        # a singular common noun right before it is its subject; a plural one is no subject
        # of a verb in -s, and a headline stays verbless
        ("The first direct train departs on Wednesday from St Pancras.", "departs", "VERB"),
        ("The first direct train departs on Wednesday", "departs", "NOUN"),
        # "open" with a plural subject and no copula is the verb; with one it is a state
        ("Polling stations open at 7 a.m. tomorrow.", "open", "VERB"),
        ("The polling stations are open until 10 p.m.", "open", "ADJ"),
        # ... also when two spaces follow the sentence's full stop
        ("Macron inaugurated the museum on Wednesday, walking through the galleries beneath "
         "Jean Nouvel's dome in front of an invited audience.  Its doors open to the public "
         "on Saturday, and tickets for the first weekend have sold strongly, the museum "
         "said.  It was late.", "open", "VERB"),
        # a bare verb of the lexicon after "due to" is what is due; a cause stays a noun
        ("Rubio is due to land in Kazakhstan on 27 September together with his two Russian "
         "crewmates.", "land", "VERB"),
        ("The delay is due to rain and high winds.", "rain", "NOUN"),
        ("The three are due to land back on Earth on 27 September.", "land", "VERB"),
        ("Much of the violence in the region is due to land, not religion, experts said.",
         "land", "NOUN"),
        # names joined by "and" before a bare verb of the lexicon: its subject, in a sentence
        # with a full stop; in a headline, and for a noun of an event, a noun still
        ("The King and Queen land in Paris on Wednesday.", "land", "VERB"),
        ("The King and Queen land in Paris", "land", "NOUN"),
    ],
)  # fmt: skip
def test_the_word_gets_the_part_of_speech_its_parse_shows(
    english: tuple[Any, Any], sentence: str, word: str, pos: str
) -> None:
    [token] = [t for t in english[0](sentence) if t.text == word]
    assert token.pos_ == pos


def test_a_name_read_as_the_subject_of_a_misread_verb_is_its_subject(
    english: tuple[Any, Any],
) -> None:
    doc = english[0]("Donald Trump lands in Tokyo on Saturday for a four-day visit.")
    assert [(t.text, t.head.text) for t in doc if t.dep_ == "nsubj"] == [("Trump", "lands")]


def test_a_subject_the_parser_made_a_compound_of_its_verb_is_the_subject(
    english: tuple[Any, Any],
) -> None:
    """ "The council votes on the package": with no subject of its own, the verb's compound
    noun is its subject (the question once asked "Will it vote on the package")."""
    doc = english[0]("The council votes on the package later this month.")
    assert [t.dep_ for t in doc if t.text == "council"] == ["nsubj"]
