"""The words that make a clause an expectation, and those that keep it from being one:
future auxiliaries, expectation verbs and adjectives, hedges, conditions, obligations,
demands, denials, states and statements of value. Grammar of English, not a lexicon of
events (that is data: resources/vocabulary/events.toml)."""

import re

FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
HEDGE_AUX = {"could", "may", "might", "can", "ca"}
HEDGE_ADVERBS = {"hopefully", "perhaps", "possibly", "maybe", "conceivably", "potentially"}
OBLIGATION_AUX = {"must"}
CUES = {
    "expect": "expected", "anticipate": "expected", "project": "expected",
    "forecast": "expected", "predict": "expected", "plan": "planned", "schedule": "planned",
    "slate": "planned", "set": "planned", "intend": "planned", "aim": "planned",
    "target": "planned", "prepare": "planned", "propose": "planned", "promise": "planned",
    "pledge": "planned", "vow": "planned", "commit": "planned", "decide": "planned",
    "agree": "planned", "hope": "hoped", "want": "hoped", "wish": "hoped", "seek": "hoped",
    "aspire": "hoped", "poise": "planned", "look": "planned", "suppose": "expected",
    "mean": "expected", "attempt": "planned", "try": "planned",
    "allow": "certain", "enable": "certain", "let": "certain", "help": "certain",
    "permit": "certain",
}  # fmt: skip
CAUSATIVES = {"allow", "enable", "let", "help", "permit"}
"""They pass their own tense and modality on: "will allow the railway to open"."""
PURPOSE_VERBS = {"ensure", "guarantee", "make", "prevent", "avoid"}
COMMITMENTS = {"promise", "pledge", "vow", "commit", "agree", "decide"}
"""Cues whose past tense still points ahead: "promised to reopen the line in July"."""
ADJ_CUES = {
    "likely": "expected", "unlikely": "expected", "due": "planned", "set": "planned",
    "poised": "planned", "slated": "planned", "expected": "expected",
    "scheduled": "planned", "bound": "expected", "about": "planned", "ready": "planned",
    "planned": "planned", "able": "expected",
}  # fmt: skip
TRACK_NOUNS = {"track", "course", "schedule"}
NOUN_CUES = {"plan", "intention", "bid", "proposal", "target", "goal", "aim", "hope", "deadline"}
OBLIGATION_VERBS = {"have", "need", "require", "oblige", "force", "compel"}
DEMAND_VERBS = {"urge", "call", "demand", "press", "ask", "push", "petition", "lobby"}
DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "rule"}
REPORT_VERBS = {
    "say", "tell", "report", "announce", "state", "claim", "add", "note", "confirm", "write",
    "quote", "insist", "reveal", "disclose", "explain", "indicate", "suggest", "warn",
    "predict", "estimate", "believe", "expect", "think", "cite", "agree",
}  # fmt: skip
DOUBT_ADJ = {"possible", "unclear", "uncertain", "doubtful", "clear", "certain", "sure"}
CONDITIONAL_MARKS = {"if", "unless", "provided", "providing", "once", "when", "whenever"}
WH_MARKS = {"whether", "if"}
STATIVE = {
    "be", "know", "cost", "total", "amount", "equal", "mean", "remain", "seem", "appear",
    "weigh", "contain", "include", "own", "belong", "need", "lack", "deserve", "exceed",
    "represent", "become", "feature", "involve", "require", "cover", "comprise", "consist",
    "depend", "worth", "stand", "rank", "measure", "last", "number", "see",
}  # fmt: skip
CHANGE_OF_VALUE = {
    "rise", "fall", "grow", "increase", "decrease", "climb", "drop", "decline", "jump",
    "slide", "shrink", "double", "halve", "reach", "hit", "top", "surpass",
}  # fmt: skip
QUANTITY_LABELS = {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
HEDGE_NOUNS = {"chance", "possibility", "risk", "danger", "likelihood", "doubt", "question"}
ONCE = {"originally", "initially", "previously", "once", "first", "formerly"}
"""Adverbs that put an expectation in the past: "was originally scheduled for April"."""
BLOCKING = {"hedged", "conditional", "question", "demanded", "obliged", "uncertain", "denied"}
"""Modalities that keep a clause from being an expectation or an outcome."""
HEDGE_PHRASES = re.compile(
    r"\b(?:far from (?:certain|clear|sure)|not (?:certain|clear|sure|known)|unclear|uncertain"
    r"|remains? to be seen|no guarantee|doubtful|it is possible|it's possible|there is a chance"
    r"|not yet (?:clear|known|decided))\b[^.;]*$"
)
