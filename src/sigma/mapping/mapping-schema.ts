// The zod schema of a mapping file (data/mappings/*.yaml). Entries are validated one by one, so a bad
// entry is reported and skipped while the rest of the file loads; see docs/logsource-mapping.md.
import { z } from 'zod';

const name = z.string().min(1, 'must not be empty');

/** A scalar or a list of scalars: one channel or EventID needs no brackets. */
function oneOrMany<T extends z.ZodTypeAny>(item: T) {
  return z.union([item, z.array(item).min(1, 'must list at least one value')]).transform((value) =>
    Array.isArray(value) ? (value as z.output<T>[]) : [value as z.output<T>],
  );
}

const eventId = z.number().int('EventID must be a whole number').min(0).max(65535);
const conditionValue = z.union([z.string(), z.number()]);

// Channel and EventID have their own keys so the engine can index them; a condition on them would be
// invisible to that index.
const indexedFields: Readonly<Record<string, string>> = {
  channel: 'use `channels` instead of a condition on Channel',
  eventid: 'use `eventIds` instead of a condition on EventID',
};

export const selectorSchema = z
  .object({
    name: name.optional(),
    channels: oneOrMany(name).optional(),
    unrouted: z.literal(true).optional(),
    eventIds: oneOrMany(eventId).optional(),
    conditions: z.record(name, oneOrMany(conditionValue)).optional(),
    fieldMap: z.record(name, name).optional(),
  })
  .strict()
  .superRefine((selector, context) => {
    if ((selector.channels === undefined) === (selector.unrouted === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [],
        message: 'a selector needs exactly one of `channels` (Windows event logs) or `unrouted: true` (events without a Channel field)',
      });
    }
    if (selector.channels && selector.channels.includes('*') && selector.channels.length > 1) {
      context.addIssue({ code: 'custom', path: ['channels'], message: "'*' (any channel) must stand alone" });
    }
    for (const field of Object.keys(selector.conditions ?? {})) {
      const hint = indexedFields[field.toLowerCase()];
      if (hint) context.addIssue({ code: 'custom', path: ['conditions', field], message: hint });
    }
  });

export const logsourceSchema = z
  .object({ product: name.optional(), category: name.optional(), service: name.optional() })
  .strict()
  .refine((logsource) => Boolean(logsource.product ?? logsource.category ?? logsource.service), {
    message: 'a logsource needs at least one of product, category, service',
  });

export const entrySchema = z
  .object({
    logsource: logsourceSchema,
    selectors: z.array(selectorSchema).min(1, 'an entry needs at least one selector'),
  })
  .strict();

export const productPolicySchema = z.object({ unmapped: z.enum(['reject', 'unrouted']) }).strict();

/** The file's outline; entries and product policies are checked one at a time afterwards. */
export const fileSchema = z
  .object({
    version: z.literal(1, 'the mapping format version must be 1'),
    products: z.record(name, z.unknown()).optional(),
    mappings: z.array(z.unknown()).optional(),
  })
  .strict();

export type SelectorInput = z.output<typeof selectorSchema>;
export type EntryInput = z.output<typeof entrySchema>;
