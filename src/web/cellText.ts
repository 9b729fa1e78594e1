/** What a Grid cell shows in the page's sheet view: the host's text, else the value as formatted. */
import { describeFormat } from '../values/value';
import { isCellError, type Cell } from '../grid/grid';

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `toFixed` accepts at most 100 digits; a format may ask for more (`0.000…`). */
const MAX_SHOWN_DECIMALS = 100;

export function formatNumber(v: number, numFmt: string | undefined): string {
  const described = describeFormat(numFmt);
  const fmt = { ...described, decimals: described.decimals === null ? null : Math.min(described.decimals, MAX_SHOWN_DECIMALS) };
  const thousands = !!numFmt && /#,##0|0,0/.test(numFmt);
  if (fmt.percent) return `${(v * 100).toFixed(fmt.decimals ?? 0)}%`;
  if (fmt.decimals !== null) {
    const [i = '', d] = Math.abs(v).toFixed(fmt.decimals).split('.');
    return `${v < 0 ? '-' : ''}${thousands ? group(i) : i}${d ? `.${d}` : ''}`;
  }
  // General: Excel shows up to 11 significant digits; drop binary noise (0.1 + 0.2).
  return String(Number(v.toPrecision(11)));
}

export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined && cell.text !== '') return cell.text;
  const v = cell.value;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v, cell.numFmt);
  return v;
}
