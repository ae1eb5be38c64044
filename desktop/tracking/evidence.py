"""Evidence side by side: the article that stated an expectation next to a candidate
article that may settle it, each with the passage to read (the expectation's sentence;
the sentence that supports the proposed outcome), and the update check's reasons in
plain words, the window slack stated when it was used."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from db.facts import evidence_of
from db.followups import FollowUpRow
from db.store import Store
from db.workspace import article_texts
from desktop.tracking.updates import WINDOW_SLACK, Candidate


@dataclass(frozen=True)
class Side:
    article_id: int
    title: str
    published: date | None
    source: str
    text: str
    start: int
    """The marked passage, [start, end) in ``text`` (equal: nothing to mark)."""
    end: int

    @property
    def passage(self) -> str:
        return self.text[self.start : self.end]


@dataclass(frozen=True)
class SideBySide:
    expectation: Side
    candidate: Side
    proposes: str
    reasons: list[str]


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _published(day: date, row: FollowUpRow) -> str:
    """Where the publication falls against the window, the slack named when it was used."""
    start, end = row.due_start, row.due_end
    slack = f" (within the {WINDOW_SLACK.days}-day slack)"
    if start is not None and day < start:
        return f"published {_days((start - day).days)} before the window opened{slack}"
    if end is not None and day > end:
        return f"published {_days((day - end).days)} after the window closed{slack}"
    if start is not None:
        return f"published {_days((day - start).days)} after the window opened"
    return "published within the window"


def plain_reasons(candidate: Candidate, row: FollowUpRow) -> list[str]:
    """The update check's reasons as an analyst reads them ("names 4 of the same
    participants", "says it was signed", "strong word match")."""
    out: list[str] = []
    for reason in candidate.reasons:
        if reason.startswith("shares "):
            names = reason.removeprefix("shares ").split(", ")
            out.append(f"names {len(names)} of the same participants ({', '.join(names)})")
        elif reason.startswith("speaks of the event: "):
            out.append(f"speaks of the same event ({reason.split(': ', 1)[1]})")
        elif reason.startswith("published ") and candidate.published is not None:
            out.append(_published(candidate.published, row))
        elif reason.startswith("mentions "):
            out.append(f"mentions a date in the window ({reason.removeprefix('mentions ')})")
        elif reason.startswith("full-text rank "):
            rank = float(reason.rsplit(" ", 1)[1])
            strength = "strong" if rank >= 2 else "some" if rank >= 0.5 else "weak"
            out.append(f"{strength} word match")
        elif reason.startswith("reports it done"):
            event = row.lemma or "done"
            out.append(f"says it was {_past(event)}")
        elif reason.startswith("reports a delay"):
            out.append("says it was delayed" + reason.removeprefix("reports a delay"))
        elif reason.startswith("reports it did not happen"):
            out.append("says it did not happen")
        elif reason.startswith("reports it cancelled"):
            out.append("says it was cancelled")
        else:
            out.append(reason)
    return out


_IRREGULAR = {"begin": "begun", "take": "taken", "hold": "held", "meet": "met", "sign": "signed"}


def _past(lemma: str) -> str:
    """A rough past participle for "says it was …" (``done`` when unsure)."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if not re.fullmatch(r"[a-z]+", lemma):
        return "done"
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the sentence that holds it (the expectation's evidence may be
    a clause or a time expression)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_stop = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_stop) + 1 if right_stop else len(text)
    return (left + 1 if left >= 0 else 0), right


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _shared(candidate: Candidate) -> list[str]:
    for reason in candidate.reasons:
        if reason.startswith("shares "):
            return reason.removeprefix("shares ").split(", ")
    return []


def side_by_side(store: Store, row: FollowUpRow, candidate: Candidate) -> SideBySide:
    """Both articles with their passages marked, for one follow-up and one candidate."""
    with store.engine.connect() as conn:
        span = evidence_of(conn, row.fact_id)
    source_id, start, end = span if span is not None else (row.source_article_id, 0, 0)
    with store.session() as session:
        texts = article_texts(session, [source_id, candidate.article_id])
    title, published, source, text = texts[source_id]
    if end > start:
        start, end = _trim(text, *_sentence_around(text, start, end))
    expectation = Side(source_id, title, published, source, text, start, end)
    c_title, c_published, c_source, c_text = texts[candidate.article_id]
    passage = candidate.passage or candidate.quote
    at = c_text.find(passage) if passage else -1
    if at >= 0:
        c_start, c_end = at, at + len(passage)
    else:  # no sentence states an outcome: the first that names a shared participant
        named = [c_text.find(n) for n in _shared(candidate) if c_text.find(n) >= 0]
        first = min(named, default=-1)
        c_start, c_end = (
            _trim(c_text, *_sentence_around(c_text, first, first + 1)) if first >= 0 else (0, 0)
        )
    other = Side(candidate.article_id, c_title, c_published, c_source, c_text, c_start, c_end)
    proposes = (candidate.proposed_state or "").replace("_", " ")
    return SideBySide(expectation, other, proposes, plain_reasons(candidate, row))
