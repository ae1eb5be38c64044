"""Event reports: what each clause of an article says about an event, for the update
check to read instead of the text.

A report carries the event's lemma, lexicon groups, theme and participants, and a status:
``happened`` (past, perfect, a headline's present: "Elizabeth line finally opens"; an
event noun whose first or last moment is past: "the summit opened with a dinner",
"completing the delivery of the jets"),
``not_happened`` ("did not launch", "was scrubbed", "failed to land"), ``cancelled``
("scrapped", "will no longer launch", "no more plans to"), ``postponed`` ("delayed until
the first half of 2022", with the window it names), ``expected`` / ``expected_not`` (an
expectation, with its window), ``past_expected`` (an old expectation restated as
background: "was originally due to open in 2018"), ``rescheduled`` ("a revised launch date
will be announced": still to come, no date yet), ``repeated`` (done a number of times: "has
flown seven times", "met for the second time") or ``uncertain`` (hedged, conditional, asked,
demanded or denied): these two settle nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop.nlp.context import Context
from desktop.nlp.cues import BLOCKING, CUES, REPORT_VERBS
from desktop.nlp.expectations import Expectation, TimeMention, dated_change
from desktop.nlp.frames import (
    ASPECTUAL,
    HELD,
    PARTICIPLE_WISHERS,
    PLACEHOLDERS,
    PREPARATIONS,
    RESULTS_OR_WISHES,
    Frame,
    announcing,
    frame_of,
    may_name_event,
    nominal_frame,
    noun_theme,
    theme_lemma,
    theme_text,
    verb_keys,
    weak_delay,
)
from desktop.nlp.modality import Reading, reading_of, stative
from desktop.nlp.nominal import existential_event, in_time, worked_towards
from desktop.nlp.tense import present_passive
from desktop.nlp.timeparts import distance, forward, in_sentence, span_root
from desktop.nlp.timex.vocab import WEEKDAYS
from desktop.nlp.timing import DAY_NAMED, Due, due_for, later_today
from desktop.nlp.words import (
    child,
    lemma_of,
    particle,
    prep_objects,
    prepositional,
    verb_lemma,
)
from desktop.vocabulary import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)
SKIP_LEMMAS = REPORT_VERBS | {"be", "have", "do", "get", "make"}


@dataclass
class Report:
    start: int
    end: int
    lemma: str
    groups: frozenset[str]
    theme: str
    theme_lemma: str
    participants: list[tuple[str, str]]
    """(name, role): agent, theme, recipient, participant, or context (borrowed from the
    headline or the sentence before)."""
    status: str
    negated: bool = False
    headline: bool = False
    window_start: date | None = None
    window_end: date | None = None
    window_value: str | None = None
    bound: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


CHARGES = {"tariff", "toll", "fee", "levy", "tax", "duty", "fare", "vat", "charge"}
"""What a body sets and raises on a day of its own; markets, prices and rates move."""


def _charge_changed(frame: Frame, token: Token, ctx: Context) -> bool:
    """ "The United States raised its tariff to 25 per cent on Friday": a dated change of a
    charge someone sets is the change that was awaited."""
    theme = frame.theme
    return theme is not None and theme.lemma_.lower() in CHARGES and dated_change(token, ctx)


ATTEMPTS = {"attempt", "try"}
CALLING_OFF = {"call off", "cancel"}


def _an_attempt(frame: Frame) -> bool:
    """ "called off the attempt", "the launch attempt was cancelled": one try at the event
    did not go ahead, which is no cancellation of the event itself (as "abandoned its
    attempt to buy the club" is: given up)."""
    verb = frame.verb
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    return (
        bool(verb_keys(verb) & CALLING_OFF)
        and obj is not None
        and obj.lemma_.lower() in ATTEMPTS
        and not any(c.dep_ in {"acl", "relcl", "xcomp"} for c in obj.children)
    )  # "called off his attempt to buy Chelsea": given up


def _again_now(verb: Token) -> bool:
    """ "Cars are crossing the bridge again": going on again as the article is written,
    so the return has happened."""
    return (
        verb.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
        and any(c.dep_ == "advmod" and c.lower_ == "again" for c in verb.children)
    )


def _status(frame: Frame, reading: Reading, due: Due, ctx: Context) -> str | None:
    if reading.modality in BLOCKING or (reading.pending and not due.dated):
        return "uncertain"
    if reading.tense == "irrealis":
        return None  # "reason to ditch the scheme": no report of it
    past = reading.tense in {"past", "perfect"} or (
        reading.tense == "present"
        and present_passive(frame.verb)
        and not (due.start is not None and due.start > ctx.anchor)
    )  # "the rules are applied from 1 January": a state in force (ahead, a schedule)
    past = past or (reading.tense == "present" and due.start is None and _again_now(frame.verb))
    if frame.outcome == "cancel" and _an_attempt(frame):
        return "uncertain" if reading.negated else "not_happened"  # a scrub: tried again
    if frame.outcome == "cancel":
        return "uncertain" if reading.negated else "cancelled"
    if frame.outcome == "postpone":
        return "uncertain" if reading.negated else "postponed"
    if frame.outcome == "fail":
        return "happened" if reading.negated and past else "not_happened"
    if reading.no_longer:
        return "cancelled"
    if reading.tense == "past_future":
        return "past_expected"
    if past:
        if due.dated and due.start is not None and due.start > ctx.anchor + timedelta(days=1):
            return None  # a past tense about a future date: not a report of it
        return "not_happened" if reading.negated else "happened"
    if (
        reading.tense == "present"
        and not reading.negated
        and due.end is not None
        and due.end <= ctx.anchor
        and due.value is not None
        and "T" not in due.value
        and not later_today(due, frame.verb.sent.text, ctx.anchor)
    ):
        return "happened"  # "lifts off ... on Nov 16, 2022", written that day (a date, not a clock)
    return None


def _keep(frame: Frame, ctx: Context) -> bool:
    groups = frame.groups
    if not groups or ("*" in groups and (frame.theme is None or frame.theme.pos_ == "PRON")):
        return False
    if frame.outcome is not None:
        return True
    if "*" in groups:
        return _named_occasion(frame, ctx)
    if any(ctx.lexicon.is_event_word(g) or g in ctx.lexicon.events for g in groups):
        return True
    return _own_event(frame, ctx.lexicon) and not ctx.in_headline(frame.verb)


def _own_event(frame: Frame, lexicon: Lexicon) -> bool:
    """A verb the lexicon does not know, said of a thing of its own ("Starliner undocked",
    "the council demolished the stadium"): reported under its own lemma, so that a
    follow-up of that very verb meets it, and nothing else does. Not a word that reports
    an outcome ("moved their game to Wembley" is no move into the stadium) or a light
    verb ("hosted the summit"). Not in a headline, whose verbs the tagger often misreads
    ("Prisoner dispute stalls Afghan talks": "talks" a verb)."""
    lemma = frame.lemma
    if frame.anchor.pos_ != "VERB" or lemma in SKIP_LEMMAS or lexicon.outcome_of(lemma):
        return False
    if worked_towards(frame.anchor) is not None:
        return False  # "working towards April 1 for the launch": a plan of the launch
    if lemma in lexicon.light_subject | lexicon.light_object | lexicon.receiving:
        return False
    thing = frame.theme if frame.theme is not None else frame.agent
    return thing is not None and thing.pos_ in {"NOUN", "PROPN"}


NOT_OCCURRENCES = {"come", "proceed"}
"""Light verbs whose named subject is an actor ("Trump came", "Boeing proceeded")."""
ACTORS = {"PERSON", "GPE", "NORP"}
"""Names that do things rather than take place. Not ORG: the small model tags "the Tokyo
Paralympics" as one, so "Orlan Motors went ahead on Saturday" still reads as an event."""


def _named_occasion(frame: Frame, ctx: Context) -> bool:
    """A name as the subject of a verb that says an event took place ("the Tokyo
    Paralympics got under way", "Expo 2020 went ahead"): the named event itself, whatever
    kind it is; so is a common noun of a thing held ("the trial got under way", "the
    hearing took place", "the exam was held"), whose report is of no kind of event and
    settles only a follow-up of the same thing (see ``desktop.tracking.outcomes.about``).
    Only its taking place (or not) is reported (see ``_sentence_reports``). A subject that
    goes ahead *with* something, or proceeds to do it, is its actor."""
    verb, name = frame.verb, frame.anchor
    lemma = verb_lemma(verb, ctx.lexicon)
    named = (name.pos_ == "PROPN" or name.ent_type_ == "EVENT") and name.ent_type_ not in ACTORS
    held = name.pos_ == "NOUN" and name.lemma_.lower() in HELD
    held_by = lemma in ctx.lexicon.light_object and any(  # "the exam was held"
        c.dep_ == "auxpass" for c in verb.children
    )
    return (
        (named or held)
        and frame.theme is name
        and (lemma in ctx.lexicon.light_subject or held_by)
        and lemma not in NOT_OCCURRENCES
        and not any(
            c.dep_ == "xcomp" or (c.lower_ == "with" and lemma == "go ahead") for c in verb.children
        )
    )


def _report(
    ctx: Context,
    sent: Span,
    frame: Frame,
    status: str,
    due: Due,
    negated: bool,
    headline: bool | None = None,
) -> Report:
    """``headline``: whether the report is the headline's, when the frame has no verb to
    tell (a nominal frame)."""
    return Report(
        start=sent.start_char,
        end=sent.end_char,
        lemma=frame.lemma,
        groups=frame.groups,
        theme=theme_text(frame),
        theme_lemma=theme_lemma(frame),
        participants=[(p.name, p.role) for p in frame.participants],
        status=status,
        negated=negated,
        headline=ctx.in_headline(frame.verb) if headline is None else headline,
        window_start=due.start,
        window_end=due.end,
        window_value=due.value,
        bound=due.bound,
    )


def _from_expectation(ctx: Context, e: Expectation) -> Report:
    sent = next(s for s in ctx.sentences if s.start_char <= e.start < s.end_char)
    return Report(
        start=sent.start_char,
        end=sent.end_char,
        lemma=e.lemma,
        groups=e.groups,
        theme=e.theme,
        theme_lemma=e.theme_lemma,
        participants=[(p.name, p.role) for p in e.participants],
        status="expected_not" if e.negated else "expected",
        negated=e.negated,
        headline=e.headline,
        window_start=e.due_start,
        window_end=e.due_end,
        window_value=e.value,
        bound=e.bound,
    )


def _candidates(sent: Span, lexicon: Lexicon) -> list[Token]:
    """Lexical verbs, but not copulas, cues or verbs of saying; a light verb's phrase
    counts ("got under way"), and so does a phrase of the lexicon ("let in the public")."""
    return [
        t
        for t in sent
        if t.pos_ in {"VERB", "AUX"}
        and t.dep_ not in {"aux", "auxpass"}
        and not prepositional(t)
        and (
            lemma_of(t) not in SKIP_LEMMAS | set(CUES)
            or verb_lemma(t, lexicon) in lexicon.light_subject
            or _light_with_its_object(t, lexicon)
            or " " in verb_lemma(t, lexicon)  # "let in its first visitors": a phrase of its own
            or _announcement_made(t, lexicon)
        )
    ]


def _announcement_made(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of saying that is itself the event a follow-up may wait for: "the mayor
    announced on Thursday that the bridge will be repaired" is the announcement of the
    choice. Only the lexicon's announcing words, said by a name or a body (not "he
    revealed"), and not of a delay or a cancellation ("announced that it would put off its
    decision": no decision announced) or of an announcement to come ("will reveal the car
    on 9 September, the company announced")."""
    subject = child(verb, "nsubj")
    said = child(verb, "ccomp")
    return (
        announcing(verb, lexicon)
        and subject is not None
        and subject.pos_ in {"PROPN", "NOUN"}
        and (
            said is None
            or (
                lexicon.outcome_of(verb_lemma(said, lexicon)) is None
                and not announcing(said, lexicon)
            )
        )
    )


def _light_with_its_object(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of saying that is light with its object's group: "the court announced its
    decision" is the ruling (not "announced its plans")."""
    obj = child(verb, "dobj")
    return obj is not None and any(
        lemma_of(verb) in verbs and group in lexicon.groups_of(obj.lemma_.lower())
        for group, verbs in lexicon.light_with.items()
    )


RESCHEDULED = {"new", "revised", "fresh", "next", "another", "rescheduled", "later"}
"""A placeholder (or "day": "the new opening day") so modified names a rescheduled event."""


def _rescheduling(ctx: Context, sent: Span) -> list[Report]:
    """ "A revised launch date will be announced", "the next launch attempt": the event is
    still to come, at a date not yet given."""
    found: list[Report] = []
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in PLACEHOLDERS | {"day"}:
            continue
        mods = {c.lower_ for c in noun.children if c.dep_ in {"amod", "det"}}
        events = [
            c
            for c in noun.children
            if c.dep_ in {"compound", "nmod"} and ctx.lexicon.is_event_noun(c.lemma_)
        ]
        if not (mods & RESCHEDULED) or not events:
            continue
        dated = _new_date(ctx, sent, noun, events[0])
        if dated is not None:
            found.append(dated)
            continue
        lemma = events[0].lemma_.lower()
        found.append(
            Report(
                start=sent.start_char,
                end=sent.end_char,
                lemma=lemma,
                groups=ctx.lexicon.groups_of(lemma),
                theme="",
                theme_lemma="",
                participants=[],
                status="rescheduled",
                headline=0 <= sent.start_char < ctx.headline_end,
            )
        )
    return found


def _new_date(ctx: Context, sent: Span, noun: Token, event: Token) -> Report | None:
    """ "Fixed 17 March as the new opening day", "the new launch date is 5 May": the event
    is expected at the date the sentence gives (the nearest one still ahead)."""
    ahead = [
        tm
        for tm in (forward(ctx, t, False) for t in in_sentence(ctx, sent))
        if tm.timex is not None
        and tm.timex.granularity not in {"duration", "future_ref", "time"}
        and tm.timex.start is not None
        and tm.timex.end is not None
        and tm.timex.end >= ctx.anchor
    ]
    if not ahead:
        return None
    tm = min(ahead, key=lambda t: abs(t.start - noun.idx))
    assert tm.timex is not None
    frame = nominal_frame(event, noun.head, ctx, None)
    if frame.theme is None:
        frame.theme = noun_theme(noun)  # "the new opening date for the airport"
    due = Due(start=tm.timex.start, end=tm.timex.end, value=tm.timex.value)
    headline = 0 <= sent.start_char < ctx.headline_end
    return _report(ctx, sent, frame, "expected", due, False, headline)


def find_reports(
    doc: Doc,
    anchor: date,
    times: list[TimeMention],
    expectations: list[Expectation],
    lexicon: Lexicon | None = None,
    ctx: Context | None = None,
) -> list[Report]:
    ctx = ctx or Context.of(doc, anchor, times, lexicon or load_lexicon())
    reports = [_from_expectation(ctx, e) for e in expectations]
    taken = {e.anchor for e in expectations}
    for sent in ctx.sentences:
        try:
            reports.extend(_sentence_reports(ctx, sent, taken))
        except (AssertionError, IndexError, ValueError, AttributeError):
            log.warning("event report rules failed on %r", sent.text[:200], exc_info=True)
    return reports


COUNTERFACTUAL = {"could", "would", "should"}
WAITED_FOR = {"until", "till"}


def _in_a_counterfactual(token: Token) -> bool:
    """ "Some riders said the agency could have waited until the Silver Line opened": what
    one could have waited for tells of nothing done (not "may have fled before the bridge
    opened", a guess about what did happen before it)."""
    head = token.head
    auxes = {a.lower_ for a in head.children if a.dep_ == "aux"}
    return (
        token.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in WAITED_FOR for m in token.children)
        and head.tag_ == "VBN"
        and "have" in auxes
        and bool(auxes & COUNTERFACTUAL)
    )


def _sentence_reports(ctx: Context, sent: Span, taken: set[int]) -> list[Report]:
    reports = _rescheduling(ctx, sent)
    for token in _candidates(sent, ctx.lexicon):
        if token.dep_ == "amod" or in_time(token, ctx):
            continue  # "the delayed scheme": background, not a report
        if not (may_name_event(token, ctx) or token.pos_ == "VERB"):
            continue
        if _phase_of_verb(token, ctx) or _in_a_counterfactual(token):
            continue
        frame = frame_of(token, ctx)
        if not _keep(frame, ctx) or (
            frame.outcome is None
            and stative(token, ctx.lexicon)
            and not _charge_changed(frame, token, ctx)
        ):
            continue  # "shares fell 6 per cent on Friday" is a value; "the tariff rose" not
        if frame.anchor.idx in taken:
            continue
        reading = reading_of(token, ctx)
        if reading.expects and frame.outcome is None and not reading.no_longer:
            continue  # an expectation: reported above when it was one
        chain = [t for t in (frame.verb, reading.top, reading.cue) if t is not None]
        ahead = frame.outcome == "postpone" and reading.tense in {
            "future",
            "present",
            "perfect",
            "past",
        }
        due = due_for(ctx, frame, chain, reading.negated, ahead, weekdays=ahead)
        status = _status(frame, reading, due, ctx)
        if status is None or (
            "*" in frame.groups
            and frame.outcome is None
            and status not in {"happened", "not_happened"}
        ):
            continue
        if status == "postponed" and weak_delay(frame.verb) and not due.dated:
            continue
        if status == "happened" and _not_done_now(frame.verb, sent, ctx):
            continue
        if status == "happened" and _repeated(frame.verb):
            status = "repeated"
        if status in DONE | {"repeated"} and due.start is None:
            due = _done_on(ctx, sent, frame) or due
        taken.add(frame.anchor.idx)
        reports.append(_report(ctx, sent, frame, status, due, reading.negated))
    reports.extend(_phases_done(ctx, sent, taken))
    reports.extend(_none_to_come(ctx, sent, taken))
    reports.extend(_past_dated(ctx, sent, taken))
    return reports


DONE = {"happened", "not_happened"}


def _none_to_come(ctx: Context, sent: Span, taken: set[int]) -> list[Report]:
    """ "There will be no trial in Washington": the event is off. With a time it is a bound
    ("there will be no strikes until the new year": an expectation, read as one)."""
    found: list[Report] = []
    for token in sent:
        there = existential_event(token, ctx)
        if there is None or not there[1] or there[2] or there[0].idx in taken:
            continue
        if not any(a.dep_ == "aux" and a.lower_ in {"will", "'ll"} for a in token.children):
            continue
        noun = there[0]
        if reading_of(token, ctx).modality in BLOCKING:
            continue  # "if the offer is accepted, there will be no strike"
        frame = nominal_frame(noun, token, ctx, "cancel")
        taken.add(noun.idx)
        found.append(_report(ctx, sent, frame, "cancelled", Due(), False))
    return found


def _phase_of_verb(token: Token, ctx: Context) -> bool:
    """ "Museums have begun to reopen", "has begun to deliver the jets": the phase of the
    event of the verb under it, which reports it; not the start of the museums (nor that of
    a wallet whose testing began)."""
    return lemma_of(token) in ASPECTUAL and any(
        c.dep_ == "xcomp"
        and c.pos_ == "VERB"
        and (may_name_event(c, ctx) or lemma_of(c) in PREPARATIONS)
        for c in token.children
    )


def _not_done_now(verb: Token, sent: Span, ctx: Context) -> bool:
    """A past or headline verb that reports no occurrence of its event at the article's
    time: long past ("53 years after she opened the Forth Road Bridge"), announced ("New
    bridge opens Wednesday", "Strasbourg vote on Canada deal") or only wished ("would have
    liked to see the report published")."""
    return (
        _years_before(verb)
        or _headline_day(verb, sent, ctx)
        or _verbless_headline(verb, ctx)
        or _under_modal(verb)
    )


REPEATS = {"twice", "thrice", "repeatedly"}
MANY = {"several", "many", "multiple", "numerous"}


def _repeated(verb: Token) -> bool:
    """Done a number of times ("has flown seven times since its debut", "met twice", "met
    for the second time", "the only election held so far"): a count of its kind, or another
    occurrence, not the one event a follow-up awaits. Not "again": "will meet again" is
    settled by "met again"."""
    if any(c.lower_ == "far" and c.i > 0 and c.doc[c.i - 1].lower_ == "so" for c in verb.subtree):
        return True  # "the only election held so far": a tally, not the occurrence awaited
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in REPEATS:
            return True
        if c.dep_ == "npadvmod" and c.lemma_ == "time" and _counted(c):
            return True
        if c.dep_ == "prep" and c.lower_ == "for":
            for obj in c.children:
                if obj.lemma_ == "time" and any(
                    m.ent_type_ == "ORDINAL" and m.lower_ != "first" for m in obj.children
                ):
                    return True
    return False


def _counted(noun: Token) -> bool:
    """A noun with a number ("seven times", "53 years") or a word of many."""
    return any(n.dep_ == "nummod" or n.lower_ in MANY for n in noun.children)


CLOSINGS = {"end", "close", "finish", "conclude", "stop", "expire"}
"""Verbs of an event's end: said of tonight, the event is under way."""


def _verbless_headline(verb: Token, ctx: Context) -> bool:
    """An event noun heading a headline with no verb ("Strasbourg vote on Canada deal") that
    the tagger took for a plural present with a singular subject: only a subject and a
    preposition go with it ("Ireland vote yes", "Parliament approve Canada deal": British
    plurals, with their objects, are reports)."""
    if not ctx.in_headline(verb) or verb.dep_ != "ROOT":
        return False
    subject = child(verb, "nsubj")
    return (
        verb.tag_ == "VBP"
        and subject is not None
        and subject.tag_ in {"NN", "NNP"}
        and not any(c.dep_ == "conj" for c in subject.children)
        and all(c.dep_ in {"nsubj", "prep", "punct"} for c in verb.children)
        and any(c.dep_ == "prep" for c in verb.children)
    )


MODALS = {"would", "could", "might", "should", "may"}


def _under_modal(verb: Token) -> bool:
    """A participle or infinitive inside a modal's wish ("would have liked to see the
    report published", "could see the line opened"): wished or possible, not done."""
    node = verb
    for _ in range(4):
        if _wished_participle(node):
            node = node.head  # "see the report published": the thing seen done
        elif node.dep_ != "xcomp" or node.head is node:
            return False  # "might argue that the election was held": the speaker's hedge
        node = node.head
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in node.children):
            return True
    return False


WISHED_DONE = RESULTS_OR_WISHES | (PARTICIPLE_WISHERS - {"expect"}) | {"see"}
"""Verbs whose object's participle is what they wish or cause done ("see the report
published")."""


def _wished_participle(verb: Token) -> bool:
    """A participle right after the object of a verb of wishing or causing ("see the report
    published"); not one set off by a comma ("see the report, published on Tuesday")."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and noun.dep_ == "dobj"
        and lemma_of(noun.head) in WISHED_DONE
        and not verb.doc[verb.i - 1].is_punct
    )


def _headline_day(verb: Token, sent: Span, ctx: Context) -> bool:
    """A headline's present tense with a day just ahead ("New bridge opens Wednesday" on a
    Monday, "opens tomorrow") announces the event; on a Thursday it reports it."""
    if verb.tag_ not in {"VBZ", "VBP"} and verb.dep_ in {"nsubj", "nsubjpass"}:
        verb = verb.head  # "Polls open tomorrow": the event noun's own verb
    if not ctx.in_headline(verb) or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    for t in sent:
        on_verb = t.head.i == verb.i or (t.head.dep_ == "prep" and t.head.head.i == verb.i)
        if not on_verb:
            continue
        if t.lower_ == "tomorrow" or (
            # "polls close tonight" is under way: it takes place
            t.lower_ in {"tonight", "midnight"} and lemma_of(verb) not in CLOSINGS
        ):
            return True
        if t.lower_ in WEEKDAYS and 1 <= (WEEKDAYS[t.lower_] - ctx.anchor.weekday()) % 7 <= 5:
            return True  # a day ahead in the coming week; yesterday's is past
    return False


def _years_before(verb: Token) -> bool:
    """A clause of a time a number of years apart from its main one ("53 years to the day
    after she opened the Forth Road Bridge", "two decades since it launched"): background
    ("rose this year after regulators approved" is not)."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in {"after", "since"} for c in verb.children
    ):
        return False
    return any(
        c.dep_ == "npadvmod" and c.lemma_ in {"year", "decade", "century"} and _counted(c)
        for c in [*verb.children, *verb.head.children]
    )


def _done_on(ctx: Context, sent: Span, frame: Frame) -> Due | None:
    """The day on which a clause says its event took place (or failed): a date, past or
    today, on the event's own words ("lifted off from Kourou on Saturday", "was held on 25
    December"); a date on another verb of the sentence ("said on Monday") is not it."""
    own = {frame.verb.i, frame.anchor.i}
    found: list[tuple[int, int, Due]] = []
    for tm in in_sentence(ctx, sent):
        when = tm.timex
        if when is None or when.start is None or when.end is None:
            continue
        if not (
            when.granularity == "day" or (when.granularity == "time" and DAY_NAMED.search(tm.text))
        ):
            continue
        if when.start != when.end or when.end > ctx.anchor:
            continue
        root = span_root(ctx, tm)
        steps = distance(root, own, ctx) if root is not None else None
        if steps is not None:
            found.append((steps, tm.start, Due(when.start, when.end, None, when.value, tm.text)))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


PHASES = {"open", "begin", "start", "end", "close", "conclude", "break up", "wrap up", "finish"}
"""Verbs of an event's first or last moment: "the summit opened with a dinner", "the
meeting broke up without a deal". An event noun as their subject, in the past, took
place (the verb's own report, if it has one, stays)."""
ENDINGS = {"complete", "finish", "conclude", "wrap up"}
"""Verbs that end the event their object names: "completing the delivery of the jets"."""


def _phases_done(ctx: Context, sent: Span, taken: set[int]) -> list[Report]:
    found: list[Report] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.dep_ in {"amod", "aux", "auxpass"}:
            continue
        prt = particle(verb)
        lemma = f"{lemma_of(verb)} {prt}" if prt else lemma_of(verb)
        if lemma not in PHASES | ENDINGS:
            continue
        noun = child(verb, "dobj") if lemma in ENDINGS else None
        noun = noun if noun is not None and noun.pos_ == "NOUN" else child(verb, "nsubj")
        if noun is None or noun.pos_ != "NOUN" or noun.idx in taken:
            continue
        word = noun.lemma_.lower()
        if not ctx.lexicon.is_event_noun(word) or word in PLACEHOLDERS:
            continue
        reading = reading_of(verb, ctx)
        if reading.tense not in {"past", "perfect"} or reading.negated or reading.expects:
            continue
        if _headline_day(verb, sent, ctx):
            continue  # "Polls open tomorrow under virus rules"
        frame = nominal_frame(noun, verb, ctx, None)
        due = due_for(ctx, frame, [verb], False, False)
        if _status(frame, reading, due, ctx) != "happened":
            continue
        if due.start is None:
            due = _done_on(ctx, sent, frame) or due
        taken.add(noun.idx)
        found.append(_report(ctx, sent, frame, "happened", due, False))
    return found


DATE_MODIFIERS = {"poss", "compound", "nmod", "nummod", "amod"}


READYING = frozenset({"clear", "prepare", "ready", "set", "schedule", "brace", "gear"})
"""Verbs whose "for" names what is still to come: "cleared for Monday take-off", "braced for
Sunday's vote" (not "praised the crew for Sunday's landing")."""


def _readied_for(noun: Token) -> bool:
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.pos_ in {"VERB", "ADJ"}
        and lemma_of(prep.head) in READYING
    )


def _past_dated(ctx: Context, sent: Span, taken: set[int]) -> list[Report]:
    """An event noun dated in the past by its own modifier ("won Sunday's election",
    "since the 18 October vote"): the event took place, unless a clause reports
    otherwise (those nouns are taken) or the clause is hedged or asked."""
    found: list[Report] = []
    past = [
        tm
        for tm in in_sentence(ctx, sent)
        if tm.timex is not None
        and tm.timex.end is not None
        and tm.timex.end <= ctx.anchor
        and (
            tm.timex.granularity in {"day", "week"}
            or (tm.timex.granularity == "time" and tm.timex.value.split("T")[-1].isalpha())
            or any(w.isdigit() and len(w) == 4 for w in tm.text.split())
        )  # a bare month may be the coming one ("as the October opening collapses"); a part
        # of a day is that day ("on Friday morning"), a clock time alone no day said
    ]
    if not past:
        return found
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.idx in taken or in_time(noun, ctx):
            continue
        if not ctx.lexicon.is_event_noun(noun.lemma_) or noun.lemma_.lower() in PLACEHOLDERS:
            continue
        mods = [c for c in noun.children if c.dep_ in DATE_MODIFIERS]
        if noun.dep_ in {"nsubj", "nsubjpass"}:
            # "the opening of the gates on Friday morning drew long queues": a day after
            # "on" dates the subject too (not "destroyed on its first flight on Tuesday")
            mods += [x for x in prep_objects(noun, "on") if x.ent_type_ in {"DATE", "TIME"}]
        mods += [x for c in mods for x in c.children if x.dep_ in {"compound", "nummod"}]
        dates = [tm for tm in past if any(tm.start <= c.idx < tm.end for c in mods)]
        verb = next((h for h in noun.ancestors if h.pos_ in {"VERB", "AUX"}), None)
        if not dates or verb is None or ctx.lexicon.outcome_of(verb_lemma(verb, ctx.lexicon)):
            continue
        if any(c.dep_ == "amod" and c.tag_ == "VBN" for c in noun.children):
            continue  # "the postponed 18 October vote", "the failed October opening"
        if _readied_for(noun):
            continue  # "cleared for Monday take-off": what it is cleared for is to come
        reading = reading_of(verb, ctx)
        after = noun.head.dep_ == "prep" and noun.head.lower_ in {"after", "since", "following"}
        if not (after or reading.tense in {"past", "perfect"}):
            continue
        if reading.modality in BLOCKING or reading.negated or reading.expects:
            continue
        frame = nominal_frame(noun, verb, ctx, None)
        if frame.theme is not None and any(tm.start <= frame.theme.idx < tm.end for tm in dates):
            frame.theme = None  # "Sunday's election": Sunday is its date, not its theme
        taken.add(noun.idx)
        when = dates[0].timex
        assert when is not None
        due = Due(when.start, when.end, None, when.value, dates[0].text)
        found.append(_report(ctx, sent, frame, "happened", due, False))
    return found
