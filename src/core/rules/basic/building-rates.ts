/** 楼堂馆所: each project row's control rates, and > 100% as over control. */
import type { Rule } from '../../rule';
import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import { reportRate } from '../rate';
import { compareDecimals, decimalString, enteredString, show } from '../../precision';
import type { BuildingRow, Field } from '../../../template/tables';

function buildingRule(
  id: 'basic.building-scale-rate' | 'basic.building-invest-rate',
  description: string,
  pick: (b: BuildingRow) => { rate: Field; numerator: Field; denominator: Field },
  names: { rate: string; numerator: string; denominator: string },
): Rule {
  return defineRule({
    id,
    severity: 'error',
    description,
    check(ctx) {
      for (const b of ctx.tables.basic?.buildings ?? []) {
        const spec = pick(b);
        const value = reportRate(ctx, { ...spec, rateName: names.rate, numeratorName: names.numerator, denominatorName: names.denominator });
        if (value && value.gt(1)) {
          const entered = num(spec.rate);
          const d = compareDecimals(entered && entered.percent ? entered : null, ctx.profile.minDecimals);
          ctx.report({
            severity: 'warning',
            at: spec.rate,
            entered: entered ? enteredString(entered) : decimalString(value, d, true),
            expected: decimalString(new Decimal(1), d, true),
            message: `${names.rate} ${show(value, 2, true)} 超过 100%，超出控制`,
            explanation: `${names.numerator} > ${names.denominator}`,
            inputs: [spec.numerator, spec.denominator],
          });
        }
      }
    },
  });
}

export const buildingScaleRate = buildingRule(
  'basic.building-scale-rate',
  '楼堂馆所规模控制率 = 实际规模 ÷ 批复规模；超过 100% 为超规模',
  (b) => ({ rate: b.scaleRate, numerator: b.actualScale, denominator: b.approvedScale }),
  { rate: '规模控制率', numerator: '实际规模', denominator: '批复规模' },
);

export const buildingInvestRate = buildingRule(
  'basic.building-invest-rate',
  '楼堂馆所投资概算控制率 = 实际投资 ÷ 预算投资；超过 100% 为超概算',
  (b) => ({ rate: b.investRate, numerator: b.actualInvestment, denominator: b.budgetInvestment }),
  { rate: '投资概算控制率', numerator: '实际投资', denominator: '预算投资' },
);
