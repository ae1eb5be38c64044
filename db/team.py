"""Analysts and their roles on a shared PostgreSQL store, enforced by the server itself.

Each analyst is a database login, member of one of three group roles:

- ``factdesk_analyst`` annotates and proposes: reads everything; imports articles, writes
  highlights, entities, facts that are not confirmed, links and proposed follow-ups, and
  groups and snoozes follow-ups; cannot delete an article, confirm a fact, confirm, settle
  or remove a follow-up, merge entities, change labels and the event lexicon, or rewrite
  the audit log.
- ``factdesk_reviewer`` (an analyst too) also confirms facts and confirms, settles and
  removes follow-ups.
- ``factdesk_admin`` (a reviewer too) may change everything but the audit log (append
  only for everyone): labels, lexicon, entity merges, deleting articles, and adds
  analysts (``factdesk_add_analyst``, a function that runs as the database's owner).

Which role may write what, table by table, is ``db/team_rules.py``: grants, row-level
security and triggers, so direct SQL cannot get round the app. The group roles are the
server's (shared by its databases); the grants, policies and triggers are this
database's, and ``install_roles`` (re)creates them as the table owner.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from db.errors import StoreError
from db.team_rules import DATABASE_STATEMENTS, GROUP, ROLE_STATEMENTS, ROLES

__all__ = ["GROUP", "ROLES", "add_analyst", "install_roles", "role_of", "session_login"]

_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_ARTICLE = {"analyst": "an analyst", "reviewer": "a reviewer", "admin": "an admin"}


def _postgres_only(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        raise StoreError(
            "Analysts and roles need a shared PostgreSQL store; point --db at one "
            "(a SQLite file has one analyst at a time)."
        )


def session_login(conn: Connection) -> str | None:
    """The login this connection signed in as (however the client found it: the URL,
    PGUSER, a service file), or None on SQLite."""
    if conn.dialect.name != "postgresql":
        return None
    return str(conn.execute(text("SELECT session_user")).scalar_one())


def install_roles(conn: Connection) -> None:
    """Create the group roles (when missing) and this database's grants, policies,
    triggers and the add-analyst function (again, so tables added since are covered)."""
    _postgres_only(conn)
    for statement in ROLE_STATEMENTS + DATABASE_STATEMENTS:
        conn.execute(text(statement))


def _installed(conn: Connection) -> bool:
    return (
        conn.execute(
            text("SELECT 1 FROM pg_trigger WHERE tgname = 'audit_login' AND NOT tgisinternal")
        ).first()
        is not None
    )


def _owns_tables(conn: Connection) -> bool:
    """The login owns the desk's tables (the one that made the database; a superuser)."""
    return bool(
        conn.execute(
            text(
                "SELECT pg_has_role(session_user, relowner, 'USAGE') FROM pg_class "
                "WHERE oid = 'public.article'::regclass"
            )
        ).scalar_one()
    )


def reinstall_after_upgrade(conn: Connection) -> None:
    """After a migration: when this database has analysts' roles installed, install them
    again, so that the tables the migration created get the grants and policies (also
    when another login than the one that added the analysts ran the upgrade)."""
    if conn.dialect.name == "postgresql" and _installed(conn):
        install_roles(conn)


def add_analyst(conn: Connection, name: str, role: str, password: str | None = None) -> None:
    """A login for ``name`` in the group of ``role`` (a login already there changes
    group). The database's owner (re)installs the rules first; an admin of the desk goes
    through ``factdesk_add_analyst``; anyone else is told in one sentence."""
    _postgres_only(conn)
    if role not in ROLES:
        raise StoreError(f"{role!r} is not a role; use one of {', '.join(ROLES)}.")
    if not _NAME.fullmatch(name) or name.startswith(("factdesk_", "pg_")):
        raise StoreError(
            f"{name!r} cannot be a login: use lower-case letters, digits and _ "
            "(starting with a letter, not factdesk_ or pg_)."
        )
    if _owns_tables(conn):
        install_roles(conn)
    else:
        me = session_login(conn)
        mine = role_of(conn, me or "")
        if not _installed(conn):
            raise StoreError(
                "This database has no analysts yet: the login that made it adds the first "
                "ones (factdesk team add-analyst)."
            )
        if mine != "admin":
            raise StoreError(
                f"Only an admin of the desk adds analysts; {me} signs in as "
                f"{_ARTICLE.get(mine or '', 'a login outside the desk')}."
            )
    conn.execute(
        text("SELECT factdesk_add_analyst(:name, :role, :secret)"),
        {"name": name, "role": role, "secret": password},
    )


def role_of(conn: Connection, name: str) -> str | None:
    """The highest of the three roles ``name`` holds, or None."""
    for role in reversed(ROLES):
        held = conn.execute(
            text("SELECT pg_has_role(:n, :g, 'MEMBER')"), {"n": name, "g": GROUP[role]}
        ).scalar()
        if held:
            return role
    return None
