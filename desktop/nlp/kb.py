"""The analyst's knowledge base as an EntityRuler that runs before the statistical NER.

Each alias becomes a case-insensitive token pattern whose last token may also take a
plural or possessive ending ("S-400s", "India's"); names of things (weapon systems,
products, the analyst's own labels) may also run on into a following proper noun
("S-400 Triumf"). Matches carry the entity id, so the highlights come linked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from db.builtin_labels import NAME_LABELS
from db.entities import KbEntry

if TYPE_CHECKING:
    from spacy.language import Language

RULER_NAME = "factdesk_kb"
FINGERPRINT_KEY = "factdesk_kb_fingerprint"
ENTITY_ID_PREFIX = "entity:"
NAME_POS = ["PROPN", "NOUN", "ADJ", "X"]
"""A capitalised word of one of these kinds after a thing's name continues it (the
tagger reads "Triumf" in "S-400 Triumf" as an adjective)."""


def fingerprint(entries: Sequence[KbEntry]) -> str:
    digest = hashlib.sha1()
    for entry in entries:
        digest.update(f"{entry.entity_id}\x1f{entry.type}\x1f{entry.alias}\x1e".encode())
    return digest.hexdigest()


def patterns(nlp: Language, entries: Sequence[KbEntry]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for entry in entries:
        tokens = [t.lower_ for t in nlp.make_doc(entry.alias) if not t.is_space]
        if not tokens:
            continue
        last = tokens[-1]
        pattern: list[dict[str, Any]] = [{"LOWER": t} for t in tokens[:-1]]
        pattern.append({"LOWER": {"IN": [last, f"{last}s", f"{last}es"]}})
        ident = f"{ENTITY_ID_PREFIX}{entry.entity_id}"
        out.append({"label": entry.type, "pattern": pattern, "id": ident})
        if entry.type not in NAME_LABELS:
            extended = [*pattern, {"IS_TITLE": True, "IS_STOP": False, "POS": {"IN": NAME_POS}}]
            out.append({"label": entry.type, "pattern": extended, "id": ident})
    return out


def install_kb(nlp: Language, entries: Sequence[KbEntry]) -> bool:
    """Put (or refresh) the knowledge-base ruler in the pipeline; True if it changed."""
    stamp = fingerprint(entries)
    if nlp.meta.get(FINGERPRINT_KEY) == stamp and (RULER_NAME in nlp.pipe_names or not entries):
        return False
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    nlp.meta[FINGERPRINT_KEY] = stamp
    if not entries:
        return True
    where: dict[str, Any] = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True}, **where)
    ruler.add_patterns(patterns(nlp, entries))  # type: ignore[attr-defined]
    return True
