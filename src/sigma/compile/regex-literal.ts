// The longest literal text a regular expression cannot match without: an anchor for the prefilter,
// so a rule whose only test is a regex is not evaluated on every event. Conservative by design: it
// reads only a top-level sequence (no `|` outside groups), skips groups and classes, and drops a
// character that a quantifier makes optional; when unsure it returns nothing.

/** Characters that stand for themselves after a backslash. */
const ESCAPED_LITERAL = /[\\^$.|?*+()[\]{}/\-:'"`#%&,;<=>@!~ ]/;

export function requiredLiteral(source: string): string | undefined {
  if (hasTopLevelAlternation(source)) return undefined;
  let best = '';
  let run = '';
  const endRun = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    let literal: string | undefined;
    let width = 1;
    if (char === '\\') {
      const next = source[i + 1];
      if (next !== undefined && ESCAPED_LITERAL.test(next)) {
        literal = next;
        width = 2;
      } else {
        // \d, \w, \s, \b, \x41, \u0041, backreferences: not literal text this reader trusts.
        endRun();
        i += 1;
        continue;
      }
    } else if (char === '(' || char === '[') {
      endRun();
      const close = skipBracketed(source, i);
      if (close < 0) return undefined;
      i = close;
      // A quantifier after the group or class applies to it, not to text: nothing to undo.
      continue;
    } else if ('.^$'.includes(char)) {
      endRun();
      continue;
    } else if ('*+?{'.includes(char)) {
      // The quantifier applies to the character just added to the run: it may be absent or repeated.
      if (char === '{' && !/^\{\d*,?\d*\}/.test(source.slice(i))) return undefined;
      run = run.slice(0, -1);
      endRun();
      if (char === '{') i = source.indexOf('}', i);
      continue;
    } else if (char === ')' || char === ']' || char === '}') {
      return undefined;
    } else {
      literal = char;
    }
    const after = source[i + width];
    run += literal;
    i += width - 1;
    if (after === undefined) continue;
  }
  endRun();
  return best.length > 0 ? best : undefined;
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/** Index of the bracket closing the group or class opened at `start`, or -1. */
function skipBracketed(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') {
        inClass = false;
        if (depth === 0) return i;
      }
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
