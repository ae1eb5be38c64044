"""Run the benchmarks: ``python -m tests.bench [--quick]``."""

from __future__ import annotations

import argparse
import os
import platform

from tests.bench import (
    bundle_bench,
    chart_bench,
    export_bench,
    gui_bench,
    postgres_bench,
    scale_bench,
    sources_bench,
    suggest_bench,
    update_bench,
    workspace_bench,
)
from tests.bench.harness import Row, print_table, write_results

BENCHES = [
    suggest_bench,
    export_bench,
    update_bench,
    scale_bench,
    gui_bench,
    sources_bench,
    workspace_bench,
    chart_bench,
    bundle_bench,
    postgres_bench,
]


def main() -> None:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    parser.add_argument(
        "--only", nargs="*", default=[], help="bench modules to run, e.g. scale gui"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows: list[Row] = []
    for bench in BENCHES:
        if not args.only or bench.__name__.rsplit(".", 1)[-1].removesuffix("_bench") in args.only:
            rows += bench.run(args.quick)
    machine = f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nFactdesk bench ({machine})")
    print_table(rows)
    write_results(rows, merge=bool(args.only))


if __name__ == "__main__":
    main()
