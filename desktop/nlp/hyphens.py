"""Hyphenated event words as one token.

The tokenizer splits "lift-off" into "lift", "-", "off" and the parser makes "off" the
noun, so the lexicon's "lift-off" (or "rollout" for "roll-out", "runoff" for "run-off")
was never met and the event went unread. After the parser, the three tokens of such a word
are merged into one that keeps the head's syntax and takes the lexicon's word as its lemma.
Hyphenated words outside the lexicon ("S-400", "Hong Kong-Zhuhai") are left as they are.

A word with a prefix ("re-elected", "re-opened") is kept whole by the tokenizer instead:
split, the parser read "Merkel was re-elected chancellor" as "re" done and "elected" an
adjective of the chancellor; whole, it is a passive verb. Its lemma is the lexicon's fused
word ("reopen") or, for "re-", the word's own ("elect": re-elected is elected).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from desktop.vocabulary import Lexicon, file_lexicon

if TYPE_CHECKING:
    from collections.abc import Callable

COMPONENT = "factdesk_hyphenated_events"
HYPHENS = {"-", "‐"}


def lexicon_form(left: str, right: str, lexicon: Lexicon) -> str | None:
    """The lexicon's spelling of ``left``-``right``: hyphenated, fused or spaced."""
    for word in (f"{left}-{right}", f"{left}{right}", f"{left} {right}"):
        if lexicon.is_event_word(word):
            return word
    return None


@Language.component(COMPONENT)
def hyphenated_events(doc: Doc) -> Doc:
    lexicon = file_lexicon()
    # where entities begin and end, read once and only when a word of the lexicon is met
    # (spaCy builds ``doc.ents`` anew on every access)
    edges: set[int] | None = None
    merges = []
    i = 0
    while i + 2 < len(doc):
        left, hyphen, right = doc[i], doc[i + 1], doc[i + 2]
        joined = (
            hyphen.text in HYPHENS
            and not left.whitespace_
            and not hyphen.whitespace_
            and left.is_alpha
            and right.is_alpha
        )
        word = lexicon_form(left.lower_, right.lower_, lexicon) if joined else None
        if word is not None and edges is None:
            edges = {e for ent in doc.ents for e in (ent.start, ent.end)}
        # an entity must hold the whole word or none of it
        if word is not None and edges is not None and not {i + 1, i + 2} & edges:
            merges.append((doc[i : i + 3], word))
            i += 3
            continue
        i += 1
    if merges:
        with doc.retokenize() as retokenizer:
            for span, word in merges:
                retokenizer.merge(span, attrs={"LEMMA": word})
    return doc


def add_hyphenated_events(nlp: Language) -> None:
    """Put the component after the parser (last): it needs the parse to keep."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True)


PREFIXED = re.compile(r"^(re)-([a-z]{3,})$")
"""The prefix kept on its word, and only before a lower-case one."""
PREFIX_COMPONENT = "factdesk_prefixed_lemmas"
OTHER_WORDS = {
    "resign", "recover", "reform", "resort", "represent", "release", "recollect", "repress",
    "resent", "reserve", "restrain", "recount", "refuse", "remark", "reside", "retreat",
}  # fmt: skip
"""Fused words that are not the prefixed word: "re-signed with Celtic" is signed again,
not resigned."""


@Language.factory(PREFIX_COMPONENT)
def make_prefixed_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    lemmatizer = nlp.get_pipe("lemmatizer")

    def prefixed_lemmas(doc: Doc) -> Doc:
        lexicon = file_lexicon()
        for token in doc:
            found = PREFIXED.match(token.lower_)
            if found is None:
                continue
            prefix, word = found.groups()
            stem = Doc(doc.vocab, words=[word])
            stem[0].tag_, stem[0].pos_ = token.tag_, token.pos_
            base = lemmatizer.rule_lemmatize(stem[0])[0]  # type: ignore[attr-defined]
            fused = f"{prefix}{base}"
            good = lexicon.is_event_word(fused) and fused not in OTHER_WORDS
            token.lemma_ = fused if good else base
        return doc

    return prefixed_lemmas


def keep_prefixed_words(nlp: Language) -> None:
    """Keep "re-elected" whole in the tokenizer, and give it its lemma after the lemmatizer."""
    tokenizer: Any = nlp.tokenizer
    if tokenizer.token_match is None:
        tokenizer.token_match = PREFIXED.match
    if PREFIX_COMPONENT not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(PREFIX_COMPONENT, after="lemmatizer")
