/**
 * Where the annotated copies go: `DIR/<place in the folder given>/<name>.checked.xlsx`, so the
 * inputs' folder structure is kept and two `seed-004.xlsx` in different folders get two copies.
 * A name already used in this run, or taken by anything already in DIR (an earlier copy, a
 * link, a folder, a copy another run is writing at this moment), is never replaced: the copy
 * gets the next free `<name> (2).checked.xlsx`, and the caller says so on stderr.
 *
 * Each name is reserved atomically, by creating it empty and exclusively (O_EXCL,
 * write-output.ts reserveName): two runs into one folder at once can never pick the same name,
 * where a check-then-write would let both write `a.checked.xlsx`, the second replacing the first.
 * The copy is later renamed onto its reserved name; a name that gets no copy is removed
 * (`drop`), and so are all of them on Ctrl+C (interrupt.ts).
 */
import { basename, dirname, extname, join } from 'path';
import { dropReserved, reserveName } from './write-output';

export interface AnnotatedTarget {
  readonly path: string;
  /** The name the copy would have had, when an existing entry holds it (then `path` differs). */
  readonly taken: string | null;
}

export class AnnotatedNames {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  /** `乡镇/自评.xls` → `DIR/乡镇/自评.checked.xlsx`, reserved; a taken name gets ` (2)`, ` (3)`…. */
  next(relative: string): AnnotatedTarget {
    const folder = join(this.dir, dirname(relative));
    const stem = basename(relative, extname(relative));
    let taken: string | null = null;
    for (let n = 1; ; n++) {
      const path = join(folder, n === 1 ? `${stem}.checked.xlsx` : `${stem} (${n}).checked.xlsx`);
      if (this.used.has(path.toLowerCase())) continue;
      if (!reserveName(path)) {
        taken ??= path;
        continue;
      }
      this.used.add(path.toLowerCase());
      return { path, taken };
    }
  }

  /** Gives back a reserved name that will get no copy (the file could not be read…). */
  drop(target: AnnotatedTarget): void {
    dropReserved(target.path);
  }
}
