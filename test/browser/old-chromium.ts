/**
 * Old Chromium for the browser suite: the builds inside npm's chrome-aws-lambda packages —
 * 1.0.0 ships Chromium 65 (the era of WPS 2019's embedded Chromium), 1.11.2 ships Chromium 72
 * (devDependencies "chromium65" / "chromium72", npm aliases of the two versions). Each binary is
 * brotli-compressed in the package; it is unpacked once into node_modules/.cache/old-chromium.
 * Current Playwright cannot speak these builds' DevTools protocol, so puppeteer-core 1.11
 * (of the same era) drives them. Shared libraries: libnss3/libnspr4 (scripts/install-browser.sh).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DIST, ROOT } from './harness';

export type OldVersion = 65 | 72;

const PACKAGES: Record<OldVersion, { pkg: string; file: string }> = {
  65: { pkg: 'chromium65', file: 'chromium-65.0.3312.0' },
  72: { pkg: 'chromium72', file: 'chromium-72.0.3617.0' },
};

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

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
  continue(): Promise<void>;
  abort(reason?: string): Promise<void>;
  respond(r: { status: number; contentType: string; body: string }): Promise<void>;
}
export interface OldElement {
  click(): Promise<void>;
  uploadFile(...files: string[]): Promise<void>;
}
export interface OldPage {
  goto(url: string, opts?: { waitUntil?: string; timeout?: number }): Promise<unknown>;
  setViewport(v: { width: number; height: number }): Promise<void>;
  setUserAgent(ua: string): Promise<void>;
  setRequestInterception(on: boolean): Promise<void>;
  evaluateOnNewDocument(fn: string | ((...args: never[]) => unknown), ...args: unknown[]): Promise<void>;
  evaluate<T>(fn: string | ((...args: never[]) => T), ...args: unknown[]): Promise<T>;
  waitForFunction(fn: string | ((...args: never[]) => unknown), opts?: { timeout?: number; polling?: string | number }, ...args: unknown[]): Promise<unknown>;
  waitForSelector(sel: string, opts?: { timeout?: number; visible?: boolean }): Promise<OldElement>;
  $(sel: string): Promise<OldElement | null>;
  $x(xpath: string): Promise<OldElement[]>;
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
  launch(o: { executablePath: string; args: string[]; userDataDir: string; headless: boolean; timeout?: number }): Promise<OldBrowser>;
};

/** The flags of test/browser/harness.ts, plus what these builds need to start in a container. */
export const OLD_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--single-process',
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

interface Served {
  readonly url: string;
  close(): Promise<void>;
}
const { serveDist } = require('../../scripts/serve-dist.js') as {
  serveDist(opts: { root?: string; port?: number }): Promise<Served>;
};

/** A private copy of dist/ (optionally altered: a file removed, a script made to throw), served on 127.0.0.1. */
export interface Snapshot {
  readonly dir: string;
  readonly url: string;
  close(): Promise<void>;
}

export async function serveSnapshot(alter?: (dir: string) => void): Promise<Snapshot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-old-dist-'));
  fs.cpSync(DIST, dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
  alter?.(dir);
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
  /** Opens a page of a served snapshot; office.js is answered with `officeJs` (or fails to load when null). */
  open(snapshot: Snapshot, pagePath: string, opts?: OpenOptions): Promise<OldPageSession>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Scripts run before any of the page's own (the host fakes, a feature removed…), in order. */
  readonly before?: ReadonlyArray<string>;
  /** The body served for office.js's CDN URL; null makes the request fail (an intranet without the CDN). */
  readonly officeJs?: string | null;
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
  const browser = await puppeteer.launch({ executablePath: oldChromium(version), args: OLD_CHROMIUM_ARGS, userDataDir, headless: true, timeout: 120_000 });
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
      const origin = new URL(snapshot.url).origin;
      await page.setRequestInterception(true);
      page.on('request', (r) => {
        const url = r.url();
        requests.push(url);
        if (url === OFFICE_JS) {
          if (typeof opts.officeJs === 'string') void r.respond({ status: 200, contentType: 'text/javascript', body: opts.officeJs });
          else void r.abort('failed');
        } else if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
          void r.continue();
        } else {
          // Nothing may leave 127.0.0.1.
          void r.abort('blockedbyclient');
        }
      });
      for (const src of opts.before ?? []) await page.evaluateOnNewDocument(src);
      await page.goto(snapshot.url + pagePath, { waitUntil: 'domcontentloaded', timeout: 120_000 });
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
 * (webpack.config.js), syntax only: the fake must not install polyfills the app under test
 * would then never be checked for.
 */
export async function bundleLegacyScript(entry: string): Promise<string> {
  const webpack = require('webpack') as typeof import('webpack');
  const { scriptRules } = require('../../webpack.config.js') as { scriptRules(o: { polyfills: boolean }): import('webpack').RuleSetRule[] };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-legacyfake-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: ['web', 'es2017'],
    context: ROOT,
    entry,
    output: { path: out, filename: 'fake.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: scriptRules({ polyfills: false }) },
    stats: 'errors-only',
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
  const text = fs.readFileSync(path.join(out, 'fake.js'), 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  return text;
}

const buttonXPath = (name: string) => `//button[normalize-space(.)='${name}' and not(@disabled)]`;

/** Waits until an enabled button whose text is exactly `name` is on the page. */
export async function waitForButton(page: OldPage, name: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (x: string) => document.evaluate(x, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null,
    { timeout, polling: 100 },
    buttonXPath(name),
  );
}

/** Clicks the first enabled button whose text is exactly `name` (waiting for it). */
export async function clickButton(page: OldPage, name: string, timeout = 30_000): Promise<void> {
  await waitForButton(page, name, timeout);
  const [button] = await page.$x(buttonXPath(name));
  await button!.click();
}
