"""The legend: one coloured chip per label shown in the article, with its count."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.colors import label_color


class Legend(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.labels: list[str] = []

    def show_labels(self, labels: Iterable[str]) -> None:
        counts = Counter(labels)
        self.labels = sorted(counts)
        chips = [
            f'<span style="background:{label_color(lab).name()}; color:black">'
            f"&nbsp;{html.escape(lab)}&nbsp;{counts[lab]}&nbsp;</span>"
            for lab in self.labels
        ]
        self.setText("&nbsp; ".join(chips) if chips else "No highlights yet.")
