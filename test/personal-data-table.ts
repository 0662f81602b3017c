// The table the database-scan tests seed into PostgreSQL and MariaDB: a million rows mixing columns of
// personal data (valid identifiers from the seeded corpus generator, some columns partly NULL and partly
// filler) with noise columns that look like numbers and codes but hold no one's data (18-digit order
// numbers, 11-digit references not starting with 1, 16-digit transaction ids, UUIDs, free text, version
// strings, amounts, dates).
// Each column draws its values from a pool of 150,000 made by the generators (so a column holds about
// 150,000 distinct values, past the tally's exact limit of 100,000: the estimate is tested too), which
// makes seeding a million rows a matter of seconds instead of a minute. Rows are made in batches, so
// neither the test nor the driver holds the table at once; the truth (how many valid values each
// personal column got, and how many distinct) is kept as it goes.
import { expect } from 'vitest';
import { VALUE_MAKERS } from '../src/datasec/corpus/identifiers.js';
import type { Category } from '../src/datasec/recognizers/recognizer.js';
import type { TableScan } from '../src/datasec/scan/scan-database.js';
import { normaliseValue } from '../src/datasec/scan/tally.js';
import { seededRandom, type Random } from '../src/core/seeded-random.js';

export const SEEDED_ROWS = 1_000_000;
export const SEEDED_TABLE = 'customers';

export interface SeededColumn {
  readonly name: string;
  readonly postgresType: string;
  readonly mysqlType: string;
  /** The category the scan must find in it; absent for a noise column, which must not be flagged. */
  readonly personal?: Category;
  /** One value of the column's pool. */
  readonly make: (random: Random) => string;
  /** The share of rows with a value (the rest NULL); 1 by default. */
  readonly filled?: number;
  /** The share of filled rows holding one of FILLER instead of a pooled value. */
  readonly filler?: number;
}

export const POOL_SIZE = 150_000;

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const digits = (random: Random, count: number) => random.chars('0123456789', count);
const valid = (category: Category) => (random: Random) => VALUE_MAKERS[category].valid(random).text;

/** What a person writes in a phone column when there is no phone. */
export const FILLER = ['无', '未提供', 'unknown', '-', 'N/A', '请联系客服'];
const REMARKS = [
  '客户要求周末送货',
  '订单已发货，预计三天内送达',
  '退货申请已受理',
  'Customer asked about delivery times',
  'Left at the front desk',
  '发票抬头已更新',
  'Gift wrap requested, 2 boxes',
  '商品缺货，已通知补货',
  'Call back after 5 pm',
  '满意度回访：非常满意',
];
const hex = (random: Random, count: number) => random.chars('0123456789abcdef', count);

export const SEEDED_COLUMNS: readonly SeededColumn[] = [
  { name: 'resident_id', postgresType: 'varchar(18)', mysqlType: 'varchar(18)', personal: 'cn-resident-id', make: valid('cn-resident-id') },
  // With and without +86 / 0086, whole and grouped, as the corpus writes mobiles; 70 % filled, and a
  // sixth of what is filled is no phone at all.
  { name: '联系电话', postgresType: 'varchar(24)', mysqlType: 'varchar(24)', personal: 'cn-mobile', make: valid('cn-mobile'), filled: 0.7, filler: 0.15 },
  { name: 'email', postgresType: 'varchar(64)', mysqlType: 'varchar(64)', personal: 'email', make: valid('email'), filled: 0.7 },
  { name: 'bank_card', postgresType: 'varchar(24)', mysqlType: 'varchar(24)', personal: 'bank-card', make: valid('bank-card') },
  { name: 'passport_no', postgresType: 'varchar(12)', mysqlType: 'varchar(12)', personal: 'cn-passport', make: valid('cn-passport'), filled: 0.4 },
  { name: 'client_ip', postgresType: 'varchar(15)', mysqlType: 'varchar(15)', personal: 'ipv4', make: valid('ipv4') },
  // A mobile kept as a number: numeric columns wide enough for one are scanned too.
  { name: 'login_phone', postgresType: 'bigint', mysqlType: 'bigint', personal: 'cn-mobile', make: (random) => `1${random.pick(['3', '5', '8'])}${digits(random, 9)}` },
  { name: 'order_no', postgresType: 'char(18)', mysqlType: 'char(18)', make: (random) => `20${pad(random.between(15, 26), 2)}${pad(random.between(1, 12), 2)}${pad(random.between(1, 28), 2)}${digits(random, 10)}` },
  { name: 'ref_number', postgresType: 'varchar(11)', mysqlType: 'varchar(11)', make: (random) => `${random.between(2, 9)}${digits(random, 10)}` },
  // Transaction ids of 16 arbitrary digits: one in ten passes Luhn and reads as a card on its own, among
  // nine of the same shape that fail; the scan must take those passes for chance.
  { name: 'txn_id', postgresType: 'char(16)', mysqlType: 'char(16)', make: (random) => `${random.between(1, 9)}${digits(random, 15)}` },
  { name: 'token', postgresType: 'char(36)', mysqlType: 'char(36)', make: (random) => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}` },
  { name: 'remark', postgresType: 'text', mysqlType: 'text', make: (random) => `${random.pick(REMARKS)}；${random.pick(REMARKS)}`, filled: 0.5 },
  // Build numbers, and a fifth shaped like an IPv4 address (2.4.1.10), which the column's name says is a version.
  { name: 'os_version', postgresType: 'varchar(24)', mysqlType: 'varchar(24)', make: (random) => (random.chance(0.2) ? `${random.between(1, 9)}.${random.between(0, 9)}.${random.between(0, 20)}.${random.between(0, 200)}` : `10.0.${random.between(10240, 22631)}.${random.between(1, 3000)}`) },
  { name: 'amount', postgresType: 'numeric(12,2)', mysqlType: 'decimal(12,2)', make: (random) => `${random.between(0, 99999)}.${pad(random.between(0, 99), 2)}` },
  { name: 'created_at', postgresType: 'varchar(19)', mysqlType: 'varchar(19)', make: (random) => `20${random.between(15, 26)}-${pad(random.between(1, 12), 2)}-${pad(random.between(1, 28), 2)} ${pad(random.between(0, 23), 2)}:${pad(random.between(0, 59), 2)}:${pad(random.between(0, 59), 2)}` },
];

export interface ColumnTruth {
  /** Non-null values the column got. */
  filled: number;
  /** Valid identifiers among them (all but the filler of a personal column). */
  valid: number;
  /** Distinct valid identifiers, spelled as the tally folds them. */
  distinct: number;
}

/**
 * The seeded rows as PostgreSQL's COPY and MySQL's LOAD DATA read text by default (tab-separated, \\N
 * for NULL, backslash, tab and line breaks escaped), UTF-8, `batchRows` rows to a buffer, each row `id`
 * then the SEEDED_COLUMNS; `truth` is complete once the generator is done. Pool values are escaped and
 * encoded once and rows are copied into one buffer per batch: building a million rows as strings took
 * longer than the database took to load them, most of it collecting the garbage.
 */
export function* seededLines(batchRows: number, truth: Map<string, ColumnTruth>, rows = SEEDED_ROWS, seed = 20261126): Generator<Buffer> {
  const random = seededRandom(seed);
  const pools = SEEDED_COLUMNS.map((column) => Array.from({ length: POOL_SIZE }, () => column.make(random)));
  const encode = (value: string) => Buffer.from(`\t${escapeValue(value)}`);
  const encodedPools = pools.map((pool) => pool.map(encode));
  const encodedFiller = FILLER.map(encode);
  const encodedNull = Buffer.from('\t\\N');
  const longest = (values: readonly Buffer[]) => values.reduce((most, value) => Math.max(most, value.length), encodedNull.length);
  const widest = encodedPools.reduce((sum, pool) => sum + Math.max(longest(pool), longest(encodedFiller)), 0);
  const filled = SEEDED_COLUMNS.map((column) => column.filled ?? 1);
  const filler = SEEDED_COLUMNS.map((column) => column.filler ?? 0);
  const picked = SEEDED_COLUMNS.map(() => new Uint8Array(POOL_SIZE));
  const filledCounts = new Array<number>(SEEDED_COLUMNS.length).fill(0);
  const validCounts = new Array<number>(SEEDED_COLUMNS.length).fill(0);
  for (let start = 0; start < rows; start += batchRows) {
    const batch = Buffer.allocUnsafe(batchRows * (widest + 21));
    let at = 0;
    for (let row = start; row < Math.min(rows, start + batchRows); row++) {
      at += batch.write(String(row + 1), at, 'latin1');
      for (let index = 0; index < SEEDED_COLUMNS.length; index++) {
        let value: Buffer;
        if (random.next() >= filled[index]!) value = encodedNull;
        else {
          filledCounts[index]!++;
          if (filler[index]! > 0 && random.next() < filler[index]!) value = encodedFiller[random.below(encodedFiller.length)]!;
          else {
            const pick = random.below(POOL_SIZE);
            picked[index]![pick] = 1;
            validCounts[index]!++;
            value = encodedPools[index]![pick]!;
          }
        }
        batch.set(value, at);
        at += value.length;
      }
      batch[at++] = 0x0a;
    }
    yield batch.subarray(0, at);
  }
  SEEDED_COLUMNS.forEach((column, index) => {
    const distinct = new Set(pools[index]!.filter((_, pick) => picked[index]![pick] === 1).map(normaliseValue));
    truth.set(column.name, { filled: filledCounts[index]!, valid: validCounts[index]!, distinct: distinct.size });
  });
}

function escapeValue(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (character) => ESCAPES[character]!);
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * What every database test asserts of the seeded table's scan: each personal column flagged with its
 * category and counts close to the truth, no noise column flagged, and no raw value in a sample.
 */
export function expectSeededVerdicts(table: TableScan | undefined, truth: ReadonlyMap<string, ColumnTruth>): void {
  expect(table).toBeDefined();
  const flagged = Object.fromEntries(table!.columns.filter((column) => column.category !== undefined).map((column) => [column.column, column.category]));
  const personal = Object.fromEntries(SEEDED_COLUMNS.filter((column) => column.personal !== undefined).map((column) => [column.name, column.personal]));
  expect(flagged).toEqual(personal);
  expect(table!.rowsRead).toBe(SEEDED_ROWS);
  for (const seeded of SEEDED_COLUMNS) {
    const verdict = table!.columns.find((column) => column.column === seeded.name);
    expect(verdict, seeded.name).toBeDefined();
    const expected = truth.get(seeded.name)!;
    if (seeded.personal === undefined) {
      expect(verdict!.categories, seeded.name).toEqual([]);
      continue;
    }
    expect(verdict!.location).toBe(`${table!.location}.${seeded.name}`);
    expect(verdict!.sampled, seeded.name).toBeGreaterThan(300);
    expect(verdict!.valuesRead, seeded.name).toBe(expected.filled);
    const found = verdict!.categories[0]!;
    // Every seeded identifier is found, and next to nothing else (a filler value never is).
    expect(Math.abs(found.values - expected.valid), `${seeded.name}: ${found.values} values found, ${expected.valid} seeded`).toBeLessThanOrEqual(expected.valid * 0.002);
    expect(found.count).toBe(found.values);
    expect(Math.abs(found.individuals - expected.distinct), `${seeded.name}: ${found.individuals} individuals, ${expected.distinct} seeded`).toBeLessThanOrEqual(expected.distinct * 0.03);
    expect(found.share).toBeCloseTo(expected.valid / expected.filled, 2);
    expect(found.samples.length).toBeGreaterThan(0);
    for (const sample of found.samples) {
      expect(sample.masked).toContain('*');
      expect(sample.location).toBe(verdict!.location);
    }
  }
}
