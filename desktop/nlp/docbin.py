"""Accepted and corrected highlights as a spaCy ``DocBin``: training data for a model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from db.interchange import DECIDED, articles_with_text, mentions_of


@dataclass
class DocBinReport:
    docs: int = 0
    spans: int = 0
    misaligned: int = 0
    """Spans whose edges fall inside a token of spaCy's tokenizer (kept, widened)."""


def export_docbin(
    conn: Connection,
    path: Path,
    *,
    states: tuple[str, ...] = DECIDED,
    article_ids: tuple[int, ...] = (),
) -> DocBinReport:
    """Each article a Doc: entities (overlaps resolved longest-first) in ``doc.ents``, and
    every span, overlapping ones included, in ``doc.spans["sc"]``."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    out = DocBin(store_user_data=False)
    report = DocBinReport()
    for aid, *_meta, body in articles_with_text(conn, article_ids):
        rows = mentions_of(conn, aid, states)
        if not rows:
            continue
        doc = nlp.make_doc(body)
        spans: list[Any] = []
        for _mid, start, end, label, *_rest in rows:
            span = doc.char_span(start, end, label=label)
            if span is None:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                report.misaligned += 1
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        doc.spans["sc"] = spans
        out.add(doc)
        report.docs += 1
        report.spans += len(spans)
    out.to_disk(path)
    return report
