import { checkWorkbook } from '../../src/engine';
import { syntheticSelfEval } from '../support/synthetic';

test('a 2,000-row synthetic 自评表 is located whole and checks clean but for rounding of its weights', () => {
  const r = checkWorkbook(syntheticSelfEval(2000), { file: 'synthetic' });
  expect(r.status).toBe('checked');
  expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(r.summary.enteredTotal).toBe('97.5');
  expect(r.summary.recomputedTotal).toBe('97.50');
});
