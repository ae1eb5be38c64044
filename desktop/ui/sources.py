"""The sources slice: the feeds the analyst follows, polled in the background while the
window is open, and the follow-ups that what arrived may settle.

A poll runs on the task runner: the poller fetches the feeds that are due (one host at a
time, conditional GET, back-off), then the intake chain suggests for the new articles and
checks them against the open follow-ups. What it found shows as "2 follow-ups may have
news", which opens the follow-up queue on them. The next poll is timed from the poller's
``next_due``; nothing polls when no feed is followed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.slice import Slice
from desktop.ui.table_models import ID_ROLE
from desktop.ui.tasks import Report, TaskRunner

if TYPE_CHECKING:
    from db.sources import Feed
    from desktop.tracking.desk import Desk
    from desktop.tracking.intake import IntakeReport
    from desktop.tracking.poll_report import PollReport
    from desktop.tracking.sources import Poller
    from desktop.ui.intake import IntakeSlice

AnyIndex = QModelIndex | QPersistentModelIndex
POLL_EVERY = timedelta(minutes=10)
"""The shortest time between two polls of one host (the poller's minimum interval)."""
LONGEST_WAIT = timedelta(hours=1)
"""The timer is re-armed at least this often, so feeds added elsewhere are picked up."""


def _when(value: datetime | None) -> str:
    if value is None:
        return "never"
    return value.replace(tzinfo=value.tzinfo or UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class FeedTableModel(QAbstractTableModel):
    """The followed feeds, one row each. Roles: ``DisplayRole`` (text), ``ToolTipRole``
    (the whole error or address), ``ID_ROLE`` (the feed's id)."""

    NAME, ADDRESS, LAST_POLL, NEW, ERROR = range(5)
    HEADERS = ("Feed", "Address", "Last poll", "New (last / all)", "Problem")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Feed] = []

    def set_rows(self, rows: list[Feed]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def _text(self, feed: Feed, column: int) -> str:
        if column == self.NAME:
            return feed.label
        if column == self.ADDRESS:
            return feed.url
        if column == self.LAST_POLL:
            return _when(feed.last_polled_at)
        if column == self.NEW:
            return f"{feed.last_new} / {feed.total_new}"
        return feed.last_error or ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        feed = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(feed, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(feed, index.column())
            return text or None
        if role == ID_ROLE:
            return feed.id
        return None


class SourcesPanel(QWidget):
    """The Sources dock: the feeds, buttons to add, remove and poll, and the news."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FeedTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton("Add feed…")
        self.remove_button = QPushButton("Remove")
        self.poll_button = QPushButton("Poll now")
        self.add_button.setToolTip("Follow an RSS or Atom feed by its address")
        self.remove_button.setToolTip("Stop following the selected feed (its articles stay)")
        self.poll_button.setToolTip("Fetch new articles from every feed that is due")
        self.news_button = QPushButton("")
        self.news_button.setToolTip("Open the follow-up queue on them")
        self.news_button.hide()
        self.status = QLabel("You follow no feeds yet.")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.poll_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.news_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None


@dataclass(frozen=True)
class PollOutcome:
    polled: PollReport
    worked: IntakeReport | None
    """Suggestions and the update check on what arrived (None: no model yet, or nothing new)."""


class SourcesSlice(Slice):
    stored = Signal()
    """New articles are in the store."""
    suggested = Signal(object)
    """The ``IntakeReport`` of the suggestions and update check on what arrived."""
    news_opened = Signal(object)
    """The follow-up ids the analyst asked to see (a list of ints)."""

    def __init__(self, window: QMainWindow, runner: TaskRunner, intake: IntakeSlice) -> None:
        super().__init__(window)
        self.runner = runner
        self.intake = intake
        self.panel = SourcesPanel()
        self.poller: Poller | None = None
        self.polling = False
        self.news: list[int] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.poll)
        self.panel.add_button.clicked.connect(self.add_dialog)
        self.panel.remove_button.clicked.connect(self.remove_selected)
        self.panel.poll_button.clicked.connect(lambda: self.poll())
        self.panel.news_button.clicked.connect(lambda: self.news_opened.emit(list(self.news)))

    def bind(self, desk: Desk) -> None:
        from desktop.tracking.sources import PollSettings

        self.desk = desk
        self.poller = desk.poller(PollSettings(min_interval=POLL_EVERY))
        self.reload()
        self.schedule()

    def reload(self) -> None:
        if self.desk is None:
            return
        feeds = self.desk.feeds()
        self.panel.model.set_rows(feeds)
        if not feeds:
            self.panel.status.setText("You follow no feeds yet: Add feed… (or File → Add feed…).")

    def schedule(self) -> None:
        """Arm the timer for the next feed that falls due (none: the timer stays off)."""
        if self.poller is None or self.polling:
            return
        due = self.poller.next_due()
        if due is None:
            self.timer.stop()
            return
        wait = min(max(due - datetime.now(UTC), timedelta(seconds=1)), LONGEST_WAIT)
        self.timer.start(int(wait.total_seconds() * 1000))
        self.panel.status.setText(f"Next poll at {_when(datetime.now(UTC) + wait)}.")

    # ----- feeds ------------------------------------------------------------------------
    def add_dialog(self) -> None:
        url, ok = QInputDialog.getText(
            self.window, "Add feed", "Address of the RSS or Atom feed (https://…):"
        )
        if ok and url.strip():
            self.subscribe(url.strip())

    def subscribe(self, url: str) -> None:
        """Follow a feed and poll it at once."""
        from db.errors import StoreError

        if self.desk is None:
            return
        try:
            feed = self.desk.subscribe(url)
        except (StoreError, ValueError) as exc:
            self.warn(str(exc))
            return
        self.reload()
        self.say(f"Following {feed.label}; polling it now.", 6000)
        self.poll(feed_ids=[feed.id] if feed.id is not None else None)

    def remove_selected(self) -> None:
        from db.errors import StoreError

        feed_id = self.panel.selected_id()
        if self.desk is None or feed_id is None:
            return
        answer = QMessageBox.question(
            self.window, "Remove feed", "Stop following this feed? Its articles stay."
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            feed = self.desk.unsubscribe(str(feed_id))
        except (StoreError, ValueError) as exc:
            self.warn(str(exc))
            return
        self.say(f"No longer following {feed.label}.", 6000)
        self.reload()

    # ----- polling ------------------------------------------------------------------------
    def poll(self, feed_ids: list[int] | None = None) -> None:
        """Poll the feeds that are due (or ``feed_ids``), then work what arrived."""
        if self.desk is None or self.poller is None or self.polling:
            return
        from desktop.tracking.intake import IntakeRequest

        desk, poller, model = self.desk, self.poller, self.intake.model

        def work(report: Report) -> PollOutcome:
            polled = poller.poll(feed_ids=feed_ids, progress=report)
            if not polled.new_ids or model is None or polled.cancelled:
                return PollOutcome(polled, None)
            request = IntakeRequest(model=model, check_ids=polled.new_ids)
            return PollOutcome(polled, desk.intake(request, report))

        def finish() -> None:
            self.polling = False
            self.reload()
            self.schedule()

        live = self.intake.live

        def done(outcome: PollOutcome) -> None:
            finish()
            live.release(outcome.polled.new_ids)
            self._show(outcome)

        def failed(message: str) -> None:
            finish()
            live.release()
            self.panel.status.setText(message)

        live.hold()
        self.polling = True
        self.timer.stop()
        self.panel.status.setText("Polling…")
        self.runner.run("Polling feeds", work, done, failed)

    def _show(self, outcome: PollOutcome) -> None:
        polled, worked = outcome.polled, outcome.worked
        self.panel.status.setText(polled.summary())
        if polled.new_ids:
            self.stored.emit()
            if worked is None:  # the model is not loaded yet: the intake slice will do it
                self.intake.waiting_check += polled.new_ids
                self.intake.suggest()
        if worked is None:
            return
        self.suggested.emit(worked)
        found = [item.followup_id for item in worked.news]
        if found:
            self.news = list(dict.fromkeys([*found, *self.news]))
            self.panel.news_button.setText(worked.news_line().rstrip(":"))
            self.panel.news_button.setToolTip("\n".join(worked.news_lines()))
            self.panel.news_button.show()
            self.say(worked.news_line().rstrip(":") + " (see Sources).", 15000)

    def clear_news(self) -> None:
        self.news = []
        self.panel.news_button.hide()

    def shutdown(self) -> None:
        """Stop the timer and abort a fetch under way (the window is closing)."""
        self.timer.stop()
        if self.poller is not None:
            self.poller.cancel()
