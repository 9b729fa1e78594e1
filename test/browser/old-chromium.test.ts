/**
 * The boot guard in old headless Chromium 65 (WPS 2019's era), driven by puppeteer-core 1.11
 * (test/browser/old-chromium.ts), on the three built pages: with a file missing, a script
 * throwing at start, a feature missing, office.js unreachable, a page outside its host or an
 * IE11 web view, each page shows its Chinese message instead of the loading text.
 *
 * Functions passed to page.evaluate run in Chromium 65 as written (ES2017: no `?.`, no `??`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../../src/host/file/read';
import { specFromGrid, type SheetSpec } from '../host/spec';
import { ROOT, artifact, ensureBuilt } from './harness';
import {
  bundleLegacyScript,
  launchOld,
  pageScripts,
  serveSnapshot,
  type OldBrowserSession,
  type OldPage,
  type Snapshot,
  poll,
} from './old-chromium';

jest.setTimeout(300_000);

const SEED = path.join(ROOT, 'samples', 'seed-004.xlsx');
const LOADING = '正在加载自评表核对';

let spec: SheetSpec[];
let excelFake: string;
let wpsFake: string;
let good: Snapshot;

beforeAll(async () => {
  const read = await readWorkbook({ bytes: fs.readFileSync(SEED), fileName: 'seed-004.xlsx' });
  if (!read.ok) throw new Error(read.message);
  spec = specFromGrid(read.grid);
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

function workbookScript(): string {
  return `window.__FAKE_WORKBOOK__ = ${JSON.stringify(spec)};`;
}


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
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await missing?.close();
    await throwing?.close();
    await cdn?.close();
    await plain?.close();
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
});
