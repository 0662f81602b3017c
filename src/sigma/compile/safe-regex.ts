// Regular expressions from rules, made unable to hang the engine.
//
// V8 can run a regex on its linear-time engine when backtracking gets out of hand
// (--enable-experimental-regexp-engine-on-excessive-backtracks). That engine cannot do the `i` flag,
// lookarounds or backreferences, so: `i` is rewritten into explicit [aA] classes; a pattern the linear
// engine accepts is safe; one it does not accept is refused when it has nested quantifiers (the shape
// of catastrophic backtracking) and otherwise runs on the backtracking engine, whose worst case is then
// polynomial. Setting the V8 flag is the one piece of process state this module touches.
import { setFlagsFromString } from 'node:v8';
import { RuleProblem } from '../parse/rule-problem.js';

let flagsSet = false;
function enableLinearFallback(): void {
  if (flagsSet) return;
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  setFlagsFromString('--enable-experimental-regexp-engine');
  flagsSet = true;
}

/** Compiles a rule's regex (PCRE-style source, Sigma flags i/m/s) into a safe RegExp. */
export function compileSafeRegex(source: string, sigmaFlags: string): RegExp {
  enableLinearFallback();
  let pattern = source;
  let flags = sigmaFlags;
  // PCRE inline flags at the start, e.g. `(?i)`, which JavaScript does not support.
  const inline = /^\(\?([imsx]+)\)/.exec(pattern);
  if (inline) {
    pattern = pattern.slice(inline[0].length);
    flags += inline[1].replace(/x/g, '');
  }
  const caseInsensitive = flags.includes('i');
  // A backreference compares case-insensitively only under the real `i` flag; such a pattern cannot
  // use the linear engine anyway, so it keeps the flag instead of being folded.
  const nativeCase = caseInsensitive && /\\(k<|[1-9])/.test(pattern);
  const jsFlags = [...new Set(flags.replace(/i/g, nativeCase ? 'i' : '').split(''))].filter((flag) => flag === 'm' || flag === 's' || flag === 'i').join('');
  if (caseInsensitive && !nativeCase) pattern = caseFoldPattern(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, jsFlags);
  } catch (error) {
    throw new RuleProblem('SIGMA_BAD_REGEX', `invalid regular expression /${source}/: ${(error as Error).message}`);
  }
  if (!runsInLinearTime(pattern, jsFlags) && hasNestedQuantifier(pattern)) {
    throw new RuleProblem('SIGMA_UNSAFE_REGEX', `regular expression /${source}/ could backtrack catastrophically (nested quantifiers) and cannot run on the linear-time engine`);
  }
  return regex;
}

function runsInLinearTime(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags + 'l');
    return true;
  } catch {
    return false;
  }
}

/**
 * A group repeated without bound (`*`, `+`, `{n,}`) that itself contains a quantifier or an
 * alternation, e.g. `(a+)+`, `(\w+\s?)*` or `(a|aa)+`: the shapes of catastrophic backtracking. A
 * group repeated a bounded number of times (`{2,20}`) backtracks at most polynomially in its bound and
 * is allowed.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  // Per open group: does it contain a quantifier or an alternation (directly or in a nested group)?
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') stack.push(false);
    else if (char === ')') {
      const ambiguousInside = stack.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (ambiguousInside && isUnbounded(pattern, i + 1)) return true;
      if (stack.length > 0 && (ambiguousInside || quantified)) stack[stack.length - 1] = true;
    } else if ((char === '*' || char === '+' || char === '{' || char === '|') && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
  }
  return false;
}

function isUnbounded(pattern: string, at: number): boolean {
  const char = pattern[at];
  if (char === '*' || char === '+') return true;
  if (char !== '{') return false;
  return /^\{\d*,\}/.test(pattern.slice(at));
}

/** Rewrites a pattern so that it matches letters in either case without the `i` flag. */
export function caseFoldPattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (inClass) {
      if (char === ']') {
        inClass = false;
        out += char;
        continue;
      }
      const first = readAtom(pattern, i);
      const dash = i + first.text.length;
      if (pattern[dash] === '-' && pattern[dash + 1] !== undefined && pattern[dash + 1] !== ']') {
        const last = readAtom(pattern, dash + 1);
        out += `${first.text}-${last.text}`;
        if (first.char !== undefined && last.char !== undefined) out += foldedRanges(first.char, last.char);
        i = dash + last.text.length;
        continue;
      }
      out += first.text + (first.char !== undefined ? otherCases(first.char).replace(first.char, '') : '');
      i += first.text.length - 1;
      continue;
    }
    if (char === '\\') {
      const atom = readAtom(pattern, i);
      const variants = atom.char !== undefined ? otherCases(atom.char) : '';
      out += variants.length > 1 ? `[${atom.text}${variants.replace(atom.char as string, '')}]` : atom.text;
      i += atom.text.length - 1;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (char === '(' && pattern[i + 1] === '?' && pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
      // A named group `(?<name>`: the name is not text to match.
      const close = pattern.indexOf('>', i);
      if (close > i) {
        out += pattern.slice(i, close + 1);
        i = close;
        continue;
      }
    }
    if (char === '{') {
      // A quantifier {n,m}: copy unchanged.
      const close = pattern.indexOf('}', i);
      if (close > i && /^\{\d*,?\d*\}$/.test(pattern.slice(i, close + 1))) {
        out += pattern.slice(i, close + 1);
        i = close;
        continue;
      }
    }
    const variants = otherCases(char);
    out += variants.length > 1 ? `[${variants}]` : char;
  }
  return out;
}

/**
 * The character and its other cases, as the `i` flag (without `u`) sees them: one-character case
 * mappings only, and never from a non-ASCII letter to an ASCII one (so ß, ı and ſ stay alone).
 */
function otherCases(char: string): string {
  const canonical = (c: string): string => {
    const upper = c.toUpperCase();
    if (upper.length !== 1) return c;
    if (c.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) return c;
    return upper;
  };
  const key = canonical(char);
  const variants = new Set([char]);
  for (const candidate of [char.toUpperCase(), char.toLowerCase()]) {
    if (candidate.length === 1 && canonical(candidate) === key) variants.add(candidate);
  }
  return [...variants].join('');
}

/** For a class range of letters (a-z, \x41-\x5a), the same range in the other case. */
function foldedRanges(first: string, last: string): string {
  const start = first.charCodeAt(0);
  const end = last.charCodeAt(0);
  if (end < start || end - start > 0x400) return '';
  const codes = new Set<number>();
  for (let code = start; code <= end; code++) {
    for (const variant of otherCases(String.fromCharCode(code))) {
      const other = variant.charCodeAt(0);
      if (other < start || other > end) codes.add(other);
    }
  }
  // Runs of consecutive characters become ranges again: [a-f] gives A-F, not ABCDEF.
  const sorted = [...codes].sort((a, b) => a - b);
  let extra = '';
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const from = escapeClassChar(String.fromCharCode(sorted[i]));
    extra += j - i >= 2 ? `${from}-${escapeClassChar(String.fromCharCode(sorted[j]))}` : sorted.slice(i, j + 1).map((code) => escapeClassChar(String.fromCharCode(code))).join('');
    i = j;
  }
  return extra;
}

function escapeClassChar(char: string): string {
  return /[\\\]^-]/.test(char) ? `\\${char}` : char;
}

/** One pattern atom at `start`: an escape sequence or a single character, with the character it stands for when it is a literal. */
function readAtom(pattern: string, start: number): { text: string; char?: string } {
  const char = pattern[start];
  if (char !== '\\') return { text: char, char };
  const next = pattern[start + 1];
  if (next === undefined) return { text: '\\' };
  if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(pattern.slice(start + 2, start + 4))) {
    return { text: pattern.slice(start, start + 4), char: String.fromCharCode(parseInt(pattern.slice(start + 2, start + 4), 16)) };
  }
  if (next === 'u') {
    if (pattern[start + 2] === '{') {
      const close = pattern.indexOf('}', start);
      return { text: close > 0 ? pattern.slice(start, close + 1) : pattern.slice(start, start + 2) };
    }
    if (/^[0-9a-fA-F]{4}$/.test(pattern.slice(start + 2, start + 6))) {
      return { text: pattern.slice(start, start + 6), char: String.fromCharCode(parseInt(pattern.slice(start + 2, start + 6), 16)) };
    }
    return { text: pattern.slice(start, start + 2) };
  }
  if (next === 'c') return { text: pattern.slice(start, start + 3) };
  if (next === 'k' && pattern[start + 2] === '<') {
    // A named backreference `\k<name>`: the name is not text to match.
    const close = pattern.indexOf('>', start);
    return { text: close > 0 ? pattern.slice(start, close + 1) : pattern.slice(start, start + 2) };
  }
  if (next === 'p' || next === 'P') {
    const close = pattern.indexOf('}', start);
    return { text: close > 0 ? pattern.slice(start, close + 1) : pattern.slice(start, start + 2) };
  }
  // `\.`, `\d`, `\W`, ...: a class escape or an escaped punctuation mark, never a letter to fold.
  return { text: pattern.slice(start, start + 2) };
}
