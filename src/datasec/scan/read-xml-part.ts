// Streams one XML part of an Office archive through a strict SAX parser, calling back with local element
// names (the namespace prefix dropped: `w:p` and `p` are one element), attributes and text. Memory stays
// at the parser's buffers whatever the part's size. sax does not expand entities declared in a DTD, so
// an entity-expansion bomb is a malformed-XML error, not a memory blow-up.
import sax from 'sax';
import { ArchiveError, type ZipArchive } from './zip-archive.js';

export interface XmlHandlers {
  readonly open?: (name: string, attributes: Readonly<Record<string, string>>) => void;
  readonly close?: (name: string) => void;
  /** Character data (entities decoded), CDATA included. */
  readonly text?: (text: string) => void;
}

export async function readXmlPart(archive: ZipArchive, part: string, handlers: XmlHandlers): Promise<void> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  parser.onerror = (error) => {
    throw new ArchiveError(`${part}: malformed XML (${error.message.replace(/\s*\n\s*/g, ', ')})`);
  };
  const { open, close, text } = handlers;
  if (open) parser.onopentag = (tag) => open(localName(tag.name), tag.attributes as Record<string, string>);
  if (close) parser.onclosetag = (name) => close(localName(name));
  if (text) {
    parser.ontext = text;
    parser.oncdata = text;
  }
  for await (const chunk of archive.readText(part)) parser.write(chunk);
  parser.close();
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
