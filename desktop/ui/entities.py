"""The entities slice: the knowledge base with its counts; rename, aliases, merge (and
undo it), and a page per entity listing its highlights and facts across articles in date
order."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.shown_reload import ReloadsWhenShown
from desktop.ui.table_models import ID_ROLE, EntityModel, PageModel
from desktop.ui.table_views import row_view
from desktop.ui.warning import warn

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk


class EntitiesPanel(ReloadsWhenShown, QWidget):
    open_article = Signal(int)
    changed = Signal()
    """An entity was renamed, given or lost an alias, or merged (one undoable step)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk: Desk | None = None
        self.last_merge: int | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find an entity by name or alias…")
        self.filter.textChanged.connect(lambda _t: self.reload())
        self.model = EntityModel(self)
        self.table = row_view(self.model, "entity_table")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_page())
        self.page = PageModel(self)
        self.page_table = row_view(self.page, "entity_page")
        self.page_table.doubleClicked.connect(
            lambda i: self.open_article.emit(int(i.data(ID_ROLE)))
        )
        self.message = QLabel("")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        asks: tuple[tuple[str, Callable[[], object]], ...] = (
            ("Rename…", lambda: self._ask("Rename entity", "New name:", self.rename)),
            ("Add alias…", lambda: self._ask("Add alias", "Alias:", self.add_alias)),
            (
                "Remove alias…",
                lambda: self._ask("Remove alias", "Alias to remove:", self.remove_alias),
            ),
            ("Merge into…", self._ask_merge),
            ("Undo merge", self.undo_merge),
        )
        for text, slot in asks:
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            action = QAction(text, self.table)
            action.triggered.connect(slot)
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.page_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.reload()

    def reload(self) -> None:
        self.mark_fresh()
        if self.desk is None:
            return
        keep = self.selected_id()
        self.model.set_rows(self.desk.entities(self.filter.text()))
        if keep is not None and (row := self.model.row_of_id(keep)) >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def select(self, entity_id: int) -> None:
        row = self.model.row_of_id(entity_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def show_page(self) -> None:
        entity_id = self.selected_id()
        self.page.set_rows(self.desk.entity_page(entity_id) if self.desk and entity_id else [])

    def _run(self, change: Callable[[], object], done: str) -> bool:
        from db.errors import StoreError

        try:
            change()
        except StoreError as exc:
            warn(self, str(exc))
            return False
        self.reload()
        self.show_page()
        self.message.setText(done)
        self.changed.emit()
        return True

    # The actions, callable with their answers (the buttons ask for them first).
    def rename(self, entity_id: int, name: str) -> bool:
        assert self.desk is not None
        desk = self.desk
        return self._run(lambda: desk.rename_entity(entity_id, name), f"Renamed to “{name}”.")

    def add_alias(self, entity_id: int, alias: str) -> bool:
        assert self.desk is not None
        desk = self.desk
        return self._run(lambda: desk.add_alias(entity_id, alias), f"Added the alias “{alias}”.")

    def remove_alias(self, entity_id: int, alias: str) -> bool:
        assert self.desk is not None
        desk = self.desk
        return self._run(
            lambda: desk.remove_alias(entity_id, alias), f"Removed the alias “{alias}”."
        )

    def merge(self, source_id: int, target_id: int) -> bool:
        assert self.desk is not None
        desk = self.desk

        def change() -> None:
            self.last_merge = desk.merge_entities(source_id, target_id)

        return self._run(change, "Merged. “Undo merge” puts everything back.")

    def undo_merge(self) -> None:
        if self.desk is None or self.last_merge is None:
            self.message.setText("No merge to undo in this session.")
            return
        desk, audit_id = self.desk, self.last_merge
        if self._run(lambda: desk.undo(audit_id), "The merge was undone."):
            self.last_merge = None

    def _ask(self, title: str, label: str, then: Callable[[int, str], bool]) -> None:
        """Ask for one text about the selected entity, then act on it."""
        entity_id = self.selected_id()
        if entity_id is None:
            return
        text, ok = QInputDialog.getText(self, title, label)
        if ok:
            then(entity_id, text)

    def _ask_merge(self) -> None:
        source = self.selected_id()
        if source is None or self.desk is None:
            return
        names = {
            f"{r.name} ({r.type}) #{r.id}": r.id for r in self.desk.entities() if r.id != source
        }
        choice, ok = QInputDialog.getItem(
            self, "Merge into", "Keep this entity:", list(names), 0, True
        )
        if not ok or choice not in names:
            return
        from db.errors import StoreError

        try:
            preview = self.desk.merge_preview(source, names[choice])
        except StoreError as exc:
            warn(self, str(exc))
            return
        answer = QMessageBox.question(self, "Merge entities", preview.sentence() + " Merge?")
        if answer == QMessageBox.StandardButton.Yes:
            self.merge(source, names[choice])
