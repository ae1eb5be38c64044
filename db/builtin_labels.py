"""The highlight labels Factdesk knows before the analyst adds their own: the one list the
label picker, the fact editor, entity linking and the knowledge-base ruler read. Their
colours are data shipped with the app (``resources/labels.toml``, read by the window).
Free of SQLAlchemy, so the window may read it before its first paint.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class LabelKind(enum.StrEnum):
    NAME = "name"
    """The proper name of a person, place, group or organisation: linked to an entity."""
    THING = "thing"
    """A made thing (a product, a weapon system, a work): linked to an entity, and its name
    may run on into a following proper noun ("S-400 Triumf")."""
    VALUE = "value"
    """A date, time, amount or number: a value, never an entity."""


@dataclass(frozen=True)
class BuiltinLabel:
    name: str
    kind: LabelKind
    offered: bool = False
    """Offered in the label picker before anyone has used it."""
    role_type: bool = False
    """Offered as the type of a fact's role in the fact editor."""


_N, _T, _V = LabelKind.NAME, LabelKind.THING, LabelKind.VALUE

BUILTIN_LABELS = (
    BuiltinLabel("PERSON", _N, offered=True, role_type=True),
    BuiltinLabel("ORG", _N, offered=True, role_type=True),
    BuiltinLabel("GPE", _N, offered=True, role_type=True),
    BuiltinLabel("NORP", _N, offered=True, role_type=True),
    BuiltinLabel("LOC", _N, offered=True, role_type=True),
    BuiltinLabel("FAC", _N, offered=True),
    BuiltinLabel("PRODUCT", _T, offered=True, role_type=True),
    BuiltinLabel("WEAPON_SYSTEM", _T, offered=True, role_type=True),
    BuiltinLabel("EVENT", _N, offered=True, role_type=True),
    BuiltinLabel("DATE", _V, offered=True),
    BuiltinLabel("TIME", _V, offered=True),
    BuiltinLabel("MONEY", _V, offered=True),
    BuiltinLabel("QUANTITY", _V, offered=True),
    BuiltinLabel("PERCENT", _V),
    BuiltinLabel("CARDINAL", _V),
    BuiltinLabel("ORDINAL", _V),
    BuiltinLabel("LAW", _N, offered=True),
    BuiltinLabel("LANGUAGE", _N),
    BuiltinLabel("WORK_OF_ART", _T),
)

LITERAL_TYPE = "MISC"
"""The role type of a literal (a value typed into the fact editor, not an entity)."""

OFFERED_LABELS = tuple(label.name for label in BUILTIN_LABELS if label.offered)
ROLE_TYPES = (*(label.name for label in BUILTIN_LABELS if label.role_type), LITERAL_TYPE)
VALUE_LABELS = frozenset(label.name for label in BUILTIN_LABELS if label.kind is _V)
"""Labels whose highlights are values, not things: accepting them links no entity."""
NAME_LABELS = frozenset(label.name for label in BUILTIN_LABELS if label.kind is _N)
"""Labels of proper names; any other label (things, the analyst's own) names a thing."""
