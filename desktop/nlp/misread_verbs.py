"""Words in -s that the tagger gave the wrong part of speech, read again off the parse.

In "the first match kicks off on Sunday" or "Donald Trump lands on Monday." the tagger makes
"kicks" and "lands" plural nouns at the top of the sentence, so the sentence had no verb and
its event went unread. After the parser, such a word is retagged a present verb (``VBZ``)
when the parse shows it acts as one: it has a subject of its own; or a particle, inside a
sentence with a full stop; or it is a verb of the event lexicon (not one of its nouns, such
as "elections") whose only word before it is a name, in a sentence with a full stop, and the
name becomes its subject. A particle followed by a date the parser made the verb's object
("switch on the first day of 2007") is that date's preposition. A headline's verbless plural
("Strasbourg vote on Canada deal", "Flights off until March") has no full stop and stays a
noun. The other way round, a present verb the parser made an object or subject, with nothing
of a verb under it, is a noun again ("will put its NextGen Acela trains into service").
"Polls open at 7 a.m." has the verb the tagger took for an adjective; "is due to land" the
infinitive the parser took for a noun after "due to"; "The King and Queen land in Paris" the
bare verb the tagger took for a noun with the names as its modifier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from desktop.nlp.words import SAYING
from desktop.vocabulary import file_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

COMPONENT = "factdesk_misread_verbs"
NAMES = {"PERSON", "ORG", "GPE", "NORP"}


def _named_subject(token: Token) -> Token | None:
    """The name compounded onto ``token`` that is the verb's subject, if that is all that
    precedes it ("Donald Trump lands"; not "the Trump family lands")."""
    before = [c for c in token.children if c.i < token.i]
    if len(before) != 1 or before[0].dep_ != "compound":
        return None
    name = before[0]
    if name.pos_ != "PROPN" or name.ent_type_ not in NAMES:
        return None
    if any(t.pos_ not in {"PROPN", "PUNCT"} for t in name.subtree):
        return None
    return name


SINGULAR_NOUNS = {"NN", "NNP"}


def _noun_subject(token: Token) -> Token | None:
    """ "The first direct train departs on Wednesday.": a singular noun right before the
    word in -s, with only its determiner and adjectives before it, is the verb's subject;
    they are moved onto it."""
    before = [c for c in token.children if c.i < token.i]
    if not before or before[-1].dep_ != "compound" or before[-1].i != token.i - 1:
        return None
    noun = before[-1]
    if noun.tag_ not in SINGULAR_NOUNS or noun.ent_type_:
        return None
    if any(c.dep_ not in {"amod", "compound"} or c.ent_type_ for c in noun.lefts):
        return None
    if any(c.dep_ not in {"det", "amod", "poss"} for c in before[:-1]):
        return None
    for c in before[:-1]:
        c.head = noun
    return noun


def _pair_subject(token: Token) -> Token | None:
    """ "The King and Queen land in Paris on Wednesday": the tagger made the bare verb a
    singular noun at the top of the sentence, with the names joined by "and" as its
    modifier. A verb of the lexicon (not one of its nouns) in a sentence with a full stop
    has them as its subject."""
    if token.tag_ != "NN" or token.dep_ != "ROOT" or token.lower_ != token.lemma_.lower():
        return None
    word = token.lower_
    if not file_lexicon().is_event_word(word) or word.endswith(NOUN_ENDINGS):
        return None
    if not _ends_statement(token):
        return None
    before = [c for c in token.children if c.i < token.i]
    if len(before) != 1 or before[0].dep_ not in {"nmod", "compound"}:
        return None
    names = before[0]
    joined = any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in names.children)
    if names.pos_ != "PROPN" or not joined:
        return None
    if any(t.pos_ not in {"PROPN", "PUNCT", "CCONJ", "DET"} for t in names.subtree):
        return None
    return names


def _ends_statement(token: Token) -> bool:
    """The sentence ends with a full stop, whatever spaces follow it ("said.  The")."""
    last = next((t for t in reversed(token.sent) if not t.is_space), None)
    return last is not None and last.is_punct and last.text == "."


NOMINAL = {"dobj", "pobj", "nsubj", "nsubjpass"}
"""Relations only a noun has: "will put its NextGen Acela trains into service", where the
tagger made "trains" a verb and the parser its object all the same."""


VERB_DEPENDENTS = {"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "prt", "xcomp", "ccomp"}
"""What only a verb has: "Trump leaves office on 20 January" keeps its verb."""


NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "al", "ure", "ing", "ery", "ship", "ity")
"""Endings of the lexicon's nouns of events ("elections", "landings", "arrivals")."""


def _verb_form(token: Token) -> str | None:
    """The lexicon's verb that ``token`` (in -s) is a form of: "lands", "leaves" (whose noun
    lemma is "leaf"); not a noun of an event ("elections")."""
    lower = token.lower_
    for word in (token.lemma_.lower(), lower[:-1], lower[:-2] if lower.endswith("es") else ""):
        if word and file_lexicon().is_event_word(word) and not word.endswith(NOUN_ENDINGS):
            return word
    return None


def _compound_subject(verb: Token) -> None:
    """ "The council votes on the package": the parser made the verb's subject a compound
    of it; with no subject of its own, the noun before it is its subject again."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return
    before = [c for c in verb.children if c.i < verb.i and not c.is_punct and c.dep_ != "det"]
    if len(before) == 1 and before[0].dep_ == "compound" and before[0].pos_ in {"NOUN", "PROPN"}:
        before[0].dep_ = "nsubj"


def _object_as_clause(noun: Token) -> bool:
    """ "LIC makes its market debut next Tuesday": the parser made the object a clause of a
    verb with the noun before it as its subject. A singular noun with no verb of its own
    under it is the object again, and that noun its compound."""
    if noun.dep_ != "ccomp" or noun.tag_ != "NN" or noun.head.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ in VERB_DEPENDENTS - {"nsubj"} for c in noun.children):
        return False
    subject = next((c for c in noun.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i != noun.i - 1 or subject.tag_ != "NN":
        return False
    noun.dep_ = "dobj"
    subject.dep_ = "compound"
    for c in subject.children:
        if c.dep_ in {"poss", "det"}:
            c.head = noun
    return True


def _opens(token: Token) -> bool:
    """ "Polling stations open at 7 a.m. tomorrow", "its doors open on Saturday, the museum
    said": the adjective with a plural subject of its own and no copula is the verb."""
    return (
        token.lower_ == "open"
        and token.tag_ == "JJ"
        and (token.dep_ == "ROOT" or (token.dep_ == "ccomp" and token.head.lemma_ in SAYING))
        and _ends_statement(token)
        and any(c.dep_ == "nsubj" and c.tag_ in {"NNS", "NNPS"} for c in token.children)
        and not any(c.dep_ in {"cop", "aux", "auxpass"} for c in token.children)
    )


def _due_to_verb(token: Token) -> str | None:
    """ "Rubio is due to land in Kazakhstan on 27 September": the parser made "land" a noun,
    after "due to" as a cause ("pobj") or as the infinitive it is ("xcomp"). A bare singular
    verb of the lexicon, with nothing of a noun before it and a verb's modifier right after
    it, is the infinitive of what is due; not "due to rain", "due to the strike", "due to
    land, not religion", "due to return of foreign tourists"."""
    to = (
        token.head
        if token.dep_ == "pobj"
        else next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    )
    due = to.head if token.dep_ == "pobj" and to is not None else token.head
    if (
        to is None
        or token.tag_ != "NN"
        or token.dep_ not in {"pobj", "xcomp"}
        or to.lower_ != "to"
        or to.i != token.i - 1
        or due.lower_ != "due"
        or due.i != to.i - 1
        or token.lower_ != token.lemma_.lower()
        or any(c.i < token.i and c.i != to.i for c in token.children)
    ):
        return None
    after = [c for c in token.children if c.i > token.i]
    if not after or after[0].dep_ not in {"prep", "advmod", "prt"} or after[0].lower_ == "of":
        return None
    word = token.lower_
    if not file_lexicon().is_event_word(word) or word.endswith(NOUN_ENDINGS):
        return None
    return token.dep_


DATE_PREPOSITIONS = {"on", "in", "at", "by"}


def _dated_object(token: Token) -> Token | None:
    """ "wants to switch on the first day of 2007": the parser made "on" the verb's particle
    and the date its object; "on" is the date's preposition."""
    if token.dep_ != "prt" or token.lower_ not in DATE_PREPOSITIONS:
        return None
    return next(
        (
            c
            for c in token.head.children
            if c.dep_ in {"dobj", "npadvmod"}
            and c.left_edge.i == token.i + 1
            and c.left_edge.pos_ in {"DET", "NUM", "PROPN", "ADJ"}  # not "in between"
            and c.ent_type_ in {"DATE", "TIME"}
        ),
        None,
    )


@Language.component(COMPONENT)
def misread_verbs(doc: Doc) -> Doc:
    for token in doc:
        date_object = _dated_object(token)
        if date_object is not None:
            token.tag_, token.pos_, token.dep_ = "IN", "ADP", "prep"
            date_object.dep_, date_object.head = "pobj", token
            continue
        shape = _due_to_verb(token)
        if shape == "pobj":
            to, due = token.head, token.head.head
            token.dep_, token.head = "xcomp", due
            to.tag_, to.pos_, to.dep_ = "TO", "PART", "aux"
            to.head = token
        if shape is not None:
            token.tag_, token.pos_ = "VB", "VERB"
            continue
        if (
            token.tag_ in {"VBZ", "VBP"}
            and token.dep_ in NOMINAL
            and not any(c.dep_ in VERB_DEPENDENTS for c in token.children)
        ):
            token.tag_, token.pos_ = "NNS", "NOUN"
            continue
        if _opens(token):
            token.tag_, token.pos_ = "VBP", "VERB"
            continue
        if _object_as_clause(token):
            continue
        if token.tag_ == "VBZ" and token.dep_ == "ROOT":
            _compound_subject(token)
            continue
        pair = _pair_subject(token)
        if pair is not None:
            token.tag_, token.pos_ = "VBP", "VERB"
            pair.dep_ = "nsubj"
            continue
        if token.tag_ != "NNS" or token.dep_ != "ROOT" or not token.lower_.endswith("s"):
            continue
        if any(c.dep_ == "nsubj" for c in token.children) or (
            any(c.dep_ == "prt" for c in token.children)
            and token.i > token.sent.start
            and _ends_statement(token)
        ):  # not a headline's "Flights off until March"
            token.tag_, token.pos_ = "VBZ", "VERB"
            continue
        verb = _verb_form(token) if _ends_statement(token) else None
        subject = (_named_subject(token) or _noun_subject(token)) if verb else None
        if subject is not None and verb is not None:
            token.tag_, token.pos_, token.lemma_ = "VBZ", "VERB", verb
            subject.dep_ = "nsubj"
    return doc


def add_misread_verbs(nlp: Language) -> None:
    """Put the component last: it reads the parse and the entities, and sets a part of
    speech that the attribute ruler would otherwise map again from the tag."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True)
