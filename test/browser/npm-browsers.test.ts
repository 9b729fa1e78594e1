/**
 * The browsers of the suite come from npm (npm-browsers.ts), never from the machine: the
 * executable, the shared libraries it maps and the fonts it draws Chinese with all lie under
 * node_modules. A machine with a system Chromium (/usr/bin/chromium) or system CJK fonts must
 * not make this suite pass where a fresh laptop would fail.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT, chromiumLaunchOptions } from './harness';
import { isFromNodeModules } from './npm-browsers';

jest.setTimeout(120_000);

let browser: Browser;
let pid: number;
let executablePath: string;

beforeAll(async () => {
  const options = chromiumLaunchOptions();
  executablePath = options.executablePath;
  const server = await chromium.launchServer(options);
  pid = server.process().pid!;
  browser = await chromium.connect(server.wsEndpoint());
  browser.on('disconnected', () => void server.close());
});

afterAll(async () => {
  await browser?.close();
});

describe('the current Chromium of the browser suite', () => {
  it('is the build shipped in @sparticuz/chromium, unpacked under node_modules', () => {
    expect(isFromNodeModules(executablePath)).toBe(true);
    expect(executablePath).not.toBe('/usr/bin/chromium');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8')) as { version: string };
    // The package's major version is its Chromium's (153.0.0 ships Chromium 153.0.x).
    expect(browser.version().split('.')[0]).toBe(pkg.version.split('.')[0]);
    expect(fs.realpathSync(`/proc/${pid}/exe`)).toBe(fs.realpathSync(executablePath));
  });

  it('maps libnss3 and libnspr4 from node_modules, not from the system', () => {
    const mapped = new Set(
      fs
        .readFileSync(`/proc/${pid}/maps`, 'utf8')
        .split('\n')
        .map((l) => l.split(/\s+/)[5] ?? '')
        .filter((f) => /\/lib(nss3|nspr4)\.so/.test(f)),
    );
    expect(mapped.size).toBe(2);
    for (const f of mapped) expect(isFromNodeModules(f)).toBe(true);
  });

  it('draws Chinese with the CJK font shipped in @embedpdf/fonts-sc', async () => {
    const page = await browser.newPage();
    await page.setContent('<p id="t" style="font-family: sans-serif">自评表核对</p><p id="e" style="font-family: sans-serif">Score</p>');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const fontsOf = async (selector: string) => {
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((f) => `${f.familyName} ${f.glyphCount}`);
    };
    // Noto Sans Hans names itself "Noto Sans S Chinese" (a system Noto would be "Noto Sans CJK SC").
    expect(await fontsOf('#t')).toEqual(['Noto Sans S Chinese Regular 5']);
    // Latin text: Open Sans, the font shipped in @sparticuz/chromium (no system font is listed).
    expect(await fontsOf('#e')).toEqual(['Open Sans 5']);
    await page.close();
  });
});
