import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { outputMistake } from '../../src/cli/output-check';
import { makeTempDir } from './batch-folder';

describe('outputMistake', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('selfeval-outcheck-');
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'notes.txt'), 'x');
  });

  const check = (o: { out?: string; summary?: string; annotateDir?: string }) => outputMistake({ paths: ['a.xlsx'], ...o }, 'json');

  it('accepts new files in new folders, creating the folders and leaving nothing else', () => {
    expect(check({ out: join(dir, 'new', 'r.json'), summary: join(dir, 'new', 's.xlsx'), annotateDir: join(dir, 'copies', '2023') })).toBeNull();
    expect(readdirSync(join(dir, 'new'))).toEqual([]);
    expect(existsSync(join(dir, 'copies', '2023'))).toBe(true);
    expect(check({ out: join(dir, 'reports', 'r.json') })).toBeNull();
  });

  it('says when --out or --summary names a folder, with an example of a file name', () => {
    expect(check({ out: join(dir, 'reports') })).toBe(`--out 应给出文件名，而“${join(dir, 'reports')}”是一个文件夹；例如：--out ${join(dir, 'reports', '核对报告.json')}`);
    expect(check({ out: `${join(dir, 'later')}/` })).toContain('是一个文件夹');
    mkdirSync(join(dir, 's.xlsx'));
    expect(check({ summary: join(dir, 's.xlsx') })).toContain(`--summary 应给出文件名，而“${join(dir, 's.xlsx')}”是一个文件夹；例如：--summary ${join(dir, 's.xlsx', '核对汇总.xlsx')}`);
  });

  it('says when a file stands where a folder must be', () => {
    expect(check({ out: join(dir, 'notes.txt', 'r.json') })).toBe(`无法写出 --out 的“${join(dir, 'notes.txt', 'r.json')}”：路径中的“${join(dir, 'notes.txt')}”是文件，不是文件夹。`);
    expect(check({ annotateDir: join(dir, 'notes.txt') })).toBe(`--annotate 需要一个文件夹，而“${join(dir, 'notes.txt')}”是一个文件。`);
    expect(check({ annotateDir: join(dir, 'notes.txt', 'copies') })).toContain('是文件，不是文件夹');
  });

  it('says when the folder cannot be made or written', () => {
    // /proc takes no new entries, not even from root.
    const m = check({ summary: '/proc/selfeval-nowhere/s.xlsx' });
    expect(m).toMatch(/^无法写出 --summary 的“\/proc\/selfeval-nowhere\/s\.xlsx”：不能创建文件夹“\/proc\/selfeval-nowhere”（.+）。$/);
    expect(m).not.toMatch(/[A-Z]{4,}:/); // no raw Node message
  });

  it('refuses --out and --summary on the same file', () => {
    expect(outputMistake({ paths: ['a.xlsx'], out: join(dir, 'x.xlsx'), summary: join(dir, '.', 'x.xlsx') }, 'json')).toBe(`--out 与 --summary 不能是同一个文件“${join(dir, 'x.xlsx')}”。`);
  });
});
