/** 楼堂馆所: each project row's control rates, and > 100% as over control. */
import Decimal from 'decimal.js';
import { defineRule, num } from '../../rule';
import { RATE_MESSAGES, reportRate } from '../rate';
import { compareDecimals, decimalString, enteredString, show } from '../../../values/precision';
import type { BuildingRow, Field } from '../../../template/tables';

const MESSAGES = {
  ...RATE_MESSAGES,
  overControl: { severity: 'warning', text: '{rate} {value} 超过 100%，超出控制' },
} as const;

function buildingRule<const Id extends 'basic.building-scale-rate' | 'basic.building-invest-rate'>(
  id: Id,
  title: string,
  description: string,
  pick: (b: BuildingRow) => { rate: Field; numerator: Field; denominator: Field },
  names: { rate: string; numerator: string; denominator: string },
) {
  return defineRule({
    id,
    title,
    description,
    options: ['minDecimals'],
    messages: MESSAGES,
    check(ctx) {
      for (const b of ctx.tables.basic?.buildings ?? []) {
        const spec = pick(b);
        const value = reportRate(ctx, { ...spec, rateName: names.rate, numeratorName: names.numerator, denominatorName: names.denominator });
        if (value && value.gt(1)) {
          const entered = num(spec.rate);
          const d = compareDecimals(entered && entered.percent ? entered : null, ctx.profile.minDecimals);
          ctx.report({
            messageId: 'overControl',
            data: { rate: names.rate, value: show(value, 2, true) },
            at: spec.rate,
            entered: entered ? enteredString(entered) : decimalString(value, d, true),
            expected: decimalString(new Decimal(1), d, true),
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
  '楼堂馆所规模控制率',
  '楼堂馆所规模控制率 = 实际规模 ÷ 批复规模（每个项目行）；超过 100% 为超规模',
  (b) => ({ rate: b.scaleRate, numerator: b.actualScale, denominator: b.approvedScale }),
  { rate: '规模控制率', numerator: '实际规模', denominator: '批复规模' },
);

export const buildingInvestRate = buildingRule(
  'basic.building-invest-rate',
  '楼堂馆所投资概算控制率',
  '楼堂馆所投资概算控制率 = 实际投资 ÷ 预算投资（每个项目行）；超过 100% 为超概算',
  (b) => ({ rate: b.investRate, numerator: b.actualInvestment, denominator: b.budgetInvestment }),
  { rate: '投资概算控制率', numerator: '实际投资', denominator: '预算投资' },
);
