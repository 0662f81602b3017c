// Where a pretty-printed record ends, found without scanning it: a printer that indents puts the
// closing brace of a record alone on a line, at the indentation of its opening brace, and nothing
// inside the record there. The cut is a guess until the record parses; see JsonRecordScanner.

import { LINE_FEED } from './json-chars.js';

/**
 * The index just past the `}` that closes the record whose `{` is at `at`, first on its line after
 * `indent` characters of indentation; or -1 when the indentation or the closing line is not in `text`.
 */
export function prettyRecordEnd(text: string, at: number, indent: number): number {
  const lineStart = at - indent;
  if (lineStart < 0 || (lineStart > 0 && text.charCodeAt(lineStart - 1) !== LINE_FEED)) return -1;
  const closer = `\n${text.slice(lineStart, at)}}`;
  const closeAt = text.indexOf(closer, at);
  return closeAt === -1 ? -1 : closeAt + closer.length;
}

/** Line feeds in `text` from `from` up to, not including, `to`. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
