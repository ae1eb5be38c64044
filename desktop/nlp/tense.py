"""Reading tense and modality off a dependency parse.

Used to pick the direction of a bare month or weekday ("is expected to be signed in
October" looks forward; "signed on Friday" looks back) and to tell expectations from
reports of what already happened.
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING, Literal

from desktop.nlp.cues import FUTURE_AUX, FUTURE_CUES, MODAL_AUX, PRESENT_BE

Direction = Literal["past", "future", "later"] | None

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _aux_words(token: Token) -> list[str]:
    return [c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}]


def _marked(token: Token) -> bool:
    return any(c.dep_ == "mark" for c in token.children)


def verb_direction(token: Token) -> Direction:
    """The time a single verb (with its auxiliaries) points at, if it says: "later" is
    the weaker look ahead of an infinitive ("a programme to run through June")."""
    aux = _aux_words(token)
    if any(a in FUTURE_AUX for a in aux) or "going" in aux:
        return "future"
    if token.tag_ == "MD" and token.lower_ in FUTURE_AUX:
        return "future"
    if "had" in aux:
        return "past"  # "had been due to expire Friday evening"
    copula = token.head if token.pos_ == "ADJ" and token.head.lemma_ == "be" else None
    if copula is not None and (copula.tag_ == "VBD" or "had" in _aux_words(copula)):
        return "past"  # "was due Friday", "had been due to expire Friday evening"
    if _dates_the_act(token):
        return "past"
    cue = token.lemma_.lower() if token.lemma_.lower() in FUTURE_CUES else token.lower_
    if cue in FUTURE_CUES and cue not in {"agree", "decide"} and _cue_as_such(token, cue):
        return "future"
    perfect = {"have", "'ve", "has", "had"} & set(aux)
    if token.tag_ == "VBD" or (token.tag_ == "VBN" and perfect):
        return "past"
    if any(a in {"did", "was", "were", "had"} for a in aux):
        return "past"
    if token.tag_ == "VBN" and token.dep_ in {"acl", "relcl", "amod"}:
        return "past"  # "the ruling announced Wednesday"
    if token.tag_ == "VBN" and token.dep_ == "advcl" and not aux and not _marked(token):
        return "past"  # "the terms, announced Friday, ..." (not "if approved Friday")
    if any(a in MODAL_AUX for a in aux) and not perfect:
        return "future"
    if token.tag_ == "VB" and "to" in aux and token.dep_ == "xcomp" and token.head.lemma_ == "be":
        return "future"  # "is to resume trading Tuesday"
    if token.tag_ == "VB" and "to" in aux and token.dep_ in {"relcl", "acl", "advcl", "xcomp"}:
        return "later"
    if token.tag_ == "VBG" and any(a in PRESENT_BE for a in aux):
        return "future"  # "is meeting on Friday": a present progressive schedule
    return None


ONLY_WITH_FOR = {"date"}
"""Cues that schedule only with the day they are "for": "the sequel is dated for 2 July",
not "a memo dated Friday" or "sales to date"."""


def _cue_as_such(token: Token, cue: str) -> bool:
    if cue not in ONLY_WITH_FOR:
        return True
    near = [*token.children, *(g for c in token.children if c.dep_ == "dobj" for g in c.children)]
    return token.pos_ == "VERB" and any(t.lower_ == "for" for t in near)


SPANS = {"until", "till", "since", "through", "throughout"}
WEEKDAYS = {day.lower() for day in calendar.day_name}


def present_passive(verb: Token) -> bool:
    """ "Is opened", "are admitted": a participle with only the present of "be"."""
    aux = _aux_words(verb)
    return verb.tag_ == "VBN" and bool(aux) and all(a in PRESENT_BE for a in aux)


def _regime_from(span: Span) -> bool:
    """ "Visitors are admitted from Saturday": a bare weekday a present passive starts
    from is the coming one (a month or a date keeps its own reading: "the rules are
    applied from 1 January" may be in force already)."""
    root = span.root
    prep = root.head
    return (
        root.lower_ in WEEKDAYS
        and root.dep_ == "pobj"
        and prep.lower_ == "from"
        and present_passive(prep.head)
    )


def dated_itself(verb: Token) -> bool:
    """A time on the verb itself, where it takes place: "are admitted from Saturday", "is
    opened on 3 May" (not how long a state lasts, "is closed until Friday"; nor a time
    inside a clause or a phrase under it, "are divided on whether rates will fall this
    year", "is closed after a crash on Monday")."""
    dated = {"DATE", "TIME"}
    return any(
        (c.dep_ == "npadvmod" and c.ent_type_ in dated)
        or (
            c.dep_ == "prep"
            and c.lower_ not in SPANS
            and any(x.dep_ == "pobj" and x.ent_type_ in dated for x in c.children)
        )
        for c in verb.children
    )


def _dates_the_act(token: Token) -> bool:
    """A past participle after its noun, dated with "on" ("the record set on Aug. 6",
    "the deal agreed on Friday"): the time is when it was done, though the verb is one
    that looks ahead in "is set to" or "the talks planned for Friday"."""
    if token.tag_ != "VBN" or token.dep_ not in {"acl", "relcl"} or _aux_words(token):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children)


# Speech acts about the future: in the simple past, a time that modifies the verb itself
# is when the act took place ("Cuba predicted Wednesday"), unlike "planned a rally on
# Saturday", where the time belongs to what was planned.
SPEECH_CUES = {"predict", "forecast", "project", "promise", "pledge", "vow", "propose"}


def _reported_cue(token: Token) -> bool:
    return token.tag_ == "VBD" and not _aux_words(token) and token.lemma_.lower() in SPEECH_CUES


def as_planned(token: Token) -> bool:
    """ "Held as planned on 25 October", "took effect as planned on Tuesday": the plan is
    said of the event; it neither dates it nor puts it ahead."""
    return (
        token.dep_ == "advcl"
        and token.lemma_.lower() in {"plan", "schedule", "expect", "announce", "agree"}
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
    )


def direction_for(span: Span) -> Direction:
    """Walk from the expression up through the verbs that govern it; the nearest verb
    whose tense or modality says something decides. An infinitive looks ahead ("later")
    unless a verb above it says "future" outright ("set to resume Monday"). A possessive
    ("Wednesday's ruling") names the time of its noun, not of the clause."""
    token: Token | None = span.root
    if token is not None and token.dep_ == "poss":
        return None
    if _regime_from(span):
        return "future"
    seen = 0
    infinitive = False
    while token is not None and seen < 12:
        if as_planned(token):
            pass  # "took effect as planned in the first minutes of Tuesday": the verb above
        elif (
            token.pos_ in {"VERB", "AUX"}
            or token.tag_ in {"MD", "VBN", "VBG"}
            or token.lemma_ in FUTURE_CUES
            or token.lower_ in FUTURE_CUES
        ):
            found = verb_direction(token)
            if found == "future" and not infinitive and _reported_cue(token):
                return "past"
            if found == "later":
                infinitive = True
            elif found == "future" or (found is not None and not infinitive):
                return found
            elif found is not None:
                return "later"
        if token.head.i == token.i:
            break
        token = token.head
        seen += 1
    return "later" if infinitive else None
