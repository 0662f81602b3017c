// A workbook's sheets, row by row: each sheet's XML is streamed, each row becomes one line of its cells'
// text (cells apart by more than context words reach, each value after its own column's header as
// context words) for a TextScanner, and
// each finding is placed back in its cell (`Sheet1!C12`) and named by its column's header: the text of
// the sheet's first non-empty row (a header cell that itself holds a finding is not used, as a name or as
// context: it would print the value unmasked; the column letter names it).
// Cell values: shared strings (the table read once into memory, capped), inline strings, formulas'
// cached values, and numbers written out in full (1.3800138E10 is the phone 13800138000). A number of 16
// digits or more was cut to 15 significant digits by Excel itself: that is noted, it cannot be undone.
import type { LocatedFindingListener, OfficeScanOptions, OfficeScanProgress } from './office-scan.js';
import { CONTEXT_WINDOW } from '../recognizers/context.js';
import { readRelationships } from './office-relationships.js';
import { readXmlPart } from './read-xml-part.js';
import { columnNamePrefix, TextScanner } from './scan-text.js';
import { ArchiveError, type ZipArchive } from './zip-archive.js';

/** Characters of shared-string XML held in memory (the table must be whole to resolve cells). */
export const SHARED_STRINGS_LIMIT = 256 * 1024 * 1024;
/**
 * Between two cells of a row's line: a tab, then more spaces than context words reach back, so a value is
 * raised by its own column's header only, never by the header of the column before it.
 */
const CELL_SEPARATOR = '\t' + ' '.repeat(CONTEXT_WINDOW);
/** Excel keeps 15 significant digits of a number. */
const EXACT_DIGITS_BELOW = 1e15;

interface Sheet {
  readonly name: string;
  readonly part: string;
}

interface Cell {
  /** 1-based column number. */
  readonly column: number;
  readonly text: string;
}

export async function scanWorkbook(archive: ZipArchive, workbookPart: string, options: OfficeScanOptions, onFinding: LocatedFindingListener, progress: OfficeScanProgress): Promise<void> {
  const relationships = await readRelationships(archive, workbookPart);
  const sheets = await readSheets(archive, workbookPart, new Map(relationships.map((relationship) => [relationship.id, relationship])));
  const sharedPart = relationships.find((relationship) => relationship.type === 'sharedStrings')?.part;
  const shared = sharedPart !== undefined && archive.has(sharedPart) ? await readSharedStrings(archive, sharedPart) : [];
  for (const sheet of sheets) await scanSheet(archive, sheet, shared, options, onFinding, progress);
}

async function readSheets(archive: ZipArchive, workbookPart: string, byId: ReadonlyMap<string, { readonly type: string; readonly part: string }>): Promise<Sheet[]> {
  const sheets: Sheet[] = [];
  await readXmlPart(archive, workbookPart, {
    open: (name, attributes) => {
      if (name !== 'sheet') return;
      const relationship = byId.get(attributes['r:id'] ?? attributeByLocalName(attributes, 'id') ?? '');
      // Chart sheets and dialog sheets hold no cells.
      if (relationship?.type === 'worksheet' && archive.has(relationship.part)) sheets.push({ name: attributes.name ?? relationship.part, part: relationship.part });
    },
  });
  if (sheets.length === 0) throw new ArchiveError(`${workbookPart} lists no worksheet`);
  return sheets;
}

async function readSharedStrings(archive: ZipArchive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  let characters = 0;
  await readXmlPart(archive, part, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') inPhonetic = true; // a Japanese reading aid repeating the text
    },
    close: (name) => {
      if (name === 'si') strings.push(current);
      else if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
    },
    text: (text) => {
      if (!inText || inPhonetic) return;
      current += text;
      characters += text.length;
      if (characters > SHARED_STRINGS_LIMIT) throw new ArchiveError(`${part}: more than ${SHARED_STRINGS_LIMIT} characters of shared strings, above what is read into memory`);
    },
  });
  return strings;
}

async function scanSheet(
  archive: ZipArchive,
  sheet: Sheet,
  shared: readonly string[],
  options: OfficeScanOptions,
  onFinding: LocatedFindingListener,
  progress: OfficeScanProgress,
): Promise<void> {
  const reference = sheetReference(sheet.name);
  let header: Map<number, string> | undefined;
  // The row being scanned: its number, cells, and where each cell starts in the line.
  let rowNumber = 0;
  let rowCells: Cell[] = [];
  let starts: number[] = [];
  let dataStarts: number[] = [];
  let headerCellsWithFindings = new Set<number>();
  let truncatedNumbers = 0;
  let firstTruncated = '';

  const scanner = new TextScanner(
    (finding, value) => {
      const offset = finding.column - 1;
      let index = 0;
      while (index + 1 < starts.length && starts[index + 1]! <= offset) index++;
      // A finding in the header put before the cell as context is not data of this row.
      if (offset < dataStarts[index]!) return;
      const column = rowCells[index]!.column;
      if (header === undefined) headerCellsWithFindings.add(column);
      const letters = columnLetters(column);
      onFinding(
        { category: finding.category, masked: finding.masked, location: `${reference}!${letters}${rowNumber}`, sheet: sheet.name, column: header?.get(column) ?? `column ${letters}` },
        value,
      );
    },
    { minScore: options.minScore, windowSize: options.windowSize },
  );

  const scanRow = (cells: Cell[]): void => {
    if (!cells.some((cell) => cell.text.trim() !== '')) return;
    rowCells = cells.sort((a, b) => a.column - b.column);
    starts = [];
    dataStarts = [];
    let line = '';
    for (const cell of rowCells) {
      if (starts.length > 0) line += CELL_SEPARATOR;
      starts.push(line.length);
      // The column's header before the value is its context: 身份证号 makes an 18-digit number a
      // resident ID rather than a credit code, 订单号 lowers a mobile-like number.
      const name = header?.get(cell.column);
      if (name !== undefined) line += columnNamePrefix(name);
      dataStarts.push(line.length);
      // One row, one line: the cell's own tabs and line breaks become spaces (same length, so offsets hold).
      line += cell.text.replace(/[\t\r\n]/g, ' ');
    }
    headerCellsWithFindings = new Set();
    scanner.push(line + '\n');
    progress.lines++;
    if (header === undefined) {
      header = new Map(rowCells.filter((cell) => cell.text.trim() !== '' && !headerCellsWithFindings.has(cell.column)).map((cell) => [cell.column, cell.text.trim().replace(/\s+/g, ' ')]));
    }
  };

  // The cell being read.
  let cells: Cell[] = [];
  let lastColumn = 0;
  let cellColumn = 0;
  let cellType = 'n';
  let value = '';
  let inline = '';
  let inValue = false;
  let inInline = false;
  let inText = false;
  let inPhonetic = false;

  await readXmlPart(archive, sheet.part, {
    open: (name, attributes) => {
      if (name === 'row') {
        const number = Number.parseInt(attributes.r ?? '', 10);
        rowNumber = Number.isFinite(number) && number > 0 ? number : rowNumber + 1;
        cells = [];
        lastColumn = 0;
      } else if (name === 'c') {
        cellColumn = columnNumber(attributes.r) ?? lastColumn + 1;
        cellType = attributes.t ?? 'n';
        value = '';
        inline = '';
      } else if (name === 'v') inValue = true;
      else if (name === 'is') inInline = true;
      else if (name === 't') inText = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close: (name) => {
      if (name === 'v') inValue = false;
      else if (name === 'is') inInline = false;
      else if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c') {
        lastColumn = cellColumn;
        const text = cellText();
        if (text !== '') cells.push({ column: cellColumn, text });
      } else if (name === 'row') scanRow(cells);
    },
    text: (text) => {
      if (inValue) value += text;
      else if (inInline && inText && !inPhonetic) inline += text;
    },
  });
  scanner.end();
  if (truncatedNumbers > 0) {
    progress.notes.push(
      `${reference}: ${truncatedNumbers} number cell${truncatedNumbers === 1 ? '' : 's'} of 16 or more digits (first at ${firstTruncated}): Excel keeps 15 significant digits, so an identifier stored as a number there has lost its last digits and cannot be recognised`,
    );
  }

  function cellText(): string {
    switch (cellType) {
      case 's': {
        const index = Number.parseInt(value, 10);
        return shared[index] ?? '';
      }
      case 'inlineStr':
        return inline;
      case 'str': // a formula's cached text
      case 'd': // an ISO 8601 date
        return value;
      case 'b':
      case 'e':
        return '';
      default: {
        const written = numberText(value.trim());
        if (written.truncated) {
          if (truncatedNumbers++ === 0) firstTruncated = `${columnLetters(cellColumn)}${rowNumber}`;
        }
        return written.text;
      }
    }
  }
}

/** A number cell's value as a person would type it: integers in full, never in exponent form. */
export function numberText(raw: string): { readonly text: string; readonly truncated: boolean } {
  if (raw === '') return { text: '', truncated: false };
  const number = Number(raw);
  if (!Number.isFinite(number) || !Number.isInteger(number)) return { text: raw, truncated: false };
  const magnitude = Math.abs(number);
  const truncated = magnitude >= EXACT_DIGITS_BELOW;
  // Above 1e21 no identifier is meant. Below, the digits come from the decimal text as written, not from
  // the binary double (4.4030619900101E+17 is 440306199001010000, not …009984).
  if (magnitude >= 1e21) return { text: raw, truncated };
  const exponent = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(raw);
  if (exponent === null) return { text: magnitude < EXACT_DIGITS_BELOW ? number.toFixed(0) : raw.replace(/\.0*$/, ''), truncated };
  const [, sign, whole = '', fraction = '', power] = exponent;
  const digits = whole + fraction;
  const point = whole.length + Number(power);
  // An integer: the point falls at or after the written digits, or only zeros follow it.
  const text = point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits.slice(0, point);
  return { text: (sign === '-' ? '-' : '') + (text.replace(/^0+(?=\d)/, '') || '0'), truncated };
}

/** `C12` → 3; undefined when the reference is absent or not a cell reference. */
export function columnNumber(reference: string | undefined): number | undefined {
  const letters = /^([A-Za-z]{1,3})\d*$/.exec(reference ?? '')?.[1];
  if (letters === undefined) return undefined;
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

/** 3 → `C`, 28 → `AB`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A sheet name as Excel writes it in a reference: quoted (quotes doubled) unless letters, digits, `_` and `.` only. */
export function sheetReference(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function attributeByLocalName(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  const key = Object.keys(attributes).find((name) => name.endsWith(`:${local}`));
  return key === undefined ? undefined : attributes[key];
}
