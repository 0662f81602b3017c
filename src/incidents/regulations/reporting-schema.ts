// The schema of data/regulations/incident-reporting.yaml and of a user's override of it (same keys, any
// subset; a record with a `confidence` is given whole, as it replaces the default record).
import { z } from 'zod';
import { citation, sourcesSchema, text } from '../../core/regulations/citation-schema.js';
import { durationSchema } from './duration-schema.js';
import { INCIDENT_LEVELS, REPORT_KINDS } from './vocabulary.js';

const recipients = z.array(text).min(1);

const firstReportRecord = z.strictObject({ within: durationSchema, reportTo: recipients, ...citation });
const escalationRecord = z.strictObject({ within: durationSchema, by: text, reportTo: recipients, ...citation });

function byOperatorType<T extends z.ZodType>(record: T) {
  return z.strictObject({ 'cii-operator': record, 'central-state-organ': record, 'other-operator': record });
}

const firstReportShape = z.strictObject({
  countedFrom: z.strictObject({ value: z.literal('discovery'), ...citation }),
  byOperatorType: byOperatorType(firstReportRecord),
});

const escalationShape = z.strictObject({
  appliesFrom: z.strictObject({ level: z.enum(INCIDENT_LEVELS), ...citation }),
  countedFrom: z.strictObject({ value: z.literal('first-report-received'), ...citation }),
  byOperatorType: byOperatorType(escalationRecord),
});

const suspectedCrimeSchema = z.strictObject({ alsoReportTo: recipients, ...citation });
const partialFirstReportSchema = z.strictObject({ allowed: z.boolean(), when: text, ...citation });
const followUpReportSchema = z.strictObject({ when: text, ...citation });
const closingReportSchema = z.strictObject({
  countedFrom: z.literal('handling-ended'),
  within: durationSchema,
  when: text,
  ...citation,
});

const reportFieldSchema = z
  .strictObject({
    label: text,
    labelZh: text.optional(),
    requiredIn: z.array(z.enum(REPORT_KINDS)).default([]),
    optionalIn: z.array(z.enum(REPORT_KINDS)).default([]),
    ...citation,
  })
  .superRefine((field, context) => {
    if (field.requiredIn.length + field.optionalIn.length === 0) {
      context.addIssue({ code: 'custom', path: ['requiredIn'], message: 'a field belongs to at least one kind of report (requiredIn or optionalIn)' });
    }
    for (const kind of field.optionalIn) {
      if (field.requiredIn.includes(kind)) context.addIssue({ code: 'custom', path: ['optionalIn'], message: `${kind} is already in requiredIn` });
    }
  });

const fieldId = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'report field names are lowerCamelCase');

export const reportingFileSchema = z.strictObject({
  sources: sourcesSchema,
  firstReport: firstReportShape,
  escalation: escalationShape,
  suspectedCrime: suspectedCrimeSchema,
  partialFirstReport: partialFirstReportSchema,
  followUpReport: followUpReportSchema,
  closingReport: closingReportSchema,
  reportFields: z.record(fieldId, reportFieldSchema),
});

export const reportingOverrideSchema = z.strictObject({
  sources: sourcesSchema,
  firstReport: firstReportShape.extend({ byOperatorType: byOperatorType(firstReportRecord).partial() }).partial().optional(),
  escalation: escalationShape.extend({ byOperatorType: byOperatorType(escalationRecord).partial() }).partial().optional(),
  suspectedCrime: suspectedCrimeSchema.optional(),
  partialFirstReport: partialFirstReportSchema.optional(),
  followUpReport: followUpReportSchema.optional(),
  closingReport: closingReportSchema.optional(),
  reportFields: z.record(fieldId, reportFieldSchema).optional(),
});

export type ReportingFile = z.output<typeof reportingFileSchema>;
export type ReportFieldData = ReportingFile['reportFields'][string];
