"""One tracked event for the follow-ups of one expected event.

Each expectation keeps its own follow-up (its article, its window); follow-ups about the
same event point to one tracked event, which the queue shows once and which one
resolution settles. Whether a follow-up is about an event is a score summed over what
they share, not a list of criteria that must all hold: the kind of event (a lexicon group,
the event noun), the participants (a name both name in the expectation's own clause counts
1, one borrowed from the headline or the sentence before 0.5), what their articles are
about (a name in both headlines or repeated in both, when the clauses share none), the
theme (a common-noun theme, "the carrier", stands for a name its article highlights, "INS
Vikrant"), and whether the event was still awaited when the follow-up's article was written.
Two verbs of different lexicon groups never join, whatever names they share; a named theme
the event never names and a common-noun theme beside the event's own count against: other
events of the same actors stay apart. Groups the lexicon lists as kin ("ratify", "vote",
"approve": one parliament's decision reported in other words) join only on shared names or
theme, and only when each side names the other's agent ("Peru's parliament" is not
"Chile's"). A follow-up joins the
event it scores highest with (at least ``JOIN_AT``), else starts one. Later windows join
too: a later expectation of the same event is its slip.

Grouping runs on follow-ups not yet grouped, before the queue or an update check reads
them (``assign_events``), so articles imported and suggested by any route are grouped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from db.followups import (
    FollowUpRow,
    followup_rows,
    names_in_articles,
    new_tracked_event,
    set_event,
    ungrouped_followup_ids,
)
from db.lexicon import lexicon_additions
from db.store import Store
from desktop.tracking.targets import (
    GENERIC_THEMES,
    VAGUE_THEMES,
    another_one,
    target_of,
)
from desktop.tracking.terms import same_name, tokens
from desktop.vocabulary import Lexicon, load_lexicon

JOIN_AT = 2.0
SAME_EVENT = 1.0
"""A lexicon group in common, a delay of a named thing ("*"), or an unknown verb whose
theme is the event's own noun ("the merger will go through")."""
TOPIC = 0.5
"""The two articles are about one thing (a name in both headlines or repeated in both),
when the clauses share no name."""
THEME = 1.5
NOUN = 1.0
OTHER_THING = -1.0
"""A common-noun theme the event's follow-ups do not name ("the Bond Street station" is
not the line it is on), unless two participants are shared, or one in full and no one
new acts: the Commission's "review" of the buyer's plans is not "the acquisition"."""
OTHER_NAMED_THING = -2.0
"""A named theme the event's follow-ups never name: the Roadster's production is not the
Cybertruck's, the crewed flight not the lunar mission's launch."""
NEW_AGENT = -1.0
"""Someone acts in the follow-up whom none of the event's follow-ups names ("Turkey will
receive the S-400" beside India's deliveries), unless two participants are shared."""
AWAITED = 0.5
"""The event was still awaited when the follow-up's article was written (its latest window
had not ended): a later window then is its slip."""
SAME_WINDOW = 0.25
"""The follow-up's window meets one of the event's: between two events of its kind, the one
due then ("the final roll call on Saturday" is the final vote due on Saturday, not the
procedural vote on Friday)."""
UNNAMED = 0.5
"""The follow-up names no one and its article repeats no name: nothing speaks against the
event of its kind."""
ANAPHOR = 0.5
"""The follow-up's event, read off its sentence, has no thing of its own, a noun ("the vote
would be held before 21 January", "the handover to the airline") or a pronoun ("it is set to
debut in January"): it refers to the awaited event of its kind, unless it names actors of its
own and none of the event's ("the voting in the Harari and Somali regions"). The same
holds the other way: an event whose follow-ups name no thing ("the deal will close in the
third quarter") is the one that a later "combination" of its kind refers to. A follow-up
made by hand has no reading, so it is no anaphor."""


@dataclass(frozen=True)
class _Follow:
    """What a pending follow-up brings to the comparison."""

    groups: frozenset[str]
    roles: list[tuple[str, str]]
    theme: str
    items: frozenset[str] = frozenset()
    """Names with digits ("S-400", "KC-46"): many buyers and deals share one."""
    known: bool = True
    """Its verb is in the event lexicon."""
    noun: str = ""
    common: bool = False
    proper_theme: bool = False
    """Its theme is a name the recogniser did not tag ("Cybertrucks")."""
    topics: frozenset[str] = frozenset()
    theme_groups: frozenset[str] = frozenset()
    """The lexicon groups of its theme when the theme is an event noun ("the merger")."""
    published: date | None = None
    due_end: date | None = None
    mentioned: frozenset[str] = frozenset()
    """Every name its article highlights: what a common-noun theme ("the carrier") may
    stand for."""
    qualifiers: frozenset[str] = frozenset()
    """Names that follow a common-noun theme's own word ("trials of INS Sagarika"): they
    qualify the thing, they are not it."""
    framed: bool = True
    """The expectation's event was read off its sentence (not a follow-up made by hand)."""
    theme_text: str = ""
    """The theme as written ("trials with MiG-29K jets")."""
    ordinal: str = ""
    """The rank its event is said in ("first", "second": "the second touchdown")."""
    source: int | None = None
    """The article it was read from."""
    window: tuple[date, date] | None = None
    """Its due window, when it has both ends."""

    @property
    def theme_names(self) -> list[str]:
        """The names that are its theme, its theme's own word when that is a name
        ("the first Cybertrucks")."""
        names = [n for r, n in self.roles if r == "theme"]
        return names or ([self.theme] if self.proper_theme else [])


@dataclass
class _Event:
    id: int
    groups: set[str] = field(default_factory=set)
    core: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    """Event nouns its follow-ups name ("plebiscite", "handover")."""
    theme_names: set[str] = field(default_factory=set)
    """Names that are its follow-ups' themes ("KC-46")."""
    common: set[str] = field(default_factory=set)
    """Its follow-ups' themes that are common nouns ("section", "station")."""
    topics: set[str] = field(default_factory=set)
    """What its follow-ups' articles are about (names in their headlines, or repeated)."""
    known: bool = False
    """One of its follow-ups' verbs is in the event lexicon."""
    due_end: date | None = None
    """The end of its latest window."""
    mentioned: set[str] = field(default_factory=set)
    """Every name its follow-ups' articles highlight."""
    next_one: bool = False
    """Its follow-ups speak of the next one of their thing ("the next Falcon Heavy")."""
    ordinals: set[str] = field(default_factory=set)
    """The ranks its follow-ups give their event ("first")."""
    windows: set[tuple[int, date, date]] = field(default_factory=set)
    """(article, start, end) of its follow-ups' windows."""
    framed: bool = False
    """One of its follow-ups' events was read off its sentence (not made by hand)."""

    def add(self, f: _Follow) -> None:
        self.groups |= f.groups
        self.framed = self.framed or f.framed
        if f.source is not None and f.window is not None:
            self.windows.add((f.source, *f.window))
        if f.ordinal:
            self.ordinals.add(f.ordinal)
        self.next_one = self.next_one or another_one(f.theme_text)
        self.mentioned |= f.mentioned
        if f.due_end is not None and (self.due_end is None or f.due_end > self.due_end):
            self.due_end = f.due_end
        self.known = self.known or f.known
        self.topics |= f.topics
        if f.common:
            self.common.add(f.theme)
        if f.noun:
            self.nouns.add(f.noun)
        for role, name in f.roles:
            (self.context if role == "context" else self.core).add(name)
            if role == "agent":
                self.agents.add(name)
            if role == "theme":
                self.theme_names.add(name)
        if f.theme and f.theme not in GENERIC_THEMES:
            self.themes.add(f.theme)


def _score(event: _Event, f: _Follow, lexicon: Lexicon | None = None) -> float:
    """How strongly a follow-up is about an event, summed over what they share: the event
    (a lexicon group), the participants (a name both name in the expectation's own clause
    counts 1, one borrowed from the headline or the sentence before 0.5, a model designation
    half unless it is the theme on both sides and no new agent acts), what the articles are
    about, the theme and the event noun. Two verbs of different lexicon groups, a new agent
    and another named or common theme count against; an unknown verb ("put the jet in the
    service's hands") joins only an event whose theme it names."""
    named = event.groups - {"*"}
    kin = (
        not (f.groups & named)
        and "*" not in f.groups
        and lexicon is not None
        and bool(lexicon.kin_of(f.groups) & named)
    )
    if kin and _other_agents(event, f.roles):
        return 0.0
    if _numbered_otherwise(f.theme, event.themes):
        return 0.0  # "Unit 4" is not "Unit 3", though the recogniser names both "Unit"
    if another_one(f.theme_text) and not event.next_one and _same_theme(f, event):
        return 0.0  # "the next Falcon Heavy" is not the Falcon Heavy awaited
    if f.ordinal and event.ordinals and f.ordinal not in event.ordinals:
        return 0.0  # "the second touchdown" is not the first
    if _said_apart(event, f):
        return 0.0  # "the procedural vote on Friday; the final vote on Saturday": two votes
    if f.groups & named or "*" in f.groups or (not f.known and f.theme_groups & named):
        score = SAME_EVENT
    elif kin or not f.known or not event.known:
        score = 0.0
    else:
        # both verbs known to the lexicon, no group (or kin) in common: another event of
        # the same actors and thing ("deliveries" of the truck whose "production" is due,
        # the reactor "connected" to the grid before its production starts), whatever
        # names they share
        return 0.0
    newcomer = _new_agent(event, f)
    names = 0.0
    one_kind = bool(f.known and f.groups & named)
    referred = False
    """A named theme on one side is what the other side's common-noun theme stands for
    (only between events of one kind: "the squadron" a jet reaches is not the jet)."""
    full = False
    """A participant both name in their own clauses (not an item, not borrowed)."""
    for role, name in dict.fromkeys(f.roles):
        weight = 1.0
        if name in f.items and (
            newcomer or role != "theme" or not any(_same_thing(name, n) for n in event.theme_names)
        ):
            weight = 0.5
        if any(same_name(name, n) for n in event.core):
            names += weight if role != "context" else 0.5
            # a name that only qualifies a common-noun theme ("sea trials of INS Sagarika")
            # is not the thing itself
            full = full or (weight == 1.0 and role != "context" and name not in f.qualifiers)
        elif (
            one_kind
            and role == "theme"
            and _stands_for(name, event.common, event.theme_names, event.mentioned)
        ):
            names += 1.0  # "INS Vikrant" where the event's articles name it "the carrier"
            referred = True
        elif any(same_name(name, n) for n in event.context):
            names += 0.5
        elif (
            one_kind
            and not f.theme
            and role == "context"
            and _stands_for(name, event.common, event.theme_names, event.mentioned)
        ):
            names += 0.5  # "its commissioning" under a headline naming what "the carrier" is
    if (
        one_kind
        and f.common
        and any(
            _stands_for(n, {f.theme}, set(f.theme_names), f.mentioned) for n in event.theme_names
        )
    ):
        referred = True  # "the carrier" in an article that names the event's "INS Vikrant"
    if one_kind and f.common and not names and any(_head_of(n, f.theme) for n in event.theme_names):
        names += 1.0  # "the truck" for the event's "Cybertruck", "the bridge" for "X Bridge"
        referred = True
    topic = any(same_name(a, b) for a in f.topics for b in event.topics)
    score += names + (TOPIC if topic and not names else 0.0)
    if not f.roles and not f.topics:
        score += UNNAMED
    awaited = f.published is not None and event.due_end is not None and f.published <= event.due_end
    if awaited:
        score += AWAITED
    if _same_window(event, f):
        score += SAME_WINDOW
    strangers = (
        any(r != "context" for r, _n in f.roles) and bool(event.core) and not names and not topic
    )
    anaphor = one_kind and awaited and not strangers and _anaphoric(event, f)
    if anaphor:
        score += ANAPHOR
    same_theme = bool(
        f.theme
        and f.theme not in GENERIC_THEMES
        and (
            _alike(f.theme, event.themes, lexicon)
            or any(_one_kind(f.theme, t, lexicon) for t in event.themes)
        )
    )
    same_theme = same_theme or referred
    if same_theme and _qualified_otherwise(event, f):
        same_theme = False
        score += OTHER_THING
    if same_theme and not strangers:
        score += THEME  # the same theme, unless both name people and none in common
    same_noun = bool(f.noun and f.noun in event.nouns)
    if same_noun and not strangers:
        score += NOUN  # "the plebiscite" again
    if newcomer and names < 2.0:
        score += NEW_AGENT
    shared = names >= 2.0 or (full and not newcomer)
    if not shared and not same_theme and f.common and event.common:
        score += 0.0 if _alike(f.theme, event.common, lexicon) else OTHER_THING
    if _other_named_thing(event, f):
        score += OTHER_NAMED_THING
    unnamed = not f.roles and not f.topics
    if not (names or same_theme or same_noun or unnamed or anaphor or "*" in f.groups):
        return 0.0  # the article's topic and the window only add to what the clauses share
    if (not f.known or not event.known) and not (f.groups & named) and "*" not in f.groups:
        themes = [n for r, n in f.roles if r == "theme"]
        named_theme = any(_same_thing(n, m) for n in themes for m in event.theme_names)
        if not (named_theme or same_theme or f.theme_groups & named):
            return 0.0
    if kin and score < JOIN_AT:
        return 0.0
    return score


def _anaphoric(event: _Event, f: _Follow) -> bool:
    """One side names no thing of its own ("the deal will close in the third quarter"),
    read off its sentence: it refers to the other side's thing ("the combination")."""
    if f.framed and f.theme in GENERIC_THEMES and not f.theme_names:
        return True  # not "the Route 2020 line", named
    return event.framed and not event.themes


def _said_apart(event: _Event, f: _Follow) -> bool:
    """One article that gives two windows apart, neither touching the other, speaks of two
    events (an article says when its one event is due once; an older plan it mentions is
    past, no follow-up)."""
    if f.source is None or f.window is None:
        return False
    start, end = f.window
    return any(
        source == f.source and (other_end < start or end < other_start)
        for source, other_start, other_end in event.windows
    )


def _same_window(event: _Event, f: _Follow) -> bool:
    if f.window is None:
        return False
    start, end = f.window
    return any(s <= end and start <= e for _source, s, e in event.windows)


def _same_theme(f: _Follow, event: _Event) -> bool:
    """The follow-up's theme is the event's, by its lemma or by a name both give it."""
    mine = [n for r, n in f.roles if r == "theme"]
    return f.theme in event.themes or any(same_name(n, m) for n in mine for m in event.theme_names)


def _numbered_otherwise(theme: str, themes: set[str]) -> bool:
    """The theme is one of the event's themes with another number ("unit 4" beside "unit
    3", "ariane 6" beside "ariane 5"): another thing of a series."""
    words = theme.split()
    numbers = {w for w in words if any(ch.isdigit() for ch in w)}
    if not numbers or theme in themes:
        return False
    rest = [w for w in words if w not in numbers]
    return any(
        [w for w in t.split() if not any(ch.isdigit() for ch in w)] == rest
        and {w for w in t.split() if any(ch.isdigit() for ch in w)} - numbers
        for t in themes
    )


def _stands_for(
    name: str, common: set[str], named: set[str], mentioned: set[str] | frozenset[str]
) -> bool:
    """A common-noun theme ("the carrier", "the ship") stands for a name its articles
    highlight, when that side names no theme of its own."""
    return bool(common) and not named and any(same_name(name, n) for n in mentioned)


def _head_of(name: str, common: str) -> bool:
    """A common noun that is a name's own last word ("truck" in "Cybertruck", "bridge" in
    "the Stonecutters Bridge"): the short way to refer to the named thing."""
    words = tokens(name)
    if not words or common in GENERIC_THEMES or len(common) < 4:
        return False
    last, noun = words[-1], tokens(common)[-1] if tokens(common) else common
    return last == noun or (len(last) > len(noun) and last.endswith(noun))


_THING_OF = re.compile(r"\b(?:of|with)(?: the| a| an| its| their)?\s*$", re.IGNORECASE)
"""A name after "of" or "with" says which thing it is ("trials with the jets"); one after
"at" or "to" says where it goes ("the first batch to Ambala")."""


def _qualified_otherwise(event: _Event, f: _Follow) -> bool:
    """The follow-up's common-noun theme is qualified by a name none of the event's
    follow-ups names ("the trials with the MiG-29K jets" beside "the sea trials"): the same
    word for another thing."""
    known = event.core | event.context
    own = [q for q in f.qualifiers if _THING_OF.search(f.theme_text.split(q)[0])]
    return bool(own) and not any(_same_thing(q, n) for q in own for n in known)


def _other_named_thing(event: _Event, f: _Follow) -> bool:
    """The follow-up's theme is a name that none of the event's follow-ups names, while
    theirs name one."""
    mine = f.theme_names
    known = event.core | event.context
    return bool(mine and event.theme_names) and not any(
        _same_thing(n, m) for n in mine for m in known
    )


def _same_thing(a: str, b: str) -> bool:
    """One name, or one designation ("S-400 Triumf", "the S-400": a word with digits in
    common; not a year, which "Expo 2020" and "Route 2020" share)."""
    if same_name(a, b):
        return True
    return bool(_marks(a) & set(tokens(b)))


YEAR = re.compile(r"(19|20)\d\d")


def _marks(name: str) -> set[str]:
    """The words of a name that designate a model or a unit: with digits, and no year."""
    return {t for t in tokens(name) if any(ch.isdigit() for ch in t) and not YEAR.fullmatch(t)}


def _new_agent(event: _Event, f: _Follow) -> bool:
    """Someone acts in the follow-up whom none of the event's follow-ups names."""
    known = event.core | event.context
    return any(r == "agent" and not any(same_name(n, m) for m in known) for r, n in f.roles)


def _other_agents(event: _Event, roles: list[tuple[str, str]]) -> bool:
    """Who acts on one side is not named on the other ("Peru's parliament will approve"
    against an event of Chile's parliament)."""
    names = [n for _r, n in roles]
    agents = [n for r, n in roles if r == "agent"]
    known = event.core | event.context
    return any(not any(same_name(a, n) for n in known) for a in agents) or any(
        not any(same_name(a, n) for n in names) for a in event.agents
    )


def _alike(theme: str, themes: set[str], lexicon: Lexicon | None) -> bool:
    """One of the event's themes, or a common noun for the same thing ("the carrier", "the
    ship"); once the event names a kind, another kind is another thing ("the frigate" is
    not "the carrier", though both are ships)."""
    if theme in themes:
        return True
    if lexicon is None:
        return False
    return any(lexicon.same_thing(theme, t) for t in themes) and not any(
        lexicon.other_kinds(theme, t) for t in themes
    )


def _one_kind(a: str, b: str, lexicon: Lexicon | None) -> bool:
    """Two themes that are event nouns of one lexicon group ("acquisition", "purchase")."""
    if lexicon is None or not lexicon.is_event_word(a):
        return False
    return bool(lexicon.groups_of(a) & lexicon.groups_of(b))


def common_theme(row: FollowUpRow) -> bool:
    """The theme is a common noun ("station"), not a name ("KC-46", "Elizabeth Line")."""
    lemma = row.theme_lemma
    if not lemma or lemma in GENERIC_THEMES:
        return False
    at = row.theme.lower().rfind(lemma[:4])
    return at >= 0 and row.theme[at : at + 1].islower()


def proper_theme(row: FollowUpRow) -> bool:
    """The theme's own word is written with a capital inside its phrase ("the first
    Cybertrucks"), not only at the start of a headline."""
    lemma = row.theme_lemma
    if not lemma or lemma in GENERIC_THEMES or not row.theme:
        return False
    at = row.theme.lower().rfind(lemma[:4])
    return at > 0 and row.theme[at : at + 1].isupper()


def _plain(name: str) -> str:
    return name.removesuffix("’s").removesuffix("'s").strip()


def topics_of(headline_end: int, names: list[tuple[str, int]]) -> frozenset[str]:
    """What an article is about: the names in its headline and the names it repeats."""
    seen: dict[str, int] = {}
    head: set[str] = set()
    for text, start in names:
        name = text.removesuffix("’s").removesuffix("'s").strip()
        if not name:
            continue
        seen[name.casefold()] = seen.get(name.casefold(), 0) + 1
        if start < headline_end:
            head.add(name)
    repeated = {
        text.removesuffix("’s").removesuffix("'s").strip()
        for text, _start in names
        if seen.get(text.removesuffix("’s").removesuffix("'s").strip().casefold(), 0) > 1
    }
    return frozenset(head | repeated)


def _key(row: FollowUpRow) -> tuple[date, int]:
    return (row.source_published or date.min, row.id)


def _follow(
    row: FollowUpRow,
    lexicon: Lexicon,
    topics: frozenset[str],
    mentioned: frozenset[str] = frozenset(),
) -> _Follow:
    t = target_of(row, lexicon, [], [])
    theme = row.theme_lemma
    return _Follow(
        groups=t.groups,
        roles=row.roles,
        theme=theme,
        items=frozenset(n for _r, n in row.roles if _marks(n)),
        known=any(g in lexicon.events for g in t.groups),
        noun=row.lemma if row.nominal else "",
        common=common_theme(row),
        proper_theme=proper_theme(row),
        topics=topics,
        theme_groups=lexicon.groups_of(theme)
        if theme and lexicon.is_event_word(theme)
        else frozenset(),
        published=row.source_published,
        due_end=row.due_end or row.review_date,
        mentioned=mentioned,
        qualifiers=_qualifiers(row)
        if common_theme(row) and row.theme_lemma not in VAGUE_THEMES
        else frozenset(),
        framed=bool(row.lemma),
        theme_text=row.theme,
        ordinal=_ordinal(row),
        source=row.source_article_id,
        window=(row.due_start, row.due_end) if row.due_start and row.due_end else None,
    )


ORDINALS = {
    "first": "first", "1st": "first", "second": "second", "2nd": "second", "third": "third",
    "3rd": "third", "fourth": "fourth", "4th": "fourth", "fifth": "fifth", "5th": "fifth",
}  # fmt: skip


def _ordinal(row: FollowUpRow) -> str:
    """The rank its question gives its event noun ("Will the second touchdown take place",
    "the second and final touchdown"), at most two words before it; not a rank of its
    window ("in the second quarter") nor of its thing ("its second lunar mission", one of a
    series, may be the mission its other articles name)."""
    if not row.nominal or not row.lemma:
        return ""
    found = re.search(
        rf"\b({'|'.join(ORDINALS)})\s+(?:\S+\s+){{0,2}}{re.escape(row.lemma[:5])}",
        row.question.lower(),
    )
    return ORDINALS[found.group(1)] if found else ""


def _qualifiers(row: FollowUpRow) -> frozenset[str]:
    """The theme's names written after its own word ("sea trials of INS Sagarika"); not
    after a word that names no thing ("production at Olkiluoto 3" is the plant's)."""
    text = row.theme.lower()
    head = text.rfind(row.theme_lemma[:4])
    return frozenset(
        n for r, n in row.roles if r == "theme" and head >= 0 and text.find(n.lower()) > head
    )


def group_rows(
    rows: list[FollowUpRow],
    pending: set[int],
    lexicon: Lexicon,
    topics: dict[int, frozenset[str]] | None = None,
    mentioned: dict[int, frozenset[str]] | None = None,
) -> dict[int, int | None]:
    """For each pending follow-up id, the id of the event (existing, or a negative
    placeholder for a new one) it joins. ``topics``: what each source article is about
    (by article id); ``mentioned``: every name each source article highlights."""
    about = topics or {}
    named = mentioned or {}

    def follow(row: FollowUpRow) -> _Follow:
        aid = row.source_article_id
        return _follow(row, lexicon, about.get(aid, frozenset()), named.get(aid, frozenset()))

    events: dict[int, _Event] = {}
    for row in rows:
        if row.event_id is not None and row.id not in pending:
            f = follow(row)
            events.setdefault(row.event_id, _Event(row.event_id)).add(f)
    placed: dict[int, int | None] = {}
    fresh = -1
    waiting = sorted((r for r in rows if r.id in pending), key=_key)
    while waiting:
        # of one article's follow-ups, the one that fits an event best joins first: its
        # other follow-ups are then said apart from that event ("the committee will take it
        # up on 26 December; the chamber will not vote until January")
        article = [r for r in waiting if r.source_article_id == waiting[0].source_article_id]
        follows = {r.id: follow(r) for r in article}
        scored = [
            (_score(e, follows[r.id], lexicon), -i, r, e.id)
            for i, r in enumerate(article)
            for e in events.values()
        ]
        best = max(scored, default=None, key=lambda x: (x[0], x[1]))
        if best is not None and best[0] >= JOIN_AT:
            row, chosen = best[2], best[3]
        else:
            row = article[0]
            chosen, fresh = fresh, fresh - 1
            events[chosen] = _Event(chosen)
        events[chosen].add(follows[row.id])
        placed[row.id] = chosen
        waiting.remove(row)
    return placed


def assign_events(store: Store) -> int:
    """Group the follow-ups that have no tracked event yet; how many were grouped."""
    with store.session() as session:
        pending = set(ungrouped_followup_ids(session))
    if not pending:
        return 0

    def work(session: Session) -> int:
        pending = set(ungrouped_followup_ids(session))
        rows = followup_rows(session, as_of=date.max)
        lexicon = load_lexicon(lexicon_additions(session))
        names = names_in_articles(session, list({r.source_article_id for r in rows}))
        topics = {aid: topics_of(head, found) for aid, (head, found) in names.items()}
        mentioned = {
            aid: frozenset(_plain(t) for t, _s in found) for aid, (_h, found) in names.items()
        }
        placed = group_rows(rows, pending, lexicon, topics, mentioned)
        by_id = {r.id: r for r in rows}
        real: dict[int, int] = {}
        for followup_id, event in placed.items():
            if event is None:
                continue
            if event < 0 and event not in real:
                row = by_id[followup_id]
                real[event] = new_tracked_event(
                    session, label=row.question, event_group=row.event_group or row.lemma
                )
            set_event(session, followup_ids=[followup_id], event_id=real.get(event, event))
        return len(placed)

    return store.write(work)


def one_per_event(rows: list[FollowUpRow], per_bucket: bool = False) -> list[FollowUpRow]:
    """One row per tracked event (per queue bucket when ``per_bucket``): the follow-up of
    the first article that stated it (its restatements are counted in ``event_size``)."""
    chosen: dict[object, FollowUpRow] = {}
    for r in rows:
        key: object = r.event_id if r.event_id is not None else ("followup", r.id)
        if per_bucket:
            key = (key, r.bucket)
        kept = chosen.get(key)
        if kept is None or _key(r) < _key(kept):
            chosen[key] = r
    keep = {id(r) for r in chosen.values()}
    return [r for r in rows if id(r) in keep]
