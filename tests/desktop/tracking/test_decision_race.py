"""Two analysts decide the same highlight at the same moment: both read version 1 before
either writes. The second write must be refused with the first one's change named, on both
backends, and the stored highlight must be the first decision with one audit row for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Audit, Mention, MentionState
from db.store import Store, open_store
from db.suggestions import ArticleSuggestions, SpanSuggestion, store_suggestions
from desktop.ingest.importer import import_paths
from desktop.tracking.decisions import changing_mention, decide, decide_recorded
from desktop.tracking.facts import ConflictError
from tests.desktop.tracking.test_tracking import mention

pytestmark = pytest.mark.both_backends

TEXT = "India and Russia signed the S-400 contract in October."


@pytest.fixture
def highlight(store: Store, tmp_path: Path) -> int:
    path = tmp_path / "a.txt"
    path.write_text("date 2018-10-05\n" + TEXT, encoding="utf-8")
    [(_, article_id)] = import_paths(store, [path]).imported
    start = TEXT.index("India")
    with store.engine.begin() as conn:
        store_suggestions(
            conn,
            items=[
                ArticleSuggestions(article_id, [SpanSuggestion(start, start + 5, "India", "GPE")])
            ],
            origin="model:t@1",
        )
    found = mention(store, "India")
    assert found.id is not None and found.version == 1
    return found.id


def test_the_second_of_two_simultaneous_decisions_is_refused_not_lost(
    store: Store, store_url: str, highlight: int
) -> None:
    other = open_store(store_url)  # bo's window: another connection, as another process
    try:
        with (
            pytest.raises(ConflictError) as refused,
            changing_mention(store, highlight, 1) as (session, seen),
        ):
            assert seen.version == 1  # ana has read it; bo decides before ana writes
            decide_recorded(
                other, mention_id=highlight, state=MentionState.REJECTED, who="bo", version=1
            )
            decide(session, seen, MentionState.ACCEPTED, "ana")
    finally:
        other.close()
    assert "bo rejected it" in str(refused.value)
    assert "your change was not saved" in str(refused.value)
    with store.session() as session:
        stored = session.get(Mention, highlight)
        audits = session.scalars(select(Audit.who).where(Audit.target_id == highlight)).all()
    assert stored is not None
    assert (stored.state, stored.version, stored.entity_id) == ("rejected", 2, None)
    assert audits == ["bo"]
