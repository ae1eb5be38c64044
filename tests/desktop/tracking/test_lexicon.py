"""The analyst extends the event lexicon: stored, audited, used by the next check."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.followups import followup_rows
from db.models import Audit
from db.store import open_store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.nlp.suggest import suggest_articles
from desktop.tracking.followups import confirm
from desktop.tracking.updates import check_updates


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", str(db), *args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_lexicon_add_and_list(db_path: Path) -> None:
    code, out, _ = cli(db_path, "lexicon", "list", "sign")
    assert code == 0 and out.startswith("sign (event): ") and "ink" in out
    assert "countersign" not in out
    assert cli(db_path, "lexicon", "add", "sign", "Countersign")[1] == (
        "'Countersign' added to the event group 'sign'.\n"
    )
    assert "is already in" in cli(db_path, "lexicon", "add", "sign", "countersign")[1]
    assert "countersign" in cli(db_path, "lexicon", "list", "sign")[1]
    assert "cancel (outcome): " in cli(db_path, "lexicon", "list")[1]
    code, _, err = cli(db_path, "lexicon", "add", "sign", "x; drop table")
    assert code == 2 and "not a word for the lexicon" in err
    store = open_store(db_path)
    with store.session() as session:
        [audit] = session.scalars(select(Audit)).all()
    store.close()
    assert (audit.action, audit.who, audit.after) == (
        "lexicon.add",
        "tester",
        {"group": "sign", "word": "countersign"},
    )


@pytest.mark.model
def test_an_added_word_lets_the_check_meet_the_event(
    db_path: Path, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "Countersign" is no event of the lexicon until the analyst adds it to "sign"."""
    (tmp_path / "a.txt").write_text(
        "date 2019-02-01 Treaty talks\n\nNorway and Sweden will countersign the fisheries "
        "accord in May, officials said.\n"
    )
    (tmp_path / "b.txt").write_text(
        "date 2019-05-10 Fisheries accord\n\nNorway and Sweden signed the fisheries accord "
        "in Oslo on Thursday.\n"
    )
    store = open_store(db_path)
    import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"])
    suggest_articles(store, *english)
    with store.session() as session:
        [followup] = followup_rows(session, as_of=date(2019, 5, 12))
    assert followup.lemma == "countersign" and followup.due_end == date(2019, 5, 31)
    confirm(store, followup_id=followup.id, who="ana")
    before = check_updates(store, as_of=date(2019, 5, 12))[0].candidates
    store.close()
    assert [c.proposed_state for c in before] in ([], [None])
    assert cli(db_path, "lexicon", "add", "sign", "countersign")[0] == 0
    store = open_store(db_path)
    after = check_updates(store, as_of=date(2019, 5, 12))[0].candidates
    store.close()
    assert after[0].proposed_state == "happened"
