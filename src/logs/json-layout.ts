// Which of the JSON layouts a file uses, decided from its first lines rather than its extension
// (`.json` files are as often NDJSON as pretty-printed). The layout picks the reader: NDJSON goes
// through the fast line splitter; everything else through the record scanner.

/**
 * `ndjson`: one object per line. `scanned`: pretty-printed objects one after another, or an array.
 * `not-json`: binary, or text that neither starts like JSON nor has an object in its first lines (a
 * syslog or CSV file with the wrong name), reported once rather than once per line.
 */
export type JsonLayout = 'ndjson' | 'scanned' | 'not-json';

/** How far into the file to look for the NUL characters that mark it as binary. */
const BINARY_PROBE_CHARS = 4096;

/** How many non-blank lines to try before deciding the file is not NDJSON. */
const LINES_TO_TRY = 5;

/**
 * Decides the layout from the start of the file, or returns undefined when more text is needed.
 * `complete` says `head` is the whole file.
 *
 * A first line that is a JSON object means NDJSON. A first line that is a lone `{`, or a file that
 * starts with `[`, means the scanner. A first line that fails to parse may be a damaged NDJSON record,
 * so the next few lines get a say before the (slower) scanner is chosen, and the scanner only when
 * the file at least starts like JSON.
 */
export function detectJsonLayout(head: string, complete: boolean): JsonLayout | undefined {
  // NUL never appears in JSON text; it does in EVTX, archives and UTF-16 without a byte order mark.
  if (head.lastIndexOf('\u0000', BINARY_PROBE_CHARS) !== -1) return 'not-json';
  let lineStart = 0;
  let tried = 0;
  while (tried < LINES_TO_TRY) {
    let lineEnd = head.indexOf('\n', lineStart);
    if (lineEnd === -1) {
      if (!complete) return undefined;
      lineEnd = head.length;
    }
    const line = head.slice(lineStart, lineEnd).trim();
    if (line.length > 0) {
      tried++;
      if (tried === 1 && (line === '{' || line.startsWith('['))) return 'scanned';
      if (parsesAsObject(line)) return 'ndjson';
    }
    if (lineEnd >= head.length) break;
    lineStart = lineEnd + 1;
  }
  if (tried === 0) return 'ndjson';
  const first = head.trimStart().charCodeAt(0);
  return first === 123 /* { */ || first === 91 /* [ */ ? 'scanned' : 'not-json';
}

function parsesAsObject(line: string): boolean {
  if (line.charCodeAt(0) !== 123 /* { */) return false;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
