"""The article text with its highlights, painted in one batch as extra selections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from desktop.ui.colors import label_color
from desktop.ui.offsets import OffsetMap

SUGGESTED, ACCEPTED, REJECTED, CORRECTED = "suggested", "accepted", "rejected", "corrected"


class ArticleView(QPlainTextEdit):
    """Read-only text; highlights are the article's mentions (objects with ``start``,
    ``end``, ``label``, ``state``). Offsets stay Python code points; mapping to Qt's
    UTF-16 positions happens here and nowhere else."""

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
        self._map = OffsetMap("")
        self._mentions: list[Any] = []
        self._current = -1

    def show_article(self, text: str, mentions: Sequence[Any]) -> None:
        self._map = OffsetMap(text)
        self.setPlainText(text)
        self._mentions = list(mentions)
        self._current = -1
        self._paint()

    def set_mentions(self, mentions: Sequence[Any], current: int = -1) -> None:
        self._mentions = list(mentions)
        self._current = current
        self._paint()

    def set_current(self, index: int) -> None:
        self._current = index
        self._paint()
        if 0 <= index < len(self._mentions):
            cursor = self._cursor_for(self._mentions[index].start, self._mentions[index].start)
            self.setTextCursor(cursor)
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

    def _format(self, mention: Any, current: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        color = label_color(mention.label)
        if mention.state == REJECTED:
            fmt.setFontStrikeOut(True)
            fmt.setForeground(Qt.GlobalColor.gray)
        elif mention.state in (ACCEPTED, CORRECTED):
            fmt.setBackground(color)
            fmt.setForeground(Qt.GlobalColor.black)
        else:
            fmt.setBackground(color.lighter(118))
            fmt.setForeground(Qt.GlobalColor.black)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(color.darker(160))
        if current:
            fmt.setBackground(color.darker(135))
            fmt.setForeground(Qt.GlobalColor.white)
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        return fmt

    def _paint(self) -> None:
        selections = []
        for i, mention in enumerate(self._mentions):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor_for(mention.start, mention.end)  # type: ignore[attr-defined]
            sel.format = self._format(mention, i == self._current)  # type: ignore[attr-defined]
            selections.append(sel)
        # The current highlight is painted last so that it shows above overlapping ones.
        if 0 <= self._current < len(selections):
            selections.append(selections.pop(self._current))
        self.setExtraSelections(selections)

    def format_at(self, offset: int) -> list[QTextCharFormat]:
        """Formats of the highlights covering a stored offset (for tests)."""
        qt = self._map.to_qt(offset)
        found = []
        for sel in self.extraSelections():
            cursor = sel.cursor  # type: ignore[attr-defined]
            if cursor.selectionStart() <= qt < cursor.selectionEnd():
                found.append(QTextCharFormat(sel.format))  # type: ignore[attr-defined]
        return found
