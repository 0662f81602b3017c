// Schemas every regulation file shares: a record's source and confidence, so a decision can always
// show where its rule came from and how sure Rampart is of it.
import { z } from 'zod';
import { CONFIDENCES } from './confidence.js';

export const text = z.string().trim().min(1, 'must not be empty');

export const sourceSchema = z.strictObject({
  /** The instrument's full name, as a reader would look it up. */
  instrument: text,
  /** The name shown beside a decision: "Grading Guide 2025". */
  short: text,
  article: text,
  url: z.url().optional(),
});
export type RegulationSource = z.output<typeof sourceSchema>;

export const confidenceSchema = z.enum(CONFIDENCES);

/** The keys every record carries, so a decision can always show where its rule came from. */
export const citation = { source: sourceSchema, confidence: confidenceSchema };

/** Named sources, only there to be referred to with YAML aliases; not part of the loaded rules. */
export const sourcesSchema = z.record(z.string(), sourceSchema).optional();
