"""Where Factdesk keeps its data, and who the analyst is: decided in one place.

The Qt side keeps window state in QSettings; everything a headless command needs is here.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Factdesk"
APP_ORG = "Factdesk"
DB_ENV = "FACTDESK_DB"
ANALYST_ENV = "FACTDESK_ANALYST"
MODEL_ENV = "FACTDESK_MODEL"
DB_FILENAME = "factdesk.sqlite3"


def default_db_path() -> Path:
    return user_data_path(APP_NAME, APP_ORG) / DB_FILENAME


def seeds_dir() -> Path:
    """The sample articles shipped with the app (the repository's ``seeds/``)."""
    return Path(__file__).resolve().parent.parent / "seeds"


def current_analyst() -> str:
    name = os.environ.get(ANALYST_ENV)
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


@dataclass(frozen=True)
class Settings:
    """What one run of the app or the CLI works with."""

    db_location: str
    analyst: str
    model_name: str | None
    db_chosen: bool

    @classmethod
    def resolve(cls, db: str | None = None, model: str | None = None) -> Settings:
        """``--db`` wins over ``FACTDESK_DB``, which wins over the user-data default."""
        chosen = db or os.environ.get(DB_ENV)
        if chosen:
            location = chosen
        else:
            path = default_db_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            location = str(path)
        return cls(
            db_location=location,
            analyst=current_analyst(),
            model_name=model or os.environ.get(MODEL_ENV) or None,
            db_chosen=bool(chosen),
        )
