/**
 * Limits before the load: what an .xlsx/.xlsm package really holds, measured before it is
 * handed to ExcelJS (or SheetJS). Every part is inflated with fflate's streaming inflate, in
 * small slices, counting the bytes that actually come out: a part that inflates past what its
 * header declares (a zip whose headers lie) or a package past the size limit stops the scan at
 * that slice, so memory stays bounded whatever the headers say. The XML parts are measured as
 * they stream (part-scan.ts). Then the package is checked against its own listing: a sheet the
 * workbook lists whose part is missing is a damaged file, never a clean empty result.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { failures, type ReadFailure } from './failure';
import type { ReadLimits } from './limits';
import { emptyListing, PartScanner, partKey, ScanBudget, ScanStop, type PackageListing, type PartRole, type XmlProblem } from './part-scan';
import { readZipDirectory, type ZipEntry } from './zip-directory';

export interface PackageScan {
  readonly ok: true;
  /** Worksheets the workbook lists (chart sheets aside): ExcelJS must yield as many. */
  readonly listedWorksheets: number;
  /** The first XML error of each part that has one (ExcelJS then fails; SheetJS may still read it). */
  readonly problems: readonly XmlProblem[];
  /** Sheet name by part key, for messages. */
  readonly sheetOfPart: ReadonlyMap<string, string>;
}

/** Compressed bytes pushed at a time: deflate expands at most ~1032×, so one slice inflates to ≤ 17 MB. */
const SLICE = 16 * 1024;
/** The workbook and its relationships are read first (to name sheets in messages) when this small. */
const LISTING_PART_MAX = 8 * 1024 * 1024;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET_REL = '/worksheet';

export function scanPackage(bytes: Uint8Array, fileName: string, limits: ReadLimits): PackageScan | ReadFailure {
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
    const preRead = readListingFirst(bytes, files, budget, listing);
    const sheetOfPart = sheetsByPart(listing);
    const streamed = streamParts(bytes, declared, { budget, listing, preRead, sheetOfPart });
    if (!streamed.ok) return streamed;
    const damage = checkListing(fileName, listing, declared, streamed.seen);
    if (damage) return damage;
    const listedWorksheets = listing.sheets.filter((s) => relationshipOf(listing, s.relId)?.type.endsWith(WORKSHEET_REL)).length;
    return { ok: true, listedWorksheets, problems: streamed.problems, sheetOfPart };
  } catch (e) {
    if (e instanceof ScanStop) return e.failure;
    throw e;
  }
}

/**
 * Reads `xl/workbook.xml` and its relationships before the other parts, so that a limit
 * passed in a sheet can name the sheet. Returns the keys read (skipped by the streaming pass).
 * `unzipSync` writes into a buffer of the declared size, so a lie here only truncates the text;
 * the streaming pass then reports the lie.
 */
function readListingFirst(bytes: Uint8Array, files: readonly ZipEntry[], budget: ScanBudget, listing: PackageListing): Set<string> {
  const wanted = new Map<string, PartRole>([
    [WORKBOOK, 'workbook'],
    [WORKBOOK_RELS, 'workbook-rels'],
  ]);
  const small = new Set(files.filter((e) => wanted.has(partKey(e.name)) && e.uncompressedSize <= LISTING_PART_MAX).map((e) => e.name));
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => small.has(f.name) });
  } catch {
    return new Set(); // the streaming pass says what is wrong
  }
  const read = new Set<string>();
  for (const [name, data] of Object.entries(parts)) {
    const key = partKey(name);
    const scanner = new PartScanner(name, wanted.get(key)!, budget, listing, undefined);
    scanner.write(new TextDecoder('utf-8').decode(data));
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
    const scanner = role ? new PartScanner(file.name, role, ctx.budget, ctx.listing, ctx.sheetOfPart.get(key)) : null;
    const decoder = scanner ? new TextDecoder('utf-8') : null;
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (stop) return;
      try {
        if (err) {
          stop = failures.damagedPart(fileName, placeOf(file.name, ctx.sheetOfPart), '的压缩数据已损坏，无法解压');
          return;
        }
        size += chunk.length;
        total += chunk.length;
        if (expected !== undefined && size > expected) return void (stop = failures.sizeMismatch(fileName, file.name));
        if (total > limits.maxUncompressedBytes) return void (stop = failures.tooManyUncompressedBytes(fileName, limits.maxUncompressedBytes));
        if (scanner && decoder) scanner.write(decoder.decode(chunk, { stream: !final }));
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
  unzip.register(UnzipInflate);

  try {
    for (let at = 0; at < bytes.length && !stop; at += SLICE) {
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    }
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
