"""The list models pass Qt's model tester and show what the rows hold."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.articles import ArticleRow
from db.facts import FactRow
from desktop.ui.table_models import ID_ROLE, ArticleListModel, FactListModel

pytestmark = pytest.mark.gui


def test_article_list_model(qtmodeltester: Any) -> None:
    model = ArticleListModel()
    model.set_rows(
        [
            ArticleRow(7, "Deal signed", date(2018, 10, 5), "seeds", 30, 12),
            ArticleRow(9, "", None, "", 0, 0),
        ]
    )
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(4)] == [
        "Deal signed",
        "2018-10-05",
        "seeds",
        "12/30",
    ]
    assert [model.index(1, c).data() for c in range(4)] == ["(untitled)", "", "", "–"]
    assert model.index(1, 2).data(ID_ROLE) == 9
    assert model.row_of_id(9) == 1 and model.row_of_id(5) == -1


def test_fact_list_model(qtmodeltester: Any) -> None:
    model = FactListModel()
    model.set_rows([FactRow(3, "event", "sign", "India", "draft", 4, 9, "signed")])
    qtmodeltester.check(model)
    assert model.headerData(model.PREDICATE, Qt.Orientation.Horizontal) == "Predicate"
    assert model.index(0, model.QUOTE).data() == "signed"
