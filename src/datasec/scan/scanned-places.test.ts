import { describe, expect, it } from 'vitest';
import { scannedPlaces } from './scanned-places.js';
import type { ScanReport } from './scan-files.js';

const tally = (category: 'cn-mobile' | 'email' | 'cn-resident-id', individuals: number) => ({ category, count: individuals * 2, individuals, individualsEstimated: false, samples: [{ masked: 'x***', location: 'somewhere' }] });

describe('scannedPlaces', () => {
  it('gives each file and table with findings its categories and the largest count of individuals, and nothing else', () => {
    const report: ScanReport = {
      files: [
        { path: 'exports/a.csv', encoding: 'utf-8', bytes: 10, lines: 2, groups: [{ column: 'phone', categories: [tally('cn-mobile', 7)] }, { column: 'mail', categories: [tally('email', 9), tally('cn-mobile', 2)] }] },
        { path: 'exports/empty.txt', encoding: 'utf-8', bytes: 0, lines: 0, groups: [] },
      ],
      databases: [
        {
          url: 'postgres://u:***@h/crm',
          kind: 'postgres',
          columnsScanned: 2,
          columnsFlagged: 1,
          rowsRead: 10,
          tables: [
            {
              location: 'crm.public.customers',
              schema: 'public',
              table: 'customers',
              estimatedRows: 10,
              rowsRead: 10,
              columns: [
                { column: 'id_card', type: 'text', location: 'crm.public.customers.id_card', sampled: 10, sampleMatches: [], category: 'cn-resident-id', categories: [{ ...tally('cn-resident-id', 10), values: 10, share: 1 }], confirmed: true, valuesRead: 10 },
                { column: 'note', type: 'text', location: 'crm.public.customers.note', sampled: 10, sampleMatches: [], categories: [], confirmed: false, valuesRead: 0 },
              ],
            },
            { location: 'crm.public.orders', schema: 'public', table: 'orders', estimatedRows: 5, rowsRead: 0, columns: [] },
          ],
        },
      ],
      totals: [],
      problems: [],
      filesScanned: 2,
      bytesScanned: 10,
    };
    const places = scannedPlaces(report);
    expect(places).toEqual([
      { location: 'exports/a.csv', categories: ['cn-mobile', 'email'], individuals: 9 },
      { location: 'crm.public.customers', categories: ['cn-resident-id'], individuals: 10 },
    ]);
    expect(JSON.stringify(places)).not.toContain('x***');
  });
});
