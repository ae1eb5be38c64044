"""Run every evaluation: ``python -m tests.eval [--shared DIR] [--only NAME ...]``."""

from __future__ import annotations

import argparse
import importlib
import os
from pathlib import Path

PARTS = ["timeml", "expectation_sentences", "storylines"]


def main() -> None:
    parser = argparse.ArgumentParser(prog="make eval")
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("FACTDESK_SHARED", "../shared")),
        help="folder with the third-party evaluation data (timeml-dev, storylines-dev)",
    )
    parser.add_argument("--only", nargs="*", default=[], help=f"parts to run: {' '.join(PARTS)}")
    args = parser.parse_args()
    shared = args.shared if args.shared.is_dir() else None
    if shared is None:
        print(f"note: {args.shared} not found; the third-party parts are skipped")
    for name in PARTS:
        if args.only and name not in args.only:
            continue
        print(f"\n===== {name} =====")
        try:
            module = importlib.import_module(f"tests.eval.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.eval.{name}":
                raise
            print("(this evaluation is not in the repository yet)")
            continue
        for line in module.run(shared):
            print(line, flush=True)


if __name__ == "__main__":
    main()
