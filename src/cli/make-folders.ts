/**
 * mkdir -p one level at a time: Node 20's mkdirSync({ recursive: true }) spins for ever where a
 * folder cannot be made and its parent exists (e.g. `--out /proc/1/x/报告.json`), instead of
 * throwing. Each missing level is made on its own, so such a path throws ENOENT at once.
 */
import { existsSync, mkdirSync } from 'fs';
import { resolve, sep } from 'path';

export function makeFolders(dir: string): void {
  const parts = resolve(dir).split(sep);
  for (let i = 2; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join(sep);
    if (existsSync(prefix)) continue;
    try {
      mkdirSync(prefix);
    } catch (e) {
      // Made meanwhile by someone else (two workers writing into one new folder): fine.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
