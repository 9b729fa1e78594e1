/**
 * Limits before the load: what an .xlsx/.xlsm package really holds, measured before it is
 * handed to ExcelJS (or SheetJS). fflate's streaming Unzip walks the package and every part is
 * inflated counting the bytes that actually come out: a part that inflates past what its header
 * declares (a zip whose headers lie) or a package past the size limit stops the scan there, so
 * memory stays bounded whatever the headers say — in Node, zlib may not yield more than that
 * (part-inflate.ts); in the page, fflate's inflate stops at the first small slice past it. The
 * XML parts are measured as they stream (part-scan.ts). Then the package is checked against its
 * own listing: a sheet the workbook lists whose part is missing is a damaged file, never a clean
 * empty result.
 */
import { Unzip } from 'fflate';
import { failures, type ReadFailure } from './failure';
import { partInflater } from './part-inflate';
import { PartTooLarge } from './part-too-large';
import { joinChunks, pushInSlices } from './unzip-slices';
import type { ReadLimits } from './limits';
import { emptyListing, PartScanner, partKey, ScanBudget, ScanStop, type PackageListing, type PartRole, type XmlProblem } from './part-scan';
import { readZipDirectory, type ZipEntry } from './zip-directory';
import type { XlsxReader } from './xlsx-reader';

export interface PackageScan {
  readonly ok: true;
  /** Worksheets the workbook lists (chart sheets aside): ExcelJS must yield as many. */
  readonly listedWorksheets: number;
  /** The first XML error of each part that has one (ExcelJS then fails; SheetJS may still read it). */
  readonly problems: readonly XmlProblem[];
  /** Sheet name by part key, for messages. */
  readonly sheetOfPart: ReadonlyMap<string, string>;
  /** What the workbook, its relationships and [Content_Types] list. */
  readonly listing: PackageListing;
}

/** Inflated bytes decoded to text and measured at a time. */
const TEXT_SLICE = 1024 * 1024;
/** The workbook and its relationships are read first (to name sheets in messages) when this small. */
const LISTING_PART_MAX = 8 * 1024 * 1024;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET_REL = '/worksheet';

/**
 * Measures the package; with a reader, the same pass also hands it every XML event of the parts
 * the Grid is built from (xlsx-reader.ts): each part is inflated and parsed once.
 */
export function scanPackage(bytes: Uint8Array, fileName: string, limits: ReadLimits, reader?: XlsxReader): PackageScan | ReadFailure {
  const entries = readZipDirectory(bytes);
  if (!entries) return failures.truncatedZip(fileName);
  const files = entries.filter((e) => !e.name.endsWith('/'));
  if (files.length > limits.maxParts) return failures.tooManyParts(fileName, limits.maxParts);
  const declared = new Map<string, number>();
  for (const e of files) {
    const key = partKey(e.name);
    if (declared.has(key)) return failures.damagedPart(fileName, { part: e.name }, '在压缩包中出现了不止一次');
    declared.set(key, e.uncompressedSize);
  }
  if (!declared.has(WORKBOOK)) return failures.zipNotWorkbook(fileName);
  const unpacked = files.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpacked > limits.maxUncompressedBytes) return failures.tooManyUncompressedBytes(fileName, limits.maxUncompressedBytes);

  const budget = new ScanBudget(fileName, limits);
  const listing = emptyListing();
  try {
    const preRead = readListingFirst(bytes, files, budget, listing, reader);
    const sheetOfPart = sheetsByPart(listing);
    const streamed = streamParts(bytes, declared, { budget, listing, preRead, sheetOfPart, reader });
    if (!streamed.ok) return streamed;
    const damage = checkListing(fileName, listing, declared, streamed.seen);
    if (damage) return damage;
    const listedWorksheets = listing.sheets.filter((s) => relationshipOf(listing, s.relId)?.type.endsWith(WORKSHEET_REL)).length;
    return { ok: true, listedWorksheets, problems: streamed.problems, sheetOfPart, listing };
  } catch (e) {
    if (e instanceof ScanStop) return e.failure;
    throw e;
  }
}

/**
 * Reads `xl/workbook.xml` and its relationships before the other parts, so that a limit
 * passed in a sheet can name the sheet. Returns the keys read (skipped by the streaming pass).
 * Only these two small parts are inflated (each at most its declared size, at most
 * LISTING_PART_MAX); on a lie the listing is not read first, and the streaming pass reports it.
 */
function readListingFirst(bytes: Uint8Array, files: readonly ZipEntry[], budget: ScanBudget, listing: PackageListing, reader: XlsxReader | undefined): Set<string> {
  const wanted = new Map<string, PartRole>([
    [WORKBOOK, 'workbook'],
    [WORKBOOK_RELS, 'workbook-rels'],
  ]);
  const sizes = new Map(files.filter((e) => wanted.has(partKey(e.name)) && e.uncompressedSize <= LISTING_PART_MAX).map((e) => [e.name, e.uncompressedSize]));
  const texts = new Map<string, string>();
  try {
    const unzip = new Unzip((file) => {
      if (!sizes.has(file.name) || texts.has(file.name)) return; // never started: skipped uninflated
      const chunks: Uint8Array[] = [];
      let size = 0;
      file.ondata = (err, chunk, final) => {
        if (err) throw err;
        size += chunk.length;
        if (size > sizes.get(file.name)!) throw new PartTooLarge();
        chunks.push(chunk);
        if (final) texts.set(file.name, new TextDecoder('utf-8').decode(joinChunks(chunks, size)));
      };
      file.start();
    });
    unzip.register(partInflater((name) => (sizes.get(name) ?? 0) + 1));
    // In slices, as the streaming pass: fflate's inflate (the page's) stops at the first past the size.
    pushInSlices(unzip, bytes, () => texts.size === sizes.size);
  } catch {
    return new Set(); // the streaming pass says what is wrong
  }
  const read = new Set<string>();
  for (const [name, text] of texts) {
    const key = partKey(name);
    const role = wanted.get(key)!;
    const scanner = new PartScanner(name, role, budget, listing, undefined, { builder: reader?.builderFor(name, role) });
    scanner.write(text);
    scanner.end();
    read.add(key);
  }
  return read;
}

interface StreamContext {
  readonly budget: ScanBudget;
  readonly listing: PackageListing;
  readonly preRead: ReadonlySet<string>;
  readonly sheetOfPart: ReadonlyMap<string, string>;
  /** Takes the XML events of the parts the Grid is built from. */
  readonly reader: XlsxReader | undefined;
}

type Streamed = { ok: true; seen: Set<string>; problems: XmlProblem[] } | ReadFailure;

/** Inflates every part, slice by slice, counting real bytes and measuring the XML parts. */
function streamParts(bytes: Uint8Array, declared: ReadonlyMap<string, number>, ctx: StreamContext): Streamed {
  const { fileName, limits } = ctx.budget;
  const seen = new Set<string>();
  const problems: XmlProblem[] = [];
  let total = 0;
  let stop: ReadFailure | null = null;

  const unzip = new Unzip((file) => {
    const key = partKey(file.name);
    const expected = declared.get(key);
    // Entries the central directory does not list are not read by ExcelJS (JSZip): count them only.
    const role = expected === undefined || ctx.preRead.has(key) ? null : roleOf(key, ctx.sheetOfPart);
    // A part no longer than the longest text allowed cannot hold a text past it (a UTF-16 unit
    // takes at least one byte, and a part never inflates past its declared size): its texts
    // need no measuring — shared strings then only need their prolog read, like a theme.
    const textsFit = expected !== undefined && expected <= limits.maxStringLength;
    const builder = role ? ctx.reader?.builderFor(file.name, role) : undefined;
    const scanner = role
      ? new PartScanner(file.name, role === 'shared-strings' && textsFit && !builder ? 'other' : role, ctx.budget, ctx.listing, ctx.sheetOfPart.get(key), {
          measureTexts: !textsFit,
          builder,
        })
      : null;
    const decoder = scanner ? new TextDecoder('utf-8') : null;
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (stop) return;
      try {
        if (err instanceof PartTooLarge) {
          // Its allowance was the smaller of its declared size and what is left of the budget.
          const pastDeclared = expected !== undefined && expected < limits.maxUncompressedBytes - total;
          stop = pastDeclared ? failures.sizeMismatch(fileName, file.name) : failures.tooManyUncompressedBytes(fileName, limits.maxUncompressedBytes);
          return;
        }
        if (err) {
          stop = failures.damagedPart(fileName, placeOf(file.name, ctx.sheetOfPart), '的压缩数据已损坏，无法解压');
          return;
        }
        size += chunk.length;
        total += chunk.length;
        if (expected !== undefined && size > expected) return void (stop = failures.sizeMismatch(fileName, file.name));
        if (total > limits.maxUncompressedBytes) return void (stop = failures.tooManyUncompressedBytes(fileName, limits.maxUncompressedBytes));
        if (scanner && decoder) {
          // Decoded a slice at a time: a part inflated in one piece is never one huge string.
          for (let at = 0; at < chunk.length; at += TEXT_SLICE) {
            const last = at + TEXT_SLICE >= chunk.length;
            scanner.write(decoder.decode(chunk.subarray(at, at + TEXT_SLICE), { stream: !(final && last) }));
          }
        }
        if (!final) return;
        if (expected !== undefined && size !== expected) return void (stop = failures.sizeMismatch(fileName, file.name));
        const problem = scanner?.end();
        if (problem) problems.push(problem);
        seen.add(key);
      } catch (e) {
        if (!(e instanceof ScanStop)) throw e;
        stop = e.failure;
      }
    };
    file.start();
  });
  // What one part may yield: its declared size (one byte more shows a lie) within what is left
  // of the package's budget (one byte more shows the limit passed).
  unzip.register(
    partInflater((name) => {
      const left = limits.maxUncompressedBytes - total;
      const expected = declared.get(partKey(name));
      return (expected === undefined ? left : Math.min(expected, left)) + 1;
    }),
  );

  try {
    pushInSlices(unzip, bytes, () => stop !== null);
  } catch {
    stop ??= failures.truncatedZip(fileName);
  }
  return stop ?? { ok: true, seen, problems };
}

function roleOf(key: string, sheetOfPart: ReadonlyMap<string, string>): PartRole | null {
  if (key === '[content_types].xml') return 'content-types';
  if (key === WORKBOOK) return 'workbook';
  if (key === WORKBOOK_RELS) return 'workbook-rels';
  if (key === 'xl/styles.xml') return 'styles';
  if (key === 'xl/sharedstrings.xml') return 'shared-strings';
  // ExcelJS reads every xl/worksheets/sheetN.xml; SheetJS follows the relationships.
  if (sheetOfPart.has(key) || (key.startsWith('xl/worksheets/') && key.endsWith('.xml') && !key.includes('/_rels/'))) return 'sheet';
  if (key.endsWith('.xml') || key.endsWith('.rels')) return 'other';
  return null;
}

function placeOf(part: string, sheetOfPart: ReadonlyMap<string, string>): { sheet?: string; part: string } {
  const sheet = sheetOfPart.get(partKey(part));
  return sheet === undefined ? { part } : { sheet, part };
}

function relationshipOf(listing: PackageListing, relId: string | null) {
  return relId === null ? undefined : listing.relationships.find((r) => r.id === relId);
}

/** Part key of each listed sheet's part, mapped to the sheet's name. */
function sheetsByPart(listing: PackageListing): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of listing.sheets) {
    const rel = relationshipOf(listing, s.relId);
    if (rel && !rel.external) out.set(resolveTarget(rel.target), s.name);
  }
  return out;
}

/** A relationship target of the workbook, as a part key: relative to `xl/` unless absolute. */
export function resolveTarget(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/').toLowerCase();
}

/** Every part the workbook lists must be in the package (and must have streamed to its end). */
function checkListing(fileName: string, listing: PackageListing, declared: ReadonlyMap<string, number>, seen: ReadonlySet<string>): ReadFailure | null {
  for (const key of declared.keys()) {
    if (!seen.has(key)) return failures.damagedPart(fileName, { part: key }, '在压缩包目录中列出，但内容缺失或不完整');
  }
  if (listing.sheets.length > 0 && !declared.has(WORKBOOK_RELS)) return failures.missingPart(fileName, WORKBOOK_RELS);
  for (const s of listing.sheets) {
    const rel = relationshipOf(listing, s.relId);
    if (!rel) return failures.missingSheet(fileName, s.name, undefined);
    if (rel.external) continue;
    const key = resolveTarget(rel.target);
    if (!declared.has(key)) return failures.missingSheet(fileName, s.name, key);
  }
  const sheetOfPart = sheetsByPart(listing);
  for (const key of listing.worksheetOverrides) {
    if (declared.has(key)) continue;
    const sheet = sheetOfPart.get(key);
    return sheet === undefined ? failures.missingPart(fileName, key) : failures.missingSheet(fileName, sheet, key);
  }
  return null;
}
