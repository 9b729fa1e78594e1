/**
 * The package handed to ExcelJS after the scan: the very parts the scan inflated and measured,
 * stored again without compression by fflate. ExcelJS (through JSZip) then reads exactly what
 * was measured — never a part the scan saw differently — and inflates nothing a second time,
 * which was a third of its load (issue 11).
 */
import { zipSync, type Zippable } from 'fflate';

export function storedPackage(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of parts) files[name] = [data, { level: 0 }];
  return zipSync(files, { level: 0 });
}
