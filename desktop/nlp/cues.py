"""The words that make a clause an expectation, and those that keep it from being one:
future auxiliaries, expectation verbs and adjectives, hedges, conditions, obligations,
demands, denials, states and statements of value. Grammar of English, not a lexicon of
events; the words themselves are data (resources/vocabulary/cues.toml, read by
desktop.vocabulary), named here for the code that uses them."""

import re

from desktop.vocabulary import cues

_CUES = cues()
_W = _CUES.words
FUTURE_AUX = _W["future_aux"]
HEDGE_AUX = _W["hedge_aux"]
HEDGE_ADVERBS = _W["hedge_adverbs"]
HABITUAL_ADVERBS = _W["habitual_adverbs"]
RECURRING = _W["recurring"]
"""Determiners of a recurring time: "every month", "each spring"."""
OBLIGATION_AUX = _W["obligation_aux"]
PRESENT_BE = {"is", "are", "am", "'s", "'re"}
"""The present of "be" as an auxiliary: "is meeting on Friday", "are admitted from Saturday"."""
MODAL_AUX = _W["modal_aux"]
"""Modals that put a bare verb after the time of writing ("must leave by Jan. 14")."""
CUES = _CUES.verbs
CAUSATIVES = _W["causatives"]
"""They pass their own tense and modality on: "will allow the railway to open"."""
PURPOSE_VERBS = _W["purpose_verbs"]
COMMITMENTS = _W["commitments"]
"""Cues whose past tense still points ahead: "promised to reopen the line in July"."""
ADJ_CUES = _CUES.adjectives
TRACK_NOUNS = _W["track_nouns"]
NOUN_CUES = _W["noun_cues"]
OBLIGATION_VERBS = _W["obligation_verbs"]
DEMAND_VERBS = _W["demand_verbs"]
DENIAL_VERBS = _W["denial_verbs"]
REPORT_VERBS = _W["report_verbs"]
DOUBT_ADJ = _W["doubt_adjectives"]
CONDITIONAL_MARKS = _W["conditional_marks"]
WH_MARKS = _W["wh_marks"]
STATIVE = _W["stative"]
CHANGE_OF_VALUE = _W["change_of_value"]
PREVENTING = _W["preventing"]
NOBODY = _W["nobody"]
QUANTITY_LABELS = _W["quantity_labels"]
MEASURES = _W["measures"]
HEDGE_NOUNS = _W["hedge_nouns"]
ONCE = _W["once"]
"""Adverbs that put an expectation in the past: "was originally scheduled for April"."""
BLOCKING = _W["blocking"]
"""Modalities that keep a clause from being an expectation or an outcome."""
FUTURE_CUES = _W["future_cues"]
"""Lemmas that put the event they govern in the future (the tense of time expressions)."""
CONDITION_OPENERS = re.compile(
    r"^\W*(?:if|unless|should|were|had|provided|providing|assuming|supposing"
    r"|in the event (?:of|that)|in case of|on condition that|as long as|so long as)\b[^,;]*,"
)
"""A sentence that opens with its condition, up to the comma that ends it: "Should the
council approve the plan, ...", "In the event of a draw, ...", "Assuming the weather holds,
..." (the small model often hangs such a clause on no verb, or on the wrong one)."""
CONDITION_WORDS = {"provided", "providing", "assuming", "supposing"}
"""Participles that make a condition of the clause after them ("provided the steel
arrives"), unless they take an object or "with" ("providing the city with a link",
"assuming the presidency"): then they are verbs of their own."""
HEDGE_PHRASES = re.compile(
    r"\b(?:far from (?:certain|clear|sure)|not (?:certain|clear|sure|known)|unclear|uncertain"
    r"|remains? to be seen|no guarantee|doubtful|it is possible|it's possible|there is a chance"
    r"|not yet (?:clear|known|decided))\b[^.;]*$"
)
