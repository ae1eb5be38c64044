"""The review slice's widgets: the article pane in the middle (title, date and source,
the legend of labels, the text with its highlights) and the highlight side panel (the
selected highlight's details and the keys)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.article_view import ArticleView
from desktop.ui.inspector import HighlightInspector
from desktop.ui.legend import Legend

KEY_HELP = (
    "<small>J / K next / previous highlight<br>A accept &nbsp; X reject<br>"
    "F new fact from the highlight or selection<br>Ctrl+L link the selected fact</small>"
)


class ArticlePane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel("")
        self.title_label.setObjectName("article_title")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-size: 15px; font-weight: 600; padding: 4px 2px;")
        self.meta_label = QLabel("")
        self.legend = Legend()
        self.view = ArticleView()
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
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inspector = HighlightInspector()
        keys = QLabel(KEY_HELP)
        keys.setObjectName("key_help")
        layout = QVBoxLayout(self)
        layout.addWidget(self.inspector)
        layout.addWidget(keys)
        layout.addStretch(1)
