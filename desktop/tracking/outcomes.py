"""What a later article says became of a follow-up's event, read off its event reports.

A report counts when it is about the same event (a shared lexicon group, and shared
participants or theme) and says something definite: done (``happened``), cancelled, not
done (``did_not_happen``), or postponed. A later article that still expects the event
with a window that ends later than the follow-up's is a postponement to that window,
with or without a delay word; a window inside the follow-up's is a restatement and
settles nothing. A scrub or a cancellation next to a new date is a postponement.
Hedges, conditions, questions, demands and denials were read as ``uncertain`` and settle
nothing. The thing may be reported under its own name ("The Queen Mary Hospital opened",
for "will open its new hospital") in an article that names the follow-up's actors, and a
body's vote by its result ("the Bundesrat approved the law"), the lexicon's kin groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from db.models import EventReport
from desktop.tracking.targets import (
    BEGINNINGS,
    VAGUE_THEMES,
    Target,
    another_one,
    held_occasion,
    in_state,
)
from desktop.tracking.targets import GENERIC_THEMES as NAMED_NOTHING
from desktop.tracking.terms import PREPOSITIONS, has_form, shared, surface_forms, tokens
from desktop.vocabulary import file_lexicon

PRIORITY = {"happened": 5, "postponed+": 4, "cancelled": 3, "did_not_happen": 2, "postponed": 1}
"""Which of an article's findings wins: a new window beats a scrub next to it."""
SAME_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Finding:
    state: str
    window: tuple[date | None, date | None] | None
    strength: float
    quote: str
    names: tuple[str, ...] = ()
    on: date | None = None
    """The day a happened event was done, as its report says."""

    @property
    def rank(self) -> int:
        key = "postponed+" if self.state == "postponed" and self.window else self.state
        return PRIORITY.get(key, 0)


STRONG_ROLES = {"agent", "theme"}


def _groups(report: EventReport) -> set[str]:
    return {g for g in report.event_group.split() if g} or {report.lemma}


def roles(report: EventReport) -> list[tuple[str, str]]:
    """(name, role) of a report's participants (older rows hold bare names)."""
    out: list[tuple[str, str]] = []
    for p in report.participants or []:
        if isinstance(p, str):
            out.append((p, "participant"))
        elif isinstance(p, list | tuple) and len(p) == 2:
            out.append((str(p[0]), str(p[1])))
    return out


@dataclass(frozen=True)
class Match:
    names: list[str]
    """Target names the report's clause or theme names."""
    strong: bool
    """A shared name is the event's agent or theme on either side, or the themes agree:
    enough to call it done. Places and borrowed context are not."""


def _same_thing(target: Target, report: EventReport) -> list[str]:
    """Names that are the theme of the report and the agent or theme of the follow-up."""
    themes = [n for n, r in roles(report) if r == "theme"]
    return shared(list(target.strong), themes)


def about(
    target: Target,
    report: EventReport,
    article_names: list[str],
    sentence: str = "",
    following: str = "",
) -> Match | None:
    """How the report is about the target's event, or None; ``sentence`` is the report's
    sentence, where a nominal event ("the plebiscite") may be named outright, and
    ``following`` the sentence after it (what a rocket carried). A verb the
    lexicon does not know counts as a later expectation of the same thing ("will put the
    jet in the service's hands"), and as the outcome of a follow-up of that very verb done
    to the same thing ("demolished the stadium"), never of another."""
    groups = _groups(report)
    wildcard = "*" in groups or ("*" in target.groups and not _own_verb_report(report))
    its_noun = _its_verb_as_a_noun(target, report)
    if (
        not (groups & target.groups)
        and not wildcard
        and report.lemma != target.lemma
        and not _kin_by_its_agent(target, report)
        and not its_noun
    ):
        if report.status == "expected" and not _known(report) and _same_thing(target, report):
            return Match(_same_thing(target, report), False)
        return None
    if its_noun and not _said_of_it(target, report, sentence):
        return None  # "dropped the charge against the mayor": not Venice's charging visitors
    if _an_occasion(target) and not groups & ({"*"} | OCCASION_SIGNS | target.groups):
        return None  # "the court ruled that the Copa America could go ahead": no Copa yet
    if _begins_other(target, report) or _works_begun(target, report):
        return None  # "work began on the line" is no report of its being in service
    if _of_the_thing(target, report):
        return None  # "sales of the Deutschlandticket started": not the ticket's start
    if _whole_for_part(target, report):
        return None  # "the Forum opened" is not its west wing's opening
    names = list(target.names.values())
    own = [(n, r) for n, r in roles(report) if r != "context"]
    # A follow-up that names no one looks for what its article is about: the report's
    # sentence must name it (or, for an outcome, the next: "The first train arrived. The
    # ship docked at Long Binh"), and a later expectation there is its slip whatever the
    # thing is called ("pushed the maiden flight of the 787 back" after "fly the aircraft").
    topical = not names and bool(target.topics)
    done = report.status in {"happened", "not_happened", "cancelled"}
    said = f"{sentence} {following}" if done else sentence
    if topical and not _names_a_topic(target, said):
        return None
    in_clause = shared(names, [n for n, _r in own])
    strong_names = [
        n
        for n in in_clause
        if n in target.strong or any(r in STRONG_ROLES and shared([n], [m]) for m, r in own)
    ]
    theme_text = report.theme or ""
    in_theme = [n for n in names if has_form(theme_text.lower(), n.lower())]
    in_theme += _named_event_thing(target, own)
    same_theme = bool(
        report.theme_lemma
        and target.theme_lemma not in VAGUE_THEMES
        and file_lexicon().same_thing(report.theme_lemma, target.theme_lemma)
    )  # one noun, or a general word and its kind ("the tolls", "tolling"; "ship", "carrier")
    # "The Royal Hospital ... opened" in an article that names the follow-up's actors: the
    # same thing under its own name, when its head noun is the follow-up's theme
    same_head = bool(article_names) and (
        _named_itself(report, target.theme_lemma)
        or _named_before(target, report, article_names, sentence)
    )
    if _own_verb_report(report) and (target.nominal or not (in_theme or same_theme)):
        return None  # "demolished the bus depot" is not the stadium's demolition
    if same_theme and _another_kind(target.row.theme, theme_text):
        return None  # "finished building pre-production cars": not the customer cars
    found = list(dict.fromkeys([*in_clause, *in_theme]))
    both_generic = bool(
        report.theme_lemma
        and report.theme_lemma == target.theme_lemma
        and (found or not target.names)
    )
    named_event = bool(target.nominal and has_form(sentence.lower(), target.lemma))
    strong = bool(strong_names or in_theme or same_theme or both_generic or named_event)
    head = _designated_head(report.theme_lemma or "", target.row.theme or "")
    its_thing = [n for n in in_theme if not head or _head_of_name(head, n)]
    """Names in the theme that are the thing, not words qualifying its common noun
    ("KPMG's report on Wirecard" is a report, whoever wrote it and whatever it is on)."""
    if strong and not its_thing and _theme_elsewhere(target, report):
        strong = False  # "the airport company started trial runs": not the airport opening
    if not found and _carried(target, report, (sentence, following)):
        return Match(shared(list(target.strong), article_names), True)
    if (
        not found
        and not same_head
        and (target.core or article_names)
        and any(r in STRONG_ROLES for _n, r in own)
        and not (same_theme and _thing_named_here(target, report))
    ):
        return None  # its agent or theme is someone else: another event of the same kind
    if not same_head and _other_theme(target, report, sentence):
        return None  # "ratified Chile's treaty" is not Peru's
    if _next_of_named(target, report):
        return None  # "will fly the next Falcon Heavy" after the first one flew
    won = "award" in groups and in_theme and _an_occasion(target)
    if _other_agent(target, report) and not won:
        return None  # "Osterlich's parliament approved" is not Ruritania's approval
    if _some_of_the_deciders(target, report):
        return None  # "the House approved the pact": the Senate has still to
    specific = target.things
    if (
        not found
        and not (topical and report.status == "expected")
        and specific
        and report.theme_lemma not in VAGUE_THEMES
        and not _one_of_things(report.theme_lemma, specific)
        and not same_head
        and not any(same_group_nouns(report.theme_lemma, t) for t in specific)
        and not its_noun
    ):
        return None  # "the station will open" is not "the central section opened"
    if wildcard:
        if _other_known_event(target, report, sentence):
            return None  # "the results" are not "won the election", whoever is named
        if _common_occasion(report) and not (same_theme or in_theme):
            return None  # "the hearing took place" settles a hearing's follow-up only
        if "award" in groups and report.theme_lemma in MORE_TIME:
            return None  # "Evergrande won more time": no hearing held
        owners = [n for n, r in own if r == "theme"]
        if _common_occasion(report) and owners and not shared(owners, names):
            return None  # "Labour's conference got under way": not the Conservatives'
        return Match(found, strong) if (found or same_theme or same_head) else None
    if found or same_theme:
        return Match(found, strong)
    if same_head:
        return Match([], True)
    if article_names or not target.names:
        return Match([], named_event or both_generic)
    return None


def _designated_head(theme: str, own: str) -> str:
    """A theme's head word; a number after it is its designation when the follow-up's own
    thing has that number ("Vogtle Unit 3" is the unit of "Unit 3 at Plant Vogtle"), and
    otherwise the head itself ("Falcon 9" is no Falcon Heavy, "Unit 4" no Unit 3)."""
    words = theme.split()
    if not words:
        return ""
    numbers = [w for w in words if w.isdigit()]
    if words[-1].isdigit() and set(numbers) <= set(tokens(own)):
        rest = [w for w in words if not w.isdigit()]
        return rest[-1] if rest else words[-1]
    return words[-1]


def _head_of_name(head: str, name: str) -> bool:
    """A theme's head word is a word of the name, in either form ("olympics", "Olympic"):
    the name is the thing, not a word qualifying a common noun ("KPMG's report")."""
    return any(_same_word(head, word) for word in tokens(name))


def _same_word(a: str, b: str) -> bool:
    """One word in two forms ("olympics", "olympic"): a lemma and a name's word."""
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) > 3 and long.startswith(short))


def _common_occasion(report: EventReport) -> bool:
    """A thing held that took place, named by its common noun ("the trial got under way",
    "Labour's conference got under way"): no kind of event, and only its noun tells which
    one (a name of its own, "the Tokyo Paralympics", is its theme)."""
    return (
        "*" in _groups(report)
        and report.status == "happened"
        and report.lemma == report.theme_lemma
    )


def _begins_other(target: Target, report: EventReport) -> bool:
    """A follow-up of being in a state ("the line will be in service by May") is not
    settled by a verb that begins another thing ("work began on the line", "began loading
    fuel"); the state itself, entering it ("entered commercial operation"), an opening or
    the start of the thing itself is its report."""
    if not in_state(target.lemma) or report.lemma not in BEGINNINGS:
        return False
    return not file_lexicon().same_thing(report.theme_lemma, target.theme_lemma)


MORE_TIME = frozenset({"time", "reprieve", "extension", "respite", "delay", "stay"})
"""What one wins that puts an occasion off."""
WORKS = frozenset({"build", "construct", "dig", "bore", "erect", "excavate"})
MAKING = frozenset({
    "produce", "production", "manufacture", "make", "assemble", "assembly", "enter production",
    "go into production",
})  # fmt: skip


def _works_begun(target: Target, report: EventReport) -> bool:
    """ "Crews began building the extension in 2007": works begun on a thing are no opening
    of it (building the truck, for a follow-up of its production, still is that)."""
    return (
        report.lemma in WORKS
        and target.lemma not in WORKS | MAKING
        and target.theme_lemma not in WORK_THEMES  # "construction of the tunnel will start"
    )


WORK_THEMES = frozenset({
    "construction", "work", "works", "building", "digging", "excavation", "tunnelling",
})  # fmt: skip


DECISIONS_EITHER_WAY = frozenset({"rule", "vote"})
"""Groups of a decision that is made whichever way it goes: "the FDA rejects roxadustat" is
the agency's ruling, "parliament threw out the bill" its vote; not an approval awaited."""
REJECTIONS = frozenset({"block"})


ON_SALE = frozenset(
    {"go on sale", "go on release", "hit shelf", "hit store", "reach store", "hit market",
     "hit shop", "reach shop", "reach buyer", "reach customer", "reach consumer"}
)  # fmt: skip
"""Release words only a product takes: what went on sale was launched, or has arrived,
whoever sells it ("Tears of the Kingdom went on sale" after "the game will launch")."""
ARRIVALS = frozenset({"arrive", "arrival"})


def _sold_by_its_name(target: Target, report: EventReport) -> bool:
    """ "the game will launch (arrive) on 12 May": what went on sale, whoever sells it, is
    a thing of its own name ("Tears of the Kingdom went on sale"), or the follow-up's own
    thing ("the game"); not another kind of thing of its maker ("Nintendo's new Switch
    console went on sale") or another maker's ("Tesla's new car")."""
    head = report.theme_lemma
    if not head:
        return False
    mine = list(target.names.values())
    theirs = roles(report)
    owners = [n for n, r in theirs if r == "theme" and f"{n}'s" in (report.theme or "")]
    if owners and not shared(owners, mine):
        return False  # "Tesla's new electric car went on sale": not BYD's
    if head == target.theme_lemma or file_lexicon().same_thing(head, target.theme_lemma):
        return True
    return re.search(rf"\b{re.escape(head[:1].upper() + head[1:])}", report.theme or "") is not None


def _its_verb_as_a_noun(target: Target, report: EventReport) -> bool:
    """ "Will Venice charge day visitors?": a verb the lexicon does not know is done, put
    off or dropped when its noun is ("postponed the start of its entry charge", "the levy
    began on Monday", "the charge was dropped"): the report's theme of a start or of an
    outcome word, or its own event."""
    lexicon = file_lexicon()
    if target.nominal or lexicon.is_event_word(target.lemma):
        return False
    if report.lemma == target.lemma and "*" in _groups(report):
        return True
    if report.theme_lemma != target.lemma:
        return False
    return "start" in _groups(report) or lexicon.outcome_of(report.lemma) is not None


def _said_of_it(target: Target, report: EventReport, sentence: str) -> bool:
    """The noun says what it is done to, as the follow-up does ("its entry charge for day
    visitors"), or for a follow-up of no thing whose it is ("Harwick's charge"): "the charge
    against the mayor", "Harwick's new charge for parking permits" are other charges."""
    said = f"{report.theme} {sentence}".lower()
    if target.theme_lemma and target.theme_lemma not in VAGUE_THEMES:
        head = tokens(target.theme_lemma)[-1:]
        return bool(head) and head[0] in tokens(said)  # not "Harwick's parking charge"
    return any(has_form(said, name.lower()) for name in target.names)


FREEDOM = {"free", "release"}
SURRENDER = {"extradite", "deliver"}
"""A suspect handed over is one extradited: the lexicon's kin, said of the same people."""


def _same_theme_noun(target: Target, report: EventReport) -> bool:
    """The same common noun names the ones the event moves on both sides ("the hostages",
    "the astronauts"), not a vague one ("it", "the deal")."""
    mine = target.theme_lemma
    return bool(mine) and mine not in VAGUE_THEMES and report.theme_lemma == mine


def _same_ones_freed(target: Target, report: EventReport) -> bool:
    """People released are the ones freed or leaving prison, whoever frees them: the theme
    on both sides, by its noun ("the hostages") or its name ("Ana Voss left prison", not
    "Ana Voss's lawyer left prison")."""
    if _same_theme_noun(target, report):
        return True
    # the name is the theme itself or set beside it ("the journalist Ana Voss"), not a word
    # inside it ("Ana Voss's lawyer", "the Harwick hostages")
    itself, said = tokens(report.theme_lemma), (report.theme or "").lower()
    named = [
        n
        for n, r in roles(report)
        if r == "theme" and (tokens(n) == itself or not has_form(said, n.lower()))
    ]
    return bool(shared(list(target.strong), named))


def _kin_by_its_agent(target: Target, report: EventReport) -> bool:
    """A kin event done by the follow-up's own actor, named alike: "will the Bundesrat
    vote" is done when "the Bundesrat approved the law" (the lexicon's kin groups, see
    events.toml); "Bolivia's legislature passed a law" is no vote of "Bolivians", nor
    "Karst's legislature" one of "the voters in Karst"."""
    if report.lemma in ON_SALE and ("launch" in target.groups or target.lemma in ARRIVALS):
        return _sold_by_its_name(target, report)
    kin = file_lexicon().kin_of(target.groups)
    if target.groups & DECISIONS_EITHER_WAY:
        kin |= REJECTIONS
    if not (kin & _groups(report)):
        return False
    rejection = not _groups(report) & (file_lexicon().kin_of(target.groups) | target.groups)
    if rejection and not _on_its_matter(target, report):
        return False  # "the House blocked an amendment on border funding": not the aid vote
    theirs = {_bare(n) for n, r in roles(report) if r == "agent"}
    mine = {_bare(n) for r, n in target.row.roles if r == "agent"}
    both = target.groups | _groups(report)
    if both >= FREEDOM or both >= SURRENDER:
        return _same_ones_freed(target, report)  # freed or handed over: the same people
    if "come_home" in target.groups and "land" in _groups(report):
        # "will Prokopyev, Petelin and Rubio return": they come home when they land, so the
        # ones who move are the theme on both sides, named or not ("the astronauts")
        if _same_theme_noun(target, report):
            return True
        theirs |= {_bare(n) for n, r in roles(report) if r == "theme"}
        mine |= {_bare(n) for r, n in target.row.roles if r == "theme"}
    mine |= {_bare(n) for n in target.strong if _bare(n) == target.theme_lemma}
    if not mine and "rule" in target.groups:
        # "the ruling is due within three weeks" in a story of the FDA, "the agency will
        # announce its decision": a ruling is given by the body the follow-up names, not by
        # the party it rules on ("a ruling on Moderna's application": "Moderna approved a
        # buyback"); not a vote either, which a country's voters cast and its legislature
        # does not
        mine = {_bare(n) for r, n in target.row.roles if r in {"context", "participant"}}
        # "the agency's ruling": the body is one its article or its tracked event names,
        # not the party it rules on ("a ruling on Tarn Pharma's application"; but "President
        # Biden's decision" is his)
        themes = [n for r, n in target.row.roles if r == "theme"]
        ruled_on = set() if _named_itself_theme(target, themes) else {_bare(n) for n in themes}
        body = {_bare(n) for n in (target.topics or target.names).values()} - ruled_on
        mine = mine or body
        # and the ruling is on the follow-up's matter: its thing (compared in ``about``), or
        # for a ruling on no thing of its own another of its names ("the FDA rejected
        # FibroGen's drug", not "the FDA rejected a rival drug from Akebia")
        on_it = bool(target.things) or _on_its_matter(target, report)
        return bool(theirs & mine) and on_it
    return bool(theirs & mine)  # one body, by its own name


def _on_its_matter(target: Target, report: EventReport) -> bool:
    """The report's thing is the follow-up's: its own common noun, or, where the follow-up
    has none or is named by its decider ("President Biden's decision"), a name they share
    besides the one who acts (anything, when the follow-up names nothing but its decider)."""
    themes = [n for r, n in target.row.roles if r == "theme"]
    things = set() if _named_itself_theme(target, themes) else target.things
    if things:
        lexicon = file_lexicon()
        return any(
            report.theme_lemma == t or lexicon.same_thing(report.theme_lemma, t) for t in things
        )
    deciders = set(themes) if things != target.things else set()
    matter = [n for n in (target.names or target.topics).values() if n not in deciders]
    if not matter:
        return True  # "President Biden, whose decision on whether to block it is due"
    theirs = [n for n, r in roles(report) if r != "agent"]
    return bool(shared(theirs, matter))


def _named_itself_theme(target: Target, themes: list[str]) -> bool:
    """The follow-up's theme is one of its names itself ("President Biden"), not a thing a
    name owns ("Tarn Pharma's application")."""
    return any(target.theme_lemma.endswith(_bare(n)) for n in themes)


def _bare(name: str) -> str:
    """A name as compared: "The European Parliament" is "european parliament"."""
    return name.lower().removeprefix("the ")


def _named_itself(report: EventReport, thing: str) -> bool:
    """The report's theme has the head noun of the follow-up's ``thing`` ("royal hospital",
    "hospital"), and names it: every name in the theme holds that noun as a word ("The
    Royal Hospital for Children"). A name that only owns or qualifies it ("Chile's treaty",
    "the first tanker for the Japan Air Self-Defense Force", "Cambridge's new bridge") is
    another thing of the kind; a theme with no name names nothing."""
    head = thing.split()[-1] if thing else ""
    theme = report.theme_lemma
    if not head or head in VAGUE_THEMES or not theme or theme.split()[-1] != head:
        return False
    names = [n for n, r in roles(report) if r == "theme"]
    return bool(names) and all(head in tokens(n) for n in names)


def _named_before(
    target: Target, report: EventReport, article_names: list[str], sentence: str
) -> bool:
    """ "The Queensferry Crossing will open ... The crossing came into use": the bare head
    noun of the follow-up's named theme, opening a sentence of an article that names it,
    is that thing (not "the new crossing", nor "a crossing", nor "At the border, the
    crossing opened to lorries", where the sentence has moved to another place)."""
    thing = target.theme_lemma
    head = thing.split()[-1] if thing else ""
    if " " not in thing or head in VAGUE_THEMES or report.theme_lemma != head:
        return False
    if (report.theme or "").lower().removeprefix("the ") != head:
        return False
    if not sentence.lstrip().lower().startswith(f"the {head} "):
        return False
    named = [n for r, n in target.row.roles if r == "theme" and _bare(n) == thing]
    return bool(shared(named, article_names))


def _thing_named_here(target: Target, report: EventReport) -> bool:
    """The follow-up's thing has no name of its own ("the new airport will open") and the
    report's only actor is a name before that noun in its theme ("the new Istanbul airport
    will still be inaugurated", "Japan's consumption tax rose"): the same thing, named now.
    A name after it ("the first tanker for the Japan Air Self-Defense Force") is another
    thing of the kind."""
    if any(r == "theme" for r, _n in target.row.roles):
        return False
    theme_text = (report.theme or "").lower()
    head = theme_text.rfind(f" {target.theme_lemma.split()[-1]}") if target.theme_lemma else -1
    actors = [(n.lower(), r) for n, r in roles(report) if r in STRONG_ROLES]
    return head > 0 and all(r == "theme" and 0 <= theme_text.find(n) < head for n, r in actors)


def _carried(target: Target, report: EventReport, sentences: tuple[str, str]) -> bool:
    """A rocket's launch is the launch of what it carries: "an Atlas V rocket lifted off
    ... and sent NASA's InSight lander on its way" settles "will NASA launch the InSight
    lander", when the rocket's sentence or the next says it carried one of the follow-up's
    own participants: a word of carrying, and the name after it in that sentence (not
    "carrying a weather satellite. The InSight lander is next in line")."""
    if report.status != "happened" or "launch" not in _groups(report) & target.groups:
        return False
    if target.theme_lemma in {"rocket", ""}:
        return False
    if not file_lexicon().same_thing(report.theme_lemma or "", "rocket"):
        return False
    own = {n for _r, n in target.row.roles}
    forms = [f for f, n in target.names.items() if n in own]
    for text in sentences:
        lowered = text.lower()
        carrying = CARRYING.search(lowered)
        if carrying and any(has_form(lowered[carrying.end() :], f) for f in forms):
            return True
    return False


CARRYING = re.compile(
    r"\b(?:carr(?:y|ies|ied|ying)|sen[dt]|sending|lofted|boosted|aboard|on board|atop)\b"
)
"""Words that say what a rocket took up."""


def _names_a_topic(target: Target, sentence: str) -> bool:
    """The report's sentence names what the follow-up's article is about."""
    lowered = sentence.lower()
    return any(has_form(lowered, form) for form in target.topics)


def _named_event_thing(target: Target, own: list[tuple[str, str]]) -> list[str]:
    """The report's theme is a name inside what the tracked event's follow-ups call their
    thing ("Nightfall went on sale", after "will release Nightfall 2084"), though no
    follow-up names it as a participant (the model tagged it in this article only); never a
    name the thing is only part of ("Wembley Stadium" is not "the stadium"). Only a
    follow-up whose own thing is a plain common noun ("will the game launch") borrows its
    event's things: "the multiplayer part of Nightfall 2084" is a thing of its own."""
    words = [w for w in (target.row.theme or "").split() if w.lower() not in DETERMINERS]
    own_named = any(w[:1].isupper() or w[:1].isdigit() for w in words)
    things = {target.theme_lemma} - VAGUE_THEMES if own_named else target.things
    return [n for n, r in own if r == "theme" and any(_inside(n, t) for t in things)]


DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"}


LOOSE_MODIFIERS = DETERMINERS | {
    "our", "first", "new", "last", "final", "next", "remaining", "initial", "further", "more",
    "other", "latest", "early", "earliest", "long-awaited", "delayed", "long-delayed",
    "public", "planned", "proposed",
}  # fmt: skip
"""Words before a noun that do not make it another kind of thing ("the first cars", "the
public inquiry"); "official" and "full" do ("the official result" is not the preliminary)."""

AFTER_HEAD = PREPOSITIONS | {"into", "with", "by", "over", "about", "between", "against"}
"""Words that end a noun phrase's head: "inquiry into the mine", "electricity from the farm"."""


@dataclass(frozen=True)
class _Kind:
    """A common-noun theme's head, the lower-case words that qualify it, its owner ("KPMG"
    in "KPMG's report", "its"), and the whole theme in lower case."""

    head: str
    words: frozenset[str]
    owner: str
    text: str


POSSESSIVES = {"its", "their", "his", "her", "our"}


def _kind_of(theme: str) -> _Kind:
    """What follows the head ("from Vineyard Wind", ", with 53 per cent against") and the
    owner ("the wind farm's", "its") are no kind words; names, numbers and loose words are
    left out."""
    words = theme.replace("’", "'").split(",")[0].split()
    end = next((i for i, w in enumerate(words) if w in AFTER_HEAD), len(words))
    words = words[:end]
    at = max(
        (
            i
            for i, w in enumerate(words)
            if w.endswith("'s") or w == "'" or w.lower() in POSSESSIVES
        ),
        default=-1,
    )
    owner = " ".join(words[: at + 1]).removesuffix("'s").removesuffix("'") if at >= 0 else ""
    words = words[at + 1 :]
    kinds = frozenset(
        w
        for w in words[:-1]
        if (w.isalpha() or "-" in w) and w.islower() and w not in LOOSE_MODIFIERS
    )
    head = words[-1].lower().removesuffix("s") if words else ""
    return _Kind(head, kinds, owner, theme.lower())


def _another_kind(theme: str, other: str) -> bool:
    """One noun, qualified on both sides by no word in common ("customer cars" and
    "pre-production cars"), or on one side by kind words and on the other only by a name
    owning it ("the audited annual report" is not "KPMG's long-awaited report")."""
    mine, theirs = _kind_of(theme), _kind_of(other)
    if not mine.head or mine.head != theirs.head:
        return False
    if mine.words and theirs.words:
        return not mine.words & theirs.words
    return _owned_apart(mine, theirs) or _owned_apart(theirs, mine)


def _owned_apart(kinds: _Kind, owned: _Kind) -> bool:
    """Kind words on one side, none but a name owning it on the other, a name the first
    does not name ("the audited annual report", "KPMG's report"); not both owned ("Israel's
    new government", "its new unity government"), nor the owner named after the head ("the
    federal trial of Joaquin Guzman", "Joaquin Guzman's trial")."""
    name = owned.owner.split()[-1] if owned.owner else ""
    return bool(
        kinds.words
        and not kinds.owner
        and name[:1].isupper()
        and not owned.words
        and not re.search(rf"\b{re.escape(name.lower())}\b", kinds.text)
    )


def _inside(name: str, thing: str) -> bool:
    """The name's words, in one piece, among the thing's."""
    short, long_ = tokens(name), tokens(thing)
    n = len(short)
    return n > 0 and any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _own_verb_report(report: EventReport) -> bool:
    """A report of a verb the lexicon does not know, other than a later expectation
    ("shares jumped", "demolished the depot"): it names only an event of its own verb done
    to its own thing, never one named by a noun ("will the share sale go ahead")."""
    return report.status != "expected" and "*" not in _groups(report) and not _known(report)


OCCASION_SIGNS = frozenset({"start", "award", "complete"})
"""What says an occasion was held: it began, someone won it, it finished."""


def _an_occasion(target: Target) -> bool:
    """A follow-up of holding a named occasion ("will Augusta National hold the Masters"):
    who wins it says it was held ("Johnson won the Masters"), though another acts."""
    return "*" in target.groups and held_occasion(target.row, target.lemma)


def _other_agent(target: Target, report: EventReport) -> bool:
    """Both name who acts (or, for a visit or a delivery, whom it goes to), and the
    report's are none of the follow-up's names: the same step taken by another actor, or
    towards another ("paid a state visit to South Korea" is not the visit to Japan)."""
    for role in ("agent", "recipient"):
        mine = [n for r, n in target.row.roles if r == role]
        theirs = [n for n, r in roles(report) if r == role]
        if mine and theirs and not shared(theirs, list(target.names.values())):
            return True
    return False


DECIDED_APART = frozenset({"approve", "ratify", "vote"})
"""Groups of acts that each of several actors does on its own: two chambers each pass a
bill, two countries each ratify a treaty (not a signing, which one does with the other)."""


def _some_of_the_deciders(target: Target, report: EventReport) -> bool:
    """The follow-up's act is one several must each do ("expects the House and the Senate
    to pass the deal") and the report has only some of them doing it ("the House approved
    the pact on Thursday")."""
    if report.status != "happened" or not target.groups & _groups(report) & DECIDED_APART:
        return False
    mine = [n for r, n in target.row.roles if r == "agent"]
    theirs = [n for n, r in roles(report) if r == "agent"]
    return len(mine) > 1 and bool(theirs) and any(not shared([m], theirs) for m in mine)


def _other_known_event(target: Target, report: EventReport, sentence: str) -> bool:
    """A follow-up named by a noun outside the lexicon ("will the official results go
    ahead") meets a report of a lexicon event that its sentence does not name by that
    noun: another event of the same actors ("won the election")."""
    if "*" not in target.groups or "*" in _groups(report) or not _known(report):
        return False
    noun = target.theme_lemma if _an_occasion(target) else target.lemma.lower()
    if not noun or (target.groups - {"*", noun} and not _an_occasion(target)):
        return False
    singular = {noun, noun.removesuffix("s"), noun.removesuffix("es"), noun[:-3] + "y"}
    if any(file_lexicon().is_event_word(w) for w in singular if w):
        return False  # "deliveries", kept as written, are deliveries
    words = {noun, *(noun + s for s in ("s", "es"))}
    lowered = f"{sentence} {report.theme}".lower()
    return not any(has_form(lowered, w) for w in words)


def _theme_elsewhere(target: Target, report: EventReport) -> bool:
    """The report's event is about a specific common thing the follow-up's themes do not
    name (the shared name is only its agent): the same kind of event, done to something
    else ("started trial runs" is no opening of the airport)."""
    specific = target.things
    theme = report.theme_lemma
    if not specific or not theme or theme in NAMED_NOTHING or _one_of_things(theme, specific):
        return False  # "trial operations" are a thing of their own; "operations" alone are not
    if any(same_group_nouns(theme, t) for t in specific):
        return False
    if any(r == "theme" for r, _n in target.row.roles):
        return True  # the follow-up names its thing, and this is another one
    # a name as its theme ("awarded Boeing") may be what the follow-up calls "the maker";
    # names that only qualify a common noun ("KPMG's report on Wirecard") are not the thing
    theme_text = (report.theme or "").lower()
    named = [n for n, r in roles(report) if r == "theme" and has_form(theme_text, n.lower())]
    return not any(_head_of_name(theme.split()[-1], n) for n in named)


SIDE_THINGS = {
    "sale", "presale", "pre-sale", "review", "ticket", "trailer", "teaser", "preview",
    "booking", "reservation", "preorder", "pre-order", "registration", "debate",
    "consultation", "inquiry",
}  # fmt: skip
"""Things that come with another thing and have events of their own: the sales of a
ticket start before the ticket does, reviews of a game are published after it is."""


def _of_the_thing(target: Target, report: EventReport) -> bool:
    """The report's theme is a side thing of the follow-up's ("sales of the
    Deutschlandticket started", "reviews of The Last of Us Part II, published on Friday"):
    the named thing is only its complement, so the event is not the thing's own."""
    parts = re.split(r" (?:of|for|on|about|over) ", (report.theme or "").lower(), maxsplit=1)
    theme, rest = report.theme_lemma, parts[-1]
    own = target.theme_lemma.split()[-1:]
    side = tokens(theme)[-1:]  # "Tickets", tagged a name at a sentence's start, is unlemmatised
    if len(parts) < 2 or not side or side[0] not in SIDE_THINGS:
        return False
    if own and own[0] in SIDE_THINGS:
        return False  # the follow-up is about a side thing itself ("will start presales")
    return any(has_form(rest, form) for form in target.names) or bool(
        target.theme_lemma and has_form(rest, target.theme_lemma)
    )


PARTS = {
    "wing", "section", "stretch", "phase", "stage", "branch", "terminal", "hall", "floor",
    "extension", "segment", "leg", "half", "part", "portion", "gallery",
}  # fmt: skip
"""Parts of a named whole that open, or are built, on days of their own: the Humboldt
Forum opened months before its west wing."""


def _whole_for_part(target: Target, report: EventReport) -> bool:
    """The follow-up is about a part of a named thing ("the Humboldt Forum's west wing will
    open") and the report about the named whole ("the Humboldt Forum received its first
    visitors"): not the part's event."""
    own = target.theme_lemma.split()[-1:]
    theme = report.theme_lemma
    if not own or own[0] not in PARTS or not theme or own[0] in theme.split():
        return False
    if "start" not in target.groups or "first" in (target.row.theme or "").lower().split():
        return False  # a whole that reopens or is completed, or opens its first phase, does
    wholes = {" ".join(tokens(n)) for n in target.names.values()}
    return theme in wholes


def _one_of_things(theme: str, things: set[str]) -> bool:
    """The theme is one of the follow-up's things, or a word for the same thing ("tolling"
    for "the tolls")."""
    return any(file_lexicon().same_thing(theme, t) for t in things)


def _next_of_named(target: Target, report: EventReport) -> bool:
    """The report's theme is the next one of a named thing ("SpaceX expects to fly the
    next Falcon Heavy in three to six months", after the first one flew); not a next
    attempt at the event itself ("its next attempt to launch the Falcon Heavy")."""
    if not another_one(report.theme):
        return False
    named = any(" ".join(tokens(n)) == report.theme_lemma for n, r in roles(report) if r == "theme")
    return named and not another_one(target.row.theme)


def _other_theme(target: Target, report: EventReport, sentence: str) -> bool:
    """The report's theme is a name the follow-up does not know, and its sentence names
    none of the follow-up's themes: the same kind of event for another thing. Only the
    theme counts: a place or a storm named beside the event ("as Hurricane Ian approaches
    Florida, its launch now unlikely before mid-November") is no other thing."""
    mine = [n for r, n in target.row.roles if r == "theme"]
    theirs = [n for n, r in roles(report) if r == "theme"]
    known = list(target.names.values())
    if not mine and theirs:
        return _another_named_thing(target, report, theirs, known)
    if not mine or not theirs:
        return False
    if all(shared([n], known) for n in theirs):
        return False
    lowered = sentence.lower()
    named = shared(mine, [n for n, _r in roles(report)]) or any(
        has_form(lowered, form) for n in mine for form in surface_forms(n)
    )
    return not named


NAMED_WORKS = frozenset({"line", "railway", "system", "service"})
"""Nouns of the things a name tells apart ("the Route 2020 metro line"); not a "pact" or a
"plan", which the follow-up's own noun may name ("the EU-Canada trade agreement")."""


def _another_named_thing(
    target: Target, report: EventReport, theirs: list[str], known: list[str]
) -> bool:
    """The follow-up's thing is a common noun ("the exhibition will open") and the
    report's is a noun that may name any thing ("line"), written as one and named by a name
    the follow-up does not know ("Dubai's Route 2020 metro line opened"): another thing."""
    head = (report.theme_lemma or "").split()[-1:]
    if not head or head[0] not in NAMED_WORKS or not target.things:
        return False  # "Cyberpunk 2077 went on sale": the name is the thing
    if not re.search(rf"\b{re.escape(head[0])}\b", report.theme or ""):
        return False  # not a common noun as written ("the Elizabeth Line")
    if any(tokens(n)[-1:] == tuple(head) for n in theirs):
        return False
    if _one_of_things(report.theme_lemma, target.things):
        return False  # "the metro line will open" is the metro line
    return any(not shared([n], known) for n in theirs)


def _known(report: EventReport) -> bool:
    """A lexicon word, an outcome word, or a state ("fully operational"): not a verb that
    may stand for any event of its theme."""
    lexicon = file_lexicon()
    groups = _groups(report)
    if any(g.startswith("state:") for g in groups):
        return True
    if any(g in lexicon.events for g in groups - {report.lemma, "start"}):
        # "the first electricity flowed into the grid": a connection (not "began loading
        # fuel", whose start is only its own activity's)
        return True
    return lexicon.is_event_word(report.lemma) or lexicon.outcome_of(report.lemma) is not None


def same_group_nouns(a: str, b: str) -> bool:
    """Two themes that are themselves events of one group ("plebiscite", "referendum")."""
    lexicon = file_lexicon()
    return lexicon.is_event_word(a) and bool(lexicon.groups_of(a) & lexicon.groups_of(b))


SHORT_WINDOW = timedelta(days=31)


def _on_the_day(target: Target, report: EventReport, named: bool) -> bool:
    """The report dates the event it says took place to a day the follow-up was due on:
    the very day ("the 12 December election", due on 12 December), even when the clause
    names none of its actors; a day inside a short window ("in March") only when it names
    some of them (another country's election on 6 March is not the one awaited)."""
    day, end = report.window_start, report.window_end
    lo, hi = target.row.due_start, target.row.due_end
    if day is None or day != end or lo is None or hi is None:
        return False
    if lo == hi:
        return day == lo
    return named and hi - lo <= SHORT_WINDOW and lo <= day <= hi


def _slips(target: Target, start: date | None, end: date | None) -> bool:
    """The new window ends after the follow-up's and does not start before it."""
    if end is None or target.end is None:
        return False
    first = start or end
    if _month_of(target.end, first, end):
        return False
    return end > target.end and first >= (target.start or first)


def _month_of(day: date, start: date, end: date) -> bool:
    """The window is the calendar month of ``day``: a date restated as its month ("by
    October 18", later "next month"), the same date said less precisely, not a slip."""
    following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.day == 1 and end == following - timedelta(days=1) and start <= day <= end


def _covers(target: Target, start: date | None, end: date | None) -> bool:
    if start is None or end is None or target.end is None:
        return False
    return start <= (target.start or target.end) and end >= target.end


EARLY = timedelta(days=60)
"""How long before its window an event may come early and still be the one awaited."""
EARLY_WORDS = re.compile(
    r"\b(?:ahead of (?:schedule|time|plan)|early|earlier than (?:planned|expected|scheduled))\b",
    re.IGNORECASE,
)
"""Words of a report that says its event came early."""


def _long_before(target: Target, done: date | None, quote: str) -> bool:
    """Done months before a window that opens later than its article (an election set for
    5 September, a launch in the fourth quarter): another event of its kind, unless the
    report says it came early ("opened three months ahead of schedule"). A deadline ("by
    June") opens with its article, so anything done after that may be it."""
    row = target.row
    opens, said = row.due_start, row.source_published
    if done is None or opens is None or said is None or opens <= said:
        return False
    if row.bound in {"by", "before"} or EARLY_WORDS.search(quote):
        return False
    return done < opens - EARLY


def finding(target: Target, report: EventReport, published: date | None, match: Match,
            quote: str) -> Finding | None:  # fmt: skip
    """What one report says about the target's event, if anything definite."""
    status = report.status
    window = (report.window_start, report.window_end)
    strength = 2.0 + (1.0 if report.headline else 0.0) + min(len(match.names), 2) * 0.5
    found = tuple(match.names)
    if status == "happened":
        if not (match.strong or _on_the_day(target, report, bool(match.names))):
            return None  # "the countdown began at Sriharikota": not the launch
        when = report.window_end or report.window_start
        if when is not None and target.row.source_published and when < target.row.source_published:
            return None  # an older event of the same kind
        if when is not None and published is not None and when > published + SAME_DAY:
            return None
        done = when or published
        if _long_before(target, done, quote):
            return None  # "voted on Thursday to overhaul": months before the vote awaited
        if done is not None and any(lo <= done <= hi for lo, hi in target.ruled_out):
            return None  # its source said it would not happen then: another thing did
        return Finding("happened", None, strength + 1, quote, found, done)
    if status == "cancelled":
        return Finding("cancelled", None, strength, quote, found)
    if status == "not_happened" and _decided_against(target, report):
        return Finding("happened", None, strength, quote, found, published)
    if status == "not_happened":
        return Finding("did_not_happen", None, strength - 0.5, quote, found)
    if status == "postponed":
        if report.window_end is not None or report.window_start is not None:
            if _slips(target, *window):
                return Finding("postponed", window, strength + 0.5, quote, found)
            return None  # the delay it reports is the one the follow-up already has
        return Finding("postponed", None, strength - 1, quote, found)
    if status == "expected" and _slips(target, *window):
        return Finding("postponed", window, strength, quote, found)
    if status == "expected_not" and _covers(target, *window):
        return Finding("postponed", None, strength - 1, quote, found)
    if status == "rescheduled":
        return Finding("postponed", None, strength - 1.5, quote, found)
    return None


def _decided_against(target: Target, report: EventReport) -> bool:
    """ "The FDA declined to approve roxadustat": an approval refused is the agency's ruling
    made (not a plain "did not approve", which may be not yet)."""
    return (
        bool(target.groups & DECISIONS_EITHER_WAY)
        and not report.negated
        and "approve" in _groups(report)
        and not _groups(report) & target.groups
    )


def restated_slip(
    target: Target, window: tuple[date | None, date | None], bound: str | None, quote: str
) -> Finding | None:
    """A later expectation that grouping put in the follow-up's tracked event, with a window
    that ends later than the follow-up's: the event slipped to it, however it is worded
    ("the first aircraft is now to be handed over" after "deliveries will start"). A window
    stated as a bound ("by January") slips when its end is later."""
    if bound == "until":
        return None  # "the Games run until 8 August": how long it lasts, not a new date
    start, end = window
    first = end if bound in {"by", "before"} else start
    if not _slips(target, first, end):
        return None
    return Finding("postponed", window, 2.5, quote)


def own_event(target: Target, report: EventReport) -> bool:
    """The report names the follow-up's own event (a group of its own lemma), not only an
    event kin to it or borrowed from its tracked event ("approved" for a "vote")."""
    own = {g for g in target.row.event_group.split() if g} or {target.lemma}
    return "*" in own or report.lemma == target.lemma or bool(_groups(report) & own)


def steps_before(
    findings: list[tuple[Finding, bool]], still_expected: bool, due_from: date | None = None
) -> list[Finding]:
    """The findings of one article, (finding, whether its report names the follow-up's own
    event). An article that still expects the follow-up's own event inside its window
    reports no kin event done as its outcome: "the committee approved the protocol; the
    full chamber is expected to vote on it later this month" is a step before the vote.
    Nor one of its own kind done before the day it still expects it (``due_from``): "the
    Senate voted on Friday to end debate; the final vote will take place on Saturday"."""
    if not still_expected:
        return [f for f, _own in findings]
    return [
        f
        for f, own in findings
        if f.state != "happened" or (own and not (due_from and f.on and f.on < due_from))
    ]


def pending(target: Target, report: EventReport) -> bool:
    """The article still speaks of the event as expected, inside its window."""
    return report.status == "expected" and not _slips(
        target, report.window_start, report.window_end
    )


def verdict(findings: list[Finding]) -> Finding | None:
    """One finding for the article: the highest-priority state, the strongest evidence.
    A scrub or cancellation next to a new window is a postponement to it."""
    if not findings:
        return None
    best = max(findings, key=lambda f: (f.rank, f.strength))
    if best.state in {"cancelled", "did_not_happen"}:
        moved = [f for f in findings if f.state == "postponed"]
        if moved:
            return max(moved, key=lambda f: (f.rank, f.strength))
    return best
