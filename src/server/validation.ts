// Request validation: bodies are checked strictly — wrong types are errors, not coerced, and unknown
// fields are refused rather than silently dropped (Fastify's defaults do both). Query strings and URL
// parameters arrive as text, so there numbers and booleans are coerced from it.
import { Ajv, type Options } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { isCalendarDate } from '../core/regulations/calendar-date.js';
import { isUuid } from '../store/organisations.js';

const COMMON: Options = { allErrors: false, useDefaults: true, removeAdditional: false, strict: true, allowUnionTypes: true };

export function registerValidation(app: FastifyInstance): void {
  const forBodies = new Ajv({ ...COMMON, coerceTypes: false });
  const forText = new Ajv({ ...COMMON, coerceTypes: 'array' });
  for (const ajv of [forBodies, forText]) {
    ajv.addFormat('date-time', { type: 'string', validate: (text: string) => /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)) });
    ajv.addFormat('uuid', { type: 'string', validate: isUuid });
    // A day on the calendar, YYYY-MM-DD, that exists (no 2026-02-30).
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
    // OpenAPI keywords the documentation uses, which are not JSON Schema validation keywords.
    ajv.addKeyword('example');
  }
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? forBodies : forText).compile(schema));
}
