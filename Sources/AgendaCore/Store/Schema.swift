/// The store's schema as numbered migrations. Never edit a migration that has shipped: add a new one.
///
/// One database holds one agenda. The plan's structure (areas, sub-areas) and the organisation
/// register are plain tables. Actions are append-only: `action` holds what never changes (code and
/// place in the plan), `action_version` one row per revision that changed the action, and
/// `action_version_unit` the units responsible in that version. Nothing is updated or deleted
/// (triggers refuse it); the plan "as it stood at date D" is, for each action, the version with the
/// latest `valid_from <= D`, ties broken by the higher revision (index `action_version_as_of`).
///
/// Dates are ISO 8601 text ("2018-03-14"), which sorts chronologically. Short nested lists of an
/// action version (plan steps, phases, cost parts, …) are JSON text with sorted keys, in the
/// shape of the model's `Codable` types; everything that is queried is a column or a table.
/// `name_key` / `alias_key` hold a name trimmed, NFC-normalised and lower-cased, so lookups ignore
/// case also for å, ä and ö (SQLite's NOCASE folds ASCII only).
enum Schema {
    static let migrator = Migrator([plan, organisationAliases, statusAndAccess, roundCancellation, signInLinks, effectAssessments, selfAssessments, mail, accounts])

    static let plan = Migrator.Migration(number: 1, name: "plan", sql: """
        -- The plan's metadata: one row (id 1) once a plan has been imported.
        CREATE TABLE agenda (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            title TEXT NOT NULL,
            organisation TEXT NOT NULL,
            period_start INTEGER,
            period_end INTEGER,
            decided_by TEXT,
            owner TEXT,
            effective_date TEXT,
            description TEXT NOT NULL,
            CHECK ((period_start IS NULL) = (period_end IS NULL))
        );

        -- Insatsområden, in document order.
        CREATE TABLE focus_area (
            number INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            position INTEGER NOT NULL UNIQUE
        );

        -- Delområden, in document order. `reference` is the code of the sub-area this one points to.
        CREATE TABLE sub_area (
            code TEXT PRIMARY KEY,
            area_number INTEGER NOT NULL REFERENCES focus_area (number),
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            reference TEXT,
            position INTEGER NOT NULL UNIQUE
        );

        -- The organisation register: förvaltningar and their enheter.
        CREATE TABLE department (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL UNIQUE
        );

        CREATE TABLE unit (
            id INTEGER PRIMARY KEY,
            department_id INTEGER NOT NULL REFERENCES department (id),
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            position INTEGER NOT NULL,
            UNIQUE (department_id, name_key),
            UNIQUE (id, department_id)
        );
        CREATE INDEX unit_by_name ON unit (name_key);

        -- Every decision that changed the plan; revision 1 is the adopted plan.
        CREATE TABLE revision (
            number INTEGER PRIMARY KEY CHECK (number >= 1),
            date TEXT,
            reference TEXT,
            note TEXT
        );

        -- An action's identity: what no revision changes.
        CREATE TABLE action (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            area_number INTEGER NOT NULL REFERENCES focus_area (number),
            sub_area_code TEXT REFERENCES sub_area (code),
            position INTEGER NOT NULL UNIQUE
        );

        -- What an action says, one row per revision that changed it.
        CREATE TABLE action_version (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES action (id),
            revision INTEGER NOT NULL REFERENCES revision (number),
            valid_from TEXT,                        -- NULL: adopted plan without a date, valid from the start
            state TEXT NOT NULL CHECK (state IN ('active', 'closed', 'withdrawn')),
            title TEXT NOT NULL,
            background TEXT NOT NULL,
            plan_text TEXT NOT NULL,
            plan_steps TEXT NOT NULL,               -- JSON [PlanStep]
            responsibility_text TEXT NOT NULL,      -- the parsed units are in action_version_unit
            responsibility_notes TEXT NOT NULL,     -- JSON [String]
            responsibility_unsure TEXT NOT NULL,    -- JSON [String]
            schedule_text TEXT,
            start_year INTEGER,
            end_year INTEGER,
            schedule_phases TEXT NOT NULL,          -- JSON [SchedulePhase]
            schedule_terms TEXT NOT NULL,           -- JSON [SchoolTerm]
            cost_text TEXT,
            cost_parts TEXT NOT NULL,               -- JSON [CostPart]
            within_existing_budget INTEGER NOT NULL CHECK (within_existing_budget IN (0, 1)),
            decision_pending INTEGER NOT NULL CHECK (decision_pending IN (0, 1)),
            external_funding TEXT NOT NULL,         -- JSON [String]
            staff TEXT NOT NULL,                    -- JSON [StaffResource]
            effect_goals TEXT NOT NULL,             -- JSON [String]
            other_fields TEXT NOT NULL,             -- JSON [LabeledText]
            UNIQUE (action_id, revision)
        );
        CREATE INDEX action_version_as_of ON action_version (action_id, valid_from, revision);
        CREATE INDEX action_version_years ON action_version (start_year, end_year);

        -- Ansvarig of one version: the lead (role 'lead', position 0) and the co-responsible, in order.
        -- unit_id NULL means the förvaltning as a whole; otherwise the unit belongs to department_id.
        CREATE TABLE action_version_unit (
            version_id INTEGER NOT NULL REFERENCES action_version (id),
            position INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('lead', 'co')),
            department_id INTEGER NOT NULL REFERENCES department (id),
            unit_id INTEGER,
            PRIMARY KEY (version_id, position),
            FOREIGN KEY (unit_id, department_id) REFERENCES unit (id, department_id)
        );
        CREATE INDEX action_version_unit_by_department ON action_version_unit (department_id, version_id);
        CREATE INDEX action_version_unit_by_unit ON action_version_unit (unit_id, version_id);

        -- History is append-only.
        CREATE TRIGGER revision_append_only_update BEFORE UPDATE ON revision
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
        CREATE TRIGGER revision_append_only_delete BEFORE DELETE ON revision
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
        CREATE TRIGGER action_append_only_update BEFORE UPDATE ON action
            BEGIN SELECT RAISE(ABORT, 'actions are append-only'); END;
        CREATE TRIGGER action_append_only_delete BEFORE DELETE ON action
            BEGIN SELECT RAISE(ABORT, 'actions are append-only'); END;
        CREATE TRIGGER action_version_append_only_update BEFORE UPDATE ON action_version
            BEGIN SELECT RAISE(ABORT, 'action versions are append-only'); END;
        CREATE TRIGGER action_version_append_only_delete BEFORE DELETE ON action_version
            BEGIN SELECT RAISE(ABORT, 'action versions are append-only'); END;
        CREATE TRIGGER action_version_unit_append_only_update BEFORE UPDATE ON action_version_unit
            BEGIN SELECT RAISE(ABORT, 'action versions are append-only'); END;
        CREATE TRIGGER action_version_unit_append_only_delete BEFORE DELETE ON action_version_unit
            BEGIN SELECT RAISE(ABORT, 'action versions are append-only'); END;
        """)

    /// Spelling variants of a förvaltning's name ("SLF"), unique across the register.
    static let organisationAliases = Migrator.Migration(number: 2, name: "organisation aliases", sql: """
        CREATE TABLE department_alias (
            department_id INTEGER NOT NULL REFERENCES department (id),
            alias TEXT NOT NULL,
            alias_key TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL,
            PRIMARY KEY (department_id, position)
        );
        """)

    /// Identities and their token hashes, status reports, reporting rounds, publications and the audit log.
    ///
    /// `status_report`, `reporting_round`, `publication` and `audit_log` are append-only. `identity` is
    /// the one table that changes in place (revoke, renew), and every such change is in the audit log.
    /// Timestamps are ISO 8601 UTC text ("2018-06-30T14:05:00Z"), which sorts chronologically.
    static let statusAndAccess = Migrator.Migration(number: 3, name: "status and access", sql: """
        CREATE TABLE identity (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('owner', 'reporter', 'reader')),
            department_id INTEGER REFERENCES department (id),
            token_hash TEXT NOT NULL UNIQUE,        -- SHA-256 of the token, hex; the token itself is never stored
            created_at TEXT NOT NULL,
            revoked_at TEXT,
            CHECK ((role = 'reporter') = (department_id IS NOT NULL))
        );

        CREATE TABLE status_report (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES action (id),
            period TEXT NOT NULL,                   -- "2018Q2"
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('notStarted', 'planned', 'started', 'almostDone', 'done', 'dormant', 'cancelled')),
            light TEXT NOT NULL CHECK (light IN ('green', 'yellow', 'red')),
            comment TEXT NOT NULL,
            obstacles TEXT NOT NULL,
            next_steps TEXT NOT NULL,
            actual_cost INTEGER CHECK (actual_cost >= 0),
            reporter_id INTEGER REFERENCES identity (id),
            reporter_name TEXT NOT NULL,
            reported_at TEXT NOT NULL,
            supersedes INTEGER REFERENCES status_report (id)
        );
        -- "The report in force for action A in period P known at T" and "the latest earlier one" are
        -- range scans of this index for one action.
        CREATE INDEX status_report_in_force ON status_report (action_id, period_end, reported_at);
        CREATE INDEX status_report_by_period ON status_report (period, action_id);

        CREATE TABLE reporting_round (
            id INTEGER PRIMARY KEY,
            period TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            deadline TEXT NOT NULL,
            opened_by TEXT NOT NULL,
            opened_at TEXT NOT NULL
        );
        CREATE INDEX reporting_round_by_period ON reporting_round (period, id);

        CREATE TABLE publication (
            period TEXT PRIMARY KEY,
            published_at TEXT NOT NULL,
            published_by TEXT NOT NULL
        );

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            identity_name TEXT,                     -- NULL: the import that created the first identities
            operation TEXT NOT NULL,
            target TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT
        );

        CREATE TRIGGER status_report_append_only_update BEFORE UPDATE ON status_report
            BEGIN SELECT RAISE(ABORT, 'status reports are append-only'); END;
        CREATE TRIGGER status_report_append_only_delete BEFORE DELETE ON status_report
            BEGIN SELECT RAISE(ABORT, 'status reports are append-only'); END;
        CREATE TRIGGER reporting_round_append_only_update BEFORE UPDATE ON reporting_round
            BEGIN SELECT RAISE(ABORT, 'reporting rounds are append-only'); END;
        CREATE TRIGGER reporting_round_append_only_delete BEFORE DELETE ON reporting_round
            BEGIN SELECT RAISE(ABORT, 'reporting rounds are append-only'); END;
        CREATE TRIGGER publication_append_only_update BEFORE UPDATE ON publication
            BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END;
        CREATE TRIGGER publication_append_only_delete BEFORE DELETE ON publication
            BEGIN SELECT RAISE(ABORT, 'publications are append-only'); END;
        CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER identity_no_delete BEFORE DELETE ON identity
            BEGIN SELECT RAISE(ABORT, 'identities are revoked, never deleted'); END;
        """)

    /// Cancelling a reporting round opened by mistake: one row per cancelled `reporting_round` row,
    /// append-only like the rounds themselves.
    static let roundCancellation = Migrator.Migration(number: 4, name: "round cancellation", sql: """
        CREATE TABLE round_cancellation (
            round_id INTEGER PRIMARY KEY REFERENCES reporting_round (id),
            cancelled_by TEXT NOT NULL,
            cancelled_at TEXT NOT NULL
        );
        CREATE TRIGGER round_cancellation_append_only_update BEFORE UPDATE ON round_cancellation
            BEGIN SELECT RAISE(ABORT, 'round cancellations are append-only'); END;
        CREATE TRIGGER round_cancellation_append_only_delete BEFORE DELETE ON round_cancellation
            BEGIN SELECT RAISE(ABORT, 'round cancellations are append-only'); END;
        """)

    /// One-time sign-in links for the web (`agenda identity link`): only the SHA-256 of the link's secret
    /// is stored; a link works once, until it expires, and only while its identity is not revoked.
    static let signInLinks = Migrator.Migration(number: 5, name: "sign-in links", sql: """
        CREATE TABLE signin_link (
            id INTEGER PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            identity_id INTEGER NOT NULL REFERENCES identity (id),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        );
        """)

    /// Assessments of effektmål (`agenda effect set`), append-only like status reports: a later
    /// assessment for the same action, goal and period supersedes the earlier one. `goal_id` is the
    /// goal's stable id within its action (the `id` of an element of `action_version.effect_goals`,
    /// which from this migration on holds JSON `[EffectGoal]`; older rows hold `[String]`, read as
    /// goals 1, 2, 3 …). `value` is the measured value in the goal's unit.
    static let effectAssessments = Migrator.Migration(number: 6, name: "effect assessments", sql: """
        CREATE TABLE effect_assessment (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES action (id),
            goal_id INTEGER NOT NULL CHECK (goal_id >= 1),
            period TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('achieved', 'partlyAchieved', 'notAchieved', 'tooEarly', 'notAssessable')),
            value REAL,
            measured_on TEXT,
            source TEXT NOT NULL,
            comment TEXT NOT NULL,
            reporter_id INTEGER REFERENCES identity (id),
            reporter_name TEXT NOT NULL,
            reported_at TEXT NOT NULL,
            supersedes INTEGER REFERENCES effect_assessment (id)
        );
        CREATE INDEX effect_assessment_in_force ON effect_assessment (action_id, goal_id, period_end, reported_at);
        CREATE INDEX effect_assessment_by_period ON effect_assessment (period, action_id);

        CREATE TRIGGER effect_assessment_append_only_update BEFORE UPDATE ON effect_assessment
            BEGIN SELECT RAISE(ABORT, 'effect assessments are append-only'); END;
        CREATE TRIGGER effect_assessment_append_only_delete BEFORE DELETE ON effect_assessment
            BEGIN SELECT RAISE(ABORT, 'effect assessments are append-only'); END;
        """)

    /// Self-assessments against indicator sets (LIKA Socialtjänst and others) and the links from actions
    /// to the indicators they are meant to lift.
    ///
    /// `indicator_version` keeps every edition of an indicator's text (the latest row is in force) and an
    /// answer points at the edition it answered. `assessment_answer` is append-only like status reports:
    /// recording again for the same unit, date and indicator supersedes the earlier row, which stays.
    /// `action_indicator` links are made under a revision (a decision), like every plan change.
    static let selfAssessments = Migrator.Migration(number: 7, name: "self-assessments", sql: """
        CREATE TABLE indicator_set (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
        );

        CREATE TABLE indicator_area (
            set_id INTEGER NOT NULL REFERENCES indicator_set (id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (set_id, code)
        );

        CREATE TABLE indicator (
            id INTEGER PRIMARY KEY,
            set_id INTEGER NOT NULL REFERENCES indicator_set (id),
            code TEXT NOT NULL,
            area_code TEXT NOT NULL,
            UNIQUE (set_id, code),
            FOREIGN KEY (set_id, area_code) REFERENCES indicator_area (set_id, code)
        );

        -- Every edition of an indicator's text; the row with the highest id is in force.
        CREATE TABLE indicator_version (
            id INTEGER PRIMARY KEY,
            indicator_id INTEGER NOT NULL REFERENCES indicator (id),
            text TEXT NOT NULL,
            suggestion TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX indicator_version_latest ON indicator_version (indicator_id, id);

        -- Who assesses itself: the municipality, a förvaltning, a verksamhet (Äldreomsorg, IFO, …).
        CREATE TABLE assessed_unit (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            department_id INTEGER REFERENCES department (id)
        );

        CREATE TABLE assessment_answer (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES assessed_unit (id),
            date TEXT NOT NULL,
            indicator_id INTEGER NOT NULL REFERENCES indicator (id),
            indicator_version_id INTEGER NOT NULL REFERENCES indicator_version (id),
            answer TEXT NOT NULL CHECK (answer IN ('notPlanned', 'planned', 'started', 'almostThere', 'fulfilled', 'notRelevant')),
            step INTEGER CHECK (step BETWEEN 1 AND 3),
            comment TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            supersedes INTEGER REFERENCES assessment_answer (id)
        );
        -- "The answer in force for unit U, date D, indicator I" is the last row of this index's range.
        CREATE INDEX assessment_answer_in_force ON assessment_answer (unit_id, date, indicator_id, id);

        CREATE TABLE action_indicator (
            action_id INTEGER NOT NULL REFERENCES action (id),
            indicator_id INTEGER NOT NULL REFERENCES indicator (id),
            revision INTEGER NOT NULL REFERENCES revision (number),
            PRIMARY KEY (action_id, indicator_id)
        );
        CREATE INDEX action_indicator_by_indicator ON action_indicator (indicator_id, action_id);

        CREATE TRIGGER indicator_area_append_only_update BEFORE UPDATE ON indicator_area
            BEGIN SELECT RAISE(ABORT, 'indicator areas are append-only'); END;
        CREATE TRIGGER indicator_area_append_only_delete BEFORE DELETE ON indicator_area
            BEGIN SELECT RAISE(ABORT, 'indicator areas are append-only'); END;
        CREATE TRIGGER indicator_append_only_update BEFORE UPDATE ON indicator
            BEGIN SELECT RAISE(ABORT, 'indicators are append-only'); END;
        CREATE TRIGGER indicator_append_only_delete BEFORE DELETE ON indicator
            BEGIN SELECT RAISE(ABORT, 'indicators are append-only'); END;
        CREATE TRIGGER indicator_version_append_only_update BEFORE UPDATE ON indicator_version
            BEGIN SELECT RAISE(ABORT, 'indicator versions are append-only'); END;
        CREATE TRIGGER indicator_version_append_only_delete BEFORE DELETE ON indicator_version
            BEGIN SELECT RAISE(ABORT, 'indicator versions are append-only'); END;
        CREATE TRIGGER assessed_unit_no_delete BEFORE DELETE ON assessed_unit
            BEGIN SELECT RAISE(ABORT, 'assessed units are never deleted'); END;
        CREATE TRIGGER assessment_answer_append_only_update BEFORE UPDATE ON assessment_answer
            BEGIN SELECT RAISE(ABORT, 'self-assessment answers are append-only'); END;
        CREATE TRIGGER assessment_answer_append_only_delete BEFORE DELETE ON assessment_answer
            BEGIN SELECT RAISE(ABORT, 'self-assessment answers are append-only'); END;
        CREATE TRIGGER action_indicator_append_only_update BEFORE UPDATE ON action_indicator
            BEGIN SELECT RAISE(ABORT, 'indicator links are append-only'); END;
        CREATE TRIGGER action_indicator_append_only_delete BEFORE DELETE ON action_indicator
            BEGIN SELECT RAISE(ABORT, 'indicator links are append-only'); END;
        """)

    /// E-mail: identities' addresses, each round's reminder days, and the outbox. A message is written
    /// here in the transaction of the event that causes it (a round opened, a report published, a link
    /// asked for) and sent afterwards; `dedupe` makes a reminder once per round, förvaltning and kind.
    static let mail = Migrator.Migration(number: 8, name: "mail", sql: """
        ALTER TABLE identity ADD COLUMN email TEXT;
        ALTER TABLE reporting_round ADD COLUMN reminder_days TEXT NOT NULL DEFAULT '5,1';

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            message_id TEXT NOT NULL UNIQUE,        -- the Message-ID, the same however often it is sent
            kind TEXT NOT NULL,
            dedupe TEXT UNIQUE,                     -- 'reminder:<round>:<department>:<kind>' and the like; NULL for others
            period TEXT,
            department TEXT,                        -- the förvaltning it concerns, for the round page
            recipients_json TEXT NOT NULL,          -- [{"name":…,"email":…}]
            content_json TEXT NOT NULL,             -- what it says, as data; worded in Swedish when sent
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            problem TEXT,                           -- the last refusal or failure, as a code
            sent_at TEXT
        );
        CREATE INDEX outbox_waiting ON outbox (next_attempt_at) WHERE sent_at IS NULL;
        CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
            BEGIN SELECT RAISE(ABORT, 'the outbox keeps every message'); END;
        """)

    /// Signing in with the municipality's accounts (OpenID Connect): an identity may be bound to one
    /// account, known by (issuer, subject); an account without an identity asks for access, once while
    /// its request waits.
    static let accounts = Migrator.Migration(number: 9, name: "accounts", sql: """
        ALTER TABLE identity ADD COLUMN account_issuer TEXT;
        ALTER TABLE identity ADD COLUMN account_subject TEXT;
        CREATE UNIQUE INDEX identity_account ON identity (account_issuer, account_subject) WHERE account_subject IS NOT NULL;

        CREATE TABLE access_request (
            id INTEGER PRIMARY KEY,
            issuer TEXT NOT NULL,
            subject TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT,
            email_verified INTEGER NOT NULL CHECK (email_verified IN (0, 1)),
            requested_at TEXT NOT NULL,
            decision TEXT CHECK (decision IN ('granted', 'declined')),
            decided_at TEXT,
            decided_by TEXT,
            identity_name TEXT,                     -- the identity a grant made
            CHECK ((decision IS NULL) = (decided_at IS NULL))
        );
        -- One request per account: a later sign-in finds it (waiting, or declined).
        CREATE UNIQUE INDEX access_request_account ON access_request (issuer, subject);
        CREATE TRIGGER access_request_no_delete BEFORE DELETE ON access_request
            BEGIN SELECT RAISE(ABORT, 'access requests are kept'); END;
        """)
}
