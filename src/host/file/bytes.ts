/** Byte helpers that run in Node and in the browser alike (no Buffer, no fs). */

export type WorkbookBytes = Uint8Array | ArrayBuffer;

export function asUint8Array(bytes: WorkbookBytes): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

export function startsWith(b: Uint8Array, signature: readonly number[]): boolean {
  if (b.length < signature.length) return false;
  return signature.every((v, i) => b[i] === v);
}

/** The file name without folders: works for `/` and `\` paths. */
export function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] || fileName;
}

/** `.xlsx`, lower-case, or '' when the name has none. */
export function extensionOf(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
