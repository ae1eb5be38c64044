"""The live store: every window learns of changes other windows and the ``factdesk``
command commit, within a second or so, and refreshes what they touched without losing
the analyst's place.

A timer asks the store's watch (``desktop.tracking.watch``) every ``INTERVAL_MS``, on a
worker thread through the ``TaskRunner`` (quietly: the task bar does not show it), one
look at a time; what changed comes back to the GUI thread as ``changed``. Changes this
window made itself through its undo history (the steps it knows) are left out; what its
own suggestion runs stored is reported too, and costs a refresh that keeps the analyst's
place. Articles the window stores itself (imports, pasted text, feed polls) are not
announced as arrivals from elsewhere: while such a task runs, the new articles the looks
find are *held* (the list is refreshed at once), and ``release`` with the ids the task
stored announces the others. A look that saw the window's own articles is delivered
either while the task is held or after its ids are known, so none slips through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from db.changes import Changes
from db.store import says_connection_lost
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk
    from desktop.tracking.watch import StoreWatch
    from desktop.ui.main_window import MainWindow

INTERVAL_MS = 400


class LiveStore(QObject):
    changed = Signal(object)
    """The ``db.changes.Changes`` made elsewhere since the last look."""
    said = Signal(str)
    """One sentence for the status bar: the store cannot be reached, or is back."""
    back = Signal()
    """The store can be reached again after a lost connection: what changed meanwhile
    may not all have been shown."""

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.watch: StoreWatch | None = None
        self.own: set[int] = set()
        """Steps this window made: not reported."""
        self._looking = False
        self._lost = False
        self._holding = 0
        self._held: list[int] = []
        """New articles found while the window stored its own: announced on release."""
        self._held_unsuggested = 0
        self._own_articles: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.look)

    def start(self, desk: Desk) -> None:
        """Watch from now on (what is in the store now is what the window shows)."""
        self.watch = desk.watch()
        self.watch.start()
        self.timer.start()

    @property
    def looking(self) -> bool:
        """A look is under way on a worker thread; its result is still to come."""
        return self._looking

    @property
    def connection_lost(self) -> bool:
        """The store could not be reached at the last try; no look has reached it since."""
        return self._lost

    def look(self) -> None:
        watch = self.watch
        if watch is None or self._looking:
            return
        self._looking = True
        lost_before = self._lost
        self.runner.run(
            "Watching the store", lambda _report: watch.poll(),
            lambda changes: self._seen(changes, lost_before), self._failed, quiet=True,
        )  # fmt: skip

    def catch_up(self) -> None:
        """Look now, on the GUI thread, when no look is under way: what was committed
        before the call is shown when it returns (a test's window starts from there)."""
        if self.watch is not None and not self._looking:
            self._seen(self.watch.poll())

    def _seen(self, changes: Changes | None, lost_before: bool = False) -> None:
        """A look's result. Only a look that began after the connection was found lost
        tells that it is back: one begun earlier may have ended before the loss."""
        self._looking = False
        if self._lost and lost_before:
            self._lost = False
            self.said.emit("The connection to the store is back.")
            self.back.emit()
        if changes is None:
            return
        foreign = changes.steps - self.own
        if not (changes.new_articles or changes.labels or foreign or not changes.steps):
            return
        if self._holding and changes.new_articles:
            self._held.extend(changes.new_articles)
            self._held_unsuggested = changes.unsuggested
            changes = replace(changes, new_articles=[], unsuggested=0)
        else:
            changes = self._without_own(changes)
        if changes:
            self.changed.emit(changes)

    def hold(self) -> None:
        """The window begins storing articles of its own (an import, a feed poll): the
        new articles the looks find meanwhile are not announced until ``release``."""
        self._holding += 1

    def release(self, article_ids: Iterable[int] = ()) -> None:
        """The window stored ``article_ids`` (none when its task failed): they are its
        own, not arrivals; the other new articles held meanwhile are announced."""
        self._own_articles.update(article_ids)
        self._holding = max(0, self._holding - 1)
        if self._holding or not self._held:
            return
        held = Changes(new_articles=self._held, unsuggested=self._held_unsuggested)
        self._held, self._held_unsuggested = [], 0
        if arrived := self._without_own(held):
            self.changed.emit(arrived)

    def _without_own(self, changes: Changes) -> Changes:
        """``changes`` without the articles the window stored itself as arrivals."""
        own = [a for a in changes.new_articles if a in self._own_articles]
        if not own:
            return changes
        self._own_articles.difference_update(own)
        arrived = [a for a in changes.new_articles if a not in own]
        unsuggested = changes.unsuggested if arrived else 0
        return replace(changes, new_articles=arrived, unsuggested=unsuggested)

    def _failed(self, message: str) -> None:
        """A look that failed (the file busy, the server gone) is retried at the next
        tick; a lost connection is said once, in the status bar."""
        self._looking = False
        if says_connection_lost(message):
            self.lost(message)

    def lost(self, sentence: str) -> None:
        """The connection was lost (a look, or the window's own reads, found it so): the
        sentence goes to the status bar once; the first look begun after it that reaches
        the store says it is back and asks for a whole refresh (``back``)."""
        if not self._lost:
            self._lost = True
            self.said.emit(sentence)

    def stop(self) -> None:
        """Stop looking (after the runner's threads are joined) and let the connection go."""
        self.timer.stop()
        if self.watch is not None:
            self.watch.close()
            self.watch = None


def everything(window: MainWindow) -> Changes:
    """What a window shows again when it may have missed changes (a lost connection)."""
    from db.changes import Changes

    open_article = window.review.article_id
    return Changes(
        articles={open_article} if open_article is not None else set(),
        tables={"article", "mention", "fact", "followup", "entity", "presence"},
        labels=True,
    )


def show_changes(window: MainWindow, changes: Changes) -> None:
    """Show what another window or the command line changed, keeping the analyst's
    place: the article list (its selection and scroll), the open article's highlights
    and facts, the follow-ups, the entities, the labels; suggest for new articles."""
    if changes.new_articles or changes.tables & {"article", "mention", "presence"}:
        window.reload_articles()
    if window.review.article_id in changes.articles:
        window.review.refresh()
        window.facts.refresh(window.facts.selected_fact_id())
    if changes.tables & {"fact", "fact_link"}:
        window.facts.all_facts.invalidate()
    if changes.tables & {"followup", "fact"}:
        window.followups.reload()
    if changes.tables & {"entity", "mention", "fact"}:
        window.entities.invalidate()
    if changes.labels:
        window.review.load_labels(glossary=True)
    if changes.new_articles:
        count = len(changes.new_articles)
        window.statusBar().showMessage(f"{count} new article(s) arrived from elsewhere.", 6000)
    if changes.unsuggested:
        window.intake.suggest_arrivals(changes.new_articles)
