import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultMappingFiles, loadLogsourceMappings, type EventSelector } from './logsource-mapping.js';

const builtIn = loadLogsourceMappings(defaultMappingFiles());
const resolve = builtIn.mappings.resolve.bind(builtIn.mappings);
const sysmon = 'Microsoft-Windows-Sysmon/Operational';

function only(selectors: readonly EventSelector[] | undefined): EventSelector {
  expect(selectors).toHaveLength(1);
  return selectors![0];
}

describe('built-in mappings', () => {
  it('finds data/mappings from the module location and loads without errors', () => {
    const names = defaultMappingFiles().map((file) => file.split(/[\\/]/).pop());
    expect(names).toEqual(['other.yaml', 'windows.yaml']);
    expect(builtIn.errors).toEqual([]);
  });

  it('routes process_creation to Sysmon 1 and to Security 4688 with renamed fields', () => {
    const selectors = resolve({ product: 'windows', category: 'process_creation' })!;
    expect(selectors).toHaveLength(2);
    const [sysmonSelector, security] = selectors;
    expect(sysmonSelector).toMatchObject({ channels: [sysmon], eventIds: [1], fieldMap: {} });
    expect(security.channels).toEqual(['Security']);
    expect(security.eventIds).toEqual([4688]);
    expect(security.fieldMap).toEqual({ Image: 'NewProcessName', ParentImage: 'ParentProcessName' });
    // Not 1:1 renames, so deliberately absent: the rule sees them as missing on 4688.
    expect(security.fieldMap).not.toHaveProperty('User');
    expect(security.fieldMap).not.toHaveProperty('ProcessId');
    expect(security.name).toContain('4688');
  });

  it('narrows registry_add to Sysmon 12 with EventType CreateKey', () => {
    const selector = only(resolve({ product: 'windows', category: 'registry_add' }));
    expect(selector).toMatchObject({ channels: [sysmon], eventIds: [12], conditions: { EventType: ['CreateKey'] } });
  });

  it('maps antivirus to Defender with the Signature and Filename renames', () => {
    const selector = only(resolve({ product: 'windows', category: 'antivirus' }));
    expect(selector.channels).toEqual(['Microsoft-Windows-Windows Defender/Operational']);
    expect(selector.eventIds).toContain(1116);
    expect(selector.fieldMap).toEqual({ Signature: 'ThreatName', Filename: 'Path' });
    // Product-less antivirus also covers other vendors' logs.
    const generic = resolve({ category: 'antivirus' })!;
    expect(generic.map((s) => s.channels)).toEqual([['Microsoft-Windows-Windows Defender/Operational'], undefined]);
  });

  it('maps the PowerShell categories to both Operational channels and the classic log', () => {
    expect(only(resolve({ product: 'windows', category: 'ps_script' }))).toMatchObject({
      channels: ['Microsoft-Windows-PowerShell/Operational', 'PowerShellCore/Operational'],
      eventIds: [4104],
    });
    expect(only(resolve({ product: 'windows', category: 'ps_classic_start' }))).toMatchObject({ channels: ['Windows PowerShell'], eventIds: [400] });
  });

  it('maps service security to the Security channel with any EventID', () => {
    const selector = only(resolve({ product: 'windows', service: 'security' }));
    expect(selector.channels).toEqual(['Security']);
    expect(selector.eventIds).toBeUndefined();
    expect(only(resolve({ product: 'windows', service: 'sysmon' })).channels).toEqual([sysmon]);
  });

  it('maps the product windows alone to any Windows channel', () => {
    expect(only(resolve({ product: 'windows' })).channels).toEqual(['*']);
  });

  it('maps linux rules to events without a Channel', () => {
    const auditd = only(resolve({ product: 'linux', service: 'auditd' }));
    expect(auditd.channels).toBeUndefined();
    expect(auditd.conditions).toBeUndefined();
    // A product nobody mapped is still tried on non-Windows events.
    const unknown = only(resolve({ product: 'someappliance', service: 'whatever' }));
    expect(unknown.channels).toBeUndefined();
    expect(unknown.name).toContain('someappliance');
  });

  it('rejects an unknown Windows category or service', () => {
    expect(resolve({ product: 'windows', category: 'no_such_category' })).toBeUndefined();
    expect(resolve({ product: 'windows', service: 'no-such-service' })).toBeUndefined();
    expect(resolve({ product: 'windows', category: 'process_creation', service: 'no-such-service' })).toBeUndefined();
  });

  it('restricts a category to a service when a rule gives both', () => {
    const selector = only(resolve({ product: 'windows', category: 'process_creation', service: 'security' }));
    expect(selector).toMatchObject({ channels: ['Security'], eventIds: [4688], fieldMap: { Image: 'NewProcessName' } });
    // Sysmon process creation cannot come from the System log: nothing can match.
    expect(resolve({ product: 'windows', category: 'process_creation', service: 'system' })).toBeUndefined();
    expect(only(resolve({ product: 'kubernetes', category: 'application', service: 'audit' })).channels).toBeUndefined();
  });

  it('unions every product for a product-less category', () => {
    const selectors = resolve({ category: 'process_creation' })!;
    const channels = selectors.map((s) => s.channels?.[0] ?? '(none)');
    expect(channels).toEqual(expect.arrayContaining([sysmon, 'Security', '(none)']));
    // The linux and macos unrouted selectors are the same selector once names are ignored.
    expect(channels.filter((c) => c === '(none)')).toHaveLength(1);
  });

  it('folds case and caches answers', () => {
    const first = resolve({ product: 'Windows', category: 'Process_Creation' });
    expect(first).toBe(resolve({ product: 'windows', category: 'process_creation' }));
  });
});

describe('user mapping files', () => {
  const directory = mkdtempSync(join(tmpdir(), 'rampart-mapping-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('replaces a built-in entry with the same key and adds new ones', () => {
    const file = join(directory, 'site.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'mappings:',
        '  - logsource: { product: windows, category: process_creation }',
        '    selectors:',
        '      - { name: EDR export, channels: [Contoso-EDR/Process], fieldMap: { Image: ProcessPath } }',
        '  - logsource: { product: windows, service: contoso-edr }',
        '    selectors:',
        '      - { channels: [Contoso-EDR/Process, Contoso-EDR/Network] }',
        '',
      ].join('\n'),
    );
    const { mappings, errors } = loadLogsourceMappings([...defaultMappingFiles(), file]);
    expect(errors).toEqual([]);
    const processCreation = only(mappings.resolve({ product: 'windows', category: 'process_creation' }));
    expect(processCreation).toMatchObject({ channels: ['Contoso-EDR/Process'], fieldMap: { Image: 'ProcessPath' } });
    expect(processCreation.name).toBe('windows/process_creation (EDR export)');
    expect(only(mappings.resolve({ product: 'windows', service: 'contoso-edr' })).name).toBe('windows/contoso-edr');
    // Everything else is still the built-in mapping.
    expect(only(mappings.resolve({ product: 'windows', category: 'registry_add' })).eventIds).toEqual([12]);
  });

  it('can change what an unmapped product means', () => {
    const file = join(directory, 'strict.yaml');
    writeFileSync(file, 'version: 1\nproducts:\n  linux: { unmapped: reject }\n');
    const { mappings, errors } = loadLogsourceMappings([...defaultMappingFiles(), file]);
    expect(errors).toEqual([]);
    expect(mappings.resolve({ product: 'linux', service: 'no-such-service' })).toBeUndefined();
    expect(mappings.resolve({ product: 'linux', service: 'auditd' })).toBeDefined();
  });

  it('reports a missing file and carries on', () => {
    const { mappings, errors } = loadLogsourceMappings([join(directory, 'absent.yaml'), ...defaultMappingFiles()]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, column: 1 });
    expect(errors[0].message).toMatch(/cannot read mapping file/);
    expect(mappings.resolve({ product: 'windows', service: 'security' })).toBeDefined();
  });
});
