// Every migration, in order. A new migration is one new file and one line here; an applied migration
// is never edited (the runner refuses a database that has one this list does not know).
import type { Migration } from './migration.js';
import { migration as organisationsUsersAudit } from './0001-organisations-users-audit.js';
import { migration as alertsRules } from './0002-alerts-rules.js';
import { migration as incidentsReports } from './0003-incidents-reports.js';
import { migration as ruleSuppressions } from './0004-rule-suppressions.js';
import { migration as alertSearch } from './0005-alert-search.js';
import { migration as dataGovernance } from './0006-data-governance.js';

export const MIGRATIONS: readonly Migration[] = [organisationsUsersAudit, alertsRules, incidentsReports, ruleSuppressions, alertSearch, dataGovernance];
