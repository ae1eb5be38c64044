"""The event lexicon as data, read by one module for the analysis and the update check."""

from __future__ import annotations

from desktop.settings import resource_path
from desktop.tracking.terms import same_name, surface_forms
from desktop.vocabulary import EVENTS_FILE, load_lexicon


def test_the_lexicon_file_is_data_under_resources() -> None:
    assert resource_path(*EVENTS_FILE) == resource_path("vocabulary", "events.toml")
    assert resource_path(*EVENTS_FILE).is_file()


def test_inflections_nominalisations_and_synonyms_share_a_group() -> None:
    lexicon = load_lexicon()
    for word in ("delivery", "handover", "hand over", "take delivery", "arrive", "supply"):
        assert "deliver" in lexicon.groups_of(word), word
    for word in ("ink", "seal", "signing"):
        assert "sign" in lexicon.groups_of(word), word
    assert lexicon.groups_of("blast off") & lexicon.groups_of("launch")
    assert not lexicon.groups_of("begin") & lexicon.groups_of("lift off")
    assert lexicon.groups_of("zebra") == frozenset({"zebra"})
    assert {"take delivery", "hand over", "go to the polls"} <= lexicon.phrases


def test_outcome_words_are_not_events() -> None:
    lexicon = load_lexicon()
    assert lexicon.outcome_of("scrap") == "cancel"
    assert lexicon.outcome_of("push back") == "postpone"
    assert lexicon.outcome_of("scrub") == "fail"
    assert lexicon.outcome_of("sign") is None
    assert not lexicon.is_event_word("postpone")


def test_the_analysts_words_join_the_file() -> None:
    lexicon = load_lexicon([("sign", "Countersign"), ("cancel", "spike"), ("dock", "berth")])
    assert "sign" in lexicon.groups_of("countersign")
    assert lexicon.outcome_of("spike") == "cancel"
    assert lexicon.groups_of("berth") == frozenset({"dock"})
    assert "countersign" not in load_lexicon().events["sign"]


def test_names_match_tolerantly_but_not_loosely() -> None:
    assert same_name("Crossrail", "London Crossrail")
    assert same_name("Elizabeth", "the Elizabeth Line")
    assert same_name("Chileans", "Chilean")
    assert same_name("New Delhi", "India")
    assert same_name("KC-46", "KC-46 Pegasus")
    assert not same_name("US", "US Air Force")
    assert not same_name("Air Force", "Japan Air Self-Defense Force")
    assert not same_name("London", "Transport for London")
    assert not same_name("India", "Indiana")
    assert same_name("Chileans", "Chile") and same_name("Taiwanese", "Taiwan")
    assert not same_name("Iran", "Ira")


def test_an_acronym_meets_the_name_it_abbreviates() -> None:
    assert same_name("ISRO", "the Indian Space Research Organisation")
    assert same_name("National Aeronautics and Space Administration", "NASA")
    assert not same_name("NASA", "National Space Agency")
    assert not same_name("UK", "Ukraine")


def test_other_names_and_nationality_words_of_a_country_are_that_country() -> None:
    """Data in places.toml: "Britain" and "the UK" are the United Kingdom, "Swedish" (whose
    stem is not the country's) is Sweden; "US" is not searched for as a word."""
    assert same_name("Britain", "The United Kingdom")
    assert same_name("UK", "the United Kingdom")
    assert same_name("U.S.", "United States")
    assert same_name("Swedish", "Sweden") and same_name("Dutch", "Netherlands")
    assert not same_name("Britain", "Brittany")
    assert surface_forms("the United Kingdom") >= {"britain", "united kingdom"}
    assert "us" not in surface_forms("United States")
