/**
 * How the package scan inflates a part in the page's worker: fflate's own streaming inflate,
 * fed in small slices, its output counted by the scan as it comes out (package-scan.ts), so a
 * zip bomb stops at the first slice past the limit. Node uses its zlib instead
 * (part-inflate.ts); webpack.config.js replaces that module with this one in the worker bundle.
 */
import { UnzipInflate, type UnzipDecoderConstructor } from 'fflate';

export function partInflater(_maxBytes: (name: string) => number): UnzipDecoderConstructor {
  return UnzipInflate;
}
