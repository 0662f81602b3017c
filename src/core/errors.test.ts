import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS, EXIT_CODES, RampartError, exitCodeOf, rampartError, renderTemplate, type ErrorCode } from './errors.js';

const DOC = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

interface DocumentedError {
  message: string;
  status: number;
  exitCode: number;
  advice: string;
}

/** The rows of the "Error codes" table: `| \`CODE\` | message | status | exit | advice |`. */
function documentedErrors(markdown: string): Map<string, DocumentedError> {
  const rows = new Map<string, DocumentedError>();
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*`(RAMPART_E_[A-Z_]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!match) continue;
    const cells = match[2].split('|').map((cell) => cell.trim());
    expect(cells, `row for ${match[1]}`).toHaveLength(4);
    rows.set(match[1], { message: cells[0], status: Number(cells[1]), exitCode: Number(cells[2]), advice: cells[3] });
  }
  return rows;
}

/** The exit codes table: the first column of rows that start with a number. */
function documentedExitCodes(markdown: string): number[] {
  return markdown
    .split('\n')
    .map((line) => /^\|\s*(\d+)\s*\|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((match) => match[1]);
}

describe('error registry and docs/errors.md', () => {
  const documented = documentedErrors(DOC);
  const codes = Object.keys(ERRORS) as ErrorCode[];

  it('documents exactly the registered codes', () => {
    expect([...documented.keys()].sort()).toEqual([...codes].sort());
  });

  it.each(codes)('%s: the doc row matches the registry and says what to do', (code) => {
    const row = documented.get(code);
    expect(row).toBeDefined();
    expect(row?.message).toBe(ERRORS[code].message);
    expect(row?.status).toBe(ERRORS[code].status);
    expect(row?.exitCode).toBe(ERRORS[code].exitCode);
    expect(row?.advice.length).toBeGreaterThan(10);
  });

  it('documents every exit code', () => {
    expect(documentedExitCodes(DOC)).toEqual(Object.values(EXIT_CODES));
  });

  it.each(codes)('%s renders its template', (code) => {
    const names = placeholders(ERRORS[code].message);
    expect(names.length).toBeGreaterThan(0);
    const params = Object.fromEntries(names.map((name) => [name, `<${name}-value>`]));
    const error = new RampartError(code, params);
    expect(error.message).not.toMatch(/\{[A-Za-z]/);
    for (const name of names) expect(error.message).toContain(`<${name}-value>`);
    expect(error.code).toBe(code);
    expect(error.status).toBe(ERRORS[code].status);
    expect(error.exitCode).toBe(ERRORS[code].exitCode);
  });

  it('uses only known HTTP statuses and exit codes', () => {
    for (const code of codes) {
      expect(ERRORS[code].status).toBeGreaterThanOrEqual(400);
      expect(ERRORS[code].status).toBeLessThan(600);
      expect([EXIT_CODES.USAGE, EXIT_CODES.INTERNAL, EXIT_CODES.TAMPERED]).toContain(ERRORS[code].exitCode);
    }
  });
});

describe('rampartError', () => {
  it('fills the template and carries code, status and exit code', () => {
    const error = rampartError('RAMPART_E_INPUT_NOT_FOUND', { path: 'logs/missing.evtx' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(RampartError);
    expect(error.message).toBe('Input not found: logs/missing.evtx');
    expect(error.code).toBe('RAMPART_E_INPUT_NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.exitCode).toBe(2);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'RAMPART_E_INPUT_NOT_FOUND', message: 'Input not found: logs/missing.evtx', statusCode: 404 });
  });

  it('names the bad key of an invalid config', () => {
    const error = rampartError('RAMPART_E_CONFIG_INVALID', { file: 'rampart.yaml', key: 'store.url', reason: 'expected a URL' });
    expect(error.message).toBe('Invalid configuration in rampart.yaml at store.url: expected a URL');
  });

  it('keeps the cause', () => {
    const cause = new Error('EACCES');
    expect(rampartError('RAMPART_E_OUTPUT_UNWRITABLE', { path: 'out.jsonl', reason: 'permission denied' }, { cause }).cause).toBe(cause);
  });

  it('asks the type checker for every placeholder of the template', () => {
    // @ts-expect-error: `path` is missing
    const missing = rampartError('RAMPART_E_INPUT_NOT_FOUND', {});
    expect(missing.message).toBe('Input not found: {path}');
    // @ts-expect-error: `file` is not a placeholder of this message
    rampartError('RAMPART_E_INTERNAL', { reason: 'x', file: 'y' });
  });

  it('leaves a placeholder without a value visible', () => {
    expect(renderTemplate('a {x} b {y}', { x: 1 })).toBe('a 1 b {y}');
  });

  it('maps escaped errors to exit codes', () => {
    expect(exitCodeOf(rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--level', reason: 'unknown level' }))).toBe(2);
    expect(exitCodeOf(new TypeError('boom'))).toBe(3);
    expect(exitCodeOf('not an error')).toBe(3);
  });
});
