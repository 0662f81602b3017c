// The hunt benchmark's input: Sysmon and Security events in the evtx_dump JSON shape, one per line,
// built from the real events in SigmaHQ's regression data and varied so the corpus is not a few
// hundred strings repeated. Deterministic for a given seed, so two runs read the same bytes.
//
// Every regression event is an attack (it is the true positive of some rule). A real log is mostly
// benign, so each generated event is, with probability `attackShare`, its template as recorded
// (only ids, times, hosts and user names changed), and otherwise the same event shape with the
// fields rules look at (Image, CommandLine, TargetFilename, TargetObject, ...) replaced by benign
// values of the kind a Windows estate produces all day.

import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import {
  DOMAIN,
  benignFile,
  benignImageLoad,
  benignPipe,
  benignProcess,
  benignProcessAccess,
  benignRegistry,
  benignScheduledTask,
  hostPool,
  USERS,
} from './benign-values.js';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const SECURITY = 'Security';
/** Share of generated events taken from Security templates (real estates log far more Security than the regression data holds). */
const SECURITY_SHARE = 0.2;
/**
 * Events that are rare in a real log (scheduled-task changes, Sysmon configuration changes) are
 * drawn a tenth as often as the others, so one such template does not become a sizeable slice of it.
 */
const RARE_EVENTS = { [SYSMON]: new Set([4, 16]), [SECURITY]: new Set([4698, 4699, 4700, 4701, 4702]) };
const RARE_WEIGHT = 0.1;
const WRITE_BATCH_CHARS = 1 << 20;

/** A small fast seeded PRNG (mulberry32): the same seed gives the same corpus. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Sysmon and Security events of every regression `.json` file under `regressionDir`. */
export function readTemplates(regressionDir) {
  const files = [];
  const walk = (directory) => {
    const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) files.push(full);
    }
  };
  walk(regressionDir);
  const sysmon = [];
  const security = [];
  let records = 0;
  for (const file of files) {
    for (const text of topLevelObjects(readFileSync(file, 'utf8'))) {
      records++;
      let value;
      try {
        value = JSON.parse(text);
      } catch {
        continue;
      }
      const event = value?.Event;
      const channel = event?.System?.Channel;
      if (event?.EventData === undefined || event.EventData === null) continue;
      if (channel === SYSMON) sysmon.push(value);
      else if (channel === SECURITY) security.push(value);
    }
  }
  return { files: files.length, records, sysmon, security };
}

/**
 * The top-level JSON values of a file holding pretty-printed objects one after another. A small
 * scanner that knows strings and escapes, so a brace inside a command line does not end a record.
 */
export function* topLevelObjects(text) {
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b) {
      if (depth++ === 0) start = i;
    } else if (char === 0x7d && --depth === 0) {
      yield text.slice(start, i + 1);
    }
  }
}

/**
 * Writes `count` events as NDJSON to `file`, cycling through the templates with varied values.
 * Memory stays one write batch whatever the count. Returns the number of attack-as-recorded events.
 */
export async function writeCorpus(file, count, templates, { seed = 1, attackShare = 0.05 } = {}) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const hosts = hostPool(random);
  const out = createWriteStream(file, { highWaterMark: WRITE_BATCH_CHARS });
  let batch = [];
  let batchChars = 0;
  let attacks = 0;
  // Times run forward from a fixed start, 0–40 ms apart, like a busy collector's merged stream.
  let timeMicros = Date.UTC(2026, 0, 5, 8, 0, 0) * 1000;
  let sysmonIndex = 0;
  let securityIndex = 0;
  const sysmonCycle = weightedCycle(templates.sysmon);
  const securityCycle = weightedCycle(templates.security);

  for (let record = 1; record <= count; record++) {
    timeMicros += Math.floor(random() * 40_000);
    const fromSecurity = securityCycle.length > 0 && random() < SECURITY_SHARE;
    const template = fromSecurity
      ? securityCycle[securityIndex++ % securityCycle.length]
      : sysmonCycle[sysmonIndex++ % sysmonCycle.length];
    const attack = random() < attackShare;
    if (attack) attacks++;
    const context = { random, pick, user: pick(USERS), host: pick(hosts), timeMicros };
    const line = JSON.stringify(varyEvent(template, record, attack, context));
    batch.push(line);
    batchChars += line.length + 1;
    if (batchChars >= WRITE_BATCH_CHARS) {
      if (!out.write(batch.join('\n') + '\n')) await once(out, 'drain');
      batch = [];
      batchChars = 0;
    }
  }
  if (batch.length > 0) out.write(batch.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  return { attacks };
}

/** The templates as a cycle in which rare events appear RARE_WEIGHT times as often as the rest. */
function weightedCycle(templates) {
  const copies = Math.round(1 / RARE_WEIGHT);
  const cycle = [];
  for (const template of templates) {
    const { Channel: channel, EventID: eventId } = template.Event.System;
    const rare = RARE_EVENTS[channel]?.has(eventId) ?? false;
    for (let i = 0; i < (rare ? 1 : copies); i++) cycle.push(template);
  }
  return cycle;
}

/** A new event object with the template's shape; the template itself is never changed. */
function varyEvent(template, record, attack, context) {
  const { random, host, timeMicros } = context;
  const source = template.Event;
  const system = source.System;
  const systemTime = isoMicros(timeMicros);
  const variedSystem = {
    ...system,
    TimeCreated: { '#attributes': { SystemTime: systemTime } },
    EventRecordID: record,
    Execution: { '#attributes': { ProcessID: 500 + Math.floor(random() * 9000), ThreadID: 100 + Math.floor(random() * 20000) } },
    Computer: host,
  };
  const data = system.Channel === SECURITY
    ? varySecurityData(source.EventData, system.EventID, attack, context)
    : varySysmonData(source.EventData, system.EventID, attack, context, systemTime);
  return { Event: { ...source, System: variedSystem, EventData: data } };
}

function varySysmonData(eventData, eventId, attack, context, systemTime) {
  const { random, user } = context;
  const data = { ...eventData };
  const utc = systemTime.slice(0, 10) + ' ' + systemTime.slice(11, 23);
  // Identity and time fields change on every event, attack or not.
  if ('UtcTime' in data) data.UtcTime = utc;
  if ('CreationUtcTime' in data) data.CreationUtcTime = utc;
  for (const key of ['ProcessGuid', 'ParentProcessGuid', 'LogonGuid', 'SourceProcessGUID', 'TargetProcessGUID']) {
    if (typeof data[key] === 'string') data[key] = randomHexLike(data[key], random);
  }
  for (const key of ['ProcessId', 'ParentProcessId', 'SourceProcessId', 'TargetProcessId', 'SourceThreadId']) {
    if (typeof data[key] === 'number') data[key] = 4 + 4 * Math.floor(random() * 16000);
  }
  if (typeof data.LogonId === 'string') data.LogonId = '0x' + Math.floor(random() * 0xffffff).toString(16);
  for (const key of ['User', 'ParentUser', 'SourceUser', 'TargetUser']) {
    if (typeof data[key] === 'string' && !/^NT AUTHORITY\\/i.test(data[key])) data[key] = `${DOMAIN}\\${user}`;
  }
  if (attack) {
    // As recorded, in another user's profile.
    for (const key of Object.keys(data)) {
      if (typeof data[key] === 'string') data[key] = withUser(data[key], user);
    }
    return data;
  }
  // Benign binaries have other hashes; an attack keeps its own, since some rules look for them.
  if (typeof data.Hashes === 'string') data.Hashes = randomHexLike(data.Hashes, random, /=([0-9A-Fa-f]+)/g);
  switch (eventId) {
    case 1:
      Object.assign(data, benignProcess(context));
      break;
    case 7:
      Object.assign(data, benignImageLoad(context));
      break;
    case 10:
      Object.assign(data, benignProcessAccess(context));
      break;
    case 11:
      Object.assign(data, benignFile(context));
      break;
    case 12:
    case 13:
      Object.assign(data, benignRegistry(context, data.EventType));
      break;
    case 17:
    case 18:
      Object.assign(data, benignPipe(context));
      break;
    default:
      // Configuration changes and the like: the recorded event is already what a benign one looks like.
      break;
  }
  return keepOnlyTemplateKeys(data, eventData);
}

function varySecurityData(eventData, eventId, attack, context) {
  const { random, user, pick } = context;
  const data = { ...eventData };
  if (typeof data.SubjectUserName === 'string' && data.SubjectUserName !== '-') data.SubjectUserName = user;
  if (typeof data.SubjectDomainName === 'string') data.SubjectDomainName = DOMAIN;
  if (typeof data.SubjectLogonId === 'string') data.SubjectLogonId = '0x' + Math.floor(random() * 0xffffff).toString(16);
  if (typeof data.SubjectUserSid === 'string' && data.SubjectUserSid.startsWith('S-1-5-21-')) {
    data.SubjectUserSid = data.SubjectUserSid.replace(/-\d+$/, `-${1001 + USERS.indexOf(user)}`);
  }
  for (const key of ['ClientProcessId', 'ParentProcessId']) {
    if (typeof data[key] === 'number') data[key] = 4 + 4 * Math.floor(random() * 16000);
  }
  if (typeof data.ProcessId === 'string') data.ProcessId = '0x' + (4 + 4 * Math.floor(random() * 16000)).toString(16);
  if (typeof data.FQDN === 'string') data.FQDN = context.host;
  if (attack) {
    for (const key of Object.keys(data)) {
      if (typeof data[key] === 'string') data[key] = withUser(data[key], user);
    }
    return data;
  }
  if (eventId === 4648) {
    // Explicit credentials: services and admins running things as another account.
    const target = pick(['svc_backup', 'svc_sql', 'svc_web', 'adm_' + user, user]);
    data.TargetUserName = target;
    data.TargetDomainName = DOMAIN;
    const server = pick(['localhost', context.host.split('.')[0], 'FS01.' + DOMAIN.toLowerCase() + '.example.org']);
    data.TargetServerName = server;
    data.TargetInfo = server === 'localhost' ? 'localhost' : `cifs/${server}`;
    data.ProcessName = pick([
      'C:\\Windows\\System32\\svchost.exe',
      'C:\\Windows\\System32\\lsass.exe',
      'C:\\Windows\\System32\\winlogon.exe',
      'C:\\Windows\\System32\\taskhostw.exe',
      'C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe',
    ]);
    if (random() < 0.5) {
      data.IpAddress = `10.${Math.floor(random() * 32)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
      data.IpPort = String(49152 + Math.floor(random() * 16000));
    }
  } else if (eventId === 4698 || eventId === 4699 || eventId === 4700 || eventId === 4701 || eventId === 4702) {
    data.TaskName = benignScheduledTask(context);
  }
  return data;
}

/** The benign generators know more fields than a given template has; keep the template's shape. */
function keepOnlyTemplateKeys(data, template) {
  for (const key of Object.keys(data)) {
    if (!(key in template)) delete data[key];
  }
  return data;
}

/** `C:\Users\someone\…` → the event's user, leaving shared profiles (Public, Default) alone. */
function withUser(value, user) {
  return value.replace(/(\\Users\\)(?!Public\\|Default\\|All Users\\)[^\\"]+\\/gi, `$1${user}\\`);
}

/** The same string with its hex digits (or those of each matched group) replaced at random. */
function randomHexLike(value, random, pattern = /([0-9A-Fa-f]+)/g) {
  return value.replace(pattern, (match, digits) =>
    match.replace(digits, () => {
      let out = '';
      for (let i = 0; i < digits.length; i++) out += '0123456789ABCDEF'[Math.floor(random() * 16)];
      return digits === digits.toLowerCase() ? out.toLowerCase() : out;
    }),
  );
}

function isoMicros(micros) {
  const millis = Math.floor(micros / 1000);
  const iso = new Date(millis).toISOString(); // 2026-01-05T08:00:00.123Z
  return `${iso.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
}
