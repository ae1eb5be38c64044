"""What around a clause keeps it from stating an expectation: a condition ("if the
vote passes"; one the parser hangs on no verb is read off the words: "Should the council
approve the plan, ...", "... provided the steel arrives"), a question, a doubt ("it is
unclear whether"), a hedge, a denial, a demand or a purpose ("to ensure the line is
delivered"); or a clause the event waits on ("once dredging is finished", "when they
meet"), which keeps it from being an expectation only when the event has no date of its
own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.nlp.cues import (
    CONDITION_OPENERS,
    CONDITION_WORDS,
    CONDITIONAL_MARKS,
    DEMAND_VERBS,
    DENIAL_VERBS,
    DOUBT_ADJ,
    HEDGE_NOUNS,
    HEDGE_PHRASES,
    PURPOSE_VERBS,
    WH_MARKS,
)
from desktop.nlp.words import particle, to_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token


HARD_CONDITIONS = {"if", "unless", "provided", "providing"}


def _other_branch(c: Token) -> bool:
    """A condition on the other branch of a window, not on the event: "is set to debut in
    January, or in the spring if regulators take longer" (an "or" and a time just before
    the clause; the window keeps both branches)."""
    doc, i = c.doc, c.left_edge.i - 1
    dated = False
    while i >= 0 and i > c.left_edge.i - 10:
        t = doc[i]
        if t.ent_type_ in {"DATE", "TIME"}:
            dated = True
        elif t.lower_ == "or":
            return dated
        elif t.pos_ not in {"ADP", "DET", "PUNCT", "ADJ"}:
            return False
        i -= 1
    return False


def _conditional_clause(c: Token) -> str | None:
    """'conditional' for a condition ("if the vote passes"), 'pending' for a time the
    event waits on ("once dredging is finished", "when they meet in October")."""
    marks = {m.lower_ for m in c.children if m.dep_ in {"mark", "advmod"} and not _even(m)}
    if _other_branch(c):
        return None  # "in January, or in the spring if regulators take longer"
    if marks & HARD_CONDITIONS:
        return "conditional"
    first = c.left_edge
    if first.lower_ in {"should", "were", "had"} and first.dep_ in {"aux", "auxpass"}:
        return "conditional"
    if marks & CONDITIONAL_MARKS and not _past_clause(c):
        return "pending"
    return None


def _past_clause(c: Token) -> bool:
    """A clause in the past on a verb in the past: "floated on Monday, when the destroyer
    was eased off the dock", "was scrapped when the agreement was terminated" says when it
    happened, not what it waits on ("said the strike would be called off when the offer
    was improved" still waits)."""
    return _in_past(c) and _in_past(c.head)


def _in_past(verb: Token) -> bool:
    auxes = [a for a in verb.children if a.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _even(mark: Token) -> bool:
    """The "if" of "even if": what follows is granted, no condition on the clause ("will
    be open for worship again in 2024, even if scaffolding remains")."""
    return mark.lower_ == "if" and mark.i > 0 and mark.doc[mark.i - 1].lower_ == "even"


def _condition_word(token: Token) -> bool:
    """ "provided", "assuming" ... that introduce a clause, not a verb with an object."""
    if token.lower_ not in CONDITION_WORDS:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in {"with", "by", "for", "to"}:
        return False  # "provided with new funding", "assuming by then"
    if following is None or following.text in {".", "!", "?", ";"}:
        return False  # "later than the law had provided.": the verb, with nothing after
    if any(c.dep_ == "aux" for c in token.children):
        return False  # "as the contract had provided": a verb of its own clause
    return not any(c.dep_ == "dobj" for c in token.children)


def _as_long_as(token: Token) -> bool:
    """The "long" of "as long as" or "so long as" before a clause: a condition (not "over
    as long as two years", "for as long as it takes": a time)."""
    doc = token.doc
    i = token.i
    if token.lower_ != "long" or not 0 < i < len(doc) - 2:
        return False
    if doc[i - 1].lower_ not in {"as", "so"} or doc[i + 1].lower_ != "as":
        return False
    before = doc[i - 2].lower_ if i > 1 else ""
    after = doc[i + 2]
    return before not in {"for", "over", "by"} and not (after.like_num or after.ent_type_)


def _condition_in_words(top: Token, text: str, start_char: int) -> bool:
    """Read off the words where the parse hangs a condition on no verb: the sentence opens
    with a condition that ends (at its comma) before the clause's verb ``top``, or a
    condition word follows that verb ("will open in March provided the steel arrives")."""
    opener = CONDITION_OPENERS.match(text)
    if opener is not None and opener.end() <= top.idx - start_char:
        first = next((t for t in top.sent if not t.is_punct), None)
        if first is None or first.lower_ not in CONDITION_WORDS or _condition_word(first):
            return not _beyond_its_clause(first, top)
    after = [t for t in top.sent if t.i > top.i]
    if any(_condition_word(t) or _as_long_as(t) for t in after):
        return True
    if any(t.i < top.i and _condition_word(t) and top in t.subtree for t in top.sent):
        return True  # "..., provided broadcasters agree to pay more": the condition itself
    return any(
        t.lower_ == "on" and [x.lower_ for x in t.doc[t.i + 1 : t.i + 3]] == ["condition", "that"]
        for t in after
    )


def _beyond_its_clause(mark: Token | None, top: Token) -> bool:
    """ "If installation keeps pace, the turbines will go up over the summer, and the company
    has repeated that it will send power to the grid": a condition the parse hangs on one
    verb does not reach a clause joined to it by ", and" with a subject of its own."""
    if mark is None or mark.dep_ != "mark" or mark.head.dep_ != "advcl":
        return False
    governed = mark.head.head
    node = top
    for _ in range(8):
        if node.i == governed.i or node.head.i == node.i:
            return False
        if node.dep_ == "conj" and node.head.i == governed.i:
            comma = node.doc[max(0, node.left_edge.i - 2) : node.left_edge.i]
            return any(t.text == "," for t in comma) and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in node.children
            )
        node = node.head
    return False


def _if_subject(node: Token) -> bool:
    """A clause whose "if" the parse hangs on its subject: "or in December if cooling the
    last sectors takes longer" ("if cooling" made the subject of "takes")."""
    return any(
        c.dep_ in {"csubj", "nsubj"}
        and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} and m.i == c.left_edge.i
                for m in c.children)
        for c in node.children
    )  # fmt: skip


KNOWING = {"see", "know", "wait", "tell", "ask", "wonder", "decide", "learn", "determine"}


def _asked_what(node: Token) -> bool:
    """A clause whose subject is "what" or "who", as what one will see or know."""
    return (
        node.dep_ == "ccomp"
        and node.head.lemma_.lower() in KNOWING
        and any(c.dep_ == "nsubj" and c.lower_ in {"what", "who", "which"} for c in node.children)
    )


def _wh_fronted(node: Token) -> bool:
    """An embedded question: "when it will open", "how many buses it will build", "which
    plant it will use"."""
    return any(
        c.i < node.i
        and c.left_edge.tag_ in {"WRB", "WDT", "WP", "WP$"}
        and c.dep_ not in {"nsubj", "nsubjpass", "csubj", "csubjpass"}  # "what is left of"
        and not (c.dep_ == "mark" and c.lower_ == "that")  # "told them that": no question
        for c in node.children
    )


def _own_clause(node: Token) -> bool:
    """A clause the parser hung on a verb past a semicolon: it stands alone ("the trial
    is set to begin on 25 November, the judge ruled; the government had asked for March")."""
    head = node.head
    low, high = sorted((node.i, head.i))
    return any(c.lower_ == ";" and low < c.i < high for c in head.children)


def surroundings(top: Token, chain: list[Token], sentence: tuple[str, int] | None) -> str | None:
    """A condition, question, doubt, denial or demand around the clause (``sentence``:
    the text of its sentence and where that starts)."""
    if sentence is None:
        sent = top.sent
        sentence = (sent.text, sent.start_char)
    text, start_char = sentence
    if text.rstrip().endswith("?") or text.rstrip().rstrip("\"”’'").endswith("?"):
        return "question"
    before = text[: max(0, top.left_edge.idx - start_char)].lower()
    if HEDGE_PHRASES.search(before):
        return "hedged"
    if _condition_in_words(top, text.lower(), start_char):
        return "conditional"
    children = [c for t in chain for c in t.children]
    if any(c.dep_ == "mark" and c.lower_ in WH_MARKS for c in children):
        return "uncertain"
    conditions = {_conditional_clause(c) for c in children if c.dep_ == "advcl"}
    if "conditional" in conditions:
        return "conditional"
    node = top
    joined = False
    """Reached through "and": "rejected the reports and said the coin was on track"."""
    for _ in range(8):
        marks = {m.lower_ for m in node.children if m.dep_ == "mark"}
        if node is not top and node.pos_ in {"VERB", "AUX"} and not joined:
            lemma = node.lemma_.lower()
            denies = lemma in DENIAL_VERBS or f"{lemma} {particle(node)}" in DENIAL_VERBS
            if denies and node.i < top.i:  # "ruled out", not "ruled that"
                return "denied"
        marks -= {m.lower_ for m in node.children if m.dep_ == "mark" and _even(m)}
        if (marks & {"if", "unless"} and node.dep_ in {"advcl"}) or _if_subject(node):
            return "conditional"
        if marks & WH_MARKS or (
            node.dep_ in {"ccomp", "pcomp", "csubj", "advcl"}
            and _wh_fronted(node)
            and node is top
            and not (node.dep_ == "advcl" and _past_clause(node))  # "ended when it was cut"
        ):
            return "uncertain"
        adj_head = (
            node.head
            if node.head.pos_ == "ADJ"
            else next(
                (c for c in node.head.children if c.dep_ in {"acomp", "attr"} and c.pos_ == "ADJ"),
                None,
            )
        )
        if node.dep_ in {"ccomp", "csubj", "xcomp"} and adj_head is not None:
            adj = adj_head
            if adj.lower_ in DOUBT_ADJ:
                negated = any(c.dep_ == "neg" for c in (*adj.children, *adj.head.children))
                far = any(c.lower_ == "far" for c in adj.subtree)
                if adj.lower_ in {"possible", "unclear", "uncertain", "doubtful"} or negated or far:
                    return "hedged"
        if node.lemma_.lower() == "see" and node.head.lemma_.lower() == "remain":
            return "uncertain"
        if _asked_what(node):
            return "uncertain"  # "we will see what happens in March"
        if node.dep_ in {"ccomp", "acl"} and node.head.lemma_.lower() in HEDGE_NOUNS:
            return "hedged"
        if node is not top and node.lemma_.lower() in PURPOSE_VERBS and to_infinitive(node):
            return "uncertain"  # "to ensure a safe railway is delivered": a purpose
        if node.head.i == node.i or _own_clause(node):
            break
        if node.dep_ in {"ccomp", "xcomp"} and node.head.lemma_.lower() in DEMAND_VERBS:
            return "demanded"
        joined = joined or node.dep_ == "conj"
        node = node.head
    return "pending" if "pending" in conditions else None
