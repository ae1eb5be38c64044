"""Words of time in English news, and the regular-expression pieces the rules are built of."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI",
}  # fmt: skip
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
VAGUE_AMOUNTS = {"several", "a few", "few", "many", "some", "a couple of", "couple of", "the"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1,
    "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
UNITS = (
    "second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year",
    "decade", "century",
)  # fmt: skip
MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN",
}  # fmt: skip

_SMALL = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
_TEN = "|".join(TENS)
WORD_NUMBER = rf"(?:(?:{_TEN})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL})"
MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY = (
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
SEASON = r"(?:spring|summer|autumn|winter|fall)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen)[-\s](?:hundred|oh[-\s][a-z]+|{WORD_NUMBER})"
    rf"|two\s+thousand(?:\s+and)?(?:\s+{WORD_NUMBER})?)"
)
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
NUM = (
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2)?"
    rf"|{WORD_NUMBER}(?:\s+and\s+a\s+half)?|a\s+couple\s+of"
    r"|couple\s+of|half\s+an?|a\s+half|a\s+few|an?|several|few|many|a\s+dozen|dozens\s+of"
    r"|hundreds\s+of|a\s+hundred|one\s+hundred)"
)
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries)s?"
_BEFORE_A_VERB = ("will", "would", "could", "can", "may", "might", "must", "should", "not", "n't")
LAST_AS_ADJECTIVE = r"(?<!\bto\s)" + "".join(rf"(?<!{w}\s)" for w in _BEFORE_A_VERB) + "last"
"""'last' that is no verb: "to last several weeks", "could last two years" time a duration
(TimeML marks "several weeks"), "the last two years" a stretch before now."""
# Quantifiers TimeML draws inside the expression ("nearly two years"); "about" and "over"
# it mostly leaves out ("about five hours", "over three years").
MODIFIER = (
    r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most"
    r"|no\s+more\s+than|upwards\s+of|around|nearly|almost)"
)
ZONE_CODES = frozenset(
    {"GMT", "UTC", "BST", "CET", "CEST", "IST", "JST", "EST", "EDT", "CST", "CDT", "MST", "MDT",
     "PST", "PDT", "ET", "CT", "MT", "PT"}
)  # fmt: skip
ZONE_NAMES = frozenset(
    {"local", "pacific", "eastern", "central", "mountain", "atlantic", "moscow", "beijing",
     "japan", "india"}
)  # fmt: skip
"""Zones said by name, with "time" after them ("Pacific time", "Moscow summer time")."""
ZONE_KINDS = frozenset({"standard", "daylight", "summer"})
ZONE = (
    r"(?:(?:GMT|UTC|[ECMP][SD]?T|BST|CET|CEST|IST|JST|Z"
    rf"|(?:{'|'.join(sorted(ZONE_NAMES))})"
    rf"\s+(?:(?:{'|'.join(sorted(ZONE_KINDS))})\s+)?time)\b)"
)
PART_PHRASE = (
    r"(?:(?:the\s+)?(?:end|beginning|start|middle|close|(?:first|second|last)\s+half)\s+of\s+"
    r"|(?:the\s+)?(?:early|earlier|mid|late|later)(?:-|\s+))"
)


def number(text: str) -> int | float | str:
    """The amount a number phrase gives; "X" for a vague one ("several", "a few")."""
    text = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?(?: 1/2)?", text):
        whole, _, half = text.partition(" ")
        amount = float(whole.replace(",", "")) + (0.5 if half else 0)
        return int(amount) if amount.is_integer() else amount
    and_a_half = text.endswith(" and a half")
    text = text.removesuffix(" and a half")
    fixed = {
        "a": 1, "an": 1, "a dozen": 12, "a hundred": 100, "one hundred": 100, "half a": 0.5,
        "half an": 0.5, "a half": 0.5, "a couple of": 2, "couple of": 2,
    }  # fmt: skip
    if text in fixed:
        value: float = fixed[text]
    elif text in SMALL_NUMBERS:
        value = SMALL_NUMBERS[text]
    elif text.split()[0] in TENS:
        words = text.split()
        value = TENS[words[0]] + (SMALL_NUMBERS.get(words[1], 0) if len(words) > 1 else 0)
    else:
        return "X"
    value += 0.5 if and_a_half else 0
    return int(value) if float(value).is_integer() else value


def unit_of(text: str) -> str:
    unit = text.lower()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") and unit[:-1] in UNITS else unit


def month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def weekday_number(text: str) -> int:
    word = text.lower().rstrip(".")
    return next(n for name, n in WEEKDAYS.items() if name.startswith(word[:3]))


def modifier(text: str | None) -> str | None:
    """The TIMEX3 ``mod`` a leading quantifier gives ("nearly" → EQUAL_OR_LESS)."""
    return MODIFIERS.get(" ".join(text.lower().split())) if text else None


def part_mod(part: str | None) -> str | None:
    """START, MID or END from "early", "the middle of", "late", "the end of"…"""
    if not part:
        return None
    part = part.lower().replace("the ", "").strip(" -")
    if part.startswith(("early", "earlier", "beginning", "start", "first half")):
        return "START"
    if part.startswith(("mid", "middle")):
        return "MID"
    if part.startswith(("late", "later", "end", "close", "second half", "last half")):
        return "END"
    return None


def spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" → 1996, "two thousand" → 2000, "twenty ten" → 2010."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        tail = number(" ".join(rest)) if rest else 0
        return 2000 + tail if isinstance(tail, int) and tail < 100 else None
    if len(words) < 2 or words[0] not in {"nineteen", "eighteen", "twenty"}:
        return None
    century = SMALL_NUMBERS.get(words[0]) or TENS[words[0]]
    rest = words[1:]
    if rest == ["hundred"]:
        return century * 100
    if rest[0] in {"oh", "o"} and len(rest) == 2:
        digit = SMALL_NUMBERS.get(rest[1])
        return century * 100 + digit if digit is not None and digit < 10 else None
    tail = number(" ".join(rest))
    return century * 100 + tail if isinstance(tail, int) and 10 <= tail < 100 else None


_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")
# Words after which a bare month or weekday name is a time ("in May", "by Sun."), where
# alone it may be a verb, a name or a paper ("May the best team win", "Theresa May",
# "told The Sun.").
TIME_LEAD_WORDS = {
    "in", "on", "by", "since", "until", "till", "through", "from", "to", "last", "next",
    "this", "early", "late", "mid", "of", "during", "before", "after", "between", "and",
    "or", "around", "about", "past", "coming", "each", "every", "as", "than",
}  # fmt: skip


def previous_word(text: str, start: int, keep_case: bool = False) -> str:
    """The word before ``start`` (lower case unless asked; "" at the start of the text)."""
    m = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if m is None:
        return ""
    return m[1] if keep_case else m[1].lower()


_OPENING_WORDS = {
    "but", "so", "yet", "then", "also", "even", "only", "while", "when", "if", "that", "the",
    "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
}  # fmt: skip
_MODAL_MAY = re.compile(r"\s+(?:the|we|you|he|she|it|they|god|his|her|their|our|all)\b", re.I)


def not_the_month_may(text: str, start: int, end: int) -> bool:
    """ "May" as the modal ("May the talks succeed") or in a name ("Theresa May")."""
    before = previous_word(text, start, keep_case=True)
    if before[:1].isupper() and before.lower() not in TIME_LEAD_WORDS | _OPENING_WORDS:
        return True
    opens = not text[max(0, start - 3) : start].strip(" \"'`\u201c")
    return (opens or text[max(0, start - 3) : start].rstrip()[-1:] in {".", "!", "?"}) and bool(
        _MODAL_MAY.match(text, end)
    )
