// Compares Rampart's EVTX reader with libevtx's `evtxexport -f xml` record by record: the event id,
// time, computer, channel, provider and every EventData / UserData value, in order.
//
// Two renderings differ by design and are compared by meaning (docs/evtx.md shows why):
// - hexadecimal integers: evtxexport pads 64-bit ones to 16 digits (`0x000000000003144c`), Windows
//   and Rampart do not (`0x3144c`, what Sigma rules are written against); compared as numbers;
// - times: evtxexport prints nine fractional digits, two of them always zero (FILETIME counts
//   100 ns); compared to the 100 ns.
import { execFileSync } from 'node:child_process';
import { readEvtxRecords } from '../src/logs/evtx/evtx-records.js';
import { isElement, textOf, type XmlElement, type XmlText } from '../src/logs/evtx/xml-tree.js';

export interface ComparableEvent {
  readonly eventId: string;
  readonly time: string;
  readonly computer: string;
  readonly channel: string;
  readonly provider: string;
  /** EventData / UserData leaves in document order: [name, value]. */
  readonly data: readonly (readonly [string, string])[];
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITY[name]);
}

/** The events of one file as evtxexport prints them. */
export function evtxexportEvents(file: string): ComparableEvent[] {
  const xml = execFileSync('evtxexport', ['-f', 'xml', file], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  return xml
    .split('<Event xmlns')
    .slice(1)
    .map((event) => {
      const tag = (name: string): string => unescapeXml(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(event)?.[1] ?? '');
      const section = /<(EventData|UserData)(?: [^>]*)?>([\s\S]*)<\/\1>/.exec(event)?.[2] ?? '';
      const data: [string, string][] = [];
      const leaf = /<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(?:\/>|>([^<]*)<\/\1>)/g;
      for (const match of section.matchAll(leaf)) {
        const name = /\bName="([^"]*)"/.exec(match[2])?.[1];
        data.push([unescapeXml(name ?? match[1]), unescapeXml(match[3] ?? '')]);
      }
      return {
        eventId: tag('EventID'),
        time: /SystemTime="([^"]*)"/.exec(event)?.[1] ?? '',
        computer: tag('Computer'),
        channel: tag('Channel'),
        provider: unescapeXml(/<Provider Name="([^"]*)"/.exec(event)?.[1] ?? ''),
        data,
      };
    });
}

/** The events of one file as Rampart's reader gives them, with the warnings it printed. */
export async function rampartEvents(file: string): Promise<{ events: ComparableEvent[]; warnings: string[] }> {
  const events: ComparableEvent[] = [];
  const warnings: string[] = [];
  for await (const record of readEvtxRecords(file, { onProblem: (problem) => warnings.push(problem.message) })) {
    events.push(comparable(record.xml));
  }
  return { events, warnings };
}

function comparable(root: XmlElement): ComparableEvent {
  const child = (parent: XmlElement | undefined, name: string): XmlElement | undefined =>
    parent?.children.find((node): node is XmlElement => isElement(node) && node.name === name);
  const text = (element: XmlElement | undefined): string => (element ? textOf(element.children.filter((node) => !isElement(node)) as XmlText[]) : '');
  const attribute = (element: XmlElement | undefined, name: string): string => {
    const found = element?.attributes.find((candidate) => candidate.name === name);
    return found ? textOf(found.value) : '';
  };
  const system = child(root, 'System');
  const data: [string, string][] = [];
  const walk = (element: XmlElement): void => {
    const elements = element.children.filter(isElement);
    if (elements.length === 0) {
      data.push([attribute(element, 'Name') || element.name, text(element)]);
      return;
    }
    for (const nested of elements) walk(nested);
  };
  const section = child(root, 'EventData') ?? child(root, 'UserData');
  if (section) for (const element of section.children.filter(isElement)) walk(element);
  return {
    eventId: text(child(system, 'EventID')),
    time: attribute(child(system, 'TimeCreated'), 'SystemTime'),
    computer: text(child(system, 'Computer')),
    channel: text(child(system, 'Channel')),
    provider: attribute(child(system, 'Provider'), 'Name'),
    data,
  };
}

/** Whether two renderings of one value mean the same (see the header for the two allowed forms). */
export function sameValue(theirs: string, ours: string): boolean {
  if (theirs === ours) return true;
  if (/^0x[0-9a-f]+$/i.test(theirs) && /^0x[0-9a-f]+$/i.test(ours)) return BigInt(theirs) === BigInt(ours);
  const time = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d+)Z$/;
  const a = time.exec(theirs);
  const b = time.exec(ours);
  return a !== null && b !== null && a[1] === b[1] && a[2].padEnd(9, '0').slice(0, 7) === b[2].padEnd(9, '0').slice(0, 7);
}

/** The first difference between the two lists of events, or undefined when they agree. */
export function firstDifference(theirs: readonly ComparableEvent[], ours: readonly ComparableEvent[]): string | undefined {
  if (theirs.length !== ours.length) return `evtxexport has ${theirs.length} records, Rampart ${ours.length}`;
  for (let i = 0; i < theirs.length; i++) {
    const a = theirs[i];
    const b = ours[i];
    for (const key of ['eventId', 'time', 'computer', 'channel', 'provider'] as const) {
      if (!sameValue(a[key], b[key])) return `record ${i + 1}: ${key} '${a[key]}' ≠ '${b[key]}'`;
    }
    if (a.data.length !== b.data.length) return `record ${i + 1} (event ${a.eventId}): ${a.data.length} data values ≠ ${b.data.length}: ${JSON.stringify(a.data)} vs ${JSON.stringify(b.data)}`;
    for (let j = 0; j < a.data.length; j++) {
      const [nameA, valueA] = a.data[j];
      const [nameB, valueB] = b.data[j];
      if (nameA !== nameB || !sameValue(valueA, valueB)) return `record ${i + 1} (event ${a.eventId}): ${nameA}='${valueA}' ≠ ${nameB}='${valueB}'`;
    }
  }
  return undefined;
}
