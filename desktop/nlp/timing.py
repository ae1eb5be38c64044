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

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from desktop.nlp.timex import resolve

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from desktop.nlp.expectations import TimeMention
    from desktop.nlp.frames import Context, Frame
    from desktop.nlp.timex import Timex

VAGUE_REVIEW = timedelta(days=182)
DEADLINE_WORDS = {"by", "before", "ahead"}
LOWER_BOUND_WORDS = {"until", "till", "til", "after", "beyond", "from", "since"}
LOWER_PHRASES = (
    "no earlier than", "not earlier than", "no sooner than", "not before", "as early as",
    "as soon as", "at the earliest", "or later", "earliest", "not until", "no sooner",
)  # fmt: skip
UPPER_PHRASES = ("at the latest", "no later than", "not later than", "or earlier", "at most")
SKIP_GRANULARITY = {"present_ref", "past_ref"}
PERIOD_WORDS = {
    "spring", "summer", "autumn", "fall", "winter", "early", "late", "mid", "the", "end",
    "of", "start", "beginning", "middle", "first", "second", "half",
}  # fmt: skip
PAST_WORDS = {"last", "ago", "yesterday", "earlier", "previous", "past", "recently", "this"}


@dataclass
class Due:
    start: date | None = None
    end: date | None = None
    review: date | None = None
    value: str | None = None
    text: str | None = None
    bound: str | None = None
    """'by', 'no_earlier_than', 'between', or None for a plain period."""
    clears_negation: bool = False
    """"will not open until autumn" is a bound, not a negated event."""
    alternatives: list[dict[str, Any]] = field(default_factory=list)

    @property
    def dated(self) -> bool:
        return self.end is not None or self.start is not None


def _month_after(start: date) -> date:
    return start + relativedelta(months=1, days=-1)


def _first_month(start: date, end: date) -> tuple[date, date]:
    """A no-earlier-than bound points at the start of its period."""
    if (end - start).days > 31:
        return start, min(end, _month_after(start))
    return start, end


def _span_root(ctx: Context, tm: TimeMention) -> Token | None:
    span = ctx.doc.char_span(tm.start, tm.end, alignment_mode="expand")
    return span.root if span is not None else None


def _distance(root: Token, targets: set[int], ctx: Context) -> int | None:
    """Steps from the time's root up to the event's words; a time reached through
    another verb or another event noun belongs to that one ("announce a May 26 start")."""
    node, steps = root, 0
    while steps < 10:
        if node.i in targets:
            return steps
        head = node.head
        if head is node:
            return None
        premodifier = node.dep_ in {"compound", "nmod", "amod", "nummod", "poss"}
        if _as_planned(head):
            node, steps = head.head, steps + 2  # "held as planned on 25 October"
            continue
        if head.i not in targets and (
            head.pos_ in {"VERB", "AUX"}
            or (premodifier and head.pos_ == "NOUN" and ctx.lexicon.is_event_word(head.lemma_))
        ):
            return None
        node, steps = head, steps + 1
    return None


def _before_reporter(
    ctx: Context, frame: Frame, chain: list[Token], sent: Span
) -> list[tuple[int, int, TimeMention, Token | None]]:
    """ "is aiming to launch the mission, Chandrayaan-2, in April, officials said": the
    parser hangs "in April" on "said"; a time between the event and a reporting verb
    that governs it belongs to the event."""
    top = max(chain, key=lambda t: len(list(t.ancestors)) * -1)
    reporter = top.head
    if reporter is top or reporter.lemma_.lower() not in REPORTERS or reporter.i < frame.verb.i:
        return []
    found: list[tuple[int, int, TimeMention, Token | None]] = []
    for tm in _in_sentence(ctx, sent):
        root = _span_root(ctx, tm)
        if root is None or not (frame.verb.idx < tm.start < reporter.idx):
            continue
        if _distance(root, {reporter.i}, ctx) is not None:
            found.append((9, tm.start, _forward(ctx, tm, False), root))
    return found


def _finer_first(
    usable: list[tuple[int, int, TimeMention, Token | None]],
) -> list[tuple[int, int, TimeMention, Token | None]]:
    """ "between January 3 and the end of March next year": "next year" only says which
    year; the dates inside it come first."""
    if len(usable) < 2:
        return usable
    first = usable[0][2].timex
    if first is None or first.granularity != "year" or first.start is None or first.end is None:
        return usable
    for i, item in enumerate(usable[1:], 1):
        t = item[2].timex
        if (
            item[0] <= usable[0][0] + 2
            and t is not None
            and t.granularity not in {"year", "duration", "future_ref"}
            and t.start is not None
            and first.start <= t.start <= first.end
        ):
            return [item, *usable[:i], *usable[i + 1 :]]
    return usable


def _as_planned(token: Token) -> bool:
    return (
        token.dep_ == "advcl"
        and token.lemma_.lower() in {"plan", "schedule", "expect", "announce", "agree"}
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
    )


def _words_before(ctx: Context, start: int, n: int = 28) -> str:
    return " ".join(ctx.text[max(0, start - n) : start].lower().split())


def _words_after(ctx: Context, end: int, n: int = 22) -> str:
    return " ".join(ctx.text[end : end + n].lower().split())


def _bound(
    ctx: Context, tm: TimeMention, root: Token | None, negated: bool, delay: bool
) -> str | None:
    before = _words_before(ctx, tm.start, 40)
    words = before.split()
    while words and words[-1].strip("‘’'\"“”") in PERIOD_WORDS:
        words.pop()  # "until autumn next year": the tagger took "next year" alone
    before = " ".join(w.strip("‘’'\"“”") for w in words)
    after = _words_after(ctx, tm.end)
    last = words[-1].strip("‘’'\"“”") if words else ""
    prep = root.head.lower_ if root is not None and root.dep_ == "pobj" else last
    if prep in {"until", "till", "til", "to", "into"} and delay and not negated:
        return None  # "delayed until the first half of 2022": the new period itself
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
    if bound == "by":
        return ctx.anchor, end
    if bound == "before":
        cut = end if timex.mod == "END" else start - timedelta(days=1)
        return ctx.anchor, cut
    if bound == "after":
        first = end + timedelta(days=1)
        return first, _month_after(first)
    if bound == "no_earlier_than":
        return _first_month(start, end)
    return max(start, ctx.anchor) if end >= ctx.anchor else start, end


def _duration_delta(value: str) -> relativedelta | None:
    if not value.startswith("P") or value.startswith("PT") or "X" in value:
        return None
    try:
        amount, unit = float(value[1:-1]), value[-1]
    except ValueError:
        return None
    whole = int(amount)
    return {
        "Y": relativedelta(years=whole),
        "M": relativedelta(months=whole),
        "W": relativedelta(weeks=whole),
        "D": relativedelta(days=whole),
    }.get(unit)


DELAY_PREPS = {"to", "until", "till", "til", "into", "for", "beyond", "after", "by", "least"}


def _after_delay_word(ctx: Context, tm: TimeMention) -> bool:
    """A delay's new date follows "to", "until", "into", "for", "beyond" (or "by" a
    duration); a bare date near a delay is the date it gave up ("the bubble scheduled to
    begin on May 26 will be postponed")."""
    words = [w.strip("‘’'\"“”") for w in _words_before(ctx, tm.start, 40).split()]
    while words and (
        words[-1] in PERIOD_WORDS | {"", "a", "at", "on", "am", "pm", "a.m.", "p.m.", "ist", "et"}
        or any(ch.isdigit() for ch in words[-1])
    ):
        words.pop()  # "rescheduled for 2.43 pm on July 22"
    return bool(words) and words[-1] in DELAY_PREPS


def _usable(tm: TimeMention, ctx: Context) -> bool:
    timex = tm.timex
    if timex is None or timex.granularity in SKIP_GRANULARITY | {"time"}:
        return False  # a clock time alone is anchored to the article's day by the tagger
    if timex.granularity == "duration":
        return True
    if timex.granularity == "future_ref":
        return True
    return timex.end is not None and timex.end >= ctx.anchor


def _in_sentence(ctx: Context, sent: Span) -> list[TimeMention]:
    return [
        tm
        for tm in ctx.times
        if tm.timex is not None and sent.start_char <= tm.start and tm.end <= sent.end_char
    ]


def _forward(ctx: Context, tm: TimeMention, weekdays: bool) -> TimeMention:
    """A bare month, weekday or season that the tagger put in the past, read forward: the
    clause looks ahead ("officials said the terminal would open in May")."""
    timex = tm.timex
    if timex is None or timex.end is None or timex.end >= ctx.anchor:
        return tm
    words = set(tm.text.lower().replace(",", " ").split())
    if any(w.isdigit() and len(w) == 4 for w in words) or words & PAST_WORDS:
        return tm
    if not weekdays and (ctx.anchor - timex.end).days < 14:
        return tm  # "said on Thursday": a recent day stays where it is
    ahead = resolve(tm.text, ctx.anchor, "future")
    if ahead is None or ahead.start is None or ahead.start < ctx.anchor:
        return tm
    return replace(tm, timex=ahead)


SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
REPORTERS = {"say", "tell", "announce", "report", "state", "confirm", "add", "reveal"}


def _extend_left(ctx: Context, tm: TimeMention) -> TimeMention:
    """ "autumn next year", "first half 2022": the tagger resolved the year alone; the
    season or half before it narrows the window."""
    timex = tm.timex
    if timex is None or timex.granularity != "year" or timex.start is None or timex.mod:
        return tm
    words = ctx.text[max(0, tm.start - 24) : tm.start].split()
    words = [w.strip("‘’'\"“”(").lower() for w in words]
    year = timex.start.year
    tries: list[tuple[int, str]] = []
    if words and words[-1] in SEASONS:
        tries.append((1, f"{words[-1]} {year}"))
    if len(words) >= 2 and words[-1] == "half" and words[-2] in {"first", "second"}:
        tries.append((2, f"the {words[-2]} half of {year}"))
    for n, text in tries:
        found = resolve(text, ctx.anchor, "future")
        if found is not None and found.start is not None and found.start >= timex.start:
            cut = ctx.text.rfind(words[-n][:3], 0, tm.start)
            start = cut if cut >= 0 else tm.start
            return replace(tm, start=start, text=ctx.text[start : tm.end], timex=found)
    return tm


def due_for(
    ctx: Context,
    frame: Frame,
    chain: list[Token],
    negated: bool,
    prospective: bool = True,
    weekdays: bool = False,
) -> Due:
    """The due window of the event ``frame`` (``chain``: the words of its construction);
    ``prospective`` when the clause looks ahead (a bare month the tagger put in the past
    is read forward; ``weekdays`` too for a weekday, as in the simple present of a
    schedule)."""
    sent = frame.verb.sent
    own = {frame.verb.i} | ({frame.anchor.i} if frame.outcome != "postpone" else set())
    targets = {t.i for t in chain} | own
    scored: list[tuple[int, int, TimeMention, Token | None]] = []
    for tm in _in_sentence(ctx, sent):
        root = _span_root(ctx, tm)
        if root is None:
            continue
        dist = _distance(root, targets, ctx)
        if dist is None:
            continue
        if _distance(root, own, ctx) is None:
            dist += 3  # on the cue ("said on Thursday they expect ..."): the event's own first
        tm = _extend_left(ctx, tm)
        scored.append((dist, tm.start, _forward(ctx, tm, weekdays) if prospective else tm, root))
    if not any(_usable(s[2], ctx) for s in scored):
        scored += _before_reporter(ctx, frame, chain, sent)
    scored.sort(key=lambda x: (x[0], x[1]))
    usable = _finer_first([s for s in scored if _usable(s[2], ctx)])
    if frame.outcome == "postpone":
        usable = [s for s in usable if _after_delay_word(ctx, s[2])]
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
        bound = _bound(ctx, tm, root, negated, frame.outcome == "postpone")
        if bound == "old":
            continue
        window = _window(ctx, tm, bound)
        if window is None:
            continue
        due = Due(window[0], window[1], None, timex.value, tm.text, bound)
        due.clears_negation = negated and bound in {"no_earlier_than", "after"}
        _widen(ctx, due, tm, root, [s for s in usable if s[0] <= dist + 1])
        return due
    future = next(
        (s for s in scored if s[2].timex and s[2].timex.granularity == "future_ref"), None
    )
    if future is not None:
        return Due(review=ctx.anchor + VAGUE_REVIEW, value="FUTURE_REF", text=future[2].text)
    return Due(review=ctx.anchor + VAGUE_REVIEW)


def _widen(
    ctx: Context,
    due: Due,
    tm: TimeMention,
    root: Token | None,
    near: list[tuple[int, int, TimeMention, Token | None]],
) -> None:
    """ "between A and B", "from A to B", "A or B", "A, or B at the latest": one span."""
    for _dist, _pos, other, _other_root in near:
        # the time taken is the second of the two: "January, or February at the latest"
        if other is tm or other.timex is None or other.timex.start is None or other.end > tm.start:
            continue
        gap = ctx.text[other.end : tm.start].lower().strip(" ,")
        if gap in {"or", "and", "to", "-", "–"} and other.timex.start >= ctx.anchor:
            due.start = other.timex.start
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
        if first.start > other_end or (other_end - first.start).days > 400:
            first = _same_year(first, other.timex, tm.text)
            if first is None:
                return
            due.start = max(first.start or ctx.anchor, ctx.anchor)
        if other_end >= (due.end or ctx.anchor):
            due.end = other.timex.end
            due.start = due.start or ctx.anchor
            if due.bound == "no_earlier_than":
                assert tm.timex is not None and tm.timex.start is not None
                due.start = tm.timex.start
            due.bound = "between" if due.bound in {None, "between"} else due.bound
            due.value = f"{due.value}/{other.timex.value}"
            due.text = f"{due.text}{ctx.text[tm.end : other.end]}"
        return


def _same_year(first: Timex, second: Timex, text: str) -> Timex | None:
    """ "between September and December 2021": the first month takes the second's year."""
    if any(w.isdigit() and len(w) == 4 for w in text.split()) or second.start is None:
        return None
    if first.start is None or first.end is None:
        return None
    years = second.start.year - first.start.year
    try:
        start, end = (
            first.start.replace(year=first.start.year + years),
            first.end.replace(year=first.end.year + years),
        )
    except ValueError:
        return None
    if start > second.start:
        return None
    return replace(first, start=start, end=end)


def _said_on(ctx: Context, tm: TimeMention) -> bool:
    """The time the statement was made ("said at a news conference Saturday")."""
    root = _span_root(ctx, tm)
    node = root
    for _ in range(4):
        if node is None or node.head is node:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node.lemma_.lower() in REPORTERS
    return False


def _from_duration(
    ctx: Context,
    frame: Frame,
    tm: TimeMention,
    scored: list[tuple[int, int, TimeMention, Token | None]],
) -> Due | None:
    timex = tm.timex
    assert timex is not None
    delta = _duration_delta(timex.value)
    if delta is None:
        return None
    before = _words_before(ctx, tm.start)
    word = before.split()[-1] if before.split() else ""
    if frame.outcome == "postpone" and word in {"by", "for", "least"}:
        dates = [
            other.timex
            for other in _in_sentence(ctx, frame.verb.sent)
            if other.timex is not None
            and other.timex.start is not None
            and other.timex.granularity not in SKIP_GRANULARITY | {"duration", "time"}
            and other.timex.start > ctx.anchor
            and not _said_on(ctx, other)
        ]
        base = max((t.start for t in dates if t.start is not None), default=None)
        if base is None and ctx.anchor + delta > ctx.anchor + relativedelta(months=1):
            return None  # a long delay counts from a date the sentence does not give
        target = max(base or ctx.anchor, ctx.anchor) + delta
        bound = "no_earlier_than" if before.endswith("at least") else None
        return Due(target, target, None, timex.value, tm.text, bound)
    if word in {"in", "within"} or before.endswith(("in less than", "in about", "in around")):
        target = ctx.anchor + delta
        if word == "within" or "less than" in before:
            return Due(ctx.anchor, target, None, timex.value, tm.text, "by")
        start = target.replace(day=1)
        return Due(start, start + relativedelta(months=1, days=-1), None, timex.value, tm.text)
    return None
