"""The named participants of an event and their roles (agent, theme, recipient,
participant), and the context that stands in when a clause names no one: the headline's
names, else the sentence before's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.nlp.words import time_word
from desktop.vocabulary import places

DEMONYMS = places().demonyms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from desktop.nlp.context import Context
    from desktop.nlp.frames import Frame

ENTITY_LABELS = {
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART",
    "WEAPON_SYSTEM",
}  # fmt: skip
GEO_LABELS = {"GPE", "NORP"}
ITEM_LABELS = {"PRODUCT", "WEAPON_SYSTEM"}
CONTEXT_LABELS = GEO_LABELS | ITEM_LABELS | {"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
NESTED = {"advcl", "ccomp", "relcl", "parataxis", "acl", "xcomp", "conj", "csubj"}


@dataclass
class Participant:
    name: str
    label: str
    role: str
    start: int
    end: int


def clause_tokens(top: Token) -> set[int]:
    """The tokens of a clause: ``top``'s subtree without the clauses nested in it."""
    out: set[int] = set()
    stack = [top]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in NESTED and c.pos_ in {"VERB", "AUX"} and c.i != top.i:
                continue
            stack.append(c)
    return out


LEADING_ORDINARY = ("Next ", "Latest ")
COMPANY_ENDINGS = {"plc", "ltd", "inc", "group", "co", "corp", "sa", "ag", "nv"}
"""Words a headline capitalises that the recogniser takes into a name ("Next Zelda slips
into 2023"): the name is the rest."""


def canonical(name: str, label: str) -> tuple[str, str]:
    if label == "NORP" and name.lower() in DEMONYMS:
        return DEMONYMS[name.lower()], "GPE"
    for word in LEADING_ORDINARY:
        rest = name.removeprefix(word).strip()
        if name.startswith(word) and " " not in rest and rest.lower() not in COMPANY_ENDINGS:
            name = rest  # one word left: "Next Zelda", not "Next Big Thing" nor "Next Plc"
    return name.removesuffix("’s").removesuffix("'s"), label


MODIFIER_ENDINGS = ("themed", "style", "branded", "inspired", "edition", "based", "built", "made")
"""What a name is joined to when it only qualifies another thing: "the Zelda-themed console",
"a Boeing-built tanker"."""


def _qualifier(ent: Span) -> bool:
    """The name is the first half of a hyphenated modifier ("the Zelda-themed Switch")."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or ent[-1].whitespace_ or doc[ent.end].text not in {"-", "‐"}:
        return False
    return doc[ent.end + 1].lower_ in MODIFIER_ENDINGS


def _role(ent: Span, frame: Frame) -> str:
    if _qualifier(ent):
        return "context"
    inside = {ent.root.i}
    for a in ent.root.ancestors:
        if a.i == frame.anchor.i and a not in (frame.theme, frame.agent):
            break  # "expects the ferry to carry passengers to Brodick": the ferry's, not Brodick
        inside.add(a.i)
        if a.dep_ == "relcl" and frame.verb not in a.subtree:
            # "the fighters it ordered for the Vikramaditya", "the satellite, which was
            # built by Airbus": the carrier is no theme, nor Airbus an actor of the event
            return "context"
    for role, token in (("theme", frame.theme), ("agent", frame.agent)):
        if token is not None and token.i in inside:
            return role
    if frame.recipient is not None and frame.recipient.i in inside:
        return "recipient"
    return "participant"


def participants(frame: Frame, ctx: Context) -> list[Participant]:
    """Named entities in the event's clause (with their roles), else in its theme; when
    the clause names none, the headline's (or the sentence before's) stand in, as
    context."""
    tokens = clause_tokens(_top(frame.verb))
    for t in (frame.theme, frame.agent, frame.anchor):
        if t is not None:
            tokens |= {x.i for x in t.subtree}
    found: dict[str, Participant] = {}
    for ent in ctx.ents:
        if not tokens.isdisjoint(range(ent.start, ent.end)):  # its root or any word
            name, label = canonical(ent.text, ent.label_)
            if name.casefold() not in found:
                found[name.casefold()] = Participant(
                    name, label, _role(ent, frame), ent.start_char, ent.end_char
                )
    for name, start, end, role in _unnamed_names(frame, ctx):
        if name.casefold() not in found and not any(same in name for same in found):
            found[name.casefold()] = Participant(name, "", role, start, end)
    if not found and (named := _named_before(frame, ctx)) is not None:
        name, label = canonical(named.text, named.label_)
        found[name.casefold()] = Participant(name, label, "theme", named.start_char, named.end_char)
    if (taken_up := _subject_before(frame, ctx) or _owner_before(frame, ctx)) is not None:
        role, start, end, label = taken_up
        name = ctx.text[start:end]
        if name.casefold() not in found or found[name.casefold()].role == "context":
            found[name.casefold()] = Participant(name, label, role, start, end)
    if not any(p.role in {"theme", "agent"} or p.label in ITEM_LABELS for p in found.values()):
        for ent in _context_ents(frame.verb, ctx):
            name, label = canonical(ent.text, ent.label_)
            if label in CONTEXT_LABELS and name.casefold() not in found:
                found[name.casefold()] = Participant(
                    name, label, "context", ent.start_char, ent.end_char
                )
    return list(found.values())


def _unnamed_names(frame: Frame, ctx: Context) -> list[tuple[str, int, int, str]]:
    """Proper nouns in the theme or agent that the entity recogniser left out
    ("Chandrayaan-2" in "the Chandrayaan-2 spacecraft"): names too, for matching."""
    out: list[tuple[str, int, int, str]] = []
    for role, token in (("theme", frame.theme), ("agent", frame.agent)):
        if token is None:
            continue
        run: list[Token] = []
        for t in [*token.subtree, None]:
            if t is not None and t.pos_ == "PROPN" and _unnamed(t) and len(t.text) > 2:
                run.append(t)
                continue
            if run:
                start, end = run[0].idx, run[-1].idx + len(run[-1].text)
                out.append((ctx.text[start:end], start, end, role))
                run = []
    return out


def _unnamed(t: Token) -> bool:
    """No entity, or a date's by mistake ("its Semi to 2021")."""
    return not t.ent_type_ or (t.ent_type_ in {"DATE", "TIME"} and not time_word(t))


def _named_before(frame: Frame, ctx: Context) -> Span | None:
    """The named thing an unnamed theme ("the station") takes up from an earlier clause of
    its own sentence, where a name qualifies a subject or object of the same kind of
    thing ("the new Bond Street hub will not open on May 24; the station remains on
    course to open later this year"); the nearest such name."""
    theme = frame.theme
    if (
        theme is None
        or theme.pos_ != "NOUN"
        or not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in theme.children)
    ):
        return None
    sent = ctx.sentence_of(frame.verb)
    named = [
        e
        for e in ctx.ents
        if sent.start <= e.start and e.end <= theme.i
        and e.label_ in CONTEXT_LABELS - GEO_LABELS
        and e.root.dep_ == "compound" and e.root.head.pos_ == "NOUN"
        and e.root.head.dep_ in SUBJECTS | {"dobj"}
    ]  # fmt: skip
    return named[-1] if named else None


def _top(verb: Token) -> Token:
    top = verb
    while top.dep_ in {"xcomp", "ccomp", "acomp"} and top.head.i != top.i:
        head = top.head
        if head.pos_ not in {"VERB", "AUX", "ADJ"}:
            break
        top = head
    return top


def _context_ents(verb: Token, ctx: Context) -> list[Span]:
    sent = ctx.sentence_of(verb)
    if ctx.headline_end > 0 and sent.start_char >= ctx.headline_end:
        head = [e for e in ctx.ents if e.end_char <= ctx.headline_end]
        if head:
            return head
    earlier = [s for s in ctx.sentences if s.end_char <= sent.start_char]
    if earlier:
        prev = earlier[-1]
        return [e for e in ctx.ents if prev.start_char <= e.start_char < prev.end_char]
    return []


PRONOUN_KINDS = {"he": {"PERSON"}, "she": {"PERSON", "", "PRODUCT", "FAC"}}
"""The names a subject pronoun opening a sentence takes up: a person, or for "she" a ship
(which the recogniser tags as a person, a product or nothing; not an organisation: "The
Royal Navy ordered HMS Glasgow. She ...")."""


def _subject_before(frame: Frame, ctx: Context) -> tuple[str, int, int, str] | None:
    """ "Mardi Gras tied up at the terminal on Friday. She is expected to depart at 6 p.m.
    tomorrow": a pronoun opening its sentence as the event's subject takes up the named
    subject of the sentence before (its role, where the name is, and its label)."""
    for role, token in (("theme", frame.theme), ("agent", frame.agent)):
        if token is None or token.lower_ not in PRONOUN_KINDS or token.dep_ not in SUBJECTS:
            continue
        sent = ctx.sentence_of(token)
        before = _sentence_before(sent, ctx)
        if token.i != sent.start or before is None:
            continue
        subject = next((t for t in before.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.pos_ != "PROPN" or _other_named_one(before, subject):
            continue
        ent = next((e for e in ctx.doc.ents if e.start <= subject.i < e.end), None)
        label = ent.label_ if ent is not None else ""
        if label not in PRONOUN_KINDS[token.lower_]:
            continue
        if ent is not None:
            return role, ent.start_char, ent.end_char, label
        first = min((t for t in subject.subtree if t.pos_ == "PROPN"), key=lambda t: t.i)
        return role, first.idx, subject.idx + len(subject.text), label
    return None


def _sentence_before(sent: Span, ctx: Context) -> Span | None:
    """The sentence before, past a paragraph break."""
    last = sent.start - 1
    while last >= 0 and ctx.doc[last].is_space:
        last -= 1
    return ctx.sentence_of(ctx.doc[last]) if last >= 0 else None


NOT_ITS = {"PERSON", "NORP"}
THINGS_NAMED = {"ORG", "GPE", "FAC", "PRODUCT", "LOC", "WORK_OF_ART", "EVENT", "LAW", "PERSON"}
"""Names "its" might take up as well, the model's persons among them (it takes a museum or a
ship for one)."""


def _owner_before(frame: Frame, ctx: Context) -> tuple[str, int, int, str] | None:
    """ "Macron inaugurated Louvre Abu Dhabi on Wednesday. Its doors open to the public on
    Saturday": "its" opening a sentence, on the event's subject, is the named thing of the
    sentence before: its subject, or what people there acted on."""
    for token in (frame.theme, frame.agent):
        if token is None or token.dep_ not in SUBJECTS:
            continue
        its = next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "its"), None)
        sent = ctx.sentence_of(token)
        before = _sentence_before(sent, ctx)
        if its is None or its.i != sent.start or before is None:
            continue
        named = [
            e
            for e in before.ents
            if e.root.head.i == before.root.i and e.root.dep_ in {"nsubj", "nsubjpass", "dobj"}
        ]
        subjects = [e for e in named if e.root.dep_ != "dobj"]
        objects = [e for e in named if e.root.dep_ == "dobj"]
        if len(subjects) == 1 and subjects[0].label_ not in NOT_ITS:
            owner, rivals = subjects[0], THINGS_NAMED
        elif all(e.label_ == "PERSON" for e in subjects) and len(objects) == 1:
            # people act on it (the model often takes a museum for one of them)
            owner, rivals = objects[0], THINGS_NAMED - {"PERSON"}
        else:
            continue
        if any(e.start != owner.start and e.label_ in rivals for e in before.ents):
            continue  # "The EU fined Karst Bank. Its appeal ...": whose?
        return "theme", owner.start_char, owner.end_char, owner.label_
    return None


def _other_named_one(sentence: Span, subject: Token) -> bool:
    """Another one the pronoun may stand for in the sentence before: a person named besides
    its subject, or a name it acts on ("Tom Reed defended Ana Voss. She ...", "Boris Johnson
    met the Queen. She ...")."""
    own = {t.i for t in subject.subtree}
    if any(e.label_ == "PERSON" and e.root.i not in own for e in sentence.ents):
        return True
    return any(
        t.pos_ == "PROPN" and t.dep_ in {"dobj", "dative", "attr"} and t.i not in own
        for t in sentence
    )
