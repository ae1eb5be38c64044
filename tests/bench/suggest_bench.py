"""Import + suggest throughput against raw ``nlp.pipe`` of the same model and texts.

Both run in one process with the same batch size (one process: a second worker process
would flatter the ratio rather than measure the extra components).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from db.articles import NewArticle, add_article
from db.store import open_store
from desktop.nlp.pipeline import ModelInfo, load_pipeline
from desktop.nlp.suggest import SuggestReport, suggest_articles
from tests.bench.corpus import articles
from tests.bench.harness import Row

BATCH = 16


def _raw(nlp: Any, texts: list[str]) -> float:
    began = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=BATCH):
        pass
    return time.perf_counter() - began


def _ours(nlp: Any, info: ModelInfo, corpus: list[Any]) -> tuple[float, SuggestReport]:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite3")
        began = time.perf_counter()
        for text, published in corpus:
            with store.transaction() as session:
                add_article(
                    session, article=NewArticle(text=text, title=text[:60], published=published)
                )
        report = suggest_articles(store, nlp, info, batch_size=BATCH, processes=1)
        seconds = time.perf_counter() - began
        store.close()
    assert report.articles == len(corpus)
    return seconds, report


def run(quick: bool) -> list[Row]:
    """Paired rounds: raw then ours on the same chunk of texts; the median of the
    per-round ratios cancels the slow drifts of a shared machine."""
    rounds, per_round = (5, 40) if quick else (10, 60)
    corpus = articles(rounds * per_round)
    nlp, info = load_pipeline(None)
    list(nlp.pipe([t for t, _ in corpus[:BATCH]]))  # warm up
    raw_rates, our_rates, ratios, shares = [], [], [], []
    for number in range(rounds):
        chunk = corpus[number * per_round : (number + 1) * per_round]
        texts = [text for text, _ in chunk]
        words = sum(len(t.split()) for t in texts)
        raw = _raw(nlp, texts)
        ours, report = _ours(nlp, info, chunk)
        raw_rates.append(words / raw)
        our_rates.append(words / ours)
        ratios.append(raw / ours)
        shares.append(report.write_seconds / ours)
    ratio = statistics.median(ratios)
    share = statistics.median(shares)
    return [
        Row(
            "suggest_throughput_ratio",
            statistics.median(our_rates),
            "words/s",
            statistics.median(raw_rates),
            ratio,
            "ratio ≥ 0.85",
            ratio >= 0.85,
        ),
        Row("db_write_share", share, "share", None, None, "≤ 0.05", share <= 0.05),
    ]
