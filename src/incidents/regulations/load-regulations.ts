// Entry point for the law as data: the built-in grading and reporting rules from data/regulations/,
// each optionally overlaid with a user's override file, validated and frozen. The override paths are
// parameters (the config or the server decides where they live); the defaults are found from the
// package root, so this works from src/ (tests) and dist/ (the installed command) alike.
import { join } from 'node:path';
import type { z } from 'zod';
import { deepFreeze, type DeepReadonly } from '../../core/regulations/deep-freeze.js';
import { readRegulationDocument, validateRegulation } from '../../core/regulations/read-regulation-document.js';
import { defaultRegulationsDirectory } from '../../core/regulations/regulations-directory.js';
import { gradingFileSchema, gradingOverrideSchema, type GradingFile } from './grading-schema.js';
import { mergeOverride } from './merge-override.js';
import { reportingFileSchema, reportingOverrideSchema, type ReportingFile } from './reporting-schema.js';

/** The page that describes these files' keys, named when a key is unknown. */
const DOCUMENTED_IN = 'docs/incidents.md';

interface LoadedFrom {
  /** The files read, defaults first. */
  readonly files: readonly string[];
  /** Dotted paths of the records an override replaced or added (see merge-override.ts). */
  readonly overriddenRecords: readonly string[];
}

export type GradingRules = DeepReadonly<Omit<GradingFile, 'sources'>> & LoadedFrom;
export type ReportingRules = DeepReadonly<Omit<ReportingFile, 'sources'>> & LoadedFrom;

export interface IncidentRegulations {
  readonly grading: GradingRules;
  readonly reporting: ReportingRules;
}

export interface RegulationFiles {
  /** Replaces incident-grading.yaml (tests, or a wholly different rule set). */
  readonly gradingFile?: string;
  /** Overlaid on the grading defaults, e.g. to replace a `draft` threshold. */
  readonly gradingOverride?: string;
  readonly reportingFile?: string;
  readonly reportingOverride?: string;
}

export function loadIncidentRegulations(files: RegulationFiles = {}): IncidentRegulations {
  return Object.freeze({
    grading: loadGradingRules(files.gradingOverride, files.gradingFile),
    reporting: loadReportingRules(files.reportingOverride, files.reportingFile),
  });
}

export function loadGradingRules(overrideFile?: string, defaultsFile = join(defaultRegulationsDirectory(), 'incident-grading.yaml')): GradingRules {
  return loadRules(gradingFileSchema, gradingOverrideSchema, defaultsFile, overrideFile) as GradingRules;
}

export function loadReportingRules(overrideFile?: string, defaultsFile = join(defaultRegulationsDirectory(), 'incident-reporting.yaml')): ReportingRules {
  return loadRules(reportingFileSchema, reportingOverrideSchema, defaultsFile, overrideFile) as ReportingRules;
}

function loadRules(fileSchema: z.ZodType, overrideSchema: z.ZodType, defaultsFile: string, overrideFile: string | undefined): unknown {
  const defaults = readRegulationDocument(defaultsFile);
  const validDefaults = validateRegulation(fileSchema, defaults.value, defaults, DOCUMENTED_IN);
  if (overrideFile === undefined) return frozenRules(validDefaults, [defaultsFile], []);
  const override = readRegulationDocument(overrideFile);
  validateRegulation(overrideSchema, override.value, override, DOCUMENTED_IN);
  const merged = mergeOverride(defaults.value, override.value);
  // Both files were valid on their own, so what fails now is something the override added
  // incompletely (a new criterion without its unit) or made inconsistent: place it in the override.
  const validMerged = validateRegulation(fileSchema, merged.value, override, DOCUMENTED_IN);
  return frozenRules(validMerged, [defaultsFile, overrideFile], merged.overriddenRecords);
}

function frozenRules(rules: unknown, files: readonly string[], overriddenRecords: readonly string[]): unknown {
  const { sources: _sources, ...withoutSources } = rules as Record<string, unknown>;
  return deepFreeze({ ...withoutSources, files: [...files], overriddenRecords: [...overriddenRecords] });
}
