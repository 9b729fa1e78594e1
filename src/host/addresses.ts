/** A1 address lists as the host calls want them: grouped, in reading order, in chunks under the hosts' limits. */
import { parseA1 } from '../grid/grid';

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Sorts A1 addresses in reading order (row, then column). */
export function byReadingOrder(a: string, b: string): number {
  const pa = parseA1(a);
  const pb = parseA1(b);
  return pa.row - pb.row || pa.col - pb.col;
}

/**
 * Splits cell addresses into comma-joined chunks that stay well below the hosts' limits
 * (Excel: 8,192 characters and ~500 areas per getRanges; VBA-style Range(): 255 characters).
 */
export function chunkAddresses(cells: readonly string[], maxChars: number, maxAreas: number): string[] {
  const chunks: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const c of cells) {
    const add = (cur.length ? 1 : 0) + c.length;
    if (cur.length && (len + add > maxChars || cur.length >= maxAreas)) {
      chunks.push(cur.join(','));
      cur = [];
      len = 0;
    }
    len += (cur.length ? 1 : 0) + c.length;
    cur.push(c);
  }
  if (cur.length) chunks.push(cur.join(','));
  return chunks;
}

