"""The facts slice: the open article's facts (filtered as the analyst set the filter row,
kept from article to article) and the selected fact's links, a new fact from the
selection or the highlight (F), editing one (Shift+F), linking two (Ctrl+L), and opening
a fact's article at its evidence (from any list of facts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from db.errors import StoreError
from db.fact_filter import FactFilter
from desktop.ui.fact_filters import FactFilterBar
from desktop.ui.fact_panel import FactPanel
from desktop.ui.fact_table_panel import FactTablePanel
from desktop.ui.slice import Slice
from desktop.ui.table_models import ID_ROLE, FactListModel
from desktop.ui.table_views import compact_rows, row_view

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop.tracking.desk import Desk
    from desktop.tracking.review import OpenedArticle
    from desktop.ui.fact_dialog import FactDialog
    from desktop.ui.fact_edit_dialog import FactEditDialog
    from desktop.ui.fact_panel import LinkDialog
    from desktop.ui.review import ReviewSlice
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.undo import UndoHistory


class FactsSlice(Slice):
    changed = Signal()
    """A fact was created (its roles may have made entities)."""

    def __init__(
        self,
        window: QMainWindow,
        review: ReviewSlice,
        undo: UndoHistory,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(window)
        self.review = review
        self.undo = undo
        self.model = FactListModel(self)
        self.table = row_view(self.model, "fact_table")
        self.table.setWordWrap(False)
        compact_rows(self.table)
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        widths = {FactListModel.ID: "9999", FactListModel.STATUS: "draft, suggested"}
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self.table.clicked.connect(self._on_clicked)
        self.table.doubleClicked.connect(lambda _index: self.edit_fact())
        self.panel = FactPanel()
        self.panel.open_fact.connect(self.open_fact)
        self.filters = FactFilterBar("fact_filters")
        self.filters.changed.connect(lambda: self.refresh(self.selected_fact_id()))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.panel)
        self.box = QWidget()
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        self.filters.add_focus_key(self.box)
        self.all_facts = FactTablePanel(runner)
        self.all_facts.open_fact.connect(self.open_fact)
        self.dialog: FactDialog | None = None
        self.link_dialog: LinkDialog | None = None
        self.edit_dialog: QDialog | None = None
        self.question: QMessageBox | None = None
        review.opened.connect(self._show_article)
        undo.applied.connect(self._after_undo)
        self._add_menu()

    def _add_menu(self) -> None:
        """The Facts list's right-click menu: what its keys do."""
        for text, slot in (
            ("Edit the fact…\tShift+F", self.edit_fact),
            ("Link the fact to another…\tCtrl+L", self.link_fact),
            ("Show its evidence", lambda: self._open_selected()),
        ):
            action = QAction(text, self.table)
            action.triggered.connect(slot)
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _open_selected(self) -> None:
        fact_id = self.selected_fact_id()
        if fact_id is not None:
            self.open_fact(fact_id)

    def _after_undo(self) -> None:
        self.refresh(self.selected_fact_id())
        self.panel.show_fact(self.panel.fact_id) if self.panel.fact_id else None

    def bind(self, desk: Desk) -> None:
        self.desk = self.panel.desk = desk
        self.filters.name_source = self.all_facts.filters.name_source = self._entity_names

    def _entity_names(self) -> list[str]:
        """What the entity fields complete (read when one takes the keys): the entities'
        names and the roles' own texts, which the filter matches too (a fresh store's
        model facts name no entity yet)."""
        if self.desk is None:
            return []
        names = {row.name for row in self.desk.entities()} | set(self.desk.role_texts())
        return sorted(names, key=str.casefold)

    def _show_article(self, opened: OpenedArticle) -> None:
        if self.filters.value() == FactFilter() or self.desk is None:
            self.model.set_rows(opened.page.facts)
        else:
            self.model.set_rows(self.desk.facts(opened.page.id, self.filters.value()))

    def refresh(self, keep_id: int | None = None) -> None:
        """The article's facts and the All facts table again (after a change here or
        elsewhere), keeping the selected fact."""
        if self.desk is None or self.review.article_id is None:
            return
        self.model.set_rows(self.desk.facts(self.review.article_id, self.filters.value()))
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

    def _selection(self) -> tuple[int, int, str] | None:
        found = self.review.view.selection_offsets()
        return (found[0], found[1], self.review.text[found[0] : found[1]]) if found else None

    def _agree_on_entities(self, dialog: FactDialog | FactEditDialog) -> bool:
        """Before saving: a typed name already known under another type (India is a GPE,
        the row says ORG) is linked to that entity, or kept as a new one, as the analyst
        says; Cancel keeps the dialog open."""
        desk = self.desk
        assert desk is not None
        for row, name, other in desk.same_name_elsewhere(dialog.role_values()):
            line = dialog.editor.rows[row]
            typed = line.type.currentText()
            box = QMessageBox(QMessageBox.Icon.Question, "Which entity?",
                              f"“{name}” is already an entity of type {other}. Link the "
                              f"{line.role.currentText()} to it, or make a new “{name}” "
                              f"of type {typed}?", parent=dialog)  # fmt: skip
            use = box.addButton(f"Link to {name} ({other})", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(f"New {name} ({typed})", QMessageBox.ButtonRole.ActionRole)
            cancel = box.addButton(QMessageBox.StandardButton.Cancel)
            self.question = box
            box.exec()
            if box.clickedButton() is cancel:
                return False
            if box.clickedButton() is use:
                found = desk.entity_of(line.value.text(), other)
                if found is not None:
                    dialog.editor.choose(line, found, name, other)
        return True

    # ----- new, edit, link, open --------------------------------------------------------
    def new_fact(self) -> None:
        """A fact from the selection (roles and time from its highlights) or from the
        current highlight (its entity as the subject)."""
        review, desk, article_id = self.review, self.desk, self.review.article_id
        if desk is None or article_id is None:
            return
        mention = review.current_mention
        selection = review.view.selection_offsets()
        try:
            draft = desk.draft_for(article_id, mention, selection)
        except StoreError as exc:
            self.say(str(exc), 5000)
            return
        from desktop.tracking.fact_forms import selection_roles
        from desktop.ui.fact_dialog import FactDialog

        start, end = draft.evidence_start, draft.evidence_end
        if selection is None and mention is not None:
            selection = (mention.start, mention.end)
        roles, time = selection_roles(review.mentions, *(selection or (start, end)), review.names)
        roles = [  # a name the knowledge base has under the same type is linked to it
            (r, text, t, e if e is not None else desk.entity_of(text, t)) for r, text, t, e in roles
        ]
        dialog = FactDialog(
            quote=review.text[start:end], roles=roles, time=time, entities=desk.entities(),
            selection=self._selection, parent=self.window,
        )  # fmt: skip
        suggested = desk.suggested_fact_at(article_id, start, end)
        if suggested is not None and mention is None:
            dialog.prefill(
                kind=suggested.kind, predicate=suggested.predicate, roles=suggested.roles,
                time=suggested.time_value, modality=suggested.modality,
                attribution=suggested.attributed_to, known=roles,
            )  # fmt: skip
        dialog.check = lambda: self._agree_on_entities(dialog)
        self.dialog = dialog

        def save() -> None:
            dialog.fill(draft)
            try:
                fact = desk.create_fact_with_roles(draft, dialog.role_values())
            except StoreError as exc:
                self.warn(str(exc))
                return
            self.refresh(fact.id)
            self.undo.push_latest()
            self.changed.emit()
            self.say(f"Fact #{fact.id} saved.", 4000)

        dialog.accepted.connect(save)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def edit_fact(self) -> None:
        """Edit the selected fact (fields, roles, evidence); saved with the version it was
        read at, so a change another analyst saved meanwhile is shown to this one instead
        of overwritten."""
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
        dialog = FactEditDialog(edit, desk.entities(), self._selection, self.window)
        dialog.check = lambda: self._agree_on_entities(dialog)
        self.edit_dialog = dialog

        def save() -> None:
            changes, roles, evidence = (
                dialog.changes(),
                dialog.roles_changed(),
                dialog.evidence_changed(),
            )
            if not changes and roles is None and evidence is None:
                return
            try:
                desk.update_fact(edit, changes, roles, evidence)
            except StoreError as exc:
                self.warn(str(exc))
            else:
                self.say(f"Fact #{fact_id} saved.", 4000)
                self.undo.push_latest()
                self.changed.emit()
            self.refresh(fact_id)

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
            self.undo.push_latest()
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
