"""The ``factdesk`` entry point. Opening the window (no command, or ``open FILE...``) goes
straight to it; every other command goes to ``desktop.cli``.

The full command line needs the database models for its choices, and importing them
(SQLAlchemy, SQLModel, Alembic) costs about a second before anything is shown, two or
more from a cold disk: the window's own start paints its frame before those imports.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn


class _NotTheWindow(Exception):
    """The arguments are not a plain window start: the full command line reads them."""


class _WindowArguments(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindow(message)


def window_request(argv: Sequence[str]) -> tuple[str | None, str | None, list[Path]] | None:
    """(--db, --model, files to import) when the arguments only open the window."""
    parser = _WindowArguments(add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--model")
    try:
        known, rest = parser.parse_known_args(list(argv))
    except _NotTheWindow:
        return None
    if rest and rest[0] == "open" and not any(a.startswith("-") for a in rest[1:]):
        return known.db, known.model, [Path(a) for a in rest[1:]]
    return (known.db, known.model, []) if not rest else None


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    request = window_request(sys.argv[1:])
    if request is None:
        from desktop.cli import main as command_line

        command_line()
        return
    from desktop.settings import Settings
    from desktop.ui.app import run_app

    db, model, paths = request
    try:
        sys.exit(run_app(Settings.resolve(db=db, model=model), paths))
    except KeyboardInterrupt:
        sys.exit(130)
