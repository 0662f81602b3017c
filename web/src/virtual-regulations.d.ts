// The module web/regulation-data-plugin.ts builds from data/regulations/*.yaml.
declare module 'virtual:regulations' {
  import type { Criterion, LevelName, ReportFieldDefinition } from './lib/regulation-types.js';
  export const reportFields: readonly ReportFieldDefinition[];
  export const levels: readonly LevelName[];
  export const criteria: readonly Criterion[];
}
