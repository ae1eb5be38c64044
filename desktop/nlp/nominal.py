"""Expectations said of a noun or a state rather than through a verb: "the vote is
scheduled for March 15", "the next launch opportunity is on September 2", "a June 2020
launch date is more likely", "is targeting February 2022 for the mission", "the line will
be fully open in December 2019"."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.nlp.cues import ADJ_CUES, BLOCKING, CHANGE_OF_VALUE, CUES, TRACK_NOUNS
from desktop.nlp.frames import (
    ARRIVE,
    HELD,
    OCCASIONS,
    PLACEHOLDERS,
    STATE_ENTRIES,
    WANTING,
    Frame,
    event_noun,
    first_output,
    frame_of,
    may_name_event,
    nominal_frame,
    output_start,
    put_into,
    state_groups,
)
from desktop.nlp.modality import Reading, reading_of, reported_by, said_once
from desktop.nlp.timeparts import SPANS, names_a_time, temporal_clause
from desktop.nlp.words import (
    EVENT_ENDINGS,
    IN_STATES,
    REMAINING,
    SAYING,
    antecedent,
    batch_of,
    child,
    dated_phrase,
    lemma_of,
    place_due,
    prep_objects,
    raised_subject,
    verb_lemma,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.nlp.context import Context

DATE_PREPS = {
    "on", "in", "for", "at", "by", "from", "around", "until", "before", "between", "to",
    "within", "during", "towards", "toward",
}  # fmt: skip


MEASURES = frozenset({
    "rule", "law", "regulation", "ban", "tax", "tariff", "levy", "toll", "fee", "charge",
    "requirement", "act", "directive", "policy", "reform", "cap",
})  # fmt: skip
"""Measures that are due on the day they take effect ("the rule, which is due on January
1"); a loan or a payment that is due is no event."""


def _event_antecedent(pronoun: Token, ctx: Context | None) -> Token | None:
    """The noun a relative pronoun stands for, when it names an event or a measure."""
    noun = antecedent(pronoun) if ctx is not None else None
    if noun is None or ctx is None:  # no lexicon to tell an event by: no antecedent
        return None
    lemma = noun.lemma_.lower()
    named = ctx.lexicon.is_event_noun(lemma) or placeholder(noun, ctx) or lemma in MEASURES
    return noun if named else None


SUBJECTS = {"nsubj", "nsubjpass", "expl"}


def nominal_subject(head: Token, ctx: Context | None = None) -> Token | None:
    """The noun a schedule or a date is said of: "the vote is scheduled", "the launch is
    set for", "the next launch opportunity is on". With ``ctx``, a relative pronoun stands
    for its noun when that names an event or a measure ("the election, which remains
    scheduled for September"; not "the loan, which is due in 2023")."""
    auxes = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    for said in [*head.children, *(x for a in auxes for x in a.children)]:
        # the subject may hang on a copula the parser took for an auxiliary: "the start
        # remains scheduled for May"
        c: Token | None = said
        if said.dep_ in {"nsubj", "nsubjpass"} and said.lower_ in {"which", "that"}:
            c = _event_antecedent(said, ctx)
        if c is None:
            continue
        if said.dep_ in {"nsubj", "nsubjpass"} and (c.pos_ in {"NOUN", "PROPN"} or c.tag_ == "VBG"):
            return c  # a gerund too: "its commissioning is planned for August"
        if (
            said.dep_ == "csubj"
            and c.tag_ == "VBG"
            and not any(x.dep_ in {"dobj", "nsubj", "aux"} for x in c.children)
        ):
            return c  # "Sentencing in the arson case is due on Thursday": the gerund's noun
        if said.dep_ == "nsubj" and c.pos_ == "NUM" and c.ent_type_ not in {"DATE", "TIME"}:
            return c  # "all 36 are due by April": a count of things
        things = batch_of(c) if said.dep_ == "nsubj" else None
        if things is not None and (
            things.lemma_.lower().endswith(EVENT_ENDINGS)
            or (ctx is not None and ctx.lexicon.is_event_noun(things.lemma_))
        ):
            return things  # "the last of the public hearings is due in May": a hearing
        if things is not None:
            return c  # "the first of France's 50 aircraft is due in March"
    aside = _set_off_by(head, ctx)
    if aside is not None:
        return aside
    if head.dep_ in {"acomp", "attr"}:
        return nominal_subject(head.head, ctx)
    if (
        head.dep_ == "conj"
        and head.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in SUBJECTS for c in head.children)
    ):
        return nominal_subject(head.head, ctx)  # "will carry supplies and is targeted for"
    return None


NOUN_PHRASE_STARTS = {"DT", "PRP$", "PRP", "JJ", "JJR", "JJS", "CD", "NNP", "NNPS", "NNS"}
"""Words that open the cause after "due to" ("due to the strike", "due to heavy rain"); "due
to land", which the tagger may make a noun, is a schedule."""


def _stays_set(cue: Token) -> bool:
    """ "JEE Advanced remains set for 27 September": a participle of a cue after "remain"
    or "stay" is said of their subject, as after "is"."""
    return cue.tag_ == "VBN" and cue.dep_ == "acomp" and lemma_of(cue.head) in REMAINING


def _with_planned(cue: Token) -> bool:
    """ "with injections planned from late February": a participle of a cue on the noun
    after "with" says the noun's event is planned."""
    noun = cue.head
    return (
        cue.dep_ == "acl"
        and cue.tag_ == "VBN"
        and noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
    )


def _causal_due(due: Token) -> bool:
    """ "fell in March, due mainly to the strike": a cause, not a schedule ("due to be
    signed" is one)."""
    if due.lower_ != "due":
        return False
    after = [t for t in due.doc[due.i + 1 : due.i + 4] if t.tag_ not in {"RB", "RBR"}]
    return len(after) >= 2 and after[0].lower_ == "to" and after[1].tag_ in NOUN_PHRASE_STARTS


def _set_off_by(due: Token, ctx: Context | None) -> Token | None:
    """ "more of Starfield, due in September,": the noun right before the comma is due,
    wherever the parser hung the adjective; not in a sentence that calls the plan off ("the
    trial, due this month, has been put back": the old date)."""
    if due.lower_ != "due" or due.dep_ not in {"amod", "appos", "acomp", "prep"} or due.i < 2:
        return None
    root = due.sent.root
    if ctx is None or ctx.lexicon.outcome_of(verb_lemma(root, ctx.lexicon)) is not None:
        return None
    noun = due.doc[due.i - 2]
    after = next((t for t in due.doc[due.i + 1 :] if t.tag_ not in {"RB", "RBR"}), due)
    if (
        due.doc[due.i - 1].text != ","
        or noun.pos_ not in {"NOUN", "PROPN"}
        or noun.ent_type_ in {"DATE", "TIME"}
        or after.lower_ == "to"  # "the game, due (mainly) to a bug, ..."
        or any(x.ent_type_ in {"GPE", "LOC", "FAC"} for x in prep_objects(due, "in", "at"))
    ):  # "the minister, due in Paris on Monday,": a visit, not the minister
        return None
    return noun if due.head.i == noun.i or due.dep_ in {"acomp", "prep"} else None


def has_date(token: Token, ctx: Context) -> bool:
    spans = [(tm.start, tm.end) for tm in ctx.times if tm.timex is not None]
    for c in token.children:
        if temporal_clause(c) is not None and any(in_time(x, ctx) for x in c.subtree):
            return True  # "not expected before lawmakers return on October 1"
        tokens = [c] if c.dep_ in {"npadvmod", "attr", "dobj", "pobj"} else []
        if c.dep_ in {"prep", "agent"} and c.lower_ in DATE_PREPS:
            tokens = [x for x in c.children if x.dep_ == "pobj"]
            # "moved to no earlier than March", "targeted for no earlier than April"
            tokens += _bound_objects(c)
        if c.dep_ == "advmod" and c.lower_ == "away":
            tokens = [x for x in c.children if x.dep_ == "npadvmod"]  # "is three weeks away"
        if c.dep_ == "advmod" and c.lower_ in {"earlier", "later", "sooner"}:
            # "expected no earlier than May"
            tokens = [x for p in c.children if p.lower_ == "than" for x in p.children]
        for t in tokens:
            # the noun or a time premodifying it ("during its 2023 financial year"); a
            # window's whole phrase ("a window running from 12 May to 3 June")
            words = [t, *(x for x in t.children if x.dep_ in {"nummod", "compound", "amod"})]
            if t.lemma_.lower() in SPANS:
                words += list(t.subtree)
            if any(s <= x.idx < e for x in words for s, e in spans):
                return True
    return False


def _bound_objects(prep: Token) -> list[Token]:
    """The time of a bound a preposition takes: "to no earlier than late March"."""
    return [
        x
        for p in prep.children
        if p.dep_ == "pcomp" and p.lower_ in {"earlier", "later", "sooner"}
        for t in p.children
        if t.lower_ == "than"
        for x in t.children
        if x.dep_ == "pobj"
    ]


def cue_tense(cue: Token) -> str:
    if cue.tag_ == "VBN" and said_once(cue):
        return "past_future"  # "the election, originally planned for 3 May"
    aux = {c.lower_ for c in cue.children if c.dep_ in {"aux", "auxpass"}}
    head_aux = cue.head if cue.dep_ in {"acomp", "attr"} else cue
    if head_aux is not cue:
        aux |= {head_aux.lower_} | {c.lower_ for c in head_aux.children if c.dep_ == "aux"}
    if aux & {"will", "shall", "'ll"}:
        return "future"
    if aux & {"had"} or ("would" in aux and "have" in aux):
        return "past_future"
    if cue.tag_ == "VBD" or aux & {"was", "were"}:
        once = said_once(cue)
        return "future_in_past" if reported_by(cue) is not None and not once else "past_future"
    return "future"


BATCH_WORDS = {"first", "last", "final", "remaining", "next"}


def counted(noun: Token) -> bool:
    """Things counted out, as deliveries are: "all 36", "the first two jets", "the last
    ships", "the first of the 50 aircraft" — a number, or a word of a batch, on the noun."""
    return (
        noun.pos_ == "NUM"
        or batch_of(noun) is not None
        or any(
            c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in BATCH_WORDS)
            for c in noun.children
        )
    )


def _aimed_at(cue: Token, ctx: Context) -> Token | None:
    """The noun after "for" that a cue verb aims at ("planned for the spring" has none),
    also through a date it is set as ("set May 3 as the date for the vote")."""
    heads = [cue] + [x for x in prep_objects(cue, "as") if x.lemma_.lower() in PLACEHOLDERS]
    return next(
        (x for head in heads for x in prep_objects(head, "for") if not in_time(x, ctx)), None
    )


def _bare_event(noun: Token, ctx: Context) -> bool:
    """An event noun without article or owner, what a thing is set "for": "scheduled for
    release", "cleared for delivery" (not "the stage is set for the vote", where the vote is
    no event of the stage)."""
    return ctx.lexicon.is_event_noun(noun.lemma_) and not any(
        c.dep_ in {"det", "poss"} for c in noun.children
    )


def worked_towards(verb: Token) -> Token | None:
    """The object of "working towards", read like "aiming for": a date or an event makes
    it a plan ("officials are working towards 1 April for the launch", "towards a liftoff
    in April"); anything else ("better pay") makes none, and no work done either."""
    if verb.pos_ != "VERB" or lemma_of(verb) != "work":
        return None
    return next(iter(prep_objects(verb, "towards", "toward")), None)


def _dated_target(cue: Token, ctx: Context) -> bool:
    """The cue's object is a target or date "of" a time: "set a target of 2020"."""
    return any(
        in_time(x, ctx)
        for obj in cue.children
        if obj.dep_ == "dobj" and obj.lemma_.lower() in PLACEHOLDERS
        for x in prep_objects(obj, "of")
    )


def _set_a_time(cue: Token, passive: bool, ctx: Context) -> bool:
    """A cue verb in the simple past that set a time as its object ("set 4 May as the
    date for the vote"), or set its event object for a time ("the judge set the sentencing
    for 11 July"): a plan that still holds if the time lies ahead."""
    perfect = cue.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in cue.children
    )  # "has scheduled the hearing for 7 March"
    return (
        (cue.tag_ == "VBD" or perfect)
        and not passive
        and not said_once(cue)
        and not any(c.dep_ == "aux" and c.lower_ not in {"has", "have"} for c in cue.children)
        and any(
            c.dep_ in {"dobj", "npadvmod"}
            and (
                in_time(c, ctx)
                or (ctx.lexicon.is_event_word(c.lemma_) and _set_for(cue, ctx))
                or _scheduled_thing(cue, c, _set_for(cue, ctx))
            )
            for c in cue.children
        )
    )


def _set_for(cue: Token, ctx: Context) -> bool:
    """A time after "for" under the cue: the date its object was set for ("scheduled the
    vote for 3 May"), not when the setting happened ("scheduled the vote on Friday")."""
    return any(in_time(x, ctx) for x in prep_objects(cue, "for"))


def _expected_things(cue: Token, ctx: Context) -> Token | None:
    """An event or things counted out that a cue expects at a time: "expects the first
    deliveries in May", "expect the first images next summer" (their arrival), "is
    targeting production in 2024" (its start)."""
    aimed = lemma_of(cue) == "target"
    if lemma_of(cue) not in {"expect", "anticipate"} and not aimed:
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if aimed and not first_output(obj):
        return None
    if not (counted(obj) or ctx.lexicon.is_event_word(obj.lemma_) or first_output(obj)):
        return None
    if change_in_amount(obj):
        return None  # "expect a rise in prices next year": a forecast of a figure
    dated = has_date(cue, ctx) or has_date(obj, ctx) or any(in_time(c, ctx) for c in obj.children)
    return obj if dated else None


def change_in_amount(noun: Token) -> bool:
    """A change "in" an amount said in general ("a rise in prices", "an increase in
    sales"): a figure, not an event; "a rise in the consumption tax" is one."""
    return lemma_of(noun) in CHANGE_OF_VALUE and any(
        x.ent_type_ not in {"DATE", "TIME"}
        and not any(c.dep_ in {"det", "poss"} for c in x.children)
        for x in prep_objects(noun, "in")
    )


def _clause_before(clause: Token, cue: Token) -> bool:
    """A clause with a subject of its own before a cue that has its own too: another
    sentence the parser hung on the cue ("the navy must decide which jet to buy; a
    choice is expected next year"), not what the cue expects."""
    return (
        clause.i < cue.i
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)
    )


def _plan_called_off(cue: Token, ctx: Context) -> bool:
    """A plan said of a noun whose own clause gives it up or dates it anew ("the handover
    planned for 4 December will not take place", "... will take place on 10 December
    instead", "the vote, which is scheduled for June, has been cancelled"): the clause says
    what holds now. Another negation ("will not be free and fair") or a date of something
    else ("will go ahead despite protests in May") leaves the plan standing."""
    noun = cue.head
    if cue.dep_ not in {"acl", "relcl"} or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb, lexicon = noun.head, ctx.lexicon
    if lexicon.outcome_of(lemma_of(verb)) in {"cancel", "postpone", "fail"}:
        return True
    held = noun.dep_ == "nsubjpass" and lemma_of(verb) in lexicon.light_object  # "be held"
    if not held and verb_lemma(verb, lexicon) not in lexicon.light_subject:
        return False  # only a verb that says the event takes place ("take place", "go ahead")
    return any(c.dep_ == "neg" for c in verb.children) or any(
        in_time(x, ctx)
        for c in verb.children
        if c.dep_ == "prep" and c.i > noun.right_edge.i
        for x in c.children
        if x.dep_ == "pobj"
    )


def _date_stays(token: Token) -> bool:
    """ "Polling day remains 26 October", "the opening night stays 11 January": the day
    of an event that stays a date is that date, as "is" would say."""
    return lemma_of(token) in REMAINING and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in PLACEHOLDERS | OCCASIONS for c in token.children
    )


GIVERS = {"give", "name", "announce", "fix", "pencil", "point", "set"}
"""Verbs that give a time as the date of an event: "gives the third quarter of 2023 as the
new in-service date", "now gives the second quarter as the start of commercial
operations" (their own event is no event of the story)."""


SERVICE = "enter service"
"""The event of "the new in-service date" (the lexicon's phrase for it)."""


def _in_service(noun: Token) -> bool:
    """ "the new in-service date": the date of entering service."""
    return any(
        c.lower_ == "in" and any(x.lower_ in {"service", "operation"} for x in c.children)
        for c in noun.children
    )


def _placeholder(noun: Token) -> bool:
    """A noun that stands for an event's time: "the date", "its target year"."""
    return lemma_of(noun) in PLACEHOLDERS or (
        lemma_of(noun) in {"year", "month"}
        and any(
            c.dep_ in {"compound", "amod"} and lemma_of(c) in PLACEHOLDERS for c in noun.children
        )
    )


def _aimed_doing(noun: Token, ctx: Context) -> Token | None:
    """The gerund of an event after "for": "as its target year for joining the euro area"."""
    return next(
        (
            x
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for x in c.children
            if x.dep_ == "pcomp" and x.tag_ == "VBG" and may_name_event(x, ctx)
        ),
        None,
    )


def given_as(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    """A time given as an event's date or its start: the event, expected then."""
    if token.pos_ != "VERB" or lemma_of(token) not in GIVERS:
        return None
    obj = next((c for c in token.children if c.dep_ in {"dobj", "npadvmod"}), None)
    if obj is None and lemma_of(token) == "point":
        obj = next(iter(prep_objects(token, "to")), None)  # "point to 2010 as the date"
    if obj is None or not in_time(obj, ctx):
        return None
    noun = next(
        (
            x
            for x in prep_objects(token, "as")
            if ctx.lexicon.is_event_word(x.lemma_) or _placeholder(x)
        ),
        None,
    )
    if noun is None:
        return None
    aim = next((x for x in prep_objects(noun, "for") if ctx.lexicon.is_event_word(x.lemma_)), None)
    doing = _aimed_doing(noun, ctx) if aim is None else None
    if doing is not None:
        frame = replace(frame_of(doing, ctx), verb=token)  # "as its target year for joining"
    else:
        frame = nominal_frame(aim or noun, token, ctx, None)  # "as the day for the handover"
    if frame.groups == {"*"} and _in_service(noun):
        frame.lemma, frame.groups, frame.theme = SERVICE, ctx.lexicon.groups_of(SERVICE), None
    if frame.groups == {"*"} and frame.theme is not None and frame.theme.i == noun.i:
        return None  # "as the new date", of nothing named
    reading = reading_of(token, ctx)
    if reading.modality in BLOCKING or reading.negated:
        return None
    reading.tense = "future_in_past" if token.tag_ == "VBD" else "future"
    reading.modality = "planned"
    return frame, reading


def existential_event(token: Token, ctx: Context) -> tuple[Token, bool, bool] | None:
    """The event noun "there" is said to be of, whether with "no", and whether with a time:
    "there will be an election on 3 March", "there will be no trial in Washington"."""
    if lemma_of(token) != "be" or not any(c.dep_ == "expl" for c in token.children):
        return None
    noun = next((c for c in token.children if c.dep_ in {"attr", "nsubj"}), None)
    if noun is None or noun.pos_ != "NOUN":
        return None
    if not (ctx.lexicon.is_event_word(noun.lemma_) or lemma_of(noun) in HELD):
        return None
    none = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    return noun, none, has_date(token, ctx) or has_date(noun, ctx)


def there_will_be(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    """ "There will be an election on 3 March", "there will be no national stoppages until
    the new year": the event there will be (none of, with "no"), at a time said with it."""
    found = existential_event(token, ctx)
    if found is None or not found[2]:
        return None  # "there will be a vote": no time to follow up
    noun, none, _dated = found
    frame = nominal_frame(noun, token, ctx, None)
    if frame.theme is None and not ctx.lexicon.is_event_word(noun.lemma_):
        frame.theme = noun  # "there will be a hearing on Monday": the hearing goes ahead
    reading = reading_of(token, ctx)
    reading.negated = reading.negated or none
    return frame, reading


def noun_schedule(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    """A schedule said of a noun: cue words with no verb to carry the event."""
    lemma = lemma_of(token)
    towards = worked_towards(token)
    is_cue = (
        (token.pos_ == "VERB" and lemma in CUES)
        or (token.pos_ == "ADJ" and token.lower_ in ADJ_CUES)
        or towards is not None
    )
    is_copula = (lemma == "be" or _date_stays(token)) and token.dep_ in {"ROOT", "ccomp", "conj"}
    if not (is_cue or is_copula):
        return None
    if lemma == "see" and token.tag_ not in {"VBZ", "VBP"}:
        return None  # "sees the deal closing by March"; not "saw the launch on Friday"
    if _plan_called_off(token, ctx) or _causal_due(token):
        return None
    if is_copula and any(
        c.dep_ in {"attr", "acomp"} and c.ent_type_ not in {"DATE", "TIME"} for c in token.children
    ):
        return None  # "will be the first ...": a copula, not a date
    if any(
        c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"} and not _clause_before(c, token)
        for c in token.children
    ):
        return None
    copula = token.head if token.dep_ in {"acomp", "attr"} else None
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
    if not passive and _stays_set(token) and nominal_subject(token, ctx) is not None:
        passive = True
    noun = nominal_subject(token, ctx) if (passive or token.pos_ == "ADJ" or is_copula) else None
    if noun is None and _with_planned(token):
        passive, noun = True, token.head  # "with injections planned from late February"
    dated = (
        has_date(token, ctx)
        or (copula is not None and has_date(copula, ctx))
        # "has scheduled the hearing for 7 March", "plans its next launch attempt on
        # Thursday": the parser hangs the date on the object
        or any(
            in_time(x, ctx)
            for o in token.children
            if o.dep_ == "dobj"
            for x in prep_objects(o, "for", "on", "in", "at")
        )
    )
    if not dated and noun is not None and noun.lemma_.lower() in PLACEHOLDERS:
        dated = any(in_time(c, ctx) for c in noun.children)  # "a June 2020 launch date"
    aim = _aimed_at(token, ctx) if token.pos_ == "VERB" and not is_copula else None
    if passive and aim is not None and not _bare_event(aim, ctx):
        aim = None  # "is scheduled for Monday morning": the time, read as said of the subject
    if aim is None and towards is not None and ctx.lexicon.is_event_word(towards.lemma_):
        aim = towards  # "working towards a liftoff in April"
    if not dated and aim is not None and ctx.lexicon.is_event_word(aim.lemma_):
        # "aiming for an autumn start", "set a target of 2020 for the launch"
        dated = (
            any(in_time(c, ctx) for c in aim.children)
            or has_date(aim, ctx)  # "preparing for the summit on 9 May"
            or _dated_target(token, ctx)
        )
    things = _expected_things(token, ctx) if aim is None and not passive else None
    if not (dated or things is not None):
        return None
    subject = noun
    if passive and aim is not None:
        noun = aim  # "the game is scheduled for release on 26 June": the release, of the game
    obj = None
    if token.pos_ == "VERB" and not passive and not is_copula:
        # "planned for 3 May": the date is no event
        # "set the referendum for 14 June": its object, not the commission that set it
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is not None and not (
            ctx.lexicon.is_event_word(obj.lemma_) or _scheduled_thing(token, obj, dated)
        ):
            obj = None
        noun = aim or things or obj or nearest_event_noun(token, ctx)
    if noun is None:
        return None
    if lemma == "book" and passive:
        # "the stadium is booked for a concert on 12 June": the concert
        noun = next((x for x in prep_objects(token, "for") if x.lemma_.lower() in BOOKED), noun)
    full = any(c.lower_ in {"fully", "heavily", "solidly"} for c in token.children)
    booked = not full and (noun.lemma_.lower() in BOOKED or (passive and noun.pos_ == "PROPN"))
    if lemma == "book" and not booked:
        return None  # "booked the rubber match for 18 July", not "booked flights for May"
    if is_copula and not (ctx.lexicon.is_event_word(noun.lemma_) or placeholder(noun, ctx)):
        return None
    frame = nominal_frame(noun, token, ctx, None)
    if noun is not subject and frame.theme is None and subject is not None:
        frame.theme = subject if subject.pos_ != "PRON" else None
    if frame.theme is None and noun is obj and not ctx.lexicon.is_event_word(noun.lemma_):
        frame.theme = noun  # "scheduled the hearing for 7 March": the hearing goes ahead
    if frame.groups == {"*"} and first_output(noun):
        # "expects first gas in the third quarter", "first power is planned for later this
        # year": production starts
        start = output_start(noun)
        frame.lemma, frame.groups = start, ctx.lexicon.groups_of(start)
        frame.theme = noun
    arrival = token.lower_ == "due" or noun is things
    person = _due_somewhere(token, noun)
    # "the first jets are due in July", "all 36 are due": things counted out arrive ("official
    # results are due" stays a thing that is due); "President Obama is due in Jakarta next
    # Tuesday": he arrives there
    if arrival and frame.groups == {"*"} and frame.outcome is None and (person or counted(noun)):
        frame.lemma, frame.groups = ARRIVE, ctx.lexicon.groups_of(ARRIVE)
        if person:
            frame.theme = noun
    return frame, _cue_reading(token, passive, towards is not None, ctx)


def _due_somewhere(due: Token, person: Token) -> bool:
    """A person due in a place ("President Obama is due in Jakarta next Tuesday"): the
    person's arrival there."""
    return person.ent_type_ == "PERSON" and bool(place_due(due))


SCHEDULERS = {"schedule", "reschedule", "slate", "set", "book", "date"}
BOOKED = frozenset({
    "match", "rematch", "fight", "bout", "concert", "gig", "show", "hearing", "meeting",
    "appearance", "performance", "game", "launch",
})  # fmt: skip
"""What is booked for a day as an occasion ("booked the rematch for 18 July"; not a hotel
"booked for the summer", nor a gain booked for a quarter)."""
SET_VALUES = {
    "price", "rate", "target", "goal", "record", "tone", "stage", "limit", "budget", "fee",
    "level", "pace", "standard", "agenda", "course", "terms", "condition",
}  # fmt: skip
"""What is "set" for a time without being an event: "set the price for 2020"."""


def _scheduled_thing(cue: Token, obj: Token, dated: bool) -> bool:
    """What one schedules for a date is an event, whatever the lexicon says of the noun:
    "has scheduled the Virginia hearing for 7 March", "set the trial for 7 March"."""
    return (
        dated
        and lemma_of(cue) in SCHEDULERS
        and obj.pos_ == "NOUN"
        and obj.tag_ == "NN"  # one thing: not "200 extra staff", "production quotas"
        and any(c.dep_ in {"det", "poss"} for c in obj.children)
        and obj.lemma_.lower() not in SET_VALUES | PLACEHOLDERS
        and bool(prep_objects(cue, "for") or prep_objects(obj, "for"))
    )


def _cue_reading(token: Token, passive: bool, towards: bool, ctx: Context) -> Reading:
    """The reading of a cue with no verb of the event under it: its tense and modality are
    the cue's ("was scheduled", "is due")."""
    reading = reading_of(token, ctx)
    reading.tense = cue_tense(token)
    if reading.tense == "past_future" and _set_a_time(token, passive, ctx):
        reading.tense = "future_in_past"  # "the board set 4 May for the vote": if still ahead
    copula = token.head if token.dep_ in {"acomp", "attr"} else None
    if copula is not None and any(c.dep_ == "neg" for c in copula.children):
        reading.negated = True  # "would not be ready in 2014"
    reading.modality = (
        reading.modality
        if reading.modality in BLOCKING
        else (
            CUES.get(lemma_of(token))
            or ADJ_CUES.get(token.lower_)
            or ("planned" if towards else "certain")
        )
    )
    return reading


STATES = {
    "open", "operational", "ready", "complete", "completed", "live", "available",
    "effective", "functional", "finished", "closed", "shut", "mandatory", "compulsory",
}  # fmt: skip
"""Adjectives of a state an event brings about: "the line will be fully open in December"."""


def _state(lemma: str, groups: set[str], holder: Token, subject: Token, ctx: Context) -> Frame:
    """The frame of a state said of ``subject`` on ``holder`` (a copula or a cue)."""
    frame = Frame(lemma, frozenset(groups), holder, holder)
    frame.theme, frame.ctx = subject, ctx
    return frame


ON_SALE = {"in": {"stores", "shops"}, "on": {"sale", "shelves"}}
"""Where a released product is: "in stores", "on sale"."""
ROUTES = {"line", "route", "network", "road"}
"""Where a vehicle in service runs: "expected on the main line in March"."""
VEHICLES = {
    "train", "tram", "bus", "car", "vehicle", "ferry", "ship", "fleet", "locomotive",
    "carriage", "unit", "coach", "truck", "lorry", "taxi", "robotaxi",
}  # fmt: skip


def _in_state(holder: Token, ctx: Context) -> Frame | None:
    """ "Congestion pricing will be in place by 2022", "the jets will be in service in
    May", "Unit 3 is expected in commercial service in May": a state that begins, of its
    own group and of the groups of entering it. ``holder``: the copula, or the cue the
    state hangs on."""
    state = next((x for x in prep_objects(holder, "in") if x.lemma_.lower() in IN_STATES), None)
    on_sale = next(
        (x for p, nouns in ON_SALE.items() for x in prep_objects(holder, p) if x.lower_ in nouns),
        None,
    )
    if lemma_of(holder) == "be":
        subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        subject = antecedent(subject) or raised_subject(holder)
    else:
        subject = nominal_subject(holder)
    if subject is None or subject.pos_ == "PRON":
        return None
    if state is None and on_sale is not None:
        # "will be in stores from 9 February", "is on sale from Friday": its release
        lemma = f"{on_sale.head.lower_} {on_sale.lower_}"
        return _state(lemma, {f"state:{lemma}"} | ctx.lexicon.groups_of("go on sale"), holder,
                      subject, ctx)  # fmt: skip
    route = next(
        (
            x
            for x in prep_objects(holder, "on")
            if x.lemma_.lower() in ROUTES and any(c.dep_ == "det" for c in x.children)
        ),
        None,
    )  # "on the line", not "on track"
    fresh = any(c.lower_ in {"new", "first"} for c in subject.children)
    vehicle = (
        (subject.lemma_.lower() in VEHICLES and fresh)  # not "twenty million cars"
        or subject.text[:1].isdigit()  # "the first Class 385s"
        or (subject.pos_ == "PROPN" and subject.ent_type_ not in {"PERSON", "NORP", "GPE"})
    )
    if state is None and route is not None and vehicle:
        # "the new trains are expected on the main line in March": in service there
        lemma = f"on the {route.lemma_.lower()}"
        groups = {f"state:{lemma}"} | ctx.lexicon.groups_of("enter service")
        return _state(lemma, groups, holder, subject, ctx)
    if state is None:
        return None
    noun = state.lemma_.lower()
    lemma = f"in {noun}"
    # being in service is what entering it begins: one event with "will enter service"
    # (the update check takes only a report of that very state: tracking/outcomes.py)
    entries = [e.format(noun) for e in STATE_ENTRIES if ctx.lexicon.is_event_word(e.format(noun))]
    groups = {f"state:{lemma}"}.union(*(ctx.lexicon.groups_of(e) for e in entries))
    return _state(lemma, groups, holder, subject, ctx)


def cue_of_state(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    """A state a cue says something is expected in, with no verb of its own ("is
    expected in commercial service in May", "is due in service in 2025")."""
    passive = token.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in token.children)
    if token.pos_ == "VERB" and not passive and lemma_of(token) in WANTING:
        placed = put_into(token, ctx)  # "Tokyo wants the pact in force by December"
        return None if placed is None else (placed, _cue_reading(token, False, False, ctx))
    if not ((passive and lemma_of(token) in CUES) or token.lower_ in ADJ_CUES):
        return None
    frame = _in_state(token, ctx)
    return None if frame is None else (frame, _cue_reading(token, passive, False, ctx))


RELEASED = frozenset({
    "album", "single", "record", "film", "movie", "game", "book", "novel", "sequel", "series",
    "season", "episode", "version", "edition", "update", "phone", "model", "report", "result",
    "figure", "data", "datum", "verdict",
})  # fmt: skip
"""Things that "are out" on the day they are released or published."""


TITLE_SMALL_WORDS = frozenset({"the", "of", "a", "an", "and", "in", "on", "to"})


def _a_title(subject: Token) -> bool:
    """ "The Last of Us Part II": capitalised words, none of them a name of someone, are
    the title of a work."""
    words = [t for t in subject.subtree if not t.is_punct and t.lower_ not in TITLE_SMALL_WORDS]
    return (
        len(words) >= 2
        and all(t.is_title or t.is_upper or t.like_num for t in words)
        and not any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in words)
    )


def _out(copula: Token, ctx: Context) -> Frame | None:
    """ "The game is out on 29 May", "the album will be out in the spring": a release with a
    date (not "is out of the country", nor a person who "is out until June")."""
    out = next((c for c in copula.children if c.lower_ == "out" and c.dep_ == "advmod"), None)
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if out is None or subject is None:
        return None
    dated = [
        c for c in out.children if c.dep_ == "prep" and any(in_time(x, ctx) for x in c.subtree)
    ]
    if len(dated) != len(list(out.children)) or not (dated or has_date(copula, ctx)):
        return None  # "out of the country"; "out on 29 May" is a date all the same
    titled = subject.ent_type_ in {"PRODUCT", "WORK_OF_ART"} or _a_title(subject)
    if not (titled or subject.lemma_.lower() in RELEASED):
        return None  # "the striker will be out on Saturday", "nurses will be out on Monday"
    spell = {"until", "till", "through", "for"}
    if any(c.dep_ == "prep" and c.lower_ in spell for c in copula.children):
        return None  # "out until June": a spell away, not a day of release
    return _state("out", {"state:out"} | ctx.lexicon.groups_of("come out"), copula, subject, ctx)


def _back(copula: Token, ctx: Context) -> Frame | None:
    """ "Beams will be back in the collider in mid-November", "the trains will be back on
    the line by May": a thing's return, with a date (not a person who "will be back at
    work on Monday", nor "back to 2019 levels")."""
    back = next((c for c in copula.children if c.lower_ == "back" and c.dep_ == "advmod"), None)
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if back is None or subject is None or not has_date(copula, ctx):
        return None
    if subject.pos_ == "PRON" or subject.ent_type_ in {"PERSON", "NORP", "GPE", "ORG"}:
        return None  # a named person, place or company back somewhere: a visit, a state
    wheres = [
        p
        for p in (*back.children, *copula.children)
        if p.dep_ == "prep" and not dated_phrase(p) and not _manner(p)
    ]
    where = [child(p, "pobj") for p in wheres if p.lower_ in {"in", "on"}]
    if (
        len(wheres) != len(where)
        or not where
        or any(
            w is None
            or w.lemma_.lower() in NOT_PLACES
            or not (
                w.lemma_.lower() in IN_STATES or any(d.dep_ in {"det", "poss"} for d in w.children)
            )
            for w in where
        )
    ):
        return None  # "back on track", "back in profit", "back at 2 per cent", "back to normal"
    return _state("back", {"state:back"} | ctx.lexicon.groups_of("return"), copula, subject, ctx)


def _manner(prep: Token) -> bool:
    """ "on foot", "by bus": how, not where."""
    return any(x.lemma_.lower() in {"foot", "bus", "train", "bike"} for x in prep.children)


NOT_PLACES = frozenset({
    "track", "profit", "recession", "red", "black", "control", "business", "power", "office",
    "charge", "work", "action", "court", "talks", "dock", "fashion", "favour",
})  # fmt: skip
"""What one is "back in" or "back on" that is a state, not a place ("back on track")."""


COPULAS = {"be", "become"}


def state_frame(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    if lemma_of(token) == "be":
        frame = _in_state(token, ctx) or _out(token, ctx) or _back(token, ctx)
        return None if frame is None else (frame, reading_of(token, ctx))
    if token.pos_ != "ADJ" or token.lower_ not in STATES:
        return None
    if token.dep_ in {"ccomp", "xcomp"} and lemma_of(token.head) in CUES:
        return _wanted_state(token, ctx)
    if token.dep_ != "acomp":
        return None
    copula = token.head
    if lemma_of(copula) not in COPULAS or any(c.dep_ == "xcomp" for c in token.children):
        return None  # "will be (become) operational in autumn"
    subject = next((c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    subject = antecedent(subject) or raised_subject(copula)
    if subject is None or subject.pos_ == "PRON":
        return None
    # its own group: "fully operational in 2019" is not the opening it follows
    frame = Frame(token.lower_, state_groups(token.lower_, ctx.lexicon), copula, copula, subject)
    frame.ctx = ctx
    return frame, reading_of(copula, ctx)


def _wanted_state(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    """A state a cue wants of something: "wants the motorway link open before Christmas"."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    frame = Frame(token.lower_, state_groups(token.lower_, ctx.lexicon), token, token, subject)
    frame.ctx = ctx
    return frame, reading_of(token, ctx)


STAYS = {"remain", "be", "stay", "look", "seem"}
READYING = {"preparation", "plan", "planning", "work", "arrangement"}
"""What is done towards an event on track for it: "preparations for the 17 October vote were
on track"."""
GOALS = {"target", "goal", "aim", "objective", "plan"}


def _dated(noun: Token, ctx: Context) -> bool:
    """The noun is a time ("for the fourth quarter") or has one ("a January rollout")."""
    return in_time(noun, ctx) or any(in_time(c, ctx) for c in noun.subtree if c is not noun)


def on_track(token: Token, ctx: Context) -> tuple[Frame, Reading] | None:
    """ "The rollout remains on track for the fourth quarter", "the coin remains on course
    for a January rollout", "a debut next year remained the target": an event kept to a
    date with no verb of its own. The event is the dated noun, else the subject."""
    if token.pos_ not in {"VERB", "AUX"} or lemma_of(token) not in STAYS:
        return None
    subject = antecedent(next((c for c in token.children if c.dep_ == "nsubj"), None))
    event = subject if subject is not None and ctx.lexicon.is_event_noun(subject.lemma_) else None
    track = [
        x
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in {"on", "ahead"}
        for x in c.children
        if x.dep_ == "pobj" and x.lower_ in TRACK_NOUNS
    ]
    goal = [c for c in token.children if c.dep_ == "attr" and c.lemma_.lower() in GOALS]
    readying = [subject] if subject is not None and lemma_of(subject) in READYING else []
    if readying and not _still_on_track(token):
        return None  # "had been on track", "were on track until the fuel leak": no longer
    set_for = _date_set_for(token, subject, ctx)
    if set_for is not None:
        frame = set_for
    elif track:
        heads = (token, *track, *readying)  # "preparations for the 17 October vote"
        objects = [x for head in heads for x in prep_objects(head, "for")]
        aims = [x for x in objects if _dated(x, ctx)]
        if not aims and has_date(token, ctx):
            # "remains on track for release in November": the time on the verb is the aim's
            aims = [x for x in objects if ctx.lexicon.is_event_word(x.lemma_)]
        if not aims:
            return None
        if ctx.lexicon.is_event_word(aims[0].lemma_):
            event = aims[0]
        elif event is None and subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            event = subject  # "the pickup remained on course for next year": its debut
    elif not (goal and event is not None and _dated(event, ctx)):
        return None
    if set_for is None:
        if event is None:
            return None
        frame = nominal_frame(event, token, ctx, None)
        if event is not subject and subject is not None and frame.theme is None:
            # "the coin remains on course for a January rollout"; "planning for the new
            # terminal is on track for a 2026 opening": the terminal's
            other = [x for x in prep_objects(subject, "for") if x.i != event.i]
            frame.theme = (other[0] if other else None) if readying else subject
    reading = reading_of(token, ctx)
    # "remained the target": still expected as of the article, like "remains"
    reading.tense = "future_in_past" if token.tag_ == "VBD" else "future"
    if reading.modality not in BLOCKING:
        reading.modality = "expected"
    return frame, reading


def _still_on_track(token: Token) -> bool:
    """Work on track as the article is written: in the present, or in the past of what
    someone said ("told reporters that preparations were on track"); not "had been", nor
    "until" something went wrong."""
    if any(c.lower_ in {"until", "till"} for c in token.subtree):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
        return False
    if token.tag_ != "VBD":
        return True
    return token.dep_ == "ccomp" and lemma_of(token.head) in SAYING


DATE_NOUNS = PLACEHOLDERS | GOALS | {"day"}


def _date_set_for(token: Token, subject: Token | None, ctx: Context) -> Frame | None:
    """A time that is the date set for an event: "New Year's Day 2025 remains its target
    date for entering the euro area", "the end of August is still the date for completing
    the pullout". The event is the noun after "for", or the gerund's (its event noun when
    it has one: "completing the pullout" is the pullout)."""
    if subject is None or not in_time(subject, ctx):
        return None
    for attr in token.children:
        if attr.dep_ != "attr" or attr.lemma_.lower() not in DATE_NOUNS:
            continue
        for prep in attr.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for x in prep.children:
                if x.dep_ == "pobj" and ctx.lexicon.is_event_word(x.lemma_):
                    return nominal_frame(x, token, ctx, None)
                if x.dep_ == "pcomp" and x.tag_ == "VBG":
                    obj = next((o for o in x.children if o.dep_ == "dobj"), None)
                    if obj is not None and ctx.lexicon.is_event_word(obj.lemma_):
                        return nominal_frame(obj, token, ctx, None)
                    # whose target it is acts: "its target date for entering the euro area"
                    owner = next((o for o in attr.children if o.dep_ == "poss"), None)
                    if owner is not None and owner.pos_ == "PRON":
                        owner = _speaker(token)  # "the government said ... its target date"
                    return replace(frame_of(x, ctx), agent=owner, _participants=None)
    return None


def _speaker(clause: Token) -> Token | None:
    """The named subject of the verb that reports ``clause``, if any."""
    head = clause.head if clause.dep_ == "ccomp" else None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None) if head else None
    return subject if subject is not None and subject.pos_ in {"NOUN", "PROPN"} else None


def placeholder(noun: Token, ctx: Context) -> bool:
    """A noun standing for the event that qualifies it: "the launch date", "the target
    date for the handover", "the signing ceremony", "opening night"."""
    if noun.lemma_.lower() == "day" and in_time(noun, ctx):
        return False  # "Election Day" is a holiday's name: its date is not the one said
    return (
        noun.lemma_.lower() in PLACEHOLDERS | OCCASIONS
        and event_noun(noun, ctx.lexicon) is not None
    )


def nearest_event_noun(token: Token, ctx: Context) -> Token | None:
    sent = ctx.sentence_of(token)
    nouns = [
        t
        for t in sent
        if t.pos_ == "NOUN" and (ctx.lexicon.is_event_word(t.lemma_) or lemma_of(t) in HELD)
    ]  # "the hearing remains set for the end of October": a thing held
    return min(nouns, key=lambda t: abs(t.i - token.i), default=None)


def in_time(token: Token, ctx: Context) -> bool:
    """Inside a time expression ("May 2018" is no modal verb; "the week beginning 24
    January" is no beginning)."""
    return token.ent_type_ in {"DATE", "TIME"} or token.i in ctx.time_tokens or names_a_time(token)
