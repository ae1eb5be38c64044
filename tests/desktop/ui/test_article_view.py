"""Highlights land on the right characters whatever the text holds."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from desktop.ui.article_view import ArticleView
from desktop.ui.offsets import OffsetMap

pytestmark = pytest.mark.gui

TEXT = (
    "A\U0001f600 line\r\nCaf\u00e9 e\u0301t\u00e9 \u5317\u4eac talks\r\n"
    "\U0001f1ee\U0001f1f3 India \U0001f600 Russia\r\nend"
)


def spans(*words: str) -> list[SimpleNamespace]:
    out = []
    for word in words:
        start = TEXT.index(word)
        out.append(
            SimpleNamespace(start=start, end=start + len(word), label="GPE", state="suggested")
        )
    return out


def test_offset_map_round_trips_every_code_point_boundary() -> None:
    mapping = OffsetMap(TEXT)
    positions = [mapping.to_qt(i) for i in range(len(TEXT) + 1)]
    assert positions == sorted(positions)
    for i, char in enumerate(TEXT):
        if char == "\n" and TEXT[i - 1] == "\r":
            continue  # the inside of a CRLF pair is not a position in Qt's document
        assert mapping.to_py(mapping.to_qt(i)) == i


def test_highlights_cover_exactly_their_characters_with_emoji_cjk_and_crlf(qtbot: Any) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    marks = spans("India", "Russia", "\u5317\u4eac", "e\u0301t\u00e9", "end")
    view.show_article(TEXT, marks)
    for mark in marks:
        assert view.highlighted_text(mark.start, mark.end) == TEXT[mark.start : mark.end]
        assert view.format_at(mark.start) and view.format_at(mark.end - 1)
        assert view.format_at(mark.end) == [] or TEXT[mark.end] != " "
    india = marks[0]
    assert view.format_at(india.start - 1) == []


def test_a_selection_maps_back_to_stored_offsets(qtbot: Any) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(TEXT, [])
    mapping = OffsetMap(TEXT)
    start = TEXT.index("India")
    end = TEXT.index("Russia") + len("Russia")
    cursor = view.textCursor()
    cursor.setPosition(mapping.to_qt(start))
    cursor.setPosition(mapping.to_qt(end), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selection_offsets() == (start, end)
    assert TEXT[start:end] == "India \U0001f600 Russia"
