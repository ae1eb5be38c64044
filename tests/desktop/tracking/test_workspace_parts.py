"""Where the workspace puts a tracked event as of a date, and bulk confirm / dismiss with
their undo, on follow-ups made by hand (no model needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from db.errors import StoreError
from db.models import Fact, FollowUp, FollowUpState
from db.store import Store
from desktop.ingest.importer import import_paths
from desktop.tracking.facts import FactDraft, create_fact
from desktop.tracking.followups import SettlingEvidence, create_followup, resolve, snooze
from desktop.tracking.undo import undo_or_redo
from desktop.tracking.workspace import (
    CONFIRM,
    DISMISS,
    BulkStep,
    Part,
    bulk_settle_proposals,
    workspace,
)

pytestmark = pytest.mark.both_backends


@pytest.fixture
def made(store: Store, tmp_path: Path) -> dict[str, int]:
    """Four open follow-ups by hand, each with its window, and the article's id."""
    path = tmp_path / "a.txt"
    path.write_text("date 2018-06-09 Talks\n\nThe contract is expected to be signed in October.\n")
    later = tmp_path / "b.txt"
    later.write_text("date 2018-10-05 Signed\n\nThe contract was signed on Friday.\n")
    [(_, article)] = import_paths(store, [path]).imported
    [(_, signed)] = import_paths(store, [later]).imported
    windows = {
        "late": (date(2018, 9, 1), date(2018, 9, 30)),
        "now": (date(2018, 10, 1), date(2018, 10, 31)),
        "soon": (date(2018, 10, 25), date(2018, 12, 31)),
        "later": (date(2018, 12, 1), date(2018, 12, 31)),
    }
    out = {"signed": signed}
    for name, (start, end) in windows.items():
        fact = create_fact(
            store, draft=FactDraft(article, 0, 5, kind="expectation", predicate=name), who="a"
        )
        assert fact.id is not None
        out[name] = create_followup(
            store, fact_id=fact.id, question=f"{name}?", who="a", due_start=start, due_end=end
        ).id  # type: ignore[assignment]
    return out


def replay_bulk(store: Store, *, step: BulkStep, who: str, redo: bool) -> None:
    """Undo or redo a bulk step as the window's Edit menu does."""
    undo_or_redo(store, step=step.step, who=who, redo=redo)


def parts(store: Store, as_of: date) -> dict[Part, list[tuple[str, int]]]:
    found = workspace(store, as_of)
    return {p: [(i.question, i.days_overdue) for i in items] for p, items in found.parts.items()}


def test_parts_as_of_a_date(store: Store, made: dict[str, int]) -> None:
    seen = parts(store, date(2018, 10, 20))
    assert seen[Part.OVERDUE] == [("late?", 20)]
    # due this week: the window is open, or opens within seven days
    assert seen[Part.DUE] == [("now?", 0), ("soon?", 0)]
    assert seen[Part.UPCOMING] == [("later?", 0)]
    assert workspace(store, date(2018, 10, 20)).first_part() == Part.OVERDUE

    snooze(store, followup_id=made["late"], until=date(2018, 11, 1), who="a")
    assert ("late?", 0) in parts(store, date(2018, 10, 20))[Part.UPCOMING]

    resolve(
        store, followup_id=made["now"], state=FollowUpState.HAPPENED, who="a",
        evidence=SettlingEvidence(article_id=made["signed"]),
    )  # fmt: skip
    # settled by the article of 5 October: recent on 20 October, no longer on 10 November
    assert parts(store, date(2018, 10, 20))[Part.RESOLVED] == [("now?", 0)]
    [settled] = workspace(store, date(2018, 10, 20)).parts[Part.RESOLVED]
    assert (settled.settled, settled.evidence) == (date(2018, 10, 5), "2018-10-05 Signed")
    assert parts(store, date(2018, 11, 10))[Part.RESOLVED] == []


def test_bulk_dismiss_and_confirm_with_their_undo(store: Store, made: dict[str, int]) -> None:
    ids = [made["late"], made["now"], made["soon"]]
    with store.transaction() as session:
        session.execute(update(FollowUp).values(state=FollowUpState.PROPOSED.value))
    assert workspace(store, date(2018, 10, 20)).first_part() == Part.PROPOSED

    step = bulk_settle_proposals(store, followup_ids=ids, action=DISMISS, who="a")
    assert step.caption() == "3 follow-ups dismissed"

    def states() -> list[str]:
        with store.session() as session:
            return [session.get(FollowUp, i).state for i in ids]  # type: ignore[union-attr]

    def statuses() -> list[str]:
        with store.session() as session:
            return [
                session.get(Fact, session.get(FollowUp, i).fact_id).status  # type: ignore[union-attr]
                for i in ids
            ]

    assert states() == ["dismissed"] * 3 and statuses() == ["retracted"] * 3
    assert [i.question for i in workspace(store, date(2018, 10, 20)).items()] == ["later?"]
    replay_bulk(store, step=step, who="a", redo=False)
    assert states() == ["proposed"] * 3 and statuses() == ["draft"] * 3
    replay_bulk(store, step=step, who="a", redo=True)
    assert states() == ["dismissed"] * 3
    replay_bulk(store, step=step, who="a", redo=False)

    confirmed = bulk_settle_proposals(store, followup_ids=ids, action=CONFIRM, who="a")
    assert states() == ["open"] * 3 and statuses() == ["confirmed"] * 3
    # the dismissal cannot be redone over the confirmation: nothing is written
    with pytest.raises(StoreError, match="changed since"):
        replay_bulk(store, step=step, who="a", redo=True)
    assert states() == ["open"] * 3
    with pytest.raises(StoreError, match="still proposed"):
        bulk_settle_proposals(store, followup_ids=ids, action=CONFIRM, who="a")
    replay_bulk(store, step=confirmed, who="a", redo=False)
    assert states() == ["proposed"] * 3
