"""The analyst's highlight labels and their colours."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlmodel import Session, col

from db.errors import StoreError
from db.models import LabelDef

_LABEL = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def normalize_label(name: str) -> str:
    """Labels are upper case with underscores: "weapon system" -> "WEAPON_SYSTEM"."""
    label = re.sub(r"[\s-]+", "_", name.strip()).upper()
    if not _LABEL.match(label):
        raise StoreError(
            f"{name!r} is not a usable label: use letters, digits and underscores, "
            "starting with a letter (for example WEAPON_SYSTEM)."
        )
    return label


def define_label(
    session: Session, *, name: str, color: str = "", description: str = ""
) -> LabelDef:
    label = normalize_label(name)
    if color and not _COLOR.match(color):
        raise StoreError(f"{color!r} is not a colour; write it as #rrggbb, for example #f08080.")
    row = session.scalars(select(LabelDef).where(col(LabelDef.name) == label)).first()
    if row is None:
        row = LabelDef(name=label)
    row.color = color or row.color
    row.description = description or row.description
    session.add(row)
    session.flush()
    return row


def label_colors(session: Session) -> dict[str, str]:
    return {
        name: color
        for name, color in session.execute(select(col(LabelDef.name), col(LabelDef.color)))
        if color
    }
