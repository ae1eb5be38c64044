"""Checking later articles for what settles an open follow-up.

Each open follow-up is matched against articles published after its source article (and
by ``as_of``): through the participants they share (names, aliases, demonyms, capitals)
and through their event reports, which the analysis stored for every article: the same
event (the lexicon group of the follow-up's lemma) said to be done, cancelled, not done,
or expected later than due; and through the tracked event: an article that stated a
follow-up of the same event with a later window is its slip, however it words the event.
A follow-up that names no one borrows the participants of
its tracked event; without any, its candidates come from the event's words (lexicon and
theme) through the full-text index. Each candidate carries the reasons it ranked and,
where the text is explicit, a proposed outcome. Nothing is resolved here: the analyst
confirms.

Candidates that propose an outcome come first, the earliest report first (it is the one
that settles the follow-up; later ones repeat it or belong to the next window), stronger
evidence first on the same day; then the others by how much they share. A call-off that
a later article follows with a new window was a postponement: that article goes first.

After an import only the new articles are candidates, so the cost grows with new articles
times open follow-ups, not with the archive.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session

from db.articles import ids_published_between, texts_by_id, time_values
from db.followups import (
    FollowUpRow,
    Restatement,
    aliases_of,
    event_fact_ids,
    event_frames_of,
    followup_rows,
    names_in_articles,
    restatements_of,
    roles_of,
)
from db.fts import any_of, has_fts, ranked_published_between
from db.lexicon import lexicon_additions
from db.models import EventReport, FollowUpState
from db.reports import reports_for, reports_of_fact_sentences
from db.store import Store
from desktop.tracking.events import assign_events, topics_of
from desktop.tracking.outcomes import (
    SAME_DAY,
    Finding,
    about,
    finding,
    own_event,
    pending,
    restated_slip,
    roles,
    steps_before,
    verdict,
)
from desktop.tracking.targets import VAGUE_THEMES, Target, target_of
from desktop.tracking.terms import has_form, surface_forms
from desktop.vocabulary import Lexicon, load_lexicon

WINDOW_SLACK = timedelta(days=7)
ARCHIVE_CANDIDATES = 200
WEIGHTS = {"entity": 2.0, "event": 1.5, "published_in_window": 1.0, "mentions_window": 1.0}
OUTCOME_BONUS = {"happened": 4.0, "cancelled": 4.0, "did_not_happen": 3.0, "postponed": 3.0}
MIN_SCORE = 2.0
REASON = {
    "happened": "reports it done",
    "postponed": "reports a delay",
    "did_not_happen": "reports it did not happen",
    "cancelled": "reports it cancelled",
}


@dataclass
class Candidate:
    article_id: int
    title: str
    published: date | None
    score: float
    proposed_state: str | None
    proposed_window: tuple[date | None, date | None] | None
    reasons: list[str]
    quote: str = ""
    strength: float = 0.0
    passage: str = ""
    """The sentence that supports ``proposed_state`` in the article's body, else
    ``quote`` (the side-by-side view marks it)."""
    done_on: date | None = None
    """The day a happened event was done, as the article says (else None)."""
    moved_too: bool = False
    """The sentence of its outcome also puts the event off ("opened to pedestrians for a
    day, but will not open to traffic until 2025")."""

    def as_json(self) -> dict[str, object]:
        window = self.proposed_window
        return {
            "article_id": self.article_id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "score": round(self.score, 2),
            "proposed_state": self.proposed_state,
            "proposed_window": [d.isoformat() if d else None for d in window] if window else None,
            "reasons": self.reasons,
            "quote": self.quote,
        }


@dataclass
class FollowUpCandidates:
    followup: FollowUpRow
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class _Article:
    id: int
    title: str
    published: date | None
    text: str
    lowered: str
    reports: list[EventReport]
    times: list[tuple[str, date | None, date | None]]
    """(value, start, end) of its temporal highlights."""
    starting: dict[int, EventReport] = field(default_factory=dict)
    """Its reports by where their sentence starts."""


def _load_articles(session: Session, ids: Sequence[int]) -> dict[int, _Article]:
    out: dict[int, _Article] = {}
    if not ids:
        return out
    reports = reports_for(session, ids)
    for aid, (title, body, published, _imported) in texts_by_id(session, ids).items():
        found = reports.get(aid, [])
        starting = {r.start: r for r in found}
        out[aid] = _Article(aid, title, published, body, body.lower(), found, [], starting)
    for aid, value, vstart, vend in time_values(session, ids):
        out[aid].times.append((value, vstart, vend))
    return out


def _names_in(names: dict[str, str], article: _Article) -> list[str]:
    return sorted({p for form, p in names.items() if has_form(article.lowered, form)})


def _ranking(c: Candidate) -> tuple[int, date, float, float, int]:
    tier = (
        0
        if c.proposed_state and (c.proposed_window or c.proposed_state != "postponed")
        else (1 if c.proposed_state else 2)
    )
    when = c.published or date.min
    if tier == 2:
        return (tier, date.min, -c.score, 0.0, c.article_id)
    return (tier, when, -c.strength, -c.score, c.article_id)


def _superseded(ranked: list[Candidate], row: FollowUpRow) -> list[Candidate]:
    """The first article to change a follow-up's state goes first, unless a later one
    overtakes it: a call-off or a miss that a later article follows with a new window was a
    postponement (the first such new window goes before it: "the June opening is off", then
    "17 March is the new opening day"); postponements that a later article settles were
    followed by their outcome ("moved to 4 September", then "opened on Monday", done on the
    last new day given), or done on the follow-up's own day after all, before any new day
    given ("to 30 October", then "won Saturday's election" on the 17th as first due)."""
    ranked = _latest_move_first(ranked)
    first = ranked[0] if ranked else None
    if first is None:
        return ranked
    if first.proposed_state in {"cancelled", "did_not_happen"}:
        later = next(
            (
                c
                for c in ranked[1:]
                if c.proposed_state == "postponed"
                and c.proposed_window is not None
                and _day(c) >= _day(first)
            ),
            None,
        )
    elif first.proposed_state == "postponed":
        later = next(
            (
                c
                for c in ranked[1:]
                if _settles_the_moves(c, ranked) or _done_as_first_due(c, ranked, row)
            ),
            None,
        )
    else:
        return ranked
    if later is None:
        return ranked
    return [later, *(c for c in ranked if c is not later)]


def _day(c: Candidate) -> date:
    return c.published or date.min


def _latest_move_first(ranked: list[Candidate]) -> list[Candidate]:
    """A postponement to a wide window goes after a later one to a later day: "moved to
    2023" in January, then "now expected in July" in June; the window the follow-up waits
    for now is the last one given. A move to a day stays first ("to 2 September", then "to
    3 September" is the slip of that day, for the follow-up that takes it over)."""
    first = ranked[0] if ranked else None
    if (
        first is None
        or first.proposed_state != "postponed"
        or first.proposed_window is None
        or _near(first.proposed_window)
    ):
        return ranked
    start = first.proposed_window[0] or date.min
    later = [
        c
        for c in ranked[1:]
        if c.proposed_state == "postponed"
        and c.proposed_window is not None
        and (c.proposed_window[0] or date.min) > start
        and _day(c) > _day(first)
    ]
    if not later:
        return ranked
    latest = max(later, key=_day)
    return [latest, *(c for c in ranked if c is not latest)]


def _moves(ranked: list[Candidate], done: Candidate) -> list[Candidate]:
    """The postponements among the candidates, other than ``done``."""
    return [c for c in ranked if c.proposed_state == "postponed" and c is not done]


def _settles_the_moves(done: Candidate, ranked: list[Candidate]) -> bool:
    """A report of the event done on the last new day that the postponements before it
    gave (not a call-off: "the vote was called off" is often put back again)."""
    moves = _moves(ranked, done)
    if done.proposed_state != "happened" or not moves or done.moved_too:
        return False
    if any(_day(c) > _day(done) for c in moves):
        return False  # put off again after it: not done, or not the same thing done
    last = max(moves, key=_day)
    return _near(last.proposed_window) and _on_the_new_day(done, last)


def _done_as_first_due(done: Candidate, ranked: list[Candidate], row: FollowUpRow) -> bool:
    """A later report of the event done on a day inside the follow-up's own window, before
    every new day the postponements before it gave (if they gave one)."""
    moves = _moves(ranked, done)
    day = done.done_on
    if done.proposed_state != "happened" or done.moved_too or day is None or not moves:
        return False
    if row.due_start is None or row.due_end is None:
        return False
    return row.due_start <= day <= row.due_end + SAME_DAY and all(
        _day(c) <= _day(done) and _new_day_after(c, day) for c in moves
    )


def _new_day_after(moved: Candidate, day: date) -> bool:
    start = moved.proposed_window[0] if moved.proposed_window else None
    return start is None or start > day


NEAR = timedelta(days=7)
"""The widest new window whose coming a settling article may be believed to follow ("moved
to 4 September", "to the week of 10 October"; not "to the third quarter", in which another
unit's start or the Olympics' opening, matched to a follow-up by mistake, was put first)."""


def _near(window: tuple[date | None, date | None] | None) -> bool:
    return bool(window and window[0] and window[1] and window[1] - window[0] <= NEAR)


def _on_the_new_day(done: Candidate, moved: Candidate) -> bool:
    """A happened report dated within the new window (or, undated, published in it or the
    week after): "moved to 4 September", then "opened on Monday"."""
    start, end = moved.proposed_window or (None, None)
    if start is None or end is None:
        return False
    if done.done_on is not None:
        return start <= done.done_on <= end + SAME_DAY  # a night launch dated the day after
    return done.published is not None and start <= done.published <= end + timedelta(days=7)


BACK_REFERENCES = {"its", "their"}


def _of_the_same_thing(report: EventReport, names: Sequence[str]) -> bool:
    """A report of no thing, or of a pronoun's ("its doors open on Saturday", "the chamber
    is to hold its final vote on Thursday"), that names no one but the follow-up's
    ``names``, speaks of what the article is about, not of another thing ("the channel's
    news hour makes its debut tonight")."""
    words = (report.theme or "").split()
    return (not words or words[0].lower() in BACK_REFERENCES) and all(
        role == "context" or name in names for name, role in roles(report)
    )


def _score(
    target: Target,
    article: _Article,
    fts_rank: float | None,
    restated: Sequence[Restatement] = (),
) -> Candidate | None:
    """``restated``: the follow-ups of the target's tracked event that this article
    stated."""
    row = target.row
    names = _names_in(target.names, article)
    findings: list[Finding] = []
    in_body: list[Finding] = []
    """The findings read off a body sentence, not the headline."""
    for r in restated:
        slip = restated_slip(target, (r.due_start, r.due_end), r.bound, r.quote)
        if slip is not None and r.negated == row.negated and r.followup_id != row.id:
            findings.append(slip)
            in_body.append(slip)
    matching: list[str] = []
    still_expected = own_pending = False
    waiting: list[tuple[EventReport, bool]] = []
    """Reports of the event still to come, and whether each names the follow-up's names or
    theme, or a pronoun's thing: the day of one that names another thing is no later day of
    a report of it done that names the follow-up's."""
    due_from: date | None = None
    """The latest first day the article still expects the event's own kind on."""
    reported: list[tuple[Finding, bool]] = []
    for report in article.reports:
        sentence = article.text[report.start : report.end]
        match = about(target, report, names, sentence, _next_sentence(article, report.end))
        if match is None:
            continue
        matching.append(report.lemma)
        quote = article.text[report.start : report.end].strip()
        found = finding(target, report, article.published, match, quote)
        named = bool(match.names or match.strong) or _of_the_same_thing(report, match.names)
        if found is not None:
            reported.append((found, own_event(target, report)))
            if not report.headline:
                in_body.append(found)
            if found.state == "postponed" and _of_the_same_thing(report, match.names):
                waiting.append((report, True))  # "its doors open on Saturday", years late
        elif pending(target, report):
            waiting.append((report, named))
    named_done = any(f.names for f, _own in reported)
    for report, named in waiting:
        still_expected = True
        own = own_event(target, report)
        own_pending = own_pending or own
        if named_done and not named:
            continue  # "The Nine makes its debut tonight" beside "BBC Scotland's launch went"
        # a day or a week ahead ("the final vote will take place on Saturday"), not a
        # month an event done earlier in it does not contradict ("its release was then
        # set for September", beside "went on release on Wednesday")
        window = (report.window_start, report.window_end)
        # a thing named by a noun is its own only under its own name ("JEE Advanced
        # remains set for 27 September" is no later day of "the medical test")
        by_name = "*" in report.event_group.split() and report.lemma != target.lemma
        if own and not by_name and _near(window) and report.window_start is not None:
            due_from = max(due_from or report.window_start, report.window_start)
    findings += steps_before(reported, own_pending, due_from)
    in_body = [f for f in in_body if f in findings]
    names = names or _names_in(target.topics, article)
    if not names and not matching and not findings:
        return None
    reasons: list[str] = []
    score = WEIGHTS["entity"] * min(len(names), 5) + WEIGHTS["event"] * min(len(set(matching)), 3)
    if names:
        reasons.append("shares " + ", ".join(names))
    if matching:
        reasons.append("speaks of the event: " + ", ".join(dict.fromkeys(matching)))
    if any(r.followup_id != row.id for r in restated):
        reasons.append("restates it (the same tracked event)")
    if row.due_start or row.due_end:
        low = (row.due_start or row.source_published or date.min) - WINDOW_SLACK
        high = (row.due_end or date.max) + WINDOW_SLACK
        if article.published and low <= article.published <= high:
            score += WEIGHTS["published_in_window"]
            reasons.append(f"published {article.published}, within the due window")
        in_window = [
            v
            for v, vs, ve in article.times
            if vs and ve and row.due_start and row.due_end
            and vs <= row.due_end and ve >= row.due_start and not v.endswith("_REF")
        ]  # fmt: skip
        if in_window:
            score += WEIGHTS["mentions_window"]
            reasons.append("mentions " + ", ".join(dict.fromkeys(in_window)))
    if fts_rank is not None:
        score += min(1.0, -fts_rank / 10)
        reasons.append(f"full-text rank {-fts_rank:.1f}")
    best = verdict(findings)
    if best is not None:
        score += OUTCOME_BONUS[best.state]
        reasons.append(REASON[best.state])
        if best.window is not None:
            reasons[-1] += f" to {best.window[0] or '…'}..{best.window[1] or '…'}"
    elif still_expected:
        reasons.append("still speaks of it as expected")
    if score < MIN_SCORE:
        return None
    return Candidate(
        article.id,
        article.title,
        article.published,
        score,
        best.state if best else None,
        best.window if best else None,
        reasons,
        best.quote if best else "",
        best.strength if best else 0.0,
        _passage(best, in_body),
        best.on if best and best.state == "happened" else None,
        best is not None and _moved_in_its_sentence(best, findings),
    )


def _moved_in_its_sentence(best: Finding, findings: list[Finding]) -> bool:
    return any(f.state == "postponed" and f.quote == best.quote for f in findings)


def _next_sentence(article: _Article, end: int) -> str:
    """The article's sentence after the one ending at ``end``: the sentence of a report
    that starts right there (the parser's sentence), else up to the next full stop,
    question or exclamation mark."""
    start = end + len(article.text[end:]) - len(article.text[end:].lstrip())
    there = article.starting.get(start)
    if there is not None:
        return article.text[there.start : there.end]
    stop = SENTENCE_END.search(article.text, end + 1)
    return article.text[end : stop.end() if stop else len(article.text)]


SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _passage(best: Finding | None, in_body: list[Finding]) -> str:
    """The sentence to show as the evidence of ``best``: the strongest body sentence that
    finds the same (a headline weighs more in the verdict, but the body says it in full:
    who, what and when), else ``best``'s own (the headline when only it says so)."""
    if best is None:
        return ""
    same = [f for f in in_body if f.state == best.state and f.window == best.window]
    return max(same, key=lambda f: f.strength).quote if same else best.quote


def _archive_candidates(
    session: Session, target: Target, as_of: date, limit: int, lexicon: Lexicon
) -> dict[int, float | None]:
    row = target.row
    after = row.source_published or date.min
    if has_fts(session.connection()):
        thing = [] if target.names or target.topics else _searchable_thing(target, lexicon)
        query = any_of([*target.names, *target.topics, *target.words, *thing])
        if not query:
            return {}
        ranked = ranked_published_between(
            session.connection(), query, after=after, as_of=as_of, limit=limit
        )
        return dict(ranked)
    return dict.fromkeys(ids_published_between(session, after=after, as_of=as_of))


def _searchable_thing(target: Target, lexicon: Lexicon) -> list[str]:
    """The common noun a follow-up with no name and no topic is about ("will the tolls
    start"): its search would otherwise have the event's words only, whose inflections the
    index does not stem ("began" is not "begin")."""
    lemma = target.theme_lemma
    if not lemma or lemma in VAGUE_THEMES:
        return []
    return [lemma, *sorted(lexicon.general_words(lemma) - {lemma})]  # "electricity"


def _borrowed(session: Session, rows: list[FollowUpRow]) -> dict[int, list[tuple[str, str]]]:
    """For each tracked event, the (role, name) of all its follow-ups."""
    by_event: dict[int, list[int]] = {}
    for r in rows:
        if r.event_id is not None:
            by_event.setdefault(r.event_id, [])
    if not by_event:
        return {}
    members = event_fact_ids(session, list(by_event))
    roles = roles_of(session, [fact_id for _e, fact_id in members])
    out: dict[int, list[tuple[str, str]]] = {}
    for event_id, fact_id in members:
        out.setdefault(int(event_id), []).extend(roles.get(fact_id, []))
    return out


def targets_for(session: Session, rows: list[FollowUpRow], lexicon: Lexicon) -> list[Target]:
    aliases = aliases_of(session, [r.fact_id for r in rows])
    borrowed = _borrowed(session, rows)
    groups, themes = _event_groups(session, rows, lexicon)
    sentences = reports_of_fact_sentences(session, [r.fact_id for r in rows])
    targets = []
    for r in rows:
        t = target_of(
            r,
            lexicon,
            aliases.get(r.fact_id, []),
            borrowed.get(r.event_id, []) if r.event_id is not None else [],
        )
        known = any(g in lexicon.events for g in t.groups)
        theirs = groups.get(r.event_id, set()) if r.event_id is not None else set()
        if not known and any(g in lexicon.events for g in theirs):
            # "the bubble will be delayed", "will put the jet in the service's hands": the
            # event is what its tracked event is about; a tracked event of unknown verbs
            # only ("go on trial") lends nothing, and "Balwani's trial" keeps its noun
            t.groups = frozenset(theirs | (t.groups - {"*"}))
            t.words = lexicon.words_of(t.groups)
        kin = lexicon.kin_of(t.groups) & theirs
        if kin:
            # "ratify", restated in its tracked event as "vote": the vote's report settles it
            t.groups = frozenset(t.groups | kin)
            t.words = lexicon.words_of(t.groups)
        if r.event_id is not None:
            t.event_themes = themes.get(r.event_id, set())
            t.words |= {th for th in t.things if _name_like(th, t)}
        t.ruled_out = _ruled_out(t, sentences.get(r.fact_id, []))
        targets.append(t)
    _topics_for_the_nameless(session, targets)
    return targets


def _name_like(theme: str, target: Target) -> bool:
    """A theme lemma that is a name, for the full-text search: a name of several words or
    with a number ("nightfall 2084"), or one of the follow-up's names; not a common noun
    ("game", "station"), which would fill the search with every article that uses it."""
    return " " in theme or any(c.isdigit() for c in theme) or theme in target.names


def _topics_for_the_nameless(session: Session, targets: list[Target]) -> None:
    """A follow-up that names no one, and whose tracked event names no one either ("will
    the pair leave the station?"), looks for what its article is about: the names of its
    headline and the names it repeats (``Target.topics``)."""
    nameless = [t for t in targets if not t.names]
    if not nameless:
        return
    found = names_in_articles(session, list({t.row.source_article_id for t in nameless}))
    for t in nameless:
        head, names = found.get(t.row.source_article_id, (0, []))
        for name in sorted(topics_of(head, names)):
            for form in surface_forms(name):
                t.topics.setdefault(form, name)


def _ruled_out(target: Target, reports: list[EventReport]) -> list[tuple[date, date]]:
    """The windows its sentence's other clauses say the same kind of event will not
    happen in, apart from its own window ("X will not open on May 24; it remains on course
    to open later this year"). A negated follow-up is settled by those very reports."""
    row = target.row
    if row.negated:
        return []
    out: list[tuple[date, date]] = []
    for report in reports:
        if report.status not in {"expected_not", "not_happened"}:
            continue
        groups = {g for g in report.event_group.split() if g} or {report.lemma}
        if not (groups & target.groups) and report.lemma != target.lemma:
            continue
        lo, hi = report.window_start or report.window_end, report.window_end
        if lo is None or hi is None:
            continue
        if row.due_end is not None and lo <= row.due_end and hi >= (target.start or row.due_end):
            continue  # its own window: the clause is about this follow-up's date
        out.append((lo, hi))
    return out


def _event_groups(
    session: Session, rows: list[FollowUpRow], lexicon: Lexicon
) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """The lexicon groups, and the themes, that the follow-ups of each tracked event name."""
    events = {r.event_id for r in rows if r.event_id is not None}
    if not events:
        return {}, {}
    out: dict[int, set[str]] = {}
    themes: dict[int, set[str]] = {}
    for event_id, lemma, group, theme in event_frames_of(session, list(events)):
        found = {g for g in (group or "").split() if g} or set(lexicon.groups_of(lemma or ""))
        out.setdefault(int(event_id), set()).update(found - {"*", ""})
        if theme and not (" " in (lemma or "") and (lemma or "").split()[-1] == theme):
            themes.setdefault(int(event_id), set()).add(theme)  # not the "voter" of "ask voter"
    return out, themes


def check_updates(
    store: Store,
    *,
    as_of: date | None = None,
    new_article_ids: Sequence[int] | None = None,
    followup_ids: Sequence[int] | None = None,
    limit: int = 5,
    states: Collection[str] = (FollowUpState.OPEN.value,),
) -> list[FollowUpCandidates]:
    """Ranked candidates for each open follow-up (best first); ``states`` widens the check
    (the workspace checks a proposed item the analyst selects, to help decide on it)."""
    as_of = as_of or date.today()
    assign_events(store)
    results: list[FollowUpCandidates] = []
    with store.session() as session:
        lexicon = load_lexicon(lexicon_additions(session))
        rows = [
            r
            for r in followup_rows(
                session, as_of=as_of, ids=list(followup_ids) if followup_ids else None
            )
            if r.state in states
        ]
        cache: dict[int, _Article] = {}
        new_ids = list(new_article_ids) if new_article_ids is not None else None
        if new_ids is not None:
            cache.update(_load_articles(session, new_ids))
        restated: dict[tuple[int, int], list[Restatement]] = {}
        for r in restatements_of(session, list({x.event_id for x in rows if x.event_id})):
            restated.setdefault((r.event_id, r.article_id), []).append(r)
        for target in targets_for(session, rows, lexicon):
            row = target.row
            if new_ids is not None:
                pool: dict[int, float | None] = {
                    aid: None
                    for aid, art in cache.items()
                    if art.published
                    and art.published > (row.source_published or date.min)
                    and art.published <= as_of
                }
            else:
                pool = _archive_candidates(session, target, as_of, ARCHIVE_CANDIDATES, lexicon)
                siblings = [aid for eid, aid in restated if eid == row.event_id]
                missing = [aid for aid in [*pool, *siblings] if aid not in cache]
                cache.update(_load_articles(session, missing))
                after = row.source_published or date.min
                for aid in siblings:
                    published = cache[aid].published if aid in cache else None
                    if published is not None and after < published <= as_of:
                        pool.setdefault(aid, None)  # a restatement the words did not find
            scored = [
                c
                for aid, rank in pool.items()
                if aid in cache
                and (
                    c := _score(
                        target, cache[aid], rank, restated.get((row.event_id or 0, aid), [])
                    )
                )
                is not None
            ]
            scored.sort(key=_ranking)
            results.append(FollowUpCandidates(row, _superseded(scored, row)[:limit]))
    return results
