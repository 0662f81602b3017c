// `rampart data scan`: finds personal data in files and folders and in PostgreSQL and MySQL/MariaDB
// databases (issue 6) and reports, per file (per column for CSV/TSV) and per database column, the
// categories found, their counts, the estimated number of distinct individuals and masked samples, then
// totals per category. Nothing scanned is printed unmasked, nor any password of a database URL.
// Unreadable, binary or badly encoded files and unreachable databases are warned about on stderr and
// listed in the report; the rest is scanned.
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { EXIT_CODES, rampartError } from '../core/errors.js';
import { DEFAULT_MIN_SCORE } from '../datasec/recognize.js';
import { isDatabaseUrl } from '../datasec/scan/database-sources/database-url.js';
import { renderScanReportHtml } from '../datasec/scan/report-html.js';
import type { DatabaseScan } from '../datasec/scan/scan-database.js';
import type { ScanReport } from '../datasec/scan/scan-files.js';
import { scanTargets } from '../datasec/scan/scan-targets.js';
import { scannedPlaces } from '../datasec/scan/scanned-places.js';
import { recordInCatalog, type CatalogTarget } from './catalog-push.js';
import type { CategoryTally } from '../datasec/scan/tally.js';
import { fileOutput, stdoutOutput } from '../hunt/sinks/text-output.js';

interface ScanCliOptions {
  readonly format: string;
  readonly output?: string;
  readonly minScore: string;
  readonly progress: boolean;
  readonly sampleSize: string;
  readonly maxRows?: string;
  readonly catalog?: string;
  readonly token?: string;
  readonly system?: string;
  readonly owner?: string;
}

const FORMATS = ['table', 'json', 'html'];
/** Warnings printed in full on stderr; the report lists every problem. */
const WARNING_LIMIT = 20;

export function registerDataCommand(program: Command, setExitCode: (code: number) => void): void {
  const data = program.command('data').description('Find personal and important data');
  data
    .command('scan')
    .description('Scan files, folders and databases for personal data: identifiers, phones, cards, e-mail and IP addresses')
    .argument('<targets...>', 'files or folders (text, CSV/TSV, JSON/NDJSON, logs; UTF-8, UTF-16 or GB18030/GBK; .xlsx, .docx), or database URLs (postgres://, postgresql://, mysql://, mariadb://)')
    .option('-f, --format <format>', `report format: ${FORMATS.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--min-score <score>', 'report findings scoring at least this (0–1)', String(DEFAULT_MIN_SCORE))
    .option('--no-progress', 'no progress bar on a terminal')
    .option('--sample-size <values>', 'databases: values sampled per column before confirming', '1000')
    .option('--max-rows <rows>', 'databases: rows read per table to confirm a column (default: all)')
    .option('--catalog <url>', 'also record each file and table with personal data in the data catalog of a Rampart server')
    .option('--token <token>', 'the API token for --catalog (default: $RAMPART_TOKEN)')
    .option('--system <name>', '--catalog: the business system new assets belong to')
    .option('--owner <name>', '--catalog: the owner of new assets')
    .addHelpText(
      'after',
      `
Samples are masked (110*************2X, 138******00, z***@example.com); values are counted as
individuals through salted hashes held in memory only. CSV/TSV and workbook findings are named by
header column; a workbook's by sheet and cell (Sheet1!C12), a Word document's by paragraph.
Databases: every text column (and bigint/numeric) of every user table is sampled, and the columns
whose sample holds personal data are read in full to confirm, with a verdict per column
(database.schema.table.column). A password in a URL is never printed (postgres://user:***@host/db).

Examples:
  rampart data scan exports/ customers.csv
  rampart data scan --format json -o findings.json /srv/share
  rampart data scan --format html -o report.html /srv/share
  rampart data scan postgres://auditor@db.example:5432/crm
  rampart data scan 'mysql://auditor:secret@127.0.0.1:3306/shop' exports/
  RAMPART_TOKEN=rmp_… rampart data scan --catalog http://127.0.0.1:8080 --system CRM exports/

--catalog sends only each place's location, categories and count of individuals (no value, no sample);
a place already in the catalog gains the categories found, a new one becomes an asset to classify.

Exit status: 0 finished (unreadable, binary and badly encoded files and unreachable databases are
warned about and listed in the report), 2 bad usage, a path that does not exist, or --catalog failed.`,
    )
    .action(async (targets: string[], options: ScanCliOptions) => {
      setExitCode(await scan(targets, options));
    });
}

async function scan(targets: string[], options: ScanCliOptions): Promise<number> {
  if (!FORMATS.includes(options.format)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--format', reason: `'${options.format}' is not one of ${FORMATS.join(', ')}` });
  const minScore = Number(options.minScore);
  if (options.minScore.trim() === '' || !Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--min-score', reason: `'${options.minScore}' is not a number from 0 to 1` });
  }
  const sampleSize = positiveInteger('--sample-size', options.sampleSize);
  const maxRows = options.maxRows === undefined ? undefined : positiveInteger('--max-rows', options.maxRows);
  const catalog = catalogTarget(options);
  for (const path of targets.filter((target) => !isDatabaseUrl(target))) {
    if ((await stat(path).catch(() => undefined)) === undefined) throw rampartError('RAMPART_E_INPUT_NOT_FOUND', { path });
  }
  const bar = options.progress && process.stderr.isTTY ? new SingleBar({ format: 'scanning {bar} {percentage}% | {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true, barsize: 24 }) : undefined;
  let started = false;
  let report: ScanReport;
  try {
    report = await scanTargets(targets, {
      minScore,
      sampleSize,
      maxRows,
      onProgress: bar
        ? (progress) => {
            if (!started) bar.start(progress.total * 1000, 0, { file: '' });
            started = true;
            bar.update(Math.round(progress.done * 1000), { file: shortName(progress.current) });
          }
        : undefined,
    });
  } finally {
    if (started) bar?.stop();
  }
  report.problems.slice(0, WARNING_LIMIT).forEach((problem) => process.stderr.write(`warning: ${problem.path}: ${problem.message}\n`));
  if (report.problems.length > WARNING_LIMIT) process.stderr.write(`warning: ${report.problems.length - WARNING_LIMIT} more problems, listed in the report\n`);
  const output = options.output ? fileOutput(options.output) : stdoutOutput();
  const printed = { minScore, ...report };
  output.write(options.format === 'json' ? JSON.stringify(printed, null, 2) + '\n' : options.format === 'html' ? renderScanReportHtml(printed, { generatedAt: new Date().toISOString() }) : formatTable(report));
  await output.end();
  if (catalog !== undefined) {
    const recorded = await recordInCatalog(scannedPlaces(report), catalog);
    process.stderr.write(`catalog: ${plural(recorded.created, 'new asset')}, ${recorded.updated} updated, ${recorded.unchanged} unchanged at ${catalog.url}\n`);
  }
  return EXIT_CODES.OK;
}

/** --catalog's server and token, checked before anything is scanned. */
function catalogTarget(options: ScanCliOptions): CatalogTarget | undefined {
  if (options.catalog === undefined) {
    for (const [name, value] of [['--system', options.system], ['--owner', options.owner]] as const) {
      if (value !== undefined) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: name, reason: 'only means something with --catalog' });
    }
    return undefined;
  }
  if (!/^https?:\/\/[^/]/.test(options.catalog)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--catalog', reason: `'${options.catalog}' is not an http(s) URL of a Rampart server` });
  const token = options.token ?? process.env.RAMPART_TOKEN;
  if (!token) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--catalog', reason: 'needs an API token: --token or RAMPART_TOKEN (make one with rampart token create)' });
  return { url: options.catalog, token, system: options.system, owner: options.owner };
}

export function formatTable(report: ScanReport): string {
  const lines: string[] = [];
  const problems = report.problems.length;
  lines.push(
    `Scanned ${plural(report.filesScanned, 'file')}, ${formatBytes(report.bytesScanned)}: ${report.files.length} with personal data` +
      (report.databases.length > 0 ? `; ${plural(report.databases.length, 'database')}, ${plural(sum(report.databases, 'columnsScanned'), 'column')}: ${sum(report.databases, 'columnsFlagged')} with personal data` : '') +
      (problems > 0 ? `, ${plural(problems, 'problem')}` : '') +
      '.',
  );
  for (const file of report.files) {
    lines.push('', `${file.path}  (${file.format ?? file.encoding}, ${plural(file.lines, file.format === 'xlsx' ? 'row' : file.format === 'docx' ? 'paragraph' : 'line')})`);
    for (const group of file.groups) {
      if (group.column !== undefined) lines.push(`  ${group.sheet !== undefined ? `sheet ${group.sheet}, ` : ''}column ${group.column}`);
      const indent = group.column !== undefined ? '    ' : '  ';
      for (const tally of group.categories) lines.push(indent + formatTally(tally));
    }
  }
  for (const database of report.databases) lines.push('', ...formatDatabase(database));
  if (report.totals.length > 0) {
    lines.push('', 'Totals');
    for (const tally of report.totals) lines.push(`  ${formatTally(tally)}`);
  }
  if (problems > 0) {
    lines.push('', 'Problems (not scanned, or scanned in part)');
    for (const problem of report.problems) lines.push(`  ${problem.path}: ${problem.message}`);
  }
  return lines.join('\n') + '\n';
}

function formatTally(tally: CategoryTally): string {
  const individuals = `${tally.individualsEstimated ? '≈' : ''}${tally.individuals.toLocaleString('en')}`;
  const samples = tally.samples.map((sample) => sample.masked).join(', ');
  return `${tally.category.padEnd(19)} ${tally.count.toLocaleString('en').padStart(9)} found ${individuals.padStart(10)} ${tally.individuals === 1 ? 'individual ' : 'individuals'}  ${samples}`;
}

/** A database: one line per flagged column, its verdict first, then any other category it holds. */
function formatDatabase(database: DatabaseScan): string[] {
  const lines = [
    `${database.url}  (${plural(database.tables.length, 'table')}, ${plural(database.columnsScanned, 'column')} scanned, ${database.columnsFlagged} with personal data, ${plural(database.rowsRead, 'row')} read)`,
  ];
  for (const column of database.tables.flatMap((table) => table.columns)) {
    if (column.category === undefined) continue;
    lines.push(`  ${column.location}`);
    for (const tally of column.categories) lines.push(`    ${formatTally(tally)}  (${(tally.share * 100).toFixed(1)} % of ${column.valuesRead.toLocaleString('en')} values)`);
  }
  return lines;
}

function sum(databases: readonly DatabaseScan[], key: 'columnsScanned' | 'columnsFlagged'): number {
  return databases.reduce((total, database) => total + database[key], 0);
}

function positiveInteger(argument: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument, reason: `'${text}' is not a whole number of 1 or more` });
  return value;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

function shortName(path: string): string {
  return path.length <= 40 ? path : `…${path.slice(-39)}`;
}
