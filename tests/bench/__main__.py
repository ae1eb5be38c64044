"""Run the benchmarks: ``python -m tests.bench [--quick]``."""

from __future__ import annotations

import argparse
import os
import platform

from tests.bench import export_bench, gui_bench, suggest_bench, update_bench
from tests.bench.harness import Row, print_table, write_results

BENCHES = [suggest_bench, export_bench, update_bench, gui_bench]


def main() -> None:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows: list[Row] = []
    for bench in BENCHES:
        rows += bench.run(args.quick)
    machine = f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nFactdesk bench ({machine})")
    print_table(rows)
    write_results(rows)


if __name__ == "__main__":
    main()
