/**
 * Where the annotated copies go: `DIR/<place in the folder given>/<name>.checked.xlsx`, so the
 * inputs' folder structure is kept and two `seed-004.xlsx` in different folders get two copies.
 * A name already used in this run, or taken by anything already in DIR (an earlier copy, a
 * link, a folder), is never replaced: the copy gets the next free `<name> (2).checked.xlsx`,
 * and the caller says so on stderr.
 */
import { basename, dirname, extname, join } from 'path';
import { entryExists } from './write-output';

export interface AnnotatedTarget {
  readonly path: string;
  /** The name the copy would have had, when an existing entry holds it (then `path` differs). */
  readonly taken: string | null;
}

export class AnnotatedNames {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  /** `乡镇/自评.xls` → `DIR/乡镇/自评.checked.xlsx`; a taken name gets ` (2)`, ` (3)`…. */
  next(relative: string): AnnotatedTarget {
    const folder = join(this.dir, dirname(relative));
    const stem = basename(relative, extname(relative));
    let taken: string | null = null;
    for (let n = 1; ; n++) {
      const path = join(folder, n === 1 ? `${stem}.checked.xlsx` : `${stem} (${n}).checked.xlsx`);
      if (this.used.has(path.toLowerCase())) continue;
      if (entryExists(path)) {
        taken ??= path;
        continue;
      }
      this.used.add(path.toLowerCase());
      return { path, taken };
    }
  }
}
