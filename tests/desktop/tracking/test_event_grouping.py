"""Grouping follow-ups into tracked events on their structured events (no model needed)."""

from __future__ import annotations

from datetime import date

from db.followups import FollowUpRow
from desktop.tracking.events import group_rows
from desktop.vocabulary import load_lexicon


def row(
    fid: int, published: date, lemma: str, theme_lemma: str, roles: list[tuple[str, str]]
) -> FollowUpRow:
    return FollowUpRow(
        id=fid, fact_id=fid, question="", state="proposed", due_start=None,
        due_end=date(2023, 6, 30), review_date=None, snooze_until=None, source_article_id=fid,
        source_title="", source_published=published, source="", predicate=lemma,
        lemma=lemma, event_group="complete", theme=f"the {theme_lemma}",
        theme_lemma=theme_lemma, roles=roles,
    )  # fmt: skip


def test_the_acquisition_and_the_purchase_are_one_thing_to_complete() -> None:
    """Event nouns of one lexicon group name one theme ("the acquisition to close", "wrap
    up the purchase"); a review to complete is another thing."""
    rows = [
        row(1, date(2022, 1, 20), "close", "acquisition", [("participant", "Globex"),
                                                           ("participant", "Initech")]),
        row(2, date(2022, 9, 1), "wrap up", "purchase", [("context", "Initech"),
                                                         ("context", "Britain")]),
        row(3, date(2022, 10, 1), "complete", "review", [("context", "Initech"),
                                                         ("context", "Britain")]),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2, 3}, load_lexicon())
    assert placed[1] == placed[2]
    assert placed[3] != placed[1]
