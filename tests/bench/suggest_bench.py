"""Import + suggest throughput against raw ``nlp.pipe`` of the same model and texts.

Both run in one process with the same batch size (a second worker process would flatter
the ratio rather than measure the extra components).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from db.articles import NewArticle
from db.store import open_store
from desktop.ingest.importer import store_articles
from desktop.nlp.pipeline import ModelInfo, load_pipeline
from desktop.nlp.suggest import SuggestReport, suggest_articles
from tests.bench.corpus import articles
from tests.bench.harness import Row, ratio_row

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
        store_articles(store, [NewArticle(text=t, title=t[:60], published=p) for t, p in corpus])
        report = suggest_articles(store, nlp, info, batch_size=BATCH, processes=1)
        seconds = time.perf_counter() - began
        store.close()
    assert report.articles == len(corpus)
    return seconds, report


def run(quick: bool) -> list[Row]:
    """For each chunk of texts, raw and ours run alternately three times and the best time
    of each counts (as timeit does): the machine's speed drifts by tens of percent from one
    second to the next, and the minimum is the run the drift disturbed least."""
    chunks, per_chunk, repeats = (4, 30, 3) if quick else (8, 40, 3)
    corpus = articles(chunks * per_chunk)
    nlp, info = load_pipeline(None)
    list(nlp.pipe([t for t, _ in corpus[:BATCH]]))  # warm up
    raw_total = ours_total = 0.0
    shares = []
    words = 0
    for number in range(chunks):
        chunk = corpus[number * per_chunk : (number + 1) * per_chunk]
        texts = [text for text, _ in chunk]
        words += sum(len(t.split()) for t in texts)
        raws, ours = [], []
        for _ in range(repeats):
            raws.append(_raw(nlp, texts))
            seconds, report = _ours(nlp, info, chunk)
            ours.append(seconds)
            shares.append(report.write_seconds / seconds)
        raw_total += min(raws)
        ours_total += min(ours)
    share = statistics.median(shares)
    return [
        ratio_row(
            "suggest_throughput_ratio", words / ours_total, "words/s", words / raw_total, 0.85, True
        ),
        Row("db_write_share", share, "share", None, None, "≤ 0.05", share <= 0.05),
    ]
