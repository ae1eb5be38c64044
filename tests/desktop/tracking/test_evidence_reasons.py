"""The update check's reasons as the side-by-side view words them."""

from __future__ import annotations

from datetime import date

from db.followups import FollowUpRow
from desktop.tracking.evidence import plain_reasons
from desktop.tracking.updates import Candidate


def row(start: date, end: date, lemma: str = "sign") -> FollowUpRow:
    return FollowUpRow(
        1, 1, "Will they sign?", "open", start, end, None, None, 1, "t", date(2018, 6, 9), "s",
        "sign", lemma=lemma,
    )  # fmt: skip


def candidate(published: date, reasons: list[str]) -> Candidate:
    return Candidate(2, "t", published, 5.0, "happened", None, reasons)


def test_reasons_in_plain_words_name_the_slack_when_it_was_used() -> None:
    october = row(date(2018, 10, 1), date(2018, 10, 31))
    early = candidate(
        date(2018, 9, 28),
        ["shares India, Russia, Narendra Modi, Vladimir Putin",
         "published 2018-09-28, within the due window", "full-text rank 1.6", "reports it done"],
    )  # fmt: skip
    assert plain_reasons(early, october) == [
        "names 4 of the same participants (India, Russia, Narendra Modi, Vladimir Putin)",
        "published 3 days before the window opened (within the 7-day slack)",
        "some word match",
        "says it was signed",
    ]
    inside = candidate(date(2018, 10, 5), ["published 2018-10-05, within the due window"])
    assert plain_reasons(inside, october) == ["published 4 days after the window opened"]
    late = candidate(date(2018, 11, 2), ["published 2018-11-02, within the due window"])
    assert plain_reasons(late, october) == [
        "published 2 days after the window closed (within the 7-day slack)"
    ]
    delivered = candidate(date(2021, 11, 14), ["reports it done", "full-text rank 2.4"])
    assert plain_reasons(delivered, row(date(2020, 1, 1), date(2021, 12, 31), "deliver")) == [
        "says it was delivered",
        "strong word match",
    ]


def test_the_evidence_passage_is_a_body_sentence_and_the_headline_only_without_one() -> None:
    from desktop.tracking.outcomes import Finding
    from desktop.tracking.updates import _passage

    headline = Finding("happened", None, 4.0, "India and Russia sign deal")
    body = Finding("happened", None, 3.0, "India and Russia signed a contract on Friday.")
    delay = Finding("postponed", None, 1.0, "The signing was put off.")
    assert _passage(headline, [delay, body]) == "India and Russia signed a contract on Friday."
    assert _passage(headline, [delay]) == "India and Russia sign deal"  # no body sentence does
    assert _passage(None, [body]) == ""
