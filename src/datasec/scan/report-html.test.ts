import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderScanReportHtml, SCAN_REPORT_SECTIONS, type PrintedScanReport } from './report-html.js';

const HOSTILE_PATH = '/share/<script>alert(1)</script>&"x\'.xlsx';
const report: PrintedScanReport = {
  minScore: 0.5,
  filesScanned: 3,
  bytesScanned: 123456,
  files: [
    {
      path: HOSTILE_PATH,
      format: 'xlsx',
      encoding: 'utf-8',
      bytes: 4096,
      lines: 12,
      groups: [
        {
          sheet: '客户<b>',
          column: '"><img src=x onerror=alert(2)>',
          categories: [{ category: 'cn-mobile', count: 1234, individuals: 1200, individualsEstimated: false, samples: [{ masked: '138******00', location: `${HOSTILE_PATH}:'客户<b>'!C3` }] }],
        },
      ],
    },
    {
      path: '/share/notes.txt',
      encoding: 'gb18030',
      bytes: 10,
      lines: 1,
      groups: [{ categories: [{ category: 'email', count: 1, individuals: 1, individualsEstimated: false, samples: [{ masked: 'z***@example.com', location: '/share/notes.txt:1' }] }] }],
    },
  ],
  totals: [
    { category: 'cn-mobile', count: 1234, individuals: 150000, individualsEstimated: true, samples: [{ masked: '138******00', location: `${HOSTILE_PATH}:'客户<b>'!C3` }] },
    { category: 'email', count: 1, individuals: 1, individualsEstimated: false, samples: [] },
  ],
  databases: [
    {
      url: 'postgres://auditor:***@db.example:5432/crm',
      kind: 'postgres',
      columnsScanned: 9,
      columnsFlagged: 1,
      rowsRead: 1_000_000,
      tables: [
        {
          location: 'crm.public.customers',
          schema: 'public',
          table: 'customers',
          estimatedRows: 1_000_000,
          rowsRead: 1_000_000,
          columns: [
            {
              column: 'id_card<script>',
              type: 'text',
              location: 'crm.public.customers.id_card<script>',
              sampled: 1000,
              sampleMatches: [{ category: 'cn-resident-id', values: 998 }],
              category: 'cn-resident-id',
              categories: [{ category: 'cn-resident-id', count: 999_000, values: 999_000, share: 0.999, individuals: 990_000, individualsEstimated: true, samples: [{ masked: '440*************10', location: 'crm.public.customers.id_card<script>' }] }],
              confirmed: true,
              valuesRead: 1_000_000,
            },
            { column: 'note', type: 'text', location: 'crm.public.customers.note', sampled: 1000, sampleMatches: [], categories: [], confirmed: false, valuesRead: 0 },
          ],
        },
      ],
    },
  ],
  problems: [{ path: '/share/<iframe>.docx', message: 'a zip archive without a workbook or Word document part & <more>; not scanned' }],
};

describe('renderScanReportHtml', () => {
  const html = renderScanReportHtml(report, { generatedAt: '2026-11-26T16:00:00Z' });

  it('escapes every value taken from the scanned data', () => {
    expect(html).not.toMatch(/<script|<iframe|<img|<b>/i);
    expect(html).toContain('/share/&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&#39;.xlsx');
    expect(html).toContain('<td>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</td>');
    expect(html).toContain('<td>/share/&lt;iframe&gt;.docx</td>'.replace('<td>', '<td class="location">'));
    expect(html).toContain('part &amp; &lt;more&gt;; not scanned');
  });

  it('is one self-contained page: a strict CSP allowing only its own style, no scripts, nothing fetched', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'$/);
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('shows the summary, totals, each file by sheet and column, and the problems', () => {
    expect(html).toContain('<tr><th scope="row">Files scanned</th><td class="number">3</td></tr>');
    expect(html).toContain('<tr><th scope="row">Findings</th><td class="number">1,235</td></tr>');
    expect(html).toContain('<td class="number">≈150,000</td>');
    expect(html).toContain('<p class="meta">xlsx · 12 rows · 4,096 bytes</p>');
    expect(html).toContain('<p class="meta">gb18030 · 1 line · 10 bytes</p>');
    expect(html).toContain('<thead><tr><th scope="col">Sheet</th><th scope="col">Column</th><th scope="col">Category</th>');
    expect(html).toContain('<li><span class="sample">z***@example.com</span> <span class="location">/share/notes.txt:1</span></li>');
    expect(html.indexOf('<h2>Summary</h2>')).toBeLessThan(html.indexOf('<h2>Totals</h2>'));
    expect(html.indexOf('<h2>Files</h2>')).toBeLessThan(html.indexOf('<h2>Problems</h2>'));
  });

  it('says so when nothing was found, and leaves out empty sections', () => {
    const empty = renderScanReportHtml({ minScore: 0.5, filesScanned: 1, bytesScanned: 1, files: [], databases: [], totals: [], problems: [] });
    expect(empty).toContain('<p>No personal data found.</p>');
    expect(empty).not.toContain('<h2>Files</h2>');
    expect(empty).not.toContain('<h2>Problems</h2>');
    expect(empty).not.toContain('<h2>Databases</h2>');
  });

  it('lists each database column holding personal data, with its share of values, and not the others', () => {
    expect(html.indexOf('<h2>Files</h2>')).toBeLessThan(html.indexOf('<h2>Databases</h2>'));
    expect(html).toContain('<h3>postgres://auditor:***@db.example:5432/crm</h3>');
    expect(html).toContain('<td class="location">crm.public.customers.id_card&lt;script&gt;</td><td>text</td><td>cn-resident-id</td><td class="number">999,000 (99.9 %)</td><td class="number">≈990,000</td>');
    expect(html).not.toContain('crm.public.customers.note');
    expect(html).toContain('<tr><th scope="row">Columns with personal data</th><td class="number">1</td></tr>');
  });

  it('takes further sections as functions of the same report', () => {
    interface WithOwner extends PrintedScanReport {
      readonly owners: readonly string[];
    }
    const extended: WithOwner = { ...report, owners: ['<dpo>'] };
    const page = renderScanReportHtml(extended, { sections: [...SCAN_REPORT_SECTIONS, (value) => `<h2>Owners</h2><p>${value.owners.length}</p>`] });
    expect(page.indexOf('<h2>Problems</h2>')).toBeLessThan(page.indexOf('<h2>Owners</h2><p>1</p>'));
  });
});
