"""The milestone-trend chart of a tracked event, drawn with pyqtgraph: x the day each
statement was published, y the day it expected the event, one point per expectation
joined in the order they were stated, the diagonal where "expected" meets "today", and
the outcome marked. Exported as PNG and SVG.

Why pyqtgraph: Qt's own QtCharts ships in PySide6-Addons, which Factdesk does not install
(PySide6-Essentials only); pyqtgraph is maintained, draws on QGraphicsView with the
PySide6 we already ship (no second GUI toolkit, unlike matplotlib), and has PNG and SVG
exporters.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.followup_models import spoken

if TYPE_CHECKING:
    from desktop.tracking.milestones import MilestoneTrend

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg
from pyqtgraph import exporters

DAY = 86_400.0
POINT = "#1f5fa8"
OUTCOME = {"happened": "#2e8b3c", "did_not_happen": "#b03030", "cancelled": "#b03030"}


def seconds(day: date) -> float:
    """A date as the x or y of the chart (seconds since the epoch, UTC midnight)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


class MilestoneChart(QWidget):
    """The chart of one trend; ``points`` is the scatter of the expectations (one spot
    each), ``outcome`` the outcome's mark (None until settled)."""

    def __init__(self, trend: MilestoneTrend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend = trend
        self.plot = pg.PlotWidget(
            axisItems={
                "bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0),
                "left": pg.DateAxisItem(orientation="left", utcOffset=0),
            }
        )
        self.plot.setObjectName("milestone_chart")
        self.plot.setBackground("w")
        item = self.plot.getPlotItem()
        item.setTitle(trend.title)
        item.setLabel("bottom", "Statement published")
        item.setLabel("left", "Expected by")
        item.showGrid(x=True, y=True, alpha=0.2)
        # bottom right: below the diagonal (expected before it was said) nothing is drawn
        item.addLegend(offset=(-10, -10))
        first, last = trend.span()
        pad = max((last - first).days * 0.08, 15) * DAY
        low, high = seconds(first) - pad, seconds(last) + pad
        item.plot(
            [low, high],
            [low, high],
            pen=pg.mkPen("#888888", width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
            name="expected = today",
        )
        xs = [seconds(p.stated) for p in trend.points]
        ys = [seconds(p.expected) for p in trend.points]
        if len(xs) > 1:
            item.plot(xs, ys, pen=pg.mkPen(POINT, width=2))
        self.points = pg.ScatterPlotItem(
            xs,
            ys,
            symbol="o",
            size=11,
            pen=pg.mkPen("#ffffff"),
            brush=pg.mkBrush(POINT),
            name="expectation",
            data=[p.followup_id for p in trend.points],
            tip=self._tip,
        )
        item.addItem(self.points)
        self.outcome: pg.ScatterPlotItem | None = None
        if trend.outcome is not None:
            at = seconds(trend.outcome.reported)
            color = OUTCOME.get(trend.outcome.state, "#806000")
            self.outcome = pg.ScatterPlotItem(
                [at],
                [at],
                symbol="star",
                size=20,
                pen=pg.mkPen("#333333"),
                brush=pg.mkBrush(color),
                name=f"{spoken(trend.outcome.state)} ({trend.outcome.reported})",
            )
            item.addItem(self.outcome)
            label = pg.TextItem(
                f"{spoken(trend.outcome.state)} {trend.outcome.reported}",
                color=color,
                anchor=(1.05, 1.2),
            )
            label.setPos(at, at)
            item.addItem(label)
        item.setXRange(low, high, padding=0)
        item.setYRange(low, high, padding=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def _tip(self, x: float, y: float, data: object) -> str:
        point = next((p for p in self.trend.points if p.followup_id == data), None)
        if point is None:
            return ""
        return f"{point.stated}: “{point.source_title}” expects it by {point.expected}"

    def export_png(self, path: Path, width: int = 1200) -> Path:
        exporter = exporters.ImageExporter(self.plot.getPlotItem())
        exporter.parameters()["width"] = width
        exporter.export(str(path))
        return path

    def export_svg(self, path: Path) -> Path:
        """The chart as vector SVG through Qt's own QSvgGenerator (pyqtgraph 0.14's
        SVGExporter fails on the path data PySide6 6.11 writes)."""
        from PySide6.QtCore import QRect, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        size = self.plot.size() if self.plot.width() > 50 else QSize(1200, 800)
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setResolution(self.plot.logicalDpiX())  # else text and axes scale apart
        generator.setTitle(self.trend.title)
        generator.setDescription("Milestone trend: statement published (x), expected by (y)")
        if self.plot.size() != size:
            self.plot.resize(size)
        painter = QPainter(generator)
        try:
            self.plot.render(painter)
        finally:
            painter.end()
        return path


def timeline_text(trend: MilestoneTrend) -> str:
    """The expectations and the outcome in the order they were published, with their
    articles: the history the chart draws."""
    lines = [
        f"{p.stated}  “{p.source_title}” expects it by {p.expected}"
        + (
            f" (not before {p.expected_from})"
            if p.expected_from and p.expected_from > p.stated
            else ""
        )
        for p in sorted(trend.points, key=lambda p: (p.stated, p.followup_id))
    ]
    if trend.outcome is not None:
        o = trend.outcome
        lines.append(f"{o.reported}  “{o.title}”: {spoken(o.state)}")
    if trend.undated:
        lines.append(f"({trend.undated} statement(s) without a date or a window are not drawn)")
    return "\n".join(lines)


TIMELINE_LINES = 8
"""The history under the chart shows this many lines at most (the rest scrolls)."""


class MilestoneDialog(QDialog):
    """The chart, its timeline, and its exports."""

    def __init__(self, trend: MilestoneTrend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Milestone trend — {trend.title}")
        self.chart = MilestoneChart(trend, self)
        # scrolled, a few lines high: an event stated 500 times has 500 lines of history
        history = timeline_text(trend)
        self.timeline = QPlainTextEdit(history)
        self.timeline.setObjectName("milestone_timeline")
        self.timeline.setReadOnly(True)
        lines = min(2 * (history.count("\n") + 1), TIMELINE_LINES)  # a line may wrap
        self.timeline.setFixedHeight(self.timeline.fontMetrics().lineSpacing() * lines + 14)
        png = QPushButton("Export &PNG…")
        svg = QPushButton("Export &SVG…")
        png.clicked.connect(lambda: self._export("PNG image (*.png)", ".png"))
        svg.clicked.connect(lambda: self._export("SVG drawing (*.svg)", ".svg"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(png)
        buttons.addWidget(svg)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.timeline)
        layout.addLayout(buttons)
        self.resize(900, 640)

    def _export(self, kind: str, suffix: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the chart", f"milestones{suffix}", kind)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        if suffix == ".png":
            self.chart.export_png(path)
        else:
            self.chart.export_svg(path)
