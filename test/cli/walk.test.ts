import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'fs';
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

describe('collectInputs on a stranger’s folder', () => {
  it('never follows a link: a link to a workbook or a device is reported, a link to a folder named', () => {
    const root = makeTempDir('selfeval-walk-');
    const outside = makeTempDir('selfeval-walk-outside-');
    writeFileSync(join(outside, 'away.xlsx'), 'x');
    symlinkSync(join(outside, 'away.xlsx'), join(root, 'away.xlsx'));
    symlinkSync('/dev/zero', join(root, 'zero.xls'));
    symlinkSync('/', join(root, 'root'));
    execFileSync('mkfifo', [join(root, 'pipe.xlsx')]);
    const r = collectInputs([root]);
    expect(r.entries.map((e) => [e.kind, e.path])).toEqual([
      ['missing', join(root, 'away.xlsx')],
      ['missing', join(root, 'pipe.xlsx')],
      ['missing', join(root, 'zero.xls')],
    ]);
    const reasons = r.entries.map((e) => (e.kind === 'missing' ? e.reason : ''));
    expect(reasons[0]).toContain('是符号链接');
    expect(reasons[1]).toContain('不是普通文件（命名管道（FIFO））');
    expect(reasons[2]).toContain('是符号链接');
    expect(r.linksNotFollowed).toEqual([join(root, 'root')]);
    expect(r.stopped).toBeNull();
  });

  it('walks a DAG of links in no time: links are not followed', () => {
    const root = makeTempDir('selfeval-walk-');
    for (let i = 0; i <= 40; i++) mkdirSync(join(root, String(i)));
    for (let i = 0; i < 40; i++) for (const l of ['a', 'b']) symlinkSync(join(root, String(i + 1)), join(root, String(i), l));
    writeFileSync(join(root, '40', 'x.xlsx'), '');
    const r = collectInputs([root]);
    expect(r.entries).toEqual([{ kind: 'file', path: join(root, '40', 'x.xlsx'), relative: join('40', 'x.xlsx') }]);
    expect(r.linksNotFollowed).toHaveLength(80);
  });

  it('stops past its depth or entry limit and says so', () => {
    const root = makeTempDir('selfeval-walk-');
    let deep = root;
    for (let i = 0; i < 6; i++) deep = join(deep, `d${i}`);
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'x.xlsx'), '');
    const byDepth = collectInputs([root], { maxDepth: 3, maxEntries: 1000, maxSeconds: 60 });
    expect(byDepth.entries).toEqual([]);
    expect(byDepth.stopped).toContain('文件夹层级超过 3 层');
    for (let i = 0; i < 20; i++) writeFileSync(join(root, `f${i}.xlsx`), '');
    const byCount = collectInputs([root], { maxDepth: 32, maxEntries: 10, maxSeconds: 60 });
    expect(byCount.entries.length).toBeLessThanOrEqual(10);
    expect(byCount.stopped).toContain('条目超过 10 个');
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

  it('reserves each name by creating it exclusively, so a second run takes the next name', () => {
    const out = makeTempDir('selfeval-names-');
    const first = new AnnotatedNames(out).next('a.xlsx');
    expect(statSync(first.path).size).toBe(0); // reserved: made empty, the copy is renamed onto it
    const other = new AnnotatedNames(out).next('a.xlsx'); // another run, same folder, same moment
    expect(other).toEqual({ path: join(out, 'a (2).checked.xlsx'), taken: join(out, 'a.checked.xlsx') });
    new AnnotatedNames(out).drop(other);
    expect(existsSync(other.path)).toBe(false);
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
