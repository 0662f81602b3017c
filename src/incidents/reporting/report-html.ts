// A report document as one printable HTML page: self-contained (inline CSS, no scripts, no external
// fetches), so it can be saved, mailed or printed as it is. Every value is escaped; the page adds only
// fixed markup around them.
import { escapeHtml } from '../../core/html-escape.js';
import type { ReportDocument } from './report-document.js';

const STYLE = `
body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #111; margin: 2em auto; max-width: 50em; padding: 0 1em; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
h2 { font-size: 1.1em; margin-top: 1.6em; border-bottom: 1px solid #999; }
.meta { color: #444; }
.status { display: inline-block; padding: 0.1em 0.6em; border: 1px solid; border-radius: 0.3em; font-weight: bold; }
.status-complete { color: #0a5d1f; } .status-partial { color: #8a5a00; } .status-incomplete { color: #a00; }
.notice { border-left: 4px solid #8a5a00; padding: 0.4em 0.8em; background: #fff8e6; }
.warning { border-left: 4px solid #a00; padding: 0.4em 0.8em; background: #fdecec; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
th { width: 30%; background: #f3f3f3; }
td.value { white-space: pre-wrap; }
.missing { color: #a00; font-style: italic; } .absent { color: #777; font-style: italic; }
.cite { color: #555; font-size: 0.85em; }
@media print { body { margin: 0; max-width: none; } .notice, .warning { break-inside: avoid; } }
`;

type Cited = { readonly source: { readonly short: string; readonly article: string }; readonly confidence: string };

function cite(record: Cited): string {
  return `<span class="cite">${escapeHtml(record.source.short)}, ${escapeHtml(record.source.article)} (${escapeHtml(record.confidence)})</span>`;
}

export function reportHtml(document: ReportDocument): string {
  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(document.title)}: ${escapeHtml(document.incidentId)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(document.title)}</h1>`,
    `<p class="meta">Incident ${escapeHtml(document.incidentId)} · generated ${escapeHtml(document.generatedAt)} · <span class="status status-${escapeHtml(document.status)}">${escapeHtml(document.status)}</span></p>`,
  );

  if (document.partialReport !== undefined) {
    parts.push(
      `<p class="notice">Partial report: ${escapeHtml(document.partialReport.when)}. ${cite(document.partialReport)}</p>`,
    );
  }
  if (document.missingRequired.length > 0) {
    const labels = document.fields.filter((field) => document.missingRequired.includes(field.name)).map((field) => escapeHtml(field.label));
    parts.push(`<p class="${document.status === 'partial' ? 'notice' : 'warning'}">Not yet known or not given: ${labels.join(', ')}.</p>`);
  }

  if (document.deadline !== undefined) {
    parts.push(
      '<h2>Deadline</h2>',
      `<p>Due ${escapeHtml(document.deadline.due)} (within ${escapeHtml(document.deadline.within)}), to ${document.deadline.reportTo.map(escapeHtml).join('; ')}. ${cite(document.deadline)}</p>`,
    );
  }

  if (document.grading !== undefined) {
    const grading = document.grading;
    parts.push('<h2>Level</h2>', `<p><strong>${escapeHtml(grading.levelName)}</strong>${grading.mustReport ? ', must be reported' : ', no report required'}.</p>`);
    if (grading.decidedBy.length > 0) {
      // The explanation already names the source and confidence; the article is what a reader looks up.
      parts.push('<ul>', ...grading.decidedBy.map((criterion) => `<li>${escapeHtml(criterion.explanation)} <span class="cite">${escapeHtml(criterion.source.article)}</span></li>`), '</ul>');
    }
    for (const warning of grading.warnings) parts.push(`<p class="warning">${escapeHtml(warning)}</p>`);
  }

  parts.push('<h2>Report</h2>', '<table>');
  for (const field of document.fields) {
    const label = field.labelZh === undefined ? escapeHtml(field.label) : `${escapeHtml(field.label)}<br>${escapeHtml(field.labelZh)}`;
    const value =
      field.value === undefined
        ? `<td class="value ${field.required ? 'missing">missing' : 'absent">not given'}</td>`
        : `<td class="value">${escapeHtml(field.value)}</td>`;
    parts.push(`<tr><th scope="row">${label}<br>${cite(field)}</th>${value}</tr>`);
  }
  parts.push('</table>', '</body>', '</html>', '');
  return parts.join('\n');
}
