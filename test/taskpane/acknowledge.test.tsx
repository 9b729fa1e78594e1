/** @jest-environment jsdom */
/**
 * 已说明 in the task pane, on the real adapters over their fakes with the real engine: a
 * warning is explained with a required reason, shows 已说明 with it, loses its mark, is
 * counted apart; the explanation is in the workbook (a reopened pane shows it); an edit of
 * its input voids it; errors offer no way to explain them.
 */
import './jsdom-shims';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkWorkbook } from '../../src/engine';
import { ACK_SHEET } from '../../src/core/acknowledge';
import { HOSTS, type PaneEnv } from './pane-env';
import { clickCheck, renderPane, seedPanes } from './seed-pane';

const panes = seedPanes();

function button(name: string | RegExp, within_: HTMLElement | Document = document): HTMLButtonElement {
  return within(within_ as HTMLElement).getByRole('button', { name }) as HTMLButtonElement;
}


const card = (rule: string, cell: string) => document.querySelector<HTMLElement>(`[data-rule-id="${rule}"][data-cell="${cell}"]`)!;
const item = (rule: string, cell: string) => card(rule, cell).closest('li') as HTMLElement;

describe.each(HOSTS)('已说明 in the %s pane', (hostName) => {
  function openAndRender(): PaneEnv {
    const pane = panes.open(hostName);
    renderPane(pane.host);
    return pane;
  }

  it('explains a warning with a required reason; shown, unmarked, counted, stored; voided by an edit', async () => {
    const { env } = openAndRender();
    await clickCheck();
    expect(env.fill('附件3', 'H14')).toMatchObject({ color: '#FFEB9C' });
    // Rule titles first, the ID secondary.
    expect(within(card('selfeval.indicator-score', 'H14')).getByTestId('rule-title').textContent).toBe('指标得分');

    // Errors cannot be explained.
    expect(within(item('selfeval.execution-score', 'H5')).queryByRole('button', { name: '说明原因…' })).toBeNull();

    fireEvent.click(button('说明原因…', item('selfeval.indicator-score', 'H14')));
    fireEvent.click(button('标为已说明', item('selfeval.indicator-score', 'H14')));
    expect(within(item('selfeval.indicator-score', 'H14')).getByText('请填写说明理由。')).toBeTruthy();
    expect(env.sheetNames()).not.toContain(ACK_SHEET);

    const box = within(item('selfeval.indicator-score', 'H14')).getByRole('textbox');
    fireEvent.change(box, { target: { value: '指标年中调整，已报备' } });
    await act(async () => {
      fireEvent.click(button('标为已说明', item('selfeval.indicator-score', 'H14')));
    });
    await waitFor(() => expect(card('selfeval.indicator-score', 'H14').dataset.acknowledged).toBe('true'), { timeout: 10_000 });
    expect(within(card('selfeval.indicator-score', 'H14')).getByTestId('acknowledged').textContent).toBe('已说明：指标年中调整，已报备');
    expect(screen.getByTestId('acknowledged-count').textContent).toContain('1');
    expect(env.sheetNames()).toContain(ACK_SHEET);
    // Its cell is no longer marked; the other findings' cells still are.
    expect(env.fill('附件3', 'H14')).not.toMatchObject({ color: '#FFEB9C' });
    expect(env.fill('附件3', 'H5')).toMatchObject({ color: '#FFC7CE' });

    // The clerk changes the figure it was computed from: the explanation no longer applies.
    const f = checkWorkbook(panes.seed(), { file: 'x' }).findings.find((x) => x.ruleId === 'selfeval.indicator-score' && x.cell === 'H14')!;
    const input = f.inputs.find((r) => r !== '附件3!H14')!;
    const before = env.cell('附件3', input.split('!')[1]!).value;
    env.type('附件3', input.split('!')[1]!, typeof before === 'number' ? before * 2 : '1');
    await clickCheck();
    const after = document.querySelector<HTMLElement>('[data-rule-id="selfeval.indicator-score"][data-cell="H14"]');
    if (after) expect(after.dataset.acknowledged).toBeUndefined();
    expect(screen.queryByTestId('acknowledged-count')).toBeNull();
  });

  it('withdraws an explanation', async () => {
    openAndRender();
    await clickCheck();
    fireEvent.click(button('说明原因…', item('selfeval.indicator-score', 'H14')));
    fireEvent.change(within(item('selfeval.indicator-score', 'H14')).getByRole('textbox'), { target: { value: '理由' } });
    await act(async () => {
      fireEvent.click(button('标为已说明', item('selfeval.indicator-score', 'H14')));
    });
    await waitFor(() => expect(card('selfeval.indicator-score', 'H14').dataset.acknowledged).toBe('true'), { timeout: 10_000 });
    await act(async () => {
      fireEvent.click(button('撤销说明', item('selfeval.indicator-score', 'H14')));
    });
    await waitFor(() => expect(card('selfeval.indicator-score', 'H14').dataset.acknowledged).toBeUndefined(), { timeout: 10_000 });
    expect(panes.current().env.sheetNames()).not.toContain(ACK_SHEET);
  });
});
