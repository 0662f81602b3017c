// Shapes of the regulation data the dashboard reads (see web/regulation-data-plugin.ts).

export type ReportKind = 'first' | 'follow-up' | 'closing';

export interface ReportFieldDefinition {
  readonly name: string;
  readonly label: string;
  readonly labelZh?: string;
  readonly requiredIn: readonly string[];
  readonly optionalIn: readonly string[];
}

export interface LevelName {
  readonly id: string;
  readonly name: string;
  readonly nameZh?: string;
}

export interface Criterion {
  readonly id: string;
  readonly fact: string;
  readonly description: string;
  readonly unit: string;
  readonly scale?: readonly string[];
}
