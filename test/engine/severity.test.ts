/**
 * Profile severity overrides always win (issue 12: `value.rounding` set to error used to stay
 * info, because a finding's own severity beat the profile's), by rule and by message.
 */
import { checkWorkbook } from '../../src/engine';
import { HUNAN_DEPT_OVERALL, type Profile } from '../../src/core/profile';
import { basicSheet, build, selfEvalSheet, set } from '../core/seed004';

function run(profile: Profile, edit: (basic: ReturnType<typeof basicSheet>) => void) {
  const basic = basicSheet();
  const self = selfEvalSheet();
  for (const [cell, v] of [['H5', 9.9], ['H14', 8.25], ['H19', 10], ['H20', 16.84], ['H21', 94.99]] as const) set(self, cell, v);
  edit(basic);
  const grid = build(basic, self);
  return checkWorkbook(grid, { file: 'mem.xlsx', profile }).findings;
}

const rounding = (b: ReturnType<typeof basicSheet>) => set(b, 'B6', 17.34); // 三公经费 17.34 over parts of 17.33
const blankQuota = (b: ReturnType<typeof basicSheet>) => set(b, 'B4', null); // 控制率 not computable

test('by default a rounding difference is info', () => {
  expect(run(HUNAN_DEPT_OVERALL, rounding).map((f) => [f.ruleId, f.messageId, f.severity])).toEqual([['value.rounding', 'rounding', 'info']]);
});

test('a profile that makes value.rounding an error gets errors, though the sum rule reports it', () => {
  const strict: Profile = { ...HUNAN_DEPT_OVERALL, severity: { 'value.rounding': 'error' } };
  expect(run(strict, rounding).map((f) => [f.ruleId, f.severity])).toEqual([['value.rounding', 'error']]);
});

test('a rule override reaches every message of the rule; a message override wins over it', () => {
  expect(run(HUNAN_DEPT_OVERALL, blankQuota).map((f) => [f.ruleId, f.messageId, f.severity])).toEqual([['basic.staff-control-rate', 'notComputable', 'info']]);
  const byRule: Profile = { ...HUNAN_DEPT_OVERALL, severity: { 'basic.staff-control-rate': 'warning' } };
  expect(run(byRule, blankQuota).map((f) => f.severity)).toEqual(['warning']);
  const byMessage: Profile = { ...HUNAN_DEPT_OVERALL, severity: { 'basic.staff-control-rate': 'warning', 'basic.staff-control-rate/notComputable': 'error' } };
  expect(run(byMessage, blankQuota).map((f) => f.severity)).toEqual(['error']);
  // The other message of the rule keeps the rule's override.
  const wrongRate = (b: ReturnType<typeof basicSheet>) => set(b, 'F4', '90%');
  expect(run(byMessage, wrongRate).map((f) => [f.messageId, f.severity])).toEqual([['wrong', 'warning']]);
});
