import { describe, expect, it } from 'vitest';
import { PERMISSIONS as SERVER_PERMISSIONS } from '../../../src/server/policy.js';
import { PERMISSIONS, may, navigationFor } from './permissions.js';

describe('the dashboard\'s copy of the policy', () => {
  it('is the server\'s table, permission for permission', () => {
    const normalise = (table: Record<string, { roles: readonly string[]; kinds: readonly string[] }>) =>
      Object.fromEntries(Object.entries(table).map(([name, rule]) => [name, { roles: [...rule.roles].sort(), kinds: [...rule.kinds].sort() }]));
    expect(normalise(PERMISSIONS)).toEqual(normalise(SERVER_PERMISSIONS));
  });
});

describe('navigationFor', () => {
  it('gives the hub the coordination centre only', () => {
    expect(navigationFor({ role: 'analyst', kind: 'hub' }).map((item) => item.path)).toEqual(['/hub']);
  });
  it('gives an operator\'s auditor the operator pages, to read', () => {
    expect(navigationFor({ role: 'auditor', kind: 'operator' }).map((item) => item.path)).toEqual(['/overview', '/alerts', '/incidents', '/data', '/transfers']);
    expect(may({ role: 'auditor', kind: 'operator' }, 'incidents:write')).toBe(false);
    expect(may({ role: 'auditor', kind: 'operator' }, 'data:write')).toBe(false);
  });
  it('lets only an operator\'s admin decide a data asset\'s level', () => {
    expect(may({ role: 'admin', kind: 'operator' }, 'data:classify')).toBe(true);
    expect(may({ role: 'analyst', kind: 'operator' }, 'data:classify')).toBe(false);
    expect(may({ role: 'admin', kind: 'hub' }, 'data:classify')).toBe(false);
  });
  it('lets a reporter submit but not change an incident', () => {
    expect(may({ role: 'reporter', kind: 'operator' }, 'reports:submit')).toBe(true);
    expect(may({ role: 'reporter', kind: 'operator' }, 'incidents:write')).toBe(false);
  });
  it('gives nothing before sign-in', () => {
    expect(navigationFor(undefined)).toEqual([]);
  });
});
