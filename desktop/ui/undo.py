"""The window's undo stack (Ctrl+Z, Ctrl+Shift+Z) for the open article: every audited
change of any workflow there (highlights, facts) is one command; undo and redo write
through the store, and the stack is read back from the audit log when the article opens,
so it survives a restart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk
    from desktop.tracking.review import OpenedArticle


def caption(action: str) -> str:
    """An audit action as the Edit menu says it: "mention.accepted" → "highlight accepted"."""
    return action.replace("mention.", "highlight ").replace(".", " ")


class StoreCommand(QUndoCommand):
    """One audited change. Pushing it (or replaying an article's history) applies nothing:
    the change is already committed; undo and redo write through the store."""

    def __init__(self, history: UndoHistory, audit_id: int, action: str) -> None:
        super().__init__(caption(action))
        self.history = history
        self.audit_id = audit_id
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.history.apply(self.audit_id, redo=True)

    def undo(self) -> None:
        self.history.apply(self.audit_id, redo=False)


class UndoHistory(QObject):
    applied = Signal()
    """An undo or redo was written: the article's highlights and facts may have changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.desk: Desk | None = None
        self.article_id: int | None = None
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
        for audit_id in [*done, *reversed(undone)]:
            self.stack.push(StoreCommand(self, audit_id, opened.actions[audit_id]))
        self.stack.setIndex(len(done))
        self._replaying = False

    def push_latest(self) -> None:
        """Put the change just committed in the open article on the stack."""
        if self.desk is None or self.article_id is None:
            return
        latest = self.desk.last_change(self.article_id)
        if latest is not None:
            self._replaying = True
            self.stack.push(StoreCommand(self, *latest))
            self._replaying = False

    def apply(self, audit_id: int, *, redo: bool) -> None:
        if self._replaying or self.desk is None:
            return
        (self.desk.redo if redo else self.desk.undo)(audit_id)
        self.applied.emit()
