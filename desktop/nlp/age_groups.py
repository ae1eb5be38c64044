"""An age group ("people aged 65 and over") as one token, before the tagger and parser.

Split, the small model read "65 and over" as a conjunction that took the rest of the
sentence with it: in "the shots for people aged 65 and over begin on Monday" the verb
"begin" became a noun, and in "plans to start inoculating people aged 65 and over in late
March" the month hung on "over", so the expectation had no date. Whole, the group is a
number the parser attaches to the people it counts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "factdesk_age_groups"
LINKS = {"and", "or"}
BOUNDS = {"over", "older", "above", "under", "younger", "up"}


@Language.component(COMPONENT)
def age_groups(doc: Doc) -> Doc:
    spans = []
    i = 0
    while i + 2 < len(doc):
        number, link, bound = doc[i], doc[i + 1], doc[i + 2]
        if number.like_num and link.lower_ in LINKS and bound.lower_ in BOUNDS:
            spans.append(doc[i : i + 3])
            i += 3
        else:
            i += 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


def add_age_groups(nlp: Language) -> None:
    """Put the component first: the tagger and the parser must see the group whole."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, first=True)
