// Builds small Office Open XML files for tests, as zip archives of hand-written XML parts (yazl), so a
// test states exactly which cell types, strings and structures the scanner meets: shared and inline
// strings, numbers in exponent form, formulas with cached values, Word tables, headers and footnotes.
import yazl from 'yazl';

export type XlsxCell = string | number | { readonly inline: string } | { readonly formula: string; readonly cached: string } | { readonly raw: string; readonly type?: string } | null;

export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly (readonly XlsxCell[])[];
  /** 1-based number of the first row (empty rows above it). */
  readonly firstRow?: number;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function zipParts(parts: Readonly<Record<string, string | Buffer>>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(parts)) zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function xlsxParts(sheets: readonly XlsxSheet[]): Record<string, string> {
  const shared: string[] = [];
  const sharedIndex = (text: string): number => {
    const found = shared.indexOf(text);
    return found >= 0 ? found : shared.push(text) - 1;
  };
  const parts: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  const workbookSheets: string[] = [];
  const workbookRels: string[] = [];
  sheets.forEach((sheet, index) => {
    const rows = sheet.rows.map((cells, rowIndex) => {
      const r = (sheet.firstRow ?? 1) + rowIndex;
      const xml = cells.map((cell, columnIndex) => {
        const ref = `${String.fromCharCode(65 + columnIndex)}${r}`;
        if (cell === null) return '';
        if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
        if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sharedIndex(cell)}</v></c>`;
        if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><r><t xml:space="preserve">${escape(cell.inline)}</t></r></is></c>`;
        if ('formula' in cell) return `<c r="${ref}" t="str"><f>${escape(cell.formula)}</f><v>${escape(cell.cached)}</v></c>`;
        return `<c r="${ref}"${cell.type ? ` t="${cell.type}"` : ''}><v>${escape(cell.raw)}</v></c>`;
      });
      return `<row r="${r}">${xml.join('')}</row>`;
    });
    parts[`xl/worksheets/sheet${index + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    workbookSheets.push(`<sheet name="${escape(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`);
    workbookRels.push(`<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`);
  });
  workbookRels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${workbookSheets.join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${workbookRels.join('')}</Relationships>`;
  // Rich text split over two runs, and a phonetic reading that must not be read as text.
  const si = shared.map((text) => {
    const half = Math.floor(text.length / 2);
    return `<si><r><t xml:space="preserve">${escape(text.slice(0, half))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${escape(text.slice(half))}</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>`;
  });
  parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${si.join('')}</sst>`;
  return parts;
}

export function buildXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  return zipParts(xlsxParts(sheets));
}

/** A paragraph's runs (split as Word splits text), or a table of cells, each cell one paragraph. */
export type DocxBlock = { readonly runs: readonly string[] } | { readonly table: readonly (readonly string[])[] };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function paragraphXml(runs: readonly string[]): string {
  // A tab stop in the paragraph's properties (not text), and each run's text in its own <w:t>.
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.map((run) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escape(run)}</w:t></w:r>`).join('')}</w:p>`;
}

export function docxParts(body: readonly DocxBlock[], others: Readonly<Record<string, readonly string[]>> = {}): Record<string, string> {
  const blocks = body.map((block) =>
    'runs' in block ? paragraphXml(block.runs) : `<w:tbl>${block.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraphXml([cell])}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
  );
  const parts: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${blocks.join('')}</w:body></w:document>`,
  };
  for (const [name, paragraphs] of Object.entries(others)) {
    parts[`word/${name}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="${W}">${paragraphs.map((text) => paragraphXml([text])).join('')}</w:ftr>`;
  }
  return parts;
}

export function buildDocx(body: readonly DocxBlock[], others: Readonly<Record<string, readonly string[]>> = {}): Promise<Buffer> {
  return zipParts(docxParts(body, others));
}
