/**
 * Reads a zip's central directory (names and sizes only, no decompression): enough to tell a
 * workbook from another zip, to refuse zip bombs, and to say "corrupt" before ExcelJS does.
 */
import { readUint16LE, readUint32LE } from './bytes';

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Zip-level (not Excel) encryption of this entry. */
  readonly encrypted: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/** The entries, or null when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const count = readUint16LE(bytes, eocd + 10);
  const size = readUint32LE(bytes, eocd + 12);
  const offset = readUint32LE(bytes, eocd + 16);
  const zip64 = count === 0xffff || size === 0xffffffff || offset === 0xffffffff;
  if (zip64) return readEntries(bytes, findZip64DirectoryStart(bytes, eocd), Number.MAX_SAFE_INTEGER);
  if (offset + size > bytes.length) return null;
  return readEntries(bytes, offset, count);
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - EOCD_MIN - MAX_COMMENT);
  for (let i = bytes.length - EOCD_MIN; i >= stop; i--) {
    if (readUint32LE(bytes, i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

function findZip64DirectoryStart(bytes: Uint8Array, eocd: number): number {
  // The zip64 locator sits right before the EOCD and points at the zip64 EOCD record.
  const locator = eocd - 20;
  if (locator < 0 || readUint32LE(bytes, locator) !== 0x07064b50) return -1;
  const record = readUint32LE(bytes, locator + 8);
  if (readUint32LE(bytes, record) !== 0x06064b50) return -1;
  return readUint32LE(bytes, record + 48);
}

function readEntries(bytes: Uint8Array, start: number, count: number): ZipEntry[] | null {
  if (start < 0) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = start;
  while (entries.length < count && at + 46 <= bytes.length) {
    if (readUint32LE(bytes, at) !== CENTRAL_SIGNATURE) break;
    const flags = readUint16LE(bytes, at + 8);
    const compressedSize = readUint32LE(bytes, at + 20);
    const uncompressedSize = readUint32LE(bytes, at + 24);
    const nameLength = readUint16LE(bytes, at + 28);
    const extraLength = readUint16LE(bytes, at + 30);
    const commentLength = readUint16LE(bytes, at + 32);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize, encrypted: (flags & 1) === 1 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (count !== Number.MAX_SAFE_INTEGER && entries.length !== count) return null;
  return entries;
}
