"""The clinic's PostgreSQL schema: versioned migrations, the delivery functions, two roles.

Tables change only through `MIGRATIONS` (pg_migrations.py: each entry takes the schema one
version forward, recorded in eduapp.schema_version). The functions and privileges in `CODE`
and `_grant` are replaced as a whole on every `init`, so they always match the running eduapp.

A device's role may only call `eduapp.register_device`, `eduapp.deliver` and the PIN and
retention functions (they run as the schema's owner and check what they are given) and read
the clinic's settings; it cannot read sessions or answers, nor change settings. The
clinician role reads everything and saves settings.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from eduapp.core.storage.pg_migrations import MIGRATIONS as MIGRATIONS
from eduapp.core.storage.pg_migrations import SCHEMA_VERSION as SCHEMA_VERSION
from eduapp.core.storage.postgres import SCHEMA, Failure, ServerError, classify, connect

# Replaced on every init. `deliver` applies a device's outbox rows (seq, kind, body) in order,
# skips those at or below the device's last_seq (a repeated send changes nothing), and
# notifies clinician workspaces once per call. Answers in a row (with the touches between
# them) are added by one statement (`add_answers`), so the triggers that count them run once
# for all of them: a device that has fallen behind catches up in larger batches at a lower
# cost per answer.
CODE = """
INSERT INTO eduapp.settings (key, value) VALUES ('database.id', md5(random()::text))
ON CONFLICT (key) DO NOTHING;

CREATE OR REPLACE FUNCTION eduapp.register_device(device uuid, device_name text)
RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
    INSERT INTO devices (id, name) VALUES (device, left(device_name, 64))
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_seen = now()
    RETURNING last_seq
$$;

CREATE OR REPLACE FUNCTION eduapp.add_answers(device uuid, bodies jsonb)
RETURNS void LANGUAGE plpgsql SET search_path = eduapp, pg_temp AS $$
BEGIN
    INSERT INTO answers (id, attempt_id, module_id, question_id, objective_id, chosen,
                         "right", try_number, seconds, answered_at, asked_for)
    SELECT (x.b->>'id')::uuid, q.id, q.module_id, x.b->>'question', x.b->>'objective',
           x.b->>'chosen', (x.b->>'right')::boolean, (x.b->>'try')::integer,
           (x.b->>'seconds')::real, (x.b->>'at')::timestamptz, x.b->>'asked_for'
    FROM jsonb_array_elements(bodies) WITH ORDINALITY AS x(b, i)
    JOIN quiz_attempts q ON q.id = (x.b->>'attempt')::uuid
    JOIN sessions s ON s.id = q.session_id
    WHERE s.device_id = device
    ORDER BY x.i
    ON CONFLICT (id) DO NOTHING;
END
$$;

CREATE OR REPLACE FUNCTION eduapp.deliver(device uuid, events jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
DECLARE
    done bigint;
    e jsonb;
    b jsonb;
    seq bigint;
    answers jsonb := '[]';  -- answers in a row, not yet added
BEGIN
    -- one delivery at a time, clinic-wide: Questions' counts (see version 6) are shared rows
    -- that deliveries from several devices would otherwise lock in different orders
    PERFORM pg_advisory_xact_lock(hashtext('eduapp.deliver'));
    SELECT last_seq INTO done FROM devices WHERE id = device FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown device' USING ERRCODE = 'EA001';
    END IF;
    FOR e IN SELECT value FROM jsonb_array_elements(events) LOOP
        seq := (e->>'seq')::bigint;
        CONTINUE WHEN seq <= done;
        b := e->'body';
        IF e->>'kind' = 'answer' THEN
            answers := answers || jsonb_build_array(b);
            done := seq;
            CONTINUE;
        ELSIF e->>'kind' <> 'touch' AND jsonb_array_length(answers) > 0 THEN
            -- before what may depend on them; a touch (the latest activity) does not
            PERFORM add_answers(device, answers);
            answers := '[]';
        END IF;
        CASE e->>'kind'
        WHEN 'session' THEN
            INSERT INTO sessions (id, device_id, started_at, last_active_at, language)
            VALUES ((b->>'id')::uuid, device, (b->>'at')::timestamptz,
                    (b->>'at')::timestamptz, b->>'language')
            ON CONFLICT (id) DO NOTHING;
        WHEN 'touch' THEN
            UPDATE sessions SET last_active_at = greatest(last_active_at, (b->>'at')::timestamptz)
            WHERE id = (b->>'id')::uuid AND device_id = device;
        WHEN 'end' THEN
            UPDATE sessions SET ended_at = (b->>'at')::timestamptz
            WHERE id = (b->>'id')::uuid AND device_id = device AND ended_at IS NULL;
        WHEN 'visit_code', 'label' THEN  -- 'label': sent by devices before SQLite version 5
            UPDATE sessions SET visit_code = b->>(e->>'kind')
            WHERE id = (b->>'id')::uuid AND device_id = device;
        WHEN 'attempt' THEN
            INSERT INTO quiz_attempts (id, session_id, module_id, language, started_at)
            SELECT (b->>'id')::uuid, s.id, b->>'module', b->>'language', (b->>'at')::timestamptz
            FROM sessions s WHERE s.id = (b->>'session')::uuid AND s.device_id = device
            ON CONFLICT (id) DO NOTHING;
        WHEN 'finish' THEN
            UPDATE quiz_attempts q SET finished_at = (b->>'at')::timestamptz,
                                       stopped = (b->>'stopped')::boolean
            FROM sessions s WHERE q.id = (b->>'id')::uuid AND s.id = q.session_id
                              AND s.device_id = device;
        WHEN 'view' THEN
            INSERT INTO screen_views (id, session_id, module_id, screen_id, language, viewed_at)
            SELECT (b->>'id')::uuid, s.id, b->>'module', b->>'screen', b->>'language',
                   (b->>'at')::timestamptz
            FROM sessions s WHERE s.id = (b->>'session')::uuid AND s.device_id = device
            ON CONFLICT (id) DO NOTHING;
        WHEN 'leave' THEN
            UPDATE screen_views v SET seconds = (b->>'seconds')::real
            FROM sessions s WHERE v.id = (b->>'id')::uuid AND s.id = v.session_id
                              AND s.device_id = device;
        ELSE
            RAISE EXCEPTION 'unknown outbox row kind %', e->>'kind' USING ERRCODE = 'EA002';
        END CASE;
        done := seq;
    END LOOP;
    IF jsonb_array_length(answers) > 0 THEN
        PERFORM add_answers(device, answers);
    END IF;
    UPDATE devices SET last_seq = done, last_seen = now() WHERE id = device;
    PERFORM pg_notify('eduapp_results', device::text);
    RETURN done;
END
$$;
"""
# The clinic's settings and PIN (see eduapp.core.storage.clinic_settings). Every device may
# read them, record a PIN try, choose a PIN when none is set, and have the server purge by
# its own retention; only a clinician saves settings or changes the PIN. Both notify devices.
CLINIC_CODE = """
-- Saved only when the server still holds version `based_on` (the one the clinician's form
-- was loaded from; NULL: whatever it holds). The new version, or NULL when not saved.
CREATE OR REPLACE FUNCTION eduapp.save_settings(toml text, days integer, only_if_empty boolean,
                                                based_on bigint)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
DECLARE
    saved bigint;
BEGIN
    UPDATE clinic SET settings = toml, keep_days = days, settings_at = now(),
                      settings_version = settings_version + 1
    WHERE (NOT only_if_empty OR settings IS NULL)
      AND (based_on IS NULL OR settings_version = based_on)
    RETURNING settings_version INTO saved;
    IF saved IS NOT NULL THEN
        PERFORM pg_notify('eduapp_settings', 'settings');
    END IF;
    RETURN saved;
END
$$;

CREATE OR REPLACE FUNCTION eduapp.set_pin(hash text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
    UPDATE clinic SET pin_hash = hash, pin_version = pin_version + 1, pin_failures = 0,
                      pin_lockouts = 0, pin_locked_until = NULL;
    SELECT pg_notify('eduapp_settings', 'pin');
$$;

CREATE OR REPLACE FUNCTION eduapp.choose_pin(hash text, first_ever boolean)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
BEGIN
    UPDATE clinic SET pin_hash = hash, pin_version = pin_version + 1, pin_failures = 0,
                      pin_lockouts = 0, pin_locked_until = NULL
    WHERE pin_hash IS NULL AND (pin_version = 0 OR NOT first_ever);
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM pg_notify('eduapp_settings', 'pin');
    RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION eduapp.pin_tried(is_right boolean, OUT failures integer,
                                            OUT lockouts integer, OUT locked_seconds float8)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
DECLARE
    c clinic%ROWTYPE;
    waiting float8;
BEGIN
    SELECT * INTO c FROM clinic FOR UPDATE;
    waiting := coalesce(extract(epoch FROM c.pin_locked_until - clock_timestamp()), 0);
    IF waiting > 0 THEN
        failures := c.pin_failures; lockouts := c.pin_lockouts; locked_seconds := waiting;
    ELSIF is_right THEN
        UPDATE clinic SET pin_failures = 0, pin_lockouts = 0, pin_locked_until = NULL;
        failures := 0; lockouts := 0; locked_seconds := 0;
    ELSIF c.pin_failures + 1 < {tries} THEN
        UPDATE clinic SET pin_failures = c.pin_failures + 1;
        failures := c.pin_failures + 1; lockouts := c.pin_lockouts; locked_seconds := 0;
    ELSE
        lockouts := c.pin_lockouts + 1;
        locked_seconds := {first_lock} * 2 ^ (lockouts - 1);
        failures := 0;
        UPDATE clinic SET pin_failures = 0, pin_lockouts = lockouts,
            pin_locked_until = clock_timestamp() + make_interval(secs => locked_seconds);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION eduapp.purge_old()
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
DECLARE
    days integer;
    deleted bigint;
BEGIN
    SELECT keep_days INTO days FROM clinic;
    IF days IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('eduapp.deliver'));  -- the counts: as deliver
    DELETE FROM sessions WHERE started_at < now() - make_interval(days => days);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    UPDATE clinic SET purged_at = now();
    RETURN deleted;
END
$$;

CREATE OR REPLACE FUNCTION eduapp.ended_sessions(device uuid, ids uuid[])
RETURNS SETOF uuid LANGUAGE sql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
    SELECT id FROM sessions WHERE id = ANY(ids) AND device_id = device AND ended_at IS NOT NULL
$$;
"""
FUNCTIONS = ("register_device(uuid, text)", "deliver(uuid, jsonb)",
             "choose_pin(text, boolean)", "pin_tried(boolean)", "purge_old()",
             "ended_sessions(uuid, uuid[])")
CLINICIAN_FUNCTIONS = ("save_settings(text, integer, boolean, bigint)", "set_pin(text)")
INTERNAL_FUNCTIONS = ("add_answers(uuid, jsonb)",)  # called by deliver only, as the owner


@dataclass
class InitReport:
    """What `init` did: schema versions before and after, roles made, URLs to hand out."""

    database: str
    version_before: int
    version_after: int
    roles_created: list[str] = field(default_factory=list)
    device_url: str | None = None  # None: the role existed and kept its password
    clinician_url: str | None = None


def role_names(database: str) -> tuple[str, str]:
    """The device and clinician roles of a clinic database (roles belong to the server)."""
    return f"{database}_device", f"{database}_clinician"


def init(admin_url: str, *, new_passwords: bool = False, host: str | None = None) -> InitReport:
    """Create or migrate the schema, (re)install its functions, make the two roles.

    Passwords are made (and the URLs returned) only for roles created now, or for both
    with `new_passwords`. `host` replaces the admin URL's host in the URLs handed out.
    """
    from psycopg import sql

    with connect(admin_url, autocommit=True) as db:
        database = db.info.dbname
        try:
            db.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(SCHEMA)))
            before = schema_version(db)
            migrate(db)
            report = InitReport(database, before, SCHEMA_VERSION)
            with db.transaction():
                db.execute(CODE)
                db.execute(clinic_code())
                passwords = _roles(db, database, new_passwords, report)
                _grant(db, database)
        except ServerError:
            raise
        except Exception as err:
            raise classify(err) from None
    device, clinician = role_names(database)
    if device in passwords:
        report.device_url = handout_url(admin_url, device, passwords[device], host)
    if clinician in passwords:
        report.clinician_url = handout_url(admin_url, clinician, passwords[clinician], host)
    return report


def clinic_code() -> str:
    """CLINIC_CODE with the PIN lockout's rules, the same as a lone computer's."""
    from eduapp.core.pin import FIRST_LOCK_SECONDS, TRIES_BEFORE_LOCK

    return CLINIC_CODE.replace("{tries}", str(TRIES_BEFORE_LOCK)).replace(
        "{first_lock}", repr(float(FIRST_LOCK_SECONDS)))


def schema_version(db: Any) -> int:
    """The version recorded in the schema; 0 before the first migration."""
    row = db.execute("SELECT to_regclass('eduapp.schema_version')").fetchone()
    if row[0] is None:
        return 0
    return int(db.execute("SELECT version FROM eduapp.schema_version").fetchone()[0])


def migrate(db: Any, target: int = SCHEMA_VERSION) -> None:
    """Bring the schema forward to `target`, one committed transaction per version."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise ServerError(Failure.SCHEMA_TOO_NEW,
                          f"schema {version} is newer than this eduapp's {SCHEMA_VERSION}")
    for number in range(version, target):
        with db.transaction():
            db.execute("SET LOCAL search_path = eduapp")
            if number == 0:
                db.execute("CREATE TABLE schema_version (version integer NOT NULL)")
                db.execute("INSERT INTO schema_version VALUES (0)")
            db.execute(MIGRATIONS[number])
            db.execute("UPDATE schema_version SET version = %s", (number + 1,))


def _roles(db: Any, database: str, renew: bool, report: InitReport) -> dict[str, str]:
    from psycopg import sql

    passwords: dict[str, str] = {}
    for role in role_names(database):
        exists = db.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if exists and not renew:
            continue
        password = secrets.token_urlsafe(24)
        verb = "ALTER" if exists else "CREATE"
        db.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(role), sql.Literal(password)))
        if not exists:
            report.roles_created.append(role)
        passwords[role] = password
    return passwords


def _grant(db: Any, database: str) -> None:
    """Exactly the privileges each role needs, set again from nothing on every init."""
    from psycopg import sql

    device, clinician = (sql.Identifier(r) for r in role_names(database))
    schema = sql.Identifier(SCHEMA)
    for role in (device, clinician):
        db.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(schema, role))
        db.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            sql.Identifier(database), role))
        db.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, role))
        db.execute(sql.SQL("GRANT SELECT ON eduapp.settings, eduapp.schema_version, "
                           "eduapp.clinic TO {}").format(role))
    for function in INTERNAL_FUNCTIONS:
        db.execute(sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(
            sql.SQL("eduapp." + function)))
    for function in FUNCTIONS + CLINICIAN_FUNCTIONS:
        name = sql.SQL("eduapp." + function)
        db.execute(sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(name))
        db.execute(sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(name, clinician))
        if function in FUNCTIONS:
            db.execute(sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(name, device))
    db.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(schema, clinician))
    db.execute(sql.SQL("GRANT UPDATE (visit_code) ON eduapp.sessions TO {}").format(clinician))


def handout_url(admin_url: str, role: str, password: str, host: str | None) -> str:
    """The admin URL with another role and password (and host), keeping sslmode and the rest."""
    parts = urlsplit(admin_url)
    server = host or parts.hostname or "localhost"
    if ":" in server and not server.startswith("["):
        server = f"[{server}]"
    netloc = f"{quote(role, safe='')}:{quote(password, safe='')}@{server}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
