// The registry of operational errors: what goes wrong around the work (a missing input, a bad config,
// an unwritable output), as opposed to problems in a rule, which are data (see sigma/parse).
// One code per failure, one message template, one HTTP status for the server and one exit code for the
// CLI, so both front ends report the same failure the same way. docs/errors.md lists every code and
// says what the user should do; errors.test.ts keeps the two in step.

/** Exit codes of the `rampart` command (docs/errors.md, "Exit codes"). */
export const EXIT_CODES = {
  /** The command finished, with or without detections. */
  OK: 0,
  /** The command finished and found detections, and `--fail-on-detection` was given. */
  DETECTIONS: 1,
  /** Bad usage, input, rules or configuration: the user can fix it. */
  USAGE: 2,
  /** A bug or an unexpected failure inside Rampart. */
  INTERNAL: 3,
  /** A verification found tampering: `rampart audit verify` met an edited or deleted audit row. */
  TAMPERED: 4,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

export interface ErrorDefinition {
  /** Message template: `{name}` is replaced by the parameter `name`. */
  readonly message: string;
  /** HTTP status when the error reaches the server's API. */
  readonly status: number;
  /** Exit code when the error ends a CLI command. */
  readonly exitCode: ExitCode;
}

export const ERRORS = {
  RAMPART_E_INPUT_NOT_FOUND: { message: 'Input not found: {path}', status: 404, exitCode: 2 },
  RAMPART_E_INPUT_UNREADABLE: { message: 'Input cannot be read: {path}: {reason}', status: 422, exitCode: 2 },
  RAMPART_E_RULES_NOT_FOUND: { message: 'Rules not found: {path}', status: 404, exitCode: 2 },
  RAMPART_E_NO_RULES_LOADED: {
    message: 'No usable rules in {path}: {problems} rule file(s) rejected, none left to run',
    status: 422,
    exitCode: 2,
  },
  RAMPART_E_CONFIG_INVALID: { message: 'Invalid configuration in {file} at {key}: {reason}', status: 500, exitCode: 2 },
  RAMPART_E_CONFIG_NOT_FOUND: { message: 'Configuration file not found: {file}', status: 500, exitCode: 2 },
  RAMPART_E_MAPPING_INVALID: { message: 'Invalid log-source mapping in {file} at {location}: {reason}', status: 500, exitCode: 2 },
  RAMPART_E_REGULATION_INVALID: { message: 'Invalid regulation data in {file} at line {line}, key {key}: {reason}', status: 500, exitCode: 2 },
  RAMPART_E_REGULATION_NOT_FOUND: { message: 'Regulation data file not found: {file}', status: 500, exitCode: 2 },
  RAMPART_E_OUTPUT_UNWRITABLE: { message: 'Cannot write output {path}: {reason}', status: 500, exitCode: 2 },
  RAMPART_E_BAD_ARGUMENT: { message: 'Bad argument {argument}: {reason}', status: 400, exitCode: 2 },
  RAMPART_E_DATABASE_UNREACHABLE: { message: 'Cannot open the database {target}: {reason}', status: 503, exitCode: 2 },
  RAMPART_E_SCHEMA_NEWER: { message: 'The database has migrations this version of Rampart does not know ({migrations}): a newer version has used it', status: 500, exitCode: 2 },
  RAMPART_E_AUDIT_TAMPERED: { message: 'The audit log was changed: {reason}', status: 500, exitCode: 4 },
  RAMPART_E_UNAUTHENTICATED: { message: 'Authentication required: {reason}', status: 401, exitCode: 2 },
  RAMPART_E_FORBIDDEN: { message: 'Not allowed: {reason}', status: 403, exitCode: 2 },
  RAMPART_E_NOT_FOUND: { message: '{entity} not found: {id}', status: 404, exitCode: 2 },
  RAMPART_E_INVALID_REQUEST: { message: 'Invalid request: {reason}', status: 400, exitCode: 2 },
  RAMPART_E_CONFLICT: { message: 'Conflict: {reason}', status: 409, exitCode: 2 },
  RAMPART_E_BODY_TOO_LARGE: { message: 'Request body too large: the limit is {limit} bytes', status: 413, exitCode: 2 },
  RAMPART_E_RATE_LIMITED: { message: 'Too many requests: {reason}', status: 429, exitCode: 2 },
  RAMPART_E_PUSH_FAILED: { message: 'Pushing detections to {url} failed: {reason}', status: 502, exitCode: 2 },
  RAMPART_E_CATALOG_FAILED: { message: 'Recording the scan in the data catalog at {url} failed: {reason}', status: 502, exitCode: 2 },
  RAMPART_E_INTERNAL: { message: 'Internal error: {reason}', status: 500, exitCode: 3 },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

/** The `{name}` placeholders of a message template, as a union of names. */
export type TemplateParams<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | TemplateParams<Rest> : never;

/** The parameters an error code's message needs. */
export type ErrorParams<C extends ErrorCode> = Readonly<Record<TemplateParams<(typeof ERRORS)[C]['message']>, string | number>>;

export class RampartError extends Error {
  override readonly name = 'RampartError';
  readonly code: ErrorCode;
  /** HTTP status for the server. */
  readonly status: number;
  /** Exit code for the CLI. */
  readonly exitCode: ExitCode;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}, options?: { cause?: unknown }) {
    const definition: ErrorDefinition = ERRORS[code];
    super(renderTemplate(definition.message, params), options);
    this.code = code;
    this.status = definition.status;
    this.exitCode = definition.exitCode;
    this.params = params;
  }

  /** The API's error body: the code lets clients act on the error without parsing the message. */
  toJSON(): { code: ErrorCode; message: string; statusCode: number } {
    return { code: this.code, message: this.message, statusCode: this.status };
  }
}

/** Builds the error for `code`, its message filled from `params`. */
export function rampartError<C extends ErrorCode>(code: C, params: ErrorParams<C>, options?: { cause?: unknown }): RampartError {
  return new RampartError(code, params, options);
}

export function isRampartError(value: unknown): value is RampartError {
  return value instanceof RampartError;
}

/** The exit code a CLI command ends with when `error` escapes it: anything unregistered is internal. */
export function exitCodeOf(error: unknown): ExitCode {
  return isRampartError(error) ? error.exitCode : EXIT_CODES.INTERNAL;
}

/**
 * Replaces each `{name}` in `template` with `params[name]`. A placeholder without a value stays as it
 * is, so a missing parameter shows in the message instead of vanishing.
 */
export function renderTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : placeholder,
  );
}
