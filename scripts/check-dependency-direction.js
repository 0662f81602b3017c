#!/usr/bin/env node
// Keeps the dependency direction of DESIGN.md: data flows readers → engine → detections → sinks, and
// modules never import the layers built on them. Scans every src/**/*.ts for relative imports and
// exports, resolves the top-level folder each one reaches, and checks it against the table below.
// Also keeps sigma/ and logs/ pure: no network, database or HTTP server packages.
//
// Usage: node scripts/check-dependency-direction.js [ROOT]   (ROOT holds src/; default: this repo)
// Exit 0 when clean, 1 on a violation (each printed as file:line and the rule broken).
// Plain Node, no dependencies, so it runs before `npm ci` has installed anything.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Module folder under src/ → the folders it may import. A new folder must be added here. */
const ALLOWED = {
  core: ['core'],
  sigma: ['core', 'sigma'],
  logs: ['core', 'logs'],
  hunt: ['core', 'sigma', 'logs', 'hunt'],
  store: ['core', 'store'],
  incidents: ['core', 'store', 'incidents'],
  datasec: ['core', 'datasec'],
  stream: ['core', 'sigma', 'logs', 'store', 'incidents', 'stream'],
  server: ['core', 'sigma', 'logs', 'hunt', 'store', 'incidents', 'datasec', 'stream', 'server'],
  cli: ['core', 'sigma', 'logs', 'hunt', 'store', 'incidents', 'datasec', 'stream', 'server', 'cli'],
};

/** Folders that must stay pure (DESIGN.md: no database, no network, no process state). */
const PURE = ['sigma', 'logs'];

/** Packages a pure module may not import: exact names, or scopes / prefixes ending in '/'. */
const IMPURE_PACKAGES = [
  'node:net', 'net', 'node:http', 'http', 'node:https', 'https', 'node:http2', 'http2', 'node:tls', 'tls', 'node:dgram', 'dgram',
  'pg', '@electric-sql/pglite', '@nats-io/', 'fastify',
];

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const srcDir = path.join(root, 'src');

try {
  if (!statSync(srcDir).isDirectory()) throw new Error('not a directory');
} catch {
  console.error(`dependency direction: no src/ folder under ${root}`);
  process.exit(2);
}

const files = listTypeScript(srcDir);
const violations = [];
for (const file of files) {
  const relativeFile = toPosix(path.relative(root, file));
  const source = readFileSync(file, 'utf8');
  const fromFolder = topFolder(path.relative(srcDir, file));
  if (fromFolder === undefined) {
    violations.push(`${relativeFile}:1: files directly under src/ belong to no module; move it into a module folder (${Object.keys(ALLOWED).join(', ')})`);
    continue;
  }
  if (!(fromFolder in ALLOWED)) {
    violations.push(`${relativeFile}:1: src/${fromFolder}/ is not in the dependency table of scripts/check-dependency-direction.js; add it there (and to DESIGN.md)`);
    continue;
  }
  for (const { specifier, line } of importSpecifiers(source)) {
    const where = `${relativeFile}:${line}`;
    if (specifier.startsWith('.')) {
      const target = path.resolve(path.dirname(file), specifier);
      const relativeTarget = path.relative(srcDir, target);
      // Reaching outside src/ (package.json, data files) is not a module dependency.
      if (relativeTarget.startsWith('..') || path.isAbsolute(relativeTarget)) continue;
      const toFolder = topFolder(relativeTarget);
      if (toFolder === undefined) {
        violations.push(`${where}: ${fromFolder} imports '${specifier}', a file directly under src/ that belongs to no module`);
      } else if (!ALLOWED[fromFolder].includes(toFolder)) {
        violations.push(`${where}: ${fromFolder} may not import ${toFolder} ('${specifier}'); ${fromFolder} may import only ${ALLOWED[fromFolder].join(', ')}`);
      }
    } else if (PURE.includes(fromFolder) && isImpure(specifier)) {
      violations.push(`${where}: ${fromFolder} must stay pure (no network, database or server) but imports '${specifier}'`);
    }
  }
}

for (const violation of violations) console.error(violation);
console.log(`dependency direction: ${files.length} files checked, ${violations.length} violation${violations.length === 1 ? '' : 's'}`);
process.exit(violations.length === 0 ? 0 : 1);

function listTypeScript(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listTypeScript(full));
    else if (entry.isFile() && /\.(ts|mts|cts|tsx)$/.test(entry.name)) found.push(full);
  }
  return found;
}

/** The first folder of a path relative to src/, or undefined for a file directly in src/. */
function topFolder(relativePath) {
  const parts = relativePath.split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
}

function toPosix(file) {
  return file.split(path.sep).join('/');
}

function isImpure(specifier) {
  return IMPURE_PACKAGES.some((name) => (name.endsWith('/') ? specifier.startsWith(name) : specifier === name || specifier.startsWith(`${name}/`)));
}

/**
 * The module specifiers of `import … from`, `export … from`, `import '…'`, `import('…')` and
 * `import x = require('…')`, with their 1-based line. Comments are blanked first so that commented-out
 * imports do not count; strings are kept since the specifiers are strings.
 */
function importSpecifiers(source) {
  const code = blankComments(source);
  const patterns = [
    // import x from '…' · import { a, type B } from '…' · export * as ns from '…' · import type X from '…'
    /(?<![\w$.])(?:import|export)(?:\s+type)?\s*[\w$\s{},*]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
    // import '…' (for side effects)
    /(?<![\w$.])import\s*(['"])([^'"\n]+)\1/g,
    // import('…') · require('…')
    /(?<![\w$.])(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ];
  const found = new Map();
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const offset = match.index + match[0].lastIndexOf(match[2]);
      found.set(offset, match[2]);
    }
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([offset, specifier]) => ({ specifier, line: lineAt(code, offset) }));
}

function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Replaces comments with spaces (newlines kept, so offsets and lines stay right). Knows strings,
 * template literals (with `${…}` nesting) and regular expression literals well enough not to take a
 * `//` inside them for a comment.
 */
function blankComments(source) {
  const out = source.split('');
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  // Stack of open contexts: 'code' entries count braces so that `}` can close a template's `${`.
  const stack = [{ kind: 'code', depth: 0 }];
  let i = 0;
  let lastSignificant = '';
  let lastWord = '';
  while (i < source.length) {
    const top = stack[stack.length - 1];
    const ch = source[i];
    const next = source[i + 1];
    if (top.kind === 'template') {
      if (ch === '\\') i += 2;
      else if (ch === '`') {
        stack.pop();
        i++;
        lastSignificant = '`';
      } else if (ch === '$' && next === '{') {
        stack.push({ kind: 'code', depth: 0 });
        i += 2;
        lastSignificant = '{';
      } else i++;
      continue;
    }
    if (ch === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (ch === '"' || ch === "'") {
      i = skipQuoted(source, i, ch);
      lastSignificant = ch;
      lastWord = '';
      continue;
    }
    if (ch === '`') {
      stack.push({ kind: 'template' });
      i++;
      continue;
    }
    if (ch === '/' && startsRegex(lastSignificant, lastWord)) {
      i = skipRegex(source, i);
      lastSignificant = '/';
      lastWord = '';
      continue;
    }
    if (ch === '{') top.depth++;
    if (ch === '}') {
      if (top.depth === 0 && stack.length > 1) {
        stack.pop();
        i++;
        continue;
      }
      top.depth--;
    }
    if (/[\w$]/.test(ch)) {
      let end = i;
      while (end < source.length && /[\w$]/.test(source[end])) end++;
      lastWord = source.slice(i, end);
      lastSignificant = 'a';
      i = end;
      continue;
    }
    if (!/\s/.test(ch)) {
      lastSignificant = ch;
      lastWord = '';
    }
    i++;
  }
  return out.join('');
}

function skipQuoted(source, start, quote) {
  let i = start + 1;
  while (i < source.length && source[i] !== quote && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** A `/` starts a regular expression after an operator or punctuation, or after a keyword like `return`. */
function startsRegex(lastSignificant, lastWord) {
  if (lastSignificant === 'a') return ['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await'].includes(lastWord);
  return lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant);
}

function skipRegex(source, start) {
  let i = start + 1;
  let inClass = false;
  while (i < source.length && source[i] !== '\n') {
    const ch = source[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '/' && !inClass) return i + 1;
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    i++;
  }
  return i;
}
