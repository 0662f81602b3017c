// The schema of data/regulations/incident-grading.yaml and of a user's override of it. The override has
// the same keys, any subset of them; a record it gives (anything with a `confidence`) is complete,
// because it replaces the default record whole, citation included.
import { z } from 'zod';
import { citation, sourcesSchema, text } from '../../core/regulations/citation-schema.js';
import { CRITERION_UNITS, FACT_NAMES, GRADED_LEVELS, INCIDENT_LEVELS, SERIOUSNESS_FACT } from './vocabulary.js';

export const thresholdSchema = z.strictObject({
  /** A number in the criterion's unit, or a step of its scale. */
  value: z.union([z.number().nonnegative(), text]),
  /** 以上: at or above the value counts; false means strictly above. */
  inclusive: z.boolean(),
  ...citation,
  note: text.optional(),
});

const thresholdsSchema = z.strictObject({
  'particularly-major': thresholdSchema.optional(),
  major: thresholdSchema.optional(),
  'relatively-major': thresholdSchema.optional(),
});

const criterionShape = z.strictObject({
  fact: z.enum(FACT_NAMES),
  description: text,
  unit: z.enum(CRITERION_UNITS),
  /** For the seriousness unit: its steps, lowest first. */
  scale: z.array(text).min(2).optional(),
  thresholds: thresholdsSchema,
});

const criterionSchema = criterionShape.superRefine((criterion, context) => {
  const isScale = criterion.unit === 'seriousness';
  if (isScale !== (criterion.fact === SERIOUSNESS_FACT)) {
    context.addIssue({ code: 'custom', path: ['unit'], message: `the unit seriousness goes with the fact ${SERIOUSNESS_FACT}, and only with it` });
  }
  if (isScale !== (criterion.scale !== undefined)) {
    context.addIssue({ code: 'custom', path: ['scale'], message: 'a scale is given for the unit seriousness, and only for it' });
  }
  // A higher level must not be easier to reach than a lower one: catches a threshold typed in the wrong row.
  let previous: { level: string; rank: number } | undefined;
  for (const level of GRADED_LEVELS) {
    const threshold = criterion.thresholds[level];
    if (threshold === undefined) continue;
    const rank = isScale ? (criterion.scale ?? []).indexOf(String(threshold.value)) : typeof threshold.value === 'number' ? threshold.value : -1;
    if (isScale && rank < 0) {
      context.addIssue({ code: 'custom', path: ['thresholds', level, 'value'], message: `must be one of the scale: ${(criterion.scale ?? []).join(', ')}` });
      continue;
    }
    if (!isScale && typeof threshold.value !== 'number') {
      context.addIssue({ code: 'custom', path: ['thresholds', level, 'value'], message: `must be a number of ${criterion.unit}` });
      continue;
    }
    if (previous !== undefined && rank > previous.rank) {
      context.addIssue({
        code: 'custom',
        path: ['thresholds', level, 'value'],
        message: `is above the ${previous.level} threshold; a lower level needs a lower or equal threshold`,
      });
    }
    previous = { level, rank };
  }
});

const levelSchema = z.strictObject({ name: text, nameZh: text, ...citation });

const levelsShape = z.strictObject({
  'particularly-major': levelSchema,
  major: levelSchema,
  'relatively-major': levelSchema,
  general: levelSchema,
});

const mustReportSchema = z.strictObject({ minimumLevel: z.enum(INCIDENT_LEVELS), ...citation });

const criterionId = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'criterion names are lowerCamelCase');

export const gradingFileSchema = z.strictObject({
  sources: sourcesSchema,
  levels: levelsShape,
  mustReport: mustReportSchema,
  criteria: z.record(criterionId, criterionSchema),
});

export const gradingOverrideSchema = z.strictObject({
  sources: sourcesSchema,
  levels: levelsShape.partial().optional(),
  mustReport: mustReportSchema.optional(),
  criteria: z.record(criterionId, criterionShape.partial()).optional(),
});

export type GradingFile = z.output<typeof gradingFileSchema>;
export type CriterionData = GradingFile['criteria'][string];
export type ThresholdData = z.output<typeof thresholdSchema>;
