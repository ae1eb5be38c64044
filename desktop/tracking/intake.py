"""The intake chain: import → suggest → update check, the one place where ingest, nlp and
the tracking services meet (the import contract in pyproject.toml says so). Qt-free: the
window runs it on a worker thread and ``factdesk import`` / ``suggest`` in the foreground;
feeds will call it the same way.

Each step runs when the request asks for it, in this order: files are read and stored
(``paths``) or a pasted text is (``pasted``); the pipeline suggests highlights, times and
expectations for every article that has none yet (``model``); the new articles are
matched against the open follow-ups (``check``). Progress comes as (done, total, text);
returning False cancels at the next article, and the steps after it are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from db.articles import NewArticle, add_article, ensure_room
from db.errors import StoreError
from db.limits import MAX_ARTICLE_CHARS
from db.store import Store
from desktop.ingest.importer import ImportReport, import_paths
from desktop.tracking.updates import FollowUpCandidates, check_updates

if TYPE_CHECKING:
    from spacy.language import Language

    from desktop.nlp.pipeline import ModelInfo
    from desktop.nlp.suggest import SuggestReport

Progress = Callable[[int, int, str], bool]
"""Called as (done, total, what is being done); returning False cancels."""

SUGGESTING = "Suggesting highlights"
CHECKING = "Checking new articles against follow-ups"


@dataclass(frozen=True)
class PastedText:
    text: str
    title: str
    published: date
    source: str = ""
    """The outlet (a newspaper, an agency); empty: the URL's host, if any."""
    url: str | None = None

    @property
    def outlet(self) -> str:
        if self.source.strip():
            return self.source.strip()
        host = urlsplit(self.url or "").hostname or ""
        return host.removeprefix("www.")


@dataclass(frozen=True)
class IntakeRequest:
    paths: Sequence[Path] = ()
    pasted: PastedText | None = None
    model: tuple[Language, ModelInfo] | None = None
    """A loaded spaCy pipeline and its description: suggest with it (None: do not)."""
    check: bool = True
    check_ids: Sequence[int] = ()
    """Articles stored earlier whose update check is still due (besides the new ones)."""


@dataclass
class IntakeReport:
    imported: ImportReport | None = None
    pasted: tuple[int, bool] | None = None
    """(article id, created) of a pasted text; the same text pasted twice is stored once."""
    suggested: SuggestReport | None = None
    checked: list[FollowUpCandidates] = field(default_factory=list)
    cancelled: bool = False

    @property
    def stored_ids(self) -> list[int]:
        """Articles this run stored (a pasted text already stored is included)."""
        ids = self.imported.new_ids if self.imported is not None else []
        return ids + ([self.pasted[0]] if self.pasted is not None else [])

    @property
    def followups_with_candidates(self) -> int:
        return sum(1 for found in self.checked if found.candidates)


def paste_article(store: Store, pasted: PastedText) -> tuple[int, bool]:
    """Store a pasted text as an article: (id, created)."""
    text = pasted.text
    if not text.strip():
        raise StoreError("The article has no text; paste some first.")
    if len(text) > MAX_ARTICLE_CHARS:
        raise StoreError(
            f"The text has {len(text):,} characters; an article may have up to "
            f"{MAX_ARTICLE_CHARS:,}. Split it into several articles."
        )
    with store.transaction() as session:
        ensure_room(session, adding=1)
        return add_article(
            session,
            article=NewArticle(
                text=text,
                title=pasted.title or text.strip().splitlines()[0][:300],
                published=pasted.published,
                source=pasted.outlet,
                url=(pasted.url or "").strip() or None,
            ),
        )


def run_intake(
    store: Store, request: IntakeRequest, *, progress: Progress | None = None
) -> IntakeReport:
    """Run the steps the request asks for; see the module's description."""
    report = IntakeReport()

    def going(done: int, total: int, text: str) -> bool:
        if progress is not None and not progress(done, total, text):
            report.cancelled = True
        return not report.cancelled

    if request.paths:
        report.imported = import_paths(
            store, request.paths, progress=lambda d, t, p: going(d, t, f"Importing {p.name}")
        )
        report.cancelled = report.cancelled or report.imported.cancelled
    if request.pasted is not None:
        report.pasted = paste_article(store, request.pasted)
    if request.model is not None and not report.cancelled:
        from desktop.nlp.suggest import suggest_articles

        nlp, info = request.model
        report.suggested = suggest_articles(
            store, nlp, info, progress=lambda d, t: going(d, t, SUGGESTING)
        )
        report.cancelled = report.cancelled or report.suggested.cancelled
    check_ids = [*request.check_ids, *report.stored_ids]
    if request.check and check_ids and not report.cancelled and going(0, 1, CHECKING):
        report.checked = check_updates(store, new_article_ids=check_ids)
    return report
