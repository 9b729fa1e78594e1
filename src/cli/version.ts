/** The package version, read from package.json next to build/ or src/ (both are two levels down). */
import { readFileSync } from 'fs';
import { join } from 'path';

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
