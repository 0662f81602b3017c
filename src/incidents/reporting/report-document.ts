// Builds a first, follow-up or closing report as a JSON document: the fields incident-reporting.yaml
// asks for that kind of report, in its order, each with its citation; the required ones still missing
// are listed. A first report may be sent with gaps (Measures Art. 7 para. 2: report what is known,
// supplement later): it is then marked partial rather than refused. Pure: the time of generation is
// given, not read from the clock.
import { rampartError } from '../../core/errors.js';
import type { RegulationSource } from '../../core/regulations/citation-schema.js';
import type { DeepReadonly } from '../../core/regulations/deep-freeze.js';
import type { ReportingRules } from '../regulations/load-regulations.js';
import { REPORT_KINDS, type Confidence, type IncidentLevel, type ReportKind } from '../regulations/vocabulary.js';
import type { IncidentGrade } from '../grading/grade-incident.js';
import { toInstant, type TimeInput } from './instant.js';
import type { Deadline, ReportingClock } from './reporting-clock.js';

export const REPORT_DOCUMENT_FORMAT = 'rampart.incident-report/1';

export type ReportFieldValue = string | number | Date | undefined;

export interface ReportDocumentInput {
  readonly kind: ReportKind;
  readonly incidentId: string;
  /** Field name (as in incident-reporting.yaml `reportFields`) → value; blank counts as missing. */
  readonly fields: Readonly<Record<string, ReportFieldValue>>;
  readonly generatedAt: TimeInput;
  /** The grade fills the `level` field when it is not given, and its reasons go into the report. */
  readonly grade?: IncidentGrade;
  /** The clock gives the deadline this report answers. */
  readonly clock?: ReportingClock;
}

type Citation = { readonly source: DeepReadonly<RegulationSource>; readonly confidence: Confidence };

export interface ReportDocumentField extends Citation {
  readonly name: string;
  readonly label: string;
  readonly labelZh?: string;
  readonly required: boolean;
  readonly value?: string;
}

export interface ReportDocument {
  readonly format: typeof REPORT_DOCUMENT_FORMAT;
  readonly kind: ReportKind;
  readonly title: string;
  readonly incidentId: string;
  readonly generatedAt: string;
  /** complete: every required field given; partial: a first report sent with gaps, as Art. 7 allows; incomplete: gaps the rules do not allow. */
  readonly status: 'complete' | 'partial' | 'incomplete';
  readonly partialReport?: Citation & { readonly when: string };
  readonly fields: readonly ReportDocumentField[];
  /** Names of the required fields not given. */
  readonly missingRequired: readonly string[];
  readonly grading?: {
    readonly level: IncidentLevel;
    readonly levelName: string;
    readonly mustReport: boolean;
    readonly summary: string;
    readonly decidedBy: readonly (Citation & { readonly explanation: string })[];
    readonly warnings: readonly string[];
  };
  readonly deadline?: Citation & { readonly due: string; readonly within: string; readonly reportTo: readonly string[] };
}

const TITLES: Readonly<Record<ReportKind, string>> = {
  first: 'Cybersecurity incident report: first report',
  'follow-up': 'Cybersecurity incident report: follow-up report',
  closing: 'Cybersecurity incident report: closing report',
};

export function buildReportDocument(input: ReportDocumentInput, rules: ReportingRules): ReportDocument {
  if (!REPORT_KINDS.includes(input.kind)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: 'kind', reason: `must be one of ${REPORT_KINDS.join(', ')}` });
  if (input.incidentId.trim() === '') throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: 'incidentId', reason: 'must not be empty' });
  const generatedAt = toInstant(input.generatedAt, 'generatedAt').toISOString();
  const kind = input.kind;

  for (const name of Object.keys(input.fields)) {
    // hasOwn: a field named `constructor` must not find Object.prototype's.
    const field = Object.hasOwn(rules.reportFields, name) ? rules.reportFields[name] : undefined;
    if (field === undefined) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: `fields.${name}`, reason: 'not a report field in incident-reporting.yaml' });
    if (!field.requiredIn.includes(kind) && !field.optionalIn.includes(kind)) {
      throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: `fields.${name}`, reason: `not part of a ${kind} report` });
    }
  }

  const given: Record<string, ReportFieldValue> = { ...input.fields };
  if (blank(given.level) && input.grade !== undefined && rules.reportFields.level !== undefined) {
    given.level = `${input.grade.levelName.en} (${input.grade.levelName.zh})`;
  }

  const fields: ReportDocumentField[] = [];
  for (const [name, field] of Object.entries(rules.reportFields)) {
    const required = field.requiredIn.includes(kind);
    if (!required && !field.optionalIn.includes(kind)) continue;
    const value = given[name];
    fields.push({
      name,
      label: field.label,
      ...(field.labelZh === undefined ? {} : { labelZh: field.labelZh }),
      required,
      ...(blank(value) ? {} : { value: fieldText(value) }),
      source: field.source,
      confidence: field.confidence,
    });
  }
  const missingRequired = fields.filter((field) => field.required && field.value === undefined).map((field) => field.name);

  const partialAllowed = kind === 'first' && rules.partialFirstReport.allowed;
  const status = missingRequired.length === 0 ? 'complete' : partialAllowed ? 'partial' : 'incomplete';
  const { allowed: _allowed, ...partialRule } = rules.partialFirstReport;
  const deadline = reportDeadline(kind, input.clock);

  return {
    format: REPORT_DOCUMENT_FORMAT,
    kind,
    title: TITLES[kind],
    incidentId: input.incidentId,
    generatedAt,
    status,
    ...(status === 'partial' ? { partialReport: partialRule } : {}),
    fields,
    missingRequired,
    ...(input.grade === undefined ? {} : { grading: gradingSection(input.grade) }),
    ...(deadline === undefined
      ? {}
      : { deadline: { due: deadline.due.toISOString(), within: deadline.within, reportTo: deadline.reportTo, source: deadline.source, confidence: deadline.confidence } }),
  };
}

/** The deadline a report of this kind answers; follow-up reports have none of their own. */
function reportDeadline(kind: ReportKind, clock: ReportingClock | undefined): Deadline | undefined {
  if (clock === undefined) return undefined;
  if (kind === 'first') return clock.firstReport;
  if (kind === 'closing') return clock.closingReport;
  return undefined;
}

function gradingSection(grade: IncidentGrade): NonNullable<ReportDocument['grading']> {
  return {
    level: grade.level,
    levelName: `${grade.levelName.en} (${grade.levelName.zh})`,
    mustReport: grade.mustReport,
    summary: grade.summary,
    decidedBy: grade.decidedBy.map((criterion) => ({ explanation: criterion.explanation, source: criterion.source, confidence: criterion.confidence })),
    warnings: grade.warnings.map((warning) => warning.message),
  };
}

function blank(value: ReportFieldValue): value is undefined {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function fieldText(value: string | number | Date): string {
  if (value instanceof Date) return toInstant(value, 'field').toISOString();
  return String(value);
}
