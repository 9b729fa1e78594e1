/** The WPS add-in's own files follow wpsjs's formats (test/support/wps-formats.ts). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkOnlineEntry, checkPackedEntry, checkRibbon } from '../support/wps-formats';

const DIR = join(__dirname, '../../src/wps-addin');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

test('ribbon.xml begins with <customUI> (nothing before it, as the wpsjs publish step requires) and is well-formed', () => {
  expect(checkRibbon(read('ribbon.xml')).callbacks).toEqual(expect.arrayContaining(['OnAddinLoad', 'OnAction', 'GetImage']));
});

test('the jsplugins.xml example lists the hosted folder as a <jspluginonline> of type et', () => {
  checkOnlineEntry(read('jsplugins.xml'));
});

test('the offline example lists the packed add-in as a <jsplugin> with its version, in step with package.json', () => {
  const e = checkPackedEntry(read('jsplugins-offline.xml'));
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
  expect(e.version).toBe(pkg.version);
});

test('the checks fail on the mistakes issue 10 found: an XML declaration before <customUI>, a <jsplugin> for a hosted folder', () => {
  expect(() => checkRibbon(`<?xml version="1.0"?>\n${read('ribbon.xml')}`)).toThrow();
  expect(() => checkRibbon(`<!-- note -->${read('ribbon.xml')}`)).toThrow();
  expect(() => checkOnlineEntry('<jsplugins><jsplugin name="selfeval-check" type="et" version="0.1.0" url="http://x/wps/"/></jsplugins>')).toThrow();
  expect(() => checkPackedEntry('<jsplugins><jsplugin name="selfeval-check" type="et" url="http://x/a.7z"/></jsplugins>')).toThrow();
});
