import type { Migration } from '../migrate';

/**
 * Key enterprises, early warnings and the risk ledger (issue 6): social-insurance contributors per
 * firm (an agency dataset keyed by credit code, vintaged by snapshot like the reports), public-opinion
 * signal cases, warning rules and the alerts they raise (one per rule, subject and period), the
 * ledger with its action history and its links to alerts, signals and annotations.
 *
 * Annotations belong to the reports issue; until their table exists, `ledger_annotation` keeps the
 * annotation id without a foreign key.
 */
export const migration: Migration = {
  version: 30,
  name: 'enterprise-monitoring',
  up: `
    CREATE TABLE si_contribution (
      credit_code TEXT NOT NULL,
      period TEXT NOT NULL,
      snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
      contributors INTEGER NOT NULL CHECK (contributors >= 0),
      firm_name TEXT,
      sheet TEXT,
      row INTEGER,
      PRIMARY KEY (credit_code, period, snapshot_id)
    ) WITHOUT ROWID;
    CREATE INDEX si_contribution_period ON si_contribution(period);
    CREATE INDEX si_contribution_snapshot ON si_contribution(snapshot_id);

    CREATE TABLE signal_case (
      id INTEGER PRIMARY KEY,
      snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
      case_date TEXT NOT NULL,
      period TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('hotline', 'wage_arrears', 'police110', 'other')),
      district TEXT,
      firm_name TEXT,
      credit_code TEXT,
      enterprise_id INTEGER REFERENCES enterprise(id),
      category TEXT NOT NULL CHECK (category IN ('wage_arrears', 'layoff', 'halt', 'social_insurance', 'other')),
      count INTEGER NOT NULL CHECK (count >= 1),
      summary TEXT NOT NULL DEFAULT '',
      fingerprint TEXT NOT NULL,
      sheet TEXT,
      row INTEGER
    );
    CREATE INDEX signal_case_period ON signal_case(period, district);
    CREATE INDEX signal_case_enterprise ON signal_case(enterprise_id, period);
    CREATE INDEX signal_case_snapshot ON signal_case(snapshot_id);
    CREATE INDEX signal_case_fingerprint ON signal_case(fingerprint);

    CREATE TABLE warning_rule (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      name_zh TEXT NOT NULL,
      name_en TEXT NOT NULL DEFAULT '',
      scope TEXT NOT NULL,
      params TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      sort INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );

    CREATE TABLE alert (
      id INTEGER PRIMARY KEY,
      rule_id INTEGER NOT NULL REFERENCES warning_rule(id),
      rule_version INTEGER NOT NULL,
      period TEXT NOT NULL,
      subject_type TEXT NOT NULL CHECK (subject_type IN ('series', 'panel', 'firm', 'district', 'city')),
      subject_key TEXT NOT NULL,
      subject_zh TEXT NOT NULL,
      subject_en TEXT NOT NULL,
      enterprise_id INTEGER REFERENCES enterprise(id),
      district TEXT,
      sector TEXT,
      indicator TEXT,
      level TEXT NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
      value REAL,
      evidence TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cleared')),
      raised_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      evaluated_at TEXT NOT NULL,
      UNIQUE (rule_id, subject_key, period)
    );
    CREATE INDEX alert_period ON alert(period, status);
    CREATE INDEX alert_enterprise ON alert(enterprise_id);

    CREATE TABLE warning_run (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      trigger TEXT NOT NULL,
      periods TEXT NOT NULL,
      raised INTEGER NOT NULL,
      updated INTEGER NOT NULL,
      cleared INTEGER NOT NULL,
      unchanged INTEGER NOT NULL,
      ms REAL NOT NULL
    );

    CREATE TABLE ledger_item (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      level TEXT NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
      subject_type TEXT NOT NULL CHECK (subject_type IN ('firm', 'district', 'sector', 'indicator')),
      subject_key TEXT NOT NULL,
      subject_zh TEXT NOT NULL,
      subject_en TEXT NOT NULL,
      enterprise_id INTEGER REFERENCES enterprise(id),
      group_code TEXT NOT NULL CHECK (group_code IN ('task_force', 'layoff_response', 'unemployed_support', 'area_assistance', 'emergency', 'policy_reserve')),
      owner TEXT NOT NULL DEFAULT '',
      due_date TEXT,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'resolved', 'closed')),
      period TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX ledger_item_status ON ledger_item(status, group_code);
    CREATE INDEX ledger_item_enterprise ON ledger_item(enterprise_id);

    CREATE TABLE ledger_action (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES ledger_item(id),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('create', 'edit', 'assign', 'status', 'comment', 'link', 'unlink')),
      from_status TEXT,
      to_status TEXT,
      comment TEXT NOT NULL DEFAULT '',
      details TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX ledger_action_item ON ledger_action(item_id, at);

    CREATE TABLE ledger_alert (
      item_id INTEGER NOT NULL REFERENCES ledger_item(id),
      alert_id INTEGER NOT NULL REFERENCES alert(id),
      PRIMARY KEY (item_id, alert_id)
    ) WITHOUT ROWID;
    CREATE INDEX ledger_alert_alert ON ledger_alert(alert_id);

    CREATE TABLE ledger_signal (
      item_id INTEGER NOT NULL REFERENCES ledger_item(id),
      signal_id INTEGER NOT NULL REFERENCES signal_case(id),
      PRIMARY KEY (item_id, signal_id)
    ) WITHOUT ROWID;

    CREATE TABLE ledger_annotation (
      item_id INTEGER NOT NULL REFERENCES ledger_item(id),
      annotation_id INTEGER NOT NULL,
      PRIMARY KEY (item_id, annotation_id)
    ) WITHOUT ROWID;
  `,
};
