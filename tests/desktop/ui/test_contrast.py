"""Readable in both palettes (issue 15, item 7): every text and background pair the window
draws passes WCAG AA (4.5:1): the palette's roles, the headline, each label's highlight
in every state, the current highlight, a rejected one, a search match, the legend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from db.builtin_labels import BUILTIN_LABELS
from db.models import MentionState
from desktop.ui.colors import AA, LabelBook, contrast
from desktop.ui.highlight_style import current_format, highlight_format, search_mark_format
from desktop.ui.palette import apply_palette

pytestmark = [pytest.mark.gui]
R = QPalette.ColorRole
PAIRS = [
    (R.WindowText, R.Window), (R.Text, R.Base), (R.Text, R.AlternateBase),
    (R.ButtonText, R.Button), (R.HighlightedText, R.Highlight), (R.ToolTipText, R.ToolTipBase),
    (R.PlaceholderText, R.Base), (R.Link, R.Base),
]  # fmt: skip


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def dark(request: Any, qapp: Any) -> Iterator[bool]:
    apply_palette(request.param)
    yield request.param
    apply_palette(False)


def test_the_palette_roles(dark: bool) -> None:
    palette = QApplication.palette()
    low = {
        (text.name, back.name): round(contrast(palette.color(text), palette.color(back)), 2)
        for text, back in PAIRS
    }
    assert {pair: ratio for pair, ratio in low.items() if ratio < AA} == {}


def test_every_highlight_in_every_state(dark: bool) -> None:
    book = LabelBook()
    base = QApplication.palette().color(R.Base)
    failing = []
    for label in [b.name for b in BUILTIN_LABELS] + ["MY_OWN_LABEL"]:
        for state in MentionState:
            for name, fmt in (
                ("plain", highlight_format(label, state, book, dark)),
                ("current", current_format(label, state, book, dark)),
            ):
                painted = fmt.background().style() != Qt.BrushStyle.NoBrush
                back = fmt.background().color() if painted else base
                ratio = contrast(fmt.foreground().color(), back)
                if ratio < AA:
                    failing.append((label, state.value, name, round(ratio, 2)))
    mark = search_mark_format()
    assert contrast(mark.foreground().color(), mark.background().color()) >= AA
    assert failing == []


def darkest_and_lightest(image: QImage) -> tuple[QColor, QColor]:
    colors = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    return min(colors, key=QColor.lightness), max(colors, key=QColor.lightness)


@pytest.mark.model
def test_the_headline_reads_in_either_palette(make_window: Any, db_path: Path, dark: bool) -> None:
    window = make_window(db_path)
    for label in (window.review.pane.title_label, window.review.pane.meta_label):
        image = label.grab().toImage()
        background = image.pixelColor(0, 0)
        darkest, lightest = darkest_and_lightest(image)
        text = lightest if dark else darkest
        assert contrast(text, background) >= AA, (label.objectName(), text.name())
    legend = window.review.pane.legend
    assert all(
        contrast(QColor("#000000"), legend.book.color(label)) >= AA for label in legend.labels
    )
