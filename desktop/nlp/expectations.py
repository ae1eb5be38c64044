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

import logging
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.nlp.context import Context
from desktop.nlp.cues import ADJ_CUES, BLOCKING, CHANGE_OF_VALUE, CUES, REPORT_VERBS
from desktop.nlp.frames import (
    PLACEHOLDERS,
    Frame,
    event_noun,
    frame_of,
    may_carry_outcome,
    nominal_frame,
    planned_event,
    result_clause,
    theme_lemma,
    theme_text,
    weak_delay,
)
from desktop.nlp.modality import (
    Reading,
    counts_on,
    deadline_of,
    market_measure,
    prelude_of,
    reading_of,
    stative,
)
from desktop.nlp.nominal import (
    READYING,
    STAYS,
    cue_of_state,
    given_as,
    has_date,
    in_time,
    noun_schedule,
    on_track,
    state_frame,
    there_will_be,
    worked_towards,
)
from desktop.nlp.participants import Participant
from desktop.nlp.questions import question
from desktop.nlp.tense import present_passive
from desktop.nlp.timeparts import distance, forward, in_sentence, span_root, temporal_clause
from desktop.nlp.timex import Timex
from desktop.nlp.timex.vocab import WEEKDAYS
from desktop.nlp.timing import Due, due_for, later_today
from desktop.nlp.words import (
    REMAINING,
    child,
    dated_phrase,
    day_setter,
    false_infinitive,
    fronted_clause,
    lemma_of,
    particle,
    phrase,
    prep_objects,
    prepositional,
    to_infinitive,
    verb_lemma,
    whether_clause,
)
from desktop.vocabulary import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SAYING = {"say", "tell", "insist", "claim", "add", "note", "warn", "explain"}
GENERIC_VERBS = {"do", "take", "get", "have", "make", "give", "go", "come", "put", "see", "keep"}
"""Delay words that only mean a delay with a new date ("moves to April 2021")."""
log = logging.getLogger(__name__)

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


def _verbal(token: Token, ctx: Context) -> Frame | bool:
    """The event of a verb that could state an expectation (its reading is still to
    come: see ``_verbal_reading``); False when the verb states none, True when it is no
    verb of an event (a noun's schedule or a state may still be read off it)."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"aux", "auxpass"}:
        return True
    if prepositional(token):
        return False
    if in_time(token, ctx):
        return True
    if temporal_clause(token) is not None:
        return False  # "before leaders meet on July 11": the date of another event
    if any(
        (setter := day_setter(x)) is not None and setter.i == token.i
        for c in token.children
        for x in c.subtree
    ):
        return False  # "names 1 January as the day the euro will replace the lev": the clause
    if (
        lemma_of(token) in CUES
        and not _decides_whether(token)
        and (not particle(token) or f"{lemma_of(token)} {particle(token)}" in CUES)
        and (
            not ctx.lexicon.is_event_word(verb_lemma(token, ctx.lexicon))
            or any(_governed_event(c) for c in token.children)
        )
    ):
        # the verb it governs carries the event, or its subject (nominal); not a cue
        # that is a verb of the lexicon with its words ("will let in the public")
        return True
    if worked_towards(token) is not None:
        return True  # "working towards 1 April for the launch": a plan, read off its aim
    if counts_on(token):
        return True  # "counts on first power reaching the grid": the gerund is the event
    if given_as(token, ctx) is not None:
        return True  # "gives the third quarter as the start of operations": of the start
    if any(result_clause(c) for c in token.children) or any(
        result_clause(x) for c in token.children if c.dep_ == "dobj" for x in c.children
    ):
        return True  # "to have the bridge repainted": the participle is the event
    if _says_that(token, ctx) or token.dep_ == "amod" or lemma_of(token) in SAYING:
        return True  # "concluded that ...": the clause is the event; "the delayed plan"
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and in_time(subject, ctx):
        return True  # "November 16 would offer a window": a date does nothing
    if any(
        c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} and not false_infinitive(c)
        for c in token.children
    ) and (lexicon_outcome(token, ctx) is None and not _decides_whether(token)):
        return True  # "will have to live", "attempted to land": the lower verb carries it
    if deadline_of(token) is not None and any(
        c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB" and to_infinitive(c)
        for c in token.children
    ):
        # "has until May 5 to publish": the lower verb is the event (not a clause of its
        # own: "postponed the sentencing until 18 September, after the defence argued")
        return True
    if lemma_of(token) in STAYS and on_track(token, ctx) is not None:
        return True  # "remained on course for a January rollout": read off the noun
    if (
        _past(prelude_of(token, ctx))
        and not may_carry_outcome(token, ctx)
        and not stative(token, ctx.lexicon)
    ):
        return False  # the tense alone rules it out (most verbs of a story: past events)
    frame = frame_of(token, ctx)
    if (
        frame.outcome is None
        and stative(token, ctx.lexicon)
        and not frame.nominal
        and not dated_change(token, ctx)
    ):
        return True
    return frame


def _decides_whether(verb: Token) -> bool:
    """ "Ministers will decide by 17 August whether to approve the mine": the decision is
    the event, not the approval it may or may not give."""
    return lemma_of(verb) == "decide" and whether_clause(verb) is not None


def dated_change(token: Token, ctx: Context) -> bool:
    """A change of a value with a date of its own is a scheduled change to follow up ("the
    toll will rise to 4 euros on 1 January"); without one it is a forecast of a figure
    ("next year's budget will rise by 5 percent")."""
    return lemma_of(token) in CHANGE_OF_VALUE and has_date(token, ctx) and not market_measure(token)


def _governed_event(c: Token) -> bool:
    """A clause a cue governs as its event ("decided to sell"), not as its topic ("decide
    whether Microsoft can buy": the decision is the event)."""
    return (
        c.dep_ in {"xcomp", "ccomp"}
        and c.pos_ in {"VERB", "AUX"}
        and not fronted_clause(c)
        and not any(m.lower_ in {"whether", "if"} for m in c.children if m.dep_ == "mark")
    )


def _past(prelude: Reading) -> bool:
    """A reading no due window can make an expectation of, unless the event is a delay."""
    return (
        not prelude.final
        and prelude.tense not in {"future", "infinitive", "future_in_past", "present"}
        and prelude.modality != "able"
    )


def _verbal_reading(token: Token, frame: Frame, ctx: Context) -> Reading | None:
    """The verb's reading, or None when its tense alone rules an expectation out."""
    if frame.outcome != "postpone" and _past(prelude_of(token, ctx)):
        return None
    return reading_of(token, ctx)


def _says_that(token: Token, ctx: Context) -> bool:
    return any(
        c.dep_ == "ccomp"
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and not _relative_that(token, c, ctx)
        for c in token.children
    )


THAT_TAKERS = frozenset({"rule", "announce", "approve", "decide"})
"""Groups of the lexicon whose verbs may take a clause with "that" ("ruled that")."""


def _relative_that(verb: Token, clause: Token, ctx: Context) -> bool:
    """ "Donald Trump lands on Monday for three days of pageantry that Theresa May will
    host": the parser made the relative clause of the noun before "that" a clause of the
    verb; a verb of an event that says nothing, whose clause lacks an object, does not
    govern it."""
    lexicon = ctx.lexicon
    lemma = verb_lemma(verb, lexicon)
    if not lexicon.is_event_word(lemma) or set(lexicon.groups_of(lemma)) & THAT_TAKERS:
        return False
    that = next(m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that")
    before = verb.doc[that.i - 1] if that.i > 0 else None
    return (
        before is not None
        and before.pos_ == "NOUN"
        and not in_time(before, ctx)
        and not any(c.dep_ == "dobj" for c in clause.children)
    )


def _a_day_acts(frame: Frame) -> bool:
    """A date as what the event happens to by itself, a day or month by its name ("12
    September 2004, when a window opens that runs into October"): no thing to follow up.
    Not a date something is done to ("keeps November 2021 as the target"), nor a noun the
    recogniser tags as a time ("the season", "six minutes")."""
    theme = frame.theme
    return (
        theme is not None
        and not frame.transitive
        and theme.ent_type_ in {"DATE", "TIME"}
        and theme.pos_ in {"PROPN", "NUM"}
        and (theme.like_num or any(c.like_num for c in theme.children))
    )  # a number in it: "its Semi", tagged a date, is a truck


def lexicon_outcome(token: Token, ctx: Context) -> str | None:
    lemma = lemma_of(token)
    return ctx.lexicon.outcome_of(lemma) or ("fail" if lemma == "fail" else None)


def _undated_verdict(frame: Frame, reading: Reading) -> bool | None:
    """False when no due window could make this an expectation (then none is sought)."""
    if reading.modality in BLOCKING or reading.no_longer:
        return False
    if frame.outcome in {"cancel", "fail"}:
        return False
    if not frame.groups or (
        "*" in frame.groups and (frame.theme is None or frame.theme.pos_ == "PRON")
    ):
        return False  # "delayed this to 2018": no event to expect
    if _a_day_acts(frame):
        return False  # "12 September, when a window opens that runs into October": a time
    if (
        frame.lemma.split()[0] in GENERIC_VERBS
        and (frame.theme is None or frame.theme.pos_ == "PRON")
        and not frame.nominal
    ):
        return False  # "want to do that", "will take it": no event named
    if frame.outcome == "postpone":
        return False if reading.tense == "past_future" or reading.negated else None
    if reading.tense == "past_future":
        return False
    if reading.expects or reading.modality == "able":
        return None
    return None if reading.tense in {"future_in_past", "present"} else False


PROCEEDINGS = frozenset({"case", "hearing", "trial", "proceeding", "session", "sitting", "matter"})
"""What is adjourned to a day on which something else happens ("when the judge will rule")."""


def _when_then(frame: Frame) -> bool:
    """The new time of a delay of proceedings says in a "when" clause what happens then:
    that clause is the event to expect, not the case put off (a vote delayed "until June,
    when parliament returns" is still the vote)."""
    verb = frame.verb
    if frame.theme is None or frame.theme.lemma_.lower() not in PROCEEDINGS:
        return False
    return any(
        t.lower_ == "when"
        and t.dep_ == "advmod"
        and t.head.i != verb.i  # not "since January, when the FDA pushed it back to June"
        and t.head.dep_ in {"relcl", "advcl"}
        and (t.head.head.ent_type_ in {"DATE", "TIME"} or t.head.head.lower_ in WEEKDAYS)
        for t in verb.subtree
    )


def _dated_verdict(frame: Frame, reading: Reading, due: Due, ctx: Context) -> bool:
    if frame.outcome == "postpone" and weak_delay(frame.verb) and not due.dated:
        return False
    if frame.outcome == "postpone":
        if _when_then(frame):
            return False  # "adjourned the case until 7 October, when a conference will be held"
        # A delay that names its new date: the event is now expected then.
        return due.dated and (due.end or due.start or ctx.anchor) > ctx.anchor
    if reading.tense == "future_in_past":
        # a deadline starts on the article's day: its end is what lies ahead; and so does
        # the rest of a period "still" expected ("said it still expected the report to be
        # released this week")
        first = due.ahead(due.bound in {"by", "before"} or _still(reading.cue))
        return due.dated and (first or ctx.anchor) > ctx.anchor
    if reading.expects:
        return True
    if reading.modality == "able":
        return due.dated and (due.start or ctx.anchor) > ctx.anchor
    if reading.tense == "present" and not ctx.in_headline(frame.verb):
        # The simple present of a schedule: "goes to the polls on Sunday"; "should fly by
        # the end of the year": a deadline's end is what lies ahead.
        first = due.ahead(due.bound in {"by", "before"} and reading.modality == "expected")
        ahead = (first or ctx.anchor) > ctx.anchor
        ahead = ahead or later_today(due, frame.verb.sent.text, ctx.anchor)
        return due.dated and ahead and due.value is not None
    return False


SHOWING = frozenset({"read", "show", "display", "bear"})
"""Verbs whose object may be a date written on something ("a card reading only 2023")."""


def _shows_a_date(frame: Frame, ctx: Context) -> bool:
    """A verb of showing whose object is a date, with no preposition: what a card or a sign
    reads, no event of that time (not "the release date now reads 3 September", a date
    given, nor "will read out the rulings this afternoon")."""
    verb = frame.verb
    if frame.nominal or lemma_of(verb) not in SHOWING or particle(verb):
        return False
    shown_on = verb.head if verb.dep_ == "acl" else child(verb, "nsubj")
    if shown_on is not None and shown_on.lemma_.lower() in PLACEHOLDERS:
        return False
    # a time beside an object shown is when ("show its panda cubs this summer")
    shown = {"dobj", "attr"} if child(verb, "dobj") is not None else {"npadvmod", "attr"}
    return any(c.dep_ in shown and in_time(c, ctx) for c in verb.children)


def _copula_of(cue: Token) -> Token | None:
    """The copula of an adjective cue ("is due", "are set"), where the parser may hang the
    event's time ("the jets are due to land in Paris on Sunday"); the cue may be read as
    the adjective or as the copula itself."""
    if cue.lower_ in ADJ_CUES and lemma_of(cue.head) == "be":
        return cue.head
    if lemma_of(cue) == "be" and any(
        c.lower_ in ADJ_CUES and c.dep_ in {"acomp", "prep"} for c in cue.children
    ):
        return cue
    return None


def _still(cue: Token | None) -> bool:
    """A cue said of what still holds: "still expected", "remained on track to complete".
    The rest of its period is what lies ahead."""
    return cue is not None and (
        any(c.dep_ == "advmod" and c.lower_ == "still" for c in cue.children)
        or lemma_of(cue) in REMAINING
    )


def _when_of_a_time(verb: Token, ctx: Context) -> TimeMention | None:
    """The time a relative "when" clause is said of: the clause happens then."""
    if verb.dep_ != "relcl" or not any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children
    ):
        return None
    head = verb.head
    return next(
        (tm for tm in ctx.times if tm.timex is not None and tm.start <= head.idx < tm.end), None
    )


def _plan_given_up(verb: Token, ctx: Context) -> bool:
    """The verb is what a plan plans, and the plan is called off ("has dropped its plan to
    build the bridge") or put off to no new date ("has put off its plan to swear him in on
    Tuesday": that day is given up); "delayed its plan to open the bridge until May" still
    holds, at its new date."""
    plan = verb.head
    planned = planned_event(plan)
    if not (
        verb.dep_ in {"acl", "relcl"}
        and planned is not None
        and planned.i == verb.i
        and plan.dep_ in {"dobj", "nsubjpass"}
    ):
        return False
    outcome = ctx.lexicon.outcome_of(verb_lemma(plan.head, ctx.lexicon))
    if outcome == "postpone":
        preps = [c for t in (verb, plan.head) for c in t.children if c.dep_ == "prep"]
        return not any(
            c.lower_ in NEW_DATE_PREPS and any(x.ent_type_ in {"DATE", "TIME"} for x in c.subtree)
            for c in preps
        )  # "until May", "by two months", "for a week" (not "until further notice")
    return outcome in {"cancel", "fail"}


def _done_instead(verb: Token) -> bool:
    """ "Instead of attempting to blast off Tuesday, the rocket was moved off its pad": what
    was done instead of an event says the event will not be."""
    node = verb
    for _ in range(4):
        of = node.head
        if (
            node.dep_ == "pcomp"
            and of.lower_ == "of"
            and of.i > 0
            and of.nbor(-1).lower_ == "instead"
        ):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


NEW_DATE_PREPS = {"until", "till", "to", "into", "by", "for"}


ACTS = {"agree", "decide", "vote", "promise", "pledge", "vow", "propose", "announce"}
"""Cue verbs done at a time of their own: "Kroger agreed on Friday to buy Albertsons"."""


def _dated_act(cue: Token) -> bool:
    """A cue in the simple past is an act; a time on it is when it was done, not when the
    event it commits to is due."""
    return cue.tag_ == "VBD" and lemma_of(cue) in ACTS


CALENDAR = {"day", "week", "month", "quarter", "season", "half", "year", "decade", "century"}


def _past_own_date(frame: Frame, ctx: Context) -> bool:
    """The event's own time (a calendar period on its verb) was over by the article's
    day: an expectation of the past, not one to follow up nor to keep undated."""
    for tm in in_sentence(ctx, ctx.sentence_of(frame.verb)):
        timex = tm.timex
        if timex is None or timex.granularity not in CALENDAR or timex.end is None:
            continue
        root = span_root(ctx, tm)
        if timex.end >= ctx.anchor or root is None:
            continue
        steps = distance(root, {frame.verb.i}, ctx)
        if steps is not None and steps <= 2:
            return True
    return False


STATING = {"VERB", "AUX", "ADJ"}
"""The parts of speech an expectation is read from: verbs, cue words ("expected",
"likely"), copulas and states ("will be open")."""


def find_expectations(
    doc: Doc,
    anchor: date,
    times: list[TimeMention],
    lexicon: Lexicon | None = None,
    ctx: Context | None = None,
) -> list[Expectation]:
    """The expectations of a doc (``ctx``: one already built for it, to share its memos)."""
    ctx = ctx or Context.of(doc, anchor, times, lexicon or load_lexicon())
    found: list[Expectation] = []
    for sent in ctx.sentences:
        for token in sent:
            if token.pos_ not in STATING:
                continue
            try:
                expectations = _read(ctx, sent, token)
            except (AssertionError, IndexError, ValueError, AttributeError):
                # A parse the rules did not foresee must not cost the article its other
                # suggestions; the sentence is logged for a rule to be written.
                log.warning("expectation rules failed on %r", sent.text[:200], exc_info=True)
                continue
            found.extend(expectations)
        found.extend(_dated_ahead(ctx, sent, found))
    return _distinct(found)


DOUBTS = frozenset({"doubt", "question", "jeopardy", "risk", "danger"})


def _put_in_doubt(verb: Token, noun: Token) -> bool:
    """ "That leaves the April start in doubt", "puts the June vote at risk"."""
    return any(
        x.lemma_.lower() in DOUBTS
        for head in (verb, noun)
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in {"in", "into", "at"}
        for x in p.children
        if x.dep_ == "pobj"
    )


NOUN_DATES = {"poss", "compound", "nmod", "nummod", "npadvmod", "amod"}


def _dated_ahead(ctx: Context, sent: Span, found: list[Expectation]) -> list[Expectation]:
    """An event noun dated ahead by its own modifier ("ahead of the 5 August general
    election", "heading into Thursday's vote", "for a liftoff next Wednesday afternoon"):
    the event is to come on that date, unless the clause doubts or denies it, or an
    expectation of the sentence already names it or its date."""
    ahead = [
        tm
        for tm in in_sentence(ctx, sent)
        if tm.timex is not None
        and tm.timex.start is not None
        and tm.timex.end is not None
        and tm.timex.start >= ctx.anchor
    ]
    taken = {e.anchor for e in found} | {e.due_text for e in found if e.due_text}
    out: list[Expectation] = []
    for noun in sent:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or noun.idx in taken or in_time(noun, ctx):
            continue
        if not ctx.lexicon.is_event_noun(lemma) or lemma in PLACEHOLDERS:
            continue
        if noun.dep_ not in {"pobj", "dobj"} or noun.nbor(-1).tag_ == "MD":
            continue  # a subject is its verb's ("next year's election will be the first")
        if lemma in CHANGE_OF_VALUE or "announce" in ctx.lexicon.groups_of(lemma):
            continue  # "expect a rise in prices next year": a figure; "Monday's announcement"
        if noun.dep_ == "pobj" and lemma_of(noun.head.head) in READYING:
            continue  # "preparations for the 12 January vote had been on track": theirs
        mods = [c for c in noun.children if c.dep_ in NOUN_DATES]
        mods += prep_objects(noun, "on")
        mods += [x for c in mods for x in c.children if x.dep_ in {"compound", "nummod", "amod"}]
        dates = [tm for tm in ahead if any(tm.start <= c.idx < tm.end for c in mods)]
        if not dates or dates[0].text in taken:
            continue
        if any(c.dep_ == "amod" and c.tag_ in {"VBN", "VBD"} for c in noun.children):
            continue  # "the postponed 18 October vote"
        verb = next((h for h in noun.ancestors if h.pos_ in {"VERB", "AUX"}), None)
        if verb is None or ctx.lexicon.outcome_of(verb_lemma(verb, ctx.lexicon)):
            continue  # "postponed Thursday's vote": the delay says what became of it
        reading = reading_of(verb, ctx)
        if reading.modality in BLOCKING or reading.negated or _put_in_doubt(verb, noun):
            continue
        if any(c.tag_ == "MD" and c.lower_ not in {"will", "shall", "'ll"} for c in verb.children):
            continue  # "a launch on 14 November would mean a splashdown on 9 December"
        when = dates[0].timex
        assert when is not None and when.start is not None
        if when.start == ctx.anchor and reading.tense in {"past", "perfect"}:
            continue  # "won today's vote": done
        frame = nominal_frame(noun, verb, ctx, None)
        if frame.theme is not None and any(t.start <= frame.theme.idx < t.end for t in dates):
            frame.theme = None  # "Thursday's vote": Thursday is its date, not its theme
        due = Due(when.start, when.end, None, when.value, dates[0].text)
        own = Reading("future", "planned", False, top=noun, final=True)
        out.append(_expectation(ctx, sent, frame, own, due))
        taken.add(noun.idx)
    return out


def _read(ctx: Context, sent: Span, token: Token) -> list[Expectation]:
    """The token's expectation, and those of conjuncts that leave its verb out."""
    verbal = _verbal(token, ctx)
    if verbal is False:
        return []
    if not isinstance(verbal, bool):
        reading = _verbal_reading(token, verbal, ctx)
        if reading is None:
            return []
        frame = verbal
    else:  # no verb of an event: a schedule said of a noun, or a state
        read_off = (
            cue_of_state(token, ctx)
            or there_will_be(token, ctx)
            or given_as(token, ctx)
            or noun_schedule(token, ctx)
            or state_frame(token, ctx)
            or on_track(token, ctx)
        )
        if read_off is None:
            return []
        frame, reading = read_off
    if _plan_given_up(frame.verb, ctx) or _done_instead(frame.verb):
        return []  # "scrapped plans to open the museum": no plan left to follow
    if _no_one_does(frame):
        return []  # "though nobody at the agency would confirm it": no one to ask about
    if _shows_a_date(frame, ctx):
        return []  # "a card reading only 2023", "the sign reads 2024": a date, no thing done
    # every word climbed through ("hoped to start making the Roadster in 2023": the date
    # hangs on "start")
    chain = [
        t
        for t in (frame.verb, reading.top, reading.cue, token, *reading.chain)
        if t is not None and (t is frame.verb or not _dated_act(t))
    ]
    if token.dep_ in {"acomp", "attr"}:
        chain.append(token.head)  # "is more likely in 2021": the copula holds the date
    cue = reading.cue if reading.cue is not None else token  # "is due on Thursday"
    copula = _copula_of(cue)
    on_copula = copula is not None
    if copula is not None:
        chain.append(copula)  # "is still due to land in Paris on Sunday": on the copula
    setter = day_setter(frame.verb)
    if setter is not None:
        chain.append(setter)  # "fixed 1 November as the day the museum is opened"
    if frame.outcome == "postpone":
        chain = [frame.verb]  # the new date hangs on the delay, not on the old plan
    prospective = reading.expects or reading.tense in {"present", "future_in_past"}
    if frame.outcome == "postpone":
        # "postponed the start to 9 September": the new date lies ahead, as in its report
        prospective = reading.tense in {"future", "present", "perfect", "past", "infinitive"}
    weekdays = reading.tense in {"present", "infinitive", "future_in_past"} or on_copula
    weekdays = weekdays or (frame.outcome == "postpone" and prospective)  # "to Monday"
    if reading.tense == "present" and present_passive(frame.verb):
        # "the rules are applied from 1 January", "banned ... on Saturday": a present
        # passive may be a state already in force; its date is read as written
        prospective = weekdays = False
    if _undated_verdict(frame, reading) is False:
        return []
    due = due_for(ctx, frame, chain, reading.negated, prospective, weekdays, reading.expects)
    when = _when_of_a_time(frame.verb, ctx)
    if when is not None and not due.dated:
        # "adjourned it until 7 October, when a status conference will be held": then (a
        # bare weekday the clause looks ahead to: "adjourned to Monday, when she will rule")
        ahead = forward(ctx, when, True).timex if prospective or reading.expects else when.timex
        if ahead is not None:
            due = Due(ahead.start, ahead.end, None, ahead.value, when.text)
    if not due.dated and _past_own_date(frame, ctx):
        return []  # "said in 2019 it would retire the jets by 2021": that time is past
    if reading.pending and not due.dated:
        return []  # "traffic will ease when the bridge opens": a condition, no date
    if reading.modality == "hoped" and not due.dated:
        return []  # "residents hope the bridge will end the jams": a wish, no plan
    if not _dated_verdict(frame, reading, due, ctx):
        return []
    try:
        gapped = _gapped(ctx, sent, frame, reading, chain, (prospective, weekdays))
    except (AssertionError, IndexError, ValueError, AttributeError):
        log.warning("gapping rules failed on %r", sent.text[:200], exc_info=True)
        gapped = []
    first = _expectation(ctx, sent, frame, reading, due)
    if any(first.due_text and first.due_text in g.text for g in gapped):
        return gapped  # its own date is gone (past): the one it took is the conjunct's
    return [first, *gapped]


NO_ONE = {"nobody", "noone"}


def _no_one_does(frame: Frame) -> bool:
    """The one who acts is no one ("nobody would confirm it", "no one will be sworn in")."""
    for who in (frame.agent, frame.theme):
        if who is None:
            continue
        if who.lower_ in NO_ONE or (
            who.lower_ == "one" and any(c.lower_ == "no" for c in who.children)
        ):
            return who.dep_ in {"nsubj", "nsubjpass"}
    return False


GAP_PREPS = frozenset({"in", "on", "by", "at", "around", "before", "during", "within"})
"""The prepositions of a time a conjunct without its verb is due at ("and Unit 4 in the
second quarter"); not "to", which a verb of moving takes ("moves to April")."""


def _gapped(
    ctx: Context,
    sent: Span,
    frame: Frame,
    reading: Reading,
    chain: list[Token],
    looks: tuple[bool, bool],
) -> list[Expectation]:
    """Conjuncts that leave the verb out say its event again, of their own thing at their
    own time: "Unit 3 is to go into service in the third quarter of 2022 and Unit 4 in the
    second quarter of 2023", "the first reactor is to shut down on 22 February and the
    second reactor on 30 June". Only a subject is said again this way (a verb with an object
    leaves open which one the conjunct is), with a time the question can leave out of its
    name. ``looks``: (prospective, weekdays) as for the first."""
    found: list[Expectation] = []
    if frame.transitive:
        return found
    for head in dict.fromkeys([frame.verb, *chain]):
        for c in head.children:
            if c.dep_ != "conj" or c.pos_ not in {"NOUN", "PROPN"}:
                continue
            if event_noun(c, ctx.lexicon) is not None:
                continue  # "and the election ... moves to April": an event of its own
            if in_time(c, ctx) or not any(
                p.dep_ == "prep" and p.lower_ in GAP_PREPS and dated_phrase(p) for p in c.children
            ):
                continue
            at = replace(frame, verb=c, anchor=c, _participants=None)
            due = due_for(ctx, at, [c], reading.negated, *looks, reading.expects)
            if not due.dated:
                continue
            own = replace(frame, theme=c, _participants=None)
            if frame.nominal and "*" in frame.groups:
                # "NEET will take place on 13 September, and JEE Advanced on 27 September":
                # a thing named by itself is its own event
                own = replace(own, anchor=c, lemma=c.lemma_.lower())
            e = _expectation(ctx, sent, own, reading, due)
            e.start, e.anchor = c.left_edge.idx, c.idx
            e.end = c.right_edge.idx + len(c.right_edge.text)
            e.text = ctx.text[e.start : e.end]
            found.append(e)
    return found


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
    """One expectation per event in an article: a headline and the sentence that repeats
    it are one, and so are "will open in less than three weeks" and "will open on May 24"
    (the narrower window is kept)."""
    kept: list[Expectation] = []
    for e in found:
        twin = next((k for k in kept if _same(k, e)), None)
        if twin is None:
            kept.append(e)
        elif _better(e, twin):
            kept[kept.index(twin)] = e
    return kept


def _span_days(e: Expectation) -> int:
    """How long the window is (an undated expectation counts as endless)."""
    start, end = e.due_start or e.due_end, e.due_end or e.due_start
    if start is None or end is None:
        return 10**6
    return (end - start).days


def _better(e: Expectation, twin: Expectation) -> bool:
    if _span_days(e) != _span_days(twin):
        return _span_days(e) < _span_days(twin)
    return len(e.participants) > len(twin.participants) or (twin.headline and not e.headline)


def _overlap(a: Expectation, b: Expectation) -> bool:
    a0, a1 = a.due_start or a.due_end, a.due_end or a.due_start
    b0, b1 = b.due_start or b.due_end, b.due_end or b.due_start
    assert a0 is not None and a1 is not None and b0 is not None and b1 is not None
    return a0 <= b1 and b0 <= a1


def _same(a: Expectation, b: Expectation) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True
    if not (a.groups & b.groups) or a.negated != b.negated or not (a.dated and b.dated):
        return False
    if not _overlap(a, b):
        return False
    if a.headline != b.headline and a.groups & b.groups - {"*"}:
        # the headline says in short what the body says of the same kind of event (a
        # thing of no known kind, "*", may be another: "the fair will also be moved")
        return True
    names_a = {p.name.casefold() for p in a.participants}
    names_b = {p.name.casefold() for p in b.participants}
    return bool(names_a & names_b) or (a.theme_lemma != "" and a.theme_lemma == b.theme_lemma)
