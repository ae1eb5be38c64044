"""The article text with its highlights.

Highlights are painted by a QSyntaxHighlighter, block by block, with formats shared per
(label, state): opening a long article costs little more than ``setPlainText``, and a
decision repaints only the paragraph it touches. The current highlight is the one extra
selection. Offsets stay Python code points; mapping to Qt's UTF-16 positions (emoji, CRLF)
happens here and nowhere else.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from desktop.ui.colors import label_color
from desktop.ui.offsets import OffsetMap

SUGGESTED, ACCEPTED, REJECTED, CORRECTED = "suggested", "accepted", "rejected", "corrected"


def highlight_format(label: str, state: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    color = label_color(label)
    if state == REJECTED:
        fmt.setFontStrikeOut(True)
        fmt.setForeground(Qt.GlobalColor.gray)
    elif state in (ACCEPTED, CORRECTED):
        fmt.setBackground(color)
        fmt.setForeground(Qt.GlobalColor.black)
    else:
        fmt.setBackground(color.lighter(118))
        fmt.setForeground(Qt.GlobalColor.black)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(color.darker(160))
    return fmt


class _Highlighter(QSyntaxHighlighter):
    """Paints each block from the spans (Qt positions) that fall in it."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.spans: list[tuple[int, int, str, str]] = []
        self._starts: list[int] = []
        self._formats: dict[tuple[str, str], QTextCharFormat] = {}
        self._longest = 0

    def set_spans(self, spans: list[tuple[int, int, str, str]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _e, _l, _st in self.spans]
        self._longest = max((e - s for s, e, _l, _st in self.spans), default=0)

    def fmt(self, label: str, state: str) -> QTextCharFormat:
        key = (label, state)
        if key not in self._formats:
            self._formats[key] = highlight_format(label, state)
        return self._formats[key]

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        begin = block.position()
        end = begin + block.length()
        first = bisect_right(self._starts, begin - self._longest - 1)
        for i in range(first, len(self.spans)):
            start, stop, label, state = self.spans[i]
            if start >= end:
                break
            if stop <= begin:
                continue
            lo, hi = max(start, begin) - begin, min(stop, end) - begin
            self.setFormat(lo, hi - lo, self.fmt(label, state))


class ArticleView(QPlainTextEdit):
    """Read-only text; highlights are the article's mentions (objects with ``start``,
    ``end``, ``label``, ``state``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self._highlighter = _Highlighter(self.document())
        self._map = OffsetMap("")
        self._mentions: list[Any] = []
        self._span_list: list[tuple[int, int, str, str]] = []
        self._current = -1

    def _spans(self) -> list[tuple[int, int, str, str]]:
        to_qt = self._map.to_qt
        self._span_list = [(to_qt(m.start), to_qt(m.end), m.label, m.state) for m in self._mentions]
        return list(self._span_list)

    def show_article(self, text: str, mentions: Sequence[Any]) -> None:
        self._map = OffsetMap(text)
        self._mentions = list(mentions)
        self._current = -1
        self._highlighter.set_spans(self._spans())
        self._highlighter.blockSignals(True)
        self.setPlainText(text)  # the highlighter paints as the document is laid out
        self._highlighter.blockSignals(False)
        self._paint_current()

    def set_mentions(self, mentions: Sequence[Any], current: int = -1) -> None:
        """New highlight list: repaint only the paragraphs whose highlights changed."""
        old = set(self._highlighter.spans)
        self._mentions = list(mentions)
        self._current = current
        self._highlighter.set_spans(self._spans())
        self._rehighlight(old.symmetric_difference(self._highlighter.spans))
        self._paint_current()

    def update_mention(self, index: int, mention: Any) -> None:
        """One highlight changed (accepted, rejected…): repaint its paragraph only."""
        old = self._highlighter.spans
        self._mentions[index] = mention
        span = (
            self._map.to_qt(mention.start),
            self._map.to_qt(mention.end),
            mention.label,
            mention.state,
        )
        previous = self._span_list[index]
        self._span_list[index] = span
        spans = list(old)
        spans[spans.index(previous)] = span
        self._highlighter.set_spans(spans)
        self._rehighlight([previous, span])
        self._current = index
        self._paint_current()

    def _rehighlight(self, changed: Any) -> None:
        blocks: dict[int, QTextBlock] = {}
        document = self.document()
        for start, end, _label, _state in changed:
            block = document.findBlock(start)
            while block.isValid() and block.position() < end:
                blocks[block.blockNumber()] = block
                block = block.next()
        for block in blocks.values():
            self._highlighter.rehighlightBlock(block)

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

    def _paint_current(self) -> None:
        """The current highlight: darker, bold, white text, above any overlapping ones."""
        if not 0 <= self._current < len(self._mentions):
            self.setExtraSelections([])
            return
        mention = self._mentions[self._current]
        fmt = QTextCharFormat(highlight_format(mention.label, mention.state))
        fmt.setBackground(label_color(mention.label).darker(135))
        fmt.setForeground(Qt.GlobalColor.white)
        fmt.setFontWeight(QFont.Weight.Bold)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor_for(mention.start, mention.end)  # type: ignore[attr-defined]
        selection.format = fmt  # type: ignore[attr-defined]
        self.setExtraSelections([selection])

    def format_at(self, offset: int) -> list[QTextCharFormat]:
        """Formats painted over a stored offset: the highlighter's, then the current one's
        (for tests and accessibility checks)."""
        qt = self._map.to_qt(offset)
        block = self.document().findBlock(qt)
        found = [
            QTextCharFormat(r.format)
            for r in block.layout().formats()
            if r.start <= qt - block.position() < r.start + r.length
        ]
        for sel in self.extraSelections():
            cursor = sel.cursor  # type: ignore[attr-defined]
            if cursor.selectionStart() <= qt < cursor.selectionEnd():
                found.append(QTextCharFormat(sel.format))  # type: ignore[attr-defined]
        return found
