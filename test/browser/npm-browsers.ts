/**
 * Every browser of the suite comes from npm, so `npm ci && npm test` needs no apt, no root and
 * no system browser:
 *   - a current Chromium: devDependency `@sparticuz/chromium` ships a headless Chromium
 *     (bin/chromium.br) with the few shared libraries beyond glibc that it needs
 *     (bin/al2023.tar.br: libnss3, libnspr4, libexpat…) and SwiftShader (bin/swiftshader.tar.br);
 *   - the old Chromium 65 and 72 (old-chromium.ts) need the same libnss3/libnspr4/libexpat;
 *   - fonts: Open Sans (@sparticuz/chromium's bin/fonts.tar.br) and Noto Sans Hans (the GB2312
 *     Simplified Chinese subset of Noto Sans CJK, devDependency `@embedpdf/fonts-sc`) so that
 *     screenshots show Chinese text, not boxes.
 * The package's own JavaScript (made for AWS Lambda: it unpacks into /tmp and switches on Amazon
 * Linux) is not used; the archives are unpacked here, once, into node_modules/.cache/browsers/<version>.
 * Every browser is launched with `browserEnv()`: LD_LIBRARY_PATH points at the shipped libraries and
 * FONTCONFIG_PATH at a fonts.conf that lists only the shipped fonts, so the machine's own fonts
 * and libraries (present or not) change nothing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const CHROMIUM_PACKAGE = path.join(NODE_MODULES, '@sparticuz', 'chromium');
const CJK_FONTS = path.join(NODE_MODULES, '@embedpdf', 'fonts-sc', 'fonts');

function packageVersion(dir: string): string {
  const file = path.join(dir, 'package.json');
  if (!fs.existsSync(file)) throw new Error(`${dir} is missing: run "npm ci" (a devDependency of the browser tests)`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Where this version's archives are unpacked (a new package version unpacks afresh). */
function cacheDir(): string {
  return path.join(NODE_MODULES, '.cache', 'browsers', `sparticuz-chromium-${packageVersion(CHROMIUM_PACKAGE)}`);
}

function brotli(file: string): Buffer {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm ci"`);
  return zlib.brotliDecompressSync(fs.readFileSync(file));
}

/**
 * Makes `target` once: built aside under a name of this process, then renamed into place, so
 * test files unpacking at the same time (jest workers) never see a half-written file or folder.
 */
function once(target: string, make: (aside: string) => void): string {
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const aside = `${target}.${process.pid}.tmp`;
  fs.rmSync(aside, { recursive: true, force: true });
  make(aside);
  try {
    fs.renameSync(aside, target);
  } catch (e) {
    // Another worker renamed its copy first (a folder cannot replace a non-empty folder): keep that one.
    fs.rmSync(aside, { recursive: true, force: true });
    if (!fs.existsSync(target)) throw e;
  }
  return target;
}

/** A brotli-compressed tar archive unpacked into a folder (tar(1), present on every Linux and macOS). */
function untar(archive: string, into: string): void {
  fs.mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-x', '-f', '-', '-C', into], { input: brotli(archive), maxBuffer: 1024 * 1024 });
}

/** The shared libraries the Chromium builds need beyond glibc (ldd: libnss3, libnspr4, libexpat…). */
function libraries(): string {
  return once(path.join(cacheDir(), 'lib'), (aside) => {
    untar(path.join(CHROMIUM_PACKAGE, 'bin', 'al2023.tar.br'), aside);
    // The archive holds lib/…: keep its contents only.
    for (const f of fs.readdirSync(path.join(aside, 'lib'))) fs.renameSync(path.join(aside, 'lib', f), path.join(aside, f));
    fs.rmdirSync(path.join(aside, 'lib'));
  });
}

/** A fontconfig folder whose fonts.conf lists only the fonts shipped in npm packages. */
function fontconfig(): string {
  return once(path.join(cacheDir(), 'fontconfig'), (aside) => {
    untar(path.join(CHROMIUM_PACKAGE, 'bin', 'fonts.tar.br'), aside);
    if (!fs.existsSync(CJK_FONTS)) throw new Error(`${CJK_FONTS} is missing: run "npm ci" (devDependency @embedpdf/fonts-sc)`);
    const final = path.join(cacheDir(), 'fontconfig');
    const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    fs.writeFileSync(
      path.join(aside, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${xml(path.join(final, 'fonts'))}</dir>`,
        `  <dir>${xml(CJK_FONTS)}</dir>`,
        `  <cachedir>${xml(path.join(final, 'cache'))}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
  });
}

/** The current headless Chromium from `@sparticuz/chromium` (unpacked on first use). */
export function npmChromium(): string {
  const dir = once(path.join(cacheDir(), 'chromium'), (aside) => {
    fs.mkdirSync(aside);
    fs.writeFileSync(path.join(aside, 'chromium'), brotli(path.join(CHROMIUM_PACKAGE, 'bin', 'chromium.br')), { mode: 0o755 });
    // SwiftShader's libraries are looked for beside the binary.
    untar(path.join(CHROMIUM_PACKAGE, 'bin', 'swiftshader.tar.br'), aside);
  });
  return path.join(dir, 'chromium');
}

/** True when `executable` is one of the browsers unpacked from node_modules (never a system browser). */
export function isFromNodeModules(executable: string): boolean {
  return path.resolve(executable).startsWith(path.join(NODE_MODULES, '.cache') + path.sep);
}

/** The environment every browser of the suite starts with: the shipped libraries and fonts only. */
export function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.LD_LIBRARY_PATH = [libraries(), ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean)].join(':');
  env.FONTCONFIG_PATH = fontconfig();
  delete env.FONTCONFIG_FILE;
  return env;
}
