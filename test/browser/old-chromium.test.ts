/**
 * The three built pages in old headless Chromium 65 (WPS 2019's era) and 72, driven by
 * puppeteer-core 1.11 (test/browser/old-chromium.ts).
 *
 * Functional: the Excel pane with the Office fake as office.js, the WPS pane with the WPS fake
 * as `Application`, and the standalone page with seed 004 chosen through its file input, each
 * in both versions: the findings shown equal the CLI's, a finding click selects its cell (in
 * the fake, or in the page's sheet view), H5 (附件3's 执行率得分, 9.8 where the rule gives 9.90)
 * is marked, and 清除标记 gives H5 back exactly the format it had; nothing in a finding's head
 * or a row of buttons runs into its neighbour (flex `gap` is Chromium 84+). The page's batch and
 * its downloads, and the single-file page (standalone.html) from file://, in both versions too.
 *
 * The boot guard (Chromium 65): with a file missing, a script throwing at start, a feature
 * missing, office.js unreachable, a page outside its host, an IE11 web view or a start that
 * takes too long, each page shows its Chinese message instead of the loading text.
 *
 * Functions passed to page.evaluate run in Chromium 65 as written (ES2017: no `?.`, no `??`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { checkFile } from '../../src/cli/check-file';
import type { Report } from '../../src/core/report';
import { readWorkbook } from '../../src/host/file/read';
import { specFromGrid, type SheetSpec } from '../host/spec';
import { DIST, ROOT, artifact, ensureBuilt } from './harness';
import {
  allowDownloads,
  bundleLegacyScript,
  clickButton,
  clickSelector,
  launchOld,
  pageScripts,
  serveSnapshot,
  type OldBrowserSession,
  type OldPage,
  type OldVersion,
  type Snapshot,
  poll,
  waitForButton,
} from './old-chromium';

jest.setTimeout(300_000);

const SEED = path.join(ROOT, 'samples', 'seed-004.xlsx');
const LOADING = '正在加载自评表核对';

let spec: SheetSpec[];
/** Seed 004 with a clerk's solid white fill on H5: docs/hosts.md's trap (it must not come back as No Fill). */
let whiteH5: SheetSpec[];
/** The CLI's report of seed 004, from the CLI's own pipeline (src/cli/check-file). */
let cli: Report;
let excelFake: string;
let wpsFake: string;
let good: Snapshot;

beforeAll(async () => {
  const read = await readWorkbook({ bytes: fs.readFileSync(SEED), fileName: 'seed-004.xlsx' });
  if (!read.ok) throw new Error(read.message);
  spec = specFromGrid(read.grid);
  whiteH5 = spec.map((sh) => (sh.name === '附件3' ? { ...sh, cells: { ...sh.cells, H5: { ...sh.cells.H5, fill: { color: '#FFFFFF' } } } } : sh));
  cli = (await checkFile(SEED, undefined)).report;
  [excelFake, wpsFake] = await Promise.all([
    bundleLegacyScript(path.join(__dirname, 'office-fake-entry.ts')),
    bundleLegacyScript(path.join(__dirname, 'wps-fake-entry.ts')),
    ensureBuilt(),
  ]);
  // taskpane.html's office.js is the Office fake in these copies (see serveSnapshot).
  good = await serveSnapshot({ officeJs: excelFake });
}, 900_000);

afterAll(async () => {
  await good?.close();
});

function workbookScript(sheets: SheetSpec[] = spec): string {
  return `window.__FAKE_WORKBOOK__ = ${JSON.stringify(sheets)};`;
}

// ---- seed 004 on each page, in Chromium 65 and 72 ----

/** `ruleId severity Sheet!Cell` of every finding the page lists (inside `scope`), sorted. */
function shownFindings(page: OldPage, scope: string): Promise<string[]> {
  return page.evaluate((sc: string) => {
    const els = document.querySelectorAll(sc + ' [data-rule-id]');
    const out: string[] = [];
    for (let i = 0; i < els.length; i++) {
      const d = (els[i] as HTMLElement).dataset;
      out.push(d.ruleId + ' ' + d.severity + ' ' + d.sheet + '!' + d.cell);
    }
    return out.sort();
  }, scope);
}

function cliFindings(): string[] {
  return cli.findings.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`).sort();
}

/** Clicks (a DOM click, as React sees a clerk's) the listed finding at `cell`. */
async function clickFinding(page: OldPage, cell: string): Promise<void> {
  const clicked = await page.evaluate((c: string) => {
    const el = document.querySelector('[data-rule-id][data-cell="' + c + '"]') as HTMLElement | null;
    if (el) el.click();
    return el !== null;
  }, cell);
  expect(clicked).toBe(true);
}

/** The finding to click: 附件3!I19 (缺少偏差原因), a cell other than H5 and on a row of its own. */
const CLICKED = 'I19';

/** Everything the Excel fake holds about H5's format: its own fill and number format, what is shown, the sheet's conditional formats. */
function excelH5(page: OldPage): Promise<string> {
  return page.evaluate(() => {
    type Fake = {
      sheet(n: string): { at(a: string): { fill: unknown; numberFormat: string; value: unknown }; conditionalFormats: unknown[] };
      displayedFill(s: string, a: string): { color: string; none: boolean };
    };
    const wb = (window as unknown as { __fakeExcel: Fake }).__fakeExcel;
    const cell = wb.sheet('附件3').at('H5');
    return JSON.stringify({
      own: cell.fill,
      numberFormat: cell.numberFormat,
      value: cell.value,
      shown: wb.displayedFill('附件3', 'H5'),
      conditionalFormats: wb.sheet('附件3').conditionalFormats,
    });
  });
}

/** Everything the WPS fake holds about H5's format: its whole Interior and number format. */
function wpsH5(page: OldPage): Promise<string> {
  return page.evaluate(() => {
    type Fake = { sheet(n: string): { at(a: string): { fill: unknown; numberFormat: string; value: unknown } } };
    const cell = (window as unknown as { __fakeWps: Fake }).__fakeWps.sheet('附件3').at('H5');
    return JSON.stringify({ fill: cell.fill, numberFormat: cell.numberFormat, value: cell.value });
  });
}

/** The fake's selection, `Sheet!Address`, or ''. */
function fakeSelection(page: OldPage, global: '__fakeExcel' | '__fakeWps'): Promise<string> {
  return page.evaluate((g: string) => {
    const sel = (window as unknown as Record<string, { selection: { sheet: string; address: string } | null }>)[g]!.selection;
    return sel ? sel.sheet + '!' + sel.address : '';
  }, global);
}

/**
 * Neighbours on one line with less than 4 px between them, inside each element matching one of
 * `parents`: flex `gap` is Chromium 84+, and where it was relied on a finding's title, cell and
 * rule ID ran together and the buttons touched (src/taskpane/spacing.ts).
 */
function touching(page: OldPage, parents: string[]): Promise<string[]> {
  return page.evaluate((sels: string[]) => {
    const out: string[] = [];
    for (const sel of sels) {
      const found = document.querySelectorAll(sel);
      if (found.length === 0) out.push(sel + ': not on the page');
      for (let p = 0; p < found.length; p++) {
        const kids = found[p]!.children;
        for (let i = 1; i < kids.length; i++) {
          const a = kids[i - 1]!.getBoundingClientRect();
          const b = kids[i]!.getBoundingClientRect();
          if (a.width === 0 || b.width === 0) continue;
          const oneLine = a.top < b.bottom && b.top < a.bottom && b.left >= a.left;
          if (oneLine && b.left - a.right < 4) out.push(sel + ': “' + kids[i - 1]!.textContent + '” | “' + kids[i]!.textContent + '”');
        }
      }
    }
    return out;
  }, parents);
}

/** A finding's head (badge, title, cell, rule ID) and the pane's buttons. */
const PANE_ROWS = ['[data-rule-id] > span:first-child', '[role=toolbar]'];
const PAGE_ROWS = ['[data-testid=single-view] [data-rule-id] > span:first-child', '[role=group][aria-label="下载"]', '[data-testid=dropzone]'];

/** Polls `fn` in node until it returns something. */
async function waitFor<T>(fn: () => T | undefined, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Checks in a pane: 核对, then waits for the findings and 重新核对 (generously: old engines on a loaded machine). */
async function checkInPane(page: OldPage): Promise<void> {
  await clickButton(page, '核对', 60_000);
  await waitForButton(page, '重新核对', 90_000);
  await poll(page, () => document.querySelectorAll('[data-rule-id]').length > 0, [], 30_000);
}

describe.each([65, 72] as OldVersion[])('seed 004 in Chromium %i', (version) => {
  let browser: OldBrowserSession;

  beforeAll(async () => {
    browser = await launchOld(version);
    expect(browser.userAgent).toContain(`Chrome/${version}.`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('Excel pane (Office fake): the CLI’s findings; a click selects the cell; H5 marked, 清除标记 restores its format exactly', async () => {
    const s = await browser.open(good, 'taskpane.html', { before: [workbookScript(whiteH5)] });
    try {
      await waitForButton(s.page, '核对', 90_000);
      const before = await excelH5(s.page);
      expect(JSON.parse(before).own).toMatchObject({ none: false, color: '#FFFFFF', pattern: 'Solid' });

      await checkInPane(s.page);
      expect(await shownFindings(s.page, 'body')).toEqual(cliFindings());
      expect(await touching(s.page, PANE_ROWS)).toEqual([]);
      // Marked through a conditional format: shown error red, the cell's own fill untouched.
      const marked = JSON.parse(await excelH5(s.page));
      expect(marked.shown).toMatchObject({ none: false, color: '#FFC7CE' });
      expect(marked.own).toEqual(JSON.parse(before).own);

      await clickFinding(s.page, CLICKED);
      await poll(s.page, (c: string) => {
        const sel = (window as unknown as { __fakeExcel: { selection: { sheet: string; address: string } | null } }).__fakeExcel.selection;
        return sel !== null && sel.sheet + '!' + sel.address === c;
      }, [`附件3!${CLICKED}`], 30_000);
      expect(await fakeSelection(s.page, '__fakeExcel')).toBe(`附件3!${CLICKED}`);
      if (version === 65) await s.page.screenshot({ path: artifact('old65-pane-findings.png'), fullPage: true });

      await clickButton(s.page, '清除标记', 30_000);
      await poll(s.page, () => (window as unknown as { __fakeExcel: { sheet(n: string): { conditionalFormats: unknown[] } } }).__fakeExcel.sheet('附件3').conditionalFormats.length === 0, [], 60_000);
      expect(await excelH5(s.page)).toBe(before);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('WPS pane (WPS fake): the CLI’s findings; a click selects the cell; H5 painted, 清除标记 restores its Interior exactly', async () => {
    const s = await browser.open(good, 'wps/wps-taskpane.html', { before: [workbookScript(whiteH5), wpsFake] });
    try {
      await waitForButton(s.page, '核对', 90_000);
      const before = await wpsH5(s.page);
      // Solid white, not xlNone (-4142): restoring it as No Fill would be the bug docs/hosts.md warns of.
      expect(JSON.parse(before).fill).toMatchObject({ pattern: 1, color: 0xffffff });

      await checkInPane(s.page);
      expect(await shownFindings(s.page, 'body')).toEqual(cliFindings());
      expect(await touching(s.page, PANE_ROWS)).toEqual([]);
      // WPS marks are the cell's own fill: #FFC7CE as WPS stores it, 0xBBGGRR.
      expect(JSON.parse(await wpsH5(s.page)).fill).toMatchObject({ pattern: 1, color: 0xcec7ff });

      await clickFinding(s.page, CLICKED);
      await poll(s.page, (c: string) => {
        const sel = (window as unknown as { __fakeWps: { selection: { sheet: string; address: string } | null } }).__fakeWps.selection;
        return sel !== null && sel.sheet + '!' + sel.address === c;
      }, [`附件3!${CLICKED}`], 30_000);
      expect(await fakeSelection(s.page, '__fakeWps')).toBe(`附件3!${CLICKED}`);
      if (version === 65) await s.page.screenshot({ path: artifact('old65-wps-findings.png'), fullPage: true });

      await clickButton(s.page, '清除标记', 30_000);
      await poll(s.page, () => {
        const cell = (window as unknown as { __fakeWps: { sheet(n: string): { at(a: string): { fill: { color: number } } } } }).__fakeWps.sheet('附件3').at('H5');
        return cell.fill.color !== 0xcec7ff;
      }, [], 60_000);
      expect(await wpsH5(s.page)).toBe(before);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('standalone page (file input): the CLI’s findings; H5 marked in the sheet view; a click outlines the cell', async () => {
    const s = await browser.open(good, 'index.html', { viewport: { width: 1400, height: 900 } });
    try {
      await poll(s.page, () => document.querySelector('#file-input') !== null, [], 90_000);
      const input = await s.page.$('#file-input');
      await input!.uploadFile(SEED);
      await poll(s.page, () => {
        const v = document.querySelector('[data-testid=single-view]');
        return v !== null && v.getAttribute('data-file') === 'seed-004.xlsx' && document.querySelector('[data-testid=sheet-view] td[data-mark]') !== null;
      }, [], 90_000);
      expect(await shownFindings(s.page, '[data-testid=single-view]')).toEqual(cliFindings());
      expect(await touching(s.page, PAGE_ROWS)).toEqual([]);
      const h5 = await s.page.evaluate(() => {
        const td = document.querySelector('[data-testid=sheet-view] td[data-addr="H5"]') as HTMLElement;
        return { mark: td.getAttribute('data-mark'), background: getComputedStyle(td).backgroundColor };
      });
      expect(h5).toEqual({ mark: 'error', background: 'rgb(255, 199, 206)' });

      await clickFinding(s.page, CLICKED);
      const selected = await poll(s.page, () => {
        const td = document.querySelector('td[data-selected="true"]');
        return td ? td.getAttribute('data-addr') : null;
      }, [], 30_000);
      expect(selected).toBe(CLICKED);
      if (version === 65) await s.page.screenshot({ path: artifact('old65-web-findings.png') });
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('single-file page (standalone.html) opened from file://: the CLI’s findings, its worker a Blob', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-old-single-'));
    fs.copyFileSync(path.join(DIST, 'standalone.html'), path.join(folder, 'standalone.html'));
    // Opened as a clerk double-clicks it: a file:// address, no server.
    const s = await browser.open({ dir: folder, url: `${pathToFileURL(folder).href}/`, close: async () => undefined }, 'standalone.html', { viewport: { width: 1400, height: 900 } });
    try {
      await poll(s.page, () => document.querySelector('#file-input') !== null, [], 90_000);
      const input = await s.page.$('#file-input');
      await input!.uploadFile(SEED);
      await poll(s.page, () => document.querySelector('[data-testid=single-view][data-file="seed-004.xlsx"] [data-rule-id]') !== null, [], 90_000);
      expect(await shownFindings(s.page, '[data-testid=single-view]')).toEqual(cliFindings());
      expect(s.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
      expect(s.requests.some((u) => u.startsWith('blob:'))).toBe(true);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('standalone page: a batch (seed 004 twice, a text file named .xlsx) is checked, and each batch download arrives', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-old-batch-'));
    const downloads = path.join(dir, 'downloads');
    fs.mkdirSync(downloads);
    fs.copyFileSync(SEED, path.join(dir, '甲.xlsx'));
    fs.copyFileSync(SEED, path.join(dir, '乙.xlsx'));
    fs.writeFileSync(path.join(dir, '丙.xlsx'), '单位,总分\n商务局,95.8\n');
    const s = await browser.open(good, 'index.html', { viewport: { width: 1400, height: 900 } });
    try {
      await allowDownloads(s.page, downloads);
      await poll(s.page, () => document.querySelector('#file-input') !== null, [], 90_000);
      const input = await s.page.$('#file-input');
      await input!.uploadFile(path.join(dir, '甲.xlsx'), path.join(dir, '乙.xlsx'), path.join(dir, '丙.xlsx'));
      const rows = await poll(s.page, () => {
        const trs = document.querySelectorAll('[data-testid=batch-table] tr[data-status]');
        const out: string[] = [];
        for (let i = 0; i < trs.length; i++) out.push(trs[i]!.getAttribute('data-file') + ' ' + trs[i]!.getAttribute('data-status'));
        return out.length === 3 && out.every((r) => !/ (queued|checking)$/.test(r)) ? out.sort() : null;
      }, [], 120_000);
      expect(rows).toEqual(['丙.xlsx unreadable', '乙.xlsx checked', '甲.xlsx checked'].sort());

      const want: Record<string, (bytes: Buffer) => void> = {
        summary: (b) => expect(Object.keys(unzipSync(b))).toContain('xl/workbook.xml'),
        'batch-json': (b) => expect((JSON.parse(b.toString('utf8')) as unknown[]).length).toBe(3),
        'batch-html': (b) => expect(b.toString('utf8')).toContain('株洲市芦淞区商务局'),
        'batch-annotated': (b) => expect(Object.keys(unzipSync(b)).sort()).toEqual(['乙.checked.xlsx', '甲.checked.xlsx']),
      };
      for (const kind of Object.keys(want)) {
        const before = new Set(fs.readdirSync(downloads));
        await clickSelector(s.page, `[data-download="${kind}"]`, 30_000);
        // Chromium writes a .crdownload first and renames it when the download is complete.
        const file = await waitFor(() => fs.readdirSync(downloads).find((f) => !before.has(f) && !f.endsWith('.crdownload')), 60_000);
        want[kind]!(fs.readFileSync(path.join(downloads, file)));
      }
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- the boot guard: every failure ends in a Chinese message, never in the loading text ----

const PAGES = ['taskpane.html', 'wps/wps-taskpane.html', 'index.html'] as const;
type PagePath = (typeof PAGES)[number];

/** What each page needs to get as far as its own scripts: the Office fake or the WPS fake. */
function hostFor(pagePath: PagePath): { before: string[] } {
  if (pagePath === 'taskpane.html') return { before: [workbookScript()] };
  if (pagePath === 'wps/wps-taskpane.html') return { before: [workbookScript(), wpsFake] };
  return { before: [] };
}

/** Waits for the boot message; returns its kind and text (and checks the loading text is gone). */
async function bootMessage(page: OldPage): Promise<{ kind: string; text: string; details: string }> {
  // "Within seconds": the guard reacts to the failure itself, not to its 20-second start timeout.
  await poll(page, () => document.getElementById('boot-message') !== null, [], 8_000);
  return page.evaluate(() => {
    const box = document.getElementById('boot-message')!;
    const details = box.querySelector('details');
    return {
      kind: box.getAttribute('data-boot-kind') || '',
      text: document.body.innerText,
      details: details ? details.textContent || '' : '',
    };
  });
}

/** office.js in a plain browser: it loads, and Office.onReady reports no host. */
const PLAIN_OFFICE = 'window.Office = { HostType: { Excel: "Excel" }, onReady: function (cb) { var i = { host: null, platform: null }; if (cb) cb(i); return Promise.resolve(i); } };';

describe('boot guard in Chromium 65', () => {
  let browser: OldBrowserSession;
  let missing: Snapshot;
  let throwing: Snapshot;
  let cdn: Snapshot;
  let plain: Snapshot;
  let held: Snapshot;
  const removed: string[] = [];

  beforeAll(async () => {
    browser = await launchOld(65);
    // The vendor chunk (React, Fluent UI) is gone from the server, for every page.
    missing = await serveSnapshot({
      officeJs: excelFake,
      alter: (dir) => {
        const vendor = pageScripts(dir, 'taskpane.html').find((f) => f.startsWith('vendor.'))!;
        removed.push(vendor);
        fs.rmSync(path.join(dir, vendor));
        fs.rmSync(path.join(dir, 'wps', vendor));
      },
    });
    // Each page's entry chunk throws as it starts.
    throwing = await serveSnapshot({
      officeJs: excelFake,
      alter: (dir) => {
        for (const page of PAGES) {
          const scripts = pageScripts(dir, page);
          const entry = path.join(path.dirname(path.join(dir, page)), scripts[scripts.length - 1]!);
          fs.writeFileSync(entry, `throw new Error('模拟启动错误');\n${fs.readFileSync(entry, 'utf8')}`);
        }
      },
    });
    // As built: office.js from Microsoft's CDN, which does not resolve here (an intranet).
    cdn = await serveSnapshot();
    plain = await serveSnapshot({ officeJs: PLAIN_OFFICE });
    // Each page's entry chunk waits, before it runs, until the test lets it (a start that hangs).
    held = await serveSnapshot({
      officeJs: excelFake,
      alter: (dir) => {
        for (const page of PAGES) {
          const scripts = pageScripts(dir, page);
          const entry = path.join(path.dirname(path.join(dir, page)), scripts[scripts.length - 1]!);
          const code = fs.readFileSync(entry, 'utf8');
          fs.writeFileSync(entry, `(function wait() { if (window.__letStart) (function () {\n${code}\n})(); else setTimeout(wait, 50); })();\n`);
        }
      },
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await missing?.close();
    await throwing?.close();
    await cdn?.close();
    await plain?.close();
    await held?.close();
  });

  it.each(PAGES)('%s: a script file missing on the server → 程序文件未能加载, naming the file', async (pagePath) => {
    const s = await browser.open(missing, pagePath, hostFor(pagePath));
    try {
      const m = await bootMessage(s.page);
      expect(m.kind).toBe('load');
      expect(m.text).toContain('程序文件未能加载');
      expect(m.text).toContain(removed[0]);
      expect(m.text).not.toContain(LOADING);
      if (pagePath === 'taskpane.html') await s.page.screenshot({ path: artifact('old65-boot-missing-file.png') });
    } finally {
      await s.close();
    }
  });

  it.each(PAGES)('%s: the bundle throws while starting → 启动时出错, the error one click away', async (pagePath) => {
    const s = await browser.open(throwing, pagePath, hostFor(pagePath));
    try {
      const m = await bootMessage(s.page);
      expect(m.kind).toBe('error');
      expect(m.text).toContain('启动时出错');
      expect(m.text).not.toContain(LOADING);
      expect(m.details).toContain('模拟启动错误');
    } finally {
      await s.close();
    }
  });

  it.each(PAGES)('%s: a feature the bundle needs is missing (WeakMap deleted) → 内核版本过旧, naming it; the app does not start', async (pagePath) => {
    const host = hostFor(pagePath);
    const s = await browser.open(good, pagePath, { ...host, before: [...host.before, 'delete window.WeakMap;'] });
    try {
      const m = await bootMessage(s.page);
      expect(m.kind).toBe('features');
      expect(m.text).toContain('版本过旧');
      expect(m.text).toContain('WeakMap');
      expect(m.text).not.toContain(LOADING);
      if (pagePath === 'wps/wps-taskpane.html') await s.page.screenshot({ path: artifact('old65-boot-old-engine-wps.png') });
      if (pagePath === 'index.html') await s.page.screenshot({ path: artifact('old65-boot-old-engine-web.png') });
    } finally {
      await s.close();
    }
  });

  it('taskpane.html: office.js cannot be loaded (an intranet without the CDN) → names appsforoffice.microsoft.com and the standalone page', async () => {
    const s = await browser.open(cdn, 'taskpane.html', { before: [workbookScript()] });
    try {
      const m = await bootMessage(s.page);
      expect(m.kind).toBe('officejs');
      expect(m.text).toContain('appsforoffice.microsoft.com');
      expect(m.text).toContain('index.html');
      await s.page.screenshot({ path: artifact('old65-boot-officejs.png') });
    } finally {
      await s.close();
    }
  });

  it('taskpane.html opened in a plain browser (office.js reports no host) → 请在 Excel 中打开, with a link to index.html', async () => {
    const s = await browser.open(plain, 'taskpane.html');
    try {
      const m = await bootMessage(s.page);
      expect(m.kind).toBe('outside-host');
      expect(m.text).toContain('请在 Excel 中打开此窗格');
      expect(await s.page.evaluate(() => (document.querySelector('#boot-message a') as HTMLAnchorElement).getAttribute('href'))).toBe('index.html');
      await s.page.screenshot({ path: artifact('old65-boot-outside-excel.png') });
    } finally {
      await s.close();
    }
  });

  it('wps-taskpane.html without the wps global → 未检测到 WPS 表格', async () => {
    const s = await browser.open(good, 'wps/wps-taskpane.html');
    try {
      const m = await bootMessage(s.page);
      expect(m.kind).toBe('outside-host');
      expect(m.text).toContain('未检测到 WPS 表格');
      expect(m.text).not.toContain(LOADING);
    } finally {
      await s.close();
    }
  });

  it('taskpane.html in an IE11 web view (Trident) → says so and names WebView2', async () => {
    const ie11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
    const s = await browser.open(good, 'taskpane.html', { ...hostFor('taskpane.html'), userAgent: ie11 });
    try {
      const m = await bootMessage(s.page);
      expect(m.kind).toBe('trident');
      expect(m.text).toContain('Internet Explorer');
      expect(m.text).toContain('WebView2');
      expect(m.details).toContain('Trident/7.0');
      await s.page.screenshot({ path: artifact('old65-boot-trident.png') });
    } finally {
      await s.close();
    }
  });
  it.each(PAGES)('%s: nothing has started when the start timeout (shortened here) passes → 加载时间过长; the app replaces it once it mounts', async (pagePath) => {
    const host = hostFor(pagePath);
    const s = await browser.open(held, pagePath, { ...host, before: ['window.__selfevalBootTimeoutMs = 1500;', ...host.before] });
    try {
      await poll(s.page, () => document.getElementById('boot-message') !== null, [], 30_000);
      const m = await s.page.evaluate(() => ({
        kind: document.getElementById('boot-message')!.getAttribute('data-boot-kind'),
        text: document.body.innerText,
      }));
      expect(m.kind).toBe('timeout');
      expect(m.text).toContain('加载时间过长');
      expect(m.text).toContain('超过 1.5 秒仍未启动');
      expect(m.text).not.toContain(LOADING);
      if (pagePath === 'index.html') await s.page.screenshot({ path: artifact('old65-boot-timeout-web.png') });
      // A slow start, not a failure: once the app mounts, the message goes and the app shows.
      await s.page.evaluate(() => {
        (window as unknown as { __letStart: boolean }).__letStart = true;
      });
      await poll(s.page, () => document.getElementById('boot-message') === null, [], 90_000);
      const shown = await s.page.evaluate(() => document.getElementById('root')!.style.display);
      expect(shown).toBe('');
      if (pagePath === 'index.html') await poll(s.page, () => document.querySelector('#file-input') !== null, [], 30_000);
      else await waitForButton(s.page, '核对', 60_000);
    } finally {
      await s.close();
    }
  });
});
