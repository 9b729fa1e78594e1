/**
 * The scoring-text interpreter of the 指标评分表 (docs/families.md §1.4): 评分标准 text → Criterion
 * (parse.ts) → a score for the figure the workbook gives (apply.ts). Pure; no workbook types.
 */
export * from './criterion';
export { parseCriterion } from './parse';
export { applyCriterion } from './apply';
export type { ScoringInput } from './apply';
export { normalizeCriterion } from './normalize';
