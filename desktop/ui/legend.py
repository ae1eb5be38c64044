"""The legend: one coloured chip per label shown in the article, with its count. Hovering
a chip tells what the label means (spaCy's description, Factdesk's, or the analyst's
own); clicking it goes to the next highlight with that label."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from desktop.ui.colors import LabelBook


class Legend(QLabel):
    label_clicked = Signal(str)

    def __init__(self, book: LabelBook | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book or LabelBook()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.labels: list[str] = []
        self._counts: Counter[str] = Counter()
        self.linkHovered.connect(self._hovered)
        self.linkActivated.connect(lambda link: self.label_clicked.emit(link))

    def show_labels(self, labels: Iterable[str]) -> None:
        self._counts = Counter(labels)
        self.labels = sorted(self._counts)
        self.refresh()

    def refresh(self) -> None:
        """Draw the chips again (after colours or descriptions arrived)."""
        chips = [
            f'<a href="{html.escape(lab)}" style="text-decoration:none; color:#000000">'
            f'<span style="background:{self.book.color(lab).name()}; color:#000000">'
            f"&nbsp;{html.escape(lab)}&nbsp;{self._counts[lab]}&nbsp;</span></a>"
            for lab in self.labels
        ]
        self.setText("&nbsp; ".join(chips) if chips else "No highlights yet.")
        self.setToolTip(
            "\n".join(
                f"{lab}: {self.book.describe(lab) or 'your own label'}" for lab in self.labels
            )
        )

    def description(self, label: str) -> str:
        return self.book.describe(label)

    def _hovered(self, label: str) -> None:
        if label:
            text = self.book.describe(label) or "A label of your own."
            QToolTip.showText(QCursor.pos(), f"{label}: {text}", self)
