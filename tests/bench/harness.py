"""The result table: one row per figure, printed and written to .bench/results.json."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.bench.corpus import CACHE

_KEPT: list[object] = []


def keep_app(app: object) -> None:
    """Hold the QApplication for the whole run (an unreferenced one is destroyed)."""
    if app not in _KEPT:
        _KEPT.append(app)


@dataclass
class Row:
    id: str
    value: float
    unit: str
    reference: float | None
    ratio: float | None
    target: str
    ok: bool | None


def ratio_row(
    id_: str, value: float, unit: str, reference: float, target_ratio: float, higher_is_better: bool
) -> Row:
    ratio = value / reference if reference else float("inf")
    ok = ratio >= target_ratio if higher_is_better else ratio <= target_ratio
    sign = "≥" if higher_is_better else "≤"
    return Row(id_, value, unit, reference, ratio, f"ratio {sign} {target_ratio}", ok)


def print_table(rows: list[Row]) -> None:
    header = (
        f"{'id':<28} {'value':>12} {'unit':<10} {'reference':>12} {'ratio':>8}  {'target':<16} ok"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        ref = f"{r.reference:12.4g}" if r.reference is not None else f"{'—':>12}"
        ratio = f"{r.ratio:8.3f}" if r.ratio is not None else f"{'—':>8}"
        ok = {True: "yes", False: "NO", None: "—"}[r.ok]
        print(f"{r.id:<28} {r.value:12.4g} {r.unit:<10} {ref} {ratio}  {r.target:<16} {ok}")


def write_results(
    rows: list[Row], path: Path = CACHE / "results.json", merge: bool = False
) -> None:
    """Write the rows; ``merge`` keeps the other rows of an earlier run (``--only``)."""
    path.parent.mkdir(exist_ok=True)
    fresh = [asdict(r) for r in rows]
    if merge and path.exists():
        ids = {r["id"] for r in fresh}
        fresh = [r for r in json.loads(path.read_text("utf-8")) if r["id"] not in ids] + fresh
    path.write_text(json.dumps(fresh, indent=2), encoding="utf-8")
