// The rules of law are data (data/regulations/*.yaml), and the dashboard reads the same data as the
// server: this Vite plugin parses the YAML at build time and offers the parts the forms need as the
// virtual module `virtual:regulations` (report fields per kind, level names, grading criteria), so a
// change to the YAML reaches the form labels with the next build, with no copy to keep in step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Plugin } from 'vite';

const MODULE_ID = 'virtual:regulations';
const RESOLVED_ID = '\0' + MODULE_ID;

interface FieldRecord {
  label: string;
  labelZh?: string;
  requiredIn?: string[];
  optionalIn?: string[];
}

interface CriterionRecord {
  fact: string;
  description: string;
  unit: string;
  scale?: string[];
}

export function regulationData(directory: string): Plugin {
  const files = ['incident-reporting.yaml', 'incident-grading.yaml'].map((name) => join(directory, name));
  return {
    name: 'rampart-regulation-data',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of files) this.addWatchFile(file);
      const reporting = parse(readFileSync(files[0], 'utf8')) as { reportFields: Record<string, FieldRecord> };
      const grading = parse(readFileSync(files[1], 'utf8')) as { levels: Record<string, { name: string; nameZh?: string }>; criteria: Record<string, CriterionRecord> };
      const reportFields = Object.entries(reporting.reportFields).map(([name, field]) => ({
        name,
        label: field.label,
        labelZh: field.labelZh,
        requiredIn: field.requiredIn ?? [],
        optionalIn: field.optionalIn ?? [],
      }));
      const levels = Object.entries(grading.levels).map(([id, level]) => ({ id, name: level.name, nameZh: level.nameZh }));
      const criteria = Object.entries(grading.criteria).map(([id, criterion]) => ({ id, fact: criterion.fact, description: criterion.description, unit: criterion.unit, scale: criterion.scale }));
      return `export const reportFields = ${JSON.stringify(reportFields)};\nexport const levels = ${JSON.stringify(levels)};\nexport const criteria = ${JSON.stringify(criteria)};\n`;
    },
  };
}
