/**
 * What ExcelJS is given after the scan (src/host/file/stored-package.ts): the scanned parts,
 * byte for byte, stored; a package with a part name that is not ASCII goes as it came.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync } from 'fflate';
import { DEFAULT_READ_LIMITS } from '../../src/host/file/limits';
import { scanPackage } from '../../src/host/file/package-scan';
import { storable, storedPackage } from '../../src/host/file/stored-package';

const seed = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'samples', 'seed-004.xlsx')));

describe('storedPackage', () => {
  it('holds every part the scan measured, byte for byte, uncompressed', () => {
    const scan = scanPackage(seed, 'seed-004.xlsx', DEFAULT_READ_LIMITS);
    if (!scan.ok) throw new Error(scan.message);
    const parts = scan.parts!;
    expect([...parts.keys()].sort()).toEqual(Object.keys(unzipSync(seed)).sort());
    const stored = storedPackage(parts);
    const back = unzipSync(stored);
    for (const [name, data] of parts) expect(Buffer.from(back[name]!).equals(Buffer.from(data))).toBe(true);
    // Stored: the package is about as large as its parts together, not compressed.
    const total = [...parts.values()].reduce((n, d) => n + d.length, 0);
    expect(stored.length).toBeGreaterThan(total);
  });

  it('is used only when every part name is ASCII', () => {
    expect(storable(new Map([['xl/worksheets/sheet1.xml', new Uint8Array(1)]]))).toBe(true);
    expect(storable(new Map([['xl/media/图片1.png', new Uint8Array(1)]]))).toBe(false);
  });
});
