"""Expectations: statements that something will, is expected to, or is planned to happen.

Found on the dependency parse: a future auxiliary ("will sign"), an expectation verb or
adjective with an infinitive ("is expected to be signed", "plans to buy", "is likely to
meet"), or a plan noun with one ("India's plan to buy"). Reports of what already happened
carry none of these and are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from db.gazetteer import DEMONYMS
from desktop.nlp.tense import FUTURE_AUX, NOUN_CUES
from desktop.nlp.timex import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

VERB_CUES = {
    "expect", "plan", "schedule", "set", "hope", "intend", "aim", "slate", "poise", "prepare",
    "propose", "anticipate", "promise", "pledge", "vow", "project", "go",
}  # fmt: skip
ADJ_CUES = {
    "likely",
    "due",
    "set",
    "poised",
    "slated",
    "expected",
    "scheduled",
    "unlikely",
    "about",
    "bound",
}
REPORT_VERBS = {
    "say",
    "tell",
    "report",
    "announce",
    "state",
    "claim",
    "add",
    "note",
    "confirm",
    "write",
    "quote",
}
ENTITY_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "PRODUCT",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
}
VAGUE_REVIEW = timedelta(days=182)
GEO_LABELS = {"GPE", "NORP"}
ITEM_LABELS = {"PRODUCT", "WEAPON_SYSTEM"}


@dataclass
class Participant:
    name: str
    label: str
    role: str
    start: int
    end: int


@dataclass
class Expectation:
    start: int
    end: int
    text: str
    predicate: str
    question: str
    participants: list[Participant] = field(default_factory=list)
    attributed_to: str | None = None
    due_start: date | None = None
    due_end: date | None = None
    review_date: date | None = None
    value: str | None = None
    negated: bool = False


@dataclass(frozen=True)
class _Context:
    """What every expectation in one doc is read against (``doc.text`` is rebuilt on
    each access, so it is taken once here)."""

    doc: Doc
    text: str
    ents: list[Span]
    anchor: date
    times: list[TimeMention]


@dataclass(frozen=True)
class TimeMention:
    """A resolved temporal expression, as the caller found it in the doc."""

    start: int
    end: int
    text: str
    timex: Timex | None


CUE_POS = {"VERB", "AUX", "ADJ", "NOUN"}


def _cue_and_event(token: Token) -> tuple[Token, Token] | None:
    """(cue, event) if this token opens an expectation."""
    if token.pos_ not in CUE_POS or token.n_rights + token.n_lefts == 0:
        return None
    children = list(token.children)
    xcomp = next(
        (c for c in children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}), None
    )
    if token.pos_ in {"VERB", "AUX"}:
        aux = [c for c in children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in FUTURE_AUX for a in aux):
            return next(a for a in aux if a.lower_ in FUTURE_AUX), token
        if any(a.lower_ == "going" for a in aux) and xcomp is not None:
            return token, xcomp
        cue_verb = token.lemma_.lower() in VERB_CUES and token.lemma_.lower() != "go"
        if cue_verb and xcomp is not None and any(c.lower_ == "to" for c in xcomp.children):
            return token, xcomp
    if token.pos_ == "ADJ" and token.lower_ in ADJ_CUES and xcomp is not None:
        return token, xcomp
    if token.pos_ == "NOUN" and token.lower_ in NOUN_CUES:
        event = next(
            (c for c in children if c.dep_ in {"acl", "relcl", "xcomp"} and c.pos_ == "VERB"),
            None,
        )
        if event is not None and any(c.lower_ == "to" for c in event.children):
            return token, event
    return None


def _clause_head(cue: Token, event: Token) -> Token:
    """The verb or adjective whose subtree is the expectation's clause."""
    head = cue if cue.dep_ not in {"aux", "auxpass"} else cue.head
    if head.dep_ in {"acomp", "attr"} and head.head.pos_ in {"AUX", "VERB"}:
        head = head.head
    return head


def _subject(head: Token, event: Token) -> tuple[Token | None, bool]:
    """The event's subject, and whether the event itself is passive ("to be signed").

    With raising verbs the subject sits on the cue: in "deliveries are expected to begin"
    it is the deliveries that begin, actively."""
    passive = event.dep_ != "ROOT" and any(c.dep_ == "auxpass" for c in event.children)
    if event.dep_ == "ROOT" or event is head:
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in event.children)
    for t in (event, head):
        for c in t.children:
            if c.dep_ in {"nsubjpass", "nsubj", "expl"}:
                return c, passive
    if head.pos_ == "NOUN":
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        return poss, False
    return None, False


def _phrase(token: Token, drop_det: bool = True) -> str:
    words = [
        t.text
        for t in token.subtree
        if not (drop_det and t.dep_ == "det" and t.i == token.left_edge.i)
        and t.dep_ not in {"punct", "case"}
        and t.dep_ not in {"relcl", "acl"}
    ]
    return " ".join(words)


def _canonical(name: str, label: str) -> tuple[str, str]:
    if label == "NORP" and name.lower() in DEMONYMS:
        return DEMONYMS[name.lower()], "GPE"
    return name, label


def _entities_in(ents: list[Span], start: int, end: int) -> list[Span]:
    return [e for e in ents if e.start_char >= start and e.end_char <= end]


def _role(ent: Span, subject: Token | None, passive: bool, event: Token) -> str:
    ancestors = {a.i for a in ent.root.ancestors} | {ent.root.i}
    if subject is not None and subject.i in ancestors:
        return "item" if passive else "agent"
    for c in event.children:
        if c.dep_ in {"dobj", "attr", "oprd"} and c.i in ancestors:
            return "item"
    return "participant"


def _participants(
    ents: list[Span],
    previous: Span | None,
    span: tuple[int, int],
    subject: Token | None,
    passive: bool,
    event: Token,
) -> list[Participant]:
    found: dict[str, Participant] = {}
    for ent in _entities_in(ents, *span):
        name, label = _canonical(ent.text, ent.label_)
        key = name.casefold()
        if key not in found:
            found[key] = Participant(
                name, label, _role(ent, subject, passive, event), ent.start_char, ent.end_char
            )
    theme = subject if passive else next((c for c in event.children if c.dep_ == "dobj"), None)
    definite = theme is not None and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in theme.children
    )
    has_item = any(p.label in ITEM_LABELS for p in found.values())
    if definite and not has_item and previous is not None:
        # "The final contract is expected...": the contract was named in the sentence before.
        for ent in _entities_in(ents, previous.start_char, previous.end_char):
            name, label = _canonical(ent.text, ent.label_)
            if label in GEO_LABELS | ITEM_LABELS | {"ORG"} and name.casefold() not in found:
                found[name.casefold()] = Participant(
                    name, label, "context", ent.start_char, ent.end_char
                )
    return list(found.values())


def _attribution(doc: Doc, ents: list[Span], sent: Span) -> str | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            target = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if target is not None:
                return _phrase(target, drop_det=False)
        if t.lemma_ in REPORT_VERBS and t.pos_ == "VERB":
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                named = [e for e in ents if e.start <= subject.i < e.end]
                return named[0].text if named else _phrase(subject, drop_det=False)
    if any(t.lower_ == "reportedly" for t in sent):
        return "unnamed reports"
    return None


def _due(
    ctx: _Context, head: Token, sent: Span
) -> tuple[date | None, date | None, date | None, str | None]:
    """(due_start, due_end, review_date, value) from the clause's time expressions."""
    anchor, doc = ctx.anchor, ctx.doc
    subtree = {t.i for t in head.subtree}
    in_clause = []
    for tm in ctx.times:
        if tm.timex is None or not (sent.start_char <= tm.start and tm.end <= sent.end_char):
            continue
        span = doc.char_span(tm.start, tm.end, alignment_mode="expand")
        inside = span is not None and span.root.i in subtree
        in_clause.append((0 if inside else 1, tm))
    in_clause.sort(key=lambda pair: (pair[0], pair[1].start))
    for _, tm in in_clause:
        timex = tm.timex
        assert timex is not None
        before = ctx.text[max(0, tm.start - 8) : tm.start].lower().split()
        word = before[-1] if before else ""
        if timex.granularity == "duration" and timex.start is None and word in {"in", "within"}:
            amount = _duration_delta(timex.value)
            if amount is None:
                continue
            target = anchor + amount
            if word == "within":
                return anchor, target, None, timex.value
            start = target.replace(day=1)
            return start, start + relativedelta(months=1, days=-1), None, timex.value
        if timex.granularity in {"future_ref", "present_ref"}:
            return None, None, anchor + VAGUE_REVIEW, timex.value
        if timex.start is not None and timex.end is not None and timex.end >= anchor:
            if word in {"by", "before", "until"}:
                return anchor, timex.end, None, timex.value
            return max(timex.start, anchor), timex.end, None, timex.value
    return None, None, anchor + VAGUE_REVIEW, None


def _duration_delta(value: str) -> relativedelta | None:
    if not value.startswith("P") or value.startswith("PT") or "X" in value:
        return None
    try:
        amount, unit = int(value[1:-1]), value[-1]
    except ValueError:
        return None
    return {
        "Y": relativedelta(years=amount),
        "M": relativedelta(months=amount),
        "W": relativedelta(weeks=amount),
        "D": relativedelta(days=amount),
    }.get(unit)


def _question(
    event: Token, subject: Token | None, passive: bool, participants: list[Participant], text: str
) -> str:
    geo = [p.name for p in participants if p.label == "GPE"][:2]
    items = [p.name for p in participants if p.label in ITEM_LABELS][:1]
    if event.lemma_ == "be" and subject is not None:
        return f"Did the {_phrase(subject).lower()} take place?"
    if passive and subject is not None:
        theme = subject.text if subject.pos_ != "PROPN" else _phrase(subject)
        qualifier = " ".join(filter(None, ["–".join(geo), *items]))
        noun = " ".join(filter(None, [qualifier, theme]))
        verb = "Were" if subject.tag_ in {"NNS", "NNPS"} else "Was"
        return f"{verb} the {noun} {event.text}?"
    obj = next((c for c in event.children if c.dep_ == "dobj"), None)
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ not in {"we", "they"}:
        return f"Did this happen: “{text}”?"
    agent = subject if subject is not None and subject.pos_ != "PRON" else None
    who = _phrase(agent, drop_det=False) if agent is not None else (geo[0] if geo else "it")
    if agent is not None and agent.left_edge.pos_ in {"DET", "NOUN"}:
        who = who[:1].lower() + who[1:]
    who = who.removesuffix(" ’s").removesuffix(" 's").removesuffix("’s").removesuffix("'s")
    prt = " ".join(c.text for c in event.children if c.dep_ == "prt")
    what = " ".join(
        filter(None, [event.lemma_, prt, _phrase(obj, drop_det=False) if obj is not None else ""])
    )
    return f"Did {who} {what}?"


def _hypothetical(head: Token) -> bool:
    """Conditions and questions ("if we want to...") state no expectation."""
    for t in (head, *head.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in t.children):
            return True
    return False


def find_expectations(doc: Doc, anchor: date, times: list[TimeMention]) -> list[Expectation]:
    found: list[Expectation] = []
    used: set[int] = set()
    sentences = list(doc.sents)
    ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    ctx = _Context(doc, doc.text, ents, anchor, times)
    for number, sent in enumerate(sentences):
        for token in sent:
            opened = _cue_and_event(token)
            if opened is None or opened[1].i in used:
                continue
            used.add(opened[1].i)
            previous = sentences[number - 1] if number else None
            expectation = _expectation(ctx, sent, previous, *opened)
            if expectation is not None:
                found.append(expectation)
    return found


def _expectation(
    ctx: _Context,
    sent: Span,
    previous: Span | None,
    cue: Token,
    event: Token,
) -> Expectation | None:
    head = _clause_head(cue, event)
    subject, passive = _subject(head, event)
    if (event.lemma_ == "be" and subject is None) or _hypothetical(head):
        return None
    if subject is not None and subject.tag_ in {"WDT", "WP"}:
        return None  # "which had been expected to ...": a relative clause about the past
    if any(c.lower_ == "had" for c in head.children if c.dep_ in {"aux", "auxpass"}):
        return None  # a past expectation ("had been expected"), not a present one
    negated = any(c.dep_ == "neg" for c in (*head.children, *event.children))
    start = head.left_edge.idx
    last = head.right_edge
    end = last.idx + len(last.text)
    while end > start and ctx.text[end - 1] in ".;, \n\r\t":
        end -= 1
    participants = _participants(ctx.ents, previous, (start, end), subject, passive, event)
    due_start, due_end, review, value = _due(ctx, head, sent)
    text = ctx.text[start:end]
    obj = next((c for c in event.children if c.dep_ == "dobj"), None)
    theme = subject if passive else obj
    predicate = event.lemma_ if event.lemma_ != "be" or subject is None else subject.lemma_
    if theme is not None and event.lemma_ != "be":
        predicate = f"{predicate} {theme.lemma_}"
    if negated:
        predicate = f"not {predicate}"
    return Expectation(
        start=start,
        end=end,
        text=text,
        predicate=predicate,
        question=_question(event, subject, passive, participants, text),
        participants=participants,
        attributed_to=_attribution(ctx.doc, ctx.ents, sent),
        due_start=due_start,
        due_end=due_end,
        review_date=review,
        value=value,
        negated=negated,
    )
