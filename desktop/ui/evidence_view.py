"""Evidence side by side: the article that stated the expectation (left) next to a
candidate that may settle it (right), each scrolled to its marked passage, and the
reasons in plain words under them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.offsets import OffsetMap

if TYPE_CHECKING:
    from desktop.tracking.evidence import Side, SideBySide

EXPECTATION_MARK = QColor("#ffe08a")
OUTCOME_MARK = QColor("#b8e6b0")


class EvidencePane(QWidget):
    """One article, its passage marked (an extra selection) and scrolled into view."""

    def __init__(self, heading: str, side: Side, color: QColor, parent: QWidget | None = None):
        super().__init__(parent)
        self.side = side
        self.header = QLabel(
            f"<b>{heading}</b> — {side.published or 'undated'} · {side.source or 'no source'}"
            f"<br>{side.title}"
        )
        self.header.setWordWrap(True)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(side.text)
        offsets = OffsetMap(side.text)
        self.start, self.end = offsets.to_qt(side.start), offsets.to_qt(side.end)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.start)
        cursor.setPosition(self.end, QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        mark.format = fmt
        self.text.setExtraSelections([mark] if self.end > self.start else [])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)

    def marked(self) -> str:
        """The text under the mark (what the analyst sees highlighted)."""
        marks = self.text.extraSelections()
        return marks[0].cursor.selectedText().replace("\u2029", "\n") if marks else ""

    def scroll_to_mark(self) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.end)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        cursor.setPosition(self.start)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()


class EvidenceDialog(QDialog):
    def __init__(self, evidence: SideBySide, question: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Evidence — {question}")
        self.evidence = evidence
        self.left = EvidencePane("Expectation", evidence.expectation, EXPECTATION_MARK)
        self.right = EvidencePane(
            f"Candidate: proposes {evidence.proposes or 'no outcome'}",
            evidence.candidate,
            OUTCOME_MARK,
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.left)
        split.addWidget(self.right)
        self.question = QLabel(f"<b>{question}</b>")
        self.question.setWordWrap(True)
        self.reasons = QLabel("Why: " + "; ".join(evidence.reasons) + ".")
        self.reasons.setObjectName("evidence_reasons")
        self.reasons.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(split, 1)
        layout.addWidget(self.reasons)
        self.resize(1200, 700)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.left.scroll_to_mark()
        self.right.scroll_to_mark()
