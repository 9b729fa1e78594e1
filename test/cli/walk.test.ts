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
      { kind: 'file', path: join(root, 'a', 'deep', 'x.xlsm'), relative: join('a', 'deep', 'x.xlsm') },
      { kind: 'file', path: join(root, 'b', 'y.xls'), relative: join('b', 'y.xls') },
      { kind: 'file', path: join(root, 'z.xlsx'), relative: 'z.xlsx' },
    ]);
  });

  it('takes a named file as is, once, and reports a missing path', () => {
    const root = makeTempDir('selfeval-walk-');
    const file = join(root, 'a.checked.xlsx');
    writeFileSync(file, '');
    const { entries, isBatch } = collectInputs([file, file, join(root, 'nope.xlsx')]);
    expect(isBatch).toBe(true);
    expect(entries[0]).toEqual({ kind: 'file', path: file, relative: 'a.checked.xlsx' });
    expect(entries[1]).toMatchObject({ kind: 'missing', path: join(root, 'nope.xlsx') });
    expect(entries).toHaveLength(2);
    expect(collectInputs([file]).isBatch).toBe(false);
  });
});

describe('AnnotatedNames', () => {
  it('keeps the folder structure, names copies <name>.checked.xlsx and keeps them apart', () => {
    const out = join(makeTempDir('selfeval-names-'), 'out');
    const names = new AnnotatedNames(out);
    expect(names.next(join('x', '自评.xls'))).toEqual({ path: join(out, 'x', '自评.checked.xlsx'), taken: null });
    expect(names.next(join('y', '自评.xlsx'))).toEqual({ path: join(out, 'y', '自评.checked.xlsx'), taken: null });
    expect(names.next('自评.xlsx').path).toBe(join(out, '自评.checked.xlsx'));
    expect(names.next('自评.xlsm').path).toBe(join(out, '自评 (2).checked.xlsx'));
  });

  it('never picks a name something already holds, and says which name was taken', () => {
    const out = makeTempDir('selfeval-names-');
    writeFileSync(join(out, 'a.checked.xlsx'), 'earlier copy');
    symlinkSync('/nonexistent', join(out, 'a (2).checked.xlsx')); // a dangling link counts too
    mkdirSync(join(out, 'b.checked.xlsx'));
    const names = new AnnotatedNames(out);
    expect(names.next('a.xlsx')).toEqual({ path: join(out, 'a (3).checked.xlsx'), taken: join(out, 'a.checked.xlsx') });
    expect(names.next('b.xls')).toEqual({ path: join(out, 'b (2).checked.xlsx'), taken: join(out, 'b.checked.xlsx') });
  });
});
