"""The analyst's side of the event lexicon: listing it and adding words (audited)."""

from __future__ import annotations

from sqlmodel import Session

from db.errors import StoreError
from db.lexicon import find_entry, lexicon_additions
from db.models import LexiconEntry
from db.store import Store
from desktop.tracking.audit import record
from desktop.vocabulary import OUTCOME_KINDS, Lexicon, load_lexicon, normalize


def current_lexicon(store: Store) -> Lexicon:
    with store.session() as session:
        return load_lexicon(lexicon_additions(session))


def lexicon_listing(store: Store) -> list[tuple[str, str, list[str]]]:
    """(group, 'event' or 'outcome', sorted words) for every group, analyst's words included."""
    lexicon = current_lexicon(store)
    rows = [(g, "event", sorted(ws)) for g, ws in sorted(lexicon.events.items())]
    rows += [(k, "outcome", sorted(lexicon.outcomes[k])) for k in OUTCOME_KINDS]
    return rows


def add_word(store: Store, *, group: str, word: str, who: str) -> bool:
    """Add ``word`` (a lemma or a multiword verb such as "sign off") to ``group``; False when
    the lexicon has it there already. New groups are allowed: a word is then matched with
    the group's other words."""
    g, w = normalize(group), normalize(word)
    if not g or not w or not all(part.replace("-", "").isalpha() for part in w.split()):
        raise StoreError(f"{word!r} is not a word for the lexicon; give a lemma such as 'ink'.")
    if not g.replace("_", "").isalpha():
        raise StoreError(f"{group!r} is not a group name; list them with 'factdesk lexicon list'.")
    lexicon = current_lexicon(store)
    if w in lexicon.events.get(g, ()) or w in lexicon.outcomes.get(g, ()):
        return False

    def work(session: Session) -> bool:
        if find_entry(session, group=g, word=w) is not None:
            return False
        entry = LexiconEntry(group_name=g, word=w, who=who)
        session.add(entry)
        session.flush()
        assert entry.id is not None
        record(
            session,
            who=who,
            action="lexicon.add",
            target_table="lexicon_entry",
            target_id=entry.id,
            article_id=None,
            before=None,
            after={"group": g, "word": w},
        )
        return True

    return store.write(work)
