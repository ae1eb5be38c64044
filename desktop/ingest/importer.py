"""Importing files and folders: one transaction per article, a line per failed file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from db.articles import NewArticle, add_articles, content_hash, ensure_room, find_by_hash
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


BATCH = 50
"""Articles stored per transaction: each article is whole or absent either way."""


def store_articles(store: Store, articles: Sequence[NewArticle]) -> list[tuple[int, bool]]:
    """(id, created) for each article, in one transaction; if another process stored one of
    the texts meanwhile, the batch is redone one article at a time."""
    try:

        def work(session: Session) -> list[tuple[int, bool]]:
            ensure_room(session, adding=len(articles))
            return add_articles(session, articles=list(articles))

        return store.write(work)
    except IntegrityError:
        if len(articles) == 1:
            with store.session() as session:
                found = find_by_hash(session, digest=content_hash(articles[0].text))
            assert found is not None
            return [(found, False)]
        return [store_articles(store, [a])[0] for a in articles]


def import_paths(
    store: Store, paths: Iterable[Path], *, progress: Progress | None = None
) -> ImportReport:
    report = ImportReport()
    files = list(expand_paths(paths))
    pending: list[tuple[Path, NewArticle]] = []

    def flush() -> None:
        results = store_articles(store, [article for _path, article in pending])
        for (path, _article), (article_id, created) in zip(pending, results, strict=True):
            (report.imported if created else report.duplicates).append((path, article_id))
        pending.clear()

    for done, path in enumerate(files):
        if progress is not None and not progress(done, len(files), path):
            report.cancelled = True
            break
        try:
            parsed = read_article(path)
        except ReadError as exc:
            report.failed.append((path, str(exc)))
            continue
        pending.append(
            (
                path,
                NewArticle(
                    text=parsed.text,
                    title=parsed.title,
                    published=parsed.published,
                    source=parsed.source,
                    url=parsed.url,
                    path=str(path.resolve()),
                ),
            )
        )
        if len(pending) >= BATCH:
            flush()
    if pending:
        flush()
    return report
