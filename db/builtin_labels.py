"""The highlight labels Factdesk knows before the analyst adds their own: the one list the
label picker, the fact editor, the colours, entity linking and the knowledge-base ruler
read. Free of SQLAlchemy, so the window may read it before its first paint.
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
    color: str
    kind: LabelKind
    offered: bool = False
    """Offered in the label picker before anyone has used it."""
    role_type: bool = False
    """Offered as the type of a fact's role in the fact editor."""


_N, _T, _V = LabelKind.NAME, LabelKind.THING, LabelKind.VALUE

BUILTIN_LABELS = (
    BuiltinLabel("PERSON", "#e6a1c5", _N, offered=True, role_type=True),
    BuiltinLabel("ORG", "#8fc1ec", _N, offered=True, role_type=True),
    BuiltinLabel("GPE", "#9ad49a", _N, offered=True, role_type=True),
    BuiltinLabel("NORP", "#f2c98a", _N, offered=True, role_type=True),
    BuiltinLabel("LOC", "#b5dfa9", _N, offered=True, role_type=True),
    BuiltinLabel("FAC", "#d7b8f0", _N, offered=True),
    BuiltinLabel("PRODUCT", "#f3a58f", _T, offered=True, role_type=True),
    BuiltinLabel("WEAPON_SYSTEM", "#f08080", _T, offered=True, role_type=True),
    BuiltinLabel("EVENT", "#c5d88a", _N, offered=True, role_type=True),
    BuiltinLabel("DATE", "#f7e07e", _V, offered=True),
    BuiltinLabel("TIME", "#f7e9a8", _V, offered=True),
    BuiltinLabel("MONEY", "#a8e0d4", _V, offered=True),
    BuiltinLabel("QUANTITY", "#c9d6df", _V, offered=True),
    BuiltinLabel("PERCENT", "#d0d0f0", _V),
    BuiltinLabel("CARDINAL", "#dcdcdc", _V),
    BuiltinLabel("ORDINAL", "#b4c7ff", _V),
    BuiltinLabel("LAW", "#e8c1a0", _N, offered=True),
    BuiltinLabel("LANGUAGE", "#c8e6c9", _N),
    BuiltinLabel("WORK_OF_ART", "#f1c0e8", _T),
)

LITERAL_TYPE = "MISC"
"""The role type of a literal (a value typed into the fact editor, not an entity)."""

LABEL_COLORS = {label.name: label.color for label in BUILTIN_LABELS}
OFFERED_LABELS = tuple(label.name for label in BUILTIN_LABELS if label.offered)
ROLE_TYPES = (*(label.name for label in BUILTIN_LABELS if label.role_type), LITERAL_TYPE)
VALUE_LABELS = frozenset(label.name for label in BUILTIN_LABELS if label.kind is _V)
"""Labels whose highlights are values, not things: accepting them links no entity."""
NAME_LABELS = frozenset(label.name for label in BUILTIN_LABELS if label.kind is _N)
"""Labels of proper names; any other label (things, the analyst's own) names a thing."""
