"""The list models pass Qt's model tester and show what the rows hold."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.articles import NewArticle
from db.facts import FactRow
from db.followups import FollowUpRow
from db.list_query import Queue
from db.store import Store
from desktop.ingest.importer import store_articles
from desktop.tracking.desk import Desk
from desktop.ui.articles_panel import article_pages
from desktop.ui.followup_models import FollowUpModel, QueueFilter
from desktop.ui.table_models import ID_ROLE, SORT_ROLE, ArticleListModel, FactListModel

pytestmark = pytest.mark.gui


def test_article_list_model_reads_pages_from_the_store(qtmodeltester: Any, store: Store) -> None:
    made = [
        NewArticle(text=f"Text {i}.", title=f"Article {i}", published=date(2018, 1, 1 + i % 28))
        for i in range(2_500)
    ]
    made.append(NewArticle(text="Undated.", title="", published=None, source=""))
    ids = [article_id for article_id, _ in store_articles(store, made)]
    model = ArticleListModel()
    model.reload(article_pages(Desk(store, "tester")))
    qtmodeltester.check(model)
    assert model.rowCount() == 2_501
    newest = max(range(2_500), key=lambda i: (1 + i % 28, i))
    assert [model.index(0, c).data() for c in range(4)] == [
        f"Article {newest}",
        f"2018-01-{1 + newest % 28:02d}",
        "",
        "–",
    ]
    assert [model.index(2_500, c).data() for c in range(4)] == ["(untitled)", "", "", "–"]
    assert model.index(2_500, 2).data(ID_ROLE) == ids[-1]
    assert model.row_of_id(ids[-1]) == 2_500 and model.row_of_id(10**6) == -1
    seen = {model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())}
    assert seen == set(ids)
    assert model.cached_rows() <= model.KEEP * model.PAGE < 2_501

    changed: list[int] = []
    model.dataChanged.connect(lambda first, _last: changed.append(first.row()))
    model.update_progress(ids[-1], 3, 1)
    assert model.index(2_500, model.PROGRESS).data() == "1/3" and changed == [2_500]


def test_fact_list_model(qtmodeltester: Any) -> None:
    model = FactListModel()
    model.set_rows([FactRow(3, "event", "sign", "India", "draft", 4, 9, "signed")])
    qtmodeltester.check(model)
    assert model.headerData(model.PREDICATE, Qt.Orientation.Horizontal) == "Predicate"
    assert model.index(0, model.QUOTE).data() == "signed"


def followup(fid: int, bucket: str, days: int, due_end: date | None) -> FollowUpRow:
    return FollowUpRow(
        id=fid, fact_id=fid, question=f"Question {fid}?", state="open", due_start=None,
        due_end=due_end, review_date=None, snooze_until=None, source_article_id=1,
        source_title="Source", source_published=date(2018, 6, 9), source="seeds",
        predicate="sign", bucket=bucket, days_overdue=days,
    )  # fmt: skip


def test_the_queue_sorts_days_overdue_as_numbers_and_due_windows_as_dates(
    qtmodeltester: Any,
) -> None:
    model = FollowUpModel()
    model.set_rows(
        [
            followup(1, "overdue", 3, date(2020, 12, 1)),
            followup(2, "upcoming", 0, date(2021, 3, 1)),
            followup(3, "overdue", 12, date(2020, 11, 20)),
            followup(4, "due", 0, None),
        ]
    )
    qtmodeltester.check(model)
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.set_part(Queue.ALL)

    def ids_sorted_by(column: int, order: Qt.SortOrder) -> list[int]:
        proxy.sort(column, order)
        return [proxy.index(r, model.ID).data() for r in range(proxy.rowCount())]

    assert ids_sorted_by(model.OVERDUE, Qt.SortOrder.DescendingOrder) == [3, 1, 2, 4]
    assert ids_sorted_by(model.DUE, Qt.SortOrder.AscendingOrder) == [4, 3, 1, 2]
    assert model.index(2, model.OVERDUE).data() == 12
    assert model.index(1, model.OVERDUE).data() == ""
    assert model.index(2, model.OVERDUE).data(SORT_ROLE) == 12
    proxy.set_part(Queue.OPEN)
    assert sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount())) == [1, 2, 3, 4]
    proxy.set_part(Queue.OVERDUE)
    assert sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount())) == [1, 3]
