"""Words of the parse: a token's phrase as written, its lemma (with the English model's
known slips corrected), multiword verbs, and the antecedents and raised subjects that
tell who or what a clause is about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.nlp.timex.context import NAMES_OF_TIME

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.vocabulary import Lexicon

PLANS = {"plan", "intention", "bid", "proposal", "target", "goal", "aim", "hope", "decision"}


TIME_PREPS = {
    "ahead", "before", "by", "for", "until", "till", "in", "on", "during", "from", "to",
    "between", "within", "around", "after", "through",
}  # fmt: skip
TIME_WORDS = {
    "of", "the", "a", "and", "early", "late", "mid", "middle", "end", "beginning", "start",
    "first", "second", "third", "fourth", "last", "half", "quarter", "next", "this", "year",
    "spring", "summer", "autumn", "fall", "winter",
}  # fmt: skip
"""Words of a time phrase the recogniser often leaves outside its date ("by the middle of
the first quarter of 2011", "between 23 and 25 May")."""
SEASON_WORDS = {"spring", "summer", "autumn", "fall", "winter"}


def dated_phrase(t: Token) -> bool:
    """A time said after a noun or its verb ("the transaction ahead of July 18", "back the
    bids early next year"): the question gives the window once, at its end."""
    rest = [x for x in t.subtree if x.i != t.i and not (x.is_punct or x.is_space)]
    if t.dep_ == "npadvmod":
        rest = [x for x in t.subtree if not (x.is_punct or x.is_space)]
    elif not (t.dep_ in {"prep", "advmod"} and t.lower_ in TIME_PREPS):
        return False
    return (
        bool(rest)
        # "its decision in the autumn": the recogniser often leaves a season out
        and any(x.ent_type_ in {"DATE", "TIME"} or x.lower_ in SEASON_WORDS for x in rest)
        and all(x.ent_type_ in {"DATE", "TIME"} or x.lower_ in TIME_WORDS or x.like_num
                for x in rest)
    )  # fmt: skip


FEASTS = {
    "christmas",
    "easter",
    "thanksgiving",
    "halloween",
    "ramadan",
    "eid",
    "diwali",
    "passover",
}


def time_word(t: Token) -> bool:
    """A word of a time. The recogniser's dates now and then swallow a name beside a time
    ("the first deliveries of its Semi to 2021"): a proper noun that names no month, day,
    season or feast is no time."""
    if t.ent_type_ not in {"DATE", "TIME"}:
        return False
    if t.pos_ != "PROPN" or any(ch.isdigit() for ch in t.text):
        return True
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if after is not None and after.like_num:
        return True  # "the last Ariane 5": a name with its number, left whole as it is
    if t.lower_ in {"day", "eve"} or (after is not None and after.lower_ in {"day", "eve"}):
        return True  # "Memorial Day", "Election Day", "New Year's Eve"
    return t.lower_ in NAMES_OF_TIME or t.lower_ in FEASTS


def _time_modifier(t: Token) -> bool:
    return _day_of_month(t) or (
        t.dep_ in {"compound", "nmod", "nummod", "amod", "npadvmod"}
        and all(x.ent_type_ in {"DATE", "TIME"} or x.is_space for x in t.subtree)
    )


def _day_of_month(t: Token) -> bool:
    """The "17" of "the 17 October vote", which the tagger leaves out of the date."""
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return (
        t.dep_ == "nummod"
        and t.like_num
        and after is not None
        and after.ent_type_ == "DATE"
        and after.head.i == t.head.i
    )


IN_STATES = {"place", "service", "operation", "force", "effect", "production", "use"}
"""Nouns of a state said with "in": "will be in place by 2022"."""


def _state_of(t: Token, token: Token) -> bool:
    """ "wants the trains in service": the state the object is put in is the event, not
    part of the thing (the subject "the trains in service today" keeps it)."""
    counted = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "dobj"
    return (
        (token.dep_ == "dobj" or counted)  # "have both of its vessels in service"
        and t.head.i == token.i
        and t.dep_ == "prep"
        and t.lower_ in {"in", "into"}
        and any(x.dep_ == "pobj" and x.lemma_.lower() in IN_STATES for x in t.children)
    )


LINKING = {"so", "then", "thus", "also", "hence"}
"""Adverbs that link a clause to the one before and that the parser may hang on its subject
("and so the tariff will go up")."""


def phrase(token: Token, drop_det: bool = True) -> str:
    """The words of a token's subtree as written, without punctuation at its edges,
    relative clauses, appositions or a leading article."""
    skip: set[int] = set()
    for t in token.subtree:
        clause = t.dep_ == "prep" and any(x.pos_ == "VERB" for x in t.children)
        # "pushed the flight of the 787 back to March": the parser hangs the verb's
        # "back to March" on the noun
        moved = t.dep_ == "advmod" and t.lower_ in {"back", "forward"}
        # "a September start": the question gives the window once, at its end
        when = t.head.i == token.i and token.pos_ == "NOUN" and _time_modifier(t)
        # "the loan, due in 2025,": an adjective set off after its noun says more of it
        aside = t.dep_ == "amod" and t.i > token.i and t.doc[t.left_edge.i - 1].text == ","
        if (
            t.dep_ in {"relcl", "acl", "appos"}
            or aside
            or clause
            or moved
            or when
            or dated_phrase(t)
            or _state_of(t, token)
            or (t.dep_ == "advmod" and t.head.i == token.i and t.lower_ in LINKING)
        ) and t.i != token.i:
            skip |= {x.i for x in t.subtree}
    kept = [
        t
        for t in token.subtree
        if t.i not in skip
        and not (drop_det and t.dep_ == "det" and t.i == token.left_edge.i)
        and not t.is_space
    ]
    while kept and kept[0].is_punct:
        kept.pop(0)
    while kept and kept[-1].is_punct:
        kept.pop()
    text = "".join(t.text + t.whitespace_ for t in kept)
    return " ".join(text.replace(" ,", ",").split()).strip(" ,")


LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope", "slated": "slate"}
"""Words the English model lemmatises wrongly ("hopes" -> "hop")."""


REMAINING = frozenset({"remain", "stay"})
"""Verbs of a state that goes on: "remained on track to open", "remains committed to"."""


def lemma_of(token: Token) -> str:
    """spaCy's lemma in lower case, with the model's known slips corrected."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


def false_infinitive(token: Token) -> bool:
    """A participle the parser hung on a verb as its infinitive: "will reopen to vaccinated
    travellers" (a true one is a base form, or passive: "to be signed")."""
    return (
        token.dep_ == "xcomp"
        and token.tag_ == "VBN"
        and not any(c.dep_ == "auxpass" for c in token.children)
    )


PREPOSITIONS = {"according", "including", "regarding", "concerning", "excluding"}
"""Participles that are prepositions; not "starting", "beginning", "following", which
may date the event they hang on ("to be selected starting August 31")."""


def prepositional(token: Token) -> bool:
    """ "According to its update", "including the handover": no event of its own."""
    return token.lower_ in PREPOSITIONS and token.dep_ == "prep"


def fronted_clause(clause: Token) -> bool:
    """A clause the parser hung before a verb as its complement, though it is a sentence
    of its own: before a passive verb ("Her case goes first: the trial is still scheduled
    for July 28": the trial is scheduled, not the going), or before a semicolon or colon
    ("the trial is scheduled to open on 13 June; Cahill once planned it for August": the
    old plan is not what is scheduled). A fronted clause of a verb in the active voice is
    otherwise its report: "The bridge will open in May, officials expect"."""
    head = clause.head
    if clause.dep_ != "ccomp" or clause.i >= head.i:
        return False
    between = clause.doc[clause.right_edge.i + 1 : head.i]
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in head.children) or any(
        t.text in {";", ":"} for t in between
    )


def particle(token: Token) -> str:
    """The verb's particle ("carry out"), also one the parser made a preposition with no
    object ("called off the attempt": "off" tagged RP) or an adverb right after the verb
    ("has been pushed back by five weeks", "pushed the launch back by a day")."""
    return " ".join(
        c.lemma_.lower()
        for c in token.children
        if (c.dep_ == "prt" and not _no_particle(token, c))
        or (c.dep_ == "prep" and c.tag_ == "RP" and not any(x.dep_ == "pobj" for x in c.children))
        or (
            c.dep_ == "advmod"
            and c.lower_ in {"back", "forward"}
            and (c.i == token.i + 1 or _before_a_time(c))
            and token.lemma_.lower() in MOVERS
        )
    )


def _no_particle(verb: Token, word: Token) -> bool:
    """A word after the verb that the parse makes its particle but is none: the first of a
    pair of prepositions ("come on or before 8 December"), or "down" in "the election is set
    down for 19 September" (set for a day; not "the lander will set down on Friday")."""
    doc = word.doc
    set_down_for = (
        verb.lemma_.lower() == "set"
        and word.lower_ == "down"
        and word.i + 1 < len(doc)
        and doc[word.i + 1].lower_ == "for"
    )
    return set_down_for or _first_of_a_pair(word)


def _before_a_time(adverb: Token) -> bool:
    """ "pushed Endeavour's launch back by 24 hours", "moved the final forward to 12 May": a
    particle after the object, before the time it moves to (not "moved its event back to
    Cupertino", "pushed the rebels back from the capital")."""
    after = adverb.doc[adverb.i + 1 : adverb.i + 6]
    return (
        len(after) > 1
        and after[0].lower_ in {"by", "to", "until", "into", "till"}
        and any(t.ent_type_ in {"DATE", "TIME"} for t in after[1:])
    )


MOVERS = {"push", "put", "set", "bring", "move", "pull"}
"""Verbs that move a date with "back" or "forward" ("pushed back"; not "expected back")."""


REQUESTS = frozenset({"application", "request", "petition", "submission", "appeal", "filing"})
"""What a body acts "on" when it decides ("act on the application"); not "on behalf of", "on
a tip", "on the advice of its experts"."""


def requested(verb: Token) -> Token | None:
    """The request a verb is "on" ("act on the application"), if any."""
    return next((x for x in prep_objects(verb, "on") if x.lemma_.lower() in REQUESTS), None)


def amount_particle(token: Token) -> Token | None:
    """The "up" of "go up to 10 per cent", which the parser hangs on the number. Only
    after "go": "will put up to 5 million euros into the company" puts money in."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.lemma_.lower() != "go" or after is None:
        return None
    if after.lower_ in {"up", "down"} and after.dep_ == "quantmod":
        return after
    return None


def _first_of_a_pair(word: Token) -> bool:
    """A preposition joined to the next by "or" ("come on or before 8 December"): the
    pair takes the object, so the first is no particle of the verb."""
    doc = word.doc
    return (
        word.i + 2 < len(doc)
        and doc[word.i + 1].lower_ == "or"
        and doc[word.i + 2].pos_ in {"ADP", "SCONJ"}
    )


def verb_lemma(token: Token, lexicon: Lexicon) -> str:
    """The lemma with what makes a multiword verb of the lexicon: "hand over", "take
    delivery", "go to the polls", "come into force"."""
    base = lemma_of(token)
    prt = particle(token)
    candidates = [f"{base} {prt}"] if prt else []
    if requested(token) is not None:
        candidates.append(f"{base} on")  # "act on the application"
    amount = amount_particle(token)
    if not prt and amount is not None:
        candidates.append(f"{base} {amount.lower_}")
    loose = [
        c.lower_
        for c in token.children
        if c.dep_ in {"prt", "prep", "advmod"}
        and c.i > token.i
        and not any(x.dep_ == "pobj" for x in c.children)
        and not _no_particle(token, c)
    ]  # "let the public in": a particle the parser made a bare preposition
    candidates += [f"{base} {word}" for word in loose]  # "drops out of the race"
    for c in token.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            candidates.append(f"{base} {c.lemma_.lower()}")  # "ask voters", "voters are asked"
        if c.dep_ in {"dobj", "nsubjpass"} or (c.dep_ == "ccomp" and c.pos_ == "NOUN"):
            candidates += [f"{base} {word} {c.lemma_.lower()}" for word in loose]
        if c.dep_ in {"acomp", "advmod", "oprd"} or (c.dep_ == "ccomp" and c.pos_ == "ADJ"):
            candidates.append(f"{base} {c.lower_}")  # "go live", "made the report public"
        if c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children):
            candidates.append(f"{base} to {c.lemma_.lower()}")  # "came to rest"
        if c.dep_ == "prep":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    det = " the" if any(d.dep_ == "det" for d in obj.children) else ""
                    candidates.append(f"{base} {c.lower_}{det} {obj.lower_}")
                    candidates.append(f"{base} {c.lower_} {obj.lemma_.lower()}")
    phrases = lexicon.phrases
    return next((c for c in candidates if c in phrases), f"{base} {prt}" if prt else base)


EVENT_ENDINGS = ("ing", "tion", "sion", "ment")
"""Nouns of a happening, not of things that arrive: "hearings", "elections", "payments"."""
PARTITIVES = {"first", "last", "next"}
"""Not "final": "the final of the tournament" is a match."""


def batch_of(token: Token) -> Token | None:
    """ "the first of the aircraft", "the last of the ships": the things a batch word
    heads."""
    return of_object(token) if token.lower_ in PARTITIVES else None


def whether_clause(verb: Token) -> Token | None:
    """The clause with "whether" or "if" a verb governs ("decide whether to approve")."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in {"xcomp", "ccomp"}
            and any(m.dep_ == "mark" and m.lower_ in {"whether", "if"} for m in c.children)
        ),
        None,
    )


SHARES = frozenset({"most", "all", "bulk"})
"""Shares that stand for the whole ("most of the rules ended"; not "the rest of the fleet")."""


def share_of(token: Token | None) -> Token | None:
    """ "Most of England's legal restrictions ended": the things a share of them is of."""
    return of_object(token) if token is not None and token.lower_ in SHARES else None


def of_object(token: Token) -> Token | None:
    """The noun of a token's "of": "the first of the aircraft", "both of its vessels"."""
    return next(
        (
            x
            for p in token.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for x in p.children
            if x.dep_ == "pobj"
        ),
        None,
    )


def antecedent(token: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies."""
    if token is None:
        return None
    if token.tag_ in {"WDT", "WP"} or token.lower_ in {"which", "that", "who"}:
        clause = token.head
        while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i:
            if clause.dep_ in {"xcomp", "ccomp", "aux"}:
                clause = clause.head
            else:
                break
        if clause.dep_ in {"relcl", "acl"}:
            return _placed_noun(clause.head, clause)
        if clause.dep_ in {"advcl", "conj"} and token.tag_ == "WDT" and token.i < clause.i:
            return _misplaced_antecedent(token, clause) or token
    return token


def _misplaced_antecedent(token: Token, clause: Token) -> Token | None:
    """ "launch the spacecraft, with no crew on board, that would orbit the moon", "move the
    pupils to the new building next month, which will open in April": a relative clause the
    parser hung on the main verb as an adverbial one stands for the last noun before it,
    past an aside in commas that a preposition opens and past a time."""
    doc = clause.doc
    start = clause.head.left_edge.i
    skipped: set[int] = set()
    commas = [t.i for t in doc[start : token.i] if t.text == ","]
    if len(commas) >= 2 and commas[-1] == token.i - 1 and doc[commas[-2] + 1].pos_ == "ADP":
        skipped = set(range(commas[-2], commas[-1]))  # ", with no crew on board,"
    nouns = [
        t
        for t in doc[start : token.i]
        if t.i not in skipped
        and t.pos_ in {"NOUN", "PROPN"}
        and t.dep_ != "compound"
        and t.ent_type_ not in {"DATE", "TIME"}
    ]
    return nouns[-1] if nouns else None


SAYING = {"say", "announce", "confirm", "tell", "state", "add", "insist", "indicate"}
SPEAKERS = {
    "it": {"ORG", "GPE", "NORP", "PRODUCT", "FAC"},
    "they": {"ORG", "NORP", "GPE"},
    "he": {"PERSON"},
    "she": {"PERSON"},
}
"""The named things a subject pronoun can stand for."""


def speaker_for(pronoun: Token | None) -> Token | None:
    """ "Qualcomm said it aims to complete the purchase": a subject pronoun in what someone
    says stands for the one who says it, when that one is a name of the pronoun's kind (a
    company for "it", a person for "she"). Other pronouns stay."""
    if pronoun is None or pronoun.lower_ not in SPEAKERS:
        return pronoun
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAYING:
        return pronoun
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.i > clause.i:
        return pronoun  # "it will open in May, the council said": said after, of anyone
    kind = pronoun.lower_
    # a name the tagger gave no kind to is a company's as well ("Qualcomm" after a headline);
    # a common noun ("T-Mobile executives said they") would hide the names the clause's
    # context gives the follow-up, and stays a pronoun
    named = speaker.pos_ == "PROPN" and (
        speaker.ent_type_ in SPEAKERS[kind] or (kind == "it" and not speaker.ent_type_)
    )
    return speaker if named else pronoun


def _placed_noun(head: Token, clause: Token) -> Token:
    """The parser hangs a relative clause on the nearest noun; after a place that is the
    object of a thing's preposition ("Putin's visit to New Delhi, which starts on
    Thursday", "the plant in Texas, which opens in May") the clause that has no object
    of its own is about the thing: places do not start or open."""
    if (
        head.ent_type_ in {"GPE", "LOC"}
        and head.dep_ == "pobj"
        and head.head.head.pos_ == "NOUN"
        and not any(c.dep_ in {"dobj", "attr", "acomp"} for c in clause.children)
    ):
        return head.head.head
    return head


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """The objects of the token's prepositions ``preps``: "3 May" in "set for 3 May"."""
    return [
        x
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for x in c.children
        if x.dep_ == "pobj"
    ]


KEEPING_A_DAY = {
    "celebrate",
    "commemorate",
    "mark",
    "remember",
    "observe",
    "honour",
    "honor",
    "mourn",
    "know",
    "call",
    "describe",
}
"""Verbs that keep or call a day "the day" something happened: they set no day ("celebrates
9 May as the day the city was freed"). Any other verb the parser hangs "as the day" on
sets one (it may hang it on "approved" in "approved a plan that names 1 January as the
day ...")."""


def day_setter(verb: Token) -> Token | None:
    """The verb that set the day a clause still to come happens on: "fixed 1 November as
    the day the museum is opened", "names 1 January 2024 as the day the euro will replace
    the lev"; not a clause in the past ("the day the line opened", "was captured")."""
    if verb.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"was", "were", "had"} for c in verb.children
    ):
        return None
    if verb.dep_ == "advcl":
        # the parser may hang "as the day" on the clause: "names 1 July as the day the
        # coins will replace the notes"
        days = [
            x
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i
            for x in c.children
            if x.dep_ == "pobj" and x.lemma_.lower() in {"day", "date"}
        ]
        setter = verb.head if days else None
    else:
        noun = verb.head
        if verb.dep_ not in {"relcl", "acl"} or noun.lemma_.lower() not in {"day", "date"}:
            return None
        if noun.dep_ != "pobj" or noun.head.lower_ != "as":
            return None
        setter = noun.head.head
    if setter is None or setter.pos_ not in {"VERB", "AUX"}:
        return None
    return None if lemma_of(setter) in KEEPING_A_DAY else setter


def to_infinitive(verb: Token) -> bool:
    """A verb with "to" before it: "to follow", "to decide"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def with_noun(verb: Token) -> Token | None:
    """The noun of "with a floor vote to follow in January": what the infinitive says of it
    is still to come."""
    noun = verb.head
    if (
        verb.dep_ in {"acl", "relcl"}
        and to_infinitive(verb)
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
    ):
        return noun
    return None


TIME_GIVERS = {"have", "give"}
"""Verbs of time left: "has until March 23 to decide", "gave them until May 5 to publish"."""


def misread_deadline_giver(lower: Token) -> Token | None:
    """ "has until 8 January to decide": the parser may hang "to decide" on the date as a
    relative clause; the verb that gives the time is the date's (its subject decides)."""
    date_ = lower.head
    prep = date_.head
    if not (
        lower.dep_ in {"relcl", "acl"}
        and to_infinitive(lower)
        and date_.ent_type_ in {"DATE", "TIME"}
        and date_.dep_ == "pobj"
        and prep.lower_ in {"until", "till"}
    ):
        return None
    giver = prep.head
    return giver if lemma_of(giver) in TIME_GIVERS else None


RANKS = {"first", "last", "only", "second", "third", "final", "latest"}
"""Ranks of a noun an infinitive says who did first or last: "the last state to adopt"."""
TRIES = {"attempt", "bid", "effort", "try", "time", "step", "chance", "opportunity", "move"}
"""Nouns of a try, not of who acts: "the third attempt to ratify" is still to come."""
NOT_YET = {"yet", "still"}
"""'The last chamber yet to ratify': it has not."""


def ranked_actor(noun: Token) -> bool:
    """A noun of who acts, ranked: "the last state", "the first country"."""
    return noun.lemma_.lower() not in TRIES and any(
        c.dep_ == "amod" and c.lower_ in RANKS for c in noun.children
    )


def ranked_head(verb: Token) -> Token | None:
    """The copula (or "make") of a ranked actor's infinitive: "became the last state to
    adopt the tax", "is the first country to ban petrol cars", "making the company the
    first to land a spacecraft" — the infinitive's event is done, in that verb's tense. The
    parser hangs the infinitive on the noun, on the copula, or (after "make") as a clause
    whose subject is the noun. None for "yet to"/"still to" (not done)."""
    if not to_infinitive(verb):
        return None
    subject = child(verb, "nsubj")
    if verb.dep_ in {"relcl", "acl"} and verb.head.dep_ == "attr":
        noun, head, verbs = verb.head, verb.head.head, {"be", "become"}
    elif verb.dep_ == "ccomp" and subject is not None:
        noun, head, verbs = subject, verb.head, {"make"}
    elif verb.dep_ == "advcl" and (attr := child(verb.head, "attr")) is not None:
        noun, head, verbs = attr, verb.head, {"be", "become"}
    else:
        return None
    if not ranked_actor(noun) or lemma_of(head) not in verbs:
        return None
    if any(c.lower_ in NOT_YET for c in [*verb.children, *noun.children]):
        return None
    return head


def ranked_subject(verb: Token) -> Token | None:
    """Who did a ranked infinitive's event: the copula's subject, also through a verb it is
    raised to ("Estonia is expected to be the first country to adopt the euro"), or the
    named subject of the ranked noun after "make" ("made Karst the last chamber to ratify")."""
    head = ranked_head(verb)
    if head is None:
        return None
    if lemma_of(head) == "make":
        noun = child(verb, "nsubj")
        return (child(noun, "nsubj") if noun is not None else None) or noun
    return antecedent(child(head, "nsubj", "nsubjpass")) or raised_subject(head)


CONTROLLERS = {"give", "set", "schedule", "expect", "want", "allow", "intend"}
"""Verbs whose object does what their infinitive says: "set jury selection to begin on July
28", "intends the visit to go ahead"."""


ENABLERS = {
    "right", "chance", "permission", "permit", "approval", "power", "authority", "time",
    "money", "opportunity", "licence", "license", "go-ahead", "clearance", "funding",
    "mandate", "ability", "option", "freedom", "consent", "support", "means", "capacity",
}  # fmt: skip
"""What lets someone do something: in "wants the right to strike", "expects permission to
restart flights" the infinitive is not the object's doing."""


def controlled_object(verb: Token) -> Token | None:
    """The object of a controller verb that does what its infinitive says."""
    obj = child(verb, "dobj")
    if obj is None or verb.lemma_.lower() not in CONTROLLERS or obj.lemma_.lower() in ENABLERS:
        return None
    return obj


def raised_subject(verb: Token) -> Token | None:
    """The subject of the construction above: in "the line is expected to open" and "the
    project is on track to open" it is the line and the project that open; in "Iceland
    will be the first country to adopt the rule", Iceland adopts it."""
    ranked = ranked_subject(verb)
    if ranked is not None:
        return ranked
    node = verb
    for _ in range(4):
        if node.dep_ == "conj":
            # "will debate and vote on it", "has filed for a sale and is expected to go
            # public": a verb joined to another shares its subject
            node = node.head
            found = child(node, "nsubj", "nsubjpass")
            if found is not None:
                return antecedent(found)
            continue
        infinitive = node.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children
        )  # "the coin was on track to go live": the parser hangs "to go" on "was"
        # "Ariane 6 reached orbit, lifting off from Kourou": the participle's subject is
        # the clause's
        participle = node is verb and node.dep_ == "advcl" and node.tag_ == "VBG"
        if not (infinitive or participle) and node.dep_ not in {
            "xcomp", "ccomp", "acl", "acomp", "pobj", "prep", "pcomp",
        }:  # fmt: skip
            return None
        if node.head.i == node.i:
            return None
        if node.dep_ in {"acl", "prep"} and node.head.pos_ in {"NOUN", "PROPN"}:
            if node.head.lemma_.lower() in PLANS:
                # "India's plan to buy": India buys; "the city has set a target of
                # planting": the city plants; "the council delayed its plan to open": the
                # council opens
                owner = child(node.head, "poss")
                if owner is not None and owner.pos_ != "PRON":
                    return owner
                return _setter(node.head) or owner
            return node.head  # "an agreement due to begin on May 26"
        controlled = infinitive or (
            node.dep_ == "xcomp" and to_infinitive(node)
        )  # "intends the royal tour to go ahead": the tour goes ahead
        if controlled and (obj := controlled_object(node.head)) is not None:
            return antecedent(obj)  # "gave the firm until May to sell"
        node = node.head
        found = child(node, "nsubj", "nsubjpass")
        if found is None and node.dep_ == "conj":
            continue  # the verb it is joined to has it
        if found is not None and lemma_of(node) == "be" and found.lemma_.lower() in PLANS:
            return child(found, "poss")  # "the company's plan is to open": the company opens
        if found is not None:
            return antecedent(found)
        found = misread_gerund(child(node, "csubj"))
        if found is not None:
            return found
    return None


def _setter(plan: Token) -> Token | None:
    """Who has or sets a plan that is their verb's object ("the city has set a target")."""
    if plan.dep_ != "dobj":
        return None
    found = child(plan.head, "nsubj")
    return antecedent(found) if found is not None and found.pos_ != "PRON" else None


def misread_gerund(token: Token | None) -> Token | None:
    """A noun compound the parser read as a gerund with its object ("landing trials are to
    begin": "landing" with "trials" as object): the noun, which is the subject."""
    if token is None or token.tag_ != "VBG":
        return None
    obj = child(token, "dobj")
    if obj is None or obj.i != token.i + 1 or obj.pos_ != "NOUN":
        return None
    return obj


def place_due(due: Token) -> str:
    """ "in Jakarta": where a person is due ("is due in Jakarta next Tuesday")."""
    copula = due.head if due.dep_ in {"acomp", "attr"} else due
    for holder in (due, copula):
        for x in prep_objects(holder, "in", "at"):
            if x.ent_type_ in {"GPE", "LOC", "FAC"}:
                return f"{x.head.lower_} {phrase(x, drop_det=False)}"
    return ""
