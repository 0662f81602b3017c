// Benign values for the hunt benchmark's corpus: the processes, files, registry keys, pipes and
// tasks an ordinary Windows estate logs all day. Each generator takes the event's context
// ({ random, pick, user, host }) and returns the fields it knows; the corpus keeps only those the
// template event has, so every event keeps a real event's shape.

export const DOMAIN = 'CORP';

export const USERS = [
  'a.novak', 'b.schmidt', 'c.dubois', 'd.rossi', 'e.kowalski', 'f.garcia', 'g.jensen', 'h.virtanen',
  'i.horvat', 'j.silva', 'k.murphy', 'l.nagy', 'm.popescu', 'n.petrov', 'o.berg', 'p.costa',
  'q.weber', 'r.lindqvist', 's.moreau', 't.fischer', 'u.kovac', 'v.ivanova', 'w.smith', 'x.janssen',
  'y.tanaka', 'z.chen', 'administrator', 'helpdesk01', 'svc_deploy', 'it.ops',
];

const DEPARTMENTS = ['FIN', 'OPS', 'HR', 'ENG', 'SOC', 'TRD', 'PAY', 'IT'];

/** About fifty host names: workstations and a few servers, as Computer shows them (FQDN). */
export function hostPool(random) {
  const hosts = [];
  for (let i = 0; i < 42; i++) {
    const department = DEPARTMENTS[i % DEPARTMENTS.length];
    hosts.push(`WKS-${department}-${String(1000 + Math.floor(random() * 9000))}.corp.example.org`);
  }
  for (const server of ['DC01', 'DC02', 'FS01', 'SQL01', 'APP01', 'APP02', 'WEB01', 'JUMP01']) {
    hosts.push(`${server}.corp.example.org`);
  }
  return hosts;
}

const hex = (random, length) => {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[Math.floor(random() * 16)];
  return out;
};
const int = (random, low, high) => low + Math.floor(random() * (high - low));
const guid = (random) => `{${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}}`.toUpperCase();

const SYSTEM32 = 'C:\\Windows\\System32\\';
const MS = ['Microsoft Corporation', 'Microsoft® Windows® Operating System'];

/** Process profiles: image, PE metadata, whether it runs as SYSTEM, and a command-line maker. */
const PROCESSES = [
  { parent: 'services', image: `${SYSTEM32}svchost.exe`, name: 'svchost.exe', description: 'Host Process for Windows Services', ms: true, system: true,
    args: (c) => c.pick(['-k netsvcs -p -s Schedule', '-k LocalServiceNetworkRestricted -p', '-k DcomLaunch -p', '-k UnistackSvcGroup', '-k wsappx -p -s AppXSvc', '-k NetworkService -p -s Dnscache', '-k LocalSystemNetworkRestricted -p -s SysMain']) },
  { parent: 'cmd', image: `${SYSTEM32}conhost.exe`, name: 'CONHOST.EXE', description: 'Console Window Host', ms: true,
    args: () => '0xffffffff -ForceV1', quotedAs: '\\??\\C:\\Windows\\system32\\conhost.exe' },
  { parent: 'dcom', image: `${SYSTEM32}RuntimeBroker.exe`, name: 'RuntimeBroker.exe', description: 'Runtime Broker', ms: true, args: () => '-Embedding' },
  { parent: 'dcom', image: `${SYSTEM32}backgroundTaskHost.exe`, name: 'backgroundTaskHost.exe', description: 'Background Task Host', ms: true,
    args: (c) => `-ServerName:${c.pick(['BackgroundTaskHost.WebAccountProvider', 'App.AppXnme9zjyebb2xnyygh6q9ev6p5d234br2.mca', 'CortanaUI.AppXy7vb4pc2dr3kc93kfc509b1d0arkfb2x.mca'])}` },
  { parent: 'schedule', image: `${SYSTEM32}taskhostw.exe`, name: 'taskhostw.exe', description: 'Host Process for Windows Tasks', ms: true, args: (c) => c.pick(['', 'KEYROAMING', 'Install $(Arg0)', '/RuntimeWide']) },
  { parent: 'searchindexer', image: `${SYSTEM32}SearchProtocolHost.exe`, name: 'SearchProtocolHost.exe', description: 'Microsoft Windows Search Protocol Host', ms: true, system: true,
    args: (c) => `Global\\UsGthrFltPipeMssGthrPipe${c.int(1, 400)} Global\\UsGthrCtrlFltPipeMssGthrPipe${c.int(1, 400)} 1 -2147483646 "Software\\Microsoft\\Windows Search" "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)" "C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc" "DownLevelDaemon"` },
  { parent: 'dcom', image: `${SYSTEM32}dllhost.exe`, name: 'dllhost.exe', description: 'COM Surrogate', ms: true, args: (c) => `/Processid:${guid(c.random)}` },
  { parent: 'dcom', image: `${SYSTEM32}wbem\\WmiPrvSE.exe`, name: 'Wmiprvse.exe', description: 'WMI Provider Host', ms: true, system: true, args: () => '-secured -Embedding' },
  { parent: 'dcom', image: `${SYSTEM32}smartscreen.exe`, name: 'smartscreen.exe', description: 'Windows Defender SmartScreen', ms: true, args: () => '-Embedding' },
  { parent: 'schedule', image: `${SYSTEM32}CompatTelRunner.exe`, name: 'CompatTelRunner.exe', description: 'Microsoft Compatibility Telemetry', ms: true, system: true,
    args: (c) => c.pick(['-m:appraiser.dll -f:DoScheduledTelemetryRun', '-m:aeinv.dll -f:UpdateSoftwareInventoryW invsvc', '-maintenance']) },
  { parent: 'dcom', image: `${SYSTEM32}wuauclt.exe`, name: 'wuauclt.exe', description: 'Windows Update', ms: true, system: true,
    args: (c) => `/UpdateDeploymentProvider UpdateDeploymentProvider.dll /ClassId ${guid(c.random).slice(1, -1)} /RunHandlerComServer` },
  { parent: 'explorer', image: `${SYSTEM32}notepad.exe`, name: 'NOTEPAD.EXE', description: 'Notepad', ms: true,
    args: (c) => `"C:\\Users\\${c.user}\\Documents\\${c.pick(['notes', 'todo', 'minutes', 'config-backup'])}-${c.int(1, 300)}.txt"` },
  { parent: 'services', image: `${SYSTEM32}msiexec.exe`, name: 'msiexec.exe', description: 'Windows® installer', ms: true, system: true, args: (c) => c.pick(['/V', `-Embedding ${hex(c.random, 32).toUpperCase()} C`]) },
  { parent: 'userinit', image: 'C:\\Windows\\explorer.exe', name: 'EXPLORER.EXE', description: 'Windows Explorer', ms: true, args: (c) => c.pick(['', `/select,"C:\\Users\\${c.user}\\Downloads\\invoice-${c.int(1000, 9999)}.pdf"`]) },
  { parent: 'chrome', image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', name: 'chrome.exe', description: 'Google Chrome', company: 'Google LLC', product: 'Google Chrome',
    args: (c) => `--type=${c.pick(['renderer', 'gpu-process', 'utility --utility-sub-type=network.mojom.NetworkService', 'crashpad-handler'])} --field-trial-handle=${c.int(1000, 9999)},i,${c.int(1e9, 9e9)},${c.int(1e9, 9e9)},262144 --lang=en-US --service-sandbox-type=none --mojo-platform-channel-handle=${c.int(1000, 9999)} /prefetch:${c.int(1, 9)}` },
  { parent: 'edge', image: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', name: 'msedge.exe', description: 'Microsoft Edge', company: 'Microsoft Corporation', product: 'Microsoft Edge',
    args: (c) => `--type=renderer --instant-process --first-renderer-process --lang=en-US --js-flags=--ms-user-locale= --device-scale-factor=1 --num-raster-threads=4 --renderer-client-id=${c.int(4, 400)} --time-ticks-at-unix-epoch=-${c.int(1e15, 9e15)} --mojo-platform-channel-handle=${c.int(1000, 9999)} /prefetch:1` },
  { parent: 'firefox', image: 'C:\\Program Files\\Mozilla Firefox\\firefox.exe', name: 'firefox.exe', description: 'Firefox', company: 'Mozilla Corporation', product: 'Firefox',
    args: (c) => `-contentproc --channel="${c.int(1000, 9999)}.${c.int(1, 99)}.${c.int(1e8, 9e8)}\\${c.int(1e8, 9e8)}" -childID ${c.int(1, 80)} -isForBrowser -prefsLen ${c.int(20000, 40000)} -prefMapSize 244343 -jsInitLen 234236 -parentBuildID 20250101000000 -appDir "C:\\Program Files\\Mozilla Firefox\\browser" - ${c.int(1000, 9999)} tab` },
  { parent: 'explorer', image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', name: 'WinWord.exe', description: 'Microsoft Word', company: 'Microsoft Corporation', product: 'Microsoft Office',
    args: (c) => `/n "C:\\Users\\${c.user}\\Documents\\${c.pick(['Quarterly report', 'Board minutes', 'Change request', 'Incident review'])} ${c.int(1, 52)}.docx" /o ""` },
  { parent: 'outlook', image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE', name: 'Excel.exe', description: 'Microsoft Excel', company: 'Microsoft Corporation', product: 'Microsoft Office',
    args: (c) => `"C:\\Users\\${c.user}\\OneDrive - Corp\\Finance\\ledger-2026-${String(c.int(1, 13)).padStart(2, '0')}.xlsx"` },
  { parent: 'explorer', image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', name: 'Outlook.exe', description: 'Microsoft Outlook', company: 'Microsoft Corporation', product: 'Microsoft Office', args: (c) => c.pick(['', '/recycle']) },
  { parent: 'code', image: 'C:\\Users\\{user}\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe', name: 'electron.exe', description: 'Visual Studio Code', company: 'Microsoft Corporation', product: 'Visual Studio Code',
    args: (c) => `--type=utility --utility-sub-type=node.mojom.NodeService --lang=en-US --service-sandbox-type=none --field-trial-handle=${c.int(1000, 9999)},i,${c.int(1e9, 9e9)} /prefetch:8` },
  { parent: 'code', image: 'C:\\Program Files\\Git\\cmd\\git.exe', name: 'git.exe', description: 'Git for Windows', company: 'The Git Development Community', product: 'Git',
    args: (c) => c.pick(['fetch --all --prune', 'status --porcelain=v2 --branch', 'pull --ff-only', `log -n ${c.int(1, 50)} --oneline`, 'rev-parse --show-toplevel']) },
  { parent: 'explorer', image: 'C:\\Program Files\\7-Zip\\7zG.exe', name: '7zg.exe', description: '7-Zip GUI', company: 'Igor Pavlov', product: '7-Zip',
    args: (c) => `x -o"C:\\Users\\${c.user}\\Downloads\\drivers-${c.int(100, 999)}\\" -spe -an -ai#7zMap${c.int(1000, 99999)}:${c.int(10, 99)}:7zEvent${c.int(1000, 99999)}` },
  { parent: 'explorer', image: `${SYSTEM32}WindowsPowerShell\\v1.0\\powershell.exe`, name: 'PowerShell.EXE', description: 'Windows PowerShell', ms: true,
    args: (c) => c.pick(['-NoProfile -ExecutionPolicy RemoteSigned -File C:\\Scripts\\Inventory\\Get-DiskReport.ps1', '-NoLogo -NoProfile -Command Get-Service -Name Spooler', '']) },
  { parent: 'explorer', image: `${SYSTEM32}cmd.exe`, name: 'Cmd.Exe', description: 'Windows Command Processor', ms: true,
    args: (c) => c.pick(['/c ""C:\\Program Files\\Backup Agent\\bin\\pre-backup.bat""', '/d /s /c "npm run build"', `/c ping -n 1 FS01.corp.example.org`]) },
  { parent: 'services', image: `${SYSTEM32}sppsvc.exe`, name: 'sppsvc.exe', description: 'Microsoft Software Protection Platform Service', ms: true, system: true, args: () => '' },
  { parent: 'schedule', image: `${SYSTEM32}MusNotification.exe`, name: 'MusNotification.exe', description: 'MusNotification.exe', ms: true, system: true, args: () => '' },
  { parent: 'schedule', image: `${SYSTEM32}ctfmon.exe`, name: 'ctfmon.exe', description: 'CTF Loader', ms: true, args: () => '' },
  { parent: 'schedule', image: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25010.11-0\\MpCmdRun.exe', name: 'MpCmdRun.exe', description: 'Microsoft Malware Protection Command Line Utility', company: 'Microsoft Corporation', product: 'Microsoft® Windows® Operating System', system: true,
    args: (c) => c.pick(['-IdleTask -TaskName WdCacheMaintenance', '-SignatureUpdate -ScheduleJob -RestrictPrivileges', '-IdleTask -TaskName WdVerification']) },
];

/** Each profile's usual parent, so parent–child pairs look like a real process tree. */
const PARENTS = {
  services: { image: `${SYSTEM32}services.exe`, command: 'C:\\Windows\\system32\\services.exe' },
  dcom: { image: `${SYSTEM32}svchost.exe`, command: 'C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p' },
  schedule: { image: `${SYSTEM32}svchost.exe`, command: 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule' },
  searchindexer: { image: `${SYSTEM32}SearchIndexer.exe`, command: 'C:\\Windows\\system32\\SearchIndexer.exe /Embedding' },
  explorer: { image: 'C:\\Windows\\explorer.exe', command: 'C:\\Windows\\Explorer.EXE' },
  userinit: { image: `${SYSTEM32}userinit.exe`, command: 'C:\\Windows\\system32\\userinit.exe' },
  cmd: { image: `${SYSTEM32}cmd.exe`, command: 'C:\\Windows\\system32\\cmd.exe /d /s /c "npm run build"' },
  chrome: { image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', command: '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"' },
  edge: { image: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', command: '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" --single-argument' },
  firefox: { image: 'C:\\Program Files\\Mozilla Firefox\\firefox.exe', command: '"C:\\Program Files\\Mozilla Firefox\\firefox.exe"' },
  outlook: { image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', command: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE"' },
  code: { image: 'C:\\Users\\{user}\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe', command: '"C:\\Users\\{user}\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe"' },
};


function withProfile(text, user) {
  return text.replaceAll('{user}', user);
}

/** A benign process creation (Sysmon 1): image, metadata and command line. */
export function benignProcess(context) {
  const c = { ...context, int: (low, high) => int(context.random, low, high) };
  const profile = c.pick(PROCESSES);
  const image = withProfile(profile.image, c.user);
  const args = profile.args(c);
  const head = profile.quotedAs ?? `"${image}"`;
  const parent = PARENTS[profile.parent];
  return {
    Image: image,
    OriginalFileName: profile.name,
    Description: profile.description,
    Product: profile.product ?? MS[1],
    Company: profile.company ?? MS[0],
    FileVersion: `10.0.${c.pick(['19041', '22621', '26100'])}.${int(c.random, 1, 5000)} (WinBuild.160101.0800)`,
    CommandLine: args === '' ? head : `${head} ${args}`,
    CurrentDirectory: profile.system ? 'C:\\Windows\\system32\\' : `C:\\Users\\${c.user}\\`,
    IntegrityLevel: profile.system ? 'System' : c.pick(['Medium', 'Medium', 'Medium', 'High']),
    User: profile.system ? 'NT AUTHORITY\\SYSTEM' : `${DOMAIN}\\${c.user}`,
    LogonId: profile.system ? '0x3e7' : '0x' + hex(c.random, 6),
    TerminalSessionId: profile.system ? 0 : 1,
    ParentImage: withProfile(parent.image, c.user),
    ParentCommandLine: withProfile(parent.command, c.user),
  };
}

const DLLS = ['ntdll.dll', 'kernel32.dll', 'KernelBase.dll', 'user32.dll', 'combase.dll', 'rpcrt4.dll', 'sechost.dll', 'advapi32.dll', 'ole32.dll', 'shell32.dll', 'winhttp.dll', 'crypt32.dll', 'bcrypt.dll', 'ws2_32.dll', 'uxtheme.dll', 'propsys.dll', 'windows.storage.dll', 'wintypes.dll', 'msvcp_win.dll', 'ucrtbase.dll'];

/** A benign image load (Sysmon 7): a signed system DLL into an ordinary process. */
export function benignImageLoad(context) {
  const process = benignProcess(context);
  const dll = context.pick(DLLS);
  return {
    Image: process.Image,
    ImageLoaded: `${SYSTEM32}${dll}`,
    OriginalFileName: dll,
    Description: dll.replace(/\.dll$/i, ''),
    Product: MS[1],
    Company: MS[0],
    Signed: 'true',
    Signature: 'Microsoft Windows',
    SignatureStatus: 'Valid',
  };
}

/** A benign process access (Sysmon 10): security and system tools querying other processes. */
export function benignProcessAccess(context) {
  const { pick, random } = context;
  return {
    SourceImage: pick([`${SYSTEM32}svchost.exe`, 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25010.11-0\\MsMpEng.exe', `${SYSTEM32}taskmgr.exe`, `${SYSTEM32}wbem\\WmiPrvSE.exe`]),
    TargetImage: pick([`${SYSTEM32}RuntimeBroker.exe`, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', `${SYSTEM32}sihost.exe`, 'C:\\Windows\\explorer.exe']),
    GrantedAccess: pick(['0x1000', '0x1400', '0x101000', '0x3000']),
    CallTrace: `C:\\Windows\\SYSTEM32\\ntdll.dll+${hex(random, 5)}|C:\\Windows\\System32\\KERNELBASE.dll+${hex(random, 5)}|C:\\Windows\\system32\\svchost.exe+${hex(random, 4)}`,
  };
}

/** A benign file creation (Sysmon 11): temp files, caches, prefetch, documents. */
export function benignFile(context) {
  const { pick, random, user } = context;
  const choice = Math.floor(random() * 8);
  const process = benignProcess(context);
  let target;
  switch (choice) {
    case 0: target = `C:\\Users\\${user}\\AppData\\Local\\Temp\\${hex(random, 8)}.tmp`; break;
    case 1: target = `C:\\Users\\${user}\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Cache\\Cache_Data\\f_${hex(random, 6)}`; break;
    case 2: target = `C:\\Windows\\Prefetch\\${pick(['CHROME.EXE', 'SVCHOST.EXE', 'CONHOST.EXE', 'OUTLOOK.EXE', 'GIT.EXE'])}-${hex(random, 8).toUpperCase()}.pf`; break;
    case 3: target = `C:\\Users\\${user}\\Documents\\${pick(['Report', 'Minutes', 'Budget', 'Plan'])}-${int(random, 1, 999)}.${pick(['docx', 'xlsx', 'pdf', 'pptx'])}`; break;
    case 4: target = `C:\\Windows\\SoftwareDistribution\\Download\\${hex(random, 32)}\\${pick(['update.mum', 'express.psf', 'Windows10.0-KB50' + int(random, 10000, 99999) + '-x64.cab'])}`; break;
    case 5: target = `C:\\Users\\${user}\\AppData\\Local\\Microsoft\\Outlook\\RoamCache\\Stream_Autocomplete_0_${hex(random, 32).toUpperCase()}.dat`; break;
    case 6: target = `C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\History\\Service\\${hex(random, 8)}.log`; break;
    default: target = `C:\\Users\\${user}\\AppData\\Roaming\\Code\\User\\workspaceStorage\\${hex(random, 32)}\\state.vscdb-journal`; break;
  }
  return { Image: process.Image, TargetFilename: target };
}

const USER_SID = 'S-1-5-21-3623811015-3361044348-30300820-';

/** A benign registry event (Sysmon 12/13): Explorer MRUs, BAM, Office settings, notifications. */
export function benignRegistry(context, eventType) {
  const { pick, random } = context;
  const sid = USER_SID + (1001 + Math.floor(random() * 400));
  const process = benignProcess(context);
  const choice = Math.floor(random() * 6);
  let key;
  let details;
  switch (choice) {
    case 0: key = `HKU\\${sid}\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs\\.${pick(['docx', 'xlsx', 'pdf', 'txt'])}\\${int(random, 0, 40)}`; details = 'Binary Data'; break;
    case 1: key = `HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings\\${sid}\\\\Device\\HarddiskVolume3\\Windows\\System32\\${pick(['notepad.exe', 'mspaint.exe', 'calc.exe', 'SnippingTool.exe'])}`; details = 'Binary Data'; break;
    case 2: key = `HKU\\${sid}\\Software\\Microsoft\\Office\\16.0\\Common\\Roaming\\Identities\\${hex(random, 32)}_ADAL\\Settings\\${pick(['LastUpdate', 'Theme', 'FirstRun'])}`; details = `DWORD (0x${hex(random, 8)})`; break;
    case 3: key = `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Notifications\\Data\\${hex(random, 16).toUpperCase()}`; details = 'Binary Data'; break;
    case 4: key = `HKU\\${sid}\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}\\Count\\${hex(random, 12)}`; details = 'Binary Data'; break;
    default: key = `HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\${pick(['SignaturesLastUpdated', 'AVSignatureApplied', 'ASSignatureApplied'])}`; details = `QWORD (0x01dc${hex(random, 4)}-0x${hex(random, 8)})`; break;
  }
  const event = { Image: process.Image, TargetObject: key, Details: details };
  if (eventType === 'DeleteValue' || eventType === 'DeleteKey') delete event.Details;
  return event;
}

/** A benign named pipe (Sysmon 17/18): browsers, PowerShell hosts, SQL. */
export function benignPipe(context) {
  const { pick, random } = context;
  const process = benignProcess(context);
  return {
    Image: process.Image,
    PipeName: pick([
      `\\mojo.${int(random, 1000, 20000)}.${int(random, 1000, 20000)}.${int(random, 1e9, 9e9)}${int(random, 1e9, 9e9)}`,
      `\\PSHost.${int(random, 1e9, 9e9)}${int(random, 1e8, 9e8)}.${int(random, 1000, 20000)}.DefaultAppDomain.powershell`,
      `\\chrome.sync.${int(random, 1000, 20000)}.${int(random, 1000, 20000)}.${int(random, 1e8, 9e8)}`,
      '\\SQLLocal\\MSSQLSERVER',
      `\\Winsock2\\CatalogChangeListener-${hex(random, 3)}-0`,
    ]),
  };
}

/** A benign scheduled task name (Security 4698–4702). */
export function benignScheduledTask(context) {
  return context.pick([
    '\\Microsoft\\Windows\\Maps\\MapsUpdateTask',
    '\\Microsoft\\Windows\\DiskCleanup\\SilentCleanup',
    '\\Adobe Acrobat Update Task',
    '\\Microsoft\\Office\\Office Automatic Updates 2.0',
    '\\GoogleUpdateTaskMachineUA{' + guid(context.random).slice(1, -1) + '}',
    '\\MicrosoftEdgeUpdateTaskMachineCore',
    '\\Microsoft\\Windows\\Application Experience\\ProgramDataUpdater',
  ]);
}
