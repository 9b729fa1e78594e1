/**
 * Lists a zip's entries (names and sizes) without inflating any of them, through fflate's
 * `unzipSync` filter: enough to tell a workbook from another zip, to refuse zip bombs, and
 * to say "corrupt" before ExcelJS does.
 */
import { unzipSync } from 'fflate';

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/** The entries, or null when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, compressedSize: file.size, uncompressedSize: file.originalSize });
        return false; // read the directory only
      },
    });
  } catch {
    return null;
  }
  return entries;
}
