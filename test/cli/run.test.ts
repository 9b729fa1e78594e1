/** The main flow in process, with terminals faked: the progress bar and the default format. */
import { run } from '../../src/cli/run';
import { hashTree, makeBatchFolder, makeTempDir } from './batch-folder';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  return { text: () => chunks.join(''), stream: { isTTY, columns: 100, write: (c: string) => chunks.push(c) } };
}

describe('run', () => {
  it('shows a progress bar on a terminal stderr, and text on a terminal stdout', async () => {
    const batch = await makeBatchFolder();
    const before = hashTree(batch.root);
    const out = capture(true);
    const err = capture(true);
    const code = await run([batch.root], { stdout: out.stream, stderr: err.stream });
    expect(code).toBe(2);
    expect(err.text()).toContain(`] 1/${batch.checked.length} `);
    expect(err.text()).toContain(`] ${batch.checked.length}/${batch.checked.length} `);
    expect(out.text()).toContain('填报总分 95.8，重算总分 94.99；填报等次 —，重算等次 优');
    expect(out.text()).toContain('共 6 个文件');
    expect(hashTree(batch.root)).toEqual(before);
  });

  it('exits 2 and says so when a folder holds no workbook', async () => {
    const empty = makeTempDir('selfeval-empty-');
    const out = capture(false);
    const err = capture(false);
    expect(await run(['--format', 'json', empty], { stdout: out.stream, stderr: err.stream })).toBe(2);
    expect(JSON.parse(out.text())).toEqual([]);
    expect(err.text()).toContain('没有找到');
  });

  it('reports a missing path as unreadable and goes on', async () => {
    const out = capture(false);
    const err = capture(false);
    expect(await run(['--format', 'json', '/nonexistent/自评.xlsx'], { stdout: out.stream, stderr: err.stream })).toBe(2);
    expect(JSON.parse(out.text())).toMatchObject({ status: 'unreadable', error: expect.stringContaining('找不到') });
  });
});
