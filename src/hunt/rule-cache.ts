// Parsed rules kept on disk between runs, so that a second hunt over the same rules skips YAML and
// Sigma parsing (about two thirds of loading SigmaHQ without it). One pack file per list of rule paths,
// holding per rule file the hash of its text and what parseRuleFile returned for it (rules and located
// errors). A pack written by another Rampart version or parser, or for other placeholder values, is
// ignored whole; an entry whose file text changed is parsed again. The cache is an optimisation only:
// anything wrong with it (missing, unreadable, corrupt, truncated, half-written) is silently treated as
// empty, and failing to write it is not an error.
//
// Writers (several processes, or hunt worker threads each loading the rules) write a temporary file
// and rename it over the pack, which POSIX makes atomic: a reader sees the old pack or a new one, whole.
// The last writer wins; every pack written is complete and correct for the files it covers.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { ParsedRuleCache } from '../sigma/parse/load-rules.js';
import type { RuleLoadResult } from '../sigma/parse/rule-types.js';
import type { PlaceholderValues } from '../sigma/parse/placeholders.js';
import { findPackageRoot } from '../core/package-root.js';

/** Bumped when the pack layout changes; parser changes are caught by hashing the parser's code. */
const FORMAT = 1;
const MAGIC = 'rampart-rule-cache';

interface Entry {
  readonly hash: string;
  /** Undefined for a file parsed again every time (its rules hold a number JSON cannot carry). */
  readonly result: RuleLoadResult | undefined;
  /** JSON of `result` (`null` for none), kept for entries parsed in this run: written as is. */
  readonly json?: string;
}

/**
 * The cache folder: $RAMPART_CACHE_DIR, else $XDG_CACHE_HOME/rampart, else ~/.cache/rampart; null when
 * $RAMPART_CACHE is off, 0, false or no.
 */
export function ruleCacheDirectory(env: NodeJS.ProcessEnv = process.env): string | null {
  if (/^(?:off|0|false|no)$/i.test(env.RAMPART_CACHE ?? '')) return null;
  if (env.RAMPART_CACHE_DIR) return env.RAMPART_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'rampart');
  return join(homedir(), '.cache', 'rampart');
}

export class RuleCache implements ParsedRuleCache {
  private readonly file: string;
  private readonly identity: string;
  private readonly stored: Map<string, Entry>;
  private readonly used = new Map<string, Entry>();
  private changed = false;
  private lastHash: { file: string; hash: string } | undefined;

  constructor(
    private readonly directory: string,
    rulePaths: readonly string[],
    placeholders: PlaceholderValues,
  ) {
    this.file = join(directory, `rules-${sha1(JSON.stringify(rulePaths)).slice(0, 16)}.cache`);
    this.identity = JSON.stringify({ format: FORMAT, version: rampartVersion(), parser: parserCodeHash(), placeholders: sha1(canonicalJson(placeholders)) });
    this.stored = readPack(this.file, this.identity);
  }

  get(file: string, text: string): RuleLoadResult | undefined {
    const entry = this.stored.get(file);
    this.lastHash = { file, hash: sha1(text) };
    if (entry === undefined || entry.hash !== this.lastHash.hash || entry.result === undefined) return undefined;
    this.used.set(file, entry);
    return entry.result;
  }

  set(file: string, text: string, result: RuleLoadResult, json = JSON.stringify(result)): void {
    const hash = this.lastHash?.file === file ? this.lastHash.hash : sha1(text);
    // JSON writes NaN and Infinity as null, so a result whose JSON holds a null value is parsed every
    // time (parsed rules hold no null; a rule compares with numbers, all finite, so this does not
    // happen today), and its entry says so, so that it does not make every run rewrite the pack.
    const exact = !NULL_VALUE.test(json);
    const before = this.stored.get(file);
    if (exact || before === undefined || before.hash !== hash || before.result !== undefined) this.changed = true;
    this.used.set(file, exact ? { hash, result, json } : { hash, result: undefined, json: 'null' });
  }

  /** Writes the pack when this run parsed anything or no longer has a file it held. Never throws. */
  save(): void {
    if (!this.changed && this.used.size === this.stored.size) return;
    const temporary = `${this.file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
    let descriptor: number | undefined;
    try {
      mkdirSync(this.directory, { recursive: true, mode: 0o700 });
      descriptor = openSync(temporary, 'w', 0o600);
      writePack(descriptor, this.identity, this.used);
      closeSync(descriptor);
      descriptor = undefined;
      renameSync(temporary, this.file);
    } catch {
      try {
        if (descriptor !== undefined) closeSync(descriptor);
        unlinkSync(temporary);
      } catch {
        // Nothing was written.
      }
    }
  }
}

/**
 * Writes the pack in pieces, so that it never exists whole in memory (11 MB for SigmaHQ, and several
 * copies of it while building): a header of fixed length first, the payload, then the header again
 * with the payload's checksum. The payload is ASCII only (other characters as \u escapes): read back
 * as Latin-1, which V8 decodes and JSON.parse reads faster than UTF-8.
 */
function writePack(descriptor: number, identity: string, entries: ReadonlyMap<string, Entry>): void {
  const hash = createHash('sha1');
  writeSync(descriptor, header('0'.repeat(40)));
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = (): void => {
    const bytes = Buffer.from(pending.join('').replace(NON_ASCII, escapeCharacter), 'latin1');
    hash.update(bytes);
    writeSync(descriptor, bytes);
    pending = [];
    pendingLength = 0;
  };
  const write = (text: string): void => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= 1 << 16) flush();
  };
  write(`{"identity":${JSON.stringify(identity)},"entries":{`);
  let separator = '';
  for (const [file, entry] of entries) {
    write(`${separator}${JSON.stringify(file)}:{"hash":${JSON.stringify(entry.hash)},"result":${entry.json ?? JSON.stringify(entry.result)}}`);
    separator = ',';
  }
  write('}}');
  flush();
  const final = header(hash.digest('hex'));
  writeSync(descriptor, final, 0, final.length, 0);
}

function header(checksum: string): Buffer {
  return Buffer.from(`${MAGIC} ${checksum}\n`, 'latin1');
}

/** The pack's entries, or none when it is missing, damaged or of another identity. */
function readPack(file: string, identity: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  try {
    const { text, payloadChecksum } = readPackText(file);
    const newline = text.indexOf('\n');
    if (newline < 0) return entries;
    const [magic, checksum] = text.slice(0, newline).split(' ');
    if (magic !== MAGIC || checksum !== payloadChecksum) return entries;
    const parsed = JSON.parse(text.slice(newline + 1)) as { identity?: unknown; entries?: Record<string, { hash?: unknown; result?: RuleLoadResult | null }> };
    if (parsed.identity !== identity || typeof parsed.entries !== 'object' || parsed.entries === null) return entries;
    for (const [name, entry] of Object.entries(parsed.entries)) {
      const result = entry?.result;
      if (typeof entry?.hash !== 'string') return new Map();
      if (result === null) entries.set(name, { hash: entry.hash, result: undefined, json: 'null' });
      else if (Array.isArray(result?.rules) && Array.isArray(result?.errors)) entries.set(name, { hash: entry.hash, result });
      else return new Map();
    }
  } catch {
    return new Map();
  }
  return entries;
}

const READ_PIECE_BYTES = 1 << 20;

/**
 * The pack as Latin-1 text, read a piece at a time through one small buffer, and the SHA-1 of what
 * follows its first line. Read whole into one 11 MB buffer, it made glibc raise its threshold for
 * handing freed memory back to the system to that size: from then on, each hunt thread kept every
 * block up to 11 MB it freed (about 30 MB more at the peak of a two-thread hunt, measured).
 */
function readPackText(file: string): { readonly text: string; readonly payloadChecksum: string | undefined } {
  const descriptor = openSync(file, 'r');
  try {
    const piece = Buffer.allocUnsafe(READ_PIECE_BYTES);
    const pieces: string[] = [];
    const hash = createHash('sha1');
    let inPayload = false;
    for (let bytes; (bytes = readSync(descriptor, piece, 0, READ_PIECE_BYTES, null)) > 0; ) {
      const read = piece.subarray(0, bytes);
      if (inPayload) hash.update(read);
      else {
        const newline = read.indexOf(10);
        if (newline >= 0) {
          hash.update(read.subarray(newline + 1));
          inPayload = true;
        }
      }
      pieces.push(read.toString('latin1'));
    }
    return { text: pieces.join(''), payloadChecksum: inPayload ? hash.digest('hex') : undefined };
  } finally {
    closeSync(descriptor);
  }
}

const NON_ASCII = /[\u0080-\uffff]/g;
/** A JSON null value (not the string "null"). Exported for parse-in-parallel.ts. */
export const NULL_VALUE = /[:,[]null[,\]}]/;
const escapeCharacter = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** JSON with object keys sorted, so that the same placeholder values always hash the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

let versionMemo: string | undefined;
function rampartVersion(): string {
  if (versionMemo === undefined) {
    const root = findPackageRoot(import.meta.url);
    try {
      versionMemo = String((JSON.parse(readFileSync(join(root ?? '.', 'package.json'), 'utf8')) as { version?: unknown }).version);
    } catch {
      versionMemo = 'unknown';
    }
  }
  return versionMemo;
}

let parserMemo: string | undefined;
/**
 * A hash of the rule parser's own code (sigma/parse/, as it runs: .ts under the tests, .js when built),
 * so that a changed parser never reads packs written by an older one, version number or not.
 */
function parserCodeHash(): string {
  if (parserMemo === undefined) {
    const hash = createHash('sha1');
    try {
      const directory = fileURLToPath(new URL('../sigma/parse/', import.meta.url));
      for (const name of readdirSync(directory).sort()) {
        if (/\.(?:js|ts)$/.test(name) && !/\.(?:test|d)\.ts$/.test(name)) hash.update(name).update(readFileSync(join(directory, name)));
      }
      parserMemo = hash.digest('hex');
    } catch {
      // Without its own code to hash, the cache cannot tell an old pack from a current one.
      parserMemo = randomBytes(20).toString('hex');
    }
  }
  return parserMemo;
}
