// CIDR ranges for the `cidr` modifier: parsing (here) and membership (compile/). IPv4 and IPv6,
// including IPv4-mapped IPv6 addresses (::ffff:1.2.3.4) as events sometimes carry them.

export interface CidrRange {
  /** 16 bytes for IPv6, 4 for IPv4. */
  readonly bytes: Uint8Array;
  readonly prefix: number;
}

export function parseIp(text: string): Uint8Array | undefined {
  const address = text.trim();
  if (address.includes(':')) return parseIpv6(address);
  return parseIpv4(address);
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    if (!/^\d{1,3}$/.test(parts[i])) return undefined;
    const value = Number(parts[i]);
    if (value > 255) return undefined;
    bytes[i] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  let address = text;
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  let tail: Uint8Array | undefined;
  const lastColon = address.lastIndexOf(':');
  if (address.slice(lastColon + 1).includes('.')) {
    tail = parseIpv4(address.slice(lastColon + 1));
    if (!tail) return undefined;
    address = address.slice(0, lastColon + 1) + '0:0';
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    const numbers: number[] = [];
    for (const group of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      numbers.push(parseInt(group, 16));
    }
    return numbers;
  };
  const head = parseGroups(halves[0]);
  const rest = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  if (tail) bytes.set(tail, 12);
  return bytes;
}

export function parseCidr(text: string): CidrRange | undefined {
  const slash = text.indexOf('/');
  const bytes = parseIp(slash >= 0 ? text.slice(0, slash) : text);
  if (!bytes) return undefined;
  const maxPrefix = bytes.length * 8;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : String(maxPrefix);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > maxPrefix) return undefined;
  return { bytes, prefix };
}

export function isValidCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** True when the address lies in the range. An IPv4-mapped IPv6 address counts as its IPv4 address. */
export function ipInRange(address: Uint8Array, range: CidrRange): boolean {
  let bytes = address;
  if (bytes.length === 16 && range.bytes.length === 4 && isIpv4Mapped(bytes)) bytes = bytes.subarray(12);
  if (bytes.length !== range.bytes.length) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (range.bytes[i] & mask)) return false;
  }
  return true;
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}
