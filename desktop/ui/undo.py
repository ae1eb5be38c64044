"""The window's undo stack (Ctrl+Z, Ctrl+Shift+Z): the open article's history, read back
from the audit log when it opens (so it survives a restart), and every change made in
this window since, whatever its workflow (highlights, facts, links, follow-ups,
entities, bulk actions). Each command is one step of the audit log; undo and redo write
through the store and say in the status bar what they undid or redid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk
    from desktop.tracking.review import OpenedArticle


class StoreCommand(QUndoCommand):
    """One audited step. Pushing it (or replaying an article's history) applies nothing:
    the change is already committed; undo and redo write through the store."""

    def __init__(self, history: UndoHistory, step: int, caption: str) -> None:
        super().__init__(caption)
        self.history = history
        self.step = step
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.history.apply(self, redo=True)

    def undo(self) -> None:
        self.history.apply(self, redo=False)


class UndoHistory(QObject):
    applied = Signal()
    """An undo or redo was written: highlights, facts, follow-ups or entities may have
    changed."""
    said = Signal(str)
    """What an undo or redo did ("Undid: highlight accepted “India”."), or why it could not."""
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.desk: Desk | None = None
        self.article_id: int | None = None
        self.known: set[int] = set()
        """Steps this window made or replayed: the live view need not reload for them."""
        self._newest = 0
        """The newest audit row looked at: the next change is looked for after it."""
        self._replaying = False

    def actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z), named after the change they apply."""
        undo = self.stack.createUndoAction(parent, "Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.stack.createRedoAction(parent, "Redo")
        redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        return undo, redo

    def rebuild(self, opened: OpenedArticle) -> None:
        """The stack of a newly opened article, from its history."""
        self.article_id = opened.page.id
        done, undone = opened.undo
        self._replaying = True
        self.stack.clear()
        for step in [*done, *reversed(undone)]:
            self.stack.push(StoreCommand(self, step, opened.captions.get(step, "change")))
        self.stack.setIndex(len(done))
        self._replaying = False

    def start(self, desk: Desk) -> None:
        """Changes are looked for from the store's newest one on."""
        self.desk = desk
        self._newest = desk.newest_change()

    def push_latest(self) -> None:
        """Put the change just committed in this window on the stack."""
        if self.desk is None:
            return
        latest = self.desk.latest_step(self._newest)
        if latest is not None:
            step, caption, newest = latest
            self.push(step, caption)
            self._newest = newest

    def push(self, step: int, caption: str) -> None:
        """Put a change this window just committed on the stack, its step known already
        (the decision's own audit row): no read of the audit log."""
        self.known.add(step)
        self._newest = max(self._newest, step)
        self._replaying = True
        self.stack.push(StoreCommand(self, step, caption))
        self._replaying = False

    def apply(self, command: StoreCommand, *, redo: bool) -> None:
        if self._replaying or self.desk is None:
            return
        from db.errors import StoreError

        try:
            done = (self.desk.redo if redo else self.desk.undo)(command.step)
        except StoreError as exc:
            # Nothing was written: the command leaves the stack, which stays true.
            command.setObsolete(True)
            self.refused.emit(str(exc))
            return
        self.known.add(done.written)
        self.said.emit(done.sentence())
        self.applied.emit()
