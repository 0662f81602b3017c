import { describe, expect, it } from 'vitest';
import { gradeIncident } from '../grading/grade-incident.js';
import { loadIncidentRegulations } from '../regulations/load-regulations.js';
import { escapeHtml } from '../../core/html-escape.js';
import { buildReportDocument } from './report-document.js';
import { reportHtml } from './report-html.js';
import { reportingClock } from './reporting-clock.js';

const { grading, reporting } = loadIncidentRegulations();
const GENERATED = '2025-11-03T09:40:00+08:00';

const FIRST_REPORT_FIELDS = {
  operatorName: 'Example Power Grid Co.',
  systemBasics: 'Dispatch SCADA, region east',
  discoveredAt: '2025-11-03T09:00:00+08:00',
  occurredAt: new Date('2025-11-03T00:30:00Z'),
  incidentType: 'network attack',
  impact: 'dispatch console unavailable',
  measuresTaken: 'segment isolated',
};

describe('buildReportDocument', () => {
  it('builds a complete first report with the level, its reasons and the deadline', () => {
    const grade = gradeIncident({ facts: { personalInformationPeopleLeaked: 12_000_000 }, operatorType: 'cii-operator' }, grading);
    const clock = reportingClock({ discoveredAt: FIRST_REPORT_FIELDS.discoveredAt, operatorType: 'cii-operator', level: grade.level }, reporting);
    const document = buildReportDocument({ kind: 'first', incidentId: 'INC-42', fields: FIRST_REPORT_FIELDS, generatedAt: GENERATED, grade, clock }, reporting);
    expect(document).toMatchObject({ format: 'rampart.incident-report/1', kind: 'first', status: 'complete', missingRequired: [], incidentId: 'INC-42' });
    expect(document.generatedAt).toBe('2025-11-03T01:40:00.000Z');
    expect(document.fields.find((field) => field.name === 'level')?.value).toBe('major (重大)');
    expect(document.fields.find((field) => field.name === 'occurredAt')?.value).toBe('2025-11-03T00:30:00.000Z');
    expect(document.grading?.decidedBy[0].explanation).toMatch(/12,000,000 ≥ 10,000,000/);
    expect(document.deadline).toMatchObject({ due: '2025-11-03T02:00:00.000Z', within: '1 h', confidence: 'verified' });
    expect(document.partialReport).toBeUndefined();
    // Only the fields of a first report, optional ones included, in the data file's order.
    expect(document.fields.map((field) => field.name)).not.toContain('cause');
    expect(document.fields.map((field) => field.name)).toContain('preliminaryCause');
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('marks a first report with gaps partial (Art. 7) and lists what is missing', () => {
    const document = buildReportDocument(
      { kind: 'first', incidentId: 'INC-42', fields: { ...FIRST_REPORT_FIELDS, impact: '  ', level: 'relatively major' }, generatedAt: GENERATED },
      reporting,
    );
    expect(document.status).toBe('partial');
    expect(document.missingRequired).toEqual(['impact']);
    expect(document.partialReport).toMatchObject({ confidence: 'verified', source: { article: 'Art. 7 para. 2' } });
  });

  it('calls a closing report with gaps incomplete, not partial', () => {
    const document = buildReportDocument(
      { kind: 'closing', incidentId: 'INC-42', fields: { operatorName: 'Example Power Grid Co.', level: 'major', cause: 'phished VPN credentials' }, generatedAt: GENERATED },
      reporting,
    );
    expect(document.status).toBe('incomplete');
    expect(document.missingRequired).toEqual(['measures', 'harm', 'accountability', 'remediation', 'lessons']);
    expect(document.partialReport).toBeUndefined();
  });

  it('asks a follow-up report for the new facts', () => {
    const document = buildReportDocument({ kind: 'follow-up', incidentId: 'INC-42', fields: { operatorName: 'X', level: 'major' }, generatedAt: GENERATED }, reporting);
    expect(document).toMatchObject({ status: 'incomplete', missingRequired: ['newFacts'] });
    expect(document.deadline).toBeUndefined();
  });

  it('rejects a field that does not exist or does not belong to the kind of report', () => {
    expect(() => buildReportDocument({ kind: 'first', incidentId: 'INC-42', fields: { attackerName: 'x' }, generatedAt: GENERATED }, reporting)).toThrow(
      /fields\.attackerName: not a report field/,
    );
    expect(() => buildReportDocument({ kind: 'first', incidentId: 'INC-42', fields: { lessons: 'x' }, generatedAt: GENERATED }, reporting)).toThrow(
      /fields\.lessons: not part of a first report/,
    );
    expect(() => buildReportDocument({ kind: 'first', incidentId: 'INC-42', fields: { constructor: 'x' }, generatedAt: GENERATED }, reporting)).toThrow(
      /fields\.constructor: not a report field/,
    );
  });
});

describe('reportHtml', () => {
  const HOSTILE = `<script>alert("x")</script>'&<img src=x onerror=alert(1)>`;

  it('escapes every value, however hostile', () => {
    const grade = gradeIncident({ facts: { ciiFullyDownHours: 3 }, operatorType: 'cii-operator' }, grading);
    const fields = Object.fromEntries(Object.keys(FIRST_REPORT_FIELDS).map((name) => [name, HOSTILE]));
    const document = buildReportDocument({ kind: 'first', incidentId: HOSTILE, fields: { ...fields, impact: undefined }, generatedAt: GENERATED, grade }, reporting);
    const html = reportHtml(document);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<[^>]*onerror/i);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is one self-contained page that shows status, gaps, level and warnings', () => {
    const graded = gradeIncident({ facts: { ciiFullyDownHours: 3 }, operatorType: 'cii-operator' }, grading);
    const document = buildReportDocument({ kind: 'first', incidentId: 'INC-7', fields: { operatorName: 'Example Rail' }, generatedAt: GENERATED, grade: graded }, reporting);
    const html = reportHtml(document);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).toContain('Partial report');
    expect(html).toContain('status-partial');
    expect(html).toContain('major (重大)');
    expect(html).toContain('2023 draft Grading Guide');
    expect(html).toContain('>missing<');
  });
});

describe('escapeHtml', () => {
  it.each([
    ['<b>', '&lt;b&gt;'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
    ['中文', '中文'],
    [42, '42'],
  ])('%s → %s', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});
