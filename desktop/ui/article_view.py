"""The article text with its highlights.

Highlights are format ranges set on a paragraph's text layout just before it is first
painted (so before Qt lays it out), with formats shared per (label, state): opening a long
article costs little more than ``setPlainText``, and a decision re-lays out only the
paragraph it touches. (A QSyntaxHighlighter does the same through a Python
callback per paragraph, twice per paragraph on ``setPlainText``, and a re-layout per
``setFormat`` call: measured 1.67× the bare ``setPlainText``.) The current highlight is
an extra selection, as are the words a search matched. Offsets stay Python code points;
mapping to Qt's UTF-16 positions (emoji, CRLF) happens here and nowhere else.

Lines are kept to a readable width (``MAX_LINE_CHARS``) however wide the window; a click
on a highlight and a right click anywhere are reported as stored offsets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from desktop.ui.colors import LabelBook
from desktop.ui.highlight_style import current_format, highlight_format, search_mark_format
from desktop.ui.offsets import OffsetMap

FORMATTED = 1
"""A paragraph's user state once its highlight formats are set."""
MAX_LINE_CHARS = 90
"""The widest a line of the article grows, in average characters."""

Span = tuple[int, int, str, str]
"""A highlight as painted: (start, end) in Qt positions, label, state."""


class Highlight(Protocol):
    """What the view paints of a highlight (``db.models.Mention`` has it)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...

    @property
    def state(self) -> str: ...


class _Spans:
    """The highlights as sorted (start, end, label, state) in Qt positions, and the format
    ranges that fall in one paragraph."""

    def __init__(self, book: LabelBook) -> None:
        self.book = book
        self.dark = False
        self.spans: list[Span] = []
        self._starts: list[int] = []
        self._formats: dict[tuple[str, str], QTextCharFormat] = {}
        self._current_formats: dict[tuple[str, str], QTextCharFormat] = {}
        self._longest = 0

    def restyle(self, dark: bool) -> None:
        self.dark = dark
        self._formats.clear()
        self._current_formats.clear()

    def set_spans(self, spans: list[Span]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _e, _l, _st in self.spans]
        self._longest = max((e - s for s, e, _l, _st in self.spans), default=0)

    def replace(self, old: Span, new: Span) -> None:
        """One span changed (a decision): moved within the sorted list, not re-sorted."""
        at = bisect_left(self.spans, old)
        if self.spans[at : at + 1] != [old]:
            raise ValueError(f"no such highlight span: {old}")
        del self.spans[at]
        del self._starts[at]
        at = bisect_left(self.spans, new)
        self.spans.insert(at, new)
        self._starts.insert(at, new[0])
        self._longest = max(self._longest, new[1] - new[0])

    def fmt(self, label: str, state: str) -> QTextCharFormat:
        key = (label, state)
        if key not in self._formats:
            self._formats[key] = highlight_format(label, state, self.book, self.dark)
        return self._formats[key]

    def current_fmt(self, label: str, state: str) -> QTextCharFormat:
        """The current highlight's format (made once per label and state: its contrast
        search costs more than the rest of a key press's painting)."""
        key = (label, state)
        if key not in self._current_formats:
            self._current_formats[key] = current_format(label, state, self.book, self.dark)
        return self._current_formats[key]

    def ranges(self, begin: int, end: int) -> list[QTextLayout.FormatRange]:
        """Format ranges, relative to ``begin``, of the spans overlapping [begin, end);
        later (inner or later-starting) ranges paint over earlier ones."""
        found = []
        first = bisect_right(self._starts, begin - self._longest - 1)
        for i in range(first, len(self.spans)):
            start, stop, label, state = self.spans[i]
            if start >= end:
                break
            if stop <= begin:
                continue
            lo = max(start, begin)
            part = QTextLayout.FormatRange()
            part.start = lo - begin
            part.length = min(stop, end) - lo
            part.format = self.fmt(label, state)
            found.append(part)
        return found


class ArticleView(QPlainTextEdit):
    """Read-only text; highlights are the article's mentions (objects with ``start``,
    ``end``, ``label``, ``state``)."""

    clicked = Signal(int)
    """A click (not a drag) at a stored offset."""
    menu_requested = Signal(int, QPoint)
    """A right click at a stored offset, and where (global) to show a menu."""

    def __init__(self, book: LabelBook | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book or LabelBook()
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self._index = _Spans(self.book)
        self._index.restyle(self._is_dark())
        self._style = (self.book.generation, self._index.dark)
        self._map = OffsetMap("")
        self._mentions: list[Highlight] = []
        self._span_list: list[Span] = []
        self._current = -1
        self._marks: list[tuple[int, int]] = []
        self._length = 0

    # ----- style --------------------------------------------------------------------
    def _is_dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def restyle(self) -> None:
        """New label colours or a new palette: every paragraph gets its formats again."""
        self._index.restyle(self._is_dark())
        self._style = (self.book.generation, self._index.dark)
        block = self.document().firstBlock()
        while block.isValid():
            if block.userState() == FORMATTED:
                self._format_block(block)
            block = block.next()
        self._paint_current()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        built = hasattr(self, "_style")  # Qt sends changes while the view is being made
        if built and event.type() == QEvent.Type.PaletteChange:
            self.restyle()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep lines to ``MAX_LINE_CHARS``: the text is a centred column. (The viewport's
        own resizes arrive here too, with its size: the widget's width is what counts.)"""
        widest = self.fontMetrics().averageCharWidth() * MAX_LINE_CHARS + 28
        side = max(0, (self.width() - 2 * self.frameWidth() - widest) // 2)
        if self.viewportMargins().left() != side:  # setting them resizes the viewport
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)

    # ----- mouse --------------------------------------------------------------------
    def _offset_at(self, pos: QPoint) -> int:
        return self._map.to_py(self.cursorForPosition(pos).position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self._offset_at(event.position().toPoint()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu_requested.emit(self._offset_at(event.pos()), event.globalPos())

    def _spans(self) -> list[Span]:
        mentions = self._mentions
        starts = self._map.to_qt_all([m.start for m in mentions])
        ends = self._map.to_qt_all([m.end for m in mentions])
        self._span_list = [
            (s, e, m.label, m.state) for s, e, m in zip(starts, ends, mentions, strict=True)
        ]
        return list(self._span_list)

    def show_article(self, text: str, mentions: Sequence[Highlight]) -> None:
        self._map = OffsetMap(text)
        self._length = len(text)
        self._mentions = list(mentions)
        self._current = -1
        self._marks = []
        self._index.set_spans(self._spans())
        self.setPlainText(text)
        self._paint_current()

    def paintEvent(self, event: QPaintEvent) -> None:
        if (self.book.generation, self._is_dark()) != self._style:
            self.restyle()
        self._format_visible()
        super().paintEvent(event)

    def _format_visible(self) -> None:
        """Give the paragraphs about to be painted their formats: Qt has not laid them out
        yet, so this costs no second layout. At most a screenful of characters (counted
        generously, as if every character were an "i") from the first visible paragraph."""
        metrics = self.fontMetrics()
        lines = self.viewport().height() // max(1, metrics.lineSpacing()) + 2
        budget = lines * (self.viewport().width() // max(1, metrics.horizontalAdvance("i")) + 1)
        block = self.firstVisibleBlock()
        while block.isValid() and budget > 0:
            if block.userState() != FORMATTED:
                self._format_block(block, painting=True)
            budget -= block.length()
            block = block.next()

    def _format_block(self, block: QTextBlock, *, painting: bool = False) -> None:
        """Set a paragraph's formats. One Qt has laid out already (the first, for the
        cursor) is laid out again: while painting, by clearing its lines, which the paint
        about to happen redoes (highlights do not change a line's height); otherwise
        through the document, which also repaints it."""
        begin = block.position()
        layout = block.layout()
        laid_out = layout.lineCount() > 0
        layout.setFormats(self._index.ranges(begin, begin + block.length()))
        block.setUserState(FORMATTED)
        if laid_out and painting:
            layout.clearLayout()
        elif laid_out:
            self.document().markContentsDirty(begin, block.length())

    def set_mentions(self, mentions: Sequence[Highlight], current: int = -1) -> None:
        """New highlight list: repaint only the paragraphs whose highlights changed."""
        old = set(self._index.spans)
        self._mentions = list(mentions)
        self._current = current
        self._index.set_spans(self._spans())
        self._rehighlight(old.symmetric_difference(self._index.spans))
        self._paint_current()

    def update_mention(self, index: int, mention: Highlight) -> None:
        """One highlight changed (accepted, rejected…): repaint its paragraph only. The
        caller then sets the current highlight (``set_current``), which paints its frame."""
        self._mentions[index] = mention
        span = (
            self._map.to_qt(mention.start),
            self._map.to_qt(mention.end),
            mention.label,
            mention.state,
        )
        previous = self._span_list[index]
        self._span_list[index] = span
        self._index.replace(previous, span)
        self._rehighlight([previous, span])

    def _rehighlight(self, changed: Iterable[Span]) -> None:
        blocks: dict[int, QTextBlock] = {}
        document = self.document()
        for start, end, _label, _state in changed:
            block = document.findBlock(start)
            while block.isValid() and block.position() < end:
                blocks[block.blockNumber()] = block
                block = block.next()
        for block in blocks.values():
            if block.userState() == FORMATTED:  # the others get the new spans when shown
                self._format_block(block)

    def set_current(self, index: int) -> None:
        self._current = index
        self._paint_current()
        if 0 <= index < len(self._mentions):
            self.setTextCursor(
                self._cursor_for(self._mentions[index].start, self._mentions[index].start)
            )
            self.ensureCursorVisible()

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select_range(self, start: int, end: int) -> None:
        """Select stored offsets [start, end) and scroll to them."""
        self.setTextCursor(self._cursor_for(start, end))
        self.ensureCursorVisible()

    def highlighted_text(self, start: int, end: int) -> str:
        """The text Qt shows between two stored offsets (for checks and tests)."""
        return self._cursor_for(start, end).selectedText().replace("\u2029", "\n")

    def selection_offsets(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.to_py(cursor.selectionStart()), self._map.to_py(cursor.selectionEnd())

    def mark(self, spans: Sequence[tuple[int, int]]) -> None:
        """Mark the words a search matched ([start, end) stored offsets) and scroll to
        the first; an empty list clears the marks."""
        self._marks = [(s, e) for s, e in spans if 0 <= s < e <= self._length]
        self._paint_current()
        if self._marks:
            start = self._marks[0][0]
            self.setTextCursor(self._cursor_for(start, start))
            self.ensureCursorVisible()

    @property
    def marks(self) -> list[tuple[int, int]]:
        return list(self._marks)

    def _paint_current(self) -> None:
        """The search marks, then the current highlight above any overlapping ones."""
        selections = []
        mark = search_mark_format()
        for start, end in self._marks:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor_for(start, end)
            selection.format = mark
            selections.append(selection)
        if 0 <= self._current < len(self._mentions):
            mention = self._mentions[self._current]
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor_for(mention.start, mention.end)
            selection.format = self._index.current_fmt(mention.label, mention.state)
            selections.append(selection)
        if selections or self.extraSelections():
            self.setExtraSelections(selections)

    def format_at(self, offset: int) -> list[QTextCharFormat]:
        """Formats painted over a stored offset: the highlighter's, then the current one's
        (for tests and accessibility checks)."""
        qt = self._map.to_qt(offset)
        block = self.document().findBlock(qt)
        if block.userState() != FORMATTED:
            self._format_block(block)
        found = [
            QTextCharFormat(r.format)
            for r in block.layout().formats()
            if r.start <= qt - block.position() < r.start + r.length
        ]
        for sel in self.extraSelections():
            cursor = sel.cursor
            if cursor.selectionStart() <= qt < cursor.selectionEnd():
                found.append(QTextCharFormat(sel.format))
        return found
