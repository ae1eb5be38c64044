"""Checking later articles for what settles an open follow-up.

Each open follow-up is matched against articles published after its source article (and
by ``as_of``): the entities they share (names, aliases, demonyms, capitals), the event's
words by stem, the dates the candidate mentions against the due window, and the FTS5 rank
when the whole archive is searched. Each candidate carries the reasons it ranked and, where
the text is explicit, a proposed outcome. Nothing is resolved here: the analyst confirms.

After an import only the new articles are candidates, so the cost grows with new articles
times open follow-ups, not with the archive.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select, text
from sqlmodel import Session, col

from db.followups import FollowUpRow, followup_rows
from db.fts import FTS_TABLE, any_of, has_fts
from db.gazetteer import CAPITALS, DEMONYMS
from db.models import Alias, Article, FactRole, FollowUpState, Mention
from db.store import Store
from desktop.tracking.terms import (
    DELAY_CUES,
    DENIAL_CUES,
    FUTURE_BEFORE,
    NEGATION,
    content_stems,
    is_past_form,
    stem,
    words,
)

SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
WINDOW_SLACK = timedelta(days=7)
ARCHIVE_CANDIDATES = 200
WEIGHTS = {"entity": 2.0, "term": 1.0, "published_in_window": 1.5, "mentions_window": 1.0}
OUTCOME_BONUS = {"happened": 3.0, "postponed": 2.5, "did_not_happen": 2.5, "pending": -1.0}
MIN_SCORE = 3.0


@dataclass
class Candidate:
    article_id: int
    title: str
    published: date | None
    score: float
    proposed_state: str | None
    proposed_window: tuple[date | None, date | None] | None
    reasons: list[str]
    quote: str = ""

    def as_json(self) -> dict[str, object]:
        window = self.proposed_window
        return {
            "article_id": self.article_id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "score": round(self.score, 2),
            "proposed_state": self.proposed_state,
            "proposed_window": [d.isoformat() if d else None for d in window] if window else None,
            "reasons": self.reasons,
            "quote": self.quote,
        }


@dataclass
class FollowUpCandidates:
    followup: FollowUpRow
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class _Article:
    id: int
    title: str
    published: date | None
    text: str
    lowered: str
    stems: set[str]
    times: list[tuple[int, int, str, date | None, date | None]]
    """(start, end, value, value_start, value_end) of its temporal highlights."""
    _sentences: list[_Sentence] | None = None

    @property
    def sentences(self) -> list[_Sentence]:
        """Split and stemmed once per article, however many follow-ups look at it."""
        if self._sentences is None:
            self._sentences = []
            for match in SENTENCE.finditer(self.text):
                tokens = words(match.group())
                stems = [stem(t) for t in tokens]
                lowered = match.group().lower()
                self._sentences.append(
                    _Sentence(match.start(), match.end(), match.group(), lowered, tokens, stems)
                )
        return self._sentences


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    lowered: str
    tokens: list[str]
    stems: list[str]


@dataclass
class _Target:
    row: FollowUpRow
    names: dict[str, str]
    """Surface form (lower case) -> the participant it stands for."""
    terms: set[str]
    events: set[str]
    """Stems of the event's verb (and its noun): 'sign', 'begin', 'deliver'."""


def _surface_forms(name: str) -> set[str]:
    forms = {name.lower()}
    forms |= {adj for adj, country in DEMONYMS.items() if country == name}
    forms |= {city.lower() for city, country in CAPITALS.items() if country == name}
    if name.endswith("s") and len(name) > 4:
        forms.add(name[:-1].lower())
    return forms


def _target(session: Session, row: FollowUpRow) -> _Target:
    names: dict[str, str] = {}
    roles = session.execute(
        select(col(FactRole.literal), col(FactRole.entity_id)).where(
            col(FactRole.fact_id) == row.fact_id
        )
    ).all()
    entity_ids = [eid for _lit, eid in roles if eid is not None]
    aliases = (
        session.execute(
            select(col(Alias.entity_id), col(Alias.alias)).where(
                col(Alias.entity_id).in_(entity_ids)
            )
        ).all()
        if entity_ids
        else []
    )
    for participant in row.participants:
        for form in _surface_forms(participant):
            names.setdefault(form, participant)
    for _eid, alias in aliases:
        names.setdefault(alias.lower(), alias)
    predicate = row.predicate.removeprefix("not ").split()
    events = {stem(predicate[0])} if predicate else set()
    name_stems = {stem(w) for n in names for w in words(n)}
    terms = (content_stems(row.question) | {stem(w) for w in predicate}) - name_stems
    if predicate and len(predicate) > 1:
        events.add(stem(predicate[-1]))
    for w in words(row.question):
        if w.lower().endswith(("ies", "ery", "ment")):
            events.add(stem(w))  # the event as a noun: "deliveries" for "deliver"
    return _Target(row, names, terms, events)


def _load_articles(session: Session, ids: Sequence[int]) -> dict[int, _Article]:
    out: dict[int, _Article] = {}
    if not ids:
        return out
    for aid, title, published, body in session.execute(
        select(
            col(Article.id), col(Article.title), col(Article.published), col(Article.text)
        ).where(col(Article.id).in_(ids))
    ):
        out[aid] = _Article(aid, title, published, body, body.lower(), content_stems(body), [])
    for aid, start, end, value, vstart, vend in session.execute(
        select(
            col(Mention.article_id),
            col(Mention.start),
            col(Mention.end),
            col(Mention.value),
            col(Mention.value_start),
            col(Mention.value_end),
        ).where(col(Mention.article_id).in_(ids), col(Mention.value).is_not(None))
    ):
        out[aid].times.append((start, end, value, vstart, vend))
    return out


def _has_form(lowered: str, form: str) -> bool:
    if form not in lowered:
        return False
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", lowered) is not None


def _outcome(
    target: _Target, article: _Article
) -> tuple[str | None, tuple[date | None, date | None] | None, str]:
    """(state, new window, quote) from the most explicit sentence about the event."""
    best: tuple[int, str | None, tuple[date | None, date | None] | None, str] = (0, None, None, "")
    for sent in article.sentences:
        tokens, stems, lowered = sent.tokens, sent.stems, sent.lowered
        hits = [i for i, s in enumerate(stems) if s in target.events]
        if not hits:
            continue
        about = any(_has_form(lowered, form) for form in target.names) or any(
            s in target.terms for s in stems
        )
        if not about:
            continue
        state: str | None = None
        strength = 0
        if any(cue in lowered for cue in DELAY_CUES):
            state, strength = "postponed", 3
        elif any(cue in lowered for cue in DENIAL_CUES):
            state, strength = "did_not_happen", 3
        else:
            for i in hits:
                before = {t.lower() for t in tokens[max(0, i - 3) : i]}
                if before & NEGATION:
                    state, strength = "did_not_happen", 3
                    break
                if before & FUTURE_BEFORE:
                    if strength < 1:
                        state, strength = "pending", 1
                    continue
                if is_past_form(tokens[i]) or before & {"has", "have", "had"}:
                    state, strength = "happened", 2
                    break
        if strength > best[0]:
            window = _window_in(article, sent.start, sent.end) if state == "postponed" else None
            best = (strength, state, window, sent.text.strip())
    return best[1], best[2], best[3]


def _window_in(article: _Article, start: int, end: int) -> tuple[date | None, date | None] | None:
    ends = [
        (vend, vstart)
        for s, e, _value, vstart, vend in article.times
        if start <= s and e <= end and vend is not None
    ]
    if not ends:
        return None
    latest_end, _ = max(ends)
    return article.published, latest_end


def _score(target: _Target, article: _Article, fts_rank: float | None) -> Candidate | None:
    row = target.row
    reasons: list[str] = []
    shared = sorted({p for form, p in target.names.items() if _has_form(article.lowered, form)})
    if not shared:
        return None
    matched = sorted(target.terms & article.stems)
    score = WEIGHTS["entity"] * min(len(shared), 5) + WEIGHTS["term"] * min(len(matched), 5)
    if shared:
        reasons.append("shares " + ", ".join(shared))
    if matched:
        reasons.append("matches the words " + ", ".join(matched))
    if row.due_start or row.due_end:
        low = (row.due_start or row.source_published or date.min) - WINDOW_SLACK
        high = (row.due_end or date.max) + WINDOW_SLACK
        if article.published and low <= article.published <= high:
            score += WEIGHTS["published_in_window"]
            reasons.append(f"published {article.published}, within the due window")
        in_window = [
            v
            for _s, _e, v, vs, ve in article.times
            if vs
            and ve
            and row.due_start
            and row.due_end
            and vs <= row.due_end
            and ve >= row.due_start
            and not v.endswith("_REF")
        ]
        if in_window:
            score += WEIGHTS["mentions_window"]
            reasons.append("mentions " + ", ".join(dict.fromkeys(in_window)))
    if fts_rank is not None:
        score += min(1.0, -fts_rank / 10)
        reasons.append(f"full-text rank {-fts_rank:.1f}")
    state, window, quote = _outcome(target, article)
    if state is not None:
        score += OUTCOME_BONUS[state]
        reasons.append(
            {
                "happened": "reports it done",
                "postponed": "reports a delay",
                "did_not_happen": "reports it did not happen",
                "pending": "still speaks of it as expected",
            }[state]
        )
    if score < MIN_SCORE:
        return None
    proposed = state if state != "pending" else None
    return Candidate(
        article.id,
        article.title,
        article.published,
        score,
        proposed,
        window if proposed == "postponed" else None,
        reasons,
        quote if proposed else "",
    )


def _archive_candidates(
    session: Session, target: _Target, as_of: date, limit: int
) -> dict[int, float | None]:
    row = target.row
    after = row.source_published or date.min
    if has_fts(session.connection()):
        query = any_of([*target.names, *target.terms])
        if not query:
            return {}
        found = session.execute(
            text(
                f"SELECT a.id, bm25({FTS_TABLE}) AS rank FROM {FTS_TABLE} "
                f"JOIN article a ON a.id = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH :q AND a.published > :after AND a.published <= :as_of "
                "ORDER BY rank LIMIT :limit"
            ),
            {"q": query, "after": after.isoformat(), "as_of": as_of.isoformat(), "limit": limit},
        ).all()
        return {int(aid): float(rank) for aid, rank in found}
    ids = session.execute(
        select(col(Article.id)).where(
            col(Article.published) > after, col(Article.published) <= as_of
        )
    ).scalars()
    return dict.fromkeys(ids)


def check_updates(
    store: Store,
    *,
    as_of: date | None = None,
    new_article_ids: Sequence[int] | None = None,
    followup_ids: Sequence[int] | None = None,
    limit: int = 5,
) -> list[FollowUpCandidates]:
    """Ranked candidates for each open follow-up (best first)."""
    as_of = as_of or date.today()
    results: list[FollowUpCandidates] = []
    with store.session() as session:
        rows = [
            r
            for r in followup_rows(
                session, as_of=as_of, ids=list(followup_ids) if followup_ids else None
            )
            if r.state == FollowUpState.OPEN.value
        ]
        cache: dict[int, _Article] = {}
        new_ids = list(new_article_ids) if new_article_ids is not None else None
        if new_ids is not None:
            cache.update(_load_articles(session, new_ids))
        for row in rows:
            target = _target(session, row)
            if new_ids is not None:
                pool: dict[int, float | None] = {
                    aid: None
                    for aid, art in cache.items()
                    if art.published
                    and art.published > (row.source_published or date.min)
                    and art.published <= as_of
                }
            else:
                pool = _archive_candidates(session, target, as_of, ARCHIVE_CANDIDATES)
                missing = [aid for aid in pool if aid not in cache]
                cache.update(_load_articles(session, missing))
            scored = [
                c
                for aid, rank in pool.items()
                if (c := _score(target, cache[aid], rank)) is not None
            ]
            scored.sort(key=lambda c: (-c.score, c.published or date.min, c.article_id))
            results.append(FollowUpCandidates(row, scored[:limit]))
    return results
