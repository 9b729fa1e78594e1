/**
 * The WPS add-in shell (src/wps-addin): the ribbon names callbacks that main.js defines, the
 * callbacks are synchronous (async ones broke custom ribbons on some WPS builds), and the button
 * opens the task pane once, then toggles it. main.js runs in a VM context with the small part of
 * the wpsjs globals it uses (PluginStorage, CreateTaskPane, GetTaskPane).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { runInNewContext } from 'vm';

const DIR = join(__dirname, '../../src/wps-addin');
const ribbon = readFileSync(join(DIR, 'ribbon.xml'), 'utf8');
const mainJs = readFileSync(join(DIR, 'main.js'), 'utf8');

interface Pane {
  ID: string;
  Visible: boolean;
  url: string;
}

function loadAddin(href = 'http://127.0.0.1:3889/selfeval-check/index.html') {
  const storage = new Map<string, unknown>();
  const panes = new Map<string, Pane>();
  const wps = {
    ribbonUI: undefined as unknown,
    PluginStorage: { setItem: (k: string, v: unknown) => storage.set(k, v), getItem: (k: string) => storage.get(k) ?? null },
    CreateTaskPane: (url: string) => {
      const pane: Pane = { ID: `pane-${panes.size + 1}`, Visible: false, url };
      panes.set(pane.ID, pane);
      return pane;
    },
    GetTaskPane: (id: string) => panes.get(id) ?? null,
  };
  const context: Record<string, unknown> = { wps, window: {}, document: { location: { href } } };
  runInNewContext(mainJs, context);
  return { context, wps, panes, storage };
}

const callbacks = [...ribbon.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getVisible|getLabel)="([^"]+)"/g)].map((m) => m[1]!);

test('every ribbon callback is a synchronous global function of main.js', () => {
  const { context } = loadAddin();
  expect(callbacks).toEqual(expect.arrayContaining(['OnAddinLoad', 'OnAction', 'GetImage']));
  for (const name of callbacks) {
    const fn = context[name];
    expect(typeof fn).toBe('function');
    expect((fn as () => unknown).constructor.name).toBe('Function'); // not AsyncFunction
  }
});

test('the ribbon has one button labelled 自评表核对 that main.js handles', () => {
  const ids = [...ribbon.matchAll(/<button id="([^"]+)" label="([^"]+)"/g)].map((m) => [m[1], m[2]]);
  expect(ids).toEqual([['btnSelfEvalPane', '自评表核对']]);
  expect(mainJs).toContain("'btnSelfEvalPane'");
});

test('the button opens the task pane next to the add-in, then shows and hides it', () => {
  const { context, panes, wps } = loadAddin();
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
  expect(call('OnAddinLoad', { id: 'ribbon' })).toBe(true);
  expect(wps.ribbonUI).toEqual({ id: 'ribbon' });
  call('OnAction', { Id: 'btnSelfEvalPane' });
  expect(panes.size).toBe(1);
  const pane = [...panes.values()][0]!;
  expect(pane.url).toBe('http://127.0.0.1:3889/selfeval-check/wps-taskpane.html');
  expect(pane.Visible).toBe(true);
  call('OnAction', { Id: 'btnSelfEvalPane' });
  expect(panes.size).toBe(1);
  expect(pane.Visible).toBe(false);
  call('OnAction', { Id: 'btnSelfEvalPane' });
  expect(pane.Visible).toBe(true);
});

test('a pane ID left from an earlier session is forgotten at load', () => {
  const { context, panes, storage } = loadAddin();
  storage.set('selfeval_taskpane_id', 'pane-from-yesterday');
  (context.OnAddinLoad as (r: unknown) => boolean)({});
  (context.OnAction as (c: unknown) => boolean)({ Id: 'btnSelfEvalPane' });
  expect(panes.size).toBe(1);
  expect([...panes.values()][0]!.Visible).toBe(true);
});

test('the button image is one of the add-in icons', () => {
  const { context } = loadAddin();
  const image = (context.GetImage as (c: unknown) => string)({ Id: 'btnSelfEvalPane' });
  expect(readFileSync(join(__dirname, '../..', image)).subarray(1, 4).toString()).toBe('PNG');
});
