import { describe, expect, it } from 'vitest';
import { isoToLocalInput } from './local-time.js';

describe('isoToLocalInput', () => {
  it('shows the instant in the given zone, to the minute', () => {
    // Beijing is UTC+8: getTimezoneOffset() says -480.
    expect(isoToLocalInput('2026-11-20T10:05:30Z', -480)).toBe('2026-11-20T18:05');
    expect(isoToLocalInput('2026-11-20T10:05:30Z', 0)).toBe('2026-11-20T10:05');
  });
  it('is blank for nothing or nonsense', () => {
    expect(isoToLocalInput(undefined)).toBe('');
    expect(isoToLocalInput('soon')).toBe('');
  });
});
