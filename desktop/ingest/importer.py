"""Importing files and folders: one transaction per article, a line per failed file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from db.articles import NewArticle, add_article, content_hash, find_by_hash
from db.store import Store
from desktop.ingest.readers import SUPPORTED_SUFFIXES, ReadError, read_article

Progress = Callable[[int, int, Path], bool]
"""Called as (done, total, path) before each file; returning False cancels."""


@dataclass
class ImportReport:
    imported: list[tuple[Path, int]] = field(default_factory=list)
    duplicates: list[tuple[Path, int]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def new_ids(self) -> list[int]:
        return [article_id for _path, article_id in self.imported]

    def summary(self) -> str:
        parts = [
            f"Imported {len(self.imported)} new article{'s' if len(self.imported) != 1 else ''}"
        ]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the store")
        if self.failed:
            parts.append(f"{len(self.failed)} could not be read")
        if self.cancelled:
            parts.append("cancelled before the end")
        return "; ".join(parts) + "."


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders walked recursively for supported, non-hidden files."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield path


def import_paths(
    store: Store, paths: Iterable[Path], *, progress: Progress | None = None
) -> ImportReport:
    report = ImportReport()
    files = list(expand_paths(paths))
    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files), path):
            report.cancelled = True
            break
        try:
            parsed = read_article(path)
        except ReadError as exc:
            report.failed.append((path, str(exc)))
            continue
        article = NewArticle(
            text=parsed.text,
            title=parsed.title,
            published=parsed.published,
            source=parsed.source,
            url=parsed.url,
            path=str(path.resolve()),
        )
        try:
            with store.transaction() as session:
                article_id, created = add_article(session, article=article)
        except IntegrityError:
            # Another process stored the same text between our look-up and our insert.
            with store.session() as session:
                found = find_by_hash(session, digest=content_hash(article.text))
            assert found is not None
            article_id, created = found, False
        (report.imported if created else report.duplicates).append((path, article_id))
    return report
