import { mkdirSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { AnnotatedNames } from '../../src/cli/annotated-names';
import { collectInputs, isWorkbookFileName } from '../../src/cli/walk';
import { makeTempDir } from './batch-folder';

describe('isWorkbookFileName', () => {
  it.each([
    ['a.xlsx', true],
    ['A.XLSM', true],
    ['b.xls', true],
    ['~$a.xlsx', false],
    ['._a.xlsx', false],
    ['a.checked.xlsx', false],
    ['a.csv', false],
    ['a.xlsb', false],
  ])('%s → %s', (name, expected) => expect(isWorkbookFileName(name)).toBe(expected));
});

describe('collectInputs', () => {
  it('walks folders recursively in a stable order, skipping lock files and our copies', () => {
    const root = makeTempDir('selfeval-walk-');
    mkdirSync(join(root, 'b'));
    mkdirSync(join(root, 'a', 'deep'), { recursive: true });
    for (const f of ['z.xlsx', 'b/y.xls', 'a/deep/x.xlsm', 'a/~$x.xlsx', 'a/x.checked.xlsx', 'readme.txt']) writeFileSync(join(root, f), '');
    symlinkSync(root, join(root, 'b', 'loop'));
    const { entries, isBatch } = collectInputs([root]);
    expect(isBatch).toBe(true);
    expect(entries).toEqual([
      { kind: 'file', path: join(root, 'a', 'deep', 'x.xlsm') },
      { kind: 'file', path: join(root, 'b', 'y.xls') },
      { kind: 'file', path: join(root, 'z.xlsx') },
    ]);
  });

  it('takes a named file as is, once, and reports a missing path', () => {
    const root = makeTempDir('selfeval-walk-');
    const file = join(root, 'a.checked.xlsx');
    writeFileSync(file, '');
    const { entries, isBatch } = collectInputs([file, file, join(root, 'nope.xlsx')]);
    expect(isBatch).toBe(true);
    expect(entries[0]).toEqual({ kind: 'file', path: file });
    expect(entries[1]).toMatchObject({ kind: 'missing', path: join(root, 'nope.xlsx') });
    expect(entries).toHaveLength(2);
    expect(collectInputs([file]).isBatch).toBe(false);
  });
});

describe('AnnotatedNames', () => {
  it('names copies <name>.checked.xlsx and keeps them apart', () => {
    const names = new AnnotatedNames('out');
    expect(names.next('x/自评.xls')).toBe(join('out', '自评.checked.xlsx'));
    expect(names.next('y/自评.xlsx')).toBe(join('out', '自评 (2).checked.xlsx'));
    expect(names.next('y/other.xlsm')).toBe(join('out', 'other.checked.xlsx'));
  });
});
