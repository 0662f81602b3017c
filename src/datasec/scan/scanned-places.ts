// What a scan report says about each place for the data catalog: a file, or a database table, with the
// categories found in it and about how many people (the largest count of distinct values over its
// categories: one person usually has one ID, one phone, … so the largest is the best lower bound). No
// value or sample leaves here, only category names and counts.
import type { ScanReport } from './scan-files.js';
import type { CategoryTally } from './tally.js';

export interface ScannedPlace {
  /** The file path as scanned, or `database.schema.table` (`database.table` on MySQL). */
  readonly location: string;
  readonly categories: readonly string[];
  readonly individuals: number | null;
}

export function scannedPlaces(report: ScanReport): ScannedPlace[] {
  const places: ScannedPlace[] = [];
  for (const file of report.files) {
    const tallies = file.groups.flatMap((group) => group.categories);
    if (tallies.length > 0) places.push(place(file.path, tallies));
  }
  for (const database of report.databases) {
    for (const table of database.tables) {
      const tallies = table.columns.flatMap((column) => column.categories);
      if (tallies.length > 0) places.push(place(table.location, tallies));
    }
  }
  return places;
}

function place(location: string, tallies: readonly CategoryTally[]): ScannedPlace {
  const categories = [...new Set(tallies.map((tally) => tally.category))].sort();
  return { location, categories, individuals: Math.max(...tallies.map((tally) => tally.individuals)) };
}
