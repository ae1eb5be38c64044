"""Running the pipeline over stored articles and storing its entities as suggestions."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import col

from db.articles import article_ids_without_suggestions
from db.mentions import SpanSuggestion, store_suggestions
from db.models import Article
from db.store import Store
from desktop.nlp.pipeline import ModelInfo

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Progress = Callable[[int, int], bool]
"""Called as (articles done, total); returning False cancels between articles."""

# Components entity suggestions do not need; turned off for speed when present.
NOT_NEEDED_FOR_ENTITIES = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
READ_CHUNK = 64


@dataclass
class SuggestReport:
    articles: int = 0
    mentions: int = 0
    cancelled: bool = False


def entity_spans(doc: Doc) -> list[SpanSuggestion]:
    return [
        SpanSuggestion(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.text.strip()
    ]


def _texts(store: Store, ids: Sequence[int]) -> Iterator[tuple[str, int]]:
    for i in range(0, len(ids), READ_CHUNK):
        chunk = ids[i : i + READ_CHUNK]
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(col(Article.text), col(Article.id)).where(col(Article.id).in_(chunk))
            ).all()
        by_id = {article_id: text for text, article_id in rows}
        for article_id in chunk:
            if article_id in by_id:
                yield by_id[article_id], article_id


def suggest_articles(
    store: Store,
    nlp: Language,
    info: ModelInfo,
    *,
    article_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    batch_size: int = 16,
) -> SuggestReport:
    """Suggest entities for the given articles (default: all without suggestions yet).

    Each article's suggestions are written in one transaction together with the mark
    that it has been suggested, so running this twice, or after a crash, adds nothing twice.
    """
    with store.session() as session:
        pending = set(article_ids_without_suggestions(session))
    ids = [i for i in (article_ids if article_ids is not None else sorted(pending)) if i in pending]
    report = SuggestReport()
    if progress is not None and not progress(0, len(ids)):
        report.cancelled = True
        return report
    disable = [name for name in NOT_NEEDED_FOR_ENTITIES if name in nlp.pipe_names]
    docs = nlp.pipe(_texts(store, ids), as_tuples=True, batch_size=batch_size, disable=disable)
    for doc, article_id in docs:
        spans = entity_spans(doc)
        with store.engine.begin() as conn:
            report.mentions += store_suggestions(
                conn, article_id=article_id, spans=spans, origin=info.origin
            )
        report.articles += 1
        if progress is not None and not progress(report.articles, len(ids)):
            report.cancelled = report.articles < len(ids)
            break
    return report
