#!/usr/bin/env node
/**
 * npm run package -- --base-url https://内网地址/selfeval/ [--out release] [--no-build]
 *
 * Writes a release a county IT person can put on an intranet web server as it is, at the given
 * base address:
 *   release/excel/   the Excel add-in: the build, and manifest.xml whose every URL is BASE/excel/…
 *   release/wps/online/    the WPS add-in folder to serve at BASE/wps/online/, with jsplugins.xml
 *                          (<jspluginonline … url="BASE/wps/online/">)
 *   release/wps/offline/   the packed add-in selfeval-check_<version>.7z (as wpsjs publish packs
 *                          one) with jsplugins.xml (<jsplugin … version url="…7z">)
 *   release/web/     the standalone page (index.html), for reviewers and for old Office web views
 *   release/自评表核对.html  the same page as one file (dist/standalone.html): opened by a
 *                          double-click, no server, nothing fetched
 *   release/部署说明.txt   the steps, in Chinese (the README's 部署 section says the same)
 * The manifest is checked offline here (office-addin-manifest validate needs Microsoft's
 * online service): well-formed, every URL under the base. test/release/package.test.ts checks
 * the whole folder against the formats.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { XMLParser, XMLValidator } = require('fast-xml-parser');
const { URL } = require('node:url');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const DEV_ORIGIN = 'https://localhost:3000/';
const NAME = 'selfeval-check';

function fail(message) {
  console.error(`打包失败：${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { baseUrl: null, out: path.join(ROOT, 'release'), build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base-url') opts.baseUrl = argv[++i] ?? null;
    else if (a.startsWith('--base-url=')) opts.baseUrl = a.slice('--base-url='.length);
    else if (a === '--out') opts.out = path.resolve(argv[++i] ?? 'release');
    else if (a === '--no-build') opts.build = false;
    else fail(`不认识的参数 ${a}。用法：npm run package -- --base-url https://内网地址/selfeval/ [--out release] [--no-build]`);
  }
  if (!opts.baseUrl) fail('缺少 --base-url：发布后各文件所在的网址，例如 --base-url https://内网地址/selfeval/');
  let url;
  try {
    url = new URL(opts.baseUrl);
  } catch {
    fail(`--base-url “${opts.baseUrl}” 不是网址。`);
  }
  // Office loads add-ins over https only; WPS and the page would take http, but one base serves all three.
  if (url.protocol !== 'https:') fail(`--base-url 必须以 https:// 开头（Excel 只从 https 地址加载加载项），现在是 “${opts.baseUrl}”。`);
  if (url.search || url.hash) fail('--base-url 不能带 ? 或 # 部分。');
  // Kept as typed (an intranet name may be Chinese), with exactly one trailing slash.
  opts.baseUrl = opts.baseUrl.replace(/\/*$/, '/');
  return opts;
}

function copyDir(from, to, skip = () => false) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    if (skip(src)) continue;
    if (e.isDirectory()) copyDir(src, path.join(to, e.name), skip);
    else fs.copyFileSync(src, path.join(to, e.name));
  }
}

/** The single-file page as built, and its name in the release, for a clerk to double-click. */
const STANDALONE = 'standalone.html';
const STANDALONE_RELEASE = '自评表核对.html';

/**
 * Source maps, build bookkeeping (dotfiles) and the single-file page (it has its own place,
 * and the licence notes of its bundle are inside it) stay out of the release's folders.
 */
const skipAlways = (p) => p.endsWith('.map') || path.basename(p).startsWith('.') || /^standalone\b/.test(path.basename(p));

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every attribute value in a parsed tree that looks like an absolute URL. */
function urlsIn(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => urlsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('@_xmlns')) continue; // namespace names, not addresses
      if (k.startsWith('@_') && typeof v === 'string' && /^[a-z]+:\/\//i.test(v)) out.push(v);
      else urlsIn(v, out);
    }
  } else if (typeof node === 'string' && /^[a-z]+:\/\//i.test(node.trim())) out.push(node.trim());
  return out;
}

/** The manifest for `base`: every development URL moved under it, then checked. */
function releaseManifest(base, version) {
  let xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  // The development comment names localhost; the release says where it was made for.
  xml = xml.replace(/<!--[\s\S]*?-->\s*/, `<!-- 自评表核对 ${version}：由 npm run package 为 ${xmlEscape(base)} 生成。 -->\n`);
  xml = xml.split(DEV_ORIGIN).join(base);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) fail(`生成的 manifest.xml 不是合法的 XML：${valid.err.msg}（第 ${valid.err.line} 行）`);
  const tree = new XMLParser({ ignoreAttributes: false }).parse(xml);
  const urls = urlsIn(tree);
  const stray = urls.filter((u) => !u.startsWith(base));
  if (!urls.length || stray.length) fail(`manifest.xml 中有不在 ${base} 下的网址：${stray.join('，')}`);
  return xml;
}

function sevenZip() {
  const { path7za } = require('7zip-bin');
  // npm does not always keep the executable bit of the binary shipped in the package.
  try {
    fs.accessSync(path7za, fs.constants.X_OK);
  } catch {
    fs.chmodSync(path7za, 0o755);
  }
  return path7za;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const base = opts.baseUrl;
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  if (opts.build) execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  for (const f of ['taskpane.html', 'index.html', STANDALONE, 'manifest.xml', 'wps/ribbon.xml', 'wps/wps-taskpane.html']) {
    if (!fs.existsSync(path.join(DIST, f))) fail(`dist/${f} 不存在：请先运行 npm run build（或去掉 --no-build）。`);
  }
  const out = opts.out;
  fs.rmSync(out, { recursive: true, force: true });

  // Excel: the pane, its commands/help pages and icons, and the standalone page beside it
  // (the boot message points clerks on old web views there).
  const excel = path.join(out, 'excel');
  copyDir(DIST, excel, (p) => p === path.join(DIST, 'wps') || skipAlways(p) || p.endsWith('wps-taskpane.html'));
  fs.writeFileSync(path.join(excel, 'manifest.xml'), releaseManifest(`${base}excel/`, version));

  // WPS online: the folder as built, and the entry for the jsplugins.xml that oem.ini names.
  const online = path.join(out, 'wps', 'online');
  copyDir(path.join(DIST, 'wps'), online, skipAlways);
  fs.writeFileSync(
    path.join(out, 'wps', 'online', 'jsplugins.xml'),
    `<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlEscape(`${base}wps/online/`)}"/>\n</jsplugins>\n`,
  );
  // WPS offline: the same files packed as wpsjs publish does (<name>_<version>.7z, files at its root).
  const offline = path.join(out, 'wps', 'offline');
  fs.mkdirSync(offline, { recursive: true });
  const archive = `${NAME}_${version}.7z`;
  const staging = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'selfeval-wps-'));
  copyDir(path.join(DIST, 'wps'), staging, skipAlways);
  execFileSync(sevenZip(), ['a', '-t7z', '-mx=9', '-bd', path.join(offline, archive), '*'], { cwd: staging, stdio: 'pipe' });
  fs.rmSync(staging, { recursive: true, force: true });
  fs.writeFileSync(
    path.join(offline, 'jsplugins.xml'),
    `<jsplugins>\n  <jsplugin name="${NAME}" type="et" version="${version}" url="${xmlEscape(`${base}wps/offline/${archive}`)}"/>\n</jsplugins>\n`,
  );

  // The standalone page: everything but the add-ins' own files.
  copyDir(DIST, path.join(out, 'web'), (p) => p === path.join(DIST, 'wps') || skipAlways(p) || /(manifest\.xml|taskpane\.html|commands\.html)$/.test(p));

  // The single file: nothing to serve, nothing to install.
  fs.copyFileSync(path.join(DIST, STANDALONE), path.join(out, STANDALONE_RELEASE));

  fs.writeFileSync(path.join(out, '部署说明.txt'), instructions(base, version, archive));
  console.log(`已写入 ${path.relative(process.cwd(), out) || out}：excel/、wps/online/、wps/offline/、web/、${STANDALONE_RELEASE}（基址 ${base}）。`);
}

function instructions(base, version, archive) {
  return `自评表核对 ${version} 部署说明（基址 ${base}）

把本文件夹的内容原样放到内网 Web 服务器上，使 ${base} 对应本文件夹（需 https）。

一、Excel 加载项（excel/）
  地址：${base}excel/，清单：${base}excel/manifest.xml
  1. 有 Microsoft 365 管理中心：设置 › 集成应用 › 上传自定义应用 › 上传 manifest.xml，指派给相关用户。
  2. 没有 Microsoft 365 管理（内网）：把 manifest.xml 放到一个共享文件夹，每台电脑在 Excel 中
     文件 › 选项 › 信任中心 › 信任中心设置 › 受信任的加载项目录，添加该共享文件夹的网络路径（\\\\服务器\\共享），
     勾选“显示在菜单中”，重启 Excel 后在 插入 › 我的加载项 › 共享文件夹 中添加“自评表核对”。
  旧版 Office（2016/2019）的网页内核可能无法运行任务窗格，窗格会提示改用独立网页。

二、WPS 表格加载项（wps/）
  在线：把 wps/online/jsplugins.xml 的条目加入 oem.ini 中 JSPluginsServer 所指的 jsplugins.xml
        （oem.ini 的 [Support] 下 JsApiPlugin=true，[Server] 下 JSPluginsServer=该 jsplugins.xml 的地址）。
  离线：用 wps/offline/jsplugins.xml（指向 ${base}wps/offline/${archive}），WPS 下载并解压该包；
        无网络时可把 url 改为本机 file:/// 路径。
  个人版 WPS 12.1.0.16910 及以上限制了 jsplugins.xml 方式，请使用企业版或 wpsjs publish。

三、独立网页（web/）
  ${base}web/index.html：在浏览器中打开工作簿核对，文件不离开本机。

四、单文件网页（${STANDALONE_RELEASE}）
  不需要服务器：把 ${STANDALONE_RELEASE} 复制到电脑上（U 盘、共享文件夹均可），双击用 Chrome、Edge
  或 360 极速浏览器打开即可核对。页面不联网、不加载任何其他文件，工作簿只在本机读取。
`;
}

main();
