// Scans an Office Open XML file (a workbook or a Word document, told apart by the package's main part,
// not by the file's name) for personal data. Findings carry their place in the file (`Sheet1!C12`,
// `paragraph 4`) and, for a workbook, the sheet and the column's header.
import type { Category } from '../recognizers/recognizer.js';
import { mainPart } from './office-relationships.js';
import { scanDocument } from './scan-docx.js';
import { scanWorkbook } from './scan-xlsx.js';
import { ArchiveError, ZipArchive, type ZipLimits } from './zip-archive.js';

export interface LocatedFinding {
  readonly category: Category;
  readonly masked: string;
  /** Where in the file, after `file:` — `Sheet1!C12`, `'My sheet'!B3`, `paragraph 4`, `footnotes paragraph 1`. */
  readonly location: string;
  readonly sheet?: string;
  /** A workbook's column: its header (the sheet's first non-empty row), or `column C` without one. */
  readonly column?: string;
}

/** The raw value is given for counting distinct individuals only: never store or print it. */
export type LocatedFindingListener = (finding: LocatedFinding, value: string) => void;

export interface OfficeScanOptions {
  readonly minScore?: number;
  readonly windowSize?: number;
  readonly limits?: ZipLimits;
}

/** Filled in as the scan goes, so what was found before an error is still known. */
export interface OfficeScanProgress {
  format?: 'xlsx' | 'docx';
  /** Rows of a workbook, paragraphs of a document. */
  lines: number;
  /** Worth telling, not stopping for (an identifier stored as a number has lost digits). */
  readonly notes: string[];
}

/** Throws an ArchiveError when the file cannot be read as a workbook or document (findings before it stand). */
export async function scanOfficeFile(path: string, bytes: number, options: OfficeScanOptions, onFinding: LocatedFindingListener, progress: OfficeScanProgress): Promise<void> {
  const archive = await ZipArchive.open(path, bytes, options.limits);
  try {
    const main = await mainPart(archive);
    if (main?.endsWith('workbook.xml')) {
      progress.format = 'xlsx';
      await scanWorkbook(archive, main, options, onFinding, progress);
    } else if (main?.endsWith('document.xml')) {
      progress.format = 'docx';
      await scanDocument(archive, main, options, onFinding, progress);
    } else throw new ArchiveError('a zip archive without a workbook or Word document part (a presentation or another zip)');
  } finally {
    archive.close();
  }
}
