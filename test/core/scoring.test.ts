/**
 * The 评分标准 interpreter on the wordings of docs/families.md §1.4 (P1–P9, verbatim where the
 * published tables give them), their spelling variants, and texts it must refuse.
 * Every expected score is worked out by hand in the comment beside it.
 */
import Decimal from 'decimal.js';
import { applyCriterion, parseCriterion } from '../../src/core/scoring';
import type { Criterion, ScoringOptions } from '../../src/core/scoring';

const P1 = '以100%为标准。在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止。';
const P1_T2 = '以100%为标准。在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止。'.replace('计5分', '计8分').replace('0.5分', '0.8分');
const P2 = '"三公经费"变动率≦0,计5分;"三公经费">0,每超过一个百分点扣0.5分,扣完为止。';
const P3 = '100%计满分,每低于5%扣2分,扣完为止。';
const P4 = '100%以下(含)计满分,每超出5%扣2分,扣完为止。没有楼堂馆所项目的部门按满分计算。';
const P5 = '预算控制率=0,计5分;0-10%(含),计4分;10-20%(含),计3分;20-30%(含),计2分;大于30%不得分。';
const P6 = '重点支出安排率≥90%,计5分;80%(含)-90%,计4分;70%(含)-80%,计3分;60%(含)-70%,计2分;低于60%不得分';
const P7 = '按完成比例计算得分,满分为止';
const P7_GZ = '执行率*该指标分值,最高不得超过分值上限。';
const P9 = '指标得分=1-10×部门全年预算调剂金额/年初部门预算数))*指标分值。其中:若部门全年预算调剂金额/年初部门预算数>0.1,此项得0分。';

function parsed(text: string): Criterion {
  const r = parseCriterion(text);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.criterion;
}

function score(text: string, figure: string | null, weight: string, options?: ScoringOptions, exempt = false) {
  const a = applyCriterion(parsed(text), { figure: figure === null ? null : new Decimal(figure), weight: new Decimal(weight), exempt }, options);
  if (!a.ok) throw new Error(`not computable: ${a.missing}`);
  return { score: a.score.toFixed(), formula: a.formula, others: a.alternatives.map((x) => `${x.option}:${x.score.toFixed()}`) };
}

describe('what each wording parses to', () => {
  test.each([
    ['P1', P1, 'deduction'],
    ['P2', P2, 'deduction'],
    ['P3', P3, 'deduction'],
    ['P4', P4, 'deduction'],
    ['P5', P5, 'bands'],
    ['P6', P6, 'bands'],
    ['P7', P7, 'proportional'],
    ['P7 Guizhou', P7_GZ, 'proportional'],
    ['P8 items', '①制度健全,1分;②执行有效,1分;③档案完整,1分', 'checklist'],
    ['P8 per case', '每出现一例不符合要求的扣1分,扣完为止', 'per-count'],
    ['P8 per item', '每少一项扣1分', 'per-count'],
    ['P11 per problem', '每个问题扣0.02分,直至扣完', 'per-count'],
    ['P9', P9, 'linear'],
  ])('%s → %s', (_, text, kind) => {
    expect(parsed(text).kind).toBe(kind);
  });

  test('P1 reads limit, direction, step, points off and the stated full marks', () => {
    const c = parsed(P1);
    expect(c).toMatchObject({ kind: 'deduction', direction: 'above', exemption: null });
    if (c.kind !== 'deduction') throw new Error();
    expect([c.limit.toFixed(), c.step.toFixed(), c.perStep.toFixed(), c.statedFull?.toFixed()]).toEqual(['100', '1', '0.5', '5']);
  });

  test('P4 carries its exemption', () => {
    expect(parsed(P4)).toMatchObject({ kind: 'deduction', direction: 'above', exemption: '楼堂馆所项目' });
  });

  test('P5 band bounds: 0 belongs to =0, 10 to 0-10%(含), 30 to 20-30%(含)', () => {
    const c = parsed(P5);
    if (c.kind !== 'bands') throw new Error();
    expect(c.bands.map((b) => [b.lo?.value.toFixed() ?? '-∞', b.lo?.inclusive ?? null, b.hi?.value.toFixed() ?? '∞', b.hi?.inclusive ?? null, b.points.toFixed()])).toEqual([
      ['0', true, '0', true, '5'],
      ['0', false, '10', true, '4'],
      ['10', false, '20', true, '3'],
      ['20', false, '30', true, '2'],
      ['30', false, '∞', null, '0'],
    ]);
  });

  test('P8 items keep their points (Σ = 3)', () => {
    const c = parsed('①制度健全,1分;②执行有效,1分;③档案完整,1分');
    expect(c.kind === 'checklist' && c.items.map((i) => i.toFixed())).toEqual(['1', '1', '1']);
  });
});

describe('scores', () => {
  test.each([
    // P1, 分值 5: full at or below 100 %, then 0.5 per point.
    [P1, '93.33', '5', '5'],
    [P1, '100', '5', '5'],
    [P1, '104', '5', '3'], // 5 − 0.5 × 4
    [P1, '104.5', '5', '2.75'], // 5 − 0.5 × 4.5 (proportional, the default)
    [P1, '120', '5', '0'], // 5 − 10, 扣完为止
    // The same text at 分值 8 with 0.8 per point (T2).
    [P1_T2, '105', '8', '4'], // 8 − 0.8 × 5
    // P2: zero threshold.
    [P2, '-10', '5', '5'],
    [P2, '0', '5', '5'],
    [P2, '3', '5', '3.5'], // 5 − 0.5 × 3
    [P2, '52.30', '5', '0'], // 5 − 26.15 → 0 (Case E on 决算)
    // P3: steps of 5 % below 100 %, completed steps by default.
    [P3, '99.27', '5', '5'], // ⌊0.73 ÷ 5⌋ = 0 (Case E gave full marks)
    [P3, '94', '5', '3'], // ⌊6 ÷ 5⌋ = 1 → 5 − 2
    [P3, '90', '5', '1'], // ⌊10 ÷ 5⌋ = 2 → 5 − 4
    [P3, '70', '5', '0'], // 5 − 12 → 0
    // P4: steps of 5 % above 100 %.
    [P4, '104.17', '5', '5'], // ⌊4.17 ÷ 5⌋ = 0
    [P4, '112', '5', '1'], // ⌊12 ÷ 5⌋ = 2 → 5 − 4
    // P5: descending bands, upper bounds inclusive.
    [P5, '0', '5', '5'],
    [P5, '0.01', '5', '4'],
    [P5, '10', '5', '4'],
    [P5, '10.01', '5', '3'],
    [P5, '30', '5', '2'],
    [P5, '39.94', '5', '0'], // T3: 767.86 ÷ 1922.76
    // P6: ascending bands, lower bounds inclusive.
    [P6, '90', '5', '5'],
    [P6, '89.99', '5', '4'],
    [P6, '80', '5', '4'],
    [P6, '60', '5', '2'],
    [P6, '59.99', '5', '0'],
    // P7: proportional with cap.
    [P7, '72.74', '2', '1.4548'], // 2 × 72.74 %
    [P7, '108.2', '2', '2'],
    [P7_GZ, '108.20', '10', '10'], // T7: capped at 分值
    [P7_GZ, '92.87', '10', '9.287'], // T7 基本支出 scored on its own
    // P9: linear with cut-off.
    [P9, '0.2', '10', '9.8'], // 10 × (1 − 10 × 0.002), T6's 9.8
    [P9, '10', '10', '0'], // at the cut-off 0.1: 10 × (1 − 1)
    [P9, '11', '10', '0'], // above the cut-off
  ])('%s at %s%% (分值 %s) → %s', (text, figure, weight, expected) => {
    expect(score(text, figure, weight).score).toBe(expected);
  });

  test('the exemption gives full marks without a figure', () => {
    expect(score(P4, null, '5', undefined, true)).toMatchObject({ score: '5', formula: '没有楼堂馆所项目，按满分 5 计' });
  });

  test('the formula is shown with the figures it used', () => {
    expect(score(P1, '104', '5').formula).toBe('5 − 0.5 × (104 − 100) = 3');
    expect(score(P3, '94', '5').formula).toBe('5 − 2 × ⌊(100 − 94) ÷ 5⌋ = 3');
    expect(score(P5, '39.94', '5').formula).toBe('39.94% 属“大于30%”档，得 0 分');
  });
});

describe('readings evaluators differ on are options, and the other reading is named', () => {
  test('per point: proportional by default, whole points on request', () => {
    expect(score(P1, '104.5', '5')).toMatchObject({ score: '2.75', others: ['perPoint:3'] }); // ⌊4.5⌋ = 4 → 3
    expect(score(P1, '104.5', '5', { perPoint: 'whole', steps: 'completed' })).toMatchObject({ score: '3', others: ['perPoint:2.75'] });
    expect(score(P1, '104', '5').others).toEqual([]); // both readings give 3
  });

  test('steps: completed by default, started on request', () => {
    expect(score(P3, '99.27', '5')).toMatchObject({ score: '5', others: ['steps:3'] }); // ⌈0.146⌉ = 1 → 3
    expect(score(P3, '99.27', '5', { perPoint: 'proportional', steps: 'started' })).toMatchObject({ score: '3', others: ['steps:5'] });
    expect(score(P3, '90', '5').others).toEqual([]); // exactly two steps either way
  });

  test('a bound no band claims with 含 is ambiguous when both bands touch it', () => {
    expect(score('80-90%,计4分;90-100%,计5分', '90', '5')).toMatchObject({ score: '4', others: ['boundary:5'] });
    expect(score('80-90%,计4分;90-100%,计5分', '85', '5').others).toEqual([]);
  });
});

describe('spelling variants read the same', () => {
  test.each([
    ['full-width', '以１００％为标准。在职人员控制率≤１００％，计５分；每超过１个百分点扣０．５分，扣完为止。'],
    ['spaces and line breaks', '以 100% 为标准。\n在职人员控制率 <= 100% ， 计 5 分 ；\n每超过 一个百分点 扣 0.5 分，扣完为止'],
    ['curly quotes, no final stop', '以100%为标准“在职人员控制率”≦100%，计5分；每超过1个百分点扣0.5分，扣完为止'],
  ])('P1 %s', (_, text) => {
    expect(score(text, '104.5', '5').score).toBe('2.75');
  });

  test.each([
    ['full-width （含） and ～', '预算控制率＝0，计5分；0～10%（含），计4分；10%～20%（含），计3分；20%～30%（含），计2分；大于30%不得分。'],
    ['至 and 包含', '预算控制率=0,计5分;0至10%(包含),计4分;10%至20%(包含),计3分;20%至30%(包含),计2分;大于30%,不得分'],
    ['commas between bands', '预算控制率=0计5分,0-10%(含)计4分,10-20%(含)计3分,20-30%(含)计2分,大于30%不得分'],
  ])('P5 %s', (_, text) => {
    expect(['0', '10', '10.01', '30', '30.01'].map((r) => score(text, r, '5').score)).toEqual(['5', '4', '3', '2', '0']);
  });

  test('P6 with 以上/低于 spelled out', () => {
    const text = '安排率90%(含)以上,计5分;80%(含)-90%,计4分;低于80%,不得分';
    expect(['90', '89.99', '79.99'].map((r) => score(text, r, '5').score)).toEqual(['5', '4', '0']);
  });
});

describe('texts it refuses, with a plain reason', () => {
  test.each([
    ['', '评分标准为空'],
    ['   ', '评分标准为空'],
    ['1.绩效目标编制要素完整的,得5分,否则酌情扣分。2.绩效指标细化量化的,得5分,否则酌情扣分。', '酌情'],
    ['超过规定5个工作日扣0.5分,10个工作日扣1分,以此类推,直至扣完', '以此类推'],
    ['无结余,3分;有结余,但不超过上年结转,2分;结余超过上年结转,不得分', '条件无法识别'],
    ['以项目完成数量为核心,该项指标得分=达到预期值的数量指标个数/全部数量指标个数', '未能识别'],
    ['每超过一个百分点扣0.5分,扣完为止', '未写明满分的标准'],
    ['在职人员控制率≤100%,计5分;每低于一个百分点扣0.5分', '相互矛盾'],
    ['在职人员控制率≤100%,计5分;每超过一个百分点扣0.5分;发现违规的另扣2分', '未能识别的计分子句'],
    ['预算控制率=0,计5分;0-10%(含),计4分;大于10%', '未写明分值'],
    ['①制度健全,1分;②执行有效', '未写明分值'],
    ['按完成比例计算得分,另加2分', '未能识别的计分子句'],
    ['管理制度健全性', '未能识别'],
    [`以100%为标准,${'在职人员控制率'.repeat(80)}≤100%,计5分;每超过一个百分点扣0.5分`, '超过 400 字'],
    ['每超过'.repeat(70000), '超过 400 字'],
  ])('%j', (text, reason) => {
    const r = parseCriterion(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  test('a parsed checklist or count is not computable from a figure, and says what it needs', () => {
    const a = applyCriterion(parsed('每出现一例不符合要求的扣1分,扣完为止'), { figure: new Decimal(100), weight: new Decimal(3) });
    expect(a).toEqual({ ok: false, missing: '不符合要求的个数' });
    expect(applyCriterion(parsed(P1), { figure: null, weight: new Decimal(5) })).toEqual({ ok: false, missing: '该指标的比率' });
  });
});
