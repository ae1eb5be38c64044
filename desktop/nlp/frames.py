"""Reading the event a clause is about off the dependency parse: its lemma (spaCy's, with
particles and fixed objects: "hand over", "take delivery", "go to the polls"), its theme,
its agent and the named participants around it.

Nominal events count as events: "the launch took place" and "held the vote" are about the
launch and the vote, and "postponed the opening of the line" is about the opening. Words
that report what became of an event ("postpone", "scrap", "scrub") name the outcome and
hand the event to what they govern.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from db.gazetteer import DEMONYMS
from desktop.nlp.lines import headline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from desktop.nlp.expectations import TimeMention
    from desktop.vocabulary import Lexicon

ENTITY_LABELS = {
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART",
    "WEAPON_SYSTEM",
}  # fmt: skip
GEO_LABELS = {"GPE", "NORP"}
ITEM_LABELS = {"PRODUCT", "WEAPON_SYSTEM"}
CONTEXT_LABELS = GEO_LABELS | ITEM_LABELS | {"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
NESTED = {"advcl", "ccomp", "relcl", "parataxis", "acl", "xcomp", "conj", "csubj"}
PLACEHOLDERS = {"date", "attempt", "window", "opportunity", "slot", "deadline", "target", "try"}
"""Nouns that stand for an event named by their modifier ("the launch date", "the next
launch attempt")."""
ATTEMPTS = {"attempt", "effort", "bid", "try", "plan", "opportunity", "chance"}
GENERIC_THEMES = {
    "it", "they", "them", "this", "that", "which", "who", "one", "project", "programme",
    "program", "scheme", "plan", "deal", "agreement", "contract", "mission", "line",
    "railway", "system", "service", "services",
}  # fmt: skip


@dataclass
class Participant:
    name: str
    label: str
    role: str
    start: int
    end: int


@dataclass
class Context:
    """What every event in one doc is read against (``doc.text`` is rebuilt on each
    access, so it is taken once here)."""

    doc: Doc
    text: str
    ents: list[Span]
    anchor: date
    times: list[TimeMention]
    lexicon: Lexicon
    headline_end: int = -1
    sentences: list[Span] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, anchor: date, times: list[TimeMention], lexicon: Lexicon) -> Context:
        text = doc.text
        ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS and e.text.strip()]
        return cls(doc, text, ents, anchor, times, lexicon, headline_end(text), list(doc.sents))

    def in_headline(self, token: Token) -> bool:
        return 0 <= token.idx < self.headline_end


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
    participants: list[Participant] = field(default_factory=list)

    @property
    def nominal(self) -> bool:
        return self.anchor is not self.verb


def phrase(token: Token, drop_det: bool = True) -> str:
    """The words of a token's subtree as written, without punctuation at its edges,
    relative clauses, appositions or a leading article."""
    skip: set[int] = set()
    for t in token.subtree:
        clause = t.dep_ == "prep" and any(x.pos_ == "VERB" for x in t.children)
        if (t.dep_ in {"relcl", "acl", "appos"} or clause) and t.i != token.i:
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


def lemma_of(token: Token) -> str:
    """spaCy's lemma in lower case, with the model's known slips corrected."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


def _prt(token: Token) -> str:
    return " ".join(c.lemma_.lower() for c in token.children if c.dep_ == "prt")


def verb_lemma(token: Token, lexicon: Lexicon) -> str:
    """The lemma with what makes a multiword verb of the lexicon: "hand over", "take
    delivery", "go to the polls", "come into force"."""
    base = lemma_of(token)
    prt = _prt(token)
    candidates = [f"{base} {prt}"] if prt else []
    for c in token.children:
        if c.dep_ == "dobj":
            candidates.append(f"{base} {c.lemma_.lower()}")
        if c.dep_ in {"acomp", "advmod", "oprd"}:
            candidates.append(f"{base} {c.lower_}")  # "go live"
        if c.dep_ == "prep":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    det = " the" if any(d.dep_ == "det" for d in obj.children) else ""
                    candidates.append(f"{base} {c.lower_}{det} {obj.lower_}")
                    candidates.append(f"{base} {c.lower_} {obj.lemma_.lower()}")
    phrases = lexicon.phrases
    return next((c for c in candidates if c in phrases), f"{base} {prt}" if prt else base)


def antecedent(token: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies."""
    if token is None:
        return None
    if token.tag_ in {"WDT", "WP"} or token.lower_ in {"which", "that", "who"}:
        clause = token.head
        while clause.dep_ not in {"relcl", "acl"} and clause.head is not clause:
            if clause.dep_ in {"xcomp", "ccomp", "aux"}:
                clause = clause.head
            else:
                break
        if clause.dep_ in {"relcl", "acl"}:
            return clause.head
    return token


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _event_noun(noun: Token, lexicon: Lexicon) -> Token | None:
    """The token naming the event in a noun phrase: the noun, or the event word that
    modifies a placeholder ("launch" in "the launch date"), or an event word inside a
    name ("Mission" in "Exploration Mission-1")."""
    if lexicon.is_event_word(noun.lemma_) and noun.lower_ not in PLACEHOLDERS:
        return noun
    if noun.lemma_.lower() in PLACEHOLDERS:
        for c in noun.children:
            if c.dep_ in {"compound", "amod", "nmod"} and lexicon.is_event_word(c.lemma_):
                return c
    if noun.pos_ == "PROPN" or noun.ent_type_:
        span = [t for t in noun.subtree if t.ent_type_ or t.pos_ == "PROPN"]
        for t in span:
            for part in t.lower_.replace("-", " ").split():
                if lexicon.is_event_word(part):
                    return t
    return None


def event_word(token: Token, lexicon: Lexicon) -> str:
    """The lexicon word a token stands for: its lemma, or the event word inside a name
    ("mission" in "Mission-1")."""
    if lexicon.is_event_word(token.lemma_):
        return token.lemma_.lower()
    for part in token.lower_.replace("-", " ").split():
        if lexicon.is_event_word(part):
            return part
    return token.lemma_.lower()


def _noun_theme(noun: Token) -> Token | None:
    """What a nominal event is about: "of X", a possessor, a name or noun before it."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "for", "to", "between", "on"}:
            obj = _child(c, "pobj")
            if obj is not None:
                return obj
    poss = _child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON":
        return poss
    for c in noun.children:
        dated = c.ent_type_ in {"DATE", "TIME"}
        if c.dep_ in {"compound", "nmod"} and (c.ent_type_ or c.pos_ == "PROPN") and not dated:
            return c
    return None


def _light_subject(verb: Token, lemma: str, lexicon: Lexicon) -> Token | None:
    if lemma not in lexicon.light_subject:
        return None
    subject = antecedent(_child(verb, "nsubj", "nsubjpass")) or _raised_subject(verb)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return _event_noun(subject, lexicon) or subject


def _light_object(verb: Token, lexicon: Lexicon) -> Token | None:
    """The event noun of "held the vote", "made a soft landing", "cast their ballots"."""
    base = verb.lemma_.lower()
    prt = _prt(verb)
    if base not in lexicon.light_object and f"{base} {prt}" not in lexicon.light_object:
        return None
    obj = _child(verb, "dobj")
    if obj is None and any(c.dep_ == "auxpass" for c in verb.children):
        obj = _child(verb, "nsubjpass")
    if obj is None:
        return None
    return _event_noun(antecedent(obj) or obj, lexicon)


PLANS = {"plan", "intention", "bid", "proposal", "target", "goal", "aim", "hope", "decision"}
ASPECTUAL = {"begin", "start", "commence", "resume", "continue"}
"""Verbs that give the phase of an event named by a noun: "deliveries will begin"."""


def _aspect_noun(verb: Token, passive: bool, lexicon: Lexicon) -> Token | None:
    if lemma_of(verb) not in ASPECTUAL:
        return None
    noun = antecedent(_child(verb, "nsubjpass" if passive else "nsubj")) or _raised_subject(verb)
    if noun is None or not lexicon.is_event_word(noun.lemma_):
        noun = antecedent(_child(verb, "dobj"))
    if noun is None or noun.pos_ != "NOUN" or not lexicon.is_event_word(noun.lemma_):
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
    """The event of a clause whose lexical verb is ``verb``."""
    lexicon = ctx.lexicon
    lemma = verb_lemma(verb, lexicon)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    outcome = lexicon.outcome_of(lemma)
    if outcome is None and verb.lemma_.lower() in {"fail"} and _child(verb, "xcomp") is not None:
        outcome = "fail"
    if outcome == "postpone" and lemma in WEAK_DELAYS and not _dated_complement(verb, ctx):
        outcome = None  # "move into the new stadium" is no delay
    if outcome is not None:
        governed = _governed(verb, passive)
        if governed is not None and governed.pos_ in {"VERB", "AUX"}:
            inner = frame_of(governed, ctx)
            inner.outcome, inner.verb = outcome, verb
            return inner
        if governed is not None:
            return _nominal(governed, verb, ctx, outcome)
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
            inner.verb = verb
            return inner
        return _nominal(noun, verb, ctx, None)
    obj = antecedent(_child(verb, "dobj"))
    if obj is not None and lemma.endswith(f" {obj.lemma_.lower()}"):
        obj = _noun_theme(obj)  # "take delivery of the jets": the jets
    subject = antecedent(_child(verb, "nsubj", "nsubjpass"))
    if (
        subject is None
        and verb.dep_ in {"relcl", "acl"}
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and verb.head.lemma_.lower() not in PLANS
    ):
        subject = verb.head  # "radars, which will arrive": the radars arrive
    if subject is None:
        subject = _raised_subject(verb)
    agent_prep = next(
        (c for c in verb.children if c.dep_ == "agent"),
        None,
    )
    transitive = obj is not None and not passive
    if passive:
        theme, agent = subject, (_child(agent_prep, "pobj") if agent_prep is not None else None)
        if agent is not None and agent.ent_type_ in {"DATE", "TIME"}:
            agent = None  # "completed by the end of the year": a deadline, not an agent
    elif obj is not None:
        theme, agent = obj, subject
    else:
        theme, agent = subject, None
    recipient = None
    for c in verb.children:
        if c.dep_ in {"dative", "prep"} and c.lower_ in {"to"}:
            recipient = _child(c, "pobj")
    frame = Frame(lemma, lexicon.groups_of(lemma), verb, verb, theme, agent, recipient, passive)
    frame.transitive = transitive
    frame.participants = participants(frame, ctx)
    return frame


WEAK_DELAYS = {"move", "shift", "push"}
"""Delay words only when a date follows: "moves to April 2021", "shifted to 25 October"."""


def _dated_complement(verb: Token, ctx: Context) -> bool:
    """A date after "to", "into", "until" under the verb ("moved from April to October")."""
    spans = [(tm.start, tm.end) for tm in ctx.times if tm.timex is not None]
    return any(
        t.dep_ == "pobj"
        and t.head.lower_ in {"to", "into", "until", "till"}
        and any(s <= t.idx < e for s, e in spans)
        for t in verb.subtree
    )


def _raised_subject(verb: Token) -> Token | None:
    """The subject of the construction above: in "the line is expected to open" and "the
    project is on track to open" it is the line and the project that open."""
    node = verb
    for _ in range(4):
        if node.dep_ not in {"xcomp", "ccomp", "acl", "acomp", "pobj", "prep", "pcomp"}:
            return None
        if node.head is node:
            return None
        if node.dep_ in {"acl", "prep"} and node.head.pos_ in {"NOUN", "PROPN"}:
            if node.head.lemma_.lower() in PLANS:
                return _child(node.head, "poss")  # "India's plan to buy": India buys
            return node.head  # "an agreement due to begin on May 26"
        node = node.head
        found = _child(node, "nsubj", "nsubjpass")
        if found is not None:
            return antecedent(found)
    return None


def _governed(verb: Token, passive: bool) -> Token | None:
    """What a postpone/cancel/fail word governs: "delayed the launch", "the launch was
    delayed", "the launch slipped", "failed to make a landing"."""
    xcomp = _child(verb, "xcomp")
    if xcomp is not None and xcomp.pos_ in {"VERB", "AUX"}:
        return xcomp
    found = _child(verb, "nsubjpass") if passive else _child(verb, "dobj")
    if found is None:
        found = _child(verb, "nsubj")
    if found is None and verb.dep_ in {"acl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        found = verb.head  # "travel bubble delayed to next year"
    found = antecedent(found)
    if found is not None and found.pos_ == "PRON":
        return found
    return found


def _nominal(noun: Token, verb: Token, ctx: Context, outcome: str | None) -> Frame:
    lexicon = ctx.lexicon
    kind = lexicon.outcome_of(noun.lemma_)
    if kind is not None and outcome is None:
        # "the postponement of the bubble", "a delay to the opening"
        governed = _noun_theme(noun)
        if governed is not None and governed is not noun:
            inner = _nominal(governed, verb, ctx, kind)
            return inner
        return Frame(noun.lemma_.lower(), frozenset({"*"}), noun, verb, None, outcome=kind)
    event = _event_noun(noun, lexicon)
    anchor = event or noun
    if event is not None and event is not noun and noun.lemma_.lower() in PLACEHOLDERS:
        theme = _noun_theme(noun) or _noun_theme(event)
    elif event is not None and event is not noun:
        theme = noun  # the event word sits inside a name: the name is the theme
    else:
        theme = _noun_theme(anchor)
    if event is None:
        # Not an event word: the thing itself ("postponed the travel bubble") is the theme,
        # and the event may be any in the lexicon.
        lemma, groups, theme = noun.lemma_.lower(), frozenset({"*"}), noun
    else:
        lemma = event_word(event, lexicon)
        groups = lexicon.groups_of(lemma)
    frame = Frame(lemma, groups, anchor, verb, theme, outcome=outcome)
    frame.participants = participants(frame, ctx)
    return frame


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


def canonical(name: str, label: str) -> tuple[str, str]:
    if label == "NORP" and name.lower() in DEMONYMS:
        return DEMONYMS[name.lower()], "GPE"
    return name.removesuffix("’s").removesuffix("'s"), label


def _role(ent: Span, frame: Frame) -> str:
    inside = {ent.root.i, *(a.i for a in ent.root.ancestors)}
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
        if ent.root.i in tokens or any(t.i in tokens for t in ent):
            name, label = canonical(ent.text, ent.label_)
            if name.casefold() not in found:
                found[name.casefold()] = Participant(
                    name, label, _role(ent, frame), ent.start_char, ent.end_char
                )
    for name, start, end, role in _unnamed_names(frame, ctx):
        if name.casefold() not in found and not any(same in name for same in found):
            found[name.casefold()] = Participant(name, "", role, start, end)
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
            if t is not None and t.pos_ == "PROPN" and not t.ent_type_ and len(t.text) > 2:
                run.append(t)
                continue
            if run:
                start, end = run[0].idx, run[-1].idx + len(run[-1].text)
                out.append((ctx.text[start:end], start, end, role))
                run = []
    return out


def _top(verb: Token) -> Token:
    top = verb
    while top.dep_ in {"xcomp", "ccomp", "acomp"} and top.head is not top:
        head = top.head
        if head.pos_ not in {"VERB", "AUX", "ADJ"}:
            break
        top = head
    return top


def _context_ents(verb: Token, ctx: Context) -> list[Span]:
    sent = verb.sent
    if ctx.headline_end > 0 and sent.start_char >= ctx.headline_end:
        head = [e for e in ctx.ents if e.end_char <= ctx.headline_end]
        if head:
            return head
    earlier = [s for s in ctx.sentences if s.end_char <= sent.start_char]
    if earlier:
        prev = earlier[-1]
        return [e for e in ctx.ents if prev.start_char <= e.start_char < prev.end_char]
    return []


def theme_text(frame: Frame) -> str:
    return phrase(frame.theme) if frame.theme is not None else ""


def theme_lemma(frame: Frame) -> str:
    theme = frame.theme
    if theme is None or theme.pos_ == "PRON":
        return ""
    return theme.lemma_.lower()
