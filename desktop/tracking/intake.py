"""The intake chain: import → suggest → update check, the one place where ingest, nlp and
the tracking services meet (the import contract in pyproject.toml says so). Qt-free: the
window runs it on a worker thread, ``factdesk import`` / ``suggest`` / ``poll`` in the
foreground, and the feed poller hands it what arrived.

Each step runs when the request asks for it, in this order: files are read and stored
(``paths``), web pages fetched and stored (``urls``) or a pasted text is (``pasted``); the
pipeline suggests highlights, times and expectations for every article that has none yet
(``model``); the new articles (and ``check_ids``) are matched against the open follow-ups
(``check``), and those with a candidate are the news. Progress comes as (done, total,
text); returning False cancels at the next article, and the steps after it are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlmodel import Session

from db.articles import NewArticle, add_article, ensure_room
from db.errors import StoreError
from db.limits import MAX_ARTICLE_CHARS
from db.store import Store
from desktop.ingest.importer import ImportReport, import_paths
from desktop.ingest.web import WebImportReport, import_urls
from desktop.tracking.events import one_per_event
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
class News:
    """An open follow-up that a new article may settle (its best candidate)."""

    followup_id: int
    question: str
    article_id: int
    title: str
    proposed_state: str | None
    score: float


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
    urls: Sequence[str] = ()
    pasted: PastedText | None = None
    model: tuple[Language, ModelInfo] | None = None
    """A loaded spaCy pipeline and its description: suggest with it (None: do not)."""
    check: bool = True
    check_ids: Sequence[int] = ()
    """Articles stored earlier whose update check is still due (besides the new ones)."""
    as_of: date | None = None
    """The day the update check looks from (default: today)."""


@dataclass
class IntakeReport:
    imported: ImportReport | None = None
    fetched: WebImportReport | None = None
    pasted: tuple[int, bool] | None = None
    """(article id, created) of a pasted text; the same text pasted twice is stored once."""
    suggested: SuggestReport | None = None
    checked: list[FollowUpCandidates] = field(default_factory=list)
    cancelled: bool = False

    @property
    def stored_ids(self) -> list[int]:
        """Articles this run stored (a pasted text already stored is included)."""
        ids = self.imported.new_ids if self.imported is not None else []
        ids += self.fetched.new_ids if self.fetched is not None else []
        return ids + ([self.pasted[0]] if self.pasted is not None else [])

    @property
    def failed(self) -> list[tuple[str, str]]:
        """(file or address, one-line reason) for what could not be read."""
        files = [(str(p), why) for p, why in self.imported.failed] if self.imported else []
        return files + (list(self.fetched.failed) if self.fetched else [])

    def import_summary(self) -> str:
        """'Imported 3 new articles; 1 already in the store.' for files and pages together."""
        parts = [r for r in (self.imported, self.fetched) if r is not None]
        new = sum(len(r.imported) for r in parts)
        known = sum(len(r.duplicates) for r in parts)
        words = [f"Imported {new} new article{'s' if new != 1 else ''}"]
        if known:
            words.append(f"{known} already in the store")
        if self.failed:
            words.append(f"{len(self.failed)} could not be read")
        if self.cancelled:
            words.append("cancelled before the end")
        return "; ".join(words) + "."

    @property
    def followups_with_candidates(self) -> int:
        """Tracked events with a candidate (restatements of one event count once)."""
        return len(self.news)

    @property
    def news(self) -> list[News]:
        """Each tracked event with a candidate once (named by the follow-up of the first
        article that stated it), with its best candidate."""
        found_news = [found for found in self.checked if found.candidates]
        shown = {id(row) for row in one_per_event([found.followup for found in found_news])}
        return [
            News(
                found.followup.id,
                found.followup.question,
                found.candidates[0].article_id,
                found.candidates[0].title,
                found.candidates[0].proposed_state,
                found.candidates[0].score,
            )
            for found in found_news
            if id(found.followup) in shown
        ]

    def news_line(self) -> str:
        """'2 follow-ups may have news:' (what the window and ``poll --check`` say)."""
        n = len(self.news)
        if not n:
            return "No follow-up has news in the new articles."
        return f"{n} follow-up{'s' if n != 1 else ''} may have news:"

    def news_lines(self) -> list[str]:
        lines = []
        for item in self.news:
            proposes = f", proposes {item.proposed_state}" if item.proposed_state else ""
            lines.append(
                f"#{item.followup_id} {item.question} "
                f"(article #{item.article_id} “{item.title}”{proposes})"
            )
        return lines


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

    def work(session: Session) -> tuple[int, bool]:
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

    return store.write(work)


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
    if request.urls and not report.cancelled:
        report.fetched = import_urls(
            store, request.urls, progress=lambda d, t, u: going(d, t, f"Fetching {u}")
        )
        report.cancelled = report.cancelled or report.fetched.cancelled
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
        report.checked = check_updates(store, as_of=request.as_of, new_article_ids=check_ids)
    return report
