"""The facts slice: the open article's facts and the selected fact's links, a new fact
from the selection or the highlight (F), editing one (Shift+F), linking two (Ctrl+L),
and opening a fact's article at its evidence (from any list of facts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QSplitter

from db.errors import StoreError
from desktop.ui.fact_panel import FactPanel
from desktop.ui.fact_table_panel import FactTablePanel
from desktop.ui.slice import Slice
from desktop.ui.table_models import ID_ROLE, FactListModel
from desktop.ui.table_views import row_view

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop.tracking.desk import Desk
    from desktop.tracking.review import OpenedArticle
    from desktop.ui.fact_dialog import FactDialog
    from desktop.ui.fact_panel import LinkDialog
    from desktop.ui.review import ReviewSlice
    from desktop.ui.undo import UndoHistory


class FactsSlice(Slice):
    changed = Signal()
    """A fact was created (its roles may have made entities)."""

    def __init__(self, window: QMainWindow, review: ReviewSlice, undo: UndoHistory) -> None:
        super().__init__(window)
        self.review = review
        self.undo = undo
        self.model = FactListModel(self)
        self.table = row_view(self.model, "fact_table")
        self.table.clicked.connect(self._on_clicked)
        self.table.doubleClicked.connect(lambda _index: self.edit_fact())
        self.panel = FactPanel()
        self.panel.open_fact.connect(self.open_fact)
        self.box = QSplitter(Qt.Orientation.Horizontal)
        self.box.addWidget(self.table)
        self.box.addWidget(self.panel)
        self.all_facts = FactTablePanel()
        self.all_facts.open_fact.connect(self.open_fact)
        self.dialog: FactDialog | None = None
        self.link_dialog: LinkDialog | None = None
        self.edit_dialog: QDialog | None = None
        review.opened.connect(self._show_article)
        undo.applied.connect(self._refresh)

    def bind(self, desk: Desk) -> None:
        self.desk = self.panel.desk = desk

    def _show_article(self, opened: OpenedArticle) -> None:
        self.model.set_rows(opened.page.facts)

    def _refresh(self, keep_id: int | None = None) -> None:
        """The article's facts and the All facts table again (after a change)."""
        if self.desk is None or self.review.article_id is None:
            return
        self.model.set_rows(self.desk.facts(self.review.article_id))
        self.all_facts.invalidate()
        row = self.model.row_of_id(keep_id) if keep_id is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _on_clicked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        row = self.model.row_at(index.row())
        self.panel.show_fact(row.id, f"{row.kind}: {row.predicate}")
        if row.evidence_start is not None and row.evidence_end is not None:
            self.review.view.select_range(row.evidence_start, row.evidence_end)

    def selected_fact_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else self.panel.fact_id

    # ----- new, edit, link, open --------------------------------------------------------
    def new_fact(self) -> None:
        review, desk, article_id = self.review, self.desk, self.review.article_id
        if desk is None or article_id is None:
            return
        mention = review.current_mention
        try:
            draft = desk.draft_for(article_id, mention, review.view.selection_offsets())
        except StoreError as exc:
            self.say(str(exc), 5000)
            return
        text = review.text
        subject = subject_type = ""
        if mention is not None:
            subject = review.names.get(mention.entity_id, "") if mention.entity_id else ""
            subject, subject_type = subject or mention.text, mention.label

        def current_selection() -> tuple[int, int, str] | None:
            found = review.view.selection_offsets()
            return (found[0], found[1], text[found[0] : found[1]]) if found else None

        from desktop.ui.fact_dialog import FactDialog

        dialog = FactDialog(
            quote=text[draft.evidence_start : draft.evidence_end],
            subject=subject,
            subject_type=subject_type,
            entity_names=[e.name for e in desk.entities()],
            selection=current_selection,
            parent=self.window,
        )
        suggested = desk.suggested_fact_at(article_id, draft.evidence_start, draft.evidence_end)
        if suggested is not None and mention is None:
            dialog.prefill(
                kind=suggested.kind,
                predicate=suggested.predicate,
                roles=suggested.roles,
                time=suggested.time_value,
                modality=suggested.modality,
                attribution=suggested.attributed_to,
            )
        self.dialog = dialog

        def save() -> None:
            dialog.fill(draft)
            try:
                desk.create_fact_with_roles(draft, dialog.role_values())
            except StoreError as exc:
                self.warn(str(exc))
                return
            self._refresh()
            self.undo.push_latest()
            self.changed.emit()
            self.say("Fact saved.", 4000)

        dialog.accepted.connect(save)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def edit_fact(self) -> None:
        """Edit the selected fact; saved with the version it was read at, so a change
        another analyst saved meanwhile is shown to this one instead of overwritten."""
        from desktop.ui.fact_edit_dialog import FactEditDialog

        fact_id, desk = self.selected_fact_id(), self.desk
        if fact_id is None or desk is None:
            self.say("Select a fact in the Facts list first.", 4000)
            return
        try:
            edit = desk.fact_for_edit(fact_id)
        except StoreError as exc:
            self.warn(str(exc))
            return
        dialog = FactEditDialog(fact_id, edit.values, self.window)
        self.edit_dialog = dialog

        def save() -> None:
            changes = dialog.changes()
            if not changes:
                return
            try:
                desk.update_fact(edit, changes)
            except StoreError as exc:
                self.warn(str(exc))
            else:
                self.say(f"Fact #{fact_id} saved.", 4000)
                self.undo.push_latest()
            self._refresh(fact_id)

        dialog.accepted.connect(save)
        dialog.show()

    def link_fact(self) -> None:
        source, desk = self.selected_fact_id(), self.desk
        if source is None or desk is None:
            self.say("Select a fact first (in the Facts list), then Ctrl+L.", 5000)
            return
        from desktop.ui.fact_panel import LinkDialog

        dialog = LinkDialog(desk, source, self.window)
        self.link_dialog = dialog

        def save() -> None:
            target = dialog.target()
            if target is None:
                return
            try:
                desk.link(source, target, dialog.type.currentText(), dialog.note.text())
            except StoreError as exc:
                self.warn(str(exc))
                return
            self.panel.show_fact(source)
            self.say(f"Linked fact #{source} to #{target}.", 5000)

        dialog.accepted.connect(save)
        dialog.open()

    def open_fact(self, fact_id: int) -> None:
        """Open the article a fact comes from, with its evidence selected."""
        if self.desk is None:
            return
        found = self.desk.evidence_of(fact_id)
        if found is None:
            return
        article_id, start, end = found
        if article_id != self.review.article_id:
            self.review.open_article(article_id)
        self.review.view.select_range(start, end)
        row = self.model.row_of_id(fact_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.panel.show_fact(fact_id)
