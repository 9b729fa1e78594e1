/**
 * The add-in manifest, tested offline: `office-addin-manifest validate` needs Microsoft's
 * online service, so this reads the manifest with office-addin-manifest's own reader and
 * with xml2js, and asserts what Office relies on.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { ManifestInfo } from 'office-addin-manifest';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const DEV_ORIGIN = 'https://localhost:3000';

type Xml = Record<string, unknown>;

// xml2js ships no types (office-addin-manifest uses it to read manifests too).
const { parseStringPromise } = require('xml2js') as { parseStringPromise: (xml: string) => Promise<unknown> };

/**
 * office-addin-manifest's own reader, run in a child node: the package pulls in an ES-module-only
 * dependency (strip-bom via @microsoft/app-manifest) that Jest's CommonJS runtime cannot load,
 * while node itself can.
 */
function readManifestFile(file: string): ManifestInfo {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((m) => process.stdout.write(JSON.stringify(m)))' +
    '.catch((e) => { console.error(e); process.exit(1); })';
  const out = execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as ManifestInfo;
}

/** Every attribute value named `attr` anywhere in the parsed tree. */
function collectAttr(node: unknown, attr: string, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) collectAttr(n, attr, out);
  } else if (node && typeof node === 'object') {
    const o = node as Xml;
    const attrs = o['$'] as Record<string, string> | undefined;
    if (attrs && typeof attrs[attr] === 'string') out.push(attrs[attr]);
    for (const [k, v] of Object.entries(o)) if (k !== '$') collectAttr(v, attr, out);
  }
  return out;
}

/** Width, height and chunk integrity of a PNG file. */
function readPng(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  let sawEnd = false;
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('ascii', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    const crc = buf.readUInt32BE(off + 8 + len);
    expect(crc).toBe(zlib.crc32(buf.subarray(off + 4, off + 8 + len)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') sawEnd = true;
    off += 12 + len;
  }
  expect(sawEnd).toBe(true);
  // RGBA, 8 bits: each row is a filter byte plus 4 bytes a pixel.
  expect(zlib.inflateSync(Buffer.concat(idat)).length).toBe(height * (width * 4 + 1));
  return { width, height };
}

describe('manifest.xml', () => {
  let xml: Xml;
  let app: Xml;
  let info: ManifestInfo;

  beforeAll(async () => {
    info = readManifestFile(MANIFEST);
    xml = (await parseStringPromise(fs.readFileSync(MANIFEST, 'utf8'))) as Xml;
    app = xml['OfficeApp'] as Xml;
  });

  it('is read by office-addin-manifest as a zh-CN Workbook task pane', () => {
    expect(info.manifestType).toBe('xml');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.displayName).toBe('自评表核对');
    expect(info.description).toMatch(/自评表/);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  it('keeps the 4-part version in step with package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(info.version).toBe(`${pkg.version}.0`);
  });

  it('requires no more than ExcelApi 1.1 (Office 2016 MSI): everything newer is gated at run time', () => {
    const sets = ((app['Requirements'] as Xml[])[0]!['Sets'] as Xml[])[0]!;
    expect((sets['$'] as Record<string, string>).DefaultMinVersion).toBe('1.1');
    const set = (sets['Set'] as Xml[]).map((s) => s['$'] as Record<string, string>);
    expect(set).toEqual([{ Name: 'ExcelApi', MinVersion: '1.1' }]);
    // The adapter asks isSetSupported for each newer set it uses: none is assumed.
    const api = fs.readFileSync(path.join(ROOT, 'src/host/excel/api.ts'), 'utf8');
    const asked = [...api.matchAll(/isSetSupported\('(1\.\d+)'\)/g)].map((m) => m[1]);
    expect(asked).toEqual(expect.arrayContaining(['1.2', '1.4', '1.6', '1.9', '1.11', '1.13', '1.20']));
  });

  it('uses https for every URL', () => {
    const urls = collectAttr(xml, 'DefaultValue').filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
  });

  it('has a ribbon button on the Home tab that opens the task pane', () => {
    const vo = (app['VersionOverrides'] as Xml[])[0]!;
    expect((vo['$'] as Record<string, string>)['xsi:type']).toBe('VersionOverridesV1_0');
    const host = ((vo['Hosts'] as Xml[])[0]!['Host'] as Xml[])[0]!;
    expect((host['$'] as Record<string, string>)['xsi:type']).toBe('Workbook');
    const dff = (host['DesktopFormFactor'] as Xml[])[0]!;
    const ext = (dff['ExtensionPoint'] as Xml[])[0]!;
    expect((ext['$'] as Record<string, string>)['xsi:type']).toBe('PrimaryCommandSurface');
    const tab = (ext['OfficeTab'] as Xml[])[0]!;
    expect((tab['$'] as Record<string, string>).id).toBe('TabHome');
    const control = ((tab['Group'] as Xml[])[0]!['Control'] as Xml[])[0]!;
    expect((control['$'] as Record<string, string>)['xsi:type']).toBe('Button');
    const action = (control['Action'] as Xml[])[0]!;
    expect((action['$'] as Record<string, string>)['xsi:type']).toBe('ShowTaskpane');
    const resid = ((action['SourceLocation'] as Xml[])[0]!['$'] as Record<string, string>).resid;

    const resources = (vo['Resources'] as Xml[])[0]!;
    const urls = ((resources['bt:Urls'] as Xml[])[0]!['bt:Url'] as Xml[]).map((u) => u['$'] as Record<string, string>);
    expect(urls.find((u) => u.id === resid)?.DefaultValue).toBe(`${DEV_ORIGIN}/taskpane.html`);
    const labelId = ((control['Label'] as Xml[])[0]!['$'] as Record<string, string>).resid;
    const shorts = ((resources['bt:ShortStrings'] as Xml[])[0]!['bt:String'] as Xml[]).map((s) => s['$'] as Record<string, string>);
    expect(shorts.find((s) => s.id === labelId)?.DefaultValue).toBe('自评表核对');
  });

  it('defines every resid it uses', () => {
    const used = new Set(collectAttr(xml, 'resid'));
    const vo = (app['VersionOverrides'] as Xml[])[0]!;
    const defined = new Set(collectAttr(vo['Resources'], 'id'));
    for (const id of used) expect(defined).toContain(id);
  });

  it('points at icon files in assets/ that are valid PNGs of the stated size', () => {
    const vo = (app['VersionOverrides'] as Xml[])[0]!;
    const images = ((vo['Resources'] as Xml[])[0]!['bt:Images'] as Xml[])[0]!['bt:Image'] as Xml[];
    const icons: Array<{ url: string; size: number }> = images.map((i) => {
      const a = i['$'] as Record<string, string>;
      return { url: a.DefaultValue!, size: Number(/(\d+)x\1$/.exec(a.id!)![1]) };
    });
    const iconUrl = ((app['IconUrl'] as Xml[])[0]!['$'] as Record<string, string>).DefaultValue!;
    const hiRes = ((app['HighResolutionIconUrl'] as Xml[])[0]!['$'] as Record<string, string>).DefaultValue!;
    icons.push({ url: iconUrl, size: 32 }, { url: hiRes, size: 64 });
    expect(new Set(icons.map((i) => i.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of icons) {
      const rel = url.slice(`${DEV_ORIGIN}/`.length);
      expect(rel).toMatch(/^assets\/icon-\d+\.png$/);
      const file = path.join(ROOT, rel);
      expect(fs.existsSync(file)).toBe(true);
      expect(readPng(file)).toEqual({ width: size, height: size });
    }
  });

  it('serves every page it names from the build', () => {
    // webpack.config.js emits these pages; keep the manifest and the build in step.
    const config = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
    const pages = collectAttr(xml, 'DefaultValue')
      .filter((v) => v.endsWith('.html'))
      .map((v) => v.slice(`${DEV_ORIGIN}/`.length));
    for (const page of new Set(pages)) expect(config).toContain(`'${page}'`);
  });
});
