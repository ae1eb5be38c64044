"""Two windows (or a window and the command line) on one database (issue 15, item 3):
a decision on a highlight the other window changed meanwhile is refused, with the other
change shown, instead of overwriting it; the window learns by itself of the other's
changes and of articles the CLI imports, and suggests for the new articles. How fast
(two seconds at most) is measured by ``make bench`` (``external_change_s``), not here:
the waits below are deadlines for a slow machine, not a speed target."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.errors import StoreError
from db.models import Mention, MentionState
from db.store import open_store
from desktop.cli import run
from desktop.tracking.desk import Desk
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]

NOTICE_MS = 30_000
"""Longest wait for the window to notice by itself (its timer looks every 0.4 s)."""


def test_two_desks_the_second_decision_is_refused_with_the_other_shown(
    seeded: Any, db_path: Path
) -> None:
    ana, bo = Desk(seeded, "ana"), Desk(open_store(db_path), "bo")
    try:
        [article] = {m.article_id for m in stored(db_path, Mention)}
        seen = ana.highlights(article).mentions[0]  # both windows show it, version 1
        assert seen.id is not None
        bo.decide(seen.id, MentionState.ACCEPTED, seen.version)
        with pytest.raises(StoreError) as refused:
            ana.decide(seen.id, MentionState.REJECTED, seen.version)
        message = str(refused.value)
        assert message.startswith(f"“{seen.text}” was changed in another window meanwhile: bo ")
        assert "state: suggested → accepted" in message
        assert message.endswith("your change was not saved.")
        assert stored(db_path, Mention, id=seen.id)[0].state == "accepted"
    finally:
        bo.close()


def test_two_windows_and_the_cli(
    make_window: Any, qtbot: Any, db_path: Path, tmp_path: Path, dialog_texts: list[str]
) -> None:
    first, second = make_window(db_path), make_window(db_path)
    assert first.review.article_id == second.review.article_id
    first.live.timer.stop()  # what the first window shows is now a little old
    qtbot.waitUntil(lambda: not first.live.looking)  # and no look under way brings it news
    target = next(i for i, m in enumerate(first.review.mentions) if m.state == "suggested")
    mention = first.review.mentions[target]
    second.review.set_current(target)
    activate(qtbot, second)
    qtbot.keyClick(second.review.view, Qt.Key.Key_A)
    assert stored(db_path, Mention, id=mention.id)[0].state == "accepted"

    first.review.set_move_on(False)
    first.review.set_current(target)
    activate(qtbot, first)
    qtbot.keyClick(first.review.view, Qt.Key.Key_X)
    assert len(dialog_texts) == 1 and "was changed in another window meanwhile" in dialog_texts[0]
    assert "tester accepted it at" in dialog_texts[0]
    assert stored(db_path, Mention, id=mention.id)[0].state == "accepted"  # not overwritten
    assert first.review.mentions[target].state == "accepted"  # the other change is shown
    assert first.review.current == target

    # The second window relabels another highlight: the first learns of it by itself.
    first.live.timer.start()
    other = next(i for i, m in enumerate(second.review.mentions) if m.state == "suggested")
    second.review.set_current(other)
    activate(qtbot, second)
    qtbot.keyClick(second.review.view, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: first.review.mentions[other].state == "rejected", timeout=NOTICE_MS)
    assert first.review.current == target  # the analyst's place is kept

    # An article imported by the command line shows in the list without a restart,
    # and gets its highlights: the window suggests for it.
    new = tmp_path / "news" / "ankara.txt"
    new.parent.mkdir()
    new.write_text(
        "date 2019-07-12 Turkey receives S-400\n\nTurkey received the S-400 in Ankara.\n"
    )
    assert run(["--db", str(db_path), "import", str(new)], io.StringIO(), io.StringIO()) == 0
    [article] = [a for a in stored_articles(db_path) if a.title == "Turkey receives S-400"]
    qtbot.waitUntil(lambda: first.articles.model.row_of_id(article.id) >= 0, timeout=NOTICE_MS)
    qtbot.waitUntil(lambda: second.articles.model.row_of_id(article.id) >= 0, timeout=NOTICE_MS)
    qtbot.waitUntil(lambda: stored(db_path, Mention, article_id=article.id) != [], timeout=60_000)
    texts = {m.text for m in stored(db_path, Mention, article_id=article.id)}
    assert {"Turkey", "Ankara"} <= texts


def test_own_imports_are_not_announced_as_arrivals(
    make_window: Any, qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    """What the window stores itself is not "from elsewhere"; an article the command line
    imports meanwhile is, once the window's own import is done, and gets suggestions."""
    window = make_window(db_path)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    looked: list[set[int]] = []  # the articles each look the window showed found changed
    window.store_changed.connect(lambda changes: looked.append(changes.articles))
    own = tmp_path / "own" / "delhi.txt"
    own.parent.mkdir()
    own.write_text("date 2018-10-06 Delhi summit\n\nModi met Putin in New Delhi.\n")
    window.intake.import_files([own])
    qtbot.waitUntil(lambda: not window.intake.importing, timeout=60_000)
    [mine] = [a for a in stored_articles(db_path) if a.title == "Delhi summit"]
    qtbot.waitUntil(lambda: any(mine.id in seen for seen in looked), timeout=NOTICE_MS)
    assert window.articles.model.row_of_id(mine.id) >= 0

    window.live.hold()  # as while the window stores articles of its own
    new = tmp_path / "news" / "ankara.txt"
    new.parent.mkdir()
    new.write_text("date 2019-07-12 Turkey receives S-400\n\nTurkey received it in Ankara.\n")
    assert run(["--db", str(db_path), "import", str(new)], io.StringIO(), io.StringIO()) == 0
    [theirs] = [a for a in stored_articles(db_path) if a.title == "Turkey receives S-400"]
    qtbot.waitUntil(lambda: any(theirs.id in seen for seen in looked), timeout=NOTICE_MS)
    qtbot.waitUntil(lambda: window.articles.model.row_of_id(theirs.id) >= 0)  # listed…
    assert not [text for text in said if "elsewhere" in text]  # …but not yet announced
    window.live.release()
    assert [text for text in said if "elsewhere" in text] == [
        "1 new article(s) arrived from elsewhere."
    ]
    qtbot.waitUntil(lambda: stored(db_path, Mention, article_id=theirs.id) != [], timeout=60_000)


def activate(qtbot: Any, window: Any) -> None:
    """Make ``window`` the one the keys go to (two windows are open)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def stored_articles(db: Path) -> list[Any]:
    from db.models import Article

    return stored(db, Article)
