"""A fact's time range follows its time value: a fact stored (or edited) with a value
such as ``2018-10`` or ``2018-W40`` and no range of its own gets the first and last day
that value covers and its granularity, whoever writes it (the fact editor, an edit, an
undo). A vague value (``FUTURE_REF``) has no range. Registered on the ORM once, when
``db.store`` is imported; bulk inserts through Core (the pipeline's suggested facts)
give their own range."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect

from db.models import Fact
from db.time_values import value_range


def _set_range(fact: Fact) -> None:
    found = value_range(fact.time_value)
    fact.time_start, fact.time_end, fact.time_granularity = found or (None, None, None)


@event.listens_for(Fact, "before_insert")
def _on_insert(_mapper: Any, _connection: Any, fact: Fact) -> None:
    if fact.time_value and fact.time_start is None and fact.time_end is None:
        _set_range(fact)


@event.listens_for(Fact, "before_update")
def _on_update(_mapper: Any, _connection: Any, fact: Fact) -> None:
    attrs = inspect(fact).attrs
    moved = attrs.time_start.history.has_changes() or attrs.time_end.history.has_changes()
    if attrs.time_value.history.has_changes() and not moved:
        _set_range(fact)
