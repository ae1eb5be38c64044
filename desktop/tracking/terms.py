"""Words for matching follow-ups to articles: a light stemmer and the cue words of
outcomes (completion, delay, denial, still-expected)."""

from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*|\d+(?:\.\d+)?")
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but not no is are was were be been
    being has have had do does did will would shall should can could may might must it
    its this that these those there their they them he she his her we our you your i as
    than then so if into over under about after before during also just more most other
    some such only own same very what which who whom whose why how all any both each few
    many much said says say told tell according officials official did happen take place""".split()
)
IRREGULAR = {
    "began": "begin", "begun": "begin", "bought": "buy", "sold": "sell", "made": "make",
    "held": "hold", "met": "meet", "went": "go", "gone": "go", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "won": "win", "led": "lead", "paid": "pay", "sent": "send",
    "came": "come", "built": "build", "struck": "strike", "signed": "sign", "spent": "spend",
    "left": "leave", "broke": "break", "broken": "break", "chose": "choose", "chosen": "choose",
}  # fmt: skip
PAST_IRREGULAR = frozenset(IRREGULAR) - {"signed"}
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "ed", "es", "s", "er", "y")

FUTURE_BEFORE = frozenset(
    """will would shall 'll expected expect expects likely set due plans plan planned hope
    hopes to could may might should soon scheduled going aims intends""".split()
)
NEGATION = frozenset({"not", "n't", "never", "no", "without"})
DELAY_CUES = (
    "delay", "postpone", "pushed back", "push back", "slipped", "slip", "now expected",
    "reschedul", "defer", "behind schedule", "later than planned", "instead of", "once expected",
    "had been expected", "were expected",
)  # fmt: skip
DENIAL_CUES = ("cancel", "scrap", "called off", "abandon", "collapsed", "fell through", "rejected")


def stem(word: str) -> str:
    w = word.lower().strip("'’").replace("’", "'")
    w = w.removesuffix("'s")
    if w in IRREGULAR:
        return IRREGULAR[w]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    return WORD.findall(text)


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w.lower() not in STOPWORDS and len(w) > 1}


def is_past_form(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("ed") or lower in PAST_IRREGULAR
