import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReportingRules } from '../regulations/load-regulations.js';
import { reportingClock, timeliness } from './reporting-clock.js';

const rules = loadReportingRules();
const DISCOVERED = '2025-11-03T09:00:00+08:00';
const at = (iso: string) => new Date(iso).toISOString();

describe('reportingClock: first report, by operator type (Art. 4)', () => {
  it.each([
    { operatorType: 'cii-operator', due: '2025-11-03T10:00:00+08:00', within: '1 h', reportTo: /protection work department/ },
    { operatorType: 'central-state-organ', due: '2025-11-03T11:00:00+08:00', within: '2 h', reportTo: /cyberspace affairs office/ },
    { operatorType: 'other-operator', due: '2025-11-03T13:00:00+08:00', within: '4 h', reportTo: /provincial cyberspace administration/ },
  ] as const)('$operatorType: within $within of discovery', ({ operatorType, due, within, reportTo }) => {
    const clock = reportingClock({ discoveredAt: DISCOVERED, operatorType, level: 'relatively-major' }, rules);
    expect(clock.firstReport.due.toISOString()).toBe(at(due));
    expect(clock.firstReport.countedFrom.toISOString()).toBe(at(DISCOVERED));
    expect(clock.firstReport.within).toBe(within);
    expect(clock.firstReport.reportTo.join('; ')).toMatch(reportTo);
    expect(clock.firstReport).toMatchObject({ confidence: 'verified', source: { article: 'Art. 4' } });
  });

  it('sends a CII operator to its department and to public security', () => {
    const clock = reportingClock({ discoveredAt: DISCOVERED, operatorType: 'cii-operator', level: 'major' }, rules);
    expect(clock.firstReport.reportTo).toHaveLength(2);
    expect(clock.firstReport.reportTo[1]).toMatch(/public security/);
  });

  it('accepts a Date and reads times with their offset', () => {
    const clock = reportingClock({ discoveredAt: new Date('2025-11-03T01:00:00Z'), operatorType: 'other-operator', level: 'general' }, rules);
    expect(clock.firstReport.due.toISOString()).toBe('2025-11-03T05:00:00.000Z');
  });
});

describe('reportingClock: escalation for major and particularly major', () => {
  it.each([
    { operatorType: 'cii-operator', within: '30 min', fromDeadline: '2025-11-03T10:30:00+08:00', fromSubmission: '2025-11-03T09:50:00+08:00', reportTo: /Ministry of Public Security/ },
    { operatorType: 'central-state-organ', within: '1 h', fromDeadline: '2025-11-03T12:00:00+08:00', fromSubmission: '2025-11-03T10:20:00+08:00', reportTo: /national cyberspace administration/ },
    { operatorType: 'other-operator', within: '1 h', fromDeadline: '2025-11-03T14:00:00+08:00', fromSubmission: '2025-11-03T10:20:00+08:00', reportTo: /national cyberspace administration/ },
  ] as const)('$operatorType: the recipient passes it up within $within', ({ operatorType, within, fromDeadline, fromSubmission, reportTo }) => {
    for (const level of ['major', 'particularly-major'] as const) {
      const unknownReceipt = reportingClock({ discoveredAt: DISCOVERED, operatorType, level }, rules).escalation;
      expect(unknownReceipt).toMatchObject({ within, startsAt: 'first-report-deadline', startConfidence: 'unverified', confidence: 'verified' });
      expect(unknownReceipt?.due.toISOString()).toBe(at(fromDeadline));
      expect(unknownReceipt?.reportTo.join('; ')).toMatch(reportTo);
      const known = reportingClock({ discoveredAt: DISCOVERED, operatorType, level, firstReportSubmittedAt: '2025-11-03T09:20:00+08:00' }, rules).escalation;
      expect(known).toMatchObject({ startsAt: 'first-report-received' });
      expect(known?.due.toISOString()).toBe(at(fromSubmission));
    }
  });

  it.each(['general', 'relatively-major'] as const)('%s has no escalation step', (level) => {
    expect(reportingClock({ discoveredAt: DISCOVERED, operatorType: 'cii-operator', level }, rules).escalation).toBeUndefined();
  });
});

describe('reportingClock: closing report (Art. 8)', () => {
  it('is due 30 days after handling ends, through the first report channel', () => {
    const clock = reportingClock({ discoveredAt: DISCOVERED, operatorType: 'other-operator', level: 'major', handlingEndedAt: '2025-11-10T18:00:00+08:00' }, rules);
    expect(clock.closingReport?.due.toISOString()).toBe(at('2025-12-10T18:00:00+08:00'));
    expect(clock.closingReport).toMatchObject({ within: '30 days', confidence: 'verified', source: { article: 'Art. 8' } });
    expect(clock.closingReport?.reportTo).toEqual(clock.firstReport.reportTo);
  });

  it('is not set while handling goes on', () => {
    expect(reportingClock({ discoveredAt: DISCOVERED, operatorType: 'other-operator', level: 'major' }, rules).closingReport).toBeUndefined();
  });

  it('rejects handling that ended before discovery, and times that do not parse', () => {
    expect(() => reportingClock({ discoveredAt: DISCOVERED, operatorType: 'other-operator', level: 'major', handlingEndedAt: '2025-11-01T00:00:00Z' }, rules)).toThrow(
      /handlingEndedAt: is before/,
    );
    expect(() => reportingClock({ discoveredAt: 'yesterday', operatorType: 'other-operator', level: 'major' }, rules)).toThrow(/Bad argument discoveredAt/);
    // Without an offset the time would be read in the server's zone, and the deadline would move with it.
    expect(() => reportingClock({ discoveredAt: '2025-11-03T09:00:00', operatorType: 'other-operator', level: 'major' }, rules)).toThrow(/with its offset/);
    expect(() => reportingClock({ discoveredAt: DISCOVERED, operatorType: 'bank' as 'cii-operator', level: 'major' }, rules)).toThrow(/Bad argument operatorType/);
  });
});

describe('reportingClock takes its durations from the data', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rampart-clock-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('follows an override of a deadline', () => {
    const override = join(folder, 'reporting.yaml');
    writeFileSync(
      override,
      `closingReport:
  countedFrom: handling-ended
  within: { days: 15 }
  when: sector rule
  source: { instrument: A sector regulator's measures, short: Sector measures, article: Art. 9 }
  confidence: secondary
`,
    );
    const clock = reportingClock(
      { discoveredAt: DISCOVERED, operatorType: 'other-operator', level: 'major', handlingEndedAt: '2025-11-10T18:00:00+08:00' },
      loadReportingRules(override),
    );
    expect(clock.closingReport?.due.toISOString()).toBe(at('2025-11-25T18:00:00+08:00'));
    expect(clock.closingReport).toMatchObject({ within: '15 days', confidence: 'secondary' });
  });
});

describe('timeliness', () => {
  const deadline = '2025-11-03T10:00:00+08:00';
  it.each([
    { case: 'submitted early', submittedAt: '2025-11-03T09:35:30+08:00', now: '2025-11-03T12:00:00+08:00', expected: { status: 'on-time', minutesRemaining: 24 } },
    { case: 'submitted exactly at the deadline', submittedAt: deadline, now: '2025-11-03T12:00:00+08:00', expected: { status: 'on-time', minutesRemaining: 0 } },
    { case: 'submitted one second late', submittedAt: '2025-11-03T10:00:01+08:00', now: '2025-11-03T12:00:00+08:00', expected: { status: 'late', minutesLate: 1 } },
    { case: 'submitted 90 minutes late', submittedAt: '2025-11-03T11:30:00+08:00', now: '2025-11-04T00:00:00+08:00', expected: { status: 'late', minutesLate: 90 } },
    { case: 'not submitted, time left', submittedAt: undefined, now: '2025-11-03T09:15:00+08:00', expected: { status: 'due', minutesRemaining: 45 } },
    { case: 'not submitted, at the deadline', submittedAt: undefined, now: deadline, expected: { status: 'due', minutesRemaining: 0 } },
    { case: 'not submitted, past the deadline', submittedAt: undefined, now: '2025-11-03T10:20:00+08:00', expected: { status: 'overdue', minutesLate: 20 } },
  ])('$case', ({ submittedAt, now, expected }) => {
    expect(timeliness(deadline, submittedAt, now)).toEqual(expected);
  });

  it('takes a deadline from the clock', () => {
    const clock = reportingClock({ discoveredAt: DISCOVERED, operatorType: 'cii-operator', level: 'major' }, rules);
    expect(timeliness(clock.firstReport.due, undefined, new Date('2025-11-03T09:40:00+08:00'))).toEqual({ status: 'due', minutesRemaining: 20 });
  });

  it('rejects a time that does not parse, naming it', () => {
    expect(() => timeliness(deadline, 'soon', deadline)).toThrow(/Bad argument submittedAt/);
  });
});
