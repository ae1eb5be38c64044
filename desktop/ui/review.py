"""The review slice: the open article and its highlights, walked and decided from the
keyboard (J/K, A/X, L relabel, E link to an entity, [ ] { } move an edge, N highlight the
selection). Every decision is committed at once and goes on the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QMainWindow

from db.errors import StoreError
from db.models import Mention, MentionState
from desktop.ui.review_pane import ArticlePane, HighlightSide
from desktop.ui.slice import Slice

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from db.review import Highlights
    from desktop.tracking.desk import Desk
    from desktop.ui.articles_panel import ArticlesPanel
    from desktop.ui.undo import UndoHistory

Change = Callable[["Desk", Mention], Mention]
"""One committed change of the current highlight, returning it as stored."""


class ReviewSlice(Slice):
    opened = Signal(object)
    """The ``desktop.tracking.review.OpenedArticle`` just shown."""
    changed = Signal()
    """A highlight was decided or edited (an entity may have been made or linked)."""

    def __init__(
        self,
        window: QMainWindow,
        articles: ArticlesPanel,
        undo: UndoHistory,
        qsettings: QSettings,
    ) -> None:
        super().__init__(window)
        self.articles = articles
        self.undo = undo
        self.qsettings = qsettings
        self.pane = ArticlePane()
        self.side = HighlightSide()
        self.view = self.pane.view
        self.inspector = self.side.inspector
        self.article_id: int | None = None
        self.text = ""
        self.mentions: list[Mention] = []
        self.names: dict[int, str] = {}
        self.current = -1
        self.picker: QDialog | None = None
        undo.applied.connect(self._after_undo)

    # ----- opening -------------------------------------------------------------------
    def open_article(self, article_id: int | None, *, keep_current: bool = False) -> None:
        """Show an article (everything it shows is read in one session); the first in the
        list when it is gone or none is given."""
        if self.desk is None:
            return
        opened = self.desk.open_article(article_id) if article_id is not None else None
        if opened is None:
            article_id = self.articles.first_id()
            opened = self.desk.open_article(article_id) if article_id is not None else None
            if opened is None:
                return
        page = opened.page
        previous = self.current if keep_current and page.id == self.article_id else -1
        self.article_id, self.text = page.id, page.text
        self.mentions = page.highlights.mentions
        self.names = dict(page.highlights.entity_names)
        self.pane.show_header(page.title, page.published, page.source)
        self.view.show_article(page.text, self.mentions)
        self.pane.legend.show_labels(m.label for m in self.mentions)
        self.articles.select(page.id)
        self.qsettings.setValue("last_article", page.id)
        self.set_current(previous if previous < len(self.mentions) else -1)
        self.opened.emit(opened)

    def _show_highlights(self, found: Highlights, keep_id: int | None) -> None:
        self.mentions = found.mentions
        self.names.update(found.entity_names)
        index = next((i for i, m in enumerate(self.mentions) if m.id == keep_id), -1)
        self.view.set_mentions(self.mentions, index)
        self.pane.legend.show_labels(m.label for m in self.mentions)
        self.set_current(index)
        self._refresh_progress()

    # ----- moving --------------------------------------------------------------------
    @property
    def current_mention(self) -> Mention | None:
        return self.mentions[self.current] if 0 <= self.current < len(self.mentions) else None

    def set_current(self, index: int) -> None:
        self.current = index
        self.view.set_current(index)
        mention = self.current_mention
        entity = ""
        if mention is not None and mention.entity_id is not None and self.desk is not None:
            if mention.entity_id not in self.names:
                self.names[mention.entity_id] = self.desk.entity_name(mention.entity_id)
            entity = self.names[mention.entity_id]
        self.inspector.show_mention(mention, entity)

    def move(self, step: int, undecided_only: bool = False) -> None:
        if not self.mentions:
            return
        index = self.current
        while True:
            if index < 0:
                index = 0 if step > 0 else len(self.mentions) - 1
            else:
                index += step
            if not 0 <= index < len(self.mentions):
                if undecided_only:
                    self.say("No more undecided highlights this way.", 3000)
                return
            if not undecided_only or self.mentions[index].state == MentionState.SUGGESTED:
                break
        self.set_current(index)

    # ----- edits through the store, each one undoable ----------------------------------
    def _edit(self, change: Change, then: Callable[[Mention], None] | None = None) -> None:
        """Run one committed change on the current highlight, then ``then(updated)``
        (by default: reload the article's highlights and keep the updated one current)."""
        mention = self.current_mention
        if mention is None or self.desk is None:
            self.say("No highlight selected: press J to go to the first one.", 4000)
            return
        try:
            updated = change(self.desk, mention)
        except StoreError as exc:
            self.warn(str(exc))
            return
        if then is not None:
            then(updated)
        else:
            self._after_change(updated.id)

    def _after_change(self, keep_id: int | None) -> None:
        assert self.desk is not None and self.article_id is not None
        self._show_highlights(self.desk.highlights(self.article_id), keep_id)
        self.undo.push_latest()
        self.changed.emit()

    def decide(self, state: MentionState) -> None:
        self._edit(lambda desk, m: desk.decide(_id(m), state), self._show_decision)

    def _show_decision(self, updated: Mention) -> None:
        """Only the decided highlight changed: repaint its paragraph and its list row."""
        self.mentions[self.current] = updated
        self.view.update_mention(self.current, updated)
        self.set_current(self.current)
        self._refresh_progress()
        self.undo.push_latest()
        self.changed.emit()

    def relabel(self) -> None:
        mention = self.current_mention
        if mention is None or self.desk is None:
            return
        from desktop.ui.pickers import LabelPicker

        dialog = LabelPicker(self.desk.labels(), mention.label, self.window)
        self.picker = dialog
        dialog.accepted.connect(
            lambda: self._edit(lambda desk, m: desk.relabel(_id(m), dialog.label()))
        )
        dialog.open()

    def link_entity(self) -> None:
        mention = self.current_mention
        if mention is None or self.desk is None:
            return
        from desktop.ui.pickers import EntityPicker

        dialog = EntityPicker(self.desk, mention.text, self.window)
        self.picker = dialog

        def save() -> None:
            entity_id, name = dialog.choice()
            self._edit(lambda desk, m: desk.link_mention(_id(m), entity_id, name or m.text))

        dialog.accepted.connect(save)
        dialog.open()

    def move_edge(self, edge: str, step: int) -> None:
        self._edit(lambda desk, m: desk.move_edge(_id(m), edge, step))

    def add_highlight(self) -> None:
        selection = self.view.selection_offsets()
        desk, article_id = self.desk, self.article_id
        if selection is None or desk is None or article_id is None:
            self.say("Select text first, then press N to highlight it.", 4000)
            return
        from desktop.ui.pickers import LabelPicker

        dialog = LabelPicker(desk.labels(), "PERSON", self.window)
        self.picker = dialog

        def save() -> None:
            try:
                added = desk.add_mention(article_id, selection[0], selection[1], dialog.label())
            except StoreError as exc:
                self.warn(str(exc))
                return
            self._after_change(added.id)

        dialog.accepted.connect(save)
        dialog.open()

    def _after_undo(self) -> None:
        if self.desk is None or self.article_id is None:
            return
        keep = self.current_mention.id if self.current_mention is not None else None
        self._show_highlights(self.desk.highlights(self.article_id), keep)

    def _refresh_progress(self) -> None:
        """The open article's "decided/total" in the list, from the highlights in hand."""
        if self.article_id is None:
            return
        decided = sum(1 for m in self.mentions if m.state != MentionState.SUGGESTED)
        self.articles.model.update_progress(self.article_id, len(self.mentions), decided)


def _id(mention: Mention) -> int:
    assert mention.id is not None
    return mention.id
