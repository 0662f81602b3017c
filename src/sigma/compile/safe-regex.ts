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
  const jsFlags = [...new Set(flags.replace(/i/g, '').split(''))].filter((flag) => flag === 'm' || flag === 's').join('');
  if (caseInsensitive) pattern = caseFoldPattern(pattern);
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
 * A group repeated without bound (`*`, `+`, `{n,}`) that itself contains a quantifier, e.g. `(a+)+`
 * or `(\w+\s?)*`: the shape of catastrophic backtracking. A group repeated a bounded number of
 * times (`{2,20}`) backtracks at most polynomially in its bound and is allowed.
 */
export function hasNestedQuantifier(pattern: string): boolean {
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
      const innerQuantified = stack.pop() ?? false;
      const next = pattern[i + 1];
      // `?` after a group is not a repetition, so it cannot nest backtracking.
      const quantified = next === '*' || next === '+' || next === '{';
      if (innerQuantified && isUnbounded(pattern, i + 1)) return true;
      if (stack.length > 0 && (innerQuantified || quantified)) stack[stack.length - 1] = true;
    } else if ((char === '*' || char === '+' || char === '{') && stack.length > 0) {
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
    if (char === '\\') {
      const escape = readEscape(pattern, i);
      out += escape;
      i += escape.length - 1;
      continue;
    }
    if (inClass) {
      if (char === ']') {
        inClass = false;
        out += char;
        continue;
      }
      const rangeEnd = pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']' && pattern[i + 2] !== '\\' ? pattern[i + 2] : undefined;
      if (rangeEnd !== undefined) {
        out += `${char}-${rangeEnd}`;
        const lower = `${char.toLowerCase()}-${rangeEnd.toLowerCase()}`;
        const upper = `${char.toUpperCase()}-${rangeEnd.toUpperCase()}`;
        if (isLetter(char) && isLetter(rangeEnd)) out += lower === `${char}-${rangeEnd}` ? upper : lower;
        i += 2;
        continue;
      }
      out += isLetter(char) ? otherCases(char) : char;
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
    out += isLetter(char) ? `[${otherCases(char)}]` : char;
  }
  return out;
}

function isLetter(char: string): boolean {
  return char.toLowerCase() !== char.toUpperCase();
}

function otherCases(char: string): string {
  const variants = new Set([char, char.toLowerCase(), char.toUpperCase()]);
  return [...variants].join('');
}

/** The whole escape sequence starting at a backslash: `\d`, `\x41`, `\u{1F600}`, `\cA`, ... */
function readEscape(pattern: string, start: number): string {
  const next = pattern[start + 1];
  if (next === undefined) return '\\';
  if (next === 'x') return pattern.slice(start, start + 4);
  if (next === 'u') {
    if (pattern[start + 2] === '{') {
      const close = pattern.indexOf('}', start);
      return close > 0 ? pattern.slice(start, close + 1) : pattern.slice(start, start + 2);
    }
    return pattern.slice(start, start + 6);
  }
  if (next === 'c') return pattern.slice(start, start + 3);
  if (next === 'p' || next === 'P') {
    const close = pattern.indexOf('}', start);
    return close > 0 ? pattern.slice(start, close + 1) : pattern.slice(start, start + 2);
  }
  return pattern.slice(start, start + 2);
}
