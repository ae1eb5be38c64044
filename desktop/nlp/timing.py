"""The due window of an event: which time expression belongs to it, and the bound the
sentence puts on it.

The time taken is the one attached to the event in the parse (nearest first), not the
last one in the sentence: in "the handover, which was announced on Friday, is now
expected in January" the handover is due in January. Bounds are kept as such: "by June"
(a deadline: due from the article's date to the end of June), "no earlier than May",
"not until 2021", "at the earliest" (the first month of the period), "between September
and December", "January, or February at the latest" (the span). A delay by a duration
("delayed by at least two weeks") counts from the date it delays, when the sentence gives
one. Conditional branches are kept as alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from desktop.nlp.timeparts import (
    PERIOD_WORDS,
    SKIP_GRANULARITY,
    before_reporter,
    clause_bound,
    distance,
    duration_delta,
    extend_left,
    finer_first,
    first_month,
    forward,
    in_sentence,
    in_year_of_earlier,
    month_after,
    of_year,
    said_on,
    same_year,
    span_root,
    words_after,
    words_before,
)
from desktop.nlp.timex.vocab import MONTHS, number
from desktop.nlp.words import lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from desktop.nlp.context import Context
    from desktop.nlp.expectations import TimeMention
    from desktop.nlp.frames import Frame

VAGUE_REVIEW = timedelta(days=182)
DEADLINE_WORDS = {"by", "before", "ahead"}
LOWER_BOUND_WORDS = {"until", "till", "til", "after", "beyond", "from", "since"}
LASTING = {"continue", "keep", "remain", "stay", "last", "run", "hold", "maintain", "persist"}
"""Verbs of a state that goes on: "until" gives its end ("will keep rates unchanged until
the end of the year"), where for other verbs it gives the earliest start ("will not open
until autumn")."""
LOWER_PHRASES = (
    "no earlier than", "not earlier than", "no sooner than", "not before", "as early as",
    "as soon as", "at the earliest", "or later", "earliest", "not until", "no sooner",
)  # fmt: skip
UPPER_PHRASES = (
    "at the latest",
    "no later than",
    "not later than",
    "or earlier",
    "at most",
    "on or before",
)
DAY_NAMED = re.compile(
    r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b|\btonight\b"
    r"|\bthis (?:morning|afternoon|evening)\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d{4}-\d\d-\d\d"
)
"""A time of day that names its day ("on Saturday afternoon", "at 9 am on May 3")."""
LATER_THE_SAME_DAY = re.compile(r"(?i)\blater\b|\btonight\b|\bthis (?:afternoon|evening)\b")


def later_today(due: Due, sentence: str, anchor: date) -> bool:
    """ "council votes on it later today", "takes effect at 11:59 p.m. tonight", "takes up
    the bill later on Thursday" (the article's own day): a present still to come that day."""
    if not due.text or due.start != anchor or due.end not in {None, anchor}:
        return False
    at = sentence.find(due.text)
    said = sentence[max(0, at - 9) : at + len(due.text)] if at >= 0 else ""
    return bool(LATER_THE_SAME_DAY.search(said))


VAGUE_AMOUNTS = {
    "PXD": relativedelta(days=10),
    "PXW": relativedelta(weeks=6),
    "PXM": relativedelta(months=6),
}
"""How far "within days", "within weeks", "in months" reach (a deadline, generously)."""
MORE_THAN = ("in just over", "in over", "in more than", "in a little over", "in slightly over")
MORE_MODS = {"EQUAL_OR_MORE", "MORE_THAN"}
LESS_MODS = {"EQUAL_OR_LESS", "LESS_THAN"}
"""TIMEX3 mods of a duration whose extent took the bound in ("at least two weeks")."""


@dataclass
class Due:
    start: date | None = None
    end: date | None = None
    review: date | None = None
    value: str | None = None
    text: str | None = None
    bound: str | None = None
    """'by', 'until' (a state lasting to the end of the window), 'no_earlier_than',
    'between', or None for a plain period."""
    clears_negation: bool = False
    """"will not open until autumn" is a bound, not a negated event."""
    alternatives: list[dict[str, Any]] = field(default_factory=list)

    @property
    def dated(self) -> bool:
        return self.end is not None or self.start is not None

    def ahead(self, deadline: bool) -> date | None:
        """The day that must lie after the article for the event to be still to come: the
        end of a deadline (``deadline``) or of a state that lasts "until" a day, else the
        window's start."""
        return self.end if deadline or self.bound == "until" else self.start


def _bound_of_an_occasion(ctx: Context, root: Token | None, day: bool = False) -> str | None:
    """The bound word on the occasion (an event of the lexicon) a time dates: "until after the
    local elections on 5 May", "after the election in May" (no earlier than its day),
    "before the summit in June" (by its day in June); not "appear before the judges on 28
    May"."""
    if root is None:
        return None
    if not day and _before_what_happens_then(root):
        return "by"  # "before the school breaks up in July", "before the May bank holiday"
    if root.dep_ != "pobj" or root.head.lower_ not in {"on", "in"}:
        return None
    noun = root.head.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or not ctx.lexicon.is_event_word(lemma_of(noun)):
        return None
    prep = noun.head
    if prep.lower_ in {"before", "by"}:
        return "by"  # "before the transfer window closes in August": by its day in August
    if prep.lower_ in {"after", "until", "till"}:
        return "until"  # "after the election in May": no earlier than its day in May
    return None


def _before_what_happens_then(root: Token) -> bool:
    """A time that dates what something must come before, not the deadline itself: a
    clause ("before the school breaks up in July") or a noun it names ("before the May bank
    holiday", "before Congress breaks for its August recess"): by that day, in its month."""
    if root.dep_ == "compound" and root.lower_ in MONTHS and root.head.pos_ in {"NOUN", "PROPN"}:
        noun = root.head  # "the May bank holiday"
        while noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"}:
            noun = noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "before":
            return True
        verb = noun.head.head if noun.dep_ == "pobj" else None
    elif root.dep_ == "pobj" and root.head.lower_ in {"in", "on"}:
        verb = root.head.head  # "breaks up in July"
    else:
        return False
    return (
        verb is not None
        and verb.pos_ in {"VERB", "AUX"}
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "before" for c in verb.children)
    )


def _bound(
    ctx: Context,
    tm: TimeMention,
    root: Token | None,
    negated: bool,
    delay: bool,
    lasting: bool = False,
) -> str | None:
    before = words_before(ctx, tm.start, 40)
    words = before.split()
    while words and words[-1].strip("‘’'\"“”") in PERIOD_WORDS:
        words.pop()  # "until autumn next year": the tagger took "next year" alone
    parted = len(words) >= 2 and words[-1] == "in" and words[-2] in PARTS_IN
    if parted:
        del words[-2:]  # "not until late in 2021": the bound is before the part
    before = " ".join(w.strip("‘’'\"“”") for w in words)
    after = words_after(ctx, tm.end)
    last = words[-1].strip("‘’'\"“”") if words else ""
    pobj = root is not None and root.dep_ == "pobj" and not parted
    prep = root.head.lower_ if root is not None and pobj else last
    occasion = _bound_of_an_occasion(
        ctx, root, tm.timex is not None and tm.timex.granularity == "day"
    )
    if occasion == "by":
        # by the day of what it must come before, in the month given ("not before": from it)
        return "no_earlier_than" if negated else "by"
    prep = occasion or prep
    if (
        prep in {"until", "till"}
        and root is not None
        and root.dep_ == "pobj"
        and root.head.head.lemma_.lower() in {"have", "give"}
    ):
        return "by"  # "has until March 23 to decide": a deadline
    if prep in {"until", "till", "til", "to", "into"} and delay and not negated:
        return None  # "delayed until the first half of 2022": the new period itself
    if prep in {"until", "till", "til"} and lasting and not negated:
        return "until"  # "will continue until next Monday": it goes on to that day
    if prep == "from" and delay:
        return "old"  # "moved from April to 25 October": April is the date given up
    if any(after.startswith(p) for p in ("at the earliest", "or later")):
        return "no_earlier_than"
    if any(after.startswith(p) for p in ("at the latest", "or earlier")):
        return "by"
    if any(before.endswith(p) for p in LOWER_PHRASES):
        return "no_earlier_than"
    if any(before.endswith(p) for p in UPPER_PHRASES):
        return "by"
    if prep in {"earlier", "sooner"} or before.endswith(("earlier than", "sooner than")):
        return "no_earlier_than"
    if prep in LOWER_BOUND_WORDS or last in LOWER_BOUND_WORDS:
        return "after" if prep in {"after", "beyond"} else "no_earlier_than"
    if prep in {"before"} or last == "before":
        return "no_earlier_than" if negated else "before"
    if prep in DEADLINE_WORDS or last in DEADLINE_WORDS:
        return "by"
    if prep == "between" or last == "between":
        return "between"
    return None


def _window(
    ctx: Context, tm: TimeMention, bound: str | None
) -> tuple[date | None, date | None] | None:
    timex = tm.timex
    if timex is None or timex.start is None or timex.end is None:
        return None
    start, end = timex.start, timex.end
    if bound in {"by", "until"}:
        return ctx.anchor, end
    if bound == "before":
        cut = end if timex.mod == "END" else start - timedelta(days=1)
        if cut < ctx.anchor:
            cut = end  # "before the year is out", said in July: before this year ends
        return ctx.anchor, cut
    if bound == "after":
        first = end + timedelta(days=1)
        return first, month_after(first)
    if bound == "no_earlier_than":
        return first_month(start, end)
    return max(start, ctx.anchor) if end >= ctx.anchor else start, end


FROM_DAY = re.compile(
    r"(?i)(?:\bfrom\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|until|through|-|–)|"
    r"(?<![\d,.])(\d{1,2})\s*[-–])\s*$"
)
"""The first day of "from 3 to 5 June" or "9–11 October", which the time tagger leaves
out."""
WEEK_OF = re.compile(r"(?i)\bthe\s+(week|weekend)s?\s+(?:of|beginning|starting|commencing)\s+$")
"""Before a day that says which week or weekend: "the weekend of 8 October"."""


DAY_RANGE = re.compile(r"\b(\d{1,2})\s*[-–]\s*(\d{1,2})\s+$")
"""The days of "9-11 October", which the time tagger leaves out (it gives the month)."""


def _days_of_month(ctx: Context, due: Due, tm: TimeMention) -> bool:
    """ "the weekend of 9-11 October": the window is those days of the month."""
    timex = tm.timex
    offset = max(0, tm.start - 12)
    found = DAY_RANGE.search(ctx.text[offset : tm.start])
    if found is None or timex is None or timex.granularity != "month":
        return False
    if timex.start is None or timex.end is None:
        return False
    first, last = int(found[1]), int(found[2])
    if not 1 <= first < last <= timex.end.day:
        return False
    start, end = timex.start.replace(day=first), timex.start.replace(day=last)
    due.start, due.end = max(start, ctx.anchor), end
    due.bound = "between"
    due.value = f"{start.isoformat()}/{end.isoformat()}"
    due.text = ctx.text[offset + found.start(1) : tm.end]
    return True


def _from_day_of(ctx: Context, due: Due, tm: TimeMention) -> bool:
    """ "from 3 to 5 June", "9–11 October": the window runs from the day said before the
    date's own."""
    timex = tm.timex
    offset = max(0, tm.start - 24)
    found = FROM_DAY.search(ctx.text[offset : tm.start])
    if found is None or timex is None or timex.granularity != "day" or timex.start is None:
        return False
    day = int(found[1] or found[2])
    if not 1 <= day < timex.start.day:
        return False
    first = timex.start.replace(day=day)
    due.start, due.end = max(first, ctx.anchor), timex.end
    due.bound = "between"
    due.value = f"{first.isoformat()}/{timex.value}"
    due.text = ctx.text[offset + found.start(1 if found[1] else 2) : tm.end]
    return True


def _week_of(ctx: Context, due: Due, tm: TimeMention) -> bool:
    """ "the week of 10 October": that day and the six after it; "the weekend of 8
    October": that day to the Sunday."""
    timex = tm.timex
    offset = max(0, tm.start - 24)
    found = WEEK_OF.search(ctx.text[offset : tm.start])
    if found is None or timex is None or timex.granularity != "day" or timex.start is None:
        return False
    first = timex.start
    last = first + timedelta(days=6 if found[1].lower() == "week" else (6 - first.weekday()) % 7)
    due.start, due.end = max(first, ctx.anchor), last
    due.bound = "between"
    due.value = f"{first.isoformat()}/{last.isoformat()}"
    due.text = ctx.text[offset + found.start() : tm.end]
    return True


def _clause(mark: str | None, negated: bool) -> str | None:
    """The bound of a time given by a temporal clause ("not before lawmakers return on
    October 1": no earlier than)."""
    if mark in {"before", "by"} and negated:
        return "no_earlier_than"
    return mark


DELAY_PREPS = {"to", "until", "till", "til", "into", "for", "beyond", "after", "by", "least"}


def _after_delay_word(ctx: Context, tm: TimeMention) -> bool:
    """A delay's new date follows "to", "until", "into", "for", "beyond" (or "by" a
    duration); a bare date near a delay is the date it gave up ("the bubble scheduled to
    begin on May 26 will be postponed")."""
    words = [w.strip("‘’'\"“”") for w in words_before(ctx, tm.start, 40).split()]
    while words and (
        words[-1] in PERIOD_WORDS | {"", "a", "at", "on", "am", "pm", "a.m.", "p.m.", "ist", "et"}
        or any(ch.isdigit() for ch in words[-1])
    ):
        words.pop()  # "rescheduled for 2.43 pm on July 22"
    text = " ".join(words)
    for phrase in LOWER_PHRASES:
        if text.endswith(" " + phrase):
            words = words[: -len(phrase.split())]  # "moved to no earlier than late March"
            break
    if words[-2:-1] == ["the"] and words[-1] in {"week", "weekend", "weekends"}:
        words = words[:-2]  # "to the weekend of 9 October"
    return bool(words) and words[-1] in DELAY_PREPS


COUNTED_FROM = re.compile(r"\b(?:days?|weeks?|months?|years?|decades?)\s+from\s+$", re.I)
"""The "today" of "a week from today": where the count starts, not the time of the event."""
LASTING_FROM = re.compile(
    r"\bfor\s+(?:\S+\s+){1,2}(?:days?|weeks?|months?|years?|decades?)\s+from\s+$", re.I
)
"""But "will apply for two years from today" starts today."""


def _usable(tm: TimeMention, ctx: Context) -> bool:
    timex = tm.timex
    if timex is None or timex.granularity in SKIP_GRANULARITY:
        return False
    before = ctx.text[max(0, tm.start - 40) : tm.start]
    if (
        tm.text.lower() in {"today", "now"}
        and COUNTED_FROM.search(before)
        and not LASTING_FROM.search(before)
    ):
        return False
    if timex.granularity == "time" and not DAY_NAMED.search(tm.text):
        return False  # a clock time alone is anchored to the article's day by the tagger
    if timex.granularity == "duration":
        return True
    if timex.granularity == "future_ref":
        return True
    return timex.end is not None and timex.end >= ctx.anchor


SHIFT_WORDS = re.compile(
    r"\bby\s+(?:about|around|some|nearly|almost|roughly|another|a further)?\s*$"
)


def _shift(ctx: Context, tm: TimeMention) -> bool:
    """ "moved the trial back by two weeks": how far a date moved, not a time from now."""
    timex = tm.timex
    if timex is None or timex.granularity != "duration":
        return False
    return SHIFT_WORDS.search(ctx.doc.text[max(0, tm.start - 30) : tm.start].lower()) is not None


def due_for(
    ctx: Context,
    frame: Frame,
    chain: list[Token],
    negated: bool,
    prospective: bool = True,
    weekdays: bool = False,
    own_weekdays: bool = False,
) -> Due:
    """The due window of the event ``frame`` (``chain``: the words of its construction);
    ``prospective`` when the clause looks ahead (a bare month the tagger put in the past
    is read forward; ``weekdays`` too for a weekday, as in the simple present of a
    schedule; ``own_weekdays`` for a weekday on the event's own words only: "hopes to
    sign on Thursday", not "said on Thursday")."""
    sent = ctx.sentence_of(frame.verb)
    own = {frame.verb.i} | ({frame.anchor.i} if frame.outcome != "postpone" else set())
    targets = {t.i for t in chain} | own
    scored: list[tuple[int, int, TimeMention, Token | None]] = []
    for tm in in_sentence(ctx, sent):
        root = span_root(ctx, tm)
        if root is None:
            continue
        dist = distance(root, targets, ctx)
        if dist is None:
            continue
        on_own = distance(root, own, ctx) is not None
        if not on_own:
            dist += 3  # on the cue ("said on Thursday they expect ..."): the event's own first
        tm = in_year_of_earlier(ctx, of_year(ctx, extend_left(ctx, tm)))
        ahead = forward(ctx, tm, weekdays or (own_weekdays and on_own)) if prospective else tm
        scored.append((dist, tm.start, ahead, root))
    if not any(_usable(s[2], ctx) for s in scored):
        scored += before_reporter(ctx, frame, chain, sent)
    scored.sort(key=lambda x: (x[0], x[1]))
    usable = finer_first([s for s in scored if _usable(s[2], ctx)])
    if frame.outcome == "postpone":
        # "moved the trial back by two weeks": a shift from no date it names is no window
        # ("slated to begin Sunday, will be delayed by at least two weeks" is one)
        dates = any(
            tm.timex is not None and tm.timex.granularity != "duration"
            for tm in in_sentence(ctx, sent)
        )
        usable = [
            s for s in usable if _after_delay_word(ctx, s[2]) and (dates or not _shift(ctx, s[2]))
        ]
        # "put back by seven months, to 3 June": the date named is the new window, not a
        # duration added to it
        usable.sort(key=lambda s: s[2].timex is not None and s[2].timex.granularity == "duration")
    usable.sort(key=lambda s: s[2].timex is not None and s[2].timex.granularity == "future_ref")
    for dist, _pos, tm, root in usable:
        timex = tm.timex
        assert timex is not None
        if timex.granularity == "duration":
            found = _from_duration(ctx, frame, tm, scored)
            if found is not None:
                return found
            continue
        if timex.granularity == "future_ref":
            return Due(review=ctx.anchor + VAGUE_REVIEW, value=timex.value, text=tm.text)
        lasting = bool(LASTING & {frame.verb.lemma_.lower(), *frame.lemma.split()[:1]})
        bound = _bound(ctx, tm, root, negated, frame.outcome == "postpone", lasting)
        if bound is None and root is not None:
            bound = _clause(clause_bound(root, targets), negated)
        if bound == "old":
            continue
        window = _window(ctx, tm, bound)
        if window is None:
            continue
        due = Due(window[0], window[1], None, timex.value, tm.text, bound)
        due.clears_negation = negated and bound in {"no_earlier_than", "after"}
        # as near: a time just after "or" or "to", whatever the parse hangs it on ("at the
        # end of 2020 or early in 2021"; not "in 2022 and early in 2023 the site will be sold")
        near = [s for s in usable if s[0] <= dist + 1 or _or_next(ctx, tm, s[2])]
        _widen(ctx, due, tm, root, near)
        return due
    future = next(
        (s for s in scored if s[2].timex and s[2].timex.granularity == "future_ref"), None
    )
    if future is not None:
        return Due(review=ctx.anchor + VAGUE_REVIEW, value="FUTURE_REF", text=future[2].text)
    return Due(review=ctx.anchor + VAGUE_REVIEW)


PARTS_IN = {"early", "mid", "late"}
_PART_IN = re.compile(r"\s(?:early|mid|late)\s+in\s*$")


RANGE_LINKS = {"or", "to", "through", "-", "–"}


def _or_next(ctx: Context, tm: TimeMention, other: TimeMention) -> bool:
    """The time ``other`` follows ``tm`` after "or" alone (past a part: "or early in"), or
    ends its range ("January to March"); not after "and", which may open the next clause."""
    if other.start < tm.end:
        return False
    gap = ctx.text[tm.end : other.start].lower().strip(" ,")
    return gap in RANGE_LINKS or _PART_IN.sub("", f" {gap}").strip() == "or"


def _widen(
    ctx: Context,
    due: Due,
    tm: TimeMention,
    root: Token | None,
    near: list[tuple[int, int, TimeMention, Token | None]],
) -> None:
    """ "between A and B", "from A to B", "A or B", "A, or B at the latest": one span."""
    if _days_of_month(ctx, due, tm) or _week_of(ctx, due, tm) or _from_day_of(ctx, due, tm):
        return
    for _dist, _pos, other, _other_root in near:
        # the time taken is the second of the two: "January, or February at the latest"
        if other is tm or other.timex is None or other.timex.start is None or other.end > tm.start:
            continue
        gap = ctx.text[other.end : tm.start].lower().strip(" ,")
        if (
            gap in {"or", "and", "to", "-", "–"}
            and (other.timex.end or other.timex.start) >= ctx.anchor
        ):
            due.start = max(other.timex.start, ctx.anchor)  # "this year or early next"
            due.bound = "between"
            due.value = f"{other.timex.value}/{due.value}"
            due.text = ctx.text[other.start : tm.end]
            return
    for _dist, _pos, other, other_root in near:
        if other is tm or other.timex is None or other.timex.end is None:
            continue
        if other.start <= tm.end:
            continue
        gap = ctx.text[tm.end : other.start].lower()
        if _PART_IN.search(gap) and _or_next(ctx, tm, other):
            gap = "or"  # "or early in 2021": the part is the second time's
        linked = gap.strip(" ,") in {
            "and",
            "or",
            "to",
            "until",
            "through",
            "-",
            "–",
            "and the end of",
        }
        conj = other_root is not None and root is not None and other_root.head.i == root.i
        if not (linked or (conj and len(gap) < 12)):
            continue
        other_end = other.timex.end
        first = tm.timex
        assert first is not None and first.start is not None
        far = (other_end - max(first.start, ctx.anchor)).days > 400 and first.granularity != "year"
        if first.start > other_end or far:
            first = same_year(first, other.timex, tm.text)
            if first is None:
                return
            due.start = max(first.start or ctx.anchor, ctx.anchor)
        if other_end >= (due.end or ctx.anchor):
            due.end = other.timex.end
            due.start = due.start or ctx.anchor
            if due.bound == "no_earlier_than":
                assert tm.timex is not None and tm.timex.start is not None
                due.start = tm.timex.start
                if gap.strip(" ,") in {"to", "until", "through", "-", "–"}:
                    due.bound = "between"  # "from 3 June to 5 June": both ends are said
            due.bound = "between" if due.bound in {None, "between"} else due.bound
            due.value = f"{due.value}/{other.timex.value}"
            due.text = f"{due.text}{ctx.text[tm.end : other.end]}"
        return


def _looks_back(ctx: Context, tm: TimeMention) -> bool:
    """A span after "in" or "for" that hangs on a noun ranked first or last ("the first
    such meeting in more than two years", "for the first time in a decade"): how long it
    had been, not when something will be. "The first phase will open in two years" hangs
    the span on its verb."""
    root = span_root(ctx, tm)
    prep = root.head if root is not None else None
    while prep is not None and prep.lower_ not in {"in", "for"} and prep.dep_ != "ROOT":
        if prep.pos_ in {"VERB", "AUX", "NOUN"}:
            return False
        prep = prep.head  # "in more than two years": through "than"
    if prep is None or prep.lower_ not in {"in", "for"}:
        return False
    ranked = [prep.head]
    if prep.i > 0:
        ranked.append(prep.doc[prep.i - 1])  # "will play its first home game in three years"
    return any(
        noun.pos_ == "NOUN"
        and any(c.dep_ == "amod" and c.lower_ in {"first", "last"} for c in noun.children)
        for noun in ranked
    )


NEXT_WORDS = re.compile(r"\s+the\s+(?:next|coming|following)\s*$")
RANGE = re.compile(r"^(?:the\s+)?[\w-]+\s+(?:to|or)\s+(?P<high>[\w-]+)\s", re.I)


def _upper(text: str, value: str) -> relativedelta | None:
    """The longer of a range of amounts ("within two to three months": by three months;
    the time tagger's value is the first, as TimeML has it)."""
    m = RANGE.match(text)
    if m is None:
        return None
    high = number(m["high"])
    return duration_delta(f"P{high}{value[-1]}") if isinstance(high, int) else None


FROM_NOW = (["from", "now"], ["from", "today"])


WEEKS_2 = 14
"""The longest count of days said as a day ("in ten days"); "in 90 days" is a month."""
ROUGHLY = ("less than", "about", "around", "roughly", "nearly")
"""Words between "in" and a span that leave it a span from now ("in roughly three months")."""


RANGED = re.compile(r"\b(or|to|next|coming)\b|[-–]")
"""A span said as a range or from now on ("a week or two", "the next two weeks")."""


def _counted_on(target: date, value: str, text: str) -> Due:
    """The day, month or year a duration from now reaches, as precise as its unit."""
    if value.endswith(("D", "W")):
        return Due(target, target, None, value, text)
    if value.endswith("M"):
        return Due(target.replace(day=1), target + relativedelta(day=31), None, value, text)
    return Due(date(target.year, 1, 1), date(target.year, 12, 31), None, value, text)


def _from_duration(
    ctx: Context,
    frame: Frame,
    tm: TimeMention,
    scored: list[tuple[int, int, TimeMention, Token | None]],
) -> Due | None:
    timex = tm.timex
    assert timex is not None
    before = NEXT_WORDS.sub("", words_before(ctx, tm.start))  # "within the next two months"
    if _looks_back(ctx, tm):
        return None  # "the first such meeting in two years": a span back, no date ahead
    word = before.split()[-1] if before.split() else ""
    # "the election is three weeks away", "the launch is just days away"
    after = re.findall(r"[a-z]+", words_after(ctx, tm.end).lower())
    away = after[:1] == ["away"]
    delta = duration_delta(timex.value)
    spans = before.split()[-1:] == ["for"]  # "for two years from today": how long, from now
    if delta is not None and not spans and (after[:2] in FROM_NOW or after[:1] == ["hence"]):
        # "a week from today": TimeML marks a duration and "today"; the day is counted on
        return _counted_on(ctx.anchor + delta, timex.value, tm.text)
    if delta is None:
        vague = VAGUE_AMOUNTS.get(timex.value)
        if vague is None or not (away or word in {"in", "within"}):
            return None
        return Due(ctx.anchor, ctx.anchor + vague, None, timex.value, tm.text, "by")
    if frame.outcome == "postpone" and word in {"by", "for", "least"}:
        dates = [
            other.timex
            for other in in_sentence(ctx, ctx.sentence_of(frame.verb))
            if other.timex is not None
            and other.timex.start is not None
            and other.timex.granularity not in SKIP_GRANULARITY | {"duration", "time"}
            and other.timex.start > ctx.anchor
            and not said_on(ctx, other)
        ]
        base = max((t.start for t in dates if t.start is not None), default=None)
        if base is None and ctx.anchor + delta > ctx.anchor + relativedelta(months=1):
            return None  # a long delay counts from a date the sentence does not give
        target = max(base or ctx.anchor, ctx.anchor) + delta
        more = before.endswith("at least") or timex.mod in MORE_MODS
        bound = "no_earlier_than" if more else None
        return Due(target, target, None, timex.value, tm.text, bound)
    if before.endswith(MORE_THAN):
        target = ctx.anchor + delta  # "in just over three months": from then, for a month
        return Due(target, target + relativedelta(months=1), None, timex.value, tm.text)
    if away or word in {"in", "within"} or before.endswith(tuple(f"in {w}" for w in ROUGHLY)):
        target = ctx.anchor + delta
        if word == "within":
            target = ctx.anchor + (_upper(tm.text, timex.value) or delta)
        if word == "within" or "less than" in before or timex.mod in LESS_MODS:
            return Due(ctx.anchor, target, None, timex.value, tm.text, "by")
        if timex.value.endswith("D") and "T" not in timex.value and delta.days <= WEEKS_2:
            # "in three days": that day; "in about ten days", "in ten days or so", "in two
            # or three days": the days around it (a longer count keeps its month)
            rough = before.endswith(ROUGHLY) or " or" in f" {tm.text} {after[:2]}"
            slack = timedelta(days=3 if rough or "or" in after[:1] else 0)
            start = max(target - slack, ctx.anchor)
            return Due(start, target + slack, None, timex.value, tm.text)
        weeks = timex.value.endswith("W") and "T" not in timex.value and delta.days <= WEEKS_2
        if weeks and not RANGED.search(
            f"{words_before(ctx, tm.start)[-12:]} {tm.text} {' '.join(after[:2])}"
        ):
            # "in a week's time", "in two weeks": the days around that day (a longer count
            # keeps its month)
            slack = timedelta(days=3)
            return Due(max(target - slack, ctx.anchor), target + slack, None, timex.value, tm.text)
        start = target.replace(day=1)
        return Due(start, start + relativedelta(months=1, days=-1), None, timex.value, tm.text)
    return None
