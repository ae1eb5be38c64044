"""The review slice's widgets: the article pane in the middle (title, date and source,
the legend of labels, the text with its highlights) and the highlight side panel (the
selected highlight's details, the offer to reuse a decision, and the keys). The offer
sits beside the text, not above it, so showing it never moves the text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.article_view import ArticleView
from desktop.ui.colors import LabelBook
from desktop.ui.inspector import HighlightInspector
from desktop.ui.legend import Legend

KEY_HELP = (
    "<small>J / K next / previous highlight<br>A accept &nbsp; X reject (then the next "
    "undecided one)<br>L relabel &nbsp; E link to an entity<br>"
    "F new fact from the highlight or selection<br>Ctrl+L link the selected fact<br>"
    "Ctrl+Z undo &nbsp; Help → Keys for all</small>"
)


class ReuseBar(QFrame):
    """ "Also relabel the 3 other “S-400” in this article / 14 in all articles?": the
    offer made after a relabel, link or reject. It never takes the keyboard: review goes
    on, and Alt+A / Alt+Shift+A (or the buttons) apply it."""

    apply = Signal(bool)
    """True: in every article; False: in this article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reuse_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.here = QPushButton("")
        self.everywhere = QPushButton("")
        dismiss = QPushButton("Dismiss")
        for button in (self.here, self.everywhere, dismiss):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.here.clicked.connect(lambda: self.apply.emit(False))
        self.everywhere.clicked.connect(lambda: self.apply.emit(True))
        dismiss.clicked.connect(self.hide)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 4, 6, 4)
        column.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.here)
        buttons.addWidget(self.everywhere)
        column.addLayout(buttons)
        column.addWidget(dismiss)
        self.hide()

    def offer(self, verb: str, text: str, here: int, everywhere: int) -> None:
        self.text.setText(f"Also {verb} the other “{text}”?")
        self.here.setText(f"In this article ({here})")
        self.here.setVisible(here > 0)
        self.everywhere.setText(f"In all articles ({everywhere})")
        self.show()


class ArticlePane(QWidget):
    def __init__(self, book: LabelBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel("")
        self.title_label.setObjectName("article_title")
        self.title_label.setWordWrap(True)
        # A font, not a style sheet: a style sheet would pin the colour of the light
        # palette, and the dark palette would draw the headline black on grey.
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(font)
        self.title_label.setContentsMargins(2, 4, 2, 2)
        self.meta_label = QLabel("")
        self.legend = Legend(book)
        self.view = ArticleView(book)
        self.view.setObjectName("article_view")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)

    def show_header(self, title: str, published: str, source: str) -> None:
        self.title_label.setText(title or "(untitled)")
        self.meta_label.setText(" · ".join(p for p in (published, source) if p) or "No date")


class HighlightSide(QWidget):
    def __init__(self, book: LabelBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inspector = HighlightInspector(book)
        self.reuse = ReuseBar()
        keys = QLabel(KEY_HELP)
        keys.setObjectName("key_help")
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.inspector)
        layout.addWidget(self.reuse)
        layout.addWidget(keys)
        layout.addStretch(1)
