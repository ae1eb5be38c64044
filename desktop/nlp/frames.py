"""Reading the event a clause is about off the dependency parse: its lemma (spaCy's, with
particles and fixed objects: "hand over", "take delivery", "go to the polls"), its theme,
its agent and the named participants around it.

Nominal events count as events: "the launch took place" and "held the vote" are about the
launch and the vote, and "postponed the opening of the line" is about the opening. Words
that report what became of an event ("postpone", "scrap", "scrub") name the outcome and
hand the event to what they govern.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop.nlp.cues import CHANGE_OF_VALUE, TRACK_NOUNS
from desktop.nlp.participants import ENTITY_LABELS, Participant, participants
from desktop.nlp.words import (
    PLANS,
    amount_particle,
    antecedent,
    batch_of,
    child,
    lemma_of,
    misread_deadline_giver,
    of_object,
    particle,
    phrase,
    prep_objects,
    raised_subject,
    ranked_head,
    ranked_subject,
    requested,
    share_of,
    speaker_for,
    time_word,
    to_infinitive,
    verb_lemma,
    with_noun,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.nlp.context import Context
    from desktop.vocabulary import Lexicon

TIMETABLES = {"timetable", "schedule", "timeline"}
PLACEHOLDERS = {
    "date", "day", "attempt", "window", "opportunity", "slot", "deadline", "target", "try",
    *TIMETABLES,
}  # fmt: skip
"""Nouns that stand for an event named by their modifier ("the launch date", "the next
launch attempt")."""
OCCASIONS = {"ceremony", "celebration", "festivity", "concert", "gala", "party", "night"}
"""Nouns of an occasion that stand for the event their modifier names ("the opening
ceremony", "the signing ceremony", "the opening concert went off as planned", "opening
night")."""
GATHERINGS = {
    "talk", "round", "concert", "match", "game", "event", "show", "session", "meeting",
    "race", "debate", "performance", "fight", "bout", "gig", "screening", "operation",
}  # fmt: skip
"""Nouns of things that take place, counted as readily as things held: "will have three
rounds of talks", "will have two operations next month"."""

HELD = GATHERINGS | OCCASIONS | {
    "trial", "hearing", "conference", "summit", "festival", "tournament", "inquiry", "parade",
    "rally", "exhibition", "congress", "convention", "sitting", "championship", "games",
    "exam", "examination", "census", "auction", "final", "test", "voyage", "cruise", "tour",
    "trip", "journey", "crossing", "expedition",
}  # fmt: skip
"""Common nouns of things that take place, whose taking place a light verb reports ("the
trial got under way"); not an actor ("the company went ahead")."""


SHOWS = {"concert", "gala", "party", "night"}
"""Occasions that stand only for a beginning ("the opening concert", "the launch party"):
"the closing concert" is a concert, not the festival's closing."""
BEGINNINGS = frozenset({"start", "launch", "release"})
SERVICES = {"flight", "train", "bus", "ferry", "tram", "service"}
"""Modifiers of a timetable that name a transport service, not an event: "the airline
cancelled its flight schedule for Tuesday"."""
ATTEMPTS = {"attempt", "effort", "bid", "try", "plan", "opportunity", "chance"}
GENERIC_THEMES = {
    "it", "they", "them", "this", "that", "which", "who", "one", "project", "programme",
    "program", "scheme", "plan", "deal", "agreement", "contract", "mission", "line",
    "railway", "system", "service", "services",
}  # fmt: skip


ARRIVE = "arrive"
"""The event of a thing that is due but is no event itself: "the first jets are due in
July" expects their arrival."""
START = "start"
"""The event of a plant's output aimed at: "is targeting production in 2024" expects
production to start."""
OUTPUTS = frozenset({"production", "output"})
"""What a plant makes, as an aim: "is targeting production in 2024" is its start."""
FIRST_OUTPUTS = OUTPUTS | {"gas", "oil", "power", "electricity", "steel", "ore", "coal"}
"""What a plant or field makes first: "expects first gas in the third quarter"."""


@dataclass
class Frame:
    """The event a predicate is about."""

    lemma: str
    groups: frozenset[str]
    anchor: Token
    """The word naming the event: a verb, or a noun for nominal events."""
    verb: Token
    """The clause's lexical verb: the one whose tense, modality and times apply."""
    theme: Token | None = None
    agent: Token | None = None
    recipient: Token | None = None
    passive: bool = False
    transitive: bool = False
    """The theme is the verb's object ("sign the contract"), not its subject ("the line
    opens")."""
    outcome: str | None = None
    """'cancel', 'postpone' or 'fail' when ``verb`` reports that about the event."""
    ctx: Context | None = field(default=None, repr=False, compare=False)
    """The doc's context, to name the participants when they are first asked for."""
    _participants: list[Participant] | None = field(default=None, repr=False)

    @property
    def participants(self) -> list[Participant]:
        """The named participants (found on first use: most frames are dropped before)."""
        if self._participants is None:
            self._participants = participants(self, self.ctx) if self.ctx is not None else []
        return self._participants

    @participants.setter
    def participants(self, value: list[Participant]) -> None:
        self._participants = value

    @property
    def nominal(self) -> bool:
        return self.anchor is not self.verb


def event_noun(noun: Token, lexicon: Lexicon) -> Token | None:
    """The token naming the event in a noun phrase: the noun, or the event word that
    modifies a placeholder ("launch" in "the launch date"), or an event word inside a
    name ("Mission" in "Exploration Mission-1")."""
    if lexicon.is_event_noun(noun.lemma_) and noun.lower_ not in PLACEHOLDERS:
        return noun
    if noun.lemma_.lower() in PLACEHOLDERS | OCCASIONS:
        for c in noun.children:
            if c.dep_ in {"compound", "amod", "nmod"} and _stands_for_event(noun, c, lexicon):
                return c
        for c in noun.children:  # "the target date for the handover"
            if c.dep_ == "prep" and c.lower_ in {"for", "of"}:
                for x in c.children:
                    if x.dep_ == "pobj" and lexicon.is_event_noun(x.lemma_):
                        return x
    if noun.pos_ == "PROPN" or noun.ent_type_:
        span = [t for t in noun.subtree if t.ent_type_ or t.pos_ == "PROPN"]
        for t in span:
            for part in t.lower_.replace("-", " ").split():
                if lexicon.is_event_noun(part):
                    return t  # not a word that is a thing as a noun ("the Premier League")
    return None


def _stands_for_event(noun: Token, modifier: Token, lexicon: Lexicon) -> bool:
    """Whether the placeholder or occasion ``noun`` stands for the event ``modifier`` names."""
    if not lexicon.is_event_noun(modifier.lemma_):
        return False
    kind = noun.lemma_.lower()
    if kind in SHOWS:
        return bool(lexicon.groups_of(modifier.lemma_) & BEGINNINGS)
    if kind in TIMETABLES:
        return modifier.lemma_.lower() not in SERVICES
    return True


def event_word(token: Token, lexicon: Lexicon) -> str:
    """The lexicon word a token stands for: its lemma, or the event word inside a name
    ("mission" in "Mission-1")."""
    if lexicon.is_event_word(token.lemma_):
        return token.lemma_.lower()
    for part in token.lower_.replace("-", " ").split():
        if lexicon.is_event_word(part):
            return part
    return token.lemma_.lower()


RECIPIENT_LABELS = {"ORG", "GPE", "NORP", "PERSON"}
PLACES = {"GPE", "LOC", "FAC"}


TOWARDS_GROUPS = {"deliver", "connect"}
"""Event groups whose "to" is always where the thing goes: "the first connection to the
grid" connects the reactor, "deliveries to the fleet" deliver the jets."""


def recipient_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who an event noun goes to: a name after "to" ("deliveries to All Nippon Airways",
    "the handover to the navy's squadron" is not the thing handed over), or any noun after
    "to" for an event that goes somewhere ("the connection to the grid")."""
    towards = bool(lexicon.groups_of(noun.lemma_) & TOWARDS_GROUPS)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            obj = child(c, "pobj")
            if obj is not None and (
                obj.ent_type_ in RECIPIENT_LABELS or (towards and obj.pos_ == "NOUN")
            ):
                return obj
    return None


def noun_theme(noun: Token, skip: Token | None = None) -> Token | None:
    """What a nominal event is about: "of X", a possessor, a name or noun before it
    (``skip``: not that word, the event's recipient). A change is "in" its thing and "to"
    its new amount: "the increase in the consumption tax to 10 per cent" is the tax's."""
    preps = {"of", "for", "to", "between", "on"}
    if lemma_of(noun) in CHANGE_OF_VALUE:
        preps = (preps - {"to"}) | {"in"}
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = child(c, "pobj")
            if skip is not None and obj is not None and obj.i == skip.i:
                continue
            if c.lower_ == "in" and obj is not None and obj.ent_type_ in PLACES:
                continue  # "the fuel tax increase in Karst": where, not what
            if obj is not None and not time_word(obj):
                return obj  # not "flights on 3 June"
    poss = child(noun, "poss")
    if poss is not None and poss.tag_ == "WP$":
        return _whose(noun)  # "President Biden, whose decision is due": Biden's
    if poss is not None and poss.pos_ != "PRON" and not _decider(noun, poss):
        return poss
    for c in noun.children:
        dated = c.ent_type_ in {"DATE", "TIME"}
        if c.dep_ in {"compound", "nmod"} and (c.ent_type_ or c.pos_ == "PROPN") and not dated:
            return c
    return None


DECIDING = {"ruling", "decision", "verdict", "judgment", "judgement"}


def _decider(noun: Token, poss: Token) -> bool:
    """ "the agency's ruling", "the jury's verdict": a body named by a common noun decides;
    it is not what is decided. A name keeps its place as the theme, where a follow-up
    finds the body that rules ("Biden's decision", see ``outcomes._kin_by_its_agent``)."""
    return noun.lemma_.lower() in DECIDING and poss.pos_ == "NOUN" and not poss.ent_type_


def _compound_theme(noun: Token, lexicon: Lexicon) -> Token | None:
    """The common noun before a nominal event: "the bridge opening" is the bridge's."""
    for c in noun.children:
        lemma = c.lemma_.lower()
        if (
            c.dep_ == "compound"
            and c.pos_ == "NOUN"
            and lemma not in PLACEHOLDERS
            and not lexicon.is_event_word(lemma)
        ):
            return c
    return None


def _owned_thing(obj: Token, lexicon: Lexicon) -> bool:
    """The object is someone's or the first thing ("its first 787", "the first trucks"),
    not an event ("its approval") nor a thing acted on ("the country")."""
    if obj.pos_ not in {"NOUN", "PROPN", "NUM"} or lexicon.is_event_word(obj.lemma_):
        return False
    return any(c.dep_ == "poss" or c.lower_ == "first" for c in obj.children)


CONNECT = "connect"
POWER = frozenset({"power", "electricity"})


def output_start(noun: Token) -> str:
    """The lexicon's event of a first output: the first power or electricity of a plant is
    its first feed into the grid (its connection, as "fed power into the grid" and "was
    connected" report it), any other output the start of production ("first gas")."""
    return CONNECT if noun.lemma_.lower() in POWER else START


def first_output(noun: Token) -> bool:
    """The output of a plant or field, aimed at as a whole or as its first ("production",
    "first gas"): the start of production, not a figure ("output of 2 million tonnes")."""
    lemma = noun.lemma_.lower()
    first = any(c.dep_ == "amod" and c.lower_ == "first" for c in noun.children)
    if not (lemma in OUTPUTS or (first and lemma in FIRST_OUTPUTS)):
        return False
    return not any(
        c.dep_ in {"nummod", "quantmod"} or (c.dep_ == "prep" and c.lower_ == "of")
        for c in noun.children
    )


FLOWING = {"flow", "come", "arrive", "reach"}
"""Verbs of a first output that comes: "the first power will flow in 2017"."""


def _first_flows(lemma: str, subject: Token | None) -> bool:
    return lemma in FLOWING and subject is not None and first_output(subject)


def _first_made(verb: Token, lemma: str, lexicon: Lexicon) -> bool:
    """ "Built the first truck", "produced its first cars": the start of production."""
    obj = antecedent(child(verb, "dobj"))
    return (
        lemma in lexicon.producing
        and obj is not None
        and obj.pos_ in {"NOUN", "PROPN"}
        and not lexicon.is_event_word(obj.lemma_)
        and any(c.lower_ == "first" for c in obj.children)
    )


def _light_subject(verb: Token, lemma: str, lexicon: Lexicon) -> Token | None:
    """The event noun that is the subject of a verb saying it happens: "the launch took
    place" (the lexicon's light subject verbs), "the increase took effect" (its effect
    verbs), "the snap election will follow on 14 December" (its noun-subject verbs, which
    say nothing of any other subject, nor with an object or clause of their own: "the vote
    will follow the debate")."""
    if lemma in lexicon.noun_subject:
        if lemma in CHANGE_OF_VALUE and (verb.tag_ == "VBD" or not prep_objects(verb, "on")):
            return None  # "the next walkouts fall on Friday"; "deliveries fell on Tuesday"
        by = child(verb, "agent")
        doer = child(by, "pobj") if by is not None else None
        if doer is not None and doer.pos_ == "NOUN" and lexicon.is_event_noun(doer.lemma_):
            return doer  # "a first stoppage on 1 December, followed by walkouts on 8 December"
        if _passive(verb) or any(c.dep_ in OWN_COMPLEMENTS for c in verb.children):
            return None
        subject = antecedent(child(verb, "nsubj")) or with_noun(verb)
        if subject is None or subject.pos_ != "NOUN" or subject.lower_ in PLACEHOLDERS:
            return None
        return subject if lexicon.is_event_noun(subject.lemma_) else None
    if lemma in lexicon.effect_subject and not _passive(verb):
        subject = antecedent(child(verb, "nsubj")) or raised_subject(verb)
        if (
            subject is not None
            and subject.pos_ == "NOUN"
            and lexicon.is_event_noun(subject.lemma_)
            and not lexicon.groups_of(subject.lemma_) & (lexicon.groups_of(lemma) | DECISIONS)
        ):
            return subject  # "the increase took effect": the increase happened
        return None  # "the law took effect", "the decision takes effect": a start
    if lemma not in lexicon.light_subject and not _went_some_way(verb, lemma):
        return None
    subject = antecedent(child(verb, "nsubj", "nsubjpass"))
    relative = child(verb, "dobj")
    if subject is None and relative is not None and relative.tag_ in {"WDT", "WP"}:
        subject = antecedent(relative)  # "the sale, which they expect to happen": the sale
    subject = subject or raised_subject(verb)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return event_noun(subject, lexicon) or subject


REACHED = {"surface", "prison", "jail"}
"""Objects of a verb phrase that are where its subject arrives or leaves from ("touch the
surface", "left Tarnby prison"): the subject is the theme, not the place's name."""

MANNERS = {"smoothly", "well", "badly", "wrong", "awry", "perfectly", "flawlessly", "fine"}


def _went_some_way(verb: Token, lemma: str) -> bool:
    """ "The maiden launch went smoothly", "the vote went well": how an event went says it
    took place."""
    return lemma == "go" and any(
        c.dep_ in {"advmod", "acomp"} and c.lower_ in MANNERS for c in verb.children
    )


OWN_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "dative", "attr", "acomp"})
"""What makes a verb say what its subject does rather than that it happens."""

DECISIONS = frozenset({"rule", "approve", "block", "ratify", "sign", "vote"})
"""Groups of acts that are done before they take effect: "the decision takes effect on
1 July" is no decision on 1 July."""

DONE_WHEN_COMPLETED = frozenset({"acquire"})
"""Groups of an event that is done when it is completed (not trials, which begin first)."""

INTRANSITIVE_GROUPS = frozenset({"walkout"})
"""Groups a verb with a direct object is not of: "will strike" is a walkout, "strike a
pact" and "the typhoon will strike Japan" are none."""


def verb_keys(verb: Token) -> set[str]:
    """The verb's lemma, alone and with its particle, as the lexicon's light lists write
    them ("carry out")."""
    base = verb.lemma_.lower()
    return {base, f"{base} {particle(verb)}"}


def _light_object(verb: Token, lexicon: Lexicon) -> Token | None:
    """The event noun of "held the vote", "made a soft landing", "cast their ballots"."""
    keys = verb_keys(verb)
    general = bool(keys & lexicon.light_object)
    special = {g for g, verbs in lexicon.light_with.items() if keys & verbs}
    if not general and not special:
        return None
    obj = child(verb, "dobj")
    if obj is None and _passive(verb):
        # "the trial is to be held in May", "the vote is expected to be held in June"
        obj = child(verb, "nsubjpass") or raised_subject(verb)
    if obj is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and not _any_or_no(verb.head):
        obj = verb.head  # "a judgment delivered on Saturday": the judgment
    if obj is None:
        obj = _noun_before_infinitive(verb, lexicon)  # "a plebiscite to be held on 2 October"
    if obj is None:
        return None
    noun = event_noun(antecedent(obj) or obj, lexicon)
    if noun is None and general and _held_thing(obj) and _held(verb, obj):
        return obj  # "the exam was held on Thursday": a thing held took place
    if noun is None or general or lexicon.groups_of(noun.lemma_) & special:
        return noun
    return None  # "deliver the jets": no light verb of a ruling


def _held_thing(noun: Token) -> bool:
    """A common noun of a thing held ("the exam"), or a name that is no person nor place
    ("NEET was held on Sunday afternoon"; not "Smith was held on Sunday")."""
    if noun.lemma_.lower() in HELD:
        return True
    return noun.pos_ == "PROPN" and noun.ent_type_ not in {"PERSON", "GPE", "NORP", "LOC", "FAC"}


EDITIONS = {"last", "previous", "first", "earlier", "past", "former", "next", "latest"}
"""Words that make a thing held another edition of its kind ("the last census")."""


def _held(verb: Token, thing: Token) -> bool:
    """ "The exam was held on Thursday", "the status conference will be held on 7 October":
    a thing held takes place, whatever later words say of it ("opened", "took place"). One
    to come only "held"; a past passive only on a day and not another edition ("the last
    census was held in 2006", "the 2013 final was held there too"); never an idiom ("was
    held responsible", "were held hostage", "will be held up")."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "auxpass"}
    if not aux & {"was", "were", "be"}:
        return False
    if any(
        c.dep_ in {"oprd", "acomp", "attr", "xcomp", "ccomp", "prt", "dobj"} for c in verb.children
    ):
        return False
    if "be" in aux:
        return verb.lemma_ == "hold"  # "will be hosted by Harwick" keeps its host
    if any(
        c.lower_ in EDITIONS or (c.dep_ in {"nummod", "compound"} and c.like_num)
        for c in thing.children
    ):
        return False
    return any(
        x.ent_type_ == "DATE"
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "on"
        for x in p.subtree
    )


def _measure(noun: Token) -> bool:
    """ "25 per cent", "4 euros", "10 points": an amount."""
    return noun.lemma_.lower() in {"cent", "percent", "%", "point"} or any(
        c.like_num and c.dep_ in {"nummod", "compound"} for c in noun.children
    )


def _any_or_no(noun: Token) -> bool:
    """ "Any ruling delivered before the election", "no verdict reached": none given."""
    return any(c.dep_ == "det" and c.lower_ in {"any", "no"} for c in noun.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


ASPECTUAL = {"begin", "start", "commence", "resume", "continue"}
"""Verbs that give the phase of an event named by a noun: "deliveries will begin"."""


RESUMING = {"resume"}
"""Phase verbs that say more than the phase: flights that resume are a return to service."""


def _aspect_noun(verb: Token, passive: bool, lexicon: Lexicon) -> Token | None:
    if lemma_of(verb) not in ASPECTUAL:
        return None
    noun = antecedent(child(verb, "nsubjpass" if passive else "nsubj")) or raised_subject(verb)
    if noun is None or not lexicon.is_event_noun(noun.lemma_):
        noun = antecedent(child(verb, "dobj"))
    if noun is None or noun.pos_ != "NOUN" or not lexicon.is_event_noun(noun.lemma_):
        return None
    if lexicon.groups_of(noun.lemma_) & lexicon.groups_of(lemma_of(verb)):
        return None  # "the launch will begin": a start of a start
    return noun


def _attempted(noun: Token) -> Token | None:
    """The verb of "another attempt to launch", "plans to build"."""
    if noun.lemma_.lower() not in ATTEMPTS:
        return None
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "relcl"}
            and c.pos_ == "VERB"
            and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )


def frame_of(verb: Token, ctx: Context) -> Frame:
    """The event of a clause whose lexical verb is ``verb`` (read once per verb)."""
    found = ctx.frames.get(verb.i)
    if found is None:
        found = ctx.frames[verb.i] = _frame_of(verb, ctx)
    return found


def may_carry_outcome(verb: Token, ctx: Context) -> bool:
    """Whether ``frame_of(verb)`` could report a cancellation, delay or failure: the verb
    is an outcome word, or a light or phase verb whose noun may be one."""
    lexicon = ctx.lexicon
    lemma = verb_lemma(verb, lexicon)
    return (
        lexicon.outcome_of(lemma) is not None
        or verb.lemma_.lower() == "fail"
        or lemma in lexicon.light_subject
        or bool(verb_keys(verb) & lexicon.light_object)
        or lemma_of(verb) in ASPECTUAL
    )


def may_name_event(verb: Token, ctx: Context) -> bool:
    """Whether ``frame_of(verb)`` could name an event of the lexicon or an outcome (the
    frames of other verbs are no event reports)."""
    lemma = verb_lemma(verb, ctx.lexicon)
    return (
        ctx.lexicon.is_event_word(lemma)
        or lemma in ctx.lexicon.events
        or lemma in ctx.lexicon.light_with_verbs
        or may_carry_outcome(verb, ctx)
        or _first_made(verb, lemma, ctx.lexicon)
    )


RESULT_VERBS = {"have", "get"}
RESULTS_OR_WISHES = RESULT_VERBS | {"want"}
""""want" takes a thing and its participle as "have" does: "want the repairs completed by
May" is a wish that the repairs be completed."""
PARTICIPLE_WISHERS = {"want", "expect", "need", "like", "prefer"}
"""Verbs that take a thing and its bare participle: "wants the pier rebuilt"."""


def announcing(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of the lexicon's announcing ("announce", "reveal", "disclose")."""
    return "announce" in lexicon.groups_of(lemma_of(verb))


def result_clause(verb: Token) -> bool:
    """A participle of a thing after "have" or "get": that thing's passive, the event
    ("aims to have the bridge repainted by May", "get the takeover done")."""
    return result_head(verb) is not None


def _bare_participle(verb: Token) -> bool:
    """A participle clause with a subject and no auxiliary that a cue verb governs:
    "wants the pier rebuilt"."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in PARTICIPLE_WISHERS
        and verb.tag_ == "VBN"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children)
    )


def result_head(verb: Token) -> Token | None:
    """The "have", "get" or "want" of a ``result_clause``: the participle with the thing as its
    subject, or hung on the thing as the verb's object ("have [the bridge repaired]", "want
    [the repairs completed]")."""
    if verb.tag_ != "VBN":
        return None
    if (
        verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in RESULT_VERBS
        and any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return verb.head
    thing = verb.head
    if (
        verb.dep_ == "acl"
        and thing.dep_ == "dobj"
        and thing.head.lemma_.lower() in RESULTS_OR_WISHES
        and verb.i > thing.i
        and not any(c.dep_ in {"dobj", "nsubj"} for c in verb.children)
    ):
        return thing.head
    return None


REFUSALS = {"fail", "refuse", "decline"}
"""Verbs whose infinitive did not happen: "declined to approve", "refused to sign"."""


def _refused(verb: Token, lexicon: Lexicon) -> bool:
    """A refusal or failure that was made ("declined to approve", "failed to agree"), of an
    event itself: refusing to cancel, delay or block something lets it go ahead, and "will
    refuse to sign" is a forecast, no report."""
    inner = child(verb, "xcomp")
    if verb.lemma_.lower() not in REFUSALS or inner is None:
        return False
    auxes = [a for a in verb.children if a.dep_ in {"aux", "auxpass"}]
    done = not any(a.tag_ == "MD" for a in auxes) and (
        verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes))
    )
    undoing = lexicon.outcome_of(verb_lemma(inner, lexicon)) or lexicon.groups_of(
        lemma_of(inner)
    ) & {"block"}
    return done and not undoing


def _passive_conjunct(verb: Token) -> bool:
    """A participle joined to a passive with nothing of its own but what it does to the same
    subject: "the report will be handed over and made public", "was built and delivered"."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in {"VBN", "VBD"}
        and _passive(head)
        and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"}
            or (c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN", "PRON"})
            for c in verb.children
        )
    )


def _frame_of(verb: Token, ctx: Context) -> Frame:
    """The event of a clause whose lexical verb is ``verb``."""
    lexicon = ctx.lexicon
    lemma = verb_lemma(verb, lexicon)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    passive = passive or _passive_conjunct(verb)
    if result_clause(verb) or _bare_participle(verb):
        passive = True  # "have the bridge repainted", "wants the pier rebuilt": passives
        if lemma == "do":
            lemma = "complete"  # "get the takeover done"
    outcome = lexicon.outcome_of(lemma)
    if lemma == "adjourn" and not (passive or child(verb, "dobj")):
        outcome = None  # "the meeting adjourned at 6 pm": a sitting ended, nothing put off
    if outcome is None and _refused(verb, lexicon):
        outcome = "fail"  # "failed to agree", "declined to approve roxadustat"
    if outcome == "postpone" and weak_delay(verb) and not _dated_complement(verb, ctx):
        outcome = None  # "move into the new stadium" is no delay
    if outcome is not None:
        governed = _governed(verb, passive)
        if " " in lemma and (governed is None or governed.pos_ not in {"VERB", "AUX"}):
            governed = _phrase_object(verb, lemma) or governed
        if governed is not None and governed.pos_ in {"VERB", "AUX"}:
            inner = frame_of(governed, ctx)
            inner.participants  # noqa: B018 - named from the governed clause, as before
            return replace(inner, outcome=outcome, verb=verb)
        if governed is not None:
            return nominal_frame(governed, verb, ctx, outcome)
        return Frame(lemma, frozenset(), verb, verb, outcome=outcome)  # no event named
    noun = (
        _light_subject(verb, lemma, lexicon)
        or _light_object(verb, lexicon)
        or _aspect_noun(verb, passive, lexicon)
    )
    if noun is not None:
        attempted = _attempted(noun)
        if attempted is not None:
            inner = frame_of(attempted, ctx)
            inner.participants  # noqa: B018 - named from the attempted clause
            return replace(inner, verb=verb)
        frame = nominal_frame(noun, verb, ctx, None)
        if lemma_of(verb) in RESUMING and "*" not in frame.groups:
            # "commercial flights are to resume in the autumn": flights, and a return
            return replace(frame, groups=frame.groups | lexicon.groups_of(lemma_of(verb)))
        return frame
    placed = put_into(verb, ctx) or _made_state(verb, ctx)
    if placed is not None:
        return placed
    obj = antecedent(child(verb, "dobj"))
    if obj is not None and _summing_up(verb, obj, lexicon):
        obj = None  # "Discovery lifted off at 2:38, the first shuttle launch made on the 4th"
    amount = amount_particle(verb)
    if (
        obj is not None
        and amount is not None
        and amount in obj.subtree
        and lemma.endswith(f" {amount.lower_}")
    ):
        obj = None  # "go up to 10 per cent": an amount, not what goes up
    changes = lemma_of(verb) in CHANGE_OF_VALUE or lemma in {"go up", "go down", "put up"}
    if obj is not None and changes and _measure(obj):
        obj = None  # "will go up to 25 per cent" (the parser's object): the amount
    if obj is not None and lemma.endswith(f" {obj.lemma_.lower()}"):
        # "take delivery of the jets": the jets; "touch the surface of the Moon": the one
        # that touches it, as for "land on the Moon"
        signed = obj.lemma_.lower() == "signature"
        obj = None if obj.lemma_.lower() in REACHED else noun_theme(obj)
        if obj is None and signed:  # "put their signatures to the agreement": the agreement
            obj = next(iter(prep_objects(verb, "to")), None)
    if obj is None and lemma.endswith(" on"):
        obj = requested(verb)  # "act on the application": the application
    # "Iceland is the first country to adopt", "made Karst the last chamber to ratify":
    # Iceland adopts, Karst ratifies
    subject = (
        ranked_subject(verb)
        or antecedent(child(verb, "nsubj", "nsubjpass"))
        or _on_track_subject(verb)
    )
    giver = misread_deadline_giver(verb)
    if subject is None and giver is not None:
        # "has until 8 January to decide": who has it; "gave Reed until March to leave": Reed
        subject = child(giver, *(("dative", "dobj") if lemma_of(giver) == "give" else ("nsubj",)))
    if (
        subject is None
        and verb.dep_ in {"relcl", "acl"}
        and giver is None
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and verb.head.lemma_.lower() not in PLANS
        and ranked_head(verb) is None
    ):
        subject = verb.head  # "radars, which will arrive": the radars arrive
    if subject is None:
        subject = raised_subject(verb)
    subject = share_of(subject) or subject  # "most of the restrictions ended"
    agent_prep = next(
        (c for c in verb.children if c.dep_ == "agent"),
        None,
    )
    if lemma in lexicon.receiving and obj is not None and _owned_thing(obj, lexicon):
        lemma = "receive"  # "All Nippon will get its first jet": a delivery
    elif _first_made(verb, lemma, lexicon):
        lemma = "enter production"  # "built the first truck": production started
    transitive = obj is not None and not passive
    if passive:
        theme, agent = subject, (child(agent_prep, "pobj") if agent_prep is not None else None)
        if agent is not None and agent.ent_type_ in {"DATE", "TIME"}:
            agent = None  # "completed by the end of the year": a deadline, not an agent
    elif obj is not None:
        # "Qualcomm said it aims to complete the purchase": Qualcomm completes it (not
        # "Sony said it would be released", where "it" is the thing)
        theme, agent = obj, speaker_for(subject)
    elif (voted_on := _voted_on(verb, lexicon)) is not None:
        theme, agent = voted_on, subject  # "the House voted to send the articles"
    elif announcing(verb, lexicon):
        theme, agent = None, subject  # "the mayor announced that ...": the mayor announces
    else:
        theme, agent = subject, None
    recipient = None
    for c in verb.children:
        if c.dep_ in {"dative", "prep"} and c.lower_ in {"to"}:
            recipient = child(c, "pobj")
    groups = lexicon.groups_of(lemma)
    if obj is not None and groups & INTRANSITIVE_GROUPS:
        # "strike a deal" keeps its signing; "the typhoon will strike Japan" is no walkout
        groups = (groups - INTRANSITIVE_GROUPS) or frozenset({lemma})
    if _first_flows(lemma, subject):
        # "the first power will flow", "first gas will arrive": the output starts, and it
        # is the theme ("first power reaching the grid": not the grid)
        assert subject is not None
        groups = groups | lexicon.groups_of(output_start(subject))
        theme, agent, transitive = subject, None, False
    elif _phase_of_unknown(verb, lemma, lexicon):
        groups = groups | lexicon.groups_of("start")  # "begin producing steel": it starts
    passage = _passage(verb, subject) if lemma == "pass" else None
    if passage is not None:
        lemma = f"pass {passage.lower_}"  # "passed through both sets of locks": no law passed
        groups = frozenset({lemma})
    if "deliver" in groups and any(
        c.dep_ in {"dobj", "dative", "nsubjpass"} and c.lemma_.lower() in PAPERS
        for c in verb.children
    ):
        groups = (groups - {"deliver"}) or frozenset({lemma})  # "handed Airbus the certificate"
    if _again(verb) and _goes_on(verb, lemma, groups, lexicon):
        groups = groups | lexicon.groups_of("resume")  # "beams circled the collider again"
    if lemma == "return" and obj is None and _people_going_back(verb, subject):
        groups = groups | lexicon.groups_of("come home")  # "the three will return in September"
    if "complete" in groups and theme is not None:
        # "complete its purchase of NXP" is the purchase too: abandoning it cancels both
        groups = groups | (lexicon.groups_of(theme.lemma_) & DONE_WHEN_COMPLETED)
    frame = Frame(lemma, groups, verb, verb, theme, agent, recipient, passive)
    frame.transitive = transitive
    frame.ctx = ctx
    return frame


MEASURES = frozenset({
    "bill", "deal", "agreement", "treaty", "pact", "measure", "legislation", "law", "motion",
    "resolution", "amendment", "nomination", "accord", "protocol", "budget",
})  # fmt: skip
"""What a chamber passes."""
CHAMBERS = frozenset({
    "law", "parliament", "congress", "senate", "house", "assembly", "chamber", "committee",
    "legislature", "vote", "reading", "stage", "objection", "council",
})  # fmt: skip
PASSAGES = frozenset({"through", "under", "over", "along", "into", "across"})
"""Where a thing passes on its way (not a bill that passes)."""


def _passage(verb: Token, subject: Token | None) -> Token | None:
    """ "A bulk carrier passed through both sets of locks": the way a thing passes, not a
    bill that "passed through parliament" or "into law"."""
    if subject is not None and subject.lemma_.lower() in MEASURES:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in PASSAGES:
            where = child(c, "pobj")
            if where is not None and where.lemma_.lower() not in CHAMBERS:
                return c
    return None


PAPERS = frozenset({
    "certificate", "licence", "license", "permit", "letter", "document", "notice", "petition",
    "award", "prize", "medal", "trophy", "diploma", "passport", "visa", "warrant", "speech",
    "statement", "ultimatum", "message",
})  # fmt: skip
"""What is handed over as a paper or an honour: no delivery of the thing it is for."""
OPERATING = frozenset({
    "run", "operate", "circle", "carry", "fly", "sail", "serve", "flow", "work", "function",
    "orbit",
})  # fmt: skip
"""Verbs of a thing at work: doing it again is the thing going again."""
GOING_GROUPS = frozenset({"launch", "start", "deliver", "connect", "resume"})
CARRIED = frozenset({
    "passenger", "rider", "traveller", "commuter", "visitor", "flight", "train", "ship",
    "aircraft", "jet", "power", "electricity", "gas", "oil", "cargo", "freight", "service",
})  # fmt: skip
"""What a thing at work carries or runs: "carried passengers again"."""
AGAIN = {"again", "anew"}


def _goes_on(verb: Token, lemma: str, groups: frozenset[str], lexicon: Lexicon) -> bool:
    """A verb whose doing again is its thing going again ("circled the collider", "flew",
    "carried passengers", "opened"), not any other ("was damaged again", "grounded again",
    "delayed again", "rose again", "ran aground again", "delivered a warning again")."""
    if lemma in CHANGE_OF_VALUE or lexicon.outcome_of(lemma) is not None or _passive(verb):
        return False
    if particle(verb) or any(
        c.dep_ in {"acomp", "oprd"} or (c.dep_ == "advmod" and c.lower_ not in AGAIN)
        for c in verb.children
    ):
        return False  # "ran aground", "traded lower", "played badly"
    if any(c.dep_ == "prep" and c.lower_ in {"into", "over"} for c in verb.children):
        return False  # "ran into problems", "ran over budget"
    obj = child(verb, "dobj")
    named = obj is not None and (
        obj.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children)
    )
    if obj is not None and not (obj.lemma_.lower() in CARRIED or named):
        return False  # "carried the story", "circled the airport"; not "passengers"
    known = {g for g in groups if g in lexicon.events}
    return bool(known & GOING_GROUPS) if known else lemma.split()[0] in OPERATING


def _again(verb: Token) -> bool:
    """A thing done again after a stop: its resumption as well ("circled the collider again",
    "flew again"); not "once again" (as before: "once again missed its date")."""
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return False  # "would never again use a fixed-price contract"
    return any(
        c.dep_ == "advmod" and c.lower_ in AGAIN and c.nbor(-1).lower_ != "once"
        for c in verb.children
    )


def _noun_before_infinitive(verb: Token, lexicon: Lexicon) -> Token | None:
    """ "Colombians will vote in a plebiscite to be held on 2 October": the plebiscite is
    held (the parser may hang the passive infinitive on "vote" as its purpose)."""
    if verb.dep_ not in {"advcl", "acl", "relcl"}:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    noun = verb.head if verb.dep_ != "advcl" else verb.doc[to.i - 1]
    if noun.pos_ != "NOUN" or not lexicon.is_event_word(noun.lemma_.lower()):
        return None
    return noun


KEEPERS = {"keep", "put", "set", "get", "leave"}
"""Verbs that put their object on course ("keeps Liverpool on course to win the title"); not
"will complete the track on schedule to open the line"."""


def _on_track_subject(verb: Token) -> Token | None:
    """ "Tesla says it is on track to build the Semi": Tesla builds it (the parser hangs
    the verb on "track", which is no subject); "the win keeps Liverpool on course to win the
    title": Liverpool wins it, the object put or kept on course."""
    noun = verb.head
    prep = noun.head
    if (
        verb.dep_ in {"xcomp", "advcl"}
        and lemma_of(noun) in KEEPERS
        and any(
            c.dep_ == "prep"
            and c.lower_ in {"on", "ahead"}
            and any(x.dep_ == "pobj" and x.lower_ in TRACK_NOUNS for x in c.children)
            for c in noun.children
        )
    ):
        return child(noun, "dobj")  # "the win keeps Liverpool on course to win the title"
    if verb.dep_ != "acl" or noun.lower_ not in TRACK_NOUNS:
        return None
    if noun.dep_ != "pobj" or prep.lower_ != "on":
        return None
    return antecedent(child(prep.head, "nsubj"))


TRAVELLERS = {"crew", "astronaut", "cosmonaut", "hostage", "passenger", "troop", "soldier"}
HOMES = {"earth", "home", "base", "ground"}
AWAY = {"space", "orbit", "station", "moon", "mission", "captivity"}
"""Where people come home from ("return from space"), not "from injury" or "from leave"."""


def _people_going_back(verb: Token, subject: Token | None) -> bool:
    """People who return home, or nowhere named, come home ("the three will now return in
    September", "the crew returns to Earth", "the hostages will return to Israel"); not a
    return to work or to service, in a role ("as chief executive"), from an injury, at an
    event, or for a purpose ("to London for three more shows", "to Iowa to campaign")."""
    if subject is None:
        return False
    people = (
        any(t.ent_type_ == "PERSON" for t in [subject, *subject.conjuncts])
        or subject.lemma_.lower() in TRAVELLERS
        or (subject.pos_ == "NUM" and subject.ent_type_ != "DATE")
    )
    if not people:
        return False
    return all(_fits_homecoming(c) for c in verb.children)


def _fits_homecoming(c: Token) -> bool:
    """Whether a dependent of "return" leaves it a homecoming (see ``_people_going_back``)."""
    places = [x for x in c.children if x.dep_ == "pobj"]
    if c.dep_ == "prep" and c.lower_ == "to":
        return all(x.ent_type_ in {"GPE", "LOC"} or x.lemma_.lower() in HOMES for x in places)
    if c.dep_ == "prep" and c.lower_ == "from":
        return all(x.lemma_.lower() in AWAY for x in places)
    if c.dep_ == "prep":
        return c.lower_ not in {"as", "at", "for"}
    return not (c.dep_ in {"advcl", "xcomp"} and any(a.lower_ == "to" for a in c.children))


PREPARATIONS = {"test", "trial", "rehearse", "practise", "practice", "prepare", "train", "pilot"}
"""What comes before a thing starts: "began testing its wallet" is no start of the wallet."""


def _phase_of_unknown(verb: Token, lemma: str, lexicon: Lexicon) -> bool:
    """An activity outside the lexicon that is to begin ("is to begin producing electricity",
    "will start making the truck"): the start of it, as "production will start" is. An
    event of the lexicon keeps its own kind ("begin delivering" is a delivery)."""
    return (
        not lexicon.is_event_word(lemma)
        and lemma not in PREPARATIONS
        and verb.tag_ == "VBG"
        and verb.dep_ == "xcomp"
        and lemma_of(verb.head) in {"begin", "start", "commence"}
    )


STATE_ENTRIES = ("go into {}", "enter {}", "enter into {}", "come into {}", "take {}")
"""How the lexicon says a state is entered ("enter service", "come into force", "take
effect")."""
PLACING = {"have", "get", "put", "bring", "place"}
"""Verbs that put a thing into a state: "have the truck in production", "put the trains
into service" (the thing goes into production, into service)."""
WANTING = {"want", "expect", "need"}
"""Cues that want a thing in a state: "wants the pact in force by December" (read from the
cue: ``nominal.cue_of_state``)."""


def put_into(verb: Token, ctx: Context) -> Frame | None:
    """ "hoped to have the truck in production next year", "wants the trains in service by
    May": the truck goes into production, the trains into service."""
    lexicon = ctx.lexicon
    if verb.lemma_.lower() not in PLACING | WANTING:
        return None
    counted = antecedent(child(verb, "dobj"))
    if counted is None:
        return None
    obj = _whole_of(counted) or counted  # "have both of its new vessels in service": the vessels
    if obj.pos_ == "PRON":
        return None
    if verb.lemma_.lower() in WANTING and not _particular(obj):
        return None  # "analysts expect a slowdown in production": no thing put anywhere
    # the state hangs on the verb or, as the parser often reads it, on the thing ("have the
    # bridge in service")
    for c in [*verb.children, *counted.children, *obj.children]:
        if c.dep_ == "prep" and c.lower_ in {"in", "into"}:
            state = child(c, "pobj")
            if state is None:
                continue
            # "in force": the lexicon says "come into force", "in service": "go into service"
            entries = (e.format(state.lemma_.lower()) for e in STATE_ENTRIES)
            phrase_ = next((e for e in entries if e in lexicon.phrases), "")
            if phrase_ and lexicon.groups_of(phrase_):
                frame = Frame(phrase_, lexicon.groups_of(phrase_), verb, verb, obj)
                frame.ctx = ctx
                return frame
    return None


SHARES = {"both", "all", "each"}


def _whole_of(token: Token) -> Token | None:
    """The things of "both of its vessels", "all of the trains" (not "one of them")."""
    return of_object(token) if token.lower_ in SHARES else None


def _particular(noun: Token) -> bool:
    """A thing named or pointed at ("the pact", "its trains", "Vogtle 3"), not "a slowdown"
    or "disruption"."""
    return noun.pos_ == "PROPN" or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "these", "its"})
        for c in noun.children
    )


MAKING = {"make", "render"}
MADE_STATES = {"available", "operational", "ready", "open", "functional", "accessible", "public"}
"""What "make" brings a thing into: "will make the app available in June"; "make the report
public" is an event of the lexicon (a release), not a state."""


def _made_state(verb: Token, ctx: Context) -> Frame | None:
    """ "expects to make the app available in June": the app becomes available, its own
    state group as "the app will be available" has (the parser gives the thing as the
    adjective's subject, or as the verb's object)."""
    if verb.lemma_.lower() not in MAKING:
        return None
    state = next(
        (c for c in verb.children if c.dep_ in {"ccomp", "oprd"} and c.lower_ in MADE_STATES),
        None,
    )
    if state is None:
        return None
    thing = child(state, "nsubj") or child(verb, "dobj")
    thing = antecedent(thing)
    if thing is None or thing.pos_ == "PRON":
        return None
    made = f"{lemma_of(verb)} {state.lower_}"
    if ctx.lexicon.is_event_word(made):
        # "will make the report public": the report is made public (a release)
        frame = Frame(made, ctx.lexicon.groups_of(made), verb, verb, thing, passive=True)
    else:
        frame = Frame(state.lower_, state_groups(state.lower_, ctx.lexicon), verb, verb, thing)
    frame.ctx = ctx
    return frame


IN_FORCE = frozenset({"mandatory", "compulsory", "effective"})
"""States of a rule that its entry into force brings: "will be mandatory from 1 March" is
"comes into force on 1 March"."""


def state_groups(state: str, lexicon: Lexicon) -> frozenset[str]:
    """The groups of being in a state: its own ("fully operational in 2019" is not the
    opening it follows), and a rule's taking effect for a state of being in force."""
    own = frozenset({f"state:{state}"})
    return own | lexicon.groups_of("take effect") if state in IN_FORCE else own


WEAK_DELAYS = {"move", "shift", "push", "reset", "move forward", "move back", "shift back"}
"""Delay words only when a date follows: "moves to April 2021", "shifted to 25 October",
"reset the start of her trial for March 9", "moved the final forward to 12 May", "moved the
trial back by two weeks" (not "moved forward with the merger", "will move back into the
flats")."""


def weak_delay(verb: Token) -> bool:
    """A delay word that says nothing without its date ("pushed" alone, "moved back"; but
    "pushed back" is a delay, and so is "moved back by two weeks")."""
    prt = particle(verb)
    if prt == "back" and _moved_by(verb):
        return False  # "moved the trial back by two weeks": a delay, by how much
    if verb.lemma_.lower() == "slip" and any(
        c.dep_ == "prep" and c.lower_ in {"into", "onto", "out"} for c in verb.children
    ):
        return True  # "is set to slip into orbit around the Moon on 25 December"
    return (
        verb.lemma_.lower() in WEAK_DELAYS
        and prt in {"", "forward", "back"}
        and (prt != "back" or verb.lemma_.lower() in {"move", "shift"})
    )


def _moved_by(verb: Token) -> bool:
    """ "back by two weeks": how far the date moved."""
    return any(
        t.dep_ == "prep"
        and t.lower_ == "by"
        and any(x.ent_type_ in {"DATE", "TIME"} for x in t.subtree)
        for t in verb.subtree
    )


def _dated_complement(verb: Token, ctx: Context) -> bool:
    """A date after "to", "into", "until" or "for" under the verb ("moved from April to
    October", "reset for March 9", "moved to no earlier than late March")."""
    spans = [(tm.start, tm.end) for tm in ctx.times if tm.timex is not None]
    return any(
        t.dep_ == "pobj"
        and _date_preposition(t.head)
        and any(s <= x.idx < e for s, e in spans for x in t.subtree)  # "to the end of 2008"
        for t in verb.subtree
    )


def _date_preposition(prep: Token) -> bool:
    """A preposition that gives a new date, also through a bound ("to no earlier than")."""
    if prep.lower_ == "than" and prep.head.lower_ in {"earlier", "later", "sooner"}:
        prep = prep.head.head  # "to no earlier than"
    return prep.lower_ in {"to", "into", "until", "till", "for"}


def _phrase_object(verb: Token, lemma: str) -> Token | None:
    """What an outcome phrase with its own object is about: "pulled the plug on the app",
    "brings to an end the project"."""
    words = lemma.split()[1:]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"on", "of"} and c.lower_ not in words:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ not in {"DATE", "TIME"}:  # not "on Monday"
                return antecedent(obj)
        if c.dep_ == "prep" and c.lower_ in words:
            obj = child(c, "pobj")
            named = child(obj, "appos") if obj is not None else None
            if named is not None:
                return named
    obj = child(verb, "dobj")
    if obj is not None and obj.lemma_.lower() not in words:
        return antecedent(obj)
    return None


def _voted_on(verb: Token, lexicon: Lexicon) -> Token | None:
    """What a vote with no object is on, the object of what it was to do ("the House
    voted on Wednesday to send the articles of impeachment to the Senate": the articles,
    not the House)."""
    if "vote" not in lexicon.groups_of(lemma_of(verb)):
        return None
    purpose = next(
        (c for c in verb.children if c.dep_ in {"xcomp", "advcl", "acl"} and to_infinitive(c)),
        None,
    )
    return antecedent(child(purpose, "dobj")) if purpose is not None else None


def _summing_up(verb: Token, obj: Token, lexicon: Lexicon) -> bool:
    """The parser's object of a verb with a particle is a noun phrase after a comma that
    names the clause's own event again ("lifted off on Tuesday, the first shuttle launch
    made on the Fourth of July"): an apposition to the clause, not what the verb acts on."""
    first = obj.left_edge
    return (
        bool(particle(verb))  # "lifted off": a verb that takes no object of its own
        and first.i > verb.i
        and first.i > 0
        and first.nbor(-1).text == ","
        and lexicon.is_event_noun(obj.lemma_)
    )


def _governed(verb: Token, passive: bool) -> Token | None:
    """What a postpone/cancel/fail word governs: "delayed the launch", "the launch was
    delayed", "the launch slipped", "failed to make a landing"; the plan of "were the bid to
    fail" is the bid (its planned verb is the failing itself)."""
    xcomp = child(verb, "xcomp")
    if xcomp is not None and xcomp.pos_ in {"VERB", "AUX"}:
        return xcomp
    found = child(verb, "nsubjpass") if passive else child(verb, "dobj")
    if found is None:
        found = child(verb, "nsubj")
    if found is None and verb.dep_ in {"acl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        found = verb.head  # "travel bubble delayed to next year"
    planned = planned_event(found)
    if planned is not None and planned.i != verb.i:
        return planned  # "scrapped plans to open the museum": the opening is called off
    found = antecedent(found)
    if found is not None and found.pos_ == "PRON":
        return found
    return found


def planned_event(noun: Token | None) -> Token | None:
    """The verb a plan noun plans ("plans to open the museum"), if ``noun`` is one."""
    if noun is None or noun.lemma_.lower() not in PLANS:
        return None
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" and to_infinitive(c)
        ),
        None,
    )


def nominal_frame(noun: Token, verb: Token, ctx: Context, outcome: str | None) -> Frame:
    lexicon = ctx.lexicon
    kind = lexicon.outcome_of(noun.lemma_)
    if kind is not None and outcome is None:
        # "the postponement of the bubble", "a delay to the opening"
        governed = noun_theme(noun)
        if governed is not None and governed is not noun:
            inner = nominal_frame(governed, verb, ctx, kind)
            return inner
        return Frame(noun.lemma_.lower(), frozenset({"*"}), noun, verb, None, outcome=kind)
    event = event_noun(noun, lexicon)
    anchor = event or noun
    recipient = recipient_of(anchor, lexicon) if event is not None else None
    if event is not None and event is not noun and noun.lemma_.lower() in PLACEHOLDERS | OCCASIONS:
        theme = noun_theme(noun) or noun_theme(event)
    elif event is not None and event is not noun:
        theme = noun  # the event word sits inside a name: the name is the theme
    else:
        theme = (
            noun_theme(anchor, recipient)
            or (_compound_theme(anchor, lexicon) if event else None)
            or _its_own_subject(anchor, verb, lexicon)
        )
    if event is None:
        # Not an event word: the thing itself ("postponed the travel bubble") is the theme,
        # and the event may be any in the lexicon.
        lemma, groups, theme = noun.lemma_.lower(), frozenset({"*"}), noun
    else:
        lemma = event_word(event, lexicon)
        groups = lexicon.groups_of(lemma)
        decided = _its_decision(anchor) if "announce" in groups and theme is None else None
        if decided is not None:
            # "the decision was ready, and he fixed Friday for its announcement": the
            # decision is announced, which is the ruling itself
            groups, theme = groups | lexicon.groups_of(decided.lemma_.lower()), decided
    frame = Frame(lemma, groups, anchor, verb, theme, recipient=recipient, outcome=outcome)
    frame.ctx = ctx
    return frame


OWNERS = {"its", "their"}


AGENT_OWNS = {"make"}
"""The light verb whose subject is the thing of its own event noun ("the news hour makes its
debut"); with the others the subject does the event ("citizens cast their ballots")."""


def _its_own_subject(noun: Token, verb: Token, lexicon: Lexicon) -> Token | None:
    """The subject whose event noun is its own ("Top Gun: Maverick is sticking with its 26
    June opening", "the channel's news hour makes its debut tonight": the film opens, the
    news hour debuts); not the subject of a light verb, which does the event to something
    else ("citizens will cast their ballots", "the chamber holds its final vote"), but for
    "make"."""
    if noun.i == verb.i or not any(c.dep_ == "poss" and c.lower_ in OWNERS for c in noun.children):
        return None
    if lemma_of(verb) in lexicon.light_object - AGENT_OWNS:
        return None
    subject = child(verb, "nsubj")
    return subject if subject is not None and subject.pos_ in {"NOUN", "PROPN"} else None


def _its_decision(noun: Token) -> Token | None:
    """The decision, verdict or ruling an "its" on an announcement takes up: the last one
    named before it in its sentence."""
    if not any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children):
        return None
    before = [t for t in noun.sent if t.i < noun.i and t.lemma_.lower() in DECIDING]
    if not before or any(
        t.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}
        for t in noun.doc[before[-1].right_edge.i + 1 : noun.i]
    ):
        return None  # "the court's decision, Karst Motors said its announcement ...": theirs
    return before[-1]


def theme_text(frame: Frame) -> str:
    return phrase(frame.theme) if frame.theme is not None else ""


def _whose(noun: Token) -> Token | None:
    """The noun a relative clause with "whose <noun>" says something of."""
    node = noun
    while node.dep_ != "relcl" and node.head.i != node.i:
        node = node.head
    owner = node.head
    return owner if node.dep_ == "relcl" and owner.pos_ in {"NOUN", "PROPN"} else None


def theme_lemma(frame: Frame) -> str:
    """The theme's lemma; a name of several words is kept whole ("olkiluoto 3", "british
    airways"), so that its last word ("3", "airways") is never taken for the thing."""
    theme = frame.theme
    if theme is None or theme.pos_ == "PRON":
        return ""
    theme = batch_of(theme) or theme  # "the first of the aircraft": aircraft
    return whole_name(theme) or theme.lemma_.lower()


def whole_name(token: Token) -> str:
    """The name of several words a proper noun or number is part of, in lower case: its
    entity, or the proper nouns and numbers compounded with it ("Flamanville 3"); "" when
    it is none."""
    if token.pos_ not in {"PROPN", "NUM"} or token.lower_ in GENERIC_THEMES:
        return ""  # a common noun keeps its lemma ("line" in "the Elizabeth Line" or "line")
    if token.ent_type_ in ENTITY_LABELS:
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        joints = [t.i for t in ent if t.pos_ in {"ADP", "CCONJ"}]
        low = max((i + 1 for i in joints if i < token.i), default=ent.start)
        high = min((i for i in joints if i > token.i), default=ent.end)
        words = [
            t for t in token.doc[low:high] if not (t.is_punct or t.tag_ == "POS" or t.dep_ == "det")
        ]  # "INS Vikrant at Cochin Shipyard", read as one name, is the ship
    else:
        words = [token]
    if token.pos_ == "PROPN":
        parts = {t.i for t in words} | {
            c.i
            for c in token.children
            if c.dep_ in {"compound", "nummod", "flat"} and c.pos_ in {"PROPN", "NUM"}
        }
        if token.dep_ in {"compound", "nummod"} and token.head.pos_ in {"PROPN", "NUM"}:
            parts.add(token.head.i)  # "Olkiluoto" with its "3" as head
        low, high = min(parts), max(parts)
        if high - low + 1 == len(parts):
            words = list(token.doc[low : high + 1])
    return " ".join(t.lower_ for t in words) if len(words) > 1 else ""
