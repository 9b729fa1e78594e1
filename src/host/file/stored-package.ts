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

/**
 * Whether every part name is ASCII (as Excel and WPS name them: xl/worksheets/sheet1.xml). A
 * name in another encoding without the zip's UTF-8 flag is decoded by fflate and by JSZip
 * differently, so such a package goes to ExcelJS as it came.
 */
export function storable(parts: ReadonlyMap<string, Uint8Array>): boolean {
  for (const name of parts.keys()) if (!/^[\x20-\x7e]*$/.test(name)) return false;
  return true;
}
