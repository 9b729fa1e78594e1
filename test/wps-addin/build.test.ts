/**
 * The production build's WPS add-in folder (dist/wps) is self-contained: WPS loads ribbon.xml
 * and index.html from it, and the pane page must load without office.js and without anything
 * outside the folder.
 */
import fs from 'fs';
import path from 'path';
import { DIST, ensureBuilt } from '../browser/harness';

const WPS = path.join(DIST, 'wps');

beforeAll(async () => {
  await ensureBuilt();
}, 600_000);

test('dist/wps holds the wpsjs layout and the pane', () => {
  for (const f of ['ribbon.xml', 'main.js', 'index.html', 'wps-taskpane.html', 'assets/icon-32.png']) {
    expect(fs.existsSync(path.join(WPS, f))).toBe(true);
  }
  expect(fs.readFileSync(path.join(WPS, 'ribbon.xml'), 'utf8')).toBe(fs.readFileSync(path.join(__dirname, '../../src/wps-addin/ribbon.xml'), 'utf8'));
});

test('the WPS pane loads no office.js and every script it names is in the folder', () => {
  const html = fs.readFileSync(path.join(WPS, 'wps-taskpane.html'), 'utf8');
  expect(html).not.toMatch(/office\.js/i);
  expect(html).not.toMatch(/https?:\/\//);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]!.replace(/[?#].*$/, ''));
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(fs.existsSync(path.join(WPS, s))).toBe(true);
});

test('the Excel pane still loads office.js', () => {
  expect(fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8')).toMatch(/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
});
