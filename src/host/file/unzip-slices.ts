/**
 * Feeding a package to fflate's streaming Unzip a slice at a time, and joining what a part
 * inflated to: shared by the package scan (package-scan.ts) and the Word report reader
 * (read-docx.ts), so that both stop at the first slice past a limit.
 */
import type { Unzip } from 'fflate';

/** Compressed bytes pushed at a time: deflate expands at most ~1032×, so one slice inflates to ≤ 17 MB. */
export const SLICE = 16 * 1024;

/** Pushes `bytes` through `unzip` slice by slice until the end, or until `enough()` says stop. */
export function pushInSlices(unzip: Unzip, bytes: Uint8Array, enough: () => boolean): void {
  for (let at = 0; at < bytes.length && !enough(); at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
}

/** The chunks of one part, joined into `size` bytes. */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === size) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
