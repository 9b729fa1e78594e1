/**
 * wpsjs's own formats for the files WPS reads (docs/hosts.md, from wpsjs's debug.js / publish.js and
 * WPS's 加载项配置说明), checked with a real XML parser (fast-xml-parser):
 * - ribbon.xml begins with `<customUI` — no XML declaration or comment before it (the publish
 *   step checks) — and is well-formed;
 * - an online add-in is `<jspluginonline name type="et" url="http(s)://…/folder/">` in
 *   `<jsplugins>`;
 * - an offline add-in is `<jsplugin name type="et" version url="…/<name>_<version>.7z">`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type Attrs = Record<string, string>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['jsplugin', 'jspluginonline'].includes(name) });

function wellFormed(xml: string, what: string): void {
  const v = XMLValidator.validate(xml);
  if (v !== true) throw new Error(`${what} is not well-formed XML: ${v.err.msg} (line ${v.err.line})`);
}

export function checkRibbon(xml: string): { callbacks: string[] } {
  expect(xml.startsWith('<customUI')).toBe(true);
  wellFormed(xml, 'ribbon.xml');
  const tree = parser.parse(xml) as { customUI?: Record<string, unknown> };
  expect(tree.customUI).toBeDefined();
  const callbacks = [...xml.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getVisible|getLabel)="([^"]+)"/g)].map((m) => m[1]!);
  return { callbacks };
}

function entries(xml: string): { online: Attrs[]; packed: Attrs[] } {
  wellFormed(xml, 'jsplugins.xml');
  const tree = parser.parse(xml) as { jsplugins?: { jspluginonline?: Attrs[]; jsplugin?: Attrs[] } };
  expect(tree.jsplugins).toBeDefined();
  return { online: tree.jsplugins!.jspluginonline ?? [], packed: tree.jsplugins!.jsplugin ?? [] };
}

/** The one online entry of a jsplugins.xml; its url is a hosted folder. */
export function checkOnlineEntry(xml: string): Attrs {
  const { online, packed } = entries(xml);
  expect(packed).toEqual([]);
  expect(online).toHaveLength(1);
  const e = online[0]!;
  expect(e.name).toBe('selfeval-check');
  expect(e.type).toBe('et');
  expect(e.url).toMatch(/^https?:\/\/.+\/$/);
  expect(e.version).toBeUndefined();
  return e;
}

/** The one packed (offline) entry: a version and the url of `<name>_<version>.7z`. */
export function checkPackedEntry(xml: string): Attrs {
  const { online, packed } = entries(xml);
  expect(online).toEqual([]);
  expect(packed).toHaveLength(1);
  const e = packed[0]!;
  expect(e.name).toBe('selfeval-check');
  expect(e.type).toBe('et');
  expect(e.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(e.url).toMatch(/^(https?|file):\/\/.+\.7z$/);
  expect(e.url!.endsWith(`/${e.name}_${e.version}.7z`)).toBe(true);
  return e;
}
