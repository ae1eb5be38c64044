"""A restatement whose only name is borrowed from its headline ("its commissioning" under
"Minister tours the Talwar") joins the event whose common-noun theme ("the frigate") stands
for that name; a later one naming the ship as its theme then still joins it."""

from __future__ import annotations

from datetime import date

from db.followups import FollowUpRow
from desktop.tracking.events import group_rows
from desktop.vocabulary import load_lexicon


def commission(
    fid: int, day: date, due: date, theme: str, lemma: str, roles: list[tuple[str, str]]
) -> FollowUpRow:
    return FollowUpRow(
        id=fid, fact_id=fid, question="", state="proposed", due_start=None, due_end=due,
        review_date=None, snooze_until=None, source_article_id=fid, source_title="",
        source_published=day, source="", predicate="commission", lemma="commission",
        event_group="start", theme=theme, theme_lemma=lemma, roles=roles,
    )  # fmt: skip


def test_a_headline_name_the_events_common_theme_stands_for_joins_it() -> None:
    rows = [
        commission(1, date(2030, 1, 15), date(2030, 12, 31), "the frigate", "frigate",
                   [("agent", "navy")]),
        commission(2, date(2030, 6, 10), date(2031, 12, 31), "", "",
                   [("context", "the Talwar")]),
        commission(3, date(2031, 3, 1), date(2031, 9, 2), "INS Talwar", "ins talwar",
                   [("agent", "Anil Mehta"), ("theme", "INS Talwar")]),
    ]  # fmt: skip
    mentioned = {1: frozenset({"INS Talwar", "navy"}), 2: frozenset({"the Talwar"}),
                 3: frozenset({"INS Talwar", "Anil Mehta"})}  # fmt: skip
    placed = group_rows(rows, {1, 2, 3}, load_lexicon(), mentioned=mentioned)
    assert placed[2] == placed[1]
    assert placed[3] == placed[1]
