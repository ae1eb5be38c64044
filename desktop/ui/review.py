"""The review slice: the open article and its highlights, walked and decided from the
keyboard (J/K, A/X, L relabel, E link to an entity, [ ] { } move an edge, N highlight the
selection) or with the mouse (a click selects a highlight, a right click offers what can
be done with it). Every decision is committed at once, made on the version of the
highlight the window shows (a decision on a highlight another window changed meanwhile
is refused, and the other change shown), and goes on the undo stack. After a relabel,
link or reject, the same decision is offered for the other highlights of the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from db.errors import ConnectionLost, StoreError
from db.models import Mention, MentionState
from db.review import Reuse
from desktop.ui.colors import LabelBook
from desktop.ui.review_pane import ArticlePane, HighlightSide
from desktop.ui.slice import Slice

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from db.review import Highlights
    from desktop.tracking.desk import Desk
    from desktop.ui.articles_panel import ArticlesPanel
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.undo import UndoHistory

Change = Callable[["Desk", Mention], Mention]
"""One committed change of the current highlight, returning it as stored."""
MOVE_ON = "move_on_after_decision"
"""The setting: A and X go on to the next undecided highlight (the default)."""
VERBS = {Reuse.RELABEL: "relabel", Reuse.LINK: "link", Reuse.REJECT: "reject",
         Reuse.ACCEPT: "accept"}  # fmt: skip


class ReviewSlice(Slice):
    opened = Signal(object)
    """The ``desktop.tracking.review.OpenedArticle`` just shown."""
    changed = Signal()
    """A highlight was decided or edited (an entity may have been made or linked)."""
    new_fact_requested = Signal()

    def __init__(
        self,
        window: QMainWindow,
        articles: ArticlesPanel,
        undo: UndoHistory,
        qsettings: QSettings,
        runner: TaskRunner,
    ) -> None:
        super().__init__(window)
        self.runner = runner
        self.articles = articles
        self.undo = undo
        self.qsettings = qsettings
        self.book = LabelBook()
        self.pane = ArticlePane(self.book)
        self.side = HighlightSide(self.book)
        self.view = self.pane.view
        self.inspector = self.side.inspector
        self.article_id: int | None = None
        self.text = ""
        self.mentions: list[Mention] = []
        self.decided = 0
        """How many of ``mentions`` are decided (what the list shows)."""
        self.names: dict[int, str] = {}
        self.current = -1
        self.picker: QDialog | None = None
        self.menu: QMenu | None = None
        self.reusable: tuple[Reuse, int] | None = None
        """The last decision that can be applied to the same text: (kind, highlight)."""
        undo.applied.connect(self.refresh)
        self.view.clicked.connect(self._clicked)
        self.view.menu_requested.connect(self.context_menu)
        self.pane.legend.label_clicked.connect(self.next_with_label)
        self.side.reuse.apply.connect(self.apply_reuse)

    @property
    def move_on(self) -> bool:
        return bool(self.qsettings.value(MOVE_ON, True, type=bool))

    def set_move_on(self, on: bool) -> None:
        self.qsettings.setValue(MOVE_ON, on)

    def load_labels(self, glossary: bool = False) -> None:
        """The analyst's label colours and descriptions (and spaCy's, once it is loaded)."""
        if self.desk is None:
            return
        colors, descriptions = self.desk.label_definitions()
        self.book.set_own(colors, descriptions)
        if glossary:
            self.book.load_glossary(self.desk.labels())
        self.pane.legend.refresh()
        self.view.restyle()
        self.set_current(self.current)

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
        if page.id != self.article_id:
            self.side.reuse.hide()
            self.reusable = None
        self.article_id, self.text = page.id, page.text
        self.mentions = page.highlights.mentions
        self.decided = sum(map(_decided, self.mentions))
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

    def refresh(self) -> None:
        """Read the open article's highlights again (another window, the command line or
        an undo changed them), keeping the current one and the scroll position."""
        if self.desk is None or self.article_id is None:
            return
        keep = self.current_mention.id if self.current_mention is not None else None
        bar = self.view.verticalScrollBar()
        where = bar.value()
        self._show_highlights(self.desk.highlights(self.article_id), keep)
        bar.setValue(where)

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

    def move(self, step: int, undecided_only: bool = False, *, quiet: bool = False) -> bool:
        if not self.mentions:
            return False
        index = self.current
        while True:
            if index < 0:
                index = 0 if step > 0 else len(self.mentions) - 1
            else:
                index += step
            if not 0 <= index < len(self.mentions):
                if undecided_only and not quiet:
                    self.say("No more undecided highlights this way.", 3000)
                return False
            if not undecided_only or self.mentions[index].state == MentionState.SUGGESTED:
                break
        self.set_current(index)
        return True

    def index_at(self, offset: int) -> int:
        """The highlight under a stored offset (the innermost), or -1."""
        found = [i for i, m in enumerate(self.mentions) if m.start <= offset < m.end]
        return min(found, key=lambda i: self.mentions[i].end - self.mentions[i].start, default=-1)

    def _clicked(self, offset: int) -> None:
        index = self.index_at(offset)
        if index >= 0:
            self.set_current(index)

    def next_with_label(self, label: str) -> None:
        after = [i for i, m in enumerate(self.mentions) if m.label == label and i > self.current]
        first = [i for i, m in enumerate(self.mentions) if m.label == label]
        if after or first:
            self.set_current((after or first)[0])

    # ----- edits through the store, each one undoable ----------------------------------
    def _edit(self, change: Change, then: Callable[[Mention], None] | None = None) -> bool:
        """Run one committed change on the current highlight, then ``then(updated)``
        (by default: reload the article's highlights and keep the updated one current).
        A change refused because the highlight changed elsewhere shows the other change."""
        mention = self.current_mention
        if mention is None or self.desk is None:
            self.say("No highlight selected: press J to go to the first one.", 4000)
            return False
        try:
            updated = change(self.desk, mention)
        except ConnectionLost as exc:
            self.warn(str(exc))  # nothing to read again until the server is back
            return False
        except StoreError as exc:
            self.refresh()
            self.warn(str(exc))
            return False
        if then is not None:
            then(updated)
        else:
            self._after_change(updated.id)
        return True

    def _after_change(self, keep_id: int | None) -> None:
        assert self.desk is not None and self.article_id is not None
        self._show_highlights(self.desk.highlights(self.article_id), keep_id)
        self.undo.push_latest()
        self.changed.emit()

    def decide(self, state: MentionState) -> None:
        def change(desk: Desk, mention: Mention) -> Mention:
            updated, step, caption = desk.decide_step(_id(mention), state, mention.version)
            self.undo.push(step, caption)
            return updated

        self._edit(change, self._show_decision)

    def _show_decision(self, updated: Mention) -> None:
        """Only the decided highlight changed: repaint its paragraph and its list row, then
        go on to the next undecided one (unless the analyst turned that off). A rejection
        is offered for the same text; an acceptance is kept for Alt+A."""
        assert updated.id is not None
        before = self.mentions[self.current]
        self.mentions[self.current] = updated
        self.view.update_mention(self.current, updated)
        if updated.state == MentionState.REJECTED:
            self.offer_reuse(Reuse.REJECT, updated)
        else:  # remembered, not offered: accepting is the common case
            self.reusable = (Reuse.ACCEPT, updated.id)
            self.side.reuse.hide()
        if not (self.move_on and self.move(1, undecided_only=True, quiet=True)):
            self.set_current(self.current)
        self._refresh_progress(_decided(updated) - _decided(before))
        self.changed.emit()

    def relabel(self) -> None:
        mention = self.current_mention
        if mention is None or self.desk is None:
            return
        from desktop.ui.pickers import LabelPicker

        dialog = LabelPicker(self.desk.labels(), mention.label, self.window, self.book)
        self.picker = dialog

        def save() -> None:
            label = dialog.label()
            if self._edit(lambda desk, m: desk.relabel(_id(m), label, m.version)):
                self._offer_current(Reuse.RELABEL)

        dialog.accepted.connect(save)
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
            if self._edit(
                lambda desk, m: desk.link_mention(_id(m), entity_id, name or m.text, m.version)
            ):
                self._offer_current(Reuse.LINK)

        dialog.accepted.connect(save)
        dialog.open()

    def move_edge(self, edge: str, step: int) -> None:
        self._edit(lambda desk, m: desk.move_edge(_id(m), edge, step, m.version))

    def add_highlight(self) -> None:
        selection = self.view.selection_offsets()
        desk, article_id = self.desk, self.article_id
        if selection is None or desk is None or article_id is None:
            self.say("Select text first, then press N to highlight it.", 4000)
            return
        from desktop.ui.pickers import LabelPicker

        dialog = LabelPicker(desk.labels(), "PERSON", self.window, self.book)
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

    # ----- reusing a decision on the same text ---------------------------------------
    def _offer_current(self, kind: Reuse) -> None:
        if self.current_mention is not None:
            self.offer_reuse(kind, self.current_mention)

    def offer_reuse(self, kind: Reuse, mention: Mention) -> None:
        """Offer the decision for the other highlights of the same text, with the counts
        (counted off the GUI thread: the key that decided is done at once)."""
        desk, mention_id = self.desk, mention.id
        if desk is None or mention_id is None:
            return
        self.reusable = (kind, mention_id)
        self.side.reuse.hide()

        def counted(counts: tuple[int, int]) -> None:
            here, everywhere = counts
            if self.reusable == (kind, mention_id) and everywhere:
                self.side.reuse.offer(VERBS[kind], mention.text, here, everywhere)

        def count() -> None:
            self.runner.run(
                "Counting the same text", lambda _r: desk.reuse_counts(mention_id, kind),
                counted, lambda _message: None, quiet=True,
            )  # fmt: skip

        # A moment later: the counting thread then does not compete with the keystroke.
        QTimer.singleShot(120, self, count)

    def apply_reuse(self, everywhere: bool) -> None:
        """Apply the last decision to the same text, in this article or in all: one step
        of the undo history."""
        if self.reusable is None or self.desk is None:
            self.say("Relabel, link or reject a highlight first.", 4000)
            return
        kind, mention_id = self.reusable
        try:
            count = self.desk.apply_reuse(mention_id, kind, everywhere)
        except StoreError as exc:
            self.warn(str(exc))
            return
        self.side.reuse.hide()
        self.reusable = None
        where = "in all articles" if everywhere else "in this article"
        self.say(f"{VERBS[kind].capitalize()}ed {count} more highlight(s) {where}.", 6000)
        self._after_change(mention_id)

    # ----- the highlight's menu --------------------------------------------------------
    def context_menu(self, offset: int, where: QPoint) -> None:
        """What can be done with the highlight under the mouse (or with the selection)."""
        index = self.index_at(offset)
        if index >= 0 and not self.view.textCursor().hasSelection():
            self.set_current(index)
        menu = QMenu(self.view)
        mention = self.current_mention if index >= 0 else None
        entries: list[tuple[str, str, Callable[[], object]]] = []
        if mention is not None:
            entries += [
                ("Accept", "A", lambda: self.decide(MentionState.ACCEPTED)),
                ("Reject", "X", lambda: self.decide(MentionState.REJECTED)),
                ("Relabel…", "L", self.relabel),
                ("Link to entity…", "E", self.link_entity),
            ]
            if self.reusable is not None and self.reusable[1] == mention.id:
                entries += [
                    ("Apply to the same text in this article", "Alt+A",
                     lambda: self.apply_reuse(False)),
                    ("Apply to the same text in all articles", "Alt+Shift+A",
                     lambda: self.apply_reuse(True)),
                ]  # fmt: skip
        if self.view.textCursor().hasSelection():
            entries.append(("Highlight the selection…", "N", self.add_highlight))
        entries.append(("New fact…", "F", self.new_fact_requested.emit))
        for text, key, slot in entries:
            action = QAction(f"{text}\t{key}", menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.menu = menu
        menu.popup(where)

    def _refresh_progress(self, change: int | None = None) -> None:
        """The open article's "decided/total" in the list: counted from the highlights in
        hand, or (one decision) the last count moved by ``change``, which spares the key
        a walk over every highlight."""
        if self.article_id is None:
            return
        if change is None:
            self.decided = sum(map(_decided, self.mentions))
        else:
            self.decided += change
        self.articles.model.update_progress(self.article_id, len(self.mentions), self.decided)


def _decided(mention: Mention) -> int:
    return int(mention.state != MentionState.SUGGESTED)


def _id(mention: Mention) -> int:
    assert mention.id is not None
    return mention.id
