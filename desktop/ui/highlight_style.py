"""How a highlight looks: its label's colour behind black text (undecided ones lighter,
with a dotted underline; rejected ones struck out in grey), the current one in bold white
on a darkened shade of its colour, and a search match in orange. Every pair of text and
background passes WCAG AA (``tests/gui/test_contrast.py``)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from db.models import MentionState
from desktop.ui.colors import LabelBook, darkened_for

REJECTED_TEXT = {False: "#5f5f5f", True: "#a8a8a8"}
"""A rejected highlight's struck-out text on a light and on a dark page."""
SEARCH_MARK = "#ffb347"
"""The background of the words a search matched (with black text)."""


def highlight_format(
    label: str, state: str, book: LabelBook | None = None, dark: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    color = (book or LabelBook()).color(label)
    if state == MentionState.REJECTED:
        fmt.setFontStrikeOut(True)
        fmt.setForeground(QColor(REJECTED_TEXT[dark]))
    elif state in (MentionState.ACCEPTED, MentionState.CORRECTED):
        fmt.setBackground(color)
        fmt.setForeground(QColor("#000000"))
    else:
        fmt.setBackground(color.lighter(118))
        fmt.setForeground(QColor("#000000"))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(color.darker(160))
    return fmt


def current_format(label: str, state: str, book: LabelBook, dark: bool) -> QTextCharFormat:
    """The current highlight: bold white text on its label's colour, darkened until the
    text passes WCAG AA."""
    fmt = QTextCharFormat(highlight_format(label, state, book, dark))
    white = QColor("#ffffff")
    fmt.setBackground(darkened_for(book.color(label).darker(125), white))
    fmt.setForeground(white)
    fmt.setFontStrikeOut(state == MentionState.REJECTED)
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def search_mark_format() -> QTextCharFormat:
    mark = QTextCharFormat()
    mark.setBackground(QColor(SEARCH_MARK))
    mark.setForeground(QColor("#000000"))
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    return mark
