// A record's XML tree as text, indented the way Event Viewer and evtxexport print it, for
// `rampart evtx dump --format xml`. Text and attribute values are escaped, so the output is well
// formed whatever the record holds.

import { isElement, textOf, type XmlElement, type XmlText } from './xml-tree.js';

export function recordToXml(root: XmlElement): string {
  const lines: string[] = [];
  writeElement(root, 0, lines);
  return lines.join('\n') + '\n';
}

function writeElement(element: XmlElement, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  let start = `${indent}<${element.name}`;
  for (const attribute of element.attributes) start += ` ${attribute.name}="${escapeXml(textOf(attribute.value), true)}"`;
  if (!element.children.some(isElement)) {
    const text = textOf(element.children as XmlText[]);
    lines.push(text === '' ? `${start}/>` : `${start}>${escapeXml(text, false)}</${element.name}>`);
    return;
  }
  lines.push(`${start}>`);
  for (const child of element.children) {
    if (isElement(child)) writeElement(child, depth + 1, lines);
    else lines.push(`${indent}  ${escapeXml(textOf([child]), false)}`);
  }
  lines.push(`${indent}</${element.name}>`);
}

function escapeXml(text: string, attribute: boolean): string {
  let escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attribute) escaped = escaped.replace(/"/g, '&quot;');
  return escaped;
}
