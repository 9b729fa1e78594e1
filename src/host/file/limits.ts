/** How much the file door agrees to read before it gives up with a clear message. */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Most non-empty cells accepted across all sheets. */
  readonly maxCells: number;
  /** Largest total uncompressed size of an .xlsx package (guards against zip bombs). */
  readonly maxUncompressedBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxCells: 2_000_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
};

export function withDefaultLimits(partial?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...partial };
}
