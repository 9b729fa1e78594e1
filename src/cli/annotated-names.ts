/** File names of the annotated copies: `<name>.checked.xlsx`, made unique within one run. */
import { basename, extname, join } from 'path';

export class AnnotatedNames {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  /** `报表/自评.xls` → `DIR/自评.checked.xlsx`; a second `自评` becomes `自评 (2).checked.xlsx`. */
  next(inputPath: string): string {
    const stem = basename(inputPath, extname(inputPath));
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}.checked.xlsx` : `${stem} (${n}).checked.xlsx`;
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return join(this.dir, name);
      }
    }
  }
}
