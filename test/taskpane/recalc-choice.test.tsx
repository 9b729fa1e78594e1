/** @jest-environment jsdom */
/**
 * 一键重算 by choice, on the real adapters over their fakes: the preview names each change by
 * its indicator (三级指标) or row label; errors ticked, warnings offered unticked until 全部勾选
 * (recalc-choice.ts); unticking a score writes neither it nor
 * the old 总分, but the 总分 summed with that score as entered; 撤销重算 undoes exactly what
 * was written.
 */
import './jsdom-shims';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HOSTS } from './pane-env';
import { clickCheck, renderPane, seedPanes } from './seed-pane';

const panes = seedPanes();

const button = (name: string | RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe.each(HOSTS)('一键重算 by choice on %s', (hostName) => {
  it('names each change, writes only the ticked cells with the total recomputed over them, undoes exactly those', async () => {
    const pane = panes.open(hostName);
    const { env } = pane;
    renderPane(pane.host);
    await clickCheck();
    const before = Object.fromEntries(['H5', 'H14', 'H19', 'H20', 'H21'].map((c) => [c, env.cell('附件3', c).value]));

    fireEvent.click(button('一键重算'));
    const dialog = await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 });
    const row = (cell: string) => dialog.querySelector<HTMLElement>(`[data-recalc-cell="附件3!${cell}"]`)!;
    // By name: the 三级指标 of row 14 as typed on the form (D14), the execution score, the total.
    expect(row('H14').textContent).toContain('全年签约引进项目');
    expect(row('H5').textContent).toContain('预算执行率');
    expect(row('H21').textContent).toContain('总分');
    // The execution score is an error: ticked. The indicator scores are warnings (a deduction may
    // be deliberate): unticked, saying so; the 总分 is summed over the ticked cells only.
    const boxes = within(dialog).getAllByRole('checkbox', { hidden: true }) as HTMLInputElement[];
    expect(boxes).toHaveLength(5);
    expect(['H5', 'H14', 'H19', 'H20', 'H21'].map((c) => row(c).dataset.ticked)).toEqual(['true', 'false', 'false', 'false', 'true']);
    expect(row('H14').textContent).toContain('可能是有意扣分');
    expect(row('H21').textContent).toContain('95.90');
    fireEvent.click(within(dialog).getByRole('button', { name: '全部勾选', hidden: true }));
    await waitFor(() => expect(boxes.every((b) => b.checked)).toBe(true));
    expect(row('H21').textContent).toContain('94.99');

    // Untick 全年签约引进项目: the 总分 becomes 9.90 + 8 (kept) + 10 + 10 + 10 + 20 + 10.00 + 16.84.
    fireEvent.click(within(row('H14')).getByRole('checkbox', { hidden: true }));
    await waitFor(() => expect(row('H14').dataset.ticked).toBe('false'));
    expect(row('H14').textContent).toContain('不改');
    expect(row('H21').textContent).toContain('94.74');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认写入 4 处', hidden: true }));
    expect(await screen.findByText('已写入 4 个单元格，并重新核对。', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(env.cell('附件3', 'H14').value).toBe(before.H14);
    expect(env.cell('附件3', 'H5').value).toBe(9.9);
    expect(env.cell('附件3', 'H20').value).toBe(16.84);
    expect(env.cell('附件3', 'H21').value).toBe(94.74);
    // Still reported: the unticked score, nothing about the total.
    expect(document.querySelector('[data-rule-id="selfeval.indicator-score"][data-cell="H14"]')).not.toBeNull();
    expect(document.querySelector('[data-rule-id="selfeval.total-score"]')).toBeNull();

    fireEvent.click(button('撤销重算'));
    expect(await screen.findByText('已恢复重算前的数值和填充。', undefined, { timeout: 10_000 })).toBeTruthy();
    for (const c of ['H5', 'H14', 'H19', 'H20', 'H21']) expect(env.cell('附件3', c).value).toBe(before[c]);
  });
});
