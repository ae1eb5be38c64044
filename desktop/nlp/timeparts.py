"""The pieces a due window is made of: where a time expression hangs in the parse, the
words around it, and repairs for what the time tagger leaves open (a bare month it put in
the past although the clause looks ahead, "autumn next year" read as the year alone, "next
year" beside the dates it qualifies)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from desktop.nlp.cues import CAUSATIVES
from desktop.nlp.tense import as_planned
from desktop.nlp.timex import resolve
from desktop.nlp.words import false_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from desktop.nlp.context import Context
    from desktop.nlp.expectations import TimeMention
    from desktop.nlp.frames import Frame
    from desktop.nlp.timex import Timex

SKIP_GRANULARITY = {"present_ref", "past_ref"}
PERIOD_WORDS = {
    "spring", "summer", "autumn", "fall", "winter", "early", "late", "mid", "the", "end",
    "of", "start", "beginning", "middle", "first", "second", "half",
}  # fmt: skip
PAST_WORDS = {"last", "ago", "yesterday", "earlier", "previous", "past", "recently", "this"}


def month_after(start: date) -> date:
    return start + relativedelta(months=1, days=-1)


def first_month(start: date, end: date) -> tuple[date, date]:
    """A no-earlier-than bound points at the start of its period."""
    if (end - start).days > 31:
        return start, min(end, month_after(start))
    return start, end


def span_root(ctx: Context, tm: TimeMention) -> Token | None:
    span = ctx.doc.char_span(tm.start, tm.end, alignment_mode="expand")
    return span.root if span is not None else None


LIMIT_PREPS = {"before", "by", "until", "till"}
"""Prepositions of a limit set by another dated event ("before the May 14 elections",
"ahead of the July 18 deadline")."""


def distance(root: Token, targets: set[int], ctx: Context) -> int | None:
    """Steps from the time's root up to the event's words; a time reached through
    another verb or another event noun belongs to that one ("announce a May 26 start")."""
    node, steps = root, 0
    while steps < 10:
        if node.i in targets:
            return steps
        head = node.head
        if head.i == node.i:
            return None
        premodifier = node.dep_ in {"compound", "nmod", "amod", "nummod", "poss"}
        if as_planned(head):
            node, steps = head.head, steps + 2  # "held as planned on 25 October"
            continue
        if temporal_clause(head) is not None or when_clause(head):
            node, steps = head.head, steps + 2  # "before leaders meet on July 11"
            continue
        if _what_it_allows(head) or names_a_time(head):
            node, steps = head, steps + 1  # "open a bubble allowing travel from 26 May"
            continue
        limit = head.dep_ == "pobj" and head.head.lower_ in LIMIT_PREPS
        if head.i not in targets and (
            (head.pos_ in {"VERB", "AUX"} and not false_infinitive(head))
            or (
                premodifier
                and head.pos_ == "NOUN"
                and ctx.lexicon.is_event_word(head.lemma_)
                and not limit  # "before the May 14 elections": the date limits this event
            )
        ):
            return None
        node, steps = head, steps + 1
    return None


WEEK_STARTS = frozenset({"begin", "start", "commence"})


SPANS = frozenset({"window", "period", "slot"})
SPAN_VERBS = frozenset({"open", "run", "close", "last", "extend", "stretch", "end"})


def names_a_time(token: Token) -> bool:
    """ "the week beginning 24 January": the participle says which week; "a launch window
    that opens on 13 July and runs to the end of the month", "a window running from 12 May
    to 3 June": what a window or period does says when it is. Neither is an event."""
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ != "VBG":
        return False
    lemma = token.lemma_.lower()
    if token.tag_ == "VBG" and token.i > 0 and token.nbor(-1).lemma_.lower() in {"week", "weekend"}:
        return lemma in WEEK_STARTS
    if lemma not in SPAN_VERBS:
        return False
    verb = token
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head  # "opens on 13 July and runs to the end of the month"
    if verb.dep_ in {"acl", "relcl"}:
        return verb.head.lemma_.lower() in SPANS
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.lemma_.lower() in SPANS


def _what_it_allows(verb: Token) -> bool:
    """A participle of a causative on the event's object: what the event allows starts
    when the event does ("will open a bubble allowing travel from 26 May")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_.lower() in CAUSATIVES


def before_reporter(
    ctx: Context, frame: Frame, chain: list[Token], sent: Span
) -> list[tuple[int, int, TimeMention, Token | None]]:
    """ "is aiming to launch the mission, Chandrayaan-2, in April, officials said": the
    parser hangs "in April" on "said"; a time between the event and a reporting verb
    that governs it belongs to the event."""
    top = max(chain, key=lambda t: len(list(t.ancestors)) * -1)
    reporter = top.head
    if reporter.i == top.i or reporter.lemma_.lower() not in REPORTERS or reporter.i < frame.verb.i:
        return []
    found: list[tuple[int, int, TimeMention, Token | None]] = []
    for tm in in_sentence(ctx, sent):
        root = span_root(ctx, tm)
        if root is None or not (frame.verb.idx < tm.start < reporter.idx):
            continue
        if distance(root, {reporter.i}, ctx) is not None:
            found.append((9, tm.start, forward(ctx, tm, False), root))
    return found


def finer_first(
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


TEMPORAL_MARKS = {"before": "before", "until": "before", "till": "before", "after": "after",
                  "once": "after"}  # fmt: skip
"""Subordinators of a clause that dates the event of the clause it modifies, and the bound
it puts on it."""
ENDING = {"end", "expire", "lapse", "close", "run"}
"""Verbs of a period that ends: before it ends on a date is by that date."""


def temporal_clause(token: Token) -> str | None:
    """The bound a temporal clause puts on the verb it modifies ("will sign off before
    leaders meet on July 11": before), or None when ``token`` heads no such clause. Its
    own event is a point in time for the other one, not an expectation of its own."""
    if token.dep_ == "advcl" and token.head.i != token.i:
        for c in token.children:
            if c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS:
                mark = TEMPORAL_MARKS[c.lower_]
                if mark == "before" and token.lemma_.lower() in ENDING:
                    return "by"  # "before its financial year ends on June 30": by then
                return mark
    return None


def when_clause(token: Token) -> bool:
    """A clause that gives the time of the event it modifies ("will sign the contract
    when they meet in October": in October)."""
    return (
        token.dep_ == "advcl"
        and token.head.i != token.i
        and any(c.dep_ in {"advmod", "mark"} and c.lower_ == "when" for c in token.children)
    )


def clause_bound(root: Token, targets: set[int]) -> str | None:
    """The bound of the temporal clause a time reaches the event through, if any."""
    node, steps = root, 0
    while steps < 10 and node.i not in targets and node.head.i != node.i:
        mark = temporal_clause(node)
        if mark is not None:
            return mark
        node, steps = node.head, steps + 1
    return None


def words_before(ctx: Context, start: int, n: int = 28) -> str:
    return " ".join(ctx.text[max(0, start - n) : start].lower().split())


def words_after(ctx: Context, end: int, n: int = 22) -> str:
    return " ".join(ctx.text[end : end + n].lower().split())


def duration_delta(value: str) -> relativedelta | None:
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


def in_sentence(ctx: Context, sent: Span) -> list[TimeMention]:
    return [
        tm
        for tm in ctx.times
        if tm.timex is not None and sent.start_char <= tm.start and tm.end <= sent.end_char
    ]


def forward(ctx: Context, tm: TimeMention, weekdays: bool) -> TimeMention:
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


def of_year(ctx: Context, tm: TimeMention) -> TimeMention:
    """ "December of next year": the tagger resolved the month alone, in the wrong year;
    the year that follows it after "of" places it."""
    timex = tm.timex
    if timex is None or timex.granularity not in {"month", "season", "day"}:
        return tm
    if not ctx.text[tm.end : tm.end + 4].lower().startswith(" of "):
        return tm
    year = next(
        (
            other.timex
            for other in ctx.times
            if other.start == tm.end + 4
            and other.timex is not None
            and other.timex.granularity == "year"
            and other.timex.start is not None
        ),
        None,
    )
    if year is None or year.start is None or timex.start is None:
        return tm
    found = resolve(f"{tm.text} {year.start.year}", ctx.anchor, "future")
    if found is None or found.start is None or found.start.year != year.start.year:
        return tm
    return replace(tm, timex=found)


def _says_its_year(text: str) -> bool:
    """ "24 July next year", "1 March 2025": a date that names its year (``text``: the date
    and the words right after it, where the tagger leaves "next year" out)."""
    words = text.lower().replace(",", " ").replace(".", " ").split()[:5]
    return "year" in words or any(w.isdigit() and len(w) == 4 for w in words)


def in_year_of_earlier(ctx: Context, tm: TimeMention) -> TimeMention:
    """ "will open on 24 July next year and run until 9 August": a bare day or month after
    a date of the same sentence that names its year, which it would otherwise fall before,
    is in that date's year (the tagger resolved it alone, in this year)."""
    timex = tm.timex
    if timex is None or timex.granularity not in {"month", "day"} or timex.start is None:
        return tm
    if any(w.isdigit() and len(w) == 4 for w in tm.text.replace(",", " ").split()):
        return tm
    span = ctx.doc.char_span(tm.start, tm.end, alignment_mode="expand")
    if span is None:
        return tm
    sent = span.sent
    earlier = [
        other.timex
        for other in ctx.times
        if sent.start_char <= other.start
        and other.end <= tm.start
        and other.timex is not None
        and other.timex.granularity in {"month", "day"}
        and other.timex.start is not None
        and _says_its_year(ctx.doc.text[other.start : other.end + 15])
    ]  # not "plans starting on 1 January are set to close on 15 December": both bare
    if not earlier:
        return tm
    last = max(earlier, key=lambda t: t.start or date.min)
    assert last.start is not None
    if timex.start >= last.start or timex.start.year >= last.start.year:
        return tm
    found = resolve(f"{tm.text} {last.start.year}", ctx.anchor, "future")
    if found is None or found.start is None or found.start < last.start:
        return tm
    return replace(tm, timex=found)


def extend_left(ctx: Context, tm: TimeMention) -> TimeMention:
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


def same_year(first: Timex, second: Timex, text: str) -> Timex | None:
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


def said_on(ctx: Context, tm: TimeMention) -> bool:
    """The time the statement was made ("said at a news conference Saturday")."""
    root = span_root(ctx, tm)
    node = root
    for _ in range(4):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node.lemma_.lower() in REPORTERS
    return False
