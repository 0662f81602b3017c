// The demo world `rampart demo` (and `npm start`) runs: a coordination centre and two operators, a user
// of every role in each with a known password, the demo logs ingested as the bank's alerts, and one
// incident opened from them, and a data catalog with transfers abroad, so every page of the dashboard has something real to show. Seeding is
// done once per data directory; a second start finds the world there and leaves it as it is.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { demoDataDirectory } from '../hunt/package-paths.js';
import type { LogEvent } from '../core/event.js';
import { parseNdjsonText } from '../logs/ndjson-text.js';
import { insertAlerts, listAlerts } from '../store/alerts.js';
import type { Database } from '../store/database.js';
import { createIncident, updateIncident } from '../store/incidents.js';
import { createOrganisation, findOrganisationByName, type Organisation } from '../store/organisations.js';
import { createUser, ROLES, type Role } from '../store/users.js';
import { loadClassificationRules } from '../datasec/classification/load-classification-rules.js';
import { loadTransferRules } from '../datasec/transfers/load-transfer-rules.js';
import { seedDemoDataGovernance } from './demo-data-governance.js';
import type { LiveDetection } from './live-detection.js';

export interface DemoUser {
  readonly organisation: string;
  readonly username: string;
  readonly role: Role;
  readonly password: string;
}

const HUB = 'National Cybersecurity Coordination Centre (demo)';
const OPERATORS = [
  { name: 'Example Grid Company (demo)', key: 'grid', sector: 'energy', province: 'Jiangsu', mlpsLevel: 3 },
  { name: 'Example Railway Bureau (demo)', key: 'rail', sector: 'transport', province: 'Hubei', mlpsLevel: 3 },
] as const;

/** Demo passwords are printed on the screen: this is a laptop demonstration bound to 127.0.0.1. */
function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [];
  for (const [organisation, key] of [[HUB, 'hub'], ...OPERATORS.map((operator) => [operator.name, operator.key])] as const) {
    for (const role of ROLES) users.push({ organisation, username: `${key}.${role}`, role, password: `demo-${key}-${role}` });
  }
  return users;
}

export interface DemoWorld {
  readonly users: readonly DemoUser[];
  readonly seeded: boolean;
  readonly alerts: number;
}

export async function seedDemo(db: Database, detection: LiveDetection, actor = 'system:demo', now = new Date()): Promise<DemoWorld> {
  const users = demoUsers();
  if (await findOrganisationByName(db, HUB)) return { users, seeded: false, alerts: 0 };
  const hub = await createOrganisation(db, { name: HUB, kind: 'hub' }, actor);
  const operators: Organisation[] = [];
  for (const operator of OPERATORS) {
    operators.push(await createOrganisation(db, { name: operator.name, kind: 'operator', hubId: hub.id, sector: operator.sector, province: operator.province, cii: true, mlpsLevel: operator.mlpsLevel }, actor));
  }
  const byName = new Map([hub, ...operators].map((organisation) => [organisation.name, organisation]));
  for (const user of users) {
    await createUser(db, { organisationId: (byName.get(user.organisation) as Organisation).id, username: user.username, displayName: `${user.role} (${user.organisation.replace(' (demo)', '')})`, role: user.role, password: user.password }, actor);
  }
  // The demo logs are the grid company's: its SCADA and engineering hosts.
  const grid = operators[0];
  const files = readdirSync(demoDataDirectory()).filter((name) => name.endsWith('.jsonl')).sort();
  const events = files.flatMap((file) => parseNdjsonText(readFileSync(path.join(demoDataDirectory(), file), 'utf8'), `demo/${file}`).events);
  const found = detection.detect(recent(events, now), 'ingest', now.toISOString());
  const alerts = (await db.transaction((tx) => insertAlerts(tx, grid.id, found))).inserted;
  const latest = await listAlerts(db, grid.id, { minLevel: 'high', limit: 3 });
  if (latest.alerts.length > 0) {
    const incident = await createIncident(db, grid.id, { title: 'Suspicious activity on SCADA hosts', alertIds: latest.alerts.map((alert) => alert.id), discoveredAt: now.toISOString() }, actor);
    await updateIncident(db, grid.id, incident.id, { status: 'triage' }, actor);
  }
  await seedDemoDataGovernance(db, grid.id, loadClassificationRules(), loadTransferRules(), actor, now);
  return { users, seeded: true, alerts };
}

/**
 * The demo logs moved in time so that the last event happened an hour ago: the dashboard's default
 * views (the last days) show them whatever the date the demo is started.
 */
function recent(events: readonly LogEvent[], now: Date): LogEvent[] {
  const times = events.map((event) => Date.parse(event.time ?? '')).filter((time) => !Number.isNaN(time));
  if (times.length === 0) return [...events];
  const shift = now.getTime() - 3_600_000 - Math.max(...times);
  return events.map((event) => {
    const time = Date.parse(event.time ?? '');
    if (Number.isNaN(time)) return event;
    const moved = new Date(time + shift).toISOString();
    const fields = typeof event.fields.TimeCreated_SystemTime === 'string' ? { ...event.fields, TimeCreated_SystemTime: moved } : event.fields;
    return { ...event, time: moved, fields };
  });
}
