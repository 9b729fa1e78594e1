/**
 * The browser suite's harness: a production build of dist/ (rebuilt only when sources are
 * newer, once per run even when several test files ask), a static server on 127.0.0.1,
 * a current headless Chromium from npm (npm-browsers.ts) through playwright-core, and a log
 * of every request.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type LaunchOptions, type Page, type Request } from 'playwright-core';
import { browserEnv, npmChromium } from './npm-browsers';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

const STAMP = path.join(DIST, '.build-stamp');
const LOCK = path.join(ROOT, '.dist-build.lock');
const INPUTS = ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'tsconfig.json', 'package.json'];

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function isFresh(): boolean {
  const stamp = fs.statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp || !fs.existsSync(path.join(DIST, 'index.html')) || !fs.existsSync(path.join(DIST, 'worker.js'))) return false;
  // The single file needs a devDependency a node_modules made before it may lack (webpack.config.js).
  if (!fs.existsSync(path.join(DIST, 'standalone.html')) && fs.existsSync(path.join(ROOT, 'node_modules', 'html-inline-script-webpack-plugin'))) return false;
  return INPUTS.every((p) => newestMtime(path.join(ROOT, p)) <= stamp.mtimeMs);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Builds dist/ with webpack (production) unless it is up to date; one build at a time. */
export async function ensureBuilt(): Promise<void> {
  for (;;) {
    if (isFresh()) return;
    let fd: number;
    try {
      fd = fs.openSync(LOCK, 'wx');
    } catch {
      // Another test file is building; a lock older than 10 minutes is stale.
      const st = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 10 * 60_000) fs.rmSync(LOCK, { force: true });
      await sleep(1000);
      continue;
    }
    try {
      if (isFresh()) return;
      const started = Date.now();
      // Build aside and swap dist/ in whole: a page another test (or another person's run) is
      // serving never sees a half-written dist/.
      const cache = path.join(ROOT, 'node_modules', '.cache');
      fs.mkdirSync(cache, { recursive: true });
      const fresh = fs.mkdtempSync(path.join(cache, 'selfeval-dist-'));
      try {
        execFileSync(
          process.execPath,
          [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', `outDir=${fresh}`],
          { cwd: ROOT, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 },
        );
        const stamp = path.join(fresh, '.build-stamp');
        fs.writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
        // Sources edited during the build stay newer than the stamp and trigger the next build.
        fs.utimesSync(stamp, new Date(started), new Date(started));
        const old = `${fresh}-old`;
        if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
        fs.renameSync(fresh, DIST);
        fs.rmSync(old, { recursive: true, force: true });
      } finally {
        fs.rmSync(fresh, { recursive: true, force: true });
      }
      return;
    } finally {
      fs.closeSync(fd);
      fs.rmSync(LOCK, { force: true });
    }
  }
}

/** Every browser of the suite, the current one and the old builds of old-chromium.ts: no sandbox, nothing phoning home. */
export const BROWSER_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_ARGS = ['--headless', ...BROWSER_FLAGS];

/** How playwright launches the suite's current Chromium: the npm build, its libraries and fonts. */
export function chromiumLaunchOptions(): LaunchOptions & { executablePath: string } {
  return { executablePath: npmChromium(), args: CHROMIUM_ARGS, env: browserEnv() };
}

/** Microsoft's CDN address of office.js, as taskpane.html loads it; the tests answer it with the Excel fake. */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
  /** Every request the page and its workers made, in order. */
  readonly requests: string[];
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

// scripts/serve-dist.js is plain node (npm run serve uses it too).
export const { serveDist } = require('../../scripts/serve-dist.js') as {
  serveDist(opts: { root?: string; port?: number }): Promise<Served>;
};

export interface SessionOptions {
  readonly pagePath?: string;
  readonly viewport?: { width: number; height: number };
  /** Runs before the first navigation: init scripts, extra routes (later routes win). */
  readonly prepare?: (context: BrowserContext) => Promise<void>;
}

/** Serves dist/, launches Chromium with a fresh profile, and opens the page. */
export async function openSession(opts: SessionOptions = {}): Promise<Session> {
  const { pagePath = 'index.html', viewport = { width: 1400, height: 900 }, prepare } = opts;
  // Serve a private copy: a rebuild of dist/ during the session cannot pull files from under it.
  const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-dist-'));
  for (let attempt = 1; ; attempt++) {
    try {
      fs.cpSync(DIST, snapshot, { recursive: true, filter: (src) => !src.endsWith('.map') });
      break;
    } catch (e) {
      // dist/ was being swapped by a build that just finished: copy the new one.
      if (attempt >= 5) throw e;
      fs.rmSync(snapshot, { recursive: true, force: true });
      fs.mkdirSync(snapshot);
      await sleep(500);
    }
  }
  const served = await serveDist({ root: snapshot, port: 0 });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-chromium-'));
  // A fresh profile per session (playwright passes it as --user-data-dir).
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions(),
    viewport,
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const requests: string[] = [];
  const errors: string[] = [];
  const origin = new URL(served.url).origin;
  const record = (r: Request) => requests.push(r.url());
  context.on('request', record);
  // Nothing may leave 127.0.0.1: anything else is recorded (above) and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient');
  });
  await prepare?.(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(served.url + pagePath);
  return {
    context,
    page,
    baseUrl: served.url,
    requests,
    errors,
    async close() {
      await context.close();
      await served.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      fs.rmSync(snapshot, { recursive: true, force: true });
    },
  };
}

/** Requests that went anywhere but the local server (blob: and data: are in-memory). */
export function externalRequests(s: Session): string[] {
  const origin = new URL(s.baseUrl).origin;
  return s.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function axeViolations(page: Page, selector?: string): Promise<Array<{ id: string; impact: string; help: string; nodes: string[] }>> {
  // Colours are measured at rest: mid-transition (a theme switch) they are neither theme's.
  await settled(page);
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) allows it.
  await page.evaluate(source);
  const results = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(sel ? document.querySelector(sel) : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, selector ?? null);
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Waits until every finite CSS transition and animation of the page has finished, so colours
 * are read at rest: Fluent's buttons fade their background, border and colour (100 ms) when the
 * theme changes, and a read during the fade sees neither theme's colour. Endless animations (a
 * spinner) are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Two frames: the style change has been applied and its transitions have started.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.then(() => undefined, () => undefined)));
  });
}

/** A finding as the page's single view shows it (its data- attributes), or as a report holds it. */
export interface ShownFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly sheet: string;
  readonly cell: string;
}

/** `ruleId severity sheet!cell`: how the tests compare what the page shows with a report. */
export function findingKey(f: ShownFinding): string {
  return `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`;
}

/** The findings the page's single view shows, in the order shown. */
export function shownFindings(page: Page): Promise<ShownFinding[]> {
  return page.$$eval('[data-testid=single-view] [data-rule-id]', (els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return { ruleId: d.ruleId!, severity: d.severity!, sheet: d.sheet!, cell: d.cell! };
    }),
  );
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * Bundles test/browser/office-fake-entry.ts (the Excel fake as a browser script) with webpack;
 * returns the script's text. Small: a few seconds.
 */
export function bundleOfficeFake(): Promise<string> {
  return bundleScript(path.join(__dirname, 'office-fake-entry.ts'));
}

/** Bundles one test entry (a host fake as a browser script) with webpack; returns the script's text. */
export async function bundleScript(entry: string): Promise<string> {
  const webpack = require('webpack') as typeof import('webpack');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-officefake-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    context: ROOT,
    entry,
    output: { path: out, filename: 'office-fake.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json'), compilerOptions: { module: 'es2020', noEmit: false } },
          },
        },
      ],
    },
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
  const text = fs.readFileSync(path.join(out, 'office-fake.js'), 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  return text;
}
