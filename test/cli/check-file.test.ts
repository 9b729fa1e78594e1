import { closeSync, openSync, writeFileSync, writeSync } from 'fs';
import { join } from 'path';
import { checkFile } from '../../src/cli/check-file';
import { DEFAULT_READ_LIMITS } from '../../src/host/file/read';
import { makeTempDir, seedWorkbook } from './batch-folder';

describe('checkFile', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const path = join(makeTempDir('selfeval-big-'), '大.xlsx');
    const fd = openSync(path, 'w');
    writeSync(fd, 'x', DEFAULT_READ_LIMITS.maxBytes); // sparse: one byte past the limit
    closeSync(fd);
    const { report, bytes } = await checkFile(path, undefined);
    expect(bytes).toBeNull();
    expect(report.status).toBe('unreadable');
    expect(report.error).toContain('“大.xlsx”太大');
  });

  it('checks a workbook and keeps its bytes for the annotated copy', async () => {
    const path = join(makeTempDir('selfeval-one-'), 'seed.xlsx');
    const data = await seedWorkbook(false);
    writeFileSync(path, data);
    const { report, bytes } = await checkFile(path, 'hunan-dept-overall');
    expect(report).toMatchObject({ file: path, status: 'checked', profile: 'hunan-dept-overall' });
    expect(Buffer.from(bytes!).equals(Buffer.from(data))).toBe(true);
  });
});
