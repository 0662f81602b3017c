// A data-scan report as one HTML page: the same object `--format json` prints, rendered self-contained
// (inline CSS allowed by its hash in a Content-Security-Policy meta, no scripts, nothing fetched), so it
// can be mailed, archived or opened from a share without running anything. Every value is escaped — file
// names, sheet and column names and problem messages come from the scanned data and may hold markup.
// The page is a list of sections, each a function of the report: a new part of the report (another kind
// of source) is one more function in SCAN_REPORT_SECTIONS.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../core/html-escape.js';
import type { DatabaseScan } from './scan-database.js';
import type { FileScan, ScanGroup, ScanReport } from './scan-files.js';
import type { CategoryTally } from './tally.js';

/** What `rampart data scan --format json` prints. */
export interface PrintedScanReport extends ScanReport {
  readonly minScore: number;
}

/** One part of the page: its HTML (values escaped), or undefined to leave it out. */
export type ScanReportSection<Report extends PrintedScanReport = PrintedScanReport> = (report: Report) => string | undefined;

export interface ScanReportHtmlOptions<Report extends PrintedScanReport> {
  /** Shown under the title; the caller's clock, so rendering stays pure. */
  readonly generatedAt?: string;
  readonly sections?: readonly ScanReportSection<Report>[];
}

const STYLE = `
body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #111; margin: 2em auto; max-width: 70em; padding: 0 1em; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.8em; border-bottom: 1px solid #999; }
h3 { font-size: 1em; margin: 1.4em 0 0.3em; word-break: break-all; }
.meta { color: #444; margin-top: 0; }
.notice { border-left: 4px solid #8a5a00; padding: 0.4em 0.8em; background: #fff8e6; }
table { border-collapse: collapse; width: 100%; margin-bottom: 0.6em; }
table.summary { width: auto; min-width: 24em; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
thead th { background: #f3f3f3; }
td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sample { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; }
.location { color: #555; font-size: 0.85em; word-break: break-all; }
ul.samples { margin: 0; padding-left: 1.1em; }
@media print { body { margin: 0; max-width: none; } table { break-inside: auto; } tr { break-inside: avoid; } }
`;

/** The page allows its one style block by hash, and nothing else: no script, image, font, frame or form. */
const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'`;

export const SCAN_REPORT_SECTIONS: readonly ScanReportSection[] = [summarySection, totalsSection, filesSection, databasesSection, problemsSection];

export function renderScanReportHtml<Report extends PrintedScanReport>(report: Report, options: ScanReportHtmlOptions<Report> = {}): string {
  const sections = options.sections ?? (SCAN_REPORT_SECTIONS as readonly ScanReportSection<Report>[]);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Personal data scan</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>Personal data scan</h1>',
    `<p class="meta">${options.generatedAt !== undefined ? `Generated ${escapeHtml(options.generatedAt)} · ` : ''}findings scoring at least ${escapeHtml(report.minScore)} · samples masked, individuals counted by salted hashes, no value stored</p>`,
    ...sections.map((section) => section(report)).filter((html): html is string => html !== undefined),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function summarySection(report: PrintedScanReport): string {
  const found = report.totals.reduce((sum, tally) => sum + tally.count, 0);
  const rows: [string, string][] = [
    ['Files scanned', number(report.filesScanned)],
    ['Bytes scanned', number(report.bytesScanned)],
    ['Files with personal data', number(report.files.length)],
    ...(report.databases.length > 0
      ? ([
          ['Database columns scanned', number(report.databases.reduce((sum, database) => sum + database.columnsScanned, 0))],
          ['Columns with personal data', number(report.databases.reduce((sum, database) => sum + database.columnsFlagged, 0))],
        ] as [string, string][])
      : []),
    ['Findings', number(found)],
    ['Problems', number(report.problems.length)],
  ];
  return ['<h2>Summary</h2>', '<table class="summary">', '<tbody>', ...rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td class="number">${value}</td></tr>`), '</tbody>', '</table>'].join('\n');
}

function totalsSection(report: PrintedScanReport): string {
  if (report.totals.length === 0) return '<h2>Totals</h2>\n<p>No personal data found.</p>';
  return ['<h2>Totals</h2>', tallyTable(report.totals.map((tally) => ({ tally })), false, false)].join('\n');
}

function filesSection(report: PrintedScanReport): string | undefined {
  if (report.files.length === 0) return undefined;
  return ['<h2>Files</h2>', ...report.files.map(fileHtml)].join('\n');
}

function databasesSection(report: PrintedScanReport): string | undefined {
  if (report.databases.length === 0) return undefined;
  return ['<h2>Databases</h2>', ...report.databases.map(databaseHtml)].join('\n');
}

/** One database: each column with a confirmed category, as a row per category (the URL's password is already masked). */
function databaseHtml(database: DatabaseScan): string {
  const flagged = database.tables.flatMap((table) => table.columns.filter((column) => column.categories.length > 0).map((column) => ({ table, column })));
  const meta = `<p class="meta">${escapeHtml(database.kind)} · ${number(database.tables.length)} tables · ${number(database.columnsScanned)} columns sampled · ${number(database.columnsFlagged)} with personal data · ${number(database.rowsRead)} rows read to confirm</p>`;
  if (flagged.length === 0) return [`<h3>${escapeHtml(database.url)}</h3>`, meta, '<p>No column holds personal data.</p>'].join('\n');
  const rows = flagged.flatMap(({ column }) =>
    column.categories.map(
      (tally) =>
        `<tr><td class="location">${escapeHtml(column.location)}</td><td>${escapeHtml(column.type)}</td><td>${escapeHtml(tally.category)}</td><td class="number">${number(tally.values)} (${escapeHtml((tally.share * 100).toFixed(1))} %)</td><td class="number">${tally.individualsEstimated ? '≈' : ''}${number(tally.individuals)}</td><td>${samplesHtml(tally)}</td></tr>`,
    ),
  );
  const head = ['Column', 'Type', 'Category', 'Values holding it', 'Individuals', 'Masked samples'];
  return [`<h3>${escapeHtml(database.url)}</h3>`, meta, '<table>', `<thead><tr>${head.map((label) => `<th scope="col">${label}</th>`).join('')}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}

function problemsSection(report: PrintedScanReport): string | undefined {
  if (report.problems.length === 0) return undefined;
  return [
    '<h2>Problems</h2>',
    '<p class="notice">These files or databases were not scanned, or were scanned in part.</p>',
    '<table>',
    '<thead><tr><th scope="col">File or database</th><th scope="col">Problem</th></tr></thead>',
    '<tbody>',
    ...report.problems.map((problem) => `<tr><td class="location">${escapeHtml(problem.path)}</td><td>${escapeHtml(problem.message)}</td></tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function fileHtml(file: FileScan): string {
  const unit = file.format === 'xlsx' ? 'row' : file.format === 'docx' ? 'paragraph' : 'line';
  const kind = file.format ?? file.encoding;
  const withSheet = file.groups.some((group) => group.sheet !== undefined);
  const withColumn = file.groups.some((group) => group.column !== undefined);
  const rows = file.groups.flatMap((group) => group.categories.map((tally) => ({ tally, group })));
  return [
    `<h3>${escapeHtml(file.path)}</h3>`,
    `<p class="meta">${escapeHtml(kind)} · ${number(file.lines)} ${unit}${file.lines === 1 ? '' : 's'} · ${number(file.bytes)} bytes</p>`,
    tallyTable(rows, withSheet, withColumn),
  ].join('\n');
}

function tallyTable(rows: readonly { readonly tally: CategoryTally; readonly group?: ScanGroup }[], withSheet: boolean, withColumn: boolean): string {
  const head = [...(withSheet ? ['Sheet'] : []), ...(withColumn ? ['Column'] : []), 'Category', 'Found', 'Individuals', 'Masked samples'];
  const body = rows.map(({ tally, group }) => {
    const cells = [
      ...(withSheet ? [`<td>${escapeHtml(group?.sheet ?? '')}</td>`] : []),
      ...(withColumn ? [`<td>${escapeHtml(group?.column ?? '')}</td>`] : []),
      `<td>${escapeHtml(tally.category)}</td>`,
      `<td class="number">${number(tally.count)}</td>`,
      `<td class="number">${tally.individualsEstimated ? '≈' : ''}${number(tally.individuals)}</td>`,
      `<td>${samplesHtml(tally)}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return ['<table>', `<thead><tr>${head.map((label) => `<th scope="col">${label}</th>`).join('')}</tr></thead>`, '<tbody>', ...body, '</tbody>', '</table>'].join('\n');
}

function samplesHtml(tally: CategoryTally): string {
  if (tally.samples.length === 0) return '';
  const items = tally.samples.map((sample) => `<li><span class="sample">${escapeHtml(sample.masked)}</span> <span class="location">${escapeHtml(sample.location)}</span></li>`);
  return `<ul class="samples">${items.join('')}</ul>`;
}

function number(value: number): string {
  return escapeHtml(value.toLocaleString('en'));
}
