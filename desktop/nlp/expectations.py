"""Expectations: statements that something will, is expected to, is planned or hoped to
happen, with the structured event they are about and the window they give.

Found on the dependency parse (see ``modality.read``): a future auxiliary ("will sign"),
an expectation verb or adjective with its infinitive ("is expected to be signed", "plans
to buy", "wants the handover to begin", "is likely to meet", "is on track to open"),
"is to" and "is going to", a reported "would", a headline's bare "to" ("Putin to visit"),
the simple present with a future date ("goes to the polls on Sunday"), a nominal event
with a schedule ("the vote is scheduled for March 15", "the next launch opportunity is on
September 2"), and a delay that names its new date ("deferred to October"). Not
expectations: hedges ("could", "might", "it is unclear when"), conditions ("if",
"unless", "should the vote fail"), questions, obligations ("has to", "must"), demands,
copulas and statements of value ("will be the largest", "will cost $4 billion"), and
expectations of the past ("had been expected to").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.nlp.frames import (
    Context,
    Frame,
    Participant,
    frame_of,
    lemma_of,
    phrase,
    theme_lemma,
    theme_text,
)
from desktop.nlp.frames import PLACEHOLDERS
from desktop.nlp.frames import _raised_subject as raised_subject
from desktop.nlp.frames import antecedent as frame_antecedent
from desktop.nlp.frames import participants as frame_participants
from desktop.nlp.modality import (
    ADJ_CUES,
    CUES,
    ONCE,
    REPORT_VERBS,
    Reading,
    read,
    reported_by,
    stative,
)
from desktop.nlp.questions import question
from desktop.nlp.timex import Timex
from desktop.nlp.timing import Due, due_for
from desktop.vocabulary import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

BLOCKING = {"hedged", "conditional", "question", "demanded", "obliged", "uncertain", "denied"}
SAYING = {"say", "tell", "insist", "claim", "add", "note", "warn", "explain"}
GENERIC_VERBS = {"do", "take", "get", "have", "make", "give", "go", "come", "put", "see", "keep"}
WEAK_DELAYS = {"move", "shift", "push"}
"""Delay words that only mean a delay with a new date ("moves to April 2021")."""
DATE_PREPS = {
    "on", "in", "for", "at", "by", "from", "around", "until", "before", "between", "to",
}  # fmt: skip

__all__ = ["Expectation", "Participant", "TimeMention", "find_expectations"]


@dataclass(frozen=True)
class TimeMention:
    """A resolved temporal expression, as the caller found it in the doc."""

    start: int
    end: int
    text: str
    timex: Timex | None


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
    lemma: str = ""
    groups: frozenset[str] = frozenset()
    theme: str = ""
    theme_lemma: str = ""
    modality: str = "expected"
    bound: str | None = None
    due_text: str | None = None
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    headline: bool = False
    nominal: bool = False
    anchor: int = -1
    """Where the word naming the event starts."""

    @property
    def dated(self) -> bool:
        return self.due_end is not None or self.due_start is not None

    @property
    def proposes(self) -> bool:
        """A follow-up is proposed for a dated expectation that the event happens (a
        plain "will not" states a slip or a doubt, and stays a fact)."""
        return self.dated and not self.negated


def _attribution(doc: Doc, ents: list[Span], sent: Span) -> str | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            target = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if target is not None:
                return phrase(target, drop_det=False)
        if t.lemma_ in REPORT_VERBS and t.pos_ == "VERB":
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                named = [e for e in ents if e.start <= subject.i < e.end]
                return named[0].text if named else phrase(subject, drop_det=False)
    if any(t.lower_ == "reportedly" for t in sent):
        return "unnamed reports"
    return None


def _nominal_subject(head: Token) -> Token | None:
    """The noun a schedule or a date is said of: "the vote is scheduled", "the launch is
    set for", "the next launch opportunity is on"."""
    for c in head.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}:
            return c
    if head.dep_ in {"acomp", "attr"}:
        return _nominal_subject(head.head)
    return None


def _has_date(token: Token, ctx: Context) -> bool:
    spans = [(tm.start, tm.end) for tm in ctx.times if tm.timex is not None]
    for c in token.children:
        tokens = [c] if c.dep_ in {"npadvmod", "attr", "dobj", "pobj"} else []
        if c.dep_ in {"prep", "agent"} and c.lower_ in DATE_PREPS:
            tokens = [x for x in c.children if x.dep_ == "pobj"]
        for t in tokens:
            if any(s <= t.idx < e for s, e in spans):
                return True
    return False


def _cue_tense(cue: Token) -> str:
    aux = {c.lower_ for c in cue.children if c.dep_ in {"aux", "auxpass"}}
    head_aux = cue.head if cue.dep_ in {"acomp", "attr"} else cue
    if head_aux is not cue:
        aux |= {head_aux.lower_} | {c.lower_ for c in head_aux.children if c.dep_ == "aux"}
    if aux & {"will", "shall", "'ll"}:
        return "future"
    if aux & {"had"} or ("would" in aux and "have" in aux):
        return "past_future"
    if cue.tag_ == "VBD" or aux & {"was", "were"}:
        once = any(c.lower_ in ONCE for c in cue.children)
        return "future_in_past" if reported_by(cue) is not None and not once else "past_future"
    return "future"


def _nominal_frame(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    """A schedule said of a noun: cue words with no verb to carry the event."""
    lemma = lemma_of(token)
    is_cue = (token.pos_ == "VERB" and lemma in CUES) or (
        token.pos_ == "ADJ" and token.lower_ in ADJ_CUES
    )
    is_copula = lemma == "be" and token.dep_ in {"ROOT", "ccomp", "conj"}
    if not (is_cue or is_copula):
        return None
    if is_copula and any(
        c.dep_ in {"attr", "acomp"} and c.ent_type_ not in {"DATE", "TIME"} for c in token.children
    ):
        return None  # "will be the first ...": a copula, not a date
    if any(c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"} for c in token.children):
        return None
    copula = token.head if token.dep_ in {"acomp", "attr"} else None
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
    noun = _nominal_subject(token) if (passive or token.pos_ == "ADJ" or is_copula) else None
    dated = _has_date(token, ctx) or (copula is not None and _has_date(copula, ctx))
    if not dated and noun is not None and noun.lemma_.lower() in PLACEHOLDERS:
        dated = any(in_time(c, ctx) for c in noun.children)  # "a June 2020 launch date"
    if not dated:
        return None
    if token.pos_ == "VERB" and not passive and not is_copula:
        noun = next(
            (
                x
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "for"
                for x in c.children
                if x.dep_ == "pobj"
            ),
            None,
        ) or _nearest_event_noun(token, ctx)
    if noun is None:
        return None
    if is_copula and not (ctx.lexicon.is_event_word(noun.lemma_) or _placeholder(noun, ctx)):
        return None
    from desktop.nlp.frames import _nominal

    frame = _nominal(noun, token, ctx, None)
    reading = read(token, ctx.in_headline(token))
    reading.tense = _cue_tense(token)
    reading.modality = (
        reading.modality
        if reading.modality in BLOCKING
        else (CUES.get(lemma) or ADJ_CUES.get(token.lower_) or "certain")
    )
    return frame, reading


STATES = {
    "open", "operational", "ready", "complete", "completed", "live", "available",
    "effective", "functional", "finished", "closed", "shut",
}  # fmt: skip
"""Adjectives of a state an event brings about: "the line will be fully open in December"."""


def _state_frame(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    if token.pos_ != "ADJ" or token.lower_ not in STATES or token.dep_ != "acomp":
        return None
    copula = token.head
    if lemma_of(copula) != "be" or any(c.dep_ == "xcomp" for c in token.children):
        return None
    subject = next((c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    subject = frame_antecedent(subject) or raised_subject(copula)
    if subject is None or subject.pos_ == "PRON":
        return None
    # its own group: "fully operational in 2019" is not the opening it follows
    frame = Frame(token.lower_, frozenset({token.lower_}), copula, copula, subject)
    frame.participants = frame_participants(frame, ctx)
    return frame, read(copula, ctx.in_headline(copula))


def _placeholder(noun: Token, ctx: Context) -> bool:
    return noun.lemma_.lower() in PLACEHOLDERS and any(
        c.dep_ in {"compound", "amod"} and ctx.lexicon.is_event_word(c.lemma_)
        for c in noun.children
    )


def _nearest_event_noun(token: Token, ctx: Context) -> Token | None:
    sent = token.sent
    nouns = [t for t in sent if t.pos_ == "NOUN" and ctx.lexicon.is_event_word(t.lemma_)]
    return min(nouns, key=lambda t: abs(t.i - token.i), default=None)


def in_time(token: Token, ctx: Context) -> bool:
    """Inside a time expression ("May 2018" is no modal verb)."""
    return token.ent_type_ in {"DATE", "TIME"} or any(
        tm.start <= token.idx < tm.end for tm in ctx.times
    )


def _verbal(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"aux", "auxpass"}:
        return None
    if in_time(token, ctx):
        return None
    if lemma_of(token) in CUES:
        return None  # the verb it governs carries the event, or its subject (nominal)
    if _says_that(token) or token.dep_ == "amod" or lemma_of(token) in SAYING:
        return None  # "concluded that ...": the clause is the event; "the delayed plan"
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and in_time(subject, ctx):
        return None  # "November 16 would offer a window": a date does nothing
    if any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in token.children) and (
        lexicon_outcome(token, ctx) is None
    ):
        return None  # "will have to live", "attempted to land": the lower verb carries it
    reading = read(token, ctx.in_headline(token))
    frame = frame_of(token, ctx)
    if frame.outcome is None and stative(token) and not frame.nominal:
        return None
    return frame, reading


def _says_that(token: Token) -> bool:
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in token.children
    )


def lexicon_outcome(token: Token, ctx: Context) -> str | None:
    lemma = lemma_of(token)
    return ctx.lexicon.outcome_of(lemma) or ("fail" if lemma == "fail" else None)


def _accept(frame: Frame, reading: Reading, due: Due, ctx: Context) -> bool:
    if reading.modality in BLOCKING or reading.no_longer:
        return False
    if frame.outcome in {"cancel", "fail"}:
        return False
    if not frame.groups or (
        "*" in frame.groups and (frame.theme is None or frame.theme.pos_ == "PRON")
    ):
        return False  # "delayed this to 2018": no event to expect
    if (
        frame.lemma.split()[0] in GENERIC_VERBS
        and (frame.theme is None or frame.theme.pos_ == "PRON")
        and not frame.nominal
    ):
        return False  # "want to do that", "will take it": no event named
    if frame.outcome == "postpone" and frame.verb.lemma_.lower() in WEAK_DELAYS and not due.dated:
        return False
    if frame.outcome == "postpone":
        # A delay that names its new date: the event is now expected then.
        if reading.tense == "past_future" or reading.negated:
            return False
        return due.dated and (due.end or due.start or ctx.anchor) > ctx.anchor
    if reading.tense == "past_future":
        return False
    if reading.tense == "future_in_past":
        return due.dated and (due.start or ctx.anchor) > ctx.anchor
    if reading.expects:
        return True
    if reading.modality == "able":
        return due.dated and (due.start or ctx.anchor) > ctx.anchor
    if reading.tense == "present" and not ctx.in_headline(frame.verb):
        # The simple present of a schedule: "goes to the polls on Sunday".
        return due.dated and (due.start or ctx.anchor) > ctx.anchor and due.value is not None
    return False


def find_expectations(
    doc: Doc, anchor: date, times: list[TimeMention], lexicon: Lexicon | None = None
) -> list[Expectation]:
    ctx = Context.of(doc, anchor, times, lexicon or load_lexicon())
    found: list[Expectation] = []
    for sent in ctx.sentences:
        for token in sent:
            read_off = _verbal(token, ctx) or _nominal_frame(token, ctx) or _state_frame(token, ctx)
            if read_off is None:
                continue
            frame, reading = read_off
            chain = [t for t in (frame.verb, reading.top, reading.cue, token) if t is not None]
            if token.dep_ in {"acomp", "attr"}:
                chain.append(token.head)  # "is more likely in 2021": the copula holds the date
            if frame.outcome == "postpone":
                chain = [frame.verb]  # the new date hangs on the delay, not on the old plan
            prospective = reading.expects or reading.tense in {"present", "future_in_past"}
            if frame.outcome == "postpone":
                prospective = reading.tense in {"future", "present", "perfect", "infinitive"}
            weekdays = reading.tense in {"present", "infinitive"}
            due = due_for(ctx, frame, chain, reading.negated, prospective, weekdays)
            if not _accept(frame, reading, due, ctx):
                continue
            found.append(_expectation(ctx, sent, frame, reading, due))
    return _distinct(found)


def _expectation(ctx: Context, sent: Span, frame: Frame, reading: Reading, due: Due) -> Expectation:
    top = reading.top
    start = min(top.left_edge.idx, frame.anchor.left_edge.idx)
    last = top.right_edge
    end = last.idx + len(last.text)
    while end > start and ctx.text[end - 1] in ".;, \n\r\t":
        end -= 1
    negated = reading.negated and not due.clears_negation
    if frame.outcome == "postpone":
        negated = False
    if reading.no_longer:
        negated = True
    t_lemma = theme_lemma(frame)
    predicate = " ".join(filter(None, [frame.lemma, t_lemma if t_lemma != frame.lemma else ""]))
    return Expectation(
        start=start,
        end=end,
        text=ctx.text[start:end],
        predicate=f"not {predicate}" if negated else predicate,
        question=question(frame, due, ctx.anchor, negated),
        participants=frame.participants,
        attributed_to=_attribution(ctx.doc, ctx.ents, sent),
        due_start=due.start,
        due_end=due.end,
        review_date=due.review if not due.dated else None,
        value=due.value,
        negated=negated,
        lemma=frame.lemma,
        groups=frame.groups,
        theme=theme_text(frame),
        theme_lemma=t_lemma,
        modality="planned" if frame.outcome == "postpone" else reading.modality,
        bound=due.bound,
        due_text=due.text,
        alternatives=due.alternatives,
        headline=ctx.in_headline(frame.verb),
        nominal=frame.nominal,
        anchor=frame.anchor.idx,
    )


def _distinct(found: list[Expectation]) -> list[Expectation]:
    """One expectation per event and window in an article: a headline and the sentence
    that repeats it are one."""
    kept: list[Expectation] = []
    for e in found:
        twin = next((k for k in kept if _same(k, e)), None)
        if twin is None:
            kept.append(e)
        elif len(e.participants) > len(twin.participants) or (twin.headline and not e.headline):
            kept[kept.index(twin)] = e
    return kept


def _same(a: Expectation, b: Expectation) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True
    if not (a.groups & b.groups) or a.negated != b.negated:
        return False
    if (a.due_start, a.due_end) != (b.due_start, b.due_end) or not a.dated:
        return False
    names_a = {p.name.casefold() for p in a.participants}
    names_b = {p.name.casefold() for p in b.participants}
    return bool(names_a & names_b) or (a.theme_lemma != "" and a.theme_lemma == b.theme_lemma)
