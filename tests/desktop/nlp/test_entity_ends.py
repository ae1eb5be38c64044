"""Names the recogniser ran on into their sentence's verb end before it, and names a
headline capitalised into a word of plain English lose that word (sentences written for
these tests, each one the real model gets wrong on its own)."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.nlp.participants import canonical

pytestmark = pytest.mark.model


def test_a_title_ends_before_the_main_verb(english: tuple[Any, Any]) -> None:
    doc = english[0]("The Tale of Hollow: Voice of the Kingdom went on sale on Friday.")
    assert [e.text for e in doc.ents if e.label_ == "WORK_OF_ART"] == [
        "The Tale of Hollow: Voice of the Kingdom"
    ]


def test_a_name_in_lower_case_throughout_is_no_name(english: tuple[Any, Any]) -> None:
    """The recogniser makes "the museum a bridge" an organisation; a name has a capital."""
    doc = english[0](
        "Macron called the museum a bridge between civilisations and an answer to those who "
        "seek to destroy culture."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("Macron", "PERSON")]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Legend of Korra: Tears of the Spirits went on sale on Friday.",
         "The Legend of Korra: Tears of the Spirits"),
        # a capitalised verb inside a title is the title's
        ("Love Is Blind will return to Netflix in June.", "Love Is Blind"),
    ],
)  # fmt: skip
def test_a_name_without_a_verb_of_its_sentence_is_kept_whole(
    english: tuple[Any, Any], sentence: str, name: str
) -> None:
    assert name in [e.text for e in english[0](sentence).ents]


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Next Zelda", "Zelda"),  # "Next Zelda slips into 2023"
        ("Latest Pixel", "Pixel"),
        ("Next Big Thing", "Next Big Thing"),  # more than one word left: a name of its own
        ("New Glenn", "New Glenn"),
        ("Next Plc", "Next Plc"),  # a company
    ],
)
def test_a_headline_word_before_a_one_word_name_is_dropped(name: str, kept: str) -> None:
    assert canonical(name, "PRODUCT") == (kept, "PRODUCT")
