// Entry point for the classification law as data: data/regulations/data-classification.yaml (or the
// file given), validated and frozen. A problem stops loading with RAMPART_E_REGULATION_INVALID naming
// the file, line and key.
import { join } from 'node:path';
import { loadRegulationFile, type LoadedRegulation } from '../../core/regulations/load-regulation-file.js';
import { defaultRegulationsDirectory } from '../../core/regulations/regulations-directory.js';
import { classificationFileSchema, type ClassificationFile } from './classification-schema.js';

export type ClassificationRules = LoadedRegulation<ClassificationFile>;

export function loadClassificationRules(file = join(defaultRegulationsDirectory(), 'data-classification.yaml')): ClassificationRules {
  return loadRegulationFile(classificationFileSchema, file, 'docs/data-governance.md');
}
