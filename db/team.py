"""Analysts and their roles on a shared PostgreSQL store, enforced by the server itself.

Each analyst is a database login, member of one of three group roles:

- ``factdesk_analyst`` annotates and proposes: reads everything; writes articles,
  highlights, entities, facts that are not confirmed, links, evidence and proposed
  follow-ups, and groups and snoozes follow-ups; cannot confirm a fact, confirm or settle
  a follow-up, merge entities, or change labels and the event lexicon.
- ``factdesk_reviewer`` (an analyst too) also confirms facts and confirms and settles
  follow-ups.
- ``factdesk_admin`` (a reviewer too) may change everything, labels, lexicon and entity
  merges included, and its logins may create other analysts (CREATEROLE).

Grants say which tables a role may write; row-level security on ``fact`` and
``followup`` says which rows and which states, and a trigger on ``followup`` which
changes, so direct SQL cannot get round the app: an analyst's ``UPDATE followup SET
state = 'happened'`` is refused. The audit log
records the login itself (a trigger stamps ``audit.who`` with ``session_user``), whatever
name the client sends. The group roles are the server's (shared by its databases); the
grants, policies and trigger are this database's, and ``install_roles`` (re)creates them.
"""

from __future__ import annotations

import re

from psycopg import sql
from sqlalchemy import Connection, text

from db.errors import StoreError

ROLES = ("analyst", "reviewer", "admin")
GROUP = {role: f"factdesk_{role}" for role in ROLES}
ADMIN_ONLY_TABLES = ("label_def", "lexicon_entry", "alembic_version")
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

_ROLE_STATEMENTS = [
    # The group roles, each inside the one below it: a reviewer is an analyst too.
    *(
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{GROUP[role]}') THEN
                CREATE ROLE {GROUP[role]} NOLOGIN;
            END IF;
        END $$"""
        for role in ROLES
    ),
    f"GRANT {GROUP['analyst']} TO {GROUP['reviewer']}",
    f"GRANT {GROUP['reviewer']} TO {GROUP['admin']}",
]

_DATABASE_STATEMENTS = [
    f"GRANT USAGE ON SCHEMA public TO {GROUP['analyst']}",
    f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {GROUP['analyst']}",
    f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {GROUP['analyst']}",
    *(
        f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {GROUP['analyst']}"
        for table in ADMIN_ONLY_TABLES
    ),
    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {GROUP['analyst']}",
    f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {GROUP['admin']}",
    f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {GROUP['admin']}",
    # Tables and sequences a later migration creates (as the login running it now) come
    # with the same grants; ``install_roles`` runs again after each upgrade as well.
    f"""ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {GROUP["analyst"]}""",
    f"""ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT USAGE, SELECT ON SEQUENCES TO {GROUP["analyst"]}""",
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO {GROUP['admin']}",
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO {GROUP['admin']}",
    # Merging entities is an admin's: the others may rename and annotate an entity but not
    # set what it is merged into.
    f"REVOKE UPDATE ON entity FROM {GROUP['analyst']}",
    f"GRANT UPDATE (name, type, notes) ON entity TO {GROUP['analyst']}",
    # Follow-ups: analysts propose, and the app's own updates they trigger (grouping into
    # tracked events, snoozing) change any follow-up; only reviewers confirm, settle,
    # dismiss or delete. Row-level security cannot compare a row before and after, so a
    # trigger refuses an analyst's change of state or of the settling evidence, loudly.
    "ALTER TABLE followup ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS followup_read ON followup",
    "CREATE POLICY followup_read ON followup FOR SELECT USING (true)",
    "DROP POLICY IF EXISTS followup_propose ON followup",
    f"""CREATE POLICY followup_propose ON followup FOR INSERT TO {GROUP["analyst"]}
        WITH CHECK (state = 'proposed')""",
    "DROP POLICY IF EXISTS followup_annotate ON followup",
    f"""CREATE POLICY followup_annotate ON followup FOR UPDATE TO {GROUP["analyst"]}
        USING (true) WITH CHECK (true)""",
    f"""CREATE OR REPLACE FUNCTION factdesk_followup_review() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF pg_has_role(current_user, '{GROUP["analyst"]}', 'MEMBER')
                AND NOT pg_has_role(current_user, '{GROUP["reviewer"]}', 'MEMBER')
                AND (NEW.state, NEW.resolving_article_id, NEW.resolving_fact_id)
                    IS DISTINCT FROM (OLD.state, OLD.resolving_article_id, OLD.resolving_fact_id)
            THEN
                RAISE EXCEPTION 'only a reviewer confirms or settles follow-up %', OLD.id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $$""",
    "DROP TRIGGER IF EXISTS followup_review ON followup",
    """CREATE TRIGGER followup_review BEFORE UPDATE ON followup
        FOR EACH ROW EXECUTE FUNCTION factdesk_followup_review()""",
    "DROP POLICY IF EXISTS followup_review ON followup",
    f"""CREATE POLICY followup_review ON followup FOR ALL TO {GROUP["reviewer"]}
        USING (true) WITH CHECK (true)""",
    # Facts: analysts write drafts and retractions of their own; confirming is a review.
    "ALTER TABLE fact ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS fact_read ON fact",
    "CREATE POLICY fact_read ON fact FOR SELECT USING (true)",
    "DROP POLICY IF EXISTS fact_annotate ON fact",
    f"""CREATE POLICY fact_annotate ON fact FOR ALL TO {GROUP["analyst"]}
        USING (status <> 'confirmed') WITH CHECK (status <> 'confirmed')""",
    "DROP POLICY IF EXISTS fact_review ON fact",
    f"""CREATE POLICY fact_review ON fact FOR ALL TO {GROUP["reviewer"]}
        USING (true) WITH CHECK (true)""",
    # The audit log carries the login, not a name the client chose.
    f"""CREATE OR REPLACE FUNCTION factdesk_stamp_login() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF pg_has_role(session_user, '{GROUP["analyst"]}', 'MEMBER') THEN
                NEW.who := session_user;
            END IF;
            RETURN NEW;
        END $$""",
    # Facts and highlights name the login that wrote or decided them last.
    f"""CREATE OR REPLACE FUNCTION factdesk_stamp_analyst() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.analyst IS NOT NULL
                AND (TG_OP = 'INSERT' OR NEW.analyst IS DISTINCT FROM OLD.analyst)
                AND pg_has_role(session_user, '{GROUP["analyst"]}', 'MEMBER')
            THEN
                NEW.analyst := session_user;
            END IF;
            RETURN NEW;
        END $$""",
    *(
        statement
        for table in ("fact", "mention")
        for statement in (
            f"DROP TRIGGER IF EXISTS {table}_analyst ON {table}",
            f"""CREATE TRIGGER {table}_analyst BEFORE INSERT OR UPDATE ON {table}
                FOR EACH ROW EXECUTE FUNCTION factdesk_stamp_analyst()""",
        )
    ),
    "DROP TRIGGER IF EXISTS audit_login ON audit",
    """CREATE TRIGGER audit_login BEFORE INSERT OR UPDATE ON audit
        FOR EACH ROW EXECUTE FUNCTION factdesk_stamp_login()""",
]


def _postgres_only(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        raise StoreError(
            "Analysts and roles need a shared PostgreSQL store; point --db at one "
            "(a SQLite file has one analyst at a time)."
        )


def install_roles(conn: Connection) -> None:
    """Create the group roles (when missing) and this database's grants, policies and
    audit trigger (again, so tables added since are covered)."""
    _postgres_only(conn)
    for statement in _ROLE_STATEMENTS + _DATABASE_STATEMENTS:
        conn.execute(text(statement))


def reinstall_after_upgrade(conn: Connection) -> None:
    """After a migration: when this database has analysts' roles installed, install them
    again, so that the tables the migration created get the grants and policies (also
    when another login than the one that added the analysts ran the upgrade)."""
    if conn.dialect.name != "postgresql":
        return
    installed = conn.execute(
        text("SELECT 1 FROM pg_trigger WHERE tgname = 'audit_login' AND NOT tgisinternal")
    ).first()
    if installed is not None:
        install_roles(conn)


def add_analyst(conn: Connection, name: str, role: str, password: str | None = None) -> None:
    """A login for ``name`` in the group of ``role`` (a login already there changes group)."""
    _postgres_only(conn)
    if role not in ROLES:
        raise StoreError(f"{role!r} is not a role; use one of {', '.join(ROLES)}.")
    if not _NAME.fullmatch(name):
        raise StoreError(
            f"{name!r} cannot be a login: use lower-case letters, digits and _ "
            "(starting with a letter)."
        )
    install_roles(conn)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if exists is None:
        conn.execute(text(f"CREATE ROLE {name} LOGIN"))  # name checked against _NAME above
    for other in ROLES:
        conn.execute(text(f"REVOKE {GROUP[other]} FROM {name}"))
    conn.execute(text(f"GRANT {GROUP[role]} TO {name}"))
    conn.execute(text(f"ALTER ROLE {name} {'CREATEROLE' if role == 'admin' else 'NOCREATEROLE'}"))
    if password is not None:  # a utility statement takes no parameters: quoted by psycopg
        statement = sql.SQL("ALTER ROLE {} PASSWORD {}").format(
            sql.Identifier(name), sql.Literal(password)
        )
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.execute(statement)


def role_of(conn: Connection, name: str) -> str | None:
    """The highest of the three roles ``name`` holds, or None."""
    for role in reversed(ROLES):
        held = conn.execute(
            text("SELECT pg_has_role(:n, :g, 'MEMBER')"), {"n": name, "g": GROUP[role]}
        ).scalar()
        if held:
            return role
    return None
