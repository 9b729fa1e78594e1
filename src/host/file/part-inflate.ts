/**
 * How the package scan (package-scan.ts) inflates a part, in Node: with Node's own zlib, which
 * is several times faster than fflate's JavaScript inflate and was most of the scan's cost
 * (issue 11). The part's compressed bytes are gathered (they are bounded by the file's size)
 * and inflated in one call that may not yield more than the scan allows for that part
 * (`maxOutputLength`), so a zip bomb or a lying header costs at most that much memory, never
 * more. In the page's worker bundle webpack.config.js replaces this module with
 * part-inflate.browser.ts (fflate in small slices, counted by the scan as they come out).
 */
import type { AsyncFlateStreamHandler, UnzipDecoder, UnzipDecoderConstructor } from 'fflate';
import { inflateRawSync } from 'zlib';
import { PartTooLarge } from './part-too-large';

/** A deflate decoder for fflate's Unzip whose output for `name` stops at `maxBytes(name)`. */
export function partInflater(maxBytes: (name: string) => number): UnzipDecoderConstructor {
  return class NativeInflate implements UnzipDecoder {
    static readonly compression = 8;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private readonly chunks: Uint8Array[] = [];
    private readonly max: number;

    constructor(name: string) {
      this.max = maxBytes(name);
    }

    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk);
      if (!final) return;
      let out: Uint8Array<ArrayBuffer>;
      try {
        const inflated = inflateRawSync(Buffer.concat(this.chunks), { maxOutputLength: Math.max(1, this.max) });
        out = new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.byteLength);
      } catch (e) {
        const tooLarge = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        this.ondata((tooLarge ? new PartTooLarge() : e) as Parameters<AsyncFlateStreamHandler>[0], new Uint8Array(0), true);
        return;
      }
      this.ondata(null, out, true);
    }
  };
}
