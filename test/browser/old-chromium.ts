/**
 * Old Chromium for the browser suite: the builds inside npm's chrome-aws-lambda packages —
 * 1.0.0 ships Chromium 65 (the era of WPS 2019's embedded Chromium), 1.11.2 ships Chromium 72
 * (devDependencies "chromium65" / "chromium72", npm aliases of the two versions). Each binary is
 * brotli-compressed in the package; it is unpacked once into node_modules/.cache/old-chromium.
 * Current Playwright cannot speak these builds' DevTools protocol, so puppeteer-core 1.11
 * (of the same era) drives them. Shared libraries beyond glibc (libnss3, libnspr4, libexpat) and
 * fonts come from npm too (npm-browsers.ts: browserEnv).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { BROWSER_FLAGS, DIST, OFFICE_JS, ROOT, serveDist } from './harness';
import { browserEnv } from './npm-browsers';

export { OFFICE_JS };

export type OldVersion = 65 | 72;

const PACKAGES: Record<OldVersion, { pkg: string; file: string }> = {
  65: { pkg: 'chromium65', file: 'chromium-65.0.3312.0' },
  72: { pkg: 'chromium72', file: 'chromium-72.0.3617.0' },
};

/** The unpacked binary of one version (unpacked on first use; concurrent callers are safe). */
export function oldChromium(version: OldVersion): string {
  const { pkg, file } = PACKAGES[version];
  const dir = path.join(ROOT, 'node_modules', '.cache', 'old-chromium');
  const bin = path.join(dir, file);
  if (fs.existsSync(bin)) return bin;
  const br = path.join(ROOT, 'node_modules', pkg, 'bin', `${file}.br`);
  if (!fs.existsSync(br)) throw new Error(`${br} is missing: run "npm ci" (devDependency ${pkg})`);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${bin}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, zlib.brotliDecompressSync(fs.readFileSync(br)), { mode: 0o755 });
  fs.renameSync(tmp, bin);
  return bin;
}

// ---- the slice of puppeteer-core 1.11's API these tests use (it ships no types) ----

export interface OldRequest {
  url(): string;
}
export interface OldElement {
  click(): Promise<void>;
  uploadFile(...files: string[]): Promise<void>;
}
export interface OldPage {
  goto(url: string, opts?: { waitUntil?: string; timeout?: number }): Promise<unknown>;
  setViewport(v: { width: number; height: number }): Promise<void>;
  setUserAgent(ua: string): Promise<void>;
  evaluateOnNewDocument(fn: string | ((...args: never[]) => unknown), ...args: unknown[]): Promise<void>;
  evaluate<T>(fn: string | ((...args: never[]) => T), ...args: unknown[]): Promise<T>;
  waitForFunction(fn: string | ((...args: never[]) => unknown), opts?: { timeout?: number; polling?: string | number }, ...args: unknown[]): Promise<unknown>;
  waitForSelector(sel: string, opts?: { timeout?: number; visible?: boolean }): Promise<OldElement>;
  $(sel: string): Promise<OldElement | null>;
  $$eval<T>(sel: string, fn: (els: Element[]) => T): Promise<T>;
  screenshot(opts: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(ev: 'request', cb: (r: OldRequest) => void): void;
  on(ev: 'pageerror', cb: (e: Error) => void): void;
  on(ev: 'console', cb: (m: { type(): string; text(): string }) => void): void;
  close(): Promise<void>;
}
interface OldBrowser {
  newPage(): Promise<OldPage>;
  close(): Promise<void>;
  version(): Promise<string>;
}

const puppeteer = require('puppeteer-core') as {
  launch(o: { executablePath: string; args: string[]; userDataDir: string; headless: boolean; timeout?: number; env?: Record<string, string> }): Promise<OldBrowser>;
};

/**
 * The suite's flags (harness.ts; puppeteer adds --headless), plus what these builds need to start
 * in a container, and a resolver in place of playwright's request routing (which they lack).
 */
export const OLD_CHROMIUM_ARGS = [
  ...BROWSER_FLAGS,
  // Nothing may leave 127.0.0.1: every other host name fails to resolve (as on an intranet).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--single-process',
  '--no-zygote',
  '--lang=zh-CN',
];

/** A private copy of dist/ (optionally altered: a file removed, a script made to throw), served on 127.0.0.1. */
export interface Snapshot {
  readonly dir: string;
  readonly url: string;
  close(): Promise<void>;
}

export interface SnapshotOptions {
  /**
   * A stand-in for office.js (the Office fake): written into the copy, and taskpane.html's CDN
   * URL pointed at it. puppeteer 1.11 cannot intercept requests in these builds, so the page
   * is changed in exactly that one URL. Without it the page keeps the CDN URL, which cannot
   * resolve here (an intranet without the CDN).
   */
  readonly officeJs?: string;
  readonly alter?: (dir: string) => void;
}

export async function serveSnapshot(opts: SnapshotOptions = {}): Promise<Snapshot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-old-dist-'));
  fs.cpSync(DIST, dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
  if (opts.officeJs !== undefined) {
    fs.writeFileSync(path.join(dir, 'office-fake.js'), opts.officeJs);
    const page = path.join(dir, 'taskpane.html');
    const html = fs.readFileSync(page, 'utf8');
    if (!html.includes(OFFICE_JS)) throw new Error(`taskpane.html does not load ${OFFICE_JS}`);
    fs.writeFileSync(page, html.replace(OFFICE_JS, 'office-fake.js'));
  }
  opts.alter?.(dir);
  const served = await serveDist({ root: dir, port: 0 });
  return {
    dir,
    url: served.url,
    async close() {
      await served.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The local scripts a built page loads, in order (query strings dropped). */
export function pageScripts(dir: string, page: string): string[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]!.replace(/[?#].*$/, '')).filter((s) => !/^https?:/.test(s));
}

export interface OldBrowserSession {
  readonly version: OldVersion;
  readonly userAgent: string;
  /** Opens a page of a served snapshot. */
  open(snapshot: Snapshot, pagePath: string, opts?: OpenOptions): Promise<OldPageSession>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Scripts run before any of the page's own (the host fakes, a feature removed…), in order. */
  readonly before?: ReadonlyArray<string>;
  readonly viewport?: { width: number; height: number };
  readonly userAgent?: string;
}

export interface OldPageSession {
  readonly page: OldPage;
  /** Every request the page made, in order. */
  readonly requests: string[];
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

export async function launchOld(version: OldVersion): Promise<OldBrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `selfeval-chromium${version}-`));
  const browser = await puppeteer.launch({
    executablePath: oldChromium(version),
    args: OLD_CHROMIUM_ARGS,
    userDataDir,
    headless: true,
    timeout: 120_000,
    env: browserEnv(),
  });
  const userAgent = await browser.version();
  return {
    version,
    userAgent,
    async open(snapshot, pagePath, opts = {}) {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await page.setViewport(opts.viewport ?? { width: 360, height: 860 });
      if (opts.userAgent) await page.setUserAgent(opts.userAgent);
      page.on('request', (r) => requests.push(r.url()));
      for (const src of opts.before ?? []) await page.evaluateOnNewDocument(src);
      await page.goto(snapshot.url + pagePath, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      return { page, requests, errors, close: () => page.close() };
    },
    async close() {
      await browser.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Bundles a test entry (a host fake) for old engines with the app's own Babel rules
 * (webpack.config.js), its polyfills from core-js-pure: the fake must not install global
 * polyfills the app under test would then never be checked for. In a child process
 * (test/browser/legacy-fake.webpack.js).
 */
export async function bundleLegacyScript(entry: string): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-legacyfake-'));
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--config', path.join(__dirname, 'legacy-fake.webpack.js'), '--env', `entry=${entry}`, '--env', `outDir=${out}`],
        { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve()),
      ),
    );
    return fs.readFileSync(path.join(out, 'fake.js'), 'utf8');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Polls `fn(...args)` in the page until it returns something truthy. puppeteer 1.11's own
 * waitForFunction/waitForSelector compile their predicate with `new Function`, which the
 * standalone page's Content-Security-Policy refuses; evaluate (callFunctionOn) is allowed.
 */
export async function poll<T>(page: OldPage, fn: (...args: never[]) => T, args: unknown[] = [], timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, ...args);
    if (v) return v;
    if (Date.now() > end) throw new Error(`poll: timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Lets the page download into `dir`. puppeteer 1.11 has no API for it: its page's own DevTools
 * session (`_client`, private but pinned with the version) sends Page.setDownloadBehavior.
 */
export async function allowDownloads(page: OldPage, dir: string): Promise<void> {
  const client = (page as unknown as { _client: { send(method: string, params: object): Promise<unknown> } })._client;
  await client.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}

/** Clicks (a DOM click, as React sees a clerk's) the first element matching `selector`, waiting for it. */
export async function clickSelector(page: OldPage, selector: string, timeout = 30_000): Promise<void> {
  await poll(page, (sel: string) => document.querySelector(sel) !== null, [selector], timeout);
  await page.evaluate((sel: string) => (document.querySelector(sel) as HTMLElement).click(), selector);
}

/** A visible, enabled button whose text is exactly `name` (Fluent may keep hidden copies). */
function hasButton(name: string): boolean {
  const all = document.querySelectorAll('button');
  for (let i = 0; i < all.length; i++) {
    const b = all[i] as HTMLButtonElement;
    if ((b.textContent || '').trim() === name && !b.disabled && b.offsetParent !== null) return true;
  }
  return false;
}

/** Waits until a visible, enabled button whose text is exactly `name` is on the page. */
export async function waitForButton(page: OldPage, name: string, timeout = 30_000): Promise<void> {
  await poll(page, hasButton, [name], timeout);
}

/** Clicks that button (waiting for it). */
export async function clickButton(page: OldPage, name: string, timeout = 30_000): Promise<void> {
  await waitForButton(page, name, timeout);
  await page.evaluate((n: string) => {
    const all = document.querySelectorAll('button');
    for (let i = 0; i < all.length; i++) {
      const b = all[i] as HTMLButtonElement;
      if ((b.textContent || '').trim() === n && !b.disabled && b.offsetParent !== null) return b.click();
    }
  }, name);
}
