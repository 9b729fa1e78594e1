/** Writes an output file, creating its folder. Only ever called with paths that are not inputs. */
import { mkdirSync, realpathSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';

export function writeOutputFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, data);
}

/** The path's canonical form, for comparing outputs with inputs (the file may not exist yet). */
export function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(resolve(path))), resolve(path).slice(dirname(resolve(path)).length + 1));
    } catch {
      return resolve(path);
    }
  }
}
