"""What arrives from sources is worked like any import: suggestions for the new articles,
then the update check of the open follow-ups against those articles only, and the
follow-ups that may have news named ("2 follow-ups may have news: …").

The intake chain's second half for web pages and feeds; the GUI and ``factdesk poll`` call
it after a poll or a URL import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from db.store import Store
from desktop.nlp.suggest import SuggestReport, suggest_articles
from desktop.tracking.updates import check_updates

if TYPE_CHECKING:
    from spacy.language import Language

    from desktop.nlp.pipeline import ModelInfo

Progress = Callable[[int, int, str], bool]
"""Called as (done, total, what); returning False cancels the suggestions."""


@dataclass(frozen=True)
class News:
    """An open follow-up that a new article may settle (its best candidate)."""

    followup_id: int
    question: str
    article_id: int
    title: str
    proposed_state: str | None
    score: float


@dataclass
class Arrivals:
    article_ids: list[int]
    suggested: SuggestReport | None
    news: list[News]

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


def work_arrivals(
    store: Store,
    nlp: Language,
    info: ModelInfo,
    article_ids: Sequence[int],
    *,
    as_of: date | None = None,
    progress: Progress | None = None,
) -> Arrivals:
    """Suggestions for the new articles, then the update check of the open follow-ups
    against them only; each follow-up with a candidate is named with its best one."""
    ids = list(article_ids)
    if not ids:
        return Arrivals([], None, [])
    suggest_progress = None
    if progress is not None:
        report = progress

        def suggest_progress(done: int, total: int) -> bool:
            return report(done, total, "Suggesting highlights in the new articles")

    suggested = suggest_articles(store, nlp, info, article_ids=ids, progress=suggest_progress)
    found = check_updates(store, as_of=as_of, new_article_ids=ids)
    news = [
        News(
            r.followup.id,
            r.followup.question,
            r.candidates[0].article_id,
            r.candidates[0].title,
            r.candidates[0].proposed_state,
            r.candidates[0].score,
        )
        for r in found
        if r.candidates
    ]
    return Arrivals(ids, suggested, news)
