"""What each desk role may do to each table, as the SQL that makes PostgreSQL enforce it.

The table owner (the login that made the database and runs its migrations) is outside
the rules. For the three group roles:

============  =============================================================================
table         may write
============  =============================================================================
article       analyst: import (INSERT) and change its list fields (title, source, url,
              path, date, review state, suggestions' origin), never its text; only an
              admin deletes one (the cascade takes its facts and follow-ups with it)
mention,      analyst: all (annotating)
alias,
fact_link,
tracked_event,
event_report,
feed, web_article, article_url
entity        analyst: create, rename, retype, annotate; admin: merge (merged_into_id)
              and delete
fact          analyst: facts that are not confirmed (row-level security); reviewer: all
fact_role,    as their fact: an analyst changes the roles, evidence and event of facts
evidence,     that are not confirmed (row-level security); reviewer: all
event_frame
followup      analyst: propose (INSERT as proposed), group and snooze (UPDATE, a trigger
              refusing a change of state or settling evidence); reviewer: confirm,
              settle, dismiss, delete (a trigger refuses an analyst's delete, also the
              one a deleted fact cascades to)
followup_event  everyone: append only; an analyst's row records the follow-up's state
              as it is (it cannot claim a change it was refused)
audit         everyone: append only (INSERT); ``who`` is the login (trigger)
label_def,    admin only
lexicon_entry,
alembic_version
============  =============================================================================

Role checks in triggers name ``session_user`` (the login), not ``current_user``: the
delete a foreign key cascades to runs as the table's owner, and would pass otherwise.
"""

from __future__ import annotations

ROLES = ("analyst", "reviewer", "admin")
GROUP = {role: f"factdesk_{role}" for role in ROLES}
ANALYST, REVIEWER, ADMIN = GROUP["analyst"], GROUP["reviewer"], GROUP["admin"]
ADMIN_ONLY_TABLES = ("label_def", "lexicon_entry", "alembic_version")
APPEND_ONLY_TABLES = ("audit", "followup_event")
ARTICLE_LIST_FIELDS = (
    "title", "source", "url", "path", "published", "published_precision", "review_state",
    "suggested_by",
)  # fmt: skip
FACT_PARTS = ("fact_role", "evidence", "event_frame")
STAMPED_WHO = ("audit", "followup_event", "lexicon_entry")
"""Tables whose ``who`` column names the login (a default and a trigger)."""
ANALYST_ONLY = f"""(pg_has_role(session_user, '{ANALYST}', 'MEMBER')
    AND NOT pg_has_role(session_user, '{REVIEWER}', 'MEMBER'))"""
"""SQL: the login is an analyst and not a reviewer (a superuser is a member of every role)."""
DESK_MEMBER = f"pg_has_role(session_user, '{ANALYST}', 'MEMBER')"

ROLE_STATEMENTS = [
    # The group roles, each inside the one below it: a reviewer is an analyst too.
    *(
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{GROUP[role]}') THEN
                CREATE ROLE {GROUP[role]} NOLOGIN;
            END IF;
        END $$"""
        for role in ROLES
    ),
    f"GRANT {ANALYST} TO {REVIEWER}",
    f"GRANT {REVIEWER} TO {ADMIN}",
]


def _policy(table: str, name: str, rest: str) -> list[str]:
    return [
        f"DROP POLICY IF EXISTS {table}_{name} ON {table}",
        f"CREATE POLICY {table}_{name} ON {table} {rest}",
    ]


def _trigger(table: str, name: str, when: str, function: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


_GRANTS = [
    f"GRANT USAGE ON SCHEMA public TO {ANALYST}",
    f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ANALYST}",
    f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ANALYST}",
    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ANALYST}",
    f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {ADMIN}",
    f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {ADMIN}",
    # Tables and sequences a later migration creates (as the login running it now) come
    # with the same grants; ``install_roles`` runs again after each upgrade as well and
    # takes back what the rules below keep from them.
    f"""ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ANALYST}""",
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {ANALYST}",
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO {ADMIN}",
    f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO {ADMIN}",
    *(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {ANALYST}" for table in ADMIN_ONLY_TABLES),
    # Append only, for admins too.
    *(
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {role}"
        for table in APPEND_ONLY_TABLES
        for role in (ANALYST, ADMIN)
    ),
    # An article's text is never rewritten; deleting one is an admin's.
    f"REVOKE UPDATE, DELETE ON article FROM {ANALYST}",
    f"GRANT UPDATE ({', '.join(ARTICLE_LIST_FIELDS)}) ON article TO {ANALYST}",
    # Merging and deleting entities is an admin's: the others may rename and annotate an
    # entity but not set what it is merged into.
    f"REVOKE UPDATE, DELETE ON entity FROM {ANALYST}",
    f"GRANT UPDATE (name, type, notes) ON entity TO {ANALYST}",
    # Removing a follow-up is a reviewer's.
    f"REVOKE DELETE ON followup FROM {ANALYST}",
    f"GRANT DELETE ON followup TO {REVIEWER}",
    # Adding analysts goes through factdesk_add_analyst (db/team.py), an admin's only.
    "REVOKE ALL ON FUNCTION factdesk_add_analyst(text, text, text) FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION factdesk_add_analyst(text, text, text) TO {ADMIN}",
]

_FOLLOWUPS = [
    # Analysts propose, and the app's own updates they trigger (grouping into tracked
    # events, snoozing) change any follow-up; only reviewers confirm, settle, dismiss or
    # delete. Row-level security cannot compare a row before and after, so a trigger
    # refuses an analyst's change of state or of the settling evidence, loudly.
    "ALTER TABLE followup ENABLE ROW LEVEL SECURITY",
    *_policy("followup", "read", "FOR SELECT USING (true)"),
    *_policy(
        "followup",
        "propose",
        f"""FOR INSERT TO {ANALYST} WITH CHECK (state = 'proposed'
            AND resolving_article_id IS NULL AND resolving_fact_id IS NULL)""",
    ),
    *_policy("followup", "annotate", f"FOR UPDATE TO {ANALYST} USING (true) WITH CHECK (true)"),
    *_policy("followup", "review", f"FOR ALL TO {REVIEWER} USING (true) WITH CHECK (true)"),
    f"""CREATE OR REPLACE FUNCTION factdesk_followup_review() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT {ANALYST_ONLY} THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'only a reviewer removes follow-up %', OLD.id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF (NEW.state, NEW.resolving_article_id, NEW.resolving_fact_id)
                IS DISTINCT FROM (OLD.state, OLD.resolving_article_id, OLD.resolving_fact_id)
            THEN
                RAISE EXCEPTION 'only a reviewer confirms or settles follow-up %', OLD.id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $$""",
    *_trigger("followup", "followup_review", "BEFORE UPDATE OR DELETE", "factdesk_followup_review"),
    # Its history: an analyst's row records the state the follow-up is in.
    "ALTER TABLE followup_event ENABLE ROW LEVEL SECURITY",
    *_policy("followup_event", "read", "FOR SELECT USING (true)"),
    *_policy(
        "followup_event",
        "annotate",
        f"""FOR INSERT TO {ANALYST} WITH CHECK (
            to_state = (SELECT f.state FROM followup f WHERE f.id = followup_id))""",
    ),
    *_policy("followup_event", "review", f"FOR INSERT TO {REVIEWER} WITH CHECK (true)"),
]


def _unconfirmed(table: str) -> str:
    """SQL: the row belongs to a fact that is not confirmed."""
    return (
        f"NOT EXISTS (SELECT 1 FROM fact f WHERE f.id = {table}.fact_id AND f.status = 'confirmed')"
    )


_FACTS = [
    # Analysts write drafts and retractions; confirming is a review.
    "ALTER TABLE fact ENABLE ROW LEVEL SECURITY",
    *_policy("fact", "read", "FOR SELECT USING (true)"),
    *_policy(
        "fact",
        "annotate",
        f"FOR ALL TO {ANALYST} USING (status <> 'confirmed') WITH CHECK (status <> 'confirmed')",
    ),
    *_policy("fact", "review", f"FOR ALL TO {REVIEWER} USING (true) WITH CHECK (true)"),
    # A confirmed fact's roles, evidence and event are its content too.
    *(
        statement
        for table in FACT_PARTS
        for statement in (
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            *_policy(table, "read", "FOR SELECT USING (true)"),
            *_policy(
                table,
                "annotate",
                f"FOR ALL TO {ANALYST} USING ({_unconfirmed(table)}) "
                f"WITH CHECK ({_unconfirmed(table)})",
            ),
            *_policy(table, "review", f"FOR ALL TO {REVIEWER} USING (true) WITH CHECK (true)"),
        )
    ),
]

_STAMPS = [
    # The log and the history carry the login, not a name the client chose: a default
    # for rows written without one, a trigger for rows that name someone else.
    *(f"ALTER TABLE {table} ALTER COLUMN who SET DEFAULT session_user" for table in STAMPED_WHO),
    f"""CREATE OR REPLACE FUNCTION factdesk_stamp_login() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF {DESK_MEMBER} THEN
                NEW.who := session_user;
            END IF;
            RETURN NEW;
        END $$""",
    *(
        statement
        for table in STAMPED_WHO
        for statement in _trigger(table, f"{table}_login", "BEFORE INSERT", "factdesk_stamp_login")
    ),
    # Facts and highlights name the login that wrote, confirmed or decided them last: any
    # change of a fact by a login of the desk (a model's draft, written by none, keeps its
    # empty name until someone changes it); a highlight when the app names who decided it.
    f"""CREATE OR REPLACE FUNCTION factdesk_stamp_analyst() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF {DESK_MEMBER} AND (
                (TG_TABLE_NAME = 'fact' AND TG_OP = 'UPDATE')
                OR (NEW.analyst IS NOT NULL
                    AND (TG_OP = 'INSERT' OR NEW.analyst IS DISTINCT FROM OLD.analyst)))
            THEN
                NEW.analyst := session_user;
            END IF;
            RETURN NEW;
        END $$""",
    *(
        statement
        for table in ("fact", "mention")
        for statement in _trigger(
            table, f"{table}_analyst", "BEFORE INSERT OR UPDATE", "factdesk_stamp_analyst"
        )
    ),
]

ADD_ANALYST_FUNCTION = rf"""CREATE OR REPLACE FUNCTION factdesk_add_analyst(
        login text, desk_role text, secret text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
        existing record;
        grp text;
    BEGIN
        -- current_user is this function's owner, who installed the roles.
        IF NOT (pg_has_role(session_user, '{ADMIN}', 'MEMBER') OR session_user = current_user)
        THEN
            RAISE EXCEPTION 'only an admin of the desk adds analysts'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF desk_role IS NULL OR desk_role NOT IN ('analyst', 'reviewer', 'admin') THEN
            RAISE EXCEPTION '% is not a role of the desk', desk_role
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF login IS NULL OR login !~ '^[a-z_][a-z0-9_]{{0,62}}$'
            OR login LIKE 'factdesk\_%' OR login LIKE 'pg\_%'
        THEN
            RAISE EXCEPTION '% cannot be a login of the desk', login
                USING ERRCODE = 'invalid_name';
        END IF;
        SELECT rolsuper, rolcanlogin INTO existing FROM pg_roles WHERE rolname = login;
        IF NOT FOUND THEN
            EXECUTE format('CREATE ROLE %I LOGIN', login);
        ELSIF existing.rolsuper OR NOT existing.rolcanlogin
            OR (NOT pg_has_role(login, '{ANALYST}', 'MEMBER') AND session_user <> current_user)
        THEN
            RAISE EXCEPTION '% is a role of the server outside the desk', login
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        FOREACH grp IN ARRAY ARRAY['{ANALYST}', '{REVIEWER}', '{ADMIN}'] LOOP
            IF EXISTS (SELECT 1 FROM pg_auth_members m
                       WHERE m.roleid = grp::regrole AND m.member = login::regrole) THEN
                EXECUTE format('REVOKE %I FROM %I', grp, login);
            END IF;
        END LOOP;
        EXECUTE format('GRANT %I TO %I', 'factdesk_' || desk_role, login);
        IF secret IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', login, secret);
        END IF;
    END $$"""
"""A login in one group of the desk, made by the function's owner on an admin's behalf:
the admin needs no CREATEROLE (which on PostgreSQL 15 and older lets a login grant itself
almost any role of the server) and can make nothing but the desk's logins."""

DATABASE_STATEMENTS = [ADD_ANALYST_FUNCTION, *_GRANTS, *_FOLLOWUPS, *_FACTS, *_STAMPS]
"""This database's part (the group roles are the server's): run by the table owner."""
