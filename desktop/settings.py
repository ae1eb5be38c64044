"""Where Factdesk keeps its data, where the data it ships lies, and who the analyst is:
decided in one place.

The Qt side keeps window state in QSettings; everything a headless command needs is here.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Factdesk"
APP_ORG = "Factdesk"
DB_ENV = "FACTDESK_DB"
ANALYST_ENV = "FACTDESK_ANALYST"
MODEL_ENV = "FACTDESK_MODEL"
DB_FILENAME = "factdesk.sqlite3"
APP_ID = "org.factdesk.Factdesk"
"""The reverse-DNS name of the desktop entry, the icon and the AppStream metainfo."""
RESOURCES_PACKAGE = "desktop.resources"
"""The repository's ``resources/`` folder, installed inside the desktop package."""
SEEDS_PACKAGE = "desktop.seeds"
"""The repository's ``seeds/`` folder, installed inside the desktop package."""


def default_db_path() -> Path:
    return user_data_path(APP_NAME, APP_ORG) / DB_FILENAME


def resources_dir() -> Traversable:
    """The data shipped with the app (``resources/``): in a checkout's editable install, an
    installed wheel and the PyInstaller bundle alike. The one place that knows where."""
    return resources.files(RESOURCES_PACKAGE)


def resource_path(*parts: str) -> Path:
    """A shipped file or folder as a real path, for readers that want one (Qt, the
    importer). Wheels and the bundle install unpacked, so no copy is made."""
    found = resources.files(RESOURCES_PACKAGE).joinpath(*parts)
    return _on_disk(found)


def seeds_dir() -> Path:
    """The sample articles shipped with the app (``seeds/``), as a real folder."""
    return _on_disk(resources.files(SEEDS_PACKAGE))


def _on_disk(found: Traversable) -> Path:
    if isinstance(found, Path):
        return found
    raise RuntimeError(f"Factdesk's data is not on disk ({found}): install it unpacked")


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

    def signed_in(self, login: str | None) -> Settings:
        """On a shared PostgreSQL store the analyst is the login the server says this
        session has (``Store.login``), however the client found it (the URL, PGUSER,
        ~/.pgpass, a service file); on a SQLite file (None) the name stays."""
        return replace(self, analyst=login) if login else self
