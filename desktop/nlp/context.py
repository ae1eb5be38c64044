"""What every event of one doc is read against: its text, names, sentences, times and
lexicon, and the frames and readings already read (the expectations and the reports
read the same verbs)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from desktop.nlp.lines import headline_end
from desktop.nlp.participants import ENTITY_LABELS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Span, Token

    from desktop.nlp.expectations import TimeMention
    from desktop.nlp.frames import Frame
    from desktop.nlp.modality import Reading
    from desktop.vocabulary import Lexicon


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
    frames: dict[int, Frame] = field(default_factory=dict)
    """Frames read so far, by verb: the expectations and the reports read the same verbs."""
    readings: dict[int, Reading] = field(default_factory=dict)
    """Readings so far, by verb (as ``frames``)."""
    preludes: dict[int, Reading] = field(default_factory=dict)
    time_tokens: frozenset[int] = frozenset()
    """The tokens that start inside a time expression."""
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, anchor: date, times: list[TimeMention], lexicon: Lexicon) -> Context:
        text = doc.text
        ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS and e.text.strip()]
        sentences = list(doc.sents)
        ctx = cls(doc, text, ents, anchor, times, lexicon, headline_end(text), sentences)
        ctx._starts = [s.start for s in sentences]
        ctx.time_tokens = frozenset(_tokens_within(doc, times))
        return ctx

    def in_headline(self, token: Token) -> bool:
        return 0 <= token.idx < self.headline_end

    def sentence_of(self, token: Token) -> Span:
        """The token's sentence (``Token.sent`` walks the whole doc on every call)."""
        return self.sentences[max(0, bisect_right(self._starts, token.i) - 1)]

    def sentence_text(self, token: Token) -> tuple[str, int]:
        """The text of the token's sentence and where it starts (``Span.text`` joins
        the tokens again on every access)."""
        sent = self.sentence_of(token)
        return self.text[sent.start_char : sent.end_char], sent.start_char


def _tokens_within(doc: Doc, times: list[TimeMention]) -> Iterator[int]:
    for tm in times:
        span = doc.char_span(tm.start, tm.end, alignment_mode="expand")
        if span is not None:
            yield from (t.i for t in span if tm.start <= t.idx < tm.end)
