import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normaliseWindowsEvent } from './windows-event.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = resolve(here, '../../test/fixtures/logs');
const regressionData =
  process.env.RAMPART_SIGMA_REGRESSION_DATA ?? resolve(here, '../../../shared/data/sigma/regression_data');
const haveRegressionData = existsSync(regressionData);
if (!haveRegressionData) console.log(`skipped: Sigma regression data not found at ${regressionData} (set RAMPART_SIGMA_REGRESSION_DATA)`);

/** The objects of an evtx_dump file: pretty-printed objects, each starting with `{` at column 0. */
function evtxDumpObjects(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split(/\n(?=\{)/)
    .filter((part) => part.trim().length > 0)
    .map((part) => JSON.parse(part) as unknown);
}

describe('normaliseWindowsEvent', () => {
  it('flattens a Security 4688 event, taking #text and #attributes of EventID apart', () => {
    const [event] = evtxDumpObjects(join(fixtures, 'security-4688.json'));
    const result = normaliseWindowsEvent(event);
    expect(result?.time).toBe('2024-03-05T10:11:12.1234567Z');
    expect(result?.fields).toMatchObject({
      EventID: 4688,
      EventID_Qualifiers: 0,
      Version: 2,
      Level: 0,
      Task: 13312,
      Opcode: 0,
      Keywords: '0x8020000000000000',
      EventRecordID: 91827,
      Channel: 'Security',
      Computer: 'ws01.corp.example',
      Provider_Name: 'Microsoft-Windows-Security-Auditing',
      Provider_Guid: '54849625-5478-4994-A5BA-3E3B0328C30D',
      TimeCreated_SystemTime: '2024-03-05T10:11:12.1234567Z',
      Execution_ProcessID: 4,
      Execution_ThreadID: 7260,
      NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
      CommandLine: 'cmd.exe /c "echo {not a brace} & whoami"',
      SubjectUserName: 'alice',
      ParentProcessName: 'C:\\Windows\\explorer.exe',
    });
    // Empty System elements are missing, not null: "missing is not false".
    expect(result?.fields).not.toHaveProperty('Correlation');
    expect(result?.fields).not.toHaveProperty('Security_UserID');
    expect(result?.fields).not.toHaveProperty('xmlns');
  });

  it('turns named Data elements into fields and keeps unnamed Data as a string or an array', () => {
    const [named, unnamedList, unnamedText] = evtxDumpObjects(join(fixtures, 'classic-data.json'));
    expect(normaliseWindowsEvent(named)?.fields).toMatchObject({
      EventID: 7045,
      EventID_Qualifiers: 16384,
      Provider_Name: 'Service Control Manager',
      Provider_EventSourceName: 'Service Control Manager',
      Security_UserID: 'S-1-5-21-1004336348-1177238915-682003330-1105',
      ServiceName: 'updater',
      ImagePath: 'C:\\ProgramData\\updater.exe -k',
      StartType: 'auto start',
      AccountName: null,
    });
    expect(normaliseWindowsEvent(named)?.fields).not.toHaveProperty('Data');

    const list = normaliseWindowsEvent(unnamedList)?.fields;
    expect(list?.Data).toEqual(['app.exe', '1.0.0.0', 'kernelbase.dll']);
    expect(list?.Binary).toBe('00AA');
    expect(normaliseWindowsEvent(unnamedText)?.fields.Data).toBe(
      'Product: Example -- Installation completed successfully.',
    );
  });

  it('flattens UserData through its wrapper element, and System keeps its own Channel', () => {
    const [event] = evtxDumpObjects(join(fixtures, 'system-104-userdata.json'));
    const fields = normaliseWindowsEvent(event)?.fields;
    expect(fields).toMatchObject({
      EventID: 104,
      Channel: 'System',
      Provider_Name: 'Microsoft-Windows-Eventlog',
      SubjectUserName: 'alice',
      SubjectDomainName: 'CORP',
      BackupPath: '',
    });
    expect(fields).not.toHaveProperty('LogFileCleared');
    expect(fields).not.toHaveProperty('LogFileCleared_xmlns');
  });

  it('accepts the sections without the Event wrapper and keeps keys a shipper added beside them', () => {
    const result = normaliseWindowsEvent({
      System: { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational' },
      EventData: { Image: 'C:\\a.exe', ProcessId: 42 },
      host: 'ws01',
    });
    expect(result?.fields).toEqual({
      EventID: 1,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Image: 'C:\\a.exe',
      ProcessId: 42,
      host: 'ws01',
    });
    expect(result?.time).toBeUndefined();
    expect(normaliseWindowsEvent({ EventData: { Image: 'x' } })?.fields).toEqual({ Image: 'x' });
  });

  it('names attributes of EventData itself EventData_<Attribute>', () => {
    const fields = normaliseWindowsEvent({
      Event: {
        System: { EventID: 142 },
        EventData: { '#attributes': { Name: 'TaskDisabled', xmlns: 'urn:x' }, TaskName: '\\Updater' },
      },
    })?.fields;
    expect(fields).toEqual({ EventID: 142, EventData_Name: 'TaskDisabled', TaskName: '\\Updater' });
  });

  it('lets System win over a data field of the same name, whether EventData is reused or rebuilt', () => {
    const plain = normaliseWindowsEvent({ Event: { System: { EventID: 4688, Channel: 'Security' }, EventData: { Channel: 'payload', A: 1 } } });
    expect(plain?.fields).toEqual({ EventID: 4688, Channel: 'Security', A: 1 });
    const wrapped = normaliseWindowsEvent({
      Event: {
        System: { EventID: 4688, Channel: 'Security' },
        EventData: { Data: [{ '#attributes': { Name: 'Channel' }, '#text': 'payload' }, { '#attributes': { Name: 'A' }, '#text': '1' }] },
      },
    });
    expect(wrapped?.fields).toEqual({ EventID: 4688, Channel: 'Security', A: '1' });
  });

  it('takes the event over: plain EventData becomes the fields object instead of being copied', () => {
    const eventData = { Image: 'C:\\a.exe' };
    const fields = normaliseWindowsEvent({ Event: { System: { EventID: 1 }, EventData: eventData } })?.fields;
    expect(fields).toBe(eventData);
    expect(fields).toEqual({ Image: 'C:\\a.exe', EventID: 1 });
  });

  it('keeps types as they came and nested EventData objects nested', () => {
    const fields = normaliseWindowsEvent({
      Event: { System: { EventID: '4624' }, EventData: { LogonType: 3, Elevated: true, Extra: { a: 1 }, Empty: null } },
    })?.fields;
    expect(fields).toEqual({ EventID: '4624', LogonType: 3, Elevated: true, Extra: { a: 1 }, Empty: null });
  });

  it('returns undefined for objects that are not Windows events', () => {
    expect(normaliseWindowsEvent({ '@timestamp': '2024-01-01T00:00:00Z', message: 'x' })).toBeUndefined();
    expect(normaliseWindowsEvent({ Event: { type: 'login' } })).toBeUndefined();
    expect(normaliseWindowsEvent({ System: 'linux' })).toBeUndefined();
    expect(normaliseWindowsEvent([{ System: {} }])).toBeUndefined();
    expect(normaliseWindowsEvent(null)).toBeUndefined();
    expect(normaliseWindowsEvent('Event')).toBeUndefined();
  });

  it('cannot be made to touch the prototype of the fields object', () => {
    const hostile = JSON.parse('{"Event":{"System":{"EventID":1},"EventData":{"__proto__":{"polluted":true}}}}') as unknown;
    const fields = normaliseWindowsEvent(hostile)?.fields ?? {};
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(fields, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.skipIf(!haveRegressionData)('normaliseWindowsEvent over SigmaHQ regression samples', () => {
  function findJson(dir: string, wanted: (file: string) => boolean, limit: number, found: string[] = []): string[] {
    for (const name of readdirSync(dir).sort()) {
      if (found.length >= limit) break;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) findJson(path, wanted, limit, found);
      else if (name.endsWith('.json') && wanted(path)) found.push(path);
    }
    return found;
  }

  it('gives every sample its System fields, its time and its EventData or UserData by name', () => {
    const files = findJson(regressionData, () => true, 25);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const raw of evtxDumpObjects(file)) {
        // A copy: normalising takes the object over and may reuse its EventData as the fields.
        const event = structuredClone(raw as { Event: { System: Record<string, unknown>; EventData?: Record<string, unknown> } }).Event;
        const result = normaliseWindowsEvent(raw);
        expect(result, file).toBeDefined();
        const fields = result?.fields ?? {};
        expect(fields.EventID, file).toBe(event.System.EventID);
        expect(fields.Channel, file).toBe(event.System.Channel);
        expect(fields.Computer, file).toBe(event.System.Computer);
        expect(typeof fields.Provider_Name, file).toBe('string');
        expect(result?.time, file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
        for (const [key, value] of Object.entries(event.EventData ?? {})) {
          if (key === '#attributes') {
            for (const [name, attribute] of Object.entries(value as Record<string, unknown>)) {
              expect(fields[`EventData_${name}`], `${file} ${name}`).toEqual(attribute);
            }
          } else if (!(key in event.System)) {
            expect(fields[key], `${file} ${key}`).toEqual(value);
          }
        }
      }
    }
  });

  it('flattens the UserData of a WMI-Activity sample', () => {
    const [file] = findJson(regressionData, (path) => readFileSync(path, 'utf8').includes('"UserData": {'), 1);
    if (file === undefined) {
      console.log('skipped: no regression sample with UserData found');
      return;
    }
    let checked = 0;
    for (const raw of evtxDumpObjects(file)) {
      const userData = (raw as { Event: { UserData?: Record<string, Record<string, unknown>> } }).Event.UserData;
      if (userData === undefined) continue;
      const fields = normaliseWindowsEvent(raw)?.fields ?? {};
      const [wrapper] = Object.values(userData);
      for (const [key, value] of Object.entries(wrapper)) {
        if (key !== '#attributes' && key !== 'Channel') expect(fields[key], key).toEqual(value);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reads Security events with numbers and strings as they came', () => {
    const [file] = findJson(regressionData, (path) => readFileSync(path, 'utf8').includes('"Channel": "Security"'), 1);
    if (file === undefined) {
      console.log('skipped: no Security regression sample found');
      return;
    }
    const [raw] = evtxDumpObjects(file);
    const fields = normaliseWindowsEvent(raw)?.fields ?? {};
    expect(fields.Channel).toBe('Security');
    expect(fields.Provider_Name).toBe('Microsoft-Windows-Security-Auditing');
    expect(typeof fields.EventID).toBe('number');
  });
});

describe('field names with spaces', () => {
  it('are also reachable without the spaces, as Sigma names them (Defender: Threat Name → ThreatName)', () => {
    const normalised = normaliseWindowsEvent({
      Event: {
        System: { EventID: 1116, Channel: 'Microsoft-Windows-Windows Defender/Operational' },
        EventData: { 'Threat Name': 'Virus:DOS/EICAR_Test_File', 'Source Name': 'Real-Time Protection', Path: 'C:\\x' },
      },
    });
    expect(normalised?.fields.ThreatName).toBe('Virus:DOS/EICAR_Test_File');
    expect(normalised?.fields['Threat Name']).toBe('Virus:DOS/EICAR_Test_File');
    expect(normalised?.fields.SourceName).toBe('Real-Time Protection');
  });
});
