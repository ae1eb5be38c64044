"""Names that ran into their sentence's verb, cut back to the name.

The recogniser sometimes carries a long title on into the clause: in "The Legend of Zelda:
Tears of the Kingdom went on sale on Friday" the work's name took "went on" with it, so the
report named no thing a follow-up knew. After the recogniser, a name that holds the main
verb of its sentence, written in lower case, ends before it ("Love Is Blind" keeps its
capitalised "Is"). A name in lower case throughout is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "factdesk_entity_ends"


def _cut(ent: Span) -> Span | None:
    """``ent`` without the main verb and what follows it; None when nothing is left."""
    verb = next((t for t in ent[1:] if t.dep_ == "ROOT" and t.pos_ == "VERB" and t.is_lower), None)
    if verb is None:
        return ent
    end = verb.i
    while end > ent.start and ent.doc[end - 1].is_punct:
        end -= 1
    return Span(ent.doc, ent.start, end, label=ent.label_) if end > ent.start else None


NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}


def _no_name(ent: Span) -> bool:
    """A name in lower case throughout is none: in "Macron called the museum a bridge" the
    recogniser made "the museum a bridge" an organisation."""
    return ent.label_ in NAME_LABELS and not any(
        c.isupper() for t in ent if not t.like_num for c in t.text
    )


@Language.component(COMPONENT)
def entity_ends(doc: Doc) -> Doc:
    if any(_no_name(ent) for ent in doc.ents):
        doc.ents = [ent for ent in doc.ents if not _no_name(ent)]
    if not any(t.dep_ == "ROOT" and t.ent_iob_ == "I" and t.is_lower for t in doc):
        return doc
    kept = [cut for ent in doc.ents if (cut := _cut(ent)) is not None]
    doc.ents = filter_spans(kept)
    return doc


def add_entity_ends(nlp: Language) -> None:
    """After the recogniser, which it corrects."""
    if COMPONENT not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
