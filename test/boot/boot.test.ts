/**
 * The boot guard (src/boot/boot.js) must run where the bundle cannot: it is plain ES5 (parsed
 * here by acorn at ecmaVersion 5, as IE11's engine would), needs nothing else, and comes first
 * in every built page, before office.js and the bundle. What it shows is tested in real old
 * Chromium (test/browser/old-chromium.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'acorn';
import { DIST, ROOT, ensureBuilt } from '../browser/harness';

const BOOT = path.join(ROOT, 'src', 'boot', 'boot.js');

test('boot.js parses as ES5 script (no let/const, arrows, classes, modules)', () => {
  const src = fs.readFileSync(BOOT, 'utf8');
  expect(() => parse(src, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  // The check can fail: ES2015 syntax is refused at this level.
  expect(() => parse('var f = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  expect(src).not.toMatch(/\brequire\(|\bimport\b/);
});

test('boot.js stays tiny', () => {
  expect(fs.statSync(BOOT).size).toBeLessThan(16 * 1024);
});

describe('built pages', () => {
  beforeAll(async () => {
    await ensureBuilt();
  }, 900_000);

  it.each(['taskpane.html', 'index.html', 'wps/wps-taskpane.html'])('%s runs boot.js before any other script, and names its page', (page) => {
    const html = fs.readFileSync(path.join(DIST, page), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]!);
    expect(scripts[0]).toMatch(/^boot\.js\?v=[0-9a-f]{8}$/);
    expect(scripts.length).toBeGreaterThan(1);
    const kind = /<html[^>]*data-page="?(\w+)/.exec(html)?.[1];
    expect(kind).toBe(page === 'taskpane.html' ? 'excel' : page === 'index.html' ? 'web' : 'wps');
    const shipped = fs.readFileSync(path.join(path.dirname(path.join(DIST, page)), 'boot.js'), 'utf8');
    // Shipped as written (not minified into the bundle's ES2017), so still ES5.
    expect(shipped).toBe(fs.readFileSync(BOOT, 'utf8'));
    expect(() => parse(shipped, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  it('every script we ship parses as ES2017 (the syntax of the oldest target engines): pages, lazy chunks, worker, WPS folder, the single file', () => {
    const scripts: Array<{ name: string; src: string }> = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.js')) scripts.push({ name: path.relative(DIST, p), src: fs.readFileSync(p, 'utf8') });
      }
    };
    walk(DIST);
    // The single file's scripts are inline.
    const single = fs.readFileSync(path.join(DIST, 'standalone.html'), 'utf8');
    for (const [i, m] of [...single.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].entries()) scripts.push({ name: `standalone.html script ${i + 1}`, src: m[1]! });
    expect(scripts.map((s) => s.name)).toEqual(expect.arrayContaining(['worker.js', 'boot.js', path.join('wps', 'main.js'), 'standalone.html script 1']));
    expect(scripts.length).toBeGreaterThan(8);
    for (const { name, src } of scripts) {
      let error = '';
      try {
        parse(src, { ecmaVersion: 2017, sourceType: 'script' });
      } catch (e) {
        error = String(e);
      }
      expect({ name, error }).toEqual({ name, error: '' });
    }
  });
});
