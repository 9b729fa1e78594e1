/** docs/rules-domain.md, "Precision": sums compare at the total's decimals, with a rounding allowance. */
import { checkSum } from '../../src/values/precision';
import { parseText, type Quantity } from '../../src/values/value';

const q = (s: string) => parseText(s) as Quantity;
const verdict = (total: string, parts: string[]) => checkSum(q(total), parts.map(q), 2).kind;

test.each([
  ['7.86', ['7.855'], 'ok'], // the total as shown
  ['17.33', ['1.67', '0', '15.67'], 'rounding'], // 17.34: three rounded parts may drift 0.015
  ['17.40', ['1.67', '0', '15.67'], 'wrong'],
  ['25.01', ['8.333', '8.333', '8.333'], 'wrong'], // parts shown to 3 decimals drift 0.0015 at most
  ['25.00', ['8.331', '8.331', '8.332'], 'rounding'], // 24.994: within the total's own half unit plus the parts'
  ['30', ['10', '20'], 'ok'],
] as const)('%s vs Σ %j → %s', (total, parts, kind) => {
  expect(verdict(total, [...parts])).toBe(kind);
});
