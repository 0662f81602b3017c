// Which fields a report of each kind has, and which of them it needs (incident-reporting.yaml
// `reportFields`): a first report may go with gaps (Art. 7), a follow-up or closing report may not.
import type { ReportFieldDefinition, ReportKind } from './regulation-types.js';

export interface ReportFormField {
  readonly name: string;
  readonly label: string;
  readonly labelZh?: string;
  readonly required: boolean;
}

/** The fields of a kind of report, in the regulation's order, each marked required or not. */
export function fieldsForKind(definitions: readonly ReportFieldDefinition[], kind: ReportKind): ReportFormField[] {
  return definitions
    .filter((field) => field.requiredIn.includes(kind) || field.optionalIn.includes(kind))
    .map((field) => ({ name: field.name, label: field.label, labelZh: field.labelZh, required: field.requiredIn.includes(kind) }));
}

/** The required fields left blank: what the server will name when it refuses a follow-up or closing report. */
export function missingRequired(fields: readonly ReportFormField[], values: Readonly<Record<string, string>>): string[] {
  return fields.filter((field) => field.required && (values[field.name] ?? '').trim() === '').map((field) => field.name);
}

/** The values worth sending: blanks left out, so the server fills in what it knows (name, level, times). */
export function filledValues(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== '').map(([name, value]) => [name, value.trim()]));
}
