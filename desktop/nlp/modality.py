"""How a clause presents its event: done, expected (and how firmly), only possible,
conditional, asked about, demanded, obliged, or expected once but no longer.

``read(verb)`` climbs from the event's verb through the words that make it an
expectation ("is expected to", "plans to", "wants … to", "is set to", "is going to") and
reads the auxiliaries, negation and the clauses around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop.nlp.cues import (
    ADJ_CUES,
    CHANGE_OF_VALUE,
    COMMITMENTS,
    CUES,
    DEMAND_VERBS,
    FUTURE_AUX,
    HABITUAL_ADVERBS,
    HEDGE_ADVERBS,
    HEDGE_AUX,
    MEASURES,
    NOBODY,
    NOUN_CUES,
    OBLIGATION_AUX,
    OBLIGATION_VERBS,
    ONCE,
    PREVENTING,
    QUANTITY_LABELS,
    RECURRING,
    REPORT_VERBS,
    STATIVE,
    TRACK_NOUNS,
)
from desktop.nlp.frames import ASPECTUAL, GATHERINGS, result_head
from desktop.nlp.participants import clause_tokens
from desktop.nlp.surroundings import surroundings
from desktop.nlp.tense import dated_itself, present_passive
from desktop.nlp.words import (
    EVENT_ENDINGS,
    REMAINING,
    TIME_GIVERS,
    child,
    controlled_object,
    day_setter,
    fronted_clause,
    lemma_of,
    misread_deadline_giver,
    particle,
    ranked_head,
    to_infinitive,
    with_noun,
)
from desktop.vocabulary import file_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.nlp.context import Context
    from desktop.vocabulary import Lexicon


@dataclass
class Reading:
    tense: str
    """'future', 'past', 'present', 'perfect', 'past_future' (expected once: "had been
    due to"), 'infinitive' (a bare "to" verb, as in a headline)."""
    modality: str
    """'certain', 'planned', 'expected', 'hoped', 'able' (a "can" that is an expectation
    only with a future date), or what keeps it from being an expectation: 'hedged',
    'conditional', 'question', 'demanded', 'obliged', 'uncertain', 'denied'."""
    negated: bool
    top: Token
    """The highest word of the construction: its clause is the expectation's."""
    cue: Token | None = None
    reported: bool = False
    no_longer: bool = False
    final: bool = False
    """False for a prelude (``prelude_of``): the surroundings are still to be read."""
    chain: list[Token] = field(default_factory=list, repr=False, compare=False)
    bare: bool = field(default=False, repr=False, compare=False)
    """No auxiliary in the chain."""
    pending: bool = False
    """The event waits on another ("once dredging is finished", "when they meet"): an
    expectation only with a date of its own, else a condition."""

    @property
    def expects(self) -> bool:
        return self.tense in {"future", "infinitive"} and self.modality in {
            "certain",
            "planned",
            "expected",
            "hoped",
        }


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in {"aux", "auxpass"}]


def _is_cue_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and lemma_of(token) in CUES


def _adjective_cue(t: Token, head: Token) -> Token | None:
    """The adjective of expectation ``t`` hangs on: "is likely to open", or through a
    preposition, "confident of closing the deal by March", "committed to certifying the
    jet by the end of 2015"."""
    if ((t.dep_ == "xcomp" and head.pos_ == "ADJ") or t.dep_ == "pcomp") and (
        head.lower_ in ADJ_CUES
    ):
        return head
    if (
        t.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.head.lower_ in ADJ_CUES
        and (
            head.lower_ in {"of", "about"} or (head.lower_, head.head.lower_) == ("to", "committed")
        )
    ):
        return head.head  # not "due to rebuilding the bridge": a cause
    return None


def _infinitive_conjunct(verb: Token) -> bool:
    """A participle joined to an infinitive with no subject or auxiliary of its own ("to be
    handed over and made public"; a base form, "to leave Ryugu and bring back", reads as
    it is)."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in {"VBN", "VBD"}
        and head.pos_ in {"VERB", "AUX"}
        and to_infinitive(head)
        and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in verb.children
        )
    )


COUNTING_ON = frozenset({"count", "bank", "rely"})


def _counted_on(verb: Token) -> Token | None:
    """ "still counts on first power reaching the grid in 2021": the gerund of what someone
    counts or banks on is expected."""
    noun = verb.head
    prep = noun.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.dep_ != "pobj" or prep.lower_ != "on":
        return None
    return prep.head if lemma_of(prep.head) in COUNTING_ON else None


def counts_on(verb: Token) -> bool:
    """The verb counts on a gerund's event, which carries the expectation."""
    return lemma_of(verb) in COUNTING_ON and any(
        (counter := _counted_on(x)) is not None and counter.i == verb.i
        for c in verb.children
        if c.lower_ == "on"
        for x in c.subtree
    )


def _climb(verb: Token) -> tuple[Token, list[Token], str | None]:
    """(top, chain, cue modality) through "expected to", "plans to", "wants X to",
    "is likely to", "is going to", "is to", "on track to"."""
    if _infinitive_conjunct(verb):
        # "expect the report to be handed over and made public on Monday": the second verb
        # is governed as the first (the tagger may read it as a past tense)
        top, chain, modality = _climb(verb.head)
        return top, [verb, *chain[1:]], modality
    chain, t, modality = [verb], verb, None
    for _ in range(6):
        head = t.head
        if head is t:
            break
        lemma = lemma_of(head)
        counter = _counted_on(t)
        if counter is not None:
            modality = modality or "expected"  # "counts on first power reaching the grid"
            chain.append(counter)
            t = counter
            continue
        result = result_head(t)
        if result is not None:
            chain.append(result)  # "aims to have the bridge repainted by May"
            if _is_cue_verb(result):
                modality = modality or CUES[lemma_of(result)]  # "want the pier rebuilt"
            t = result
            continue
        controller = object_control(t)
        if controller is not None and _is_cue_verb(controller):
            head, lemma = controller, lemma_of(controller)
        else:
            controller = None
        if (
            (t.dep_ in {"xcomp", "ccomp"} and not fronted_clause(t))
            or controller is not None
            or _misread_infinitive(t)
            or _for_clause(t)
        ) and _is_cue_verb(head):
            if lemma == "see" and not (t.tag_ == "VBG" and head.tag_ in {"VBZ", "VBP"}):
                break  # "sees the deal closing"; not "will see what happens", "saw it open"
            if lemma == "look" and not any(c.lower_ == "to" for c in (*head.children, *t.children)):
                break  # "is looking to fly its first A380 in December"; not "looks like"
            modality = modality or CUES[lemma]
            chain.append(head)
            t = head
            continue
        cue = _adjective_cue(t, head)
        if cue is not None:
            modality = modality or ADJ_CUES[cue.lower_]
            chain.append(cue)
            t = cue
            if cue.dep_ in {"acomp", "attr", "amod"} and cue.head.pos_ in {"AUX", "VERB"}:
                t = cue.head  # the copula holds the date: "is likely in 2021"
                chain.append(t)
            continue
        if t.dep_ == "xcomp" and lemma == "go" and head.tag_ == "VBG":
            modality = modality or "certain"
            chain.append(head)
            t = head
            continue
        on_track = any(
            (
                c.dep_ == "prep"
                and c.lower_ in {"on", "ahead"}
                and any(x.lower_ in TRACK_NOUNS for x in c.children)
            )
            or (c.lower_ in TRACK_NOUNS and any(p.lower_ in {"on", "ahead"} for p in c.children))
            for c in head.children
        )
        if (
            t.dep_ in {"xcomp", "advcl"}
            and lemma == "be"
            and any(c.lower_ == "to" for c in t.children)
            and not on_track
        ):
            modality = modality or "certain"  # "is to be sworn in"
            chain.append(head)
            t = head
            continue
        infinitive = t.dep_ == "advcl" and any(c.lower_ == "to" for c in t.children)
        if (t.dep_ == "xcomp" or infinitive) and on_track:
            # "the station remains on course to open": the parser hangs "to open" on
            # "remains" (and may make "on course" an adverb); "is on course to open"
            modality = modality or "expected"
            chain.append(head)
            t = head
            continue
        if t.dep_ in {"acl", "xcomp", "advcl"} and head.lower_ in TRACK_NOUNS:
            prep = head.head  # "on track to open"
            if prep.dep_ == "prep" and prep.lower_ in {"on", "ahead", "behind"}:
                modality = modality or "expected"
                chain += [head, prep.head]
                t = prep.head
                continue
        if t.dep_ == "xcomp" and lemma in PHASES and head.pos_ == "VERB":
            chain.append(head)  # "has begun delivering": the phase verb carries the tense
            t = head
            continue
        if _done_through(t, lemma):
            chain.append(head)  # "voted to approve the pact": approved when it voted
            t = head
            continue
        if _time_given(t, head):
            modality = modality or "expected"  # "has until March 23 to decide": a deadline
            chain.append(head)
            t = head
            continue
        giver = misread_deadline_giver(t)
        if giver is not None:
            modality = modality or "expected"  # "has until 8 January to decide", misread
            chain.append(giver)
            t = giver
            continue
        if t.dep_ == "xcomp" and lemma in COMPELLING and _done_before(head):
            modality = modality or "certain"  # "forced NASA to call off the launch": it did
            chain.append(head)
            t = head
            continue
        if t.dep_ in {"xcomp", "ccomp"} and lemma in OBLIGATION_VERBS:
            return head, [*chain, head], "obliged"
        if t.dep_ in {"xcomp", "ccomp"} and lemma in DEMAND_VERBS:
            return head, [*chain, head], "demanded"
        if _purpose(t, head):
            modality = modality or "certain"  # "will travel to Paris to receive the jet"
            chain.append(head)
            t = head
            continue
        opener = _way_opened(t, head)
        if opener is not None:
            modality = modality or "expected"  # "clearing the way for them to walk out"
            chain += [head, opener] if opener is not head else [opener]
            t = opener
            continue
        if _targeted(t, head):
            modality = modality or "planned"  # "is targeting May for reopening the pool"
            chain.append(head.head)
            t = head.head
            continue
        if (
            t.dep_ in {"acl", "relcl"}
            and head.lemma_.lower() in NOUN_CUES
            and any(c.lower_ == "to" for c in t.children)
        ) or _goal_of(t, head):
            modality = modality or "planned"
            chain.append(head)
            return head, chain, modality
        break
    return t, chain, modality


WAY_OPENERS = {"clear", "pave", "open"}


def _opens_the_way(verb: Token) -> bool:
    return lemma_of(verb) in WAY_OPENERS and any(
        c.dep_ == "dobj" and c.lower_ == "way" for c in verb.children
    )


def _way_opened(lower: Token, way: Token) -> Token | None:
    """The verb that clears the way for the lower clause ("clearing the way for 30,000
    members to walk out on Monday", "paves the way for the plant to restart"): what it
    allows is now expected."""
    if lower.dep_ not in {"relcl", "acl", "advcl"} or not any(
        c.lower_ == "to" for c in lower.children
    ):
        return None
    if way.lower_ == "way":
        opener = way.head
        return opener if way.dep_ == "dobj" and lemma_of(opener) in WAY_OPENERS else None
    return way if _opens_the_way(way) else None  # the clause hung on the verb


COMPELLING = {"force", "compel", "oblige"}
"""Verbs whose infinitive, once they were done, was done too: "a leak forced NASA to call off
the launch", "was forced to postpone"; "will force", "may oblige" still oblige."""


def _done_before(verb: Token) -> bool:
    """A verb in the past or perfect, with no modal: "forced", "was forced", "has forced";
    not "is obliged to", a duty in force."""
    auxes = [a for a in verb.children if a.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes)
    )


def _purpose(lower: Token, head: Token) -> bool:
    """An infinitive of purpose on a verb in the future: "will travel to Paris to receive
    the first jet on 8 October" — what the trip is for is as expected as the trip."""
    return (
        lower.dep_ == "advcl"
        and to_infinitive(lower)
        and not any(c.dep_ == "mark" for c in lower.children)
        and head.pos_ == "VERB"
        and any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in head.children)
    )


def _goal_of(lower: Token, head: Token) -> bool:
    """ "a target of connecting every farm by 2025", "the aim of closing the deal": a
    gerund after "of" on a noun of a plan."""
    return (
        lower.dep_ == "pcomp"
        and lower.tag_ == "VBG"
        and head.lower_ == "of"
        and head.dep_ == "prep"
        and head.head.lemma_.lower() in NOUN_CUES
    )


def _targeted(lower: Token, head: Token) -> bool:
    """What a cue verb sets a time for: "is targeting May for reopening the pool", "is
    targeting June for the first tenants to move in" (the time is the verb's object)."""
    if lower.dep_ == "pcomp" and head.lower_ == "for" and head.dep_ == "prep":
        cue = head.head
    elif lower.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in lower.children
    ):
        cue = head
    else:
        return False
    return _is_cue_verb(cue) and any(
        c.dep_ in {"dobj", "npadvmod"}
        and (c.ent_type_ in {"DATE", "TIME"} or c.lemma_.lower() in SEASONS)
        for c in cue.children
    )


SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
"""Times the tagger does not always mark as dates ("is targeting the autumn for")."""


PHASES = ASPECTUAL | {"finish", "complete", "stop"}
"""Verbs of a phase whose gerund carries the event: "has begun delivering", "aim to finish
drafting the treaty"."""

IMPLICATIVE = frozenset({"vote", "manage"})
"""Verbs whose infinitive is done when they are: "the Senate voted to approve the pact",
"managed to land on its second attempt"; "will vote to ratify the treaty in March" expects
the ratification then."""

STILL_TO_COME = {"before", "until", "till", "once", "unless", "if", "when"}
"""Conjunctions after which a present passive is still to come ("before the ship is handed
over"), not a present state."""


def _still_to_come(verb: Token) -> bool:
    """The clause opens with a word of a time still to come: "before the ship is handed
    over", "once proving flights have been completed" (the parser may make that "once" an
    adverb; after the verb it counts: "has been flown once"), or a "before" the parser
    left with no object of its own ("a last look before the doors open")."""
    if any(
        c.lower_ in STILL_TO_COME
        and (
            c.dep_ == "mark"
            or (c.dep_ == "advmod" and c.lower_ == "once" and c.i == verb.left_edge.i)
        )
        for c in verb.children
    ):
        return True
    edge = verb.left_edge.i
    before = verb.doc[edge - 1] if edge > 0 else None
    return (
        before is not None
        and before.lower_ in {"before", "until", "till"}
        and before.dep_ == "prep"
        and not any(c.dep_ == "pobj" for c in before.children)
    )


def object_control(lower: Token) -> Token | None:
    """The verb whose object does what ``lower`` says, where the parser hangs the infinitive
    on the verb ("set jury selection to begin on July 28") or on the object ("intends the
    visit to go ahead this year")."""
    if not to_infinitive(lower):
        return None
    head = lower.head
    if lower.dep_ in {"acl", "relcl"} and head.dep_ == "dobj":
        head = head.head
    elif lower.dep_ != "advcl":
        return None
    if controlled_object(head) is not None and not any(c.dep_ == "prt" for c in head.children):
        return head
    return None


def _misread_infinitive(lower: Token) -> bool:
    """ "a hearing set to begin on August 2": the parser hangs the infinitive on a
    participle with no object as a clause of its own, not as its complement."""
    head = lower.head
    return (
        lower.dep_ == "advcl"
        and head.tag_ == "VBN"
        and to_infinitive(lower)
        and not any(c.dep_ in {"dobj", "prt"} for c in head.children)
    )


def _for_clause(lower: Token) -> bool:
    """ "plans for the machine to reach its exit pit": an infinitive with a subject of its
    own, brought in by "for", is the verb's complement (the parser makes it a clause)."""
    children = list(lower.children)
    return (
        lower.dep_ in {"advcl", "ccomp", "xcomp"}
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        and any(c.dep_ == "nsubj" for c in children)
    )


def _time_given(lower: Token, head: Token) -> bool:
    """``lower`` is what must be done in the time ``head`` gives: "until <date> to"."""
    infinitive = lower.dep_ == "xcomp" or (
        lower.dep_ == "advcl" and any(c.lower_ == "to" for c in lower.children)
    )
    return infinitive and lemma_of(head) in TIME_GIVERS and deadline_of(head) is not None


def deadline_of(verb: Token) -> Token | None:
    """The "until" of a "have until <date> to": the time left to do something."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep"
            and c.lower_ in {"until", "till"}
            and any(x.dep_ == "pobj" and x.ent_type_ in {"DATE", "TIME"} for x in c.children)
        ),
        None,
    )


def said_once(cue: Token) -> bool:
    """A cue said of an earlier plan ("was originally scheduled for April", "was first
    planned for May"); not a subject that is a rank ("the first of the reactors is
    scheduled to enter service in November")."""
    return any(c.lower_ in ONCE and c.dep_ == "advmod" for c in cue.children)


PRESENT_BE = {"is", "are", "am", "'s", "'re"}


def _bare_past(verb: Token) -> bool:
    """A past verb with no auxiliary, or one the tagger made a participle: at the top of its
    sentence with a subject, or hung on the noun before it ("lead from the roof melted")."""
    if _aux(verb):
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    subject = any(c.dep_ == "nsubj" for c in verb.children)
    return verb.dep_ in {"acl", "amod"} or (verb.dep_ == "ROOT" and subject)


def _was_still(cue: Token) -> bool:
    """A past copula said with "still" ("the reactor was still on track"): the plan still
    held when it was said, as "remained" says."""
    return (
        lemma_of(cue) == "be"
        and cue.tag_ == "VBD"
        and any(c.dep_ == "advmod" and c.lower_ == "still" for c in cue.children)
    )


def _done_through(verb: Token, lemma: str) -> bool:
    """``verb`` is the infinitive of an implicative verb whose lemma is ``lemma`` ("voted to
    approve")."""
    return verb.dep_ == "xcomp" and lemma in IMPLICATIVE and to_infinitive(verb)


def _tense(chain: list[Token], top: Token, headline: bool) -> str:
    auxes = [a.lower_ for t in chain for a in _aux(t)]
    if (ranked := ranked_head(chain[0])) is not None:
        return _ranked_tense(ranked)
    if day_setter(chain[0]) is not None:
        return "future"  # "fixed 1 November as the day the museum is opened": still ahead
    phases = [t for t in chain[1:] if lemma_of(t) in PHASES | IMPLICATIVE]
    cues = [t for t in chain[1:] if t not in phases]
    verb = phases[-1] if phases and not cues else chain[0]
    if verb is not chain[0]:
        return _tense([verb, *cues], top if top is not chain[0] else verb, headline)
    cue = chain[-1] if len(chain) > 1 else None
    if any(a in FUTURE_AUX for a in auxes):
        return "future"
    if any(a in {"would"} for a in auxes):
        return "past_future" if any(a == "have" for a in auxes) else "future"
    if "should" in auxes and "have" in auxes:
        # "should have been published on Monday": was due, not done; "by June the line
        # should have been extended": due by a day still ahead
        by = any(c.dep_ == "prep" and c.lower_ == "by" for c in chain[0].children)
        return "future_in_past" if by else "past_future"
    if "had" in auxes and cue is not None:
        return "past_future"
    lexical = cue if cue is not None else verb
    if cue is not None:
        if lexical.pos_ == "ADJ":
            lexical = chain[-1]
        tags = {t.tag_ for t in chain[1:]}
        aux_here = [a.lower_ for t in chain[1:] for a in _aux(t)]
        if any(said_once(t) for t in chain[1:]):
            return "past_future"
        if lemma_of(chain[-1]) in COMMITMENTS and "had" not in aux_here:
            if lemma_of(chain[-1]) == "want" and _wish_given_up(chain[-1]):
                return "past_future"
            return "future"
        if _opens_the_way(chain[-1]) and "had" not in aux_here:
            return "future_in_past"  # "paved the way for the plant to restart in March"
        if deadline_of(chain[-1]) is not None and "had" not in aux_here:
            return "future"  # "gave them until May 5 to publish": still ahead
        if lemma_of(chain[-1]) in REMAINING and "VBD" in tags and "had" not in aux_here:
            return "future_in_past"  # "remained committed to certifying it by 2015": if ahead
        if _was_still(chain[-1]) and "had" not in aux_here:
            return "future_in_past"  # "was still on track to begin operation this year"
        if _reported_expectation(chain[-1]):
            return "future"
        if "VBD" in tags or any(a in {"was", "were"} for a in aux_here):
            return "past_future"
        if any(t.lower_ in {"was", "were"} for t in chain[1:]):
            return "past_future"
        return "future"
    if "to" in auxes and top is verb and _with_infinitive(verb):
        return "future"  # "..., with the whole fleet to be delivered by May": still to come
    if "to" in auxes and top is verb:
        # A headline's "Putin to visit", "Crossrail to be completed": only at the top.
        at_top = verb.dep_ == "ROOT" or (
            verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in {"NOUN", "PROPN"}
        )  # "Factory to resume production": the parser hangs the verb on the noun
        return "infinitive" if at_top or _event_to_be_held(verb) else "irrealis"
    if headline and verb.tag_ in {"VBZ", "VBP"} and not auxes:
        if _still_to_come(verb):
            return "irrealis"  # "Macron's last look before the doors open"
        return "past"  # headline present: "Elizabeth line finally opens"
    if headline and verb.tag_ == "VBN" and not auxes:
        return "past"  # "Crossrail opening delayed again"
    if verb.tag_ == "VBD" or any(a in {"did", "was", "were"} for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a in {"has", "have", "had", "'s", "'ve"} for a in auxes):
        if _still_to_come(verb) and "had" not in auxes:
            return "irrealis"  # "once the machine has been run in": still to come
        return "perfect"
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"} and not auxes:
        return "past"  # "the contract signed on Friday"
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and not auxes:
        shared = {a.lower_ for a in _aux(verb.head)}
        if _bare_past(verb.head) or shared & {"was", "were"}:
            return "past"  # "melted or burned during the fire", "was repaired and returned"
        if shared & {"has", "have", "'s", "'ve"} and verb.head.tag_ == "VBN":
            return "perfect"  # "has been repaired and returned to service"
    if verb.tag_ == "VBN" and verb.dep_ == "relcl" and not auxes:
        return "past"  # "a law that the president signed on Sunday" (tagged VBN)
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and not auxes
        and any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return "past"  # "Peace consultations opened on Thursday" (tagged VBN, no auxiliary)
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and not auxes and verb.head.tag_ == "VBD":
        return "past"  # "finished counting on Friday": the phase verb's tense
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and not auxes
        and _finite_head(verb.head).tag_ == "VBD"
        and not any(c.dep_ == "mark" for c in verb.children)
    ):
        return "past"  # "cut the ribbon on Monday, opening the bridge": the clause's tense
    if verb.tag_ == "VBN" and "should" in auxes and "be" in auxes and "have" not in auxes:
        if _inverted(verb):
            return "irrealis"  # "Should funding be secured, ...": a condition
        if _awaited_thing(verb):
            return "future"  # "the judgment should be read out on Monday", as "should open"
        return "irrealis"  # "the minister should be sacked": a demand, nothing done
    if verb.tag_ == "VBN" and "being" in auxes and any(a in PRESENT_BE for a in auxes):
        return "present"  # "the first Mass is being celebrated later on Sunday": "is opening"
    if verb.tag_ == "VBN" and any(a in {"is", "are", "'s", "'re", "been", "be"} for a in auxes):
        if _still_to_come(verb):
            return "irrealis"  # "more trials are planned before the ship is handed over"
        if present_passive(verb) and dated_itself(verb):
            return "present"  # a schedule: "visitors are admitted from Saturday"
        return "perfect"  # a present state: "the launch is delayed"
    return "present"


AWAITED = frozenset({
    "report", "judgment", "judgement", "verdict", "ruling", "decision", "result", "finding",
    "figure", "data", "datum", "list", "shortlist",
})  # fmt: skip


def _awaited_thing(verb: Token) -> bool:
    """What "should be" done to a thing that is itself awaited, or a step of a project,
    reads as a forecast ("the judgment should be read out on Monday", "the building should
    be handed over early next year"); anything else as a demand ("the minister should be
    sacked", "the tax should be abolished")."""
    lexicon = file_lexicon()
    if lexicon.groups_of(lemma_of(verb)) & MILESTONES:
        return True  # "the building should be handed over early next year"
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    lemma = subject.lemma_.lower()
    return lemma in AWAITED or lexicon.is_event_word(lemma)


MILESTONES = frozenset({"deliver", "start", "release", "launch", "resume", "sign", "ratify"})
"""Groups whose passive with "should" forecasts a step of a project, not a demand ("should be
handed over", "should be opened"; not "should be closed", "should be sacked")."""


def _inverted(verb: Token) -> bool:
    """ "Should funding be secured, ...": a modal before its subject opens a condition."""
    modal = next((a for a in _aux(verb) if a.lower_ == "should"), None)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return modal is not None and subject is not None and modal.i < subject.i


def _event_to_be_held(verb: Token) -> bool:
    """ "A plebiscite to be held on 2 October", "elections to be staged next year": an
    event noun's dated passive infinitive of a light verb is its schedule (not "a programme
    to run through June", "the first country to adopt", "the first elections to be held
    under the new constitution"), unless what is said of the noun calls it off, demands it
    or supposes it ("plans for a summit to be held in June were scrapped", "demanded an
    election to be held in June", "would boycott any election to be held in June")."""
    lexicon = file_lexicon()
    noun = verb.head
    if not (
        verb.dep_ in {"acl", "relcl"}
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and lemma_of(verb) in lexicon.light_object
        and lexicon.is_event_word(noun.lemma_.lower())
        and any(t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree)
        and not any(c.lower_ in {"any", "no"} for c in noun.children)
    ):
        return False
    said = next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if said is None:
        return True
    auxes = {a.lower_ for a in _aux(said)}
    return not (
        lexicon.outcome_of(lemma_of(said))
        or lemma_of(said) in DEMAND_VERBS
        or auxes & (HEDGE_AUX | {"would"})
    )


REPORTED_SUBJECTS = {"he", "she", "they", "we", "i"}


def _reported_expectation(cue: Token) -> bool:
    """ "He expected the pipeline to be finished by the end of this year": a speaker's
    expectation told in the past of the report, as live as "he said he expected". Not
    "the line was expected to open" or "had expected", nor one the sentence places in the
    past or sets against the present ("In 2018 he expected", "At the time", "When he took
    office", "Although he expected", "never", "..., but", "...; engineers now say 2024")."""
    if lemma_of(cue) != "expect" or cue.tag_ != "VBD" or _aux(cue):
        return False
    if not any(
        c.dep_ == "nsubj" and (c.lower_ in REPORTED_SUBJECTS or c.ent_type_ == "PERSON")
        for c in cue.children
    ):
        return False
    complement = {
        t.i for c in cue.children if c.dep_ in {"xcomp", "ccomp", "dobj"} for t in c.subtree
    }
    for c in cue.children:
        if c.dep_ in {"neg", "advcl", "mark"} or (c.dep_ == "cc" and c.lower_ in {"but", "yet"}):
            return False
        if c.dep_ in {"prep", "npadvmod", "advmod"} and c.i < cue.i:
            return False  # "In 2018 he expected", "At the time he expected", "Then he expected"
    return not any(
        t.lower_ in {"now", "later", "since"} and t.i not in complement for t in cue.sent
    )


def _wish_given_up(cue: Token) -> bool:
    """A wish told in the past that is no longer one: in a relative clause that says who
    someone is ("supporters, who wanted the vote held on 6 September"), or followed by "but"
    ("wanted the strike to start on Monday, but it was called off")."""
    if cue.tag_ != "VBD":
        return False
    return cue.dep_ == "relcl" or any(c.dep_ == "cc" and c.lower_ == "but" for c in cue.children)


def _ranked_tense(head: Token) -> str:
    """The tense of a ranked actor's infinitive ("became the last to ratify": done), from
    its copula or "make": a hedge or a condition ("may be the last to ratify", "would make
    it the first") says nothing of it."""
    auxes = {a.lower_ for a in _aux(head)}
    if auxes & (HEDGE_AUX | {"would"}):
        return "irrealis"  # "would make it the first to land": if something else happens
    if auxes & (FUTURE_AUX | {"to"}):
        return "future"
    if head.tag_ == "VBD" or auxes & {"had", "has", "have"}:
        return "past"
    return "perfect"  # "is the first country to ban": it has banned


def _with_infinitive(verb: Token) -> bool:
    """An infinitive clause after "with" that states what is to come ("with the last
    ships to be handed over in May")."""
    if verb.dep_ == "pcomp":
        return verb.head.lower_ == "with"
    if with_noun(verb) is not None:
        return True  # "with a floor vote to follow in January"
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "with" for c in verb.children
    )


def _finite_head(verb: Token) -> Token:
    """The finite verb a gerund hangs on ("began questioning" for "questioning")."""
    for _ in range(4):
        if verb.tag_ != "VBG" or verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _negated(chain: list[Token]) -> tuple[bool, bool]:
    neg = False
    no_longer = False
    for t in chain:
        if t.lower_ == "unlikely":
            neg = True
        if t.pos_ == "NOUN" and any(
            c.lower_ == "no" or (c.dep_ == "amod" and any(x.lower_ == "no" for x in c.children))
            for c in t.children
        ):
            neg = no_longer = True  # "no more plans to establish"
        for c in t.children:
            if c.dep_ == "neg" or c.lower_ in {"never"}:
                neg = True
            if c.dep_ == "dobj" and t.pos_ in {"VERB", "AUX"} and _none_of(c):
                neg = True  # "will sign no deal", "will make no further announcements"
            if c.lower_ == "longer" and any(x.lower_ in {"no", "not"} for x in c.children):
                neg = no_longer = True
            if c.lower_ == "no" and c.dep_ in {"neg", "advmod"} and t.lower_ == "longer":
                neg = no_longer = True
    return neg, no_longer


def _none_of(noun: Token) -> bool:
    """ "no deal"; not the name "No Filter"."""
    return any(c.dep_ == "det" and c.text == "no" and not c.ent_type_ for c in noun.children)


def reported_by(top: Token) -> Token | None:
    """The reporting verb the clause is the complement of ("officials said ... would")."""
    node = top
    for _ in range(3):
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in REPORT_VERBS:
            return node.head
        if node.head.i == node.i or node.dep_ not in {"conj", "ccomp"}:
            break
        node = node.head
    if top.dep_ == "ROOT":
        for c in top.children:
            if (
                c.dep_ in {"parataxis", "ccomp"}
                and c.lemma_.lower() in REPORT_VERBS
                and not any(m.dep_ == "mark" for m in c.children)
            ):
                return c  # not a comparison: "later than the companies had told investors"
    return None


def reading_of(verb: Token, ctx: Context) -> Reading:
    """``read`` once per verb of a doc (a copy: callers may adjust theirs)."""
    found = ctx.readings.get(verb.i)
    if found is None:
        found = ctx.readings[verb.i] = _finish(
            verb, prelude_of(verb, ctx), ctx.in_headline(verb), ctx.sentence_text(verb)
        )
    return replace(found)


def prelude_of(verb: Token, ctx: Context) -> Reading:
    """The reading before its surroundings are looked at: its tense is final, and its
    modality too unless a condition, question, doubt or demand around overrides it (cheap:
    most verbs are dropped on their tense alone)."""
    found = ctx.preludes.get(verb.i)
    if found is None:
        found = ctx.preludes[verb.i] = _prelude(verb, ctx.in_headline(verb))
    return found


def read(verb: Token, headline: bool = False, sentence: tuple[str, int] | None = None) -> Reading:
    return _finish(verb, _prelude(verb, headline), headline, sentence)


def _prevented(verb: Token) -> bool:
    """A gerund after "from" on a verb of preventing, said as done ("barred the court from
    delivering its judgment"; not "will not stop India from signing", "nothing will
    prevent us from launching")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "from completing the merger or delivering the jets"
    head = verb.head
    if not (verb.dep_ == "pcomp" and head.lower_ == "from" and head.dep_ == "prep"):
        return False
    preventer = head.head
    if lemma_of(preventer) not in PREVENTING:
        return False
    subject = child(preventer, "nsubj")
    unsaid = subject is not None and subject.lower_ in NOBODY
    return not unsaid and not any(c.dep_ == "neg" for c in preventer.children)


def _prelude(verb: Token, headline: bool) -> Reading:
    top, chain, cue_modality = _climb(verb)
    negated, no_longer = _negated(chain)
    if _prevented(verb):
        return Reading(_tense(chain, top, headline), "denied", negated, top, None, final=True)
    cue = chain[-1] if len(chain) > 1 else None
    if cue_modality in {"obliged", "demanded"}:
        return Reading("present", cue_modality, negated, top, chain[-1], final=True)
    tense = _tense(chain, top, headline)
    auxes = {a.lower_ for t in chain for a in _aux(t)}
    modality = cue_modality or "certain"
    if any(c.lower_ in HEDGE_ADVERBS for t in chain for c in t.children):
        modality = "hedged"  # "hopefully that will engender a willingness"
    if any(_habitual(t) for t in chain):
        modality = "habitual"  # "trains will usually run every ten minutes"
    if negated and auxes & {"can", "ca", "could"} and cue_modality is None and _bounded(verb):
        modality, tense = "certain", "future"  # "could not open before mid-June"
    elif auxes & {"can", "ca"} and not auxes & {"could", "may", "might"} and cue_modality is None:
        modality = "able"  # "visitors can apply from August 26": a permission with a date
    elif auxes & HEDGE_AUX and cue_modality is None:
        modality = "hedged"
    elif auxes & OBLIGATION_AUX:
        modality = "obliged"
    elif ("should" in auxes and cue_modality is None) or (
        "would" in auxes and cue_modality is None
    ):
        modality = "expected"
    if negated and _ruled_out(chain[0]):
        modality = "hedged"  # "would not rule out further delays": they may come
    if headline and tense == "infinitive":
        tense, modality = "future", "planned"
    reporter = reported_by(top)
    if reporter is not None and reporter.tag_ == "VBD" and tense == "past_future":
        tense = "future_in_past"  # "said the handover was expected in January": check the date
    if reporter is not None and any(a.lower_ == "had" for a in _aux(reporter)):
        tense = "past_future"  # "had said as recently as October that ... would"
    reading = Reading(tense, modality, negated, top, cue, reporter is not None, no_longer)
    reading.chain, reading.bare = chain, not auxes
    return reading


def _ruled_out(verb: Token) -> bool:
    return lemma_of(verb) == "rule" and particle(verb) == "out"


def _habitual(verb: Token) -> bool:
    """What happens again and again: an adverb of frequency on the verb, or a time that
    recurs ("meets on the first Tuesday of every month", "each spring")."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS:
            return True
        times = [c] if c.dep_ == "npadvmod" else [x for x in c.children if x.dep_ == "pobj"]
        if c.dep_ in {"npadvmod", "prep"} and any(
            x.lower_ in RECURRING and x.dep_ == "det" and x.head.ent_type_ in {"DATE", "TIME"}
            for t in times
            for x in t.children
        ):
            return True  # not "with sailings every week": the time is the sailings'

    return False


def _bounded(verb: Token) -> bool:
    """The verb has a time it cannot come before ("before mid-June", "until 2022"): with
    "cannot" or "could not" a firm statement of the earliest date, not a doubt."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"before", "until", "till"}
        and any(x.dep_ == "pobj" for x in c.children)
        for c in verb.children
    )


def _finish(
    verb: Token, prelude: Reading, headline: bool, sentence: tuple[str, int] | None
) -> Reading:
    if prelude.final:
        return replace(prelude, final=True)
    top, chain = prelude.top, prelude.chain
    modality = prelude.modality
    around = surroundings(top, chain, sentence)
    pending = around == "pending"
    if around is not None and not pending:
        modality = around
    elif (
        verb.tag_ == "VB"
        and top.i == verb.i
        and verb.dep_ == "ROOT"
        and prelude.bare
        and not headline
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    ):
        modality = "demanded"  # an imperative: "scrap the plans"
    return replace(prelude, modality=modality, final=True, pending=pending)


VALUE_LABELS = {"MONEY", "PERCENT"}
"""A price or a share: "closed at $76", "opened at 2 percent" (not "at 2.51 am")."""


AMOUNTS = {"enough", "more", "fewer", "less", "many", "much", "several", "no"}

SPENDING = {"spend", "invest"}
"""Verbs whose sum of money is a figure, as a cost is ("will spend $30 billion this year"),
unless it is promised ("has committed to invest about $11 billion by 2028")."""


def _committed(verb: Token) -> bool:
    """The infinitive of a promise: "committed to invest", "pledged to spend"."""
    head = verb.head
    return verb.dep_ in {"xcomp", "advcl"} and lemma_of(head) in COMMITMENTS


def _holds_a_count(verb: Token, lexicon: Lexicon) -> bool:
    """ "Has 40 orders", "will have enough capacity": "have" with a counted or measured
    object is a holding; "will have talks", "has a vote on Tuesday", "will have three
    concerts in June" stay events."""
    if verb.lemma_.lower() != "have":
        return False
    for obj in verb.children:
        if obj.dep_ != "dobj" or not any(
            m.dep_ == "nummod" or m.lower_ in AMOUNTS for m in obj.children
        ):
            continue
        of = [x for c in obj.children if c.lower_ == "of" for x in c.children if x.dep_ == "pobj"]
        return not any(_takes_place(n, lexicon) for n in [obj, *of])
    return False


def _takes_place(noun: Token, lexicon: Lexicon) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in GATHERINGS or lexicon.is_event_noun(lemma) or lemma.endswith(EVENT_ENDINGS)


def _appearance(verb: Token) -> bool:
    """ "Is scheduled to appear before the judges on 28 May", "will appear in court": a
    person's appearance somewhere is an event ("appears to be", "appeared calm" are not)."""
    if verb.lemma_.lower() != "appear" or any(
        c.dep_ in {"xcomp", "acomp", "attr", "ccomp"} for c in verb.children
    ):
        return False
    places = [
        (c.lower_, x)
        for c in verb.children
        if c.dep_ == "prep"
        for x in c.children
        if x.dep_ == "pobj" and x.ent_type_ not in {"DATE", "TIME"}
    ]
    return any(p == "before" or x.lemma_.lower() in FORUMS for p, x in places)


FORUMS = {"court", "tribunal", "hearing", "inquiry", "committee", "parliament", "congress"}
"""Where someone is due to appear: "will appear in court" (not "should appear in the
second half of the year")."""


def _at_a_value(verb: Token) -> bool:
    """An intransitive verb "at" a quantity: a price or a score, not an event."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "at"
        and any(t.ent_type_ in VALUE_LABELS or t.lower_ in {"percent", "%"} for t in c.subtree)
        and not any(t.ent_type_ in {"TIME", "DATE"} for t in c.subtree)
        for c in verb.children
    )


BECOME_IN_USE = {"available", "valid", "effective"}
"""What a thing becomes when it starts: "the beta became available", "the ticket became
valid", "the rule became effective"."""


def _made_available(verb: Token) -> bool:
    """ "The beta became available on Friday", "the ticket became valid on Monday": a
    release or start, not a state (not "she would become available for interviews")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        verb.lemma_.lower() == "become"
        and any(c.dep_ == "acomp" and c.lower_ in BECOME_IN_USE for c in verb.children)
        and subject is not None
        and subject.pos_ in {"NOUN", "PROPN"}
        and subject.ent_type_ not in {"PERSON", "NORP"}
    )


def stative(verb: Token, lexicon: Lexicon | None = None) -> bool:
    """Copulas, states and statements of value are no events: "will be the key moment",
    "will cost $4 billion", "will spend $30 billion this year", "will rise by 5 percent",
    "closed at $76"; with the ``lexicon`` (to tell events from things), "has 40 orders for
    next year"."""
    lemma = verb.lemma_.lower()
    if (lemma in STATIVE and not _appearance(verb) and not _made_available(verb)) or (
        lexicon is not None and _holds_a_count(verb, lexicon)
    ):
        return True
    if _at_a_value(verb):
        return True  # "shares closed at about $76"
    if lemma in SPENDING and not _committed(verb):
        return any(
            c.dep_ == "dobj" and any(t.ent_type_ == "MONEY" for t in c.subtree)
            for c in verb.children
        )  # "will spend around 30 billion dollars on capital projects this year"
    if lemma in CHANGE_OF_VALUE:
        if market_measure(verb):
            return True  # "the economy will shrink", "output will fall": a figure
        return any(
            t.ent_type_ in QUANTITY_LABELS or t.lower_ in {"percent", "%"}
            for t in (verb.doc[i] for i in clause_tokens(verb))
        )  # its own clause: "climbed away at 10:39, ending a two-year gap" rises by nothing
    return False


def market_measure(verb: Token) -> bool:
    """A change of what an economy measures ("the economy will shrink this year", "output
    will fall over the winter"): a forecast of a figure, dated or not, no event anyone does."""
    return lemma_of(verb) in CHANGE_OF_VALUE and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in MEASURES for c in verb.children
    )
