"""Spans in and out: spaCy/Prodigy-style JSONL and W3C Web Annotation JSON-LD.

Exports carry the article text (JSONL) or a quote with its context (W3C), so spans can be
brought back into articles whose offsets have moved: they are re-anchored by their quote,
prefix and suffix, and what cannot be anchored is reported as orphaned, never attached to
the wrong text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import Connection, select
from sqlmodel import col

from db.clock import utcnow
from db.errors import StoreError
from db.models import Article, Evidence, Fact, Mention, MentionState

DECIDED = (MentionState.ACCEPTED.value, MentionState.CORRECTED.value)
CONTEXT_CHARS = 32
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def article_urn(article_id: int) -> str:
    return f"urn:factdesk:article:{article_id}"


def articles_with_text(conn: Connection, article_ids: Sequence[int]) -> Iterator[Any]:
    stmt = select(
        col(Article.id),
        col(Article.title),
        col(Article.published),
        col(Article.source),
        col(Article.url),
        col(Article.text),
    ).order_by(col(Article.id))
    if article_ids:
        stmt = stmt.where(col(Article.id).in_(list(article_ids)))
    yield from conn.execute(stmt)


def mentions_of(conn: Connection, article_id: int, states: Sequence[str]) -> list[Any]:
    stmt = (
        select(
            col(Mention.id),
            col(Mention.start),
            col(Mention.end),
            col(Mention.label),
            col(Mention.text),
            col(Mention.state),
            col(Mention.entity_id),
            col(Mention.origin),
        )
        .where(col(Mention.article_id) == article_id)
        .order_by(col(Mention.start), col(Mention.id))
    )
    if states:
        stmt = stmt.where(col(Mention.state).in_(list(states)))
    return list(conn.execute(stmt))


def export_jsonl(
    conn: Connection,
    out: TextIO,
    *,
    states: Sequence[str] = DECIDED,
    article_ids: Sequence[int] = (),
) -> int:
    """One line per article: {"text", "meta", "spans": [{"start", "end", "label", ...}]}."""
    count = 0
    for aid, title, published, source, url, body in articles_with_text(conn, article_ids):
        spans = [
            {
                "start": s,
                "end": e,
                "label": lab,
                "text": t,
                "state": st,
                "entity_id": ent,
                "id": mid,
            }
            for mid, s, e, lab, t, st, ent, _origin in mentions_of(conn, aid, states)
        ]
        meta = {
            "id": aid,
            "title": title,
            "published": published.isoformat() if published else None,
            "source": source,
            "url": url,
        }
        out.write(
            json.dumps({"text": body, "meta": meta, "spans": spans}, ensure_ascii=False) + "\n"
        )
        count += 1
    return count


def _selectors(body: str, start: int, end: int) -> list[dict[str, Any]]:
    return [
        {
            "type": "TextQuoteSelector",
            "exact": body[start:end],
            "prefix": body[max(0, start - CONTEXT_CHARS) : start],
            "suffix": body[end : end + CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def w3c_annotations(
    conn: Connection, *, states: Sequence[str] = DECIDED, article_ids: Sequence[int] = ()
) -> dict[str, Any]:
    """An AnnotationCollection of the highlights and the facts' evidence quotes."""
    items: list[dict[str, Any]] = []
    for aid, _title, _published, _source, url, body in articles_with_text(conn, article_ids):
        source = url or article_urn(aid)
        for mid, s, e, label, _t, state, ent, origin in mentions_of(conn, aid, states):
            bodies: list[dict[str, Any]] = [
                {"type": "TextualBody", "purpose": "tagging", "value": label}
            ]
            if ent is not None:
                bodies.append(
                    {
                        "type": "SpecificResource",
                        "purpose": "identifying",
                        "source": f"urn:factdesk:entity:{ent}",
                    }
                )
            items.append(
                {
                    "id": f"urn:factdesk:mention:{mid}",
                    "type": "Annotation",
                    "motivation": "tagging",
                    "body": bodies,
                    "target": {"source": source, "selector": _selectors(body, s, e)},
                    "factdesk:state": state,
                    "factdesk:origin": origin,
                }
            )
        evidence = conn.execute(
            select(
                col(Evidence.id),
                col(Evidence.start),
                col(Evidence.end),
                col(Fact.predicate),
                col(Fact.kind),
                col(Fact.id),
            )
            .join(Fact, col(Fact.id) == col(Evidence.fact_id))
            .where(col(Evidence.article_id) == aid)
            .order_by(col(Evidence.id))
        )
        for eid, s, e, predicate, kind, fid in evidence:
            items.append(
                {
                    "id": f"urn:factdesk:evidence:{eid}",
                    "type": "Annotation",
                    "motivation": "describing",
                    "body": [
                        {
                            "type": "TextualBody",
                            "purpose": "describing",
                            "value": predicate or kind,
                        },
                        {
                            "type": "SpecificResource",
                            "purpose": "linking",
                            "source": f"urn:factdesk:fact:{fid}",
                        },
                    ],
                    "target": {"source": source, "selector": _selectors(body, s, e)},
                }
            )
    return {
        "@context": W3C_CONTEXT,
        "id": "urn:factdesk:export:" + utcnow().strftime("%Y%m%dT%H%M%S"),
        "type": "AnnotationCollection",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }


# ----- bringing spans back ------------------------------------------------------------
@dataclass(frozen=True)
class IncomingSpan:
    """A span to attach: where it was, what it said, and its context then."""

    article_hint: str
    start: int
    end: int
    label: str
    exact: str
    prefix: str = ""
    suffix: str = ""
    state: str = MentionState.ACCEPTED.value


@dataclass
class AnchorReport:
    attached: int = 0
    moved: int = 0
    already: int = 0
    orphaned: list[str] = field(default_factory=list)


def anchor(body: str, span: IncomingSpan) -> int | None:
    """The start of the span in ``body``: at its offsets if the quote is still there,
    else the occurrence of the quote whose context matches best (prefix/suffix); None if
    the quote is gone or its context fits no occurrence better than another."""
    if span.exact and body[span.start : span.end] == span.exact:
        return span.start
    if not span.exact:
        return None
    found = []
    at = body.find(span.exact)
    while at != -1:
        before = body[max(0, at - len(span.prefix)) : at]
        after = body[at + len(span.exact) : at + len(span.exact) + len(span.suffix)]
        score = _common_suffix(before, span.prefix) + _common_prefix(after, span.suffix)
        found.append((score, -abs(at - span.start), at))
        at = body.find(span.exact, at + 1)
    if not found:
        return None
    found.sort(reverse=True)
    if len(found) > 1 and found[0][0] == found[1][0] and found[0][0] < 4:
        return None  # two equally likely places and little context: do not guess
    if len(found) == 1 or found[0][0] > 0:
        return found[0][2]
    return None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def read_jsonl(fh: TextIO) -> Iterator[IncomingSpan]:
    for number, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            body, meta = record["text"], record.get("meta", {})
            hint = str(meta.get("id") or meta.get("url") or "")
            for s in record.get("spans", []):
                start, end = int(s["start"]), int(s["end"])
                yield IncomingSpan(
                    hint,
                    start,
                    end,
                    str(s["label"]),
                    body[start:end],
                    body[max(0, start - CONTEXT_CHARS) : start],
                    body[end : end + CONTEXT_CHARS],
                    str(s.get("state") or MentionState.ACCEPTED.value),
                )
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreError(
                f"Line {number} is not a span record ({exc}); nothing was imported."
            ) from exc


def read_w3c(data: dict[str, Any]) -> Iterator[IncomingSpan]:
    items = data.get("first", {}).get("items", []) if "first" in data else data.get("items", [data])
    for item in items:
        if item.get("motivation") != "tagging":
            continue
        target = item.get("target", {})
        selectors = {s.get("type"): s for s in target.get("selector", [])}
        quote = selectors.get("TextQuoteSelector", {})
        position = selectors.get("TextPositionSelector", {})
        label = next(
            (b["value"] for b in item.get("body", []) if b.get("purpose") == "tagging"), None
        )
        if not label or "exact" not in quote:
            continue
        source = str(target.get("source", ""))
        yield IncomingSpan(
            source.removeprefix("urn:factdesk:article:"),
            int(position.get("start", -1)),
            int(position.get("end", -1)),
            label,
            quote["exact"],
            quote.get("prefix", ""),
            quote.get("suffix", ""),
            str(item.get("factdesk:state") or MentionState.ACCEPTED.value),
        )


def attach_spans(conn: Connection, spans: Sequence[IncomingSpan], *, origin: str) -> AnchorReport:
    """Attach spans to the articles they name (by id or URL), in the caller's transaction."""
    report = AnchorReport()
    texts: dict[str, tuple[int, str] | None] = {}
    for span in spans:
        if span.article_hint not in texts:
            texts[span.article_hint] = _find_article(conn, span.article_hint)
        found = texts[span.article_hint]
        where = f"{span.label} “{span.exact}” (article {span.article_hint or '?'})"
        if found is None:
            report.orphaned.append(f"{where}: no such article in the store")
            continue
        aid, body = found
        start = anchor(body, span)
        if start is None:
            report.orphaned.append(f"{where}: its text is not in the article any more")
            continue
        end = start + len(span.exact)
        exists = conn.execute(
            select(col(Mention.id)).where(
                col(Mention.article_id) == aid,
                col(Mention.start) == start,
                col(Mention.end) == end,
                col(Mention.label) == span.label,
            )
        ).first()
        if exists:
            report.already += 1
            continue
        conn.execute(
            Mention.__table__.insert().values(  # type: ignore[attr-defined]
                article_id=aid,
                start=start,
                end=end,
                text=body[start:end],
                label=span.label,
                origin=origin,
                state=span.state,
                updated_at=utcnow(),
            )
        )
        report.attached += 1
        report.moved += start != span.start
    return report


def _find_article(conn: Connection, hint: str) -> tuple[int, str] | None:
    stmt = select(col(Article.id), col(Article.text))
    stmt = (
        stmt.where(col(Article.id) == int(hint))
        if hint.isdigit()
        else stmt.where(col(Article.url) == hint)
    )
    row = conn.execute(stmt).first()
    return (row[0], row[1]) if row and row[0] is not None else None
