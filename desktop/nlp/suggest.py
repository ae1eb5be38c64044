"""Running the pipeline over stored articles and storing what it suggests.

``nlp.pipe`` batches the texts (in worker processes for large runs); each article's
highlights, expectation facts and proposed follow-ups are written through SQLAlchemy
Core together with the mark that it has been suggested, a batch of articles per
transaction, so running this twice, or again after a crash, adds nothing twice.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from db.articles import article_ids_without_suggestions, texts_by_id
from db.entities import KbEntry, kb_entries, normalize_alias
from db.lexicon import lexicon_additions
from db.store import Store
from db.suggestions import (
    ArticleSuggestions,
    ExpectationSuggestion,
    ReportSuggestion,
    RoleSuggestion,
    SpanSuggestion,
    store_suggestions,
)
from desktop.nlp.analysis import Analysis, analyze
from desktop.nlp.kb import install_kb
from desktop.nlp.pipeline import ModelInfo
from desktop.vocabulary import load_lexicon

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int, int], bool]
"""Called as (articles done, total); returning False cancels between articles."""

READ_CHUNK = 64
PROCESSES_FROM = 200
"""Below this many articles, a second process costs more (loading the model) than it saves."""


@dataclass
class SuggestReport:
    articles: int = 0
    mentions: int = 0
    expectations: int = 0
    cancelled: bool = False
    write_seconds: float = 0.0
    analysis_seconds: float = 0.0


def _texts(store: Store, ids: Sequence[int]) -> Iterator[tuple[str, tuple[int, date]]]:
    for i in range(0, len(ids), READ_CHUNK):
        chunk = ids[i : i + READ_CHUNK]
        with store.engine.connect() as conn:
            by_id = texts_by_id(conn, chunk)
        for article_id in chunk:
            if article_id in by_id:
                _title, text, published, imported = by_id[article_id]
                yield text, (article_id, published or imported.date())


def to_rows(
    analysis: Analysis, known: dict[tuple[str, str], int]
) -> tuple[list[SpanSuggestion], list[ExpectationSuggestion], list[ReportSuggestion]]:
    """Turn an analysis into the store's suggestion rows; ``known`` maps
    (normalised alias, type) to the entity the analyst already has. Follow-ups are
    proposed for expectations with a due window."""
    spans = [
        SpanSuggestion(
            m.start,
            m.end,
            m.text,
            m.label,
            value=m.timex.value if m.timex else None,
            value_start=m.timex.start if m.timex else None,
            value_end=m.timex.end if m.timex else None,
            granularity=m.timex.granularity if m.timex else None,
            entity_id=m.entity_id,
            origin="kb" if m.from_kb else None,
        )
        for m in analysis.mentions
    ]
    expectations = [
        ExpectationSuggestion(
            start=e.start,
            end=e.end,
            text=e.text,
            predicate=e.predicate,
            question=e.question,
            roles=tuple(
                RoleSuggestion(p.role, p.name, known.get((normalize_alias(p.name), p.label)))
                for p in e.participants
            ),
            attributed_to=e.attributed_to,
            due_start=e.due_start,
            due_end=e.due_end,
            review_date=e.review_date,
            value=e.value,
            lemma=e.lemma,
            event_group=" ".join(sorted(e.groups)),
            theme=e.theme,
            theme_lemma=e.theme_lemma,
            negated=e.negated,
            modality=e.modality,
            bound=e.bound,
            due_text=e.due_text,
            alternatives=tuple(e.alternatives),
            headline=e.headline,
            nominal=e.nominal,
            propose=e.proposes,
        )
        for e in analysis.expectations
    ]
    reports = [
        ReportSuggestion(
            start=r.start,
            end=r.end,
            lemma=r.lemma,
            event_group=" ".join(sorted(r.groups)),
            status=r.status,
            theme=r.theme,
            theme_lemma=r.theme_lemma,
            participants=tuple(r.participants),
            negated=r.negated,
            headline=r.headline,
            window_start=r.window_start,
            window_end=r.window_end,
            window_value=r.window_value,
            bound=r.bound,
        )
        for r in analysis.reports
    ]
    return spans, expectations, reports


def _known(entries: Sequence[KbEntry]) -> dict[tuple[str, str], int]:
    return {(normalize_alias(e.alias), e.type): e.entity_id for e in entries}


def suggest_articles(
    store: Store,
    nlp: Language,
    info: ModelInfo,
    *,
    article_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    batch_size: int = 16,
    processes: int | None = None,
) -> SuggestReport:
    """Suggest for the given articles (default: all that have no suggestions yet)."""
    with store.session() as session:
        pending = set(article_ids_without_suggestions(session))
        entries = kb_entries(session)
        lexicon = load_lexicon(lexicon_additions(session))
    install_kb(nlp, entries)
    known = _known(entries)
    ids = [i for i in (article_ids if article_ids is not None else sorted(pending)) if i in pending]
    report = SuggestReport()
    if not ids:
        return report
    if progress is not None and not progress(0, len(ids)):
        report.cancelled = True
        return report
    n_process = processes or (2 if len(ids) >= PROCESSES_FROM else 1)
    # The texts' (id, date) wait in a queue in pipe order: cheaper than as_tuples=True.
    contexts: deque[tuple[int, date]] = deque()

    def texts() -> Iterator[str]:
        for text, context in _texts(store, ids):
            contexts.append(context)
            yield text

    pending_rows: list[ArticleSuggestions] = []
    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
        article_id, anchor = contexts.popleft()
        began = time.perf_counter()
        spans, expectations, reports = to_rows(analyze(doc, anchor, lexicon), known)
        report.analysis_seconds += time.perf_counter() - began
        pending_rows.append(ArticleSuggestions(article_id, spans, expectations, reports))
        if len(pending_rows) >= batch_size or report.articles + len(pending_rows) == len(ids):
            _write(store, pending_rows, info.origin, report)
            pending_rows = []
            if progress is not None and not progress(report.articles, len(ids)):
                report.cancelled = report.articles < len(ids)
                break
    return report


def _write(
    store: Store, rows: list[ArticleSuggestions], origin: str, report: SuggestReport
) -> None:
    """One transaction for a batch of articles: each article is whole or absent."""
    began = time.perf_counter()
    stored = store.write(
        lambda session: store_suggestions(session.connection(), items=rows, origin=origin)
    )
    report.write_seconds += time.perf_counter() - began
    report.articles += len(rows)
    report.mentions += stored.mentions
    report.expectations += stored.expectations
