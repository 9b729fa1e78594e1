/** @jest-environment jsdom */
/**
 * The task pane in each state, driven through its buttons, on the real Excel adapter over the
 * Office.js fake, with the real engine.
 */
import './jsdom-shims';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { loadProfileText } from '../../src/core/profile-load';
import { PROFILE_STORAGE_KEY } from '../../src/taskpane/TaskPane';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkWorkbook } from '../../src/engine';
import type { Report } from '../../src/core/report';
import { sheetFromArray, type WorkbookGrid } from '../../src/grid/grid';
import { TaskPane } from '../../src/taskpane/TaskPane';
import { HOSTS, openPane, type HostName, type PaneEnv } from './pane-env';
import { ExcelEnv } from '../host/excel-env';
import { MemoryStore } from '../../src/host/types';
import { consistentGrid, seedGrid, unrelatedGrid, withProtected } from './workbooks';

let seed: WorkbookGrid;
let consistent: WorkbookGrid;
let pane: PaneEnv | null = null;

beforeAll(async () => {
  seed = await seedGrid();
  consistent = await consistentGrid();
});

afterEach(() => {
  pane?.env.teardown();
  pane = null;
});

function renderPane(hostName: HostName, grid: WorkbookGrid): PaneEnv {
  pane = openPane(hostName, grid);
  const { host } = pane;
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} check={checkWorkbook} fileName="自评表.xlsx" />
    </FluentProvider>,
  );
  return pane;
}

function button(name: string | RegExp): HTMLButtonElement {
  return screen.getByRole('button', { name }) as HTMLButtonElement;
}

async function clickCheck(): Promise<void> {
  fireEvent.click(button(/^(核对|重新核对)$/));
  await waitFor(() => expect(button('重新核对').disabled).toBe(false), { timeout: 10_000 });
}

function text(el: Element | null): string {
  return el?.textContent ?? '';
}

function findingElements(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-rule-id]'));
}

function contractOf(els: HTMLElement[]): string[] {
  return els.map((e) => `${e.dataset.ruleId} ${e.dataset.severity} ${e.dataset.sheet}!${e.dataset.cell}`).sort();
}

function expectedReport(grid: WorkbookGrid): Report {
  return checkWorkbook(grid, { file: '自评表.xlsx' });
}

describe.each(HOSTS)('TaskPane on %s', (hostName) => {
  it('starts idle: 核对 enabled, the other actions disabled', () => {
    renderPane(hostName, seed);
    expect(screen.getByText('准备就绪')).toBeTruthy();
    expect(button('核对').disabled).toBe(false);
    expect(button('清除标记').disabled).toBe(true);
    expect(button('一键重算').disabled).toBe(true);
    expect(button('撤销重算').disabled).toBe(true);
  });

  it('shows a loading state while it reads and checks', async () => {
    renderPane(hostName, seed);
    fireEvent.click(button('核对'));
    expect(text(await screen.findByRole('status'))).toMatch(/正在(读取工作簿|核对|标记单元格)/);
    expect(button('核对').disabled).toBe(true);
    await waitFor(() => expect(button('重新核对').disabled).toBe(false));
    expect(document.querySelector('[data-state="loading"]')).toBeNull();
  });

  it('checks seed 004: summary, counts, findings grouped by sheet and severity, cells painted', async () => {
    const { env } = renderPane(hostName, seed);
    await clickCheck();
    const report = expectedReport(seed);

    expect(text(screen.getByTestId('entered-total'))).toContain(report.summary.enteredTotal!);
    expect(text(screen.getByTestId('recomputed-total'))).toContain(report.summary.recomputedTotal!);
    expect(text(screen.getByTestId('grade'))).toContain(report.summary.grade!);
    const summary = screen.getByTestId('summary');
    expect(within(summary).getByText(`错误 ${report.summary.errors}`)).toBeTruthy();
    expect(within(summary).getByText(`警告 ${report.summary.warnings}`)).toBeTruthy();
    expect(within(summary).getByText(`提示 ${report.summary.infos}`)).toBeTruthy();

    // The DOM contract carries exactly the engine's findings.
    expect(contractOf(findingElements())).toEqual(report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`).sort());

    // Grouped: one section per sheet; inside, errors before warnings before infos.
    const sections = Array.from(document.querySelectorAll<HTMLElement>('[data-group-sheet]'));
    expect(sections.map((s) => s.dataset.groupSheet)).toEqual([...new Set(report.findings.map((f) => f.sheet))]);
    const order = findingElements().map((e) => e.dataset.severity);
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(order).toEqual([...order].sort((a, b) => rank[a!]! - rank[b!]!));

    // Each finding shows message, entered → expected, explanation and its input cells.
    const h5 = document.querySelector<HTMLElement>('[data-rule-id="selfeval.execution-score"]')!;
    const f = report.findings.find((x) => x.ruleId === 'selfeval.execution-score')!;
    expect(text(h5)).toContain(f.message);
    expect(text(within(h5).getByTestId('entered'))).toContain(f.entered!);
    expect(text(within(h5).getByTestId('expected'))).toContain(f.expected!);
    expect(text(h5)).toContain(f.explanation);
    expect(text(h5)).toMatch(/依据单元格：D5、E5、F5/);

    // Painted in the workbook by severity.
    expect(env.fill('附件3', 'H5')).toMatchObject({ color: '#FFC7CE' });
    expect(env.fill('附件3', 'H14')).toMatchObject({ color: '#FFEB9C' });
    expect(button('清除标记').disabled).toBe(false);
    expect(button('一键重算').disabled).toBe(false);
  });

  it('载入规则配置…: the next 核对 uses the file (as the engine does with it), a new session still has it, a bad file gets the CLI’s message', async () => {
    localStorage.removeItem(PROFILE_STORAGE_KEY);
    const good = JSON.stringify({ id: 'lusong', name: '芦淞区复核口径', extends: 'hunan-dept-overall', severity: { 'selfeval.indicator-score': 'error' } });
    const loadFile = async (name: string, text: string) => {
      const input = document.getElementById('profile-input') as HTMLInputElement;
      await act(async () => {
        fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
      });
    };
    renderPane(hostName, seed);
    await loadFile('复核口径.json', good);
    await waitFor(() => expect(text(screen.getByTestId('profile-name'))).toContain('芦淞区复核口径（复核口径.json）'));
    await clickCheck();
    const r = loadProfileText(good, '复核口径.json');
    if (!r.ok) throw new Error(r.message);
    const want = checkWorkbook(seed, { file: '自评表.xlsx', profile: r.profile });
    expect(contractOf(findingElements())).toEqual(want.findings.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`).sort());
    expect(contractOf(findingElements())).not.toEqual(expectedReport(seed).findings.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`).sort());
    expect(findingElements().some((e) => e.dataset.ruleId === 'selfeval.indicator-score' && e.dataset.severity === 'warning')).toBe(false);

    // The pane closed and opened again: the file is remembered.
    cleanup();
    pane?.env.teardown();
    renderPane(hostName, seed);
    expect(text(screen.getByTestId('profile-name'))).toContain('复核口径.json');

    // A bad file: the message the CLI gives, naming the key; the file in use stays.
    const bad = JSON.stringify({ id: 'x', name: 'y', sevrity: {} });
    await loadFile('写错的配置.json', bad);
    await waitFor(() => expect(screen.getByTestId('profile-error')).toBeTruthy());
    const message = (loadProfileText(bad, '写错的配置.json') as { message: string }).message;
    expect(message).toContain('sevrity');
    for (const line of message.split('\n')) expect(text(screen.getByTestId('profile-error'))).toContain(line.trim());
    expect(text(screen.getByTestId('profile-name'))).toContain('复核口径.json');
    fireEvent.click(button('恢复默认'));
    expect(screen.queryByTestId('profile-name')).toBeNull();
    expect(localStorage.getItem(PROFILE_STORAGE_KEY)).toBeNull();
  });

  it('selects a finding’s cell in the workbook when it is clicked', async () => {
    const { env } = renderPane(hostName, seed);
    await clickCheck();
    const el = document.querySelector<HTMLElement>('[data-rule-id="selfeval.indicator-score"][data-cell="H14"]')!;
    await act(async () => {
      fireEvent.click(el);
    });
    await waitFor(() => expect(env.selection()).toEqual({ sheet: '附件3', cell: 'H14' }));
    expect(el.getAttribute('aria-current')).toBe('true');
    expect(el.tagName).toBe('BUTTON'); // Tab reaches it; Enter and Space activate it
  });

  it('says 未发现问题 for a consistent workbook', async () => {
    renderPane(hostName, consistent);
    await clickCheck();
    expect(screen.getByText('未发现问题')).toBeTruthy();
    expect(findingElements()).toHaveLength(0);
    expect(screen.getByTestId('summary')).toBeTruthy();
    expect(button('一键重算').disabled).toBe(true);
  });

  it('says every check ran on a consistent workbook, and no bare 未发现问题 when a form-like sheet was not read', async () => {
    renderPane(hostName, consistent);
    await clickCheck();
    expect(screen.getByTestId('coverage').textContent).toBe('核对范围：各项检查均已进行');
    cleanup();
    // An 附件4 titled as a form with no table in it: named, and the pane claims no full check.
    const annex = sheetFromArray('附件4', [['附件4'], ['2023年度项目支出绩效自评表'], ['（此表未填写）']]);
    renderPane(hostName, { sheets: [...consistent.sheets, annex] });
    await clickCheck();
    const note = screen.getByTestId('coverage');
    expect(note.getAttribute('data-complete')).toBe('false');
    expect(note.textContent).toContain('工作表“附件4”未能读取');
    expect(screen.queryByText('未发现问题')).toBeNull();
    expect(screen.getByText('已进行的检查未发现问题')).toBeTruthy();
  });

  it('lists the missing anchors when no template is recognised', async () => {
    const grid = unrelatedGrid();
    renderPane(hostName, grid);
    await clickCheck();
    const report = expectedReport(grid);
    expect(report.status).toBe('unrecognised');
    expect(screen.getByText('未识别到自评表模板')).toBeTruthy();
    const items = within(screen.getByTestId('missing-anchors')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([...report.missingAnchors]);
    expect(items.length).toBeGreaterThan(0);
    expect(screen.queryByTestId('summary')).toBeNull();
  });

  it('lists the findings of a protected sheet without painting it', async () => {
    const { env } = renderPane(hostName, withProtected(seed, ['附件3']));
    const before = env.fill('附件3', 'H5');
    await clickCheck();
    expect(screen.getByText('工作表受保护，仅列出问题不标色')).toBeTruthy();
    expect(screen.getByText(/受保护的工作表：附件3/)).toBeTruthy();
    expect(findingElements().length).toBe(expectedReport(seed).findings.length);
    expect(env.fill('附件3', 'H5')).toEqual(before);
    expect(button('一键重算').disabled).toBe(true); // every suggestion is on the protected sheet
  });

  it('shows a host failure as a message and stays usable', async () => {
    const p = renderPane(hostName, seed);
    p.failNext();
    fireEvent.click(button('核对'));
    expect(await screen.findByText('操作未完成', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(text(document.querySelector('[data-state="error"]'))).toMatch(hostName === 'Excel' ? /GeneralException|模拟的宿主错误/ : /没有打开的工作簿/);
    await waitFor(() => expect(button('核对').disabled).toBe(false));
    p.recover();
    await clickCheck();
    expect(document.querySelector('[data-state="error"]')).toBeNull();
    expect(findingElements().length).toBeGreaterThan(0);
  });

  it('clears the marks, restoring the original fills', async () => {
    const { env } = renderPane(hostName, seed);
    const before = env.fill('附件3', 'H5');
    await clickCheck();
    expect(env.fill('附件3', 'H5')).not.toEqual(before);
    fireEvent.click(button('清除标记'));
    expect(await screen.findByText('已清除全部标记，单元格恢复原有填充。')).toBeTruthy();
    expect(env.fill('附件3', 'H5')).toEqual(before);
    expect(button('清除标记').disabled).toBe(true);
  });

  it('previews 一键重算, writes only after 确认写入, and 撤销重算 restores', async () => {
    const { env } = renderPane(hostName, seed);
    await clickCheck();
    const entered = env.cell('附件3', 'H5').value;
    const enteredTotal = env.cell('附件3', 'H21').value;

    // (Fluent's modal focus trap marks nodes aria-hidden in jsdom, hence `hidden: true` below.)
    // Cancel writes nothing.
    fireEvent.click(button('一键重算'));
    let dialog = await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 });
    expect(within(dialog).getByText('一键重算：确认写入')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(env.cell('附件3', 'H5').value).toBe(entered);

    // The preview lists cell, entered → recomputed.
    fireEvent.click(button('一键重算'));
    dialog = await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 });
    const row = dialog.querySelector<HTMLElement>('[data-recalc-cell="附件3!H5"]')!;
    expect(text(row)).toContain('附件3!H5');
    expect(text(row)).toContain('9.8');
    expect(text(row)).toContain('9.90');
    // The warnings' scores start unticked (recalc-choice); 全部勾选 ticks them.
    expect(row.dataset.ticked).toBe('true');
    expect(dialog.querySelector<HTMLElement>('[data-recalc-cell="附件3!H14"]')!.dataset.ticked).toBe('false');
    fireEvent.click(within(dialog).getByRole('button', { name: '全部勾选', hidden: true }));
    // The 总分 moves with the scores in the same pass (it used to need a second 一键重算).
    await waitFor(() => expect(text(dialog.querySelector<HTMLElement>('[data-recalc-cell="附件3!H21"]')!)).toContain('94.99'));
    fireEvent.click(within(dialog).getByRole('button', { name: /^确认写入/, hidden: true }));
    expect(await screen.findByText(/已写入 \d+ 个单元格，并重新核对。/, undefined, { timeout: 10_000 })).toBeTruthy();
    expect(env.cell('附件3', 'H5').value).toBe(9.9);
    expect(env.cell('附件3', 'H21').value).toBe(94.99);
    expect(document.querySelector('[data-rule-id="selfeval.execution-score"]')).toBeNull();
    expect(document.querySelector('[data-rule-id="selfeval.recomputed-total"], [data-rule-id="selfeval.total-score"]')).toBeNull();
    expect(button('一键重算').disabled).toBe(true);
    expect(text(screen.getByTestId('recalc-why-not'))).toMatch(/^一键重算不可用：/);
    // Each host's own undo is named: Excel's cannot undo add-in writes; WPS's is not promised.
    expect(text(screen.getByTestId('undo-note'))).toContain(hostName === 'Excel' ? 'Excel 自带的“撤销”（Ctrl+Z）不能撤销' : 'WPS 自带的“撤销”（Ctrl+Z）不一定能撤销');

    fireEvent.click(button('撤销重算'));
    expect(await screen.findByText('已恢复重算前的数值和填充。', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(env.cell('附件3', 'H5').value).toBe(entered);
    expect(env.cell('附件3', 'H21').value).toBe(enteredTotal);
    expect(document.querySelector('[data-rule-id="selfeval.execution-score"]')).not.toBeNull();
  });

  it('撤销重算 keeps a cell typed over since, and names it', async () => {
    const { env } = renderPane(hostName, seed);
    await clickCheck();
    fireEvent.click(button('一键重算'));
    const dialog = await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 });
    fireEvent.click(within(dialog).getByRole('button', { name: '全部勾选', hidden: true }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: '确认写入 5 处', hidden: true })).toBeTruthy());
    fireEvent.click(within(dialog).getByRole('button', { name: /^确认写入/, hidden: true }));
    expect(await screen.findByText(/已写入 \d+ 个单元格，并重新核对。/, undefined, { timeout: 10_000 })).toBeTruthy();
    env.type('附件3', 'H14', 8.3);
    fireEvent.click(button('撤销重算'));
    expect(await screen.findByText(/以下单元格在重算后又被修改过，已保留现有内容：附件3!H14。/, undefined, { timeout: 10_000 })).toBeTruthy();
    expect(env.cell('附件3', 'H14').value).toBe(8.3);
    expect(env.cell('附件3', 'H5').value).toBe(9.8);
  });
});

describe('TaskPane on an old Excel (ExcelApi 1.1, Office 2016 MSI)', () => {
  test('says once what this Excel cannot do, lists the findings and paints nothing', async () => {
    const p = openPane('Excel', seed);
    pane = p;
    const excel = p.env as ExcelEnv;
    excel.wb.apiVersion = '1.1';
    const host = excel.newHost(new MemoryStore());
    render(
      <FluentProvider theme={webLightTheme}>
        <TaskPane host={host} check={checkWorkbook} fileName="自评表.xlsx" />
      </FluentProvider>,
    );
    const notice = await waitFor(() => {
      const el = document.querySelector('[data-state=limitations]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(text(notice)).toMatch(/此版本的部分功能不可用[\s\S]*条件格式（需要 ExcelApi 1\.6/);
    const fillsBefore = excel.fill('附件3', 'H5');
    await clickCheck();
    expect(findingElements().length).toBe(expectedReport(seed).findings.length);
    expect(text(document.querySelector('main'))).toMatch(/问题只在核对结果列表中列出/);
    expect(excel.fill('附件3', 'H5')).toEqual(fillsBefore);
    expect(button('清除标记').disabled).toBe(true);
  });

  test('a current Excel shows no such notice', async () => {
    renderPane('Excel', seed);
    await clickCheck();
    expect(document.querySelector('[data-state=limitations]')).toBeNull();
  });
});
