// Finds parts of an Office Open XML package the way the format says to: through its relationship parts
// (`_rels/.rels` names the main part, `xl/_rels/workbook.xml.rels` the sheets), not by guessing names,
// so a workbook written by a tool that names its parts differently is still read.
import { posix } from 'node:path';
import { readXmlPart } from './read-xml-part.js';
import type { ZipArchive } from './zip-archive.js';

export interface Relationship {
  readonly id: string;
  /** The relationship type's last segment: `officeDocument`, `worksheet`, `sharedStrings`… */
  readonly type: string;
  /** The target part's name in the archive. */
  readonly part: string;
}

/** The relationships of `part` (`''` for the package itself); none when it has no relationship part. */
export async function readRelationships(archive: ZipArchive, part: string): Promise<Relationship[]> {
  const folder = posix.dirname(part);
  const relsPart = part === '' ? '_rels/.rels' : posix.join(folder, '_rels', `${posix.basename(part)}.rels`);
  if (!archive.has(relsPart)) return [];
  const relationships: Relationship[] = [];
  await readXmlPart(archive, relsPart, {
    open: (name, attributes) => {
      if (name !== 'Relationship' || attributes.TargetMode === 'External' || !attributes.Target) return;
      const target = attributes.Target;
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(part === '' ? '' : folder, target));
      relationships.push({ id: attributes.Id ?? '', type: (attributes.Type ?? '').split('/').at(-1) ?? '', part: resolved });
    },
  });
  return relationships;
}

/** The package's main part (`xl/workbook.xml`, `word/document.xml`), by `_rels/.rels` or else the usual names. */
export async function mainPart(archive: ZipArchive): Promise<string | undefined> {
  const main = (await readRelationships(archive, '')).find((relationship) => relationship.type === 'officeDocument');
  if (main !== undefined && archive.has(main.part)) return main.part;
  return ['xl/workbook.xml', 'word/document.xml'].find((name) => archive.has(name));
}
