// One report over a mix of targets: file and folder paths, and database URLs (postgres://,
// postgresql://, mysql://, mariadb://). Files are scanned first, together, then each database in the
// order given; the totals count a person found in a file and in a table once. A target that cannot be
// read is a problem in the report and the others are still scanned.
import { isDatabaseUrl } from './database-sources/database-url.js';
import { scanDatabase, type DatabaseScan, type ScanDatabaseOptions } from './scan-database.js';
import { scanFiles, type ScanProblem, type ScanReport } from './scan-files.js';
import { Tally } from './tally.js';

export interface ScanTargetsProgress {
  /** Targets done, with a fraction for the one in progress (all the paths together count as one). */
  readonly done: number;
  readonly total: number;
  /** What is being read: a file, a database's table (`database.schema.table`), or its URL (password masked). */
  readonly current: string;
}

export interface ScanTargetsOptions extends Omit<ScanDatabaseOptions, 'totals' | 'onProgress'> {
  readonly onProgress?: (progress: ScanTargetsProgress) => void;
  readonly onProblem?: (problem: ScanProblem) => void;
}

/** The share of a database's progress given to sampling; confirming (reading whole columns) is most of the work. */
const SAMPLING_SHARE = 0.2;

export async function scanTargets(targets: readonly string[], options: ScanTargetsOptions = {}): Promise<ScanReport> {
  const paths = targets.filter((target) => !isDatabaseUrl(target));
  const urls = targets.filter(isDatabaseUrl);
  const total = (paths.length > 0 ? 1 : 0) + urls.length;
  const totals = new Tally();
  const problems: ScanProblem[] = [];
  const onProblem = (problem: ScanProblem) => {
    problems.push(problem);
    options.onProblem?.(problem);
  };
  const files = await scanFiles(paths, {
    minScore: options.minScore,
    totals,
    onProblem,
    onProgress: (progress) => options.onProgress?.({ done: progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 1, total, current: progress.file }),
  });
  const databases: DatabaseScan[] = [];
  let done = paths.length > 0 ? 1 : 0;
  for (const url of urls) {
    const scan = await scanDatabase(url, {
      ...options,
      totals,
      onProblem,
      onProgress: (progress) => {
        const fraction =
          progress.phase === 'sampling'
            ? (SAMPLING_SHARE * progress.tablesDone) / Math.max(1, progress.tablesTotal)
            : SAMPLING_SHARE + (1 - SAMPLING_SHARE) * (progress.rowsTotal > 0 ? Math.min(1, progress.rowsDone / progress.rowsTotal) : 0);
        options.onProgress?.({ done: done + fraction, total, current: progress.table !== '' ? progress.table : progress.database });
      },
    });
    if (scan !== undefined) databases.push(scan);
    done++;
    options.onProgress?.({ done, total, current: '' });
  }
  return { ...files, databases, totals: totals.result(), problems };
}
