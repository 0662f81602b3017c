// Binary XML value types (substitution values) decoded into what the rest of Rampart sees: numbers
// stay numbers (as evtx_dump writes them in JSON), everything else becomes the text Windows shows in
// its XML view — hexadecimal integers as `0x1a2b` without padding, GUIDs in braces and upper case,
// times in ISO 8601 with the 100 ns digits, SIDs as `S-1-5-…`, binary as upper-case hex.
//
// Windows' own rendering is followed wherever it and libevtx's evtxexport differ (evtxexport pads
// 64-bit hex to 16 digits), because Sigma rules are written against Windows' text: `0x3e7`.

import { EvtxFormatError } from './evtx-format-error.js';

/** A decoded substitution value. Binary XML values (type 0x21) are decoded by the parser, not here. */
export type ScalarValue = string | number | boolean;
export type DecodedValue = ScalarValue | ScalarValue[] | null;

export const VALUE_TYPE = {
  NULL: 0x00,
  STRING: 0x01,
  ANSI_STRING: 0x02,
  INT8: 0x03,
  UINT8: 0x04,
  INT16: 0x05,
  UINT16: 0x06,
  INT32: 0x07,
  UINT32: 0x08,
  INT64: 0x09,
  UINT64: 0x0a,
  REAL32: 0x0b,
  REAL64: 0x0c,
  BOOL: 0x0d,
  BINARY: 0x0e,
  GUID: 0x0f,
  SIZE_T: 0x10,
  FILETIME: 0x11,
  SYSTEMTIME: 0x12,
  SID: 0x13,
  HEX_INT32: 0x14,
  HEX_INT64: 0x15,
  EVT_HANDLE: 0x20,
  BINXML: 0x21,
  EVT_XML: 0x23,
  ARRAY_FLAG: 0x80,
} as const;

const TWO_TO_32 = 4294967296;
// Seconds between 1601-01-01 (FILETIME's epoch) and 1970-01-01.
const FILETIME_EPOCH_OFFSET_SECONDS = 11644473600;

/** Decodes one value of `type` stored in `size` bytes at `offset`. Arrays give arrays. */
export function decodeValue(buf: Buffer, offset: number, size: number, type: number): DecodedValue {
  if (offset + size > buf.length) throw new EvtxFormatError(`value of type 0x${type.toString(16)} runs past the end of its record`, offset);
  if (type & VALUE_TYPE.ARRAY_FLAG) return decodeArray(buf, offset, size, type & 0x7f);
  switch (type) {
    case VALUE_TYPE.NULL:
      return null;
    case VALUE_TYPE.STRING:
      return utf16String(buf, offset, size);
    case VALUE_TYPE.ANSI_STRING:
      return stripTrailingNuls(buf.toString('latin1', offset, offset + size));
    case VALUE_TYPE.BINARY:
    case VALUE_TYPE.EVT_HANDLE:
    case VALUE_TYPE.EVT_XML:
      return buf.toString('hex', offset, offset + size).toUpperCase();
    case VALUE_TYPE.SIZE_T:
      return size === 4 ? hex32(buf.readUInt32LE(offset)) : size === 8 ? hex64(buf, offset) : hexBytes(buf, offset, size);
    case VALUE_TYPE.SID:
      return sid(buf, offset, size);
    default: {
      const width = FIXED_WIDTH[type];
      if (width === undefined) throw new EvtxFormatError(`unknown value type 0x${type.toString(16)}`, offset);
      if (size < width) throw new EvtxFormatError(`value of type 0x${type.toString(16)} has ${size} bytes, needs ${width}`, offset);
      return fixedValue(buf, offset, type);
    }
  }
}

// Bytes per value of the fixed-width types (also the stride of their arrays).
const FIXED_WIDTH: Record<number, number> = {
  [VALUE_TYPE.INT8]: 1,
  [VALUE_TYPE.UINT8]: 1,
  [VALUE_TYPE.INT16]: 2,
  [VALUE_TYPE.UINT16]: 2,
  [VALUE_TYPE.INT32]: 4,
  [VALUE_TYPE.UINT32]: 4,
  [VALUE_TYPE.INT64]: 8,
  [VALUE_TYPE.UINT64]: 8,
  [VALUE_TYPE.REAL32]: 4,
  [VALUE_TYPE.REAL64]: 8,
  [VALUE_TYPE.BOOL]: 4,
  [VALUE_TYPE.GUID]: 16,
  [VALUE_TYPE.FILETIME]: 8,
  [VALUE_TYPE.SYSTEMTIME]: 16,
  [VALUE_TYPE.HEX_INT32]: 4,
  [VALUE_TYPE.HEX_INT64]: 8,
};

function fixedValue(buf: Buffer, offset: number, type: number): ScalarValue {
  switch (type) {
    case VALUE_TYPE.INT8:
      return buf.readInt8(offset);
    case VALUE_TYPE.UINT8:
      return buf[offset];
    case VALUE_TYPE.INT16:
      return buf.readInt16LE(offset);
    case VALUE_TYPE.UINT16:
      return buf.readUInt16LE(offset);
    case VALUE_TYPE.INT32:
      return buf.readInt32LE(offset);
    case VALUE_TYPE.UINT32:
      return buf.readUInt32LE(offset);
    case VALUE_TYPE.INT64:
      return int64(buf, offset);
    case VALUE_TYPE.UINT64:
      return uint64(buf, offset);
    case VALUE_TYPE.REAL32:
      return buf.readFloatLE(offset);
    case VALUE_TYPE.REAL64:
      return buf.readDoubleLE(offset);
    case VALUE_TYPE.BOOL:
      return buf.readUInt32LE(offset) !== 0;
    case VALUE_TYPE.GUID:
      return guid(buf, offset);
    case VALUE_TYPE.FILETIME:
      return filetimeToIso(buf.readUInt32LE(offset), buf.readUInt32LE(offset + 4));
    case VALUE_TYPE.SYSTEMTIME:
      return systemtime(buf, offset);
    case VALUE_TYPE.HEX_INT32:
      return hex32(buf.readUInt32LE(offset));
    default:
      return hex64(buf, offset);
  }
}

function decodeArray(buf: Buffer, offset: number, size: number, elementType: number): ScalarValue[] {
  if (elementType === VALUE_TYPE.STRING) return utf16StringList(buf, offset, size);
  if (elementType === VALUE_TYPE.ANSI_STRING) {
    const text = buf.toString('latin1', offset, offset + size);
    return (text.endsWith('\u0000') ? text.slice(0, -1) : text).split('\u0000');
  }
  if (elementType === VALUE_TYPE.SIZE_T) elementType = size % 8 === 0 ? VALUE_TYPE.HEX_INT64 : VALUE_TYPE.HEX_INT32;
  const width = FIXED_WIDTH[elementType];
  if (width === undefined) throw new EvtxFormatError(`unsupported array of value type 0x${elementType.toString(16)}`, offset);
  const values: ScalarValue[] = [];
  for (let at = offset; at + width <= offset + size; at += width) values.push(fixedValue(buf, at, elementType));
  return values;
}

/** A UTF-16LE string; the terminating NULs writers often include are not part of the value. */
export function utf16String(buf: Buffer, offset: number, size: number): string {
  let end = offset + (size & ~1);
  while (end > offset && buf[end - 1] === 0 && buf[end - 2] === 0) end -= 2;
  return buf.toString('utf16le', offset, end);
}

/** Each string of an array ends with a NUL, so an empty last string shows as a doubled NUL. */
function utf16StringList(buf: Buffer, offset: number, size: number): string[] {
  const text = buf.toString('utf16le', offset, offset + (size & ~1));
  return (text.endsWith('\u0000') ? text.slice(0, -1) : text).split('\u0000');
}

function stripTrailingNuls(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return end === text.length ? text : text.slice(0, end);
}

function hex32(value: number): string {
  return '0x' + value.toString(16);
}

function hex64(buf: Buffer, offset: number): string {
  const low = buf.readUInt32LE(offset);
  const high = buf.readUInt32LE(offset + 4);
  return high === 0 ? '0x' + low.toString(16) : '0x' + high.toString(16) + low.toString(16).padStart(8, '0');
}

function hexBytes(buf: Buffer, offset: number, size: number): string {
  let text = '';
  for (let i = offset + size - 1; i >= offset; i--) text += buf[i].toString(16).padStart(2, '0');
  return '0x' + (text.replace(/^0+(?=.)/, '') || '0');
}

function uint64(buf: Buffer, offset: number): number | string {
  const low = buf.readUInt32LE(offset);
  const high = buf.readUInt32LE(offset + 4);
  // Exact as a number up to 2^53; beyond that, decimal text so no digit is lost.
  return high < 0x200000 ? high * TWO_TO_32 + low : buf.readBigUInt64LE(offset).toString();
}

function int64(buf: Buffer, offset: number): number | string {
  const value = buf.readBigInt64LE(offset);
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value.toString();
}

/** ASCII codes of the upper-case hexadecimal digits. */
const HEX_DIGITS = Buffer.from('0123456789ABCDEF', 'latin1');
/** A GUID's text is written here and read out as one string: 38 characters, one allocation. */
const GUID_TEXT = Buffer.alloc(38);
/** Where each of a GUID's 16 bytes goes in its text: the first three groups are little-endian. */
const GUID_BYTE_AT = [7, 5, 3, 1, 12, 10, 17, 15, 20, 22, 25, 27, 29, 31, 33, 35];
GUID_TEXT.write('{00000000-0000-0000-0000-000000000000}', 'latin1');

// GUIDs are in every event (the provider's, activity ids, logon GUIDs): built by concatenation, two
// characters at a time, they were a seventh of the bytes the EVTX hunt allocated.
function guid(buf: Buffer, offset: number): string {
  for (let i = 0; i < 16; i++) {
    const byte = buf[offset + i];
    const at = GUID_BYTE_AT[i];
    GUID_TEXT[at] = HEX_DIGITS[byte >> 4];
    GUID_TEXT[at + 1] = HEX_DIGITS[byte & 15];
  }
  return GUID_TEXT.toString('latin1', 0, 38);
}

/** `S-<revision>-<authority>-<sub-authority>…`, the authority a 48-bit big-endian number. */
function sid(buf: Buffer, offset: number, size: number): string {
  if (size < 8) throw new EvtxFormatError(`SID of ${size} bytes is too short`, offset);
  const revision = buf[offset];
  const count = buf[offset + 1];
  if (8 + count * 4 > size) throw new EvtxFormatError(`SID claims ${count} sub-authorities in ${size} bytes`, offset);
  const authority = buf.readUIntBE(offset + 2, 6);
  let text = `S-${revision}-${authority}`;
  for (let i = 0; i < count; i++) text += '-' + buf.readUInt32LE(offset + 8 + i * 4);
  return text;
}

/**
 * A FILETIME (100 ns ticks since 1601) as `YYYY-MM-DDTHH:MM:SS.fffffffZ`. Computed exactly with
 * doubles: ticks = high·2³² + low, and 2³² = 429·10⁷ + 4,967,296 keeps every partial sum below 2⁵³.
 */
export function filetimeToIso(low: number, high: number): string {
  const remainder = high * 4967296 + low;
  const seconds = high * 429 + Math.floor(remainder / 1e7);
  const ticks = remainder % 1e7;
  // Events come in bursts within one second: the date and time part is reused while it lasts.
  if (seconds !== lastSeconds) {
    const date = new Date((seconds - FILETIME_EPOCH_OFFSET_SECONDS) * 1000);
    if (Number.isNaN(date.getTime())) return `FILETIME(0x${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')})`;
    lastSeconds = seconds;
    lastSecondsText = date.toISOString().slice(0, -5);
  }
  return lastSecondsText + '.' + String(ticks).padStart(7, '0') + 'Z';
}

let lastSeconds = -1;
let lastSecondsText = '';

function systemtime(buf: Buffer, offset: number): string {
  const year = buf.readUInt16LE(offset);
  const month = buf.readUInt16LE(offset + 2);
  const day = buf.readUInt16LE(offset + 6);
  const hour = buf.readUInt16LE(offset + 8);
  const minute = buf.readUInt16LE(offset + 10);
  const second = buf.readUInt16LE(offset + 12);
  const millisecond = buf.readUInt16LE(offset + 14);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}.${String(millisecond).padStart(3, '0')}Z`;
}
