/**
 * `npm run package -- --base-url …` writes a release a county IT person can deploy as is:
 * the Excel add-in with a manifest whose every URL is under the base (checked offline: the
 * manifest's own reader needs Microsoft's service), the WPS add-in for online and offline
 * installation in wpsjs's formats, and the standalone page. Runs the real script on the real
 * production build.
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DIST, ensureBuilt } from '../browser/harness';
import { checkOnlineEntry, checkPackedEntry, checkRibbon } from '../support/wps-formats';

const ROOT = path.resolve(__dirname, '..', '..');
const BASE = 'https://内网地址/selfeval/';
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let out: string;

function runPackage(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** Every script and stylesheet a page names, relative to it. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)[^>]*\s(?:src|href)="?([^"\s>]+)/g)].map((m) => m[1]!.replace(/[?#].*$/, '')).filter((u) => !/^[a-z]+:\/\//i.test(u));
}

function urlsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => urlsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('@_xmlns')) continue;
      if (typeof v === 'string' && /^[a-z]+:\/\//i.test(v)) out.push(v);
      else urlsIn(v, out);
    }
  }
  return out;
}

beforeAll(async () => {
  await ensureBuilt();
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-release-'));
  const r = runPackage(['--base-url', BASE, '--no-build', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 600_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('excel/: the pane, its pages and icons, and a manifest whose every URL is under BASE/excel/ and names a file that is there', () => {
  const xml = fs.readFileSync(path.join(out, 'excel', 'manifest.xml'), 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toContain('localhost');
  const tree = new XMLParser({ ignoreAttributes: false }).parse(xml) as Record<string, unknown>;
  const urls = urlsIn(tree);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) {
    expect(u.startsWith(`${BASE}excel/`)).toBe(true);
    expect(fs.existsSync(path.join(out, 'excel', u.slice(`${BASE}excel/`.length)))).toBe(true);
  }
  // Same add-in as the development manifest: id, version, requirement set.
  const dev = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  for (const tag of ['Id', 'Version']) expect(xml.match(new RegExp(`<${tag}>[^<]+</${tag}>`))![0]).toBe(dev.match(new RegExp(`<${tag}>[^<]+</${tag}>`))![0]);
  expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.1"/>');
  for (const page of ['taskpane.html', 'commands.html', 'index.html']) {
    const html = fs.readFileSync(path.join(out, 'excel', page), 'utf8');
    for (const a of assetsOf(html)) expect(fs.existsSync(path.join(out, 'excel', a))).toBe(true);
  }
  expect(fs.readdirSync(path.join(out, 'excel')).some((f) => f.endsWith('.map'))).toBe(false);
});

test('wps/online/: the add-in folder (ribbon.xml first of all <customUI>) and a <jspluginonline> for BASE/wps/online/', () => {
  const dir = path.join(out, 'wps', 'online');
  checkRibbon(fs.readFileSync(path.join(dir, 'ribbon.xml'), 'utf8'));
  for (const f of ['main.js', 'index.html', 'wps-taskpane.html', 'assets/icon-32.png']) expect(fs.existsSync(path.join(dir, f))).toBe(true);
  const pane = fs.readFileSync(path.join(dir, 'wps-taskpane.html'), 'utf8');
  for (const a of assetsOf(pane)) expect(fs.existsSync(path.join(dir, a))).toBe(true);
  expect(checkOnlineEntry(fs.readFileSync(path.join(dir, 'jsplugins.xml'), 'utf8')).url).toBe(`${BASE}wps/online/`);
});

test('wps/offline/: the packed add-in <name>_<version>.7z with the folder at its root, and its <jsplugin> entry', () => {
  const dir = path.join(out, 'wps', 'offline');
  const entry = checkPackedEntry(fs.readFileSync(path.join(dir, 'jsplugins.xml'), 'utf8'));
  expect(entry.version).toBe(VERSION);
  expect(entry.url).toBe(`${BASE}wps/offline/selfeval-check_${VERSION}.7z`);
  const archive = path.join(dir, `selfeval-check_${VERSION}.7z`);
  expect(fs.readFileSync(archive).subarray(0, 6).equals(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))).toBe(true); // 7z signature
  // Unpacked with 7-Zip itself, it is the online folder, file for file.
  const { path7za } = require('7zip-bin') as { path7za: string };
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-7z-'));
  try {
    execFileSync(path7za, ['x', archive, `-o${unpacked}`, '-y', '-bd'], { stdio: 'pipe' });
    const list = (d: string, rel = ''): string[] =>
      fs.readdirSync(path.join(d, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(d, path.join(rel, e.name)) : [path.join(rel, e.name)]));
    const online = list(path.join(out, 'wps', 'online')).filter((f) => f !== 'jsplugins.xml').sort();
    expect(list(unpacked).sort()).toEqual(online);
    checkRibbon(fs.readFileSync(path.join(unpacked, 'ribbon.xml'), 'utf8'));
    expect(fs.readFileSync(path.join(unpacked, 'main.js'))).toEqual(fs.readFileSync(path.join(DIST, 'wps', 'main.js')));
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
});

test('web/: the standalone page with everything it loads, and no add-in files', () => {
  const dir = path.join(out, 'web');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const assets = assetsOf(html);
  expect(assets.length).toBeGreaterThan(0);
  for (const a of assets) expect(fs.existsSync(path.join(dir, a))).toBe(true);
  expect(fs.existsSync(path.join(dir, 'worker.js'))).toBe(true);
  expect(fs.existsSync(path.join(dir, 'manifest.xml'))).toBe(false);
  expect(fs.readFileSync(path.join(out, '部署说明.txt'), 'utf8')).toMatch(/受信任的加载项目录[\s\S]*JSPluginsServer[\s\S]*web\/index\.html/);
});

test('自评表核对.html: the single-file page, as built, at the top; not copied into the folders', () => {
  expect(fs.readFileSync(path.join(out, '自评表核对.html'))).toEqual(fs.readFileSync(path.join(DIST, 'standalone.html')));
  for (const dir of ['excel', 'web', path.join('wps', 'online')]) expect(fs.readdirSync(path.join(out, dir)).filter((f) => f.startsWith('standalone'))).toEqual([]);
  expect(fs.readFileSync(path.join(out, '部署说明.txt'), 'utf8')).toMatch(/四、单文件网页（自评表核对\.html）[\s\S]*双击/);
});

test('a base URL Excel cannot load from is refused with a Chinese message', () => {
  for (const bad of [[], ['--base-url', 'http://内网地址/selfeval/'], ['--base-url', 'not a url']]) {
    const r = runPackage([...bad, '--no-build', '--out', path.join(out, 'never')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^打包失败：/);
    expect(fs.existsSync(path.join(out, 'never'))).toBe(false);
  }
});
