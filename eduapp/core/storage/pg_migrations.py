"""The clinic's PostgreSQL tables: each entry of MIGRATIONS takes the schema one version forward.

A step, once released, never changes: a new need is a new step (pg_schema.migrate applies
them, each in its own transaction, and records the version in eduapp.schema_version).
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # version 1
    """
    CREATE TABLE devices (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        last_seq bigint NOT NULL DEFAULT 0,
        last_seen timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        device_id uuid NOT NULL REFERENCES devices(id),
        started_at timestamptz NOT NULL,
        last_active_at timestamptz NOT NULL,
        ended_at timestamptz,
        label text,
        language text NOT NULL
    );
    CREATE INDEX sessions_by_start ON sessions(started_at);
    CREATE TABLE quiz_attempts (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        module_id text NOT NULL,
        language text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        stopped boolean NOT NULL DEFAULT false,
        n bigint GENERATED ALWAYS AS IDENTITY
    );
    CREATE INDEX attempts_by_session_module ON quiz_attempts(session_id, module_id);
    CREATE TABLE answers (
        id uuid PRIMARY KEY,
        attempt_id uuid NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
        module_id text NOT NULL,
        question_id text NOT NULL,
        objective_id text NOT NULL,
        chosen text NOT NULL,
        "right" boolean NOT NULL,
        try_number integer NOT NULL,
        seconds real NOT NULL,
        answered_at timestamptz NOT NULL,
        n bigint GENERATED ALWAYS AS IDENTITY
    );
    CREATE INDEX answers_first_try
        ON answers(try_number, answered_at, module_id, question_id, chosen, "right");
    CREATE INDEX answers_by_attempt ON answers(attempt_id, "right", objective_id);
    CREATE TABLE screen_views (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        module_id text NOT NULL,
        screen_id text NOT NULL,
        language text NOT NULL,
        viewed_at timestamptz NOT NULL,
        seconds real,
        n bigint GENERATED ALWAYS AS IDENTITY
    );
    CREATE INDEX views_by_session ON screen_views(session_id);
    CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL
    );
    """,
    # version 2: sessions numbered in the order the server received them, the number a
    # clinician's Today and the exports show (as a lone computer shows its row ids)
    """
    ALTER TABLE sessions ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;
    CREATE UNIQUE INDEX sessions_by_number ON sessions(n);
    """,
    # version 3: a re-ask names the first-pass question it stands in for (NULL on a first
    # try); before, a re-ask was always the missed question itself
    """
    ALTER TABLE answers ADD COLUMN asked_for text;
    UPDATE answers SET asked_for = question_id WHERE try_number > 1;
    """,
    # version 4: one name for the short code a clinician attaches to a session, the visit code
    """
    ALTER TABLE sessions RENAME COLUMN label TO visit_code;
    """,
    # version 5: one set of settings for the whole clinic (the TOML a clinician saved, with
    # its retention in days) and the clinician PIN with its lockout, in the one row there is;
    # each `_version` counts the saves, 0 until the first
    """
    CREATE TABLE clinic (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        settings text,
        keep_days integer,
        settings_version bigint NOT NULL DEFAULT 0,
        settings_at timestamptz,
        pin_hash text,
        pin_version bigint NOT NULL DEFAULT 0,
        pin_failures integer NOT NULL DEFAULT 0,
        pin_lockouts integer NOT NULL DEFAULT 0,
        pin_locked_until timestamptz
    );
    INSERT INTO clinic DEFAULT VALUES;
    """,
    # version 6: what Questions reads, kept up to date so that it need not read the
    # answers of a long range. answer_days: answers counted per day (UTC), module,
    # question, first try or re-ask, choice, right or wrong. module_outcomes: for each
    # session and module, its latest quiz with answers (as Questions counts objectives):
    # left open or not, and, if open, per objective how many of its questions were
    # answered right; outcome_days counts them per day. Triggers keep them in the
    # transaction that adds, changes or deletes answers and quizzes: a repeated delivery
    # adds no row, so counts nothing twice; retention's cascade subtracts (a count of 0
    # reads as none). They come before the back-fill: their lock waits for deliveries
    # under way and holds new ones until the back-fill is committed.
    """
    CREATE TABLE answer_days (
        day date NOT NULL,
        module_id text NOT NULL,
        question_id text NOT NULL,
        first_try boolean NOT NULL,
        chosen text NOT NULL,
        "right" boolean NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (first_try, day, module_id, question_id, chosen, "right")
    );
    CREATE INDEX answers_by_time ON answers(answered_at);
    CREATE FUNCTION count_answers() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = eduapp, pg_temp AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO answer_days AS d
            SELECT (answered_at AT TIME ZONE 'UTC')::date, module_id, question_id,
                   try_number = 1, chosen, "right", count(*)
            FROM added GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (day, module_id, question_id, first_try, chosen, "right")
            DO UPDATE SET n = d.n + excluded.n;
        ELSE
            UPDATE answer_days d SET n = d.n - g.n
            FROM (SELECT (answered_at AT TIME ZONE 'UTC')::date AS day, module_id,
                         question_id, try_number = 1 AS first_try, chosen, "right",
                         count(*) AS n
                  FROM gone GROUP BY 1, 2, 3, 4, 5, 6) g
            WHERE (d.day, d.module_id, d.question_id, d.first_try, d.chosen, d."right")
                = (g.day, g.module_id, g.question_id, g.first_try, g.chosen, g."right");
        END IF;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER answers_counted AFTER INSERT ON answers REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION count_answers();
    CREATE TRIGGER answers_uncounted AFTER DELETE ON answers REFERENCING OLD TABLE AS gone
        FOR EACH STATEMENT EXECUTE FUNCTION count_answers();
    INSERT INTO answer_days
    SELECT (answered_at AT TIME ZONE 'UTC')::date, module_id, question_id, try_number = 1,
           chosen, "right", count(*)
    FROM answers GROUP BY 1, 2, 3, 4, 5, 6;

    CREATE TABLE module_outcomes (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        module_id text NOT NULL,
        started_at timestamptz NOT NULL,  -- the session's start
        open boolean NOT NULL,  -- stopped or not finished
        got jsonb,  -- open: objective -> questions answered right (those with any)
        PRIMARY KEY (session_id, module_id)
    );
    CREATE INDEX outcomes_by_start ON module_outcomes(started_at) INCLUDE (module_id, open);
    CREATE INDEX open_outcomes ON module_outcomes(started_at) WHERE open;
    CREATE FUNCTION settle_outcomes(session_ids uuid[], module_ids text[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
        DELETE FROM module_outcomes o
        USING unnest(session_ids, module_ids) AS p(session_id, module_id)
        WHERE o.session_id = p.session_id AND o.module_id = p.module_id;
        INSERT INTO module_outcomes
        SELECT DISTINCT ON (q.session_id, q.module_id) q.session_id, q.module_id,
               s.started_at, q.stopped OR q.finished_at IS NULL,
               CASE WHEN q.stopped OR q.finished_at IS NULL THEN (
                   SELECT coalesce(jsonb_object_agg(objective_id, n), '{}') FROM (
                       SELECT a.objective_id, count(DISTINCT coalesce(a.asked_for,
                                                                      a.question_id)) AS n
                       FROM answers a WHERE a.attempt_id = q.id AND a."right"
                       GROUP BY a.objective_id) g) END
        FROM unnest(session_ids, module_ids) AS p(session_id, module_id)
        JOIN quiz_attempts q ON q.session_id = p.session_id AND q.module_id = p.module_id
        JOIN sessions s ON s.id = q.session_id
        WHERE EXISTS (SELECT 1 FROM answers a WHERE a.attempt_id = q.id)
        ORDER BY q.session_id, q.module_id, q.n DESC;
    $$;
    CREATE FUNCTION count_outcomes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = eduapp, pg_temp AS $$
    BEGIN
        IF TG_TABLE_NAME = 'answers' THEN
            PERFORM settle_outcomes(array_agg(session_id), array_agg(module_id))
            FROM (SELECT DISTINCT q.session_id, q.module_id FROM added
                  JOIN quiz_attempts q ON q.id = added.attempt_id) p;
        ELSE
            PERFORM settle_outcomes(array_agg(session_id), array_agg(module_id))
            FROM (SELECT DISTINCT session_id, module_id FROM changed) p;
        END IF;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER answers_settle AFTER INSERT ON answers REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION count_outcomes();
    CREATE TRIGGER quizzes_settle AFTER UPDATE ON quiz_attempts
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_outcomes();
    SELECT settle_outcomes(array_agg(session_id), array_agg(module_id))
    FROM (SELECT DISTINCT session_id, module_id FROM quiz_attempts) p;

    CREATE TABLE outcome_days (  -- module_outcomes counted per day (UTC) of session start
        day date NOT NULL,
        module_id text NOT NULL,
        quizzed bigint NOT NULL,
        unfinished bigint NOT NULL,
        PRIMARY KEY (day, module_id)
    );
    INSERT INTO outcome_days
    SELECT (started_at AT TIME ZONE 'UTC')::date, module_id, count(*), count(*) FILTER (WHERE open)
    FROM module_outcomes GROUP BY 1, 2;
    CREATE FUNCTION count_outcome_days() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = eduapp, pg_temp AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            UPDATE outcome_days SET quizzed = quizzed - 1,
                                    unfinished = unfinished - OLD.open::int
            WHERE day = (OLD.started_at AT TIME ZONE 'UTC')::date
              AND module_id = OLD.module_id;
        ELSE
            INSERT INTO outcome_days AS d
            VALUES ((NEW.started_at AT TIME ZONE 'UTC')::date, NEW.module_id, 1, NEW.open::int)
            ON CONFLICT (day, module_id) DO UPDATE
            SET quizzed = d.quizzed + 1, unfinished = d.unfinished + excluded.unfinished;
        END IF;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER outcomes_counted AFTER INSERT OR DELETE ON module_outcomes
        FOR EACH ROW EXECUTE FUNCTION count_outcome_days();
    """,
    # version 7: what Today and long-range Questions read, kept as results arrive (as in
    # version 6). A session's last activity on its own row: last_active_at becomes the
    # latest of its device's touches, its screen views and its quizzes' starts and ends,
    # raised by triggers on screen_views and quiz_attempts (views and quizzes are only ever
    # removed with their session), so Today need not look through a session's views.
    # answer_months: answer_days summed per month (UTC), kept by the same trigger function,
    # so Questions over a year reads a few hundred rows instead of tens of thousands.
    # objective_days: the open quizzes of module_outcomes counted per day (UTC) of session
    # start, module, objective and questions of it answered right, kept by the trigger that
    # keeps outcome_days, so Questions need not read each open quiz's answers over a year.
    # settle_outcomes, the same, in PL/pgSQL: its plans are kept for the connection, where
    # an SQL function's were made again on each of a delivery's answers.
    """
    UPDATE sessions s SET last_active_at = v.at
    FROM (SELECT session_id, max(viewed_at) AS at FROM screen_views GROUP BY 1) v
    WHERE v.session_id = s.id AND v.at > s.last_active_at;
    UPDATE sessions s SET last_active_at = q.at
    FROM (SELECT session_id, max(coalesce(finished_at, started_at)) AS at
          FROM quiz_attempts GROUP BY 1) q
    WHERE q.session_id = s.id AND q.at > s.last_active_at;
    CREATE FUNCTION touch_session() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = eduapp, pg_temp AS $$
    BEGIN
        IF TG_TABLE_NAME = 'screen_views' THEN
            UPDATE sessions s SET last_active_at = v.at
            FROM (SELECT session_id, max(viewed_at) AS at FROM added GROUP BY 1) v
            WHERE v.session_id = s.id AND v.at > s.last_active_at;
        ELSE
            UPDATE sessions s SET last_active_at = q.at
            FROM (SELECT session_id, max(coalesce(finished_at, started_at)) AS at
                  FROM added GROUP BY 1) q
            WHERE q.session_id = s.id AND q.at > s.last_active_at;
        END IF;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER views_touch AFTER INSERT ON screen_views REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION touch_session();
    CREATE TRIGGER quizzes_touch AFTER INSERT ON quiz_attempts
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION touch_session();
    CREATE TRIGGER quizzes_touch_again AFTER UPDATE ON quiz_attempts
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION touch_session();

    CREATE TABLE answer_months (
        month date NOT NULL,  -- the month's first day
        module_id text NOT NULL,
        question_id text NOT NULL,
        first_try boolean NOT NULL,
        chosen text NOT NULL,
        "right" boolean NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (first_try, month, module_id, question_id, chosen, "right")
    );
    CREATE OR REPLACE FUNCTION count_answers() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            WITH c AS (SELECT (answered_at AT TIME ZONE 'UTC')::date AS day, module_id,
                              question_id, try_number = 1 AS first_try, chosen, "right",
                              count(*) AS n
                       FROM added GROUP BY 1, 2, 3, 4, 5, 6),
            days AS (INSERT INTO answer_days AS d SELECT * FROM c
                     ON CONFLICT (day, module_id, question_id, first_try, chosen, "right")
                     DO UPDATE SET n = d.n + excluded.n)
            INSERT INTO answer_months AS m
            SELECT date_trunc('month', day)::date, module_id, question_id, first_try, chosen,
                   "right", sum(n)
            FROM c GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (month, module_id, question_id, first_try, chosen, "right")
            DO UPDATE SET n = m.n + excluded.n;
        ELSE
            WITH c AS (SELECT (answered_at AT TIME ZONE 'UTC')::date AS day, module_id,
                              question_id, try_number = 1 AS first_try, chosen, "right",
                              count(*) AS n
                       FROM gone GROUP BY 1, 2, 3, 4, 5, 6),
            days AS (UPDATE answer_days d SET n = d.n - c.n FROM c
                     WHERE (d.day, d.module_id, d.question_id, d.first_try, d.chosen, d."right")
                         = (c.day, c.module_id, c.question_id, c.first_try, c.chosen, c."right"))
            UPDATE answer_months m SET n = m.n - g.n
            FROM (SELECT date_trunc('month', day)::date AS month, module_id, question_id,
                         first_try, chosen, "right", sum(n) AS n
                  FROM c GROUP BY 1, 2, 3, 4, 5, 6) g
            WHERE (m.month, m.module_id, m.question_id, m.first_try, m.chosen, m."right")
                = (g.month, g.module_id, g.question_id, g.first_try, g.chosen, g."right");
        END IF;
        RETURN NULL;
    END
    $$;
    INSERT INTO answer_months
    SELECT date_trunc('month', day)::date, module_id, question_id, first_try, chosen,
           "right", sum(n)
    FROM answer_days GROUP BY 1, 2, 3, 4, 5, 6;

    CREATE OR REPLACE FUNCTION settle_outcomes(session_ids uuid[], module_ids text[])
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
    BEGIN
        DELETE FROM module_outcomes o
        USING unnest(session_ids, module_ids) AS p(session_id, module_id)
        WHERE o.session_id = p.session_id AND o.module_id = p.module_id;
        INSERT INTO module_outcomes
        SELECT DISTINCT ON (q.session_id, q.module_id) q.session_id, q.module_id,
               s.started_at, q.stopped OR q.finished_at IS NULL,
               CASE WHEN q.stopped OR q.finished_at IS NULL THEN (
                   SELECT coalesce(jsonb_object_agg(objective_id, n), '{}') FROM (
                       SELECT a.objective_id, count(DISTINCT coalesce(a.asked_for,
                                                                      a.question_id)) AS n
                       FROM answers a WHERE a.attempt_id = q.id AND a."right"
                       GROUP BY a.objective_id) g) END
        FROM unnest(session_ids, module_ids) AS p(session_id, module_id)
        JOIN quiz_attempts q ON q.session_id = p.session_id AND q.module_id = p.module_id
        JOIN sessions s ON s.id = q.session_id
        WHERE EXISTS (SELECT 1 FROM answers a WHERE a.attempt_id = q.id)
        ORDER BY q.session_id, q.module_id, q.n DESC;
    END
    $$;
    CREATE TABLE objective_days (
        day date NOT NULL,
        module_id text NOT NULL,
        objective_id text NOT NULL,
        got integer NOT NULL,  -- first-pass questions of the objective answered right
        n bigint NOT NULL,  -- open quizzes
        PRIMARY KEY (day, module_id, objective_id, got)
    );
    CREATE OR REPLACE FUNCTION count_outcome_days() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = eduapp, pg_temp AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            UPDATE outcome_days SET quizzed = quizzed - 1,
                                    unfinished = unfinished - OLD.open::int
            WHERE day = (OLD.started_at AT TIME ZONE 'UTC')::date
              AND module_id = OLD.module_id;
            IF OLD.open THEN
                UPDATE objective_days d SET n = d.n - 1 FROM jsonb_each_text(OLD.got) g
                WHERE d.day = (OLD.started_at AT TIME ZONE 'UTC')::date
                  AND d.module_id = OLD.module_id AND d.objective_id = g.key
                  AND d.got = g.value::integer;
            END IF;
        ELSE
            INSERT INTO outcome_days AS d
            VALUES ((NEW.started_at AT TIME ZONE 'UTC')::date, NEW.module_id, 1, NEW.open::int)
            ON CONFLICT (day, module_id) DO UPDATE
            SET quizzed = d.quizzed + 1, unfinished = d.unfinished + excluded.unfinished;
            IF NEW.open THEN
                INSERT INTO objective_days AS d
                SELECT (NEW.started_at AT TIME ZONE 'UTC')::date, NEW.module_id, g.key,
                       g.value::integer, 1
                FROM jsonb_each_text(NEW.got) g
                ON CONFLICT (day, module_id, objective_id, got) DO UPDATE SET n = d.n + 1;
            END IF;
        END IF;
        RETURN NULL;
    END
    $$;
    INSERT INTO objective_days
    SELECT (o.started_at AT TIME ZONE 'UTC')::date, o.module_id, g.key, g.value::integer,
           count(*)
    FROM module_outcomes o, jsonb_each_text(o.got) g WHERE o.open GROUP BY 1, 2, 3, 4;
    """,
    # version 8: a clinician's save names the settings version its form was loaded from,
    # and the server refuses it when another computer saved since (save_settings takes a
    # fourth argument: the three-argument one, which saved whatever came last, goes); and
    # the server records when it last purged by its retention, for `eduapp server status`
    """
    DROP FUNCTION IF EXISTS save_settings(text, integer, boolean);
    ALTER TABLE clinic ADD COLUMN purged_at timestamptz;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
