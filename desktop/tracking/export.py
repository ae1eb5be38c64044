"""Exporting a table to a file: written beside its target and moved into place only when
complete, so a failed or cancelled export never leaves half a file under the real name.
The window and ``factdesk export`` both write through here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from db.exports import ExportFilter, export_csv
from db.store import Store


@contextmanager
def written_atomically(path: Path) -> Iterator[TextIO]:
    """A text file (UTF-8, newlines as written) to write ``path``'s content into; it
    becomes ``path`` once the block ends without an error, and is removed otherwise."""
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as fh:
            yield fh
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def export_table(
    store: Store,
    table: str,
    path: Path,
    filters: ExportFilter | None = None,
    *,
    raw: bool = False,
    excel: bool = False,
) -> int:
    """Write one table as CSV to ``path``; returns the number of rows."""
    with written_atomically(path) as fh:
        return export_csv(
            store.engine, table, fh, raw=raw, excel=excel, filters=filters or ExportFilter()
        )
