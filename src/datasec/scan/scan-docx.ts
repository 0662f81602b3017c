// A Word document's text, paragraph by paragraph: the body (tables included, each cell's paragraphs
// placed by table, row and cell), then headers, footers, footnotes, endnotes and comments. Text deleted
// under tracked changes and field instructions (a mailto: link) are still in the file, so they are
// scanned too. Each paragraph is one line for a TextScanner; the XML is streamed, so memory holds one
// paragraph (or one nesting of paragraphs, for text boxes) at a time.
import { posix } from 'node:path';
import type { LocatedFindingListener, OfficeScanOptions, OfficeScanProgress } from './office-scan.js';
import { readXmlPart } from './read-xml-part.js';
import { TextScanner } from './scan-text.js';
import type { ZipArchive } from './zip-archive.js';

/** Parts beside the body that hold a document's own text. */
const OTHER_TEXT_PARTS = /^word\/(header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;
/** Elements whose character data is text of the document. */
const TEXT_ELEMENTS = new Set(['t', 'delText', 'instrText']);

interface Paragraph {
  readonly number: number;
  readonly place: string;
  text: string;
}

interface TablePlace {
  readonly table: number;
  row: number;
  cell: number;
}

export async function scanDocument(archive: ZipArchive, documentPart: string, options: OfficeScanOptions, onFinding: LocatedFindingListener, progress: OfficeScanProgress): Promise<void> {
  await scanPart(archive, documentPart, '', options, onFinding, progress);
  for (const part of archive.names().filter((name) => OTHER_TEXT_PARTS.test(name))) {
    await scanPart(archive, part, `${posix.basename(part, '.xml')} `, options, onFinding, progress);
  }
}

async function scanPart(archive: ZipArchive, part: string, label: string, options: OfficeScanOptions, onFinding: LocatedFindingListener, progress: OfficeScanProgress): Promise<void> {
  let location = '';
  const scanner = new TextScanner((finding, value) => onFinding({ category: finding.category, masked: finding.masked, location }, value), {
    minScore: options.minScore,
    windowSize: options.windowSize,
  });
  const paragraphs: Paragraph[] = [];
  const tables: TablePlace[] = [];
  let paragraphCount = 0;
  let tableCount = 0;
  let inRun = 0;
  let inText = 0;

  await readXmlPart(archive, part, {
    open: (name) => {
      if (name === 'p') {
        const table = tables.at(-1);
        paragraphs.push({ number: ++paragraphCount, place: table === undefined ? '' : ` (table ${table.table}, row ${table.row}, cell ${table.cell})`, text: '' });
      } else if (name === 'tbl') tables.push({ table: ++tableCount, row: 0, cell: 0 });
      else if (name === 'tr') {
        const table = tables.at(-1);
        if (table) {
          table.row++;
          table.cell = 0;
        }
      } else if (name === 'tc') {
        const table = tables.at(-1);
        if (table) table.cell++;
      } else if (name === 'r') inRun++;
      else if (TEXT_ELEMENTS.has(name)) inText++;
      // Inside a run only: a paragraph's tab stops are also called `tab`.
      else if (inRun > 0 && name === 'tab') append('\t');
      else if (inRun > 0 && (name === 'br' || name === 'cr')) append(' ');
    },
    close: (name) => {
      if (name === 'p') {
        const paragraph = paragraphs.pop();
        if (paragraph === undefined) return;
        location = `${label}paragraph ${paragraph.number}${paragraph.place}`;
        scanner.push(paragraph.text.replace(/[\r\n]/g, ' ') + '\n');
        progress.lines++;
      } else if (name === 'tbl') tables.pop();
      else if (name === 'r') inRun = Math.max(0, inRun - 1);
      else if (TEXT_ELEMENTS.has(name)) inText = Math.max(0, inText - 1);
    },
    text: (text) => {
      if (inText > 0) append(text);
    },
  });
  scanner.end();

  function append(text: string): void {
    const paragraph = paragraphs.at(-1);
    if (paragraph !== undefined) paragraph.text += text;
  }
}
