// Alerts for the query benchmark, made by the database itself (INSERT … SELECT … FROM generate_series),
// so a million rows take seconds rather than the hours ingestion would. The variety is what an
// operator's alert table holds after a month: 200 rules, a few firing most of the time; each rule one
// level, most rows low or medium; 500 hosts, some much noisier than others; two or three tags a rule;
// event times spread over 30 days; a few detection fields and a raw event of about 1 KB.

const ROWS_PER_STATEMENT = 100_000;

export const RULES = 200;
export const HOSTS = 500;
export const DAYS = 30;

const ADJECTIVES = ['Suspicious', 'Potential', 'Uncommon', 'Renamed', 'Remote', 'Encoded', 'Hidden', 'Elevated', 'Unsigned', 'Abused'];
const TOOLS = [
  'PowerShell', 'Rundll32', 'Regsvr32', 'Mshta', 'Certutil', 'Bitsadmin', 'WMIC', 'Schtasks', 'PsExec', 'Mimikatz',
  'Procdump', 'Wscript', 'Cscript', 'Msiexec', 'Net', 'Reg', 'Vssadmin', 'Wevtutil', 'AnyDesk', 'Curl',
];
const ACTIONS = ['Execution', 'Download Cradle', 'Credential Access', 'Persistence', 'Lateral Movement', 'Defense Evasion', 'Discovery', 'Exfiltration'];
const TACTICS = ['execution', 'persistence', 'privilege-escalation', 'defense-evasion', 'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control', 'exfiltration', 'impact', 'initial-access'];
const HOST_PREFIXES = ['WKS-FIN', 'WKS-OPS', 'WKS-ENG', 'SRV-APP', 'LAP-HR'];
const USERS = 40;

const text = (list) => `ARRAY[${list.map((item) => `'${item.replaceAll("'", "''")}'`).join(', ')}]::text[]`;

/** A rule's level from its index: most rows low or medium, a few high, fewer critical. */
const LEVEL_OF_RULE = `CASE WHEN m = 0 THEN 'critical' WHEN m <= 3 THEN 'high' WHEN m <= 9 THEN 'medium' WHEN m <= 16 THEN 'low' ELSE 'informational' END`;

/** The tags each rule carries (what the tag= queries pick from). */
export function ruleTags(rule) {
  const tags = [`attack.${TACTICS[rule % TACTICS.length]}`, `attack.t${1003 + ((rule * 37) % 600)}`];
  if (rule % 5 === 0) tags.push('detection.threat-hunting');
  return tags;
}

export function ruleId(rule) {
  return `bench-rule-${String(rule).padStart(3, '0')}`;
}

export function hostName(host) {
  return `${HOST_PREFIXES[host % HOST_PREFIXES.length]}-${String(host).padStart(4, '0')}`;
}

export function userName(user) {
  return `CORP\\user${String(user).padStart(3, '0')}`;
}

export const TEXT_TERMS = {
  /** In the fields of many alerts: the search stops after a page of matches. */
  common: ['powershell', 'certutil', 'user007'],
  /** In very few alerts, or none: the search reads the whole table. */
  rare: ['deadbeef-not-there', 'evil-c2.example.net', '10.66.66.66'],
};

/**
 * Inserts `count` alerts for `organisationId`, their ids prefixed by `label`, event times in the
 * `DAYS` days before `anchor` (an ISO time). `onProgress(done)` after each statement.
 */
export async function fillAlerts(db, organisationId, count, { label, anchor, onProgress }) {
  // Rows per rule skewed (power of a uniform draw): rule 0 fires most. Hosts skewed more mildly.
  const sql = `
    INSERT INTO alerts (id, organisation_id, rule_id, rule_title, level, tags, event_time, computer, channel, event_id, source, fields, event, received_at, search_text)
    SELECT id, organisation_id, rule_id, rule_title, level, tags, event_time, computer, channel, event_id, source, fields, event, received_at,
           -- As insertAlerts writes it: title, host and the field values, lower-cased.
           lower(rule_title || ' ' || coalesce(computer, '') || ' ' || (SELECT string_agg(value, ' ') FROM jsonb_each_text(fields)))
    FROM (SELECT substr(md5($3 || g::text) || md5(g::text || $3), 1, 40),
           $1::uuid,
           'bench-rule-' || lpad(r::text, 3, '0'),
           (${text(ADJECTIVES)})[1 + r % 10] || ' ' || (${text(TOOLS)})[1 + r / 10] || ' ' || (${text(ACTIONS)})[1 + r % 8],
           ${LEVEL_OF_RULE},
           CASE WHEN r % 5 = 0
             THEN ARRAY['attack.' || (${text(TACTICS)})[1 + r % 12], 'attack.t' || (1003 + (r * 37) % 600)::text, 'detection.threat-hunting']
             ELSE ARRAY['attack.' || (${text(TACTICS)})[1 + r % 12], 'attack.t' || (1003 + (r * 37) % 600)::text] END,
           $4::timestamptz - t * interval '${DAYS} days',
           host,
           CASE WHEN r % 5 = 4 THEN 'Security' ELSE 'Microsoft-Windows-Sysmon/Operational' END,
           (ARRAY[1, 3, 7, 10, 11, 13, 22, 4624, 4688, 4698])[1 + r % 10],
           'ingest',
           jsonb_build_object('Image', image, 'CommandLine', command_line, 'User', account),
           jsonb_build_object(
             'Image', image, 'CommandLine', command_line, 'User', account, 'Computer', host,
             'ParentImage', 'C:\\Windows\\explorer.exe', 'ParentCommandLine', 'C:\\Windows\\Explorer.EXE',
             'ProcessId', (g % 65536)::text, 'ProcessGuid', md5('p' || g::text)::uuid::text,
             'ParentProcessGuid', md5('pp' || g::text)::uuid::text, 'LogonId', '0x' || to_hex(g % 999983),
             'IntegrityLevel', 'Medium', 'CurrentDirectory', 'C:\\Users\\user' || lpad(u::text, 3, '0') || '\\',
             'Hashes', 'MD5=' || md5('m' || g::text) || ',SHA256=' || md5('s' || g::text) || md5('t' || g::text) || ',IMPHASH=' || md5('i' || g::text),
             'Description', 'Windows host process', 'Product', 'Microsoft Windows Operating System', 'Company', 'Microsoft Corporation',
             'OriginalFileName', lower((${text(TOOLS)})[1 + r / 10]) || '.exe', 'FileVersion', '10.0.19041.' || (g % 4000)::text,
             'UtcTime', to_char($4::timestamptz - t * interval '${DAYS} days', 'YYYY-MM-DD HH24:MI:SS.MS'),
             'EventID', (ARRAY[1, 3, 7, 10, 11, 13, 22, 4624, 4688, 4698])[1 + r % 10]),
           $4::timestamptz - t * interval '${DAYS} days' + interval '2 seconds' AS received_at
      FROM (
        SELECT g, r, t, u, (r * 13 + 5) % 20 AS m, host,
               'C:\\Windows\\System32\\' || lower((${text(TOOLS)})[1 + r / 10]) || '.exe' AS image,
               lower((${text(TOOLS)})[1 + r / 10]) || '.exe ' || (${text(['-nop -w hidden -enc', '/c', '-urlcache -f', '/transfer job', 'process call create', '/s /q', 'save HKLM\\SAM', '-accepteula -ma lsass.exe'])})[1 + (g % 8)] || ' ' || md5(g::text) AS command_line,
               'CORP\\user' || lpad(u::text, 3, '0') AS account
          FROM (
            SELECT g,
                   floor(power(random(), 3) * ${RULES})::int AS r,
                   random() AS t,
                   floor(random() * ${USERS})::int AS u,
                   (${text(HOST_PREFIXES)})[1 + h % 5] || '-' || lpad(h::text, 4, '0') AS host
              FROM (SELECT g, floor(power(random(), 1.5) * ${HOSTS})::int AS h FROM generate_series($2::int, $5::int) AS g) AS s
          ) AS d
      ) AS x
    ) AS made (id, organisation_id, rule_id, rule_title, level, tags, event_time, computer, channel, event_id, source, fields, event, received_at)`;
  let done = 0;
  while (done < count) {
    const rows = Math.min(ROWS_PER_STATEMENT, count - done);
    await db.query(sql, [organisationId, done + 1, label, anchor, done + rows]);
    done += rows;
    onProgress?.(done);
  }
}
