"""The follow-up question of an expectation, built from its structured event: who does
what, and by when ("Will India and Russia sign the S-400 contract in October 2018?")."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import TYPE_CHECKING

from desktop.nlp.frames import ARRIVE, CONNECT, OUTPUTS, RESUMING, START, verb_keys
from desktop.nlp.participants import GEO_LABELS, ITEM_LABELS
from desktop.nlp.timex.vocab import MONTH
from desktop.nlp.words import (
    antecedent,
    child,
    dated_phrase,
    lemma_of,
    particle,
    phrase,
    place_due,
    raised_subject,
    speaker_for,
    whether_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.nlp.frames import Frame
    from desktop.nlp.participants import Participant
    from desktop.nlp.timing import Due

DETERMINERS = {
    "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "a",
    "an", "the", "some", "any", "each", "every", "all", "both", "more", "several", "many",
    "few", "no", "another", "other",
}  # fmt: skip
PRONOUNS = {
    "it",
    "they",
    "them",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "we",
    "he",
    "she",
    "itself",
    "themselves",
    "how",
    "what",
}
POSSESSIVES = {"its", "their", "his", "her"}
READY = {"ready", "operational", "complete", "open", "available"}
"""States a thing is expected in: "the reactor will be ready in 2022"."""
IRREGULAR_PARTICIPLES = {
    "begin": "begun", "take": "taken", "hold": "held", "make": "made", "sign": "signed",
    "hand": "handed", "fly": "flown", "give": "given", "swear": "sworn", "choose": "chosen",
    "win": "won", "set": "set", "put": "put", "cast": "cast", "go": "gone", "do": "done",
    "build": "built", "buy": "bought", "sell": "sold", "send": "sent", "pay": "paid",
    "meet": "met", "lead": "led", "hit": "hit", "shut": "shut", "come": "come",
    "strike": "struck", "seek": "sought", "bring": "brought", "know": "known", "get": "got",
}  # fmt: skip


def _day(d: date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def _period(start: date, end: date) -> str:
    if start == end:
        return f"on {_day(start)}"
    last = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == last:
        if start.year == end.year and start.month == end.month:
            return f"in {calendar.month_name[start.month]} {start.year}"
        if (start.month, end.month) == (1, 12) and start.year == end.year:
            return f"in {start.year}"
        if start.year == end.year and end.month - start.month == 2 and start.month % 3 == 1:
            which = ("first", "second", "third", "fourth")[start.month // 3]
            return f"in the {which} quarter of {start.year}"
        first = f"{calendar.month_name[start.month]} {start.year}"
        return f"between {first} and {calendar.month_name[end.month]} {end.year}"
    return f"between {_day(start)} and {_day(end)}"


def when(due: Due, published: date) -> str:
    """The due window as words: "in October 2018", "by 31 December 2018"."""
    if due.end is None or due.start is None:
        return ""
    if due.bound == "until":
        return f"until {_day(due.end)}"
    started = due.start < published or (due.start == published < due.end)  # "this afternoon"
    if due.bound in {"by", "before"} or (started and due.bound != "between"):
        return f"by {_day(due.end)}"
    text = _period(due.start, due.end)
    if due.bound in {"no_earlier_than", "after"}:
        return f"{text} or later"
    return text


def _participle(verb: Token, lemma: str) -> str:
    base = lemma.split()[0]
    rest = " ".join(lemma.split()[1:])
    if verb.tag_ == "VBN":
        word = verb.lower_
    elif base in IRREGULAR_PARTICIPLES:
        word = IRREGULAR_PARTICIPLES[base]
    elif base.endswith("e"):
        word = base + "d"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        word = base[:-1] + "ied"
    else:
        word = base + "ed"
    return f"{word} {rest}".strip()


def _names(people: list[Participant], roles: set[str], labels: set[str] | None = None) -> str:
    picked = [p.name for p in people if p.role in roles and (labels is None or p.label in labels)][
        :2
    ]
    picked = [" ".join(n.split()) for n in picked]  # a name across a line break
    picked = ["the " + n[4:] if n.startswith("The ") else n for n in picked]
    return " and ".join(dict.fromkeys(picked))


PERSONAL = {"he", "she", "him"}


def _person_meant(pronoun: Token) -> str:
    """The person a "he" or "she" stands for: the last person named before it, in its own
    sentence or the one before ("the date of Barack Obama's departure now depends on
    Congress. Aides say he will leave on 18 March"), when no other person comes between."""
    sentence = pronoun.sent
    before = pronoun.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    doc = pronoun.doc
    people = [e for e in doc.ents if e.label_ == "PERSON" and before <= e.start < pronoun.i]
    if not people:
        return ""
    last = people[-1].text.removesuffix("'s").removesuffix("’s")
    # anyone else named there, a person or a name the tagger gave no kind ("Ana Voss")
    named = {e.text.removesuffix("'s").removesuffix("’s") for e in people} | {
        t.text for t in doc[before : pronoun.i] if t.pos_ == "PROPN" and not t.ent_type_
    }
    return last if all(n in last or last.endswith(n) for n in named) else ""


def _noun_phrase(token: Token | None, frame: Frame, lead: bool = False) -> str:
    """The words of a noun phrase for a question (``lead``: it opens the question, where
    "its review" would point at nothing)."""
    if token is not None and token.lower_ in PERSONAL:
        return _person_meant(token)
    if token is None or token.lower_ in PRONOUNS:
        return ""
    text = phrase(token).removesuffix("’s").removesuffix("'s")
    if token.pos_ == "NUM" and token.dep_ == "nsubj" and token.ent_type_ in {"", "CARDINAL"}:
        counted = phrase(token, drop_det=False)  # "all 36 (are due)": the count is the thing
        return counted[0].lower() + counted[1:]
    if token.pos_ == "PROPN" or token.ent_type_ or _written_as_name(token):
        named = phrase(token, drop_det=False).removesuffix("’s").removesuffix("'s")
        return "the " + named[4:] if named.startswith("The ") else named
    if not text:
        return ""
    first_word = next((t for t in token.subtree if t.dep_ != "det"), token)
    if first_word.tag_ in {"WP$", "WDT"} and " " in text:
        text = text.split(" ", 1)[1]  # "whose digital wallet": the wallet
    spelled = first_word.pos_ == "NUM" and first_word.is_alpha  # "Two aircraft"
    said = next((t for t in token.subtree if t.text == text.split()[0]), first_word)
    written_so = not said.is_sent_start or any(c.isupper() for c in said.text[1:])
    if spelled or not (
        first_word.ent_type_
        or first_word.pos_ in {"PROPN", "NUM"}
        or text[:1].isdigit()
        or (written_so and said.text[:1].isupper())  # "KC-46", "MPs"
        or _written_as_name(said)  # "the Olkiluoto 3 start"
    ):
        text = f"{text[0].lower()}{text[1:]}"  # "Delivery of ..." opens its sentence
    text = PREP_COMMA.sub(r" \1 ", text)  # "the first delivery, to ANA": no pause
    items = [p.name for p in frame.participants if p.label in ITEM_LABELS and p.name not in text]
    other = frame.theme if token is frame.agent else antecedent(frame.agent)
    named_there = phrase(other) if other is not None and other.i != token.i else ""
    if (
        items
        and not any(i in named_there for i in items)
        and not any(c.ent_type_ for c in token.subtree)
    ):
        # "the jets" are the KC-46 jets; "the company" that certifies the CS100 is no CS100
        text = f"{items[0]} {text}"
    first = text.split()[0].lower()
    if lead and first == "its" and " " in text and (owner_name := _said_before(token, frame)):
        owner_name = "the " + owner_name[4:] if owner_name.startswith("The ") else owner_name
        whose = f"{owner_name}'" if owner_name.endswith("s") else f"{owner_name}'s"
        return f"{whose} {text.split(' ', 1)[1]}"  # "Its doors": Louvre Abu Dhabi's
    if lead and first in POSSESSIVES:
        return "the " + text.split(" ", 1)[1] if " " in text else ""  # "its review": whose?
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if first.endswith(("'s", "’s")) and owner is not None and owner.pos_ == "NOUN":
        return f"the {text}"  # "the court's ruling"
    if owner is not None and owner.pos_ == "PROPN" and text.startswith(phrase(owner)):
        # "Vladimir Putin's visit": the name is its determiner, with its own article if it
        # has one ("the Commission's deadline")
        owned = any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children)
        return f"the {text}" if owned else text
    # not "1,600-megawatt", "10 per cent tariff"
    a_count = first[:1].isdigit() and not MEASURE.match(first) and not RATE.match(text)
    a_count = a_count and not DAY_OF_MONTH.match(text)  # "the 5 August vote"
    if first in DETERMINERS or first.endswith(("'s", "’s")) or a_count:
        return text
    return f"the {text}"


DAY_OF_MONTH = re.compile(rf"(?i)\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\b")


def _said_before(token: Token, frame: Frame) -> str:
    """The thing of the sentence before that "its" takes up (see ``participants``)."""
    start = token.sent.start_char
    return next((p.name for p in frame.participants if p.role == "theme" and p.end <= start), "")


def _passive_light(frame: Frame) -> bool:
    """Whether the event noun is the subject of a passive light verb said as it is: a thing
    of no event word ("the status conference will be held") or a verb light with its
    noun's kind only ("the verdict will be delivered"); "the summit will be held" asks
    whether the summit takes place."""
    verb, noun = frame.verb, frame.anchor
    if frame.ctx is None or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if "*" not in frame.groups and verb_keys(verb) & frame.ctx.lexicon.light_object:
        return False
    return noun in {child(verb, "nsubjpass"), raised_subject(verb)}


def _light_clause(frame: Frame) -> str:
    """The clause of a light verb whose object is the event noun, with a named or common
    noun as its subject, said as it is: "the court deliver its ruling", "Kenya hold the
    vote" (not "its ruling take place")."""
    verb, noun = frame.verb, frame.anchor
    if verb.pos_ != "VERB" or frame.ctx is None:
        return ""
    lexicon = frame.ctx.lexicon
    keys = verb_keys(verb)
    if not keys & (lexicon.light_object | lexicon.light_with_verbs) or "attempt" in keys:
        # "expects the first deliveries": the deliveries take place; "attempt a landing":
        # the landing is the event, not the attempt
        return ""
    if _passive_light(frame):
        # "the status conference will be held", "its verdict, expected to be delivered":
        # said as it is, not "its verdict take place"
        what = _noun_phrase(noun, frame, lead=True)
        done = " ".join(w for w in (verb.lower_, particle(verb)) if w)
        return f"{what} be {done}" if what else ""
    if noun.dep_ != "dobj" or noun.head.i != verb.i:
        return ""
    subject = speaker_for(antecedent(child(verb, "nsubj")) or raised_subject(verb))
    who = _noun_phrase(subject, frame, lead=True)
    what = _noun_phrase(noun, frame)
    if not who or not what:
        return ""
    words = " ".join(w for w in (verb.lemma_.lower(), particle(verb)) if w)
    return f"{who} {words} {what}"


PARTICLES = {"over", "off", "up", "out", "down", "in", "on", "back", "away", "through"}


def _carried_object(frame: Frame, lemma: str) -> tuple[Token, str] | None:
    """The object a verb of the lexicon takes as part of it ("carry passengers") when the
    follow-up's thing comes with a preposition of its own ("on the new line")."""
    theme = frame.theme
    if " " not in lemma or theme is None or theme.head.dep_ != "prep":
        return None
    if _group_verb(frame) not in {"", "start"}:
        return None  # "strike a deal on the contract": sign it
    obj = child(frame.verb, "dobj")
    if obj is None or obj.lemma_.lower() != lemma.split()[-1]:
        return None
    return obj, theme.head.lower_


def _group_verb(frame: Frame) -> str:
    """The verb a group of the lexicon is named by, when it is one of its own words
    ("sign" for "strike deal")."""
    if frame.ctx is None:
        return ""
    events = frame.ctx.lexicon.events
    return next((g for g in sorted(frame.groups) if g in events.get(g, ())), "")


def question(frame: Frame, due: Due, published: date, negated: bool) -> str:
    """A grammatical yes/no question naming the actors and the event."""
    deadline = when(due, published)
    tail = f" {deadline}" if deadline else ""
    after_all = " after all" if negated else ""
    people = frame.participants
    if frame.nominal and _passive_light(frame) and (clause := _light_clause(frame)):
        return f"Will {clause}{tail}{after_all}?"
    if frame.nominal and "*" in frame.groups:
        thing = _noun_phrase(frame.anchor, frame) or "it"
        if frame.verb.pos_ == "ADJ" and frame.verb.lower_ in READY:
            return f"Will {thing} be {frame.verb.lower_}{tail}{after_all}?"
        return f"Will {thing} go ahead{tail}{after_all}?"
    if frame.nominal and frame.lemma == ARRIVE and frame.theme is frame.anchor:
        where = f" {place_due(frame.verb)}" if frame.anchor.ent_type_ == "PERSON" else ""
        return f"Will {_noun_phrase(frame.anchor, frame) or 'it'} arrive{where}{tail}{after_all}?"
    if frame.nominal and (clause := _light_clause(frame)):
        return f"Will {clause}{tail}{after_all}?"
    if frame.nominal and frame.lemma in {START, CONNECT} and frame.theme is frame.anchor:
        # "is targeting production in 2024": its maker starts it
        output = _noun_phrase(frame.anchor, frame).removeprefix("the ")
        if frame.anchor.pos_ != "PROPN":
            output = output[:1].lower() + output[1:]  # "First power is planned": sentence case
        maker = child(frame.verb, "nsubj")
        whole = frame.anchor.lemma_.lower() in OUTPUTS  # not "first gas"
        if (
            maker is not None
            and maker.pos_ == "PROPN"
            and (who := _noun_phrase(maker, frame, lead=True))
        ):
            return f"Will {who} {'start' if whole else 'produce'} {output}{tail}{after_all}?"
        return f"Will {output} {'start' if whole else 'come'}{tail}{after_all}?"
    if frame.nominal:
        event = _noun_phrase(frame.anchor, frame) or f"the {frame.lemma}"
        theme = _noun_phrase(frame.theme, frame) if frame.theme is not frame.anchor else ""
        if theme and theme.removeprefix("the ").lower() not in event.lower():
            # the theme is said once: "the referendum on a new charter", not "... of new charter"
            # "President Biden, whose decision": "President Biden's decision"
            whose = any(c.dep_ == "poss" and c.tag_ == "WP$" for c in frame.anchor.children)
            owner = f"{theme}'s" if whose else theme
            if event.startswith("its "):
                event = f"the {event.removeprefix('its ')}"  # "its announcement" of the decision
            event = (
                f"{event} of {theme}"
                if theme.startswith("the ")
                else f"{owner} {event.removeprefix('the ')}"
            )
        named = any(p.name.lower() in event.lower() for p in people)
        missing = [
            p
            for p in people
            if p.role in {"context", "participant", "agent", "theme"}
            and p.label in GEO_LABELS | {"ORG"}
            and p.name.lower() not in event.lower()
        ]
        who = _names(missing, {"context", "participant", "agent", "theme"})
        if who and not named:
            event = f"{event} ({who})"  # "Will the plebiscite (Chile) take place ...?"
        happen = "go on" if due.bound == "until" else "take place"  # "the strike ... until"
        if lemma_of(frame.verb) in RESUMING and frame.verb is not frame.anchor:
            happen = "resume"  # "Will commercial flights resume ...?", not "take place"
        return f"Will {event} {happen}{tail}{after_all}?"
    verb = frame.verb
    lemma = frame.lemma
    if " " in lemma and frame.theme is not None and lemma.split()[-1] == frame.theme.lemma_.lower():
        lemma = lemma.rsplit(" ", 1)[0]  # "ask voter": the voters are said as the theme
    theme = _noun_phrase(frame.theme, frame)
    if verb.lemma_.lower() == "be" or f"state:{lemma}" in frame.groups:
        # a state: "will the line be open in December 2019?", "will the app be available?"
        return f"Will {theme or 'it'} be {lemma}{_where_back(frame)}{tail}{after_all}?"
    agent = _noun_phrase(frame.agent, frame) or _names(people, {"agent"})
    actors = _names(people, {"context", "participant", "agent"}, GEO_LABELS | {"ORG"})
    if frame.passive:
        # who acts in a passive is named in its clause, not borrowed from the headline, and
        # is not where it happens ("will be signed in Paris": Paris signs nothing)
        own = _names(
            [p for p in people if not _a_place_in(p, frame)],
            {"participant", "agent"},
            GEO_LABELS | {"ORG"},
        )
        if agent or (own and theme and own.lower() not in theme.lower()):
            return f"Will {agent or own} {lemma} {theme}{tail}{after_all}?"
        subject = (
            _noun_phrase(frame.theme, frame, lead=True) or _names(people, {"theme", "context"})
        ) or "it"
        return f"Will {subject} be {_participle(verb, lemma)}{tail}{after_all}?"
    if frame.transitive:
        subject = agent or actors or "they"
        obj = theme or _names(people, {"theme"}) or "it"
        if len(lemma.split()) > 1 and lemma.split()[-1] == frame.verb.lemma_.lower():
            pass
        elif lemma.endswith(" again"):
            lemma, obj = lemma.removesuffix(" again"), f"{obj} again"  # "fly passengers again"
        elif " " in lemma and frame.theme is not None and frame.theme.head.lower_ == "of":
            obj = f"of {obj}"  # "take delivery of the first KC-46"
        elif (carried := _carried_object(frame, lemma)) is not None:
            # "carry passengers on the new line": the verb says what it carries, and where
            lemma, obj = f"{lemma.split()[0]} {carried[0].text}", f"{carried[1]} {obj}"
        elif " " in lemma and lemma.split()[-1] not in PARTICLES and (base := _group_verb(frame)):
            lemma = base  # "strike a deal on the contract", "put signatures to it": sign it
        said = next((c for c in verb.children if c.dep_ == "oprd"), None)
        if said is not None:
            obj = f"{obj} {said.lower_}"  # "keep rates unchanged": the state is the point
        return f"Will {subject} {lemma} {obj}{tail}{after_all}?"
    subject = _noun_phrase(frame.theme, frame, lead=True) or (
        _names(people, {"theme"})
        or _names(people, {"theme", "agent", "participant", "context"})
        or "it"
    )
    return f"Will {subject} {_with_object(verb, lemma, subject)}{tail}{after_all}?"


def _where_back(frame: Frame) -> str:
    """Where a thing will be back: "in the Large Hadron Collider", "on the line"."""
    if frame.lemma != "back":
        return ""
    back = next((c for c in frame.verb.children if c.lower_ == "back"), None)
    for token in (*(back.children if back is not None else ()), *frame.verb.children):
        if token.dep_ == "prep" and token.lower_ in {"in", "on", "at"} and not dated_phrase(token):
            return f" {token.lower_} {phrase(child(token, 'pobj') or token, drop_det=False)}"
    return ""


MEASURE = re.compile(r"^[\d.,]+-[a-z]")
"""A number joined to a unit is a measure, not a count: "1,600-megawatt unit"."""
RATE = re.compile(r"^[\d.,]+ ?(per ?cent|percent|%)")
"""A number that is a rate, not a count: "the 10 per cent tariff"."""
PREP_COMMA = re.compile(r", (to|for|of|from|with|at|in|on) ")


def _written_as_name(token: Token) -> bool:
    """A capitalised word the tagger took for a common noun that is a name as written: with
    a number ("Olkiluoto 3", "Cyberpunk 2077") or capitalised again inside a sentence."""
    if not token.text[:1].isupper() or token.pos_ != "NOUN":
        return False
    if any(c.like_num and c.i == token.i + 1 for c in token.children):
        return True
    headline_end = token.doc.text.find("\n")
    return any(
        t.text == token.text and not t.is_sent_start and t.idx > headline_end
        for t in token.doc
        if t.i != token.i
    )  # not in the headline: "New Stadium Construction To Begin" capitalises every word


WITHIN_A_NAME = {"compound", "amod", "nmod", "poss", "appos", "conj"}
PLACE_PREPS = {"in", "at", "on", "to", "during", "near", "from", "inside", "outside", "across"}


def _a_place_in(person: Participant, frame: Frame) -> bool:
    """The name is the object of a preposition of place ("in Paris", "visit to Paris")."""
    if frame.ctx is None:
        return False
    span = frame.ctx.doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in WITHIN_A_NAME and root.head.i != root.i:
        root = root.head  # "at the company's Nevada plant": the plant is the place
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def _with_object(verb: Token, lemma: str, subject: str = "") -> str:
    """A multiword verb said with its object as written: "ask voter" -> "ask the voters"."""
    words = lemma.split()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"), None
    )  # "let the public in", its object read as a clause
    if len(words) > 1 and obj is not None and words[-1] == obj.lemma_.lower():
        return " ".join([*words[:-1], phrase(obj, drop_det=False)])
    if len(words) == 1 and obj is not None and obj.dep_ == "dobj":
        return f"{lemma} {phrase(obj, drop_det=False)}"  # "first power reach the grid"
    if len(words) == 1 and obj is None:
        said = _what_it_is_on(verb)
        if said and said.split(" ", 1)[1].lower() not in subject.lower():
            return f"{lemma} {said}"  # "deal with the ratification", "vote on the protocol"
        asked = _whether_clause(verb)
        if asked:
            return f"{lemma} {asked}"  # "decide whether to approve the proposed coal mine"
    return lemma


def _whether_clause(verb: Token) -> str:
    """What a decision is on, said as a clause with "whether" ("whether to approve the
    mine"), without a time inside it."""
    clause = whether_clause(verb)
    if clause is None or any(t.ent_type_ in {"DATE", "TIME"} for t in clause.subtree):
        return ""
    return clause.doc[clause.left_edge.i : clause.right_edge.i + 1].text


OBJECT_PREPS = {"with", "on", "for", "against"}


def _what_it_is_on(verb: Token) -> str:
    """The prepositional object of a verb without a direct one, when it names a thing (not
    a time or a place): what the vote is on, what the assembly deals with."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in OBJECT_PREPS:
            continue
        pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
        if (
            pobj is None
            or pobj.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"}
            or pobj.lower_ in PRONOUNS
            or any(x.dep_ in {"prep", "acl", "relcl"} for x in pobj.children)
        ):
            continue  # a short thing only: not "with a ceremony at the rebuilt stadium"
        text = phrase(pobj, drop_det=False)
        if text:
            return f"{c.lower_} {text}"
    return ""
