/**
 * 评分标准 text → a Criterion, for the wordings of docs/families.md §1.4, or a plain reason why not.
 * Each wording is matched whole: a text with a scoring clause the matcher did not consume is
 * refused rather than half-understood (a guess would be reported as the rule's score).
 */
import Decimal from 'decimal.js';
import type { Band, Bound, Criterion, Direction, ParseResult } from './criterion';
import { ITEM_MARK, normalizeCriterion } from './normalize';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const MAX_LENGTH = 400;

const refuse = (reason: string): ParseResult => ({ ok: false, reason });
const accept = (criterion: Criterion): ParseResult => ({ ok: true, criterion });

/** Every `N分` the text gives or takes (not 满分, 不得分). */
function pointMentions(t: string): number {
  return (t.match(/\d+(?:\.\d+)?分/g) ?? []).length;
}

export function parseCriterion(raw: string): ParseResult {
  if (raw.length > MAX_LENGTH * 4) return refuse(`评分标准超过 ${MAX_LENGTH} 字，不是可识别的计分表述`);
  const t = normalizeCriterion(raw);
  if (t === '') return refuse('评分标准为空');
  // Scoring wordings are a sentence or two; a long text is prose (and the patterns stay linear on short input).
  if (t.length > MAX_LENGTH) return refuse(`评分标准超过 ${MAX_LENGTH} 字，不是可识别的计分表述`);
  if (/(酌情|视情况|视具体情况|根据情况|综合评[价判定]|由评价组|专家评[分判])/.test(t)) {
    return refuse('评分标准含酌情扣分或综合评判，需人工判断');
  }
  if (/以此类推/.test(t)) return refuse('评分标准按“以此类推”的分段计数扣分，工作簿中没有可复算的计数');
  return (
    parseLinear(t) ??
    parseDeduction(t) ??
    parseProportional(t) ??
    parseChecklist(t) ??
    parsePerCount(t) ??
    parseBands(t) ??
    refuse('未能识别的评分表述（支持：超标准每个百分点扣分、每 N% 一档扣分、分档计分、按比例计分、逐项计分）')
  );
}

// ───────────────────────── P1–P4: full marks to a limit, deductions beyond ─────────────────────────

const ABOVE_VERBS = '超过|超出|高于|增加|上升|多于|超';
const BELOW_VERBS = '低于|少于|减少|下降|降低|不足|未达到|差';
const DEDUCT_RE = new RegExp(String.raw`每(${ABOVE_VERBS}|${BELOW_VERBS})(?:标准)?${NUM}?(个百分点|百分点|个点|%)扣${NUM}分`);

interface Limit {
  readonly value: Decimal;
  /** The side on which full marks are given, when the condition says it. */
  readonly fullSide: Direction | null;
  readonly statedFull: Decimal | null;
}

/** The full-marks condition: `以100%为标准`, `≤100%,计5分`, `100%以下(含)计满分`, `100%计满分`. */
function findLimit(t: string): Limit | null {
  const full = String.raw`[,:]?(?:计|得|给|为)?(?:满分|${NUM}分)`;
  const forms: ReadonlyArray<readonly [RegExp, Direction | null]> = [
    [new RegExp(String.raw`(?:≤|<|不超过|不高于|小于|小于等于)${NUM}%?(?:\(含\))?${full}`), 'below'],
    [new RegExp(String.raw`${NUM}%?(?:\(含\))?(?:以下|以内)(?:\(含\))?${full}`), 'below'],
    [new RegExp(String.raw`(?:≥|>|不低于|不少于|大于|大于等于|达到)${NUM}%?(?:\(含\))?${full}`), 'above'],
    [new RegExp(String.raw`${NUM}%?(?:\(含\))?(?:以上)(?:\(含\))?${full}`), 'above'],
    [new RegExp(String.raw`(?:^|[;,:])(?:[^;,\d]*?)?=?${NUM}%?${full}`), null],
  ];
  for (const [re, side] of forms) {
    const m = re.exec(t);
    if (m) return { value: new Decimal(m[1]!), fullSide: side, statedFull: m[2] ? new Decimal(m[2]) : null };
  }
  const std = new RegExp(String.raw`以${NUM}%?为(?:标准|基准|满分标准)`).exec(t);
  if (std) return { value: new Decimal(std[1]!), fullSide: null, statedFull: null };
  return null;
}

function parseDeduction(t: string): ParseResult | null {
  const d = DEDUCT_RE.exec(t);
  if (!d) return null;
  const direction: Direction = new RegExp(`^(${ABOVE_VERBS})$`).test(d[1]!) ? 'above' : 'below';
  const limit = findLimit(t);
  if (!limit) return refuse('评分标准有“每…扣分”，但未写明满分的标准（如“≤100%，计5分”）');
  // Full marks below the limit go with deductions above it, and the other way round.
  if (limit.fullSide !== null && (limit.fullSide === 'below') !== (direction === 'above')) {
    return refuse('评分标准的满分条件与扣分方向相互矛盾');
  }
  const step = new Decimal(d[2] ?? '1');
  if (step.lte(0)) return refuse('评分标准的扣分步长为 0');
  const exemption = /(?:没有|无|未安排|不涉及|未发生)([^;,]*?)(?:的部门|的单位)?[,]?(?:按|计|得|给)满分/.exec(t);
  // The limit's own `计N分` and the deduction's `扣k分`: any other point figure is a clause not understood.
  if (pointMentions(t) > (limit.statedFull ? 2 : 1)) return refuse('评分标准含有未能识别的计分子句');
  return accept({
    kind: 'deduction',
    limit: limit.value,
    direction,
    step,
    perStep: new Decimal(d[4]!),
    statedFull: limit.statedFull,
    exemption: exemption ? exemption[1]! : null,
  });
}

// ───────────────────────── P7: proportional, P9: linear with cut-off ─────────────────────────

function parseProportional(t: string): ParseResult | null {
  const byRatio = /(?:按|以)(?:实际)?(?:完成|执行)?(?:比例|比率|进度|率|程度)计(?:算)?(?:得)?分/.test(t);
  const times = /(?:执行率|完成率|比例|比率|控制率)×(?:该|本)?(?:指标)?(?:分值|权重|满分)/.test(t);
  if (!byRatio && !times) return null;
  if (pointMentions(t) > 0) return refuse('评分标准含有未能识别的计分子句');
  const cap = /(满分为止|最高不(?:得)?超过|不(?:得)?超过(?:该指标)?(?:分值|满分|权重)|以(?:分值|满分)为限|封顶|最高为(?:分值|满分))/.test(t);
  return accept({ kind: 'proportional', cap });
}

function parseLinear(t: string): ParseResult | null {
  const m = new RegExp(String.raw`得分=\(*1-${NUM}×[^)]+\)+×(?:该|本)?(?:指标)?(?:分值|权重)`).exec(t);
  if (!m) return null;
  const cut = new RegExp(String.raw`(?:>|大于|超过)${NUM}(%?)[^;]*?(?:得0分|不得分|计0分)`).exec(t);
  const cutoff = cut ? (cut[2] === '%' ? new Decimal(cut[1]!) : new Decimal(cut[1]!).times(100)) : null;
  return accept({ kind: 'linear', factor: new Decimal(m[1]!), cutoff });
}

// ───────────────────────── P8/P11: items and counts ─────────────────────────

function parseChecklist(t: string): ParseResult | null {
  if (!t.includes(ITEM_MARK)) return null;
  const parts = t.split(ITEM_MARK).slice(1);
  const items: Decimal[] = [];
  for (const p of parts) {
    const m = new RegExp(String.raw`(?:计|得|给)?${NUM}分[;,]?$`).exec(p);
    if (!m) return refuse('逐项评分标准中有一项未写明分值');
    items.push(new Decimal(m[1]!));
  }
  if (items.length < 2) return null;
  return accept({ kind: 'checklist', items });
}

function parsePerCount(t: string): ParseResult | null {
  const m = new RegExp(String.raw`每(?:出现|发现|有|少|缺|缺少|漏)?(?:1)?(?:个|例|项|处|次)([^;,扣]*?)(?:的)?[,]?扣(?:减)?${NUM}分`).exec(t);
  if (!m) return null;
  if (pointMentions(t) > 1) return refuse('评分标准含有未能识别的计分子句');
  return accept({ kind: 'per-count', perItem: new Decimal(m[2]!), what: m[1] || '问题' });
}

// ───────────────────────── P5/P6: band tables ─────────────────────────

const POINTS_TAIL = new RegExp(String.raw`(?:[,:]?(?:计|得|给|评|为)?${NUM}分|[,:]?(不得分|不计分|计0分|得0分|0分))$`);

/**
 * The condition of one band, its subject (`预算控制率`) already stripped: `=0`, `0-10%(含)`,
 * `80%(含)-90%`, `≥90%`, `大于30%`, `低于60%`, `90%(含)以上`.
 */
function parseCondition(c: string): { lo: Bound | null; hi: Bound | null } | null {
  const s = c.replace(/^(?:在|为|是)/, '').replace(/[,:]$/, '');
  const num = String.raw`${NUM}%?(\(含\))?`;
  let m = new RegExp(String.raw`^${num}-${num}$`).exec(s);
  if (m) {
    return {
      lo: { value: new Decimal(m[1]!), inclusive: m[2] ? true : null },
      hi: { value: new Decimal(m[3]!), inclusive: m[4] ? true : null },
    };
  }
  m = new RegExp(String.raw`^(=|≤|<|≥|>|不超过|不高于|小于等于|小于|低于|不足|不低于|不少于|大于等于|达到|大于|高于|超过)${num}$`).exec(s);
  if (m) {
    const v = new Decimal(m[2]!);
    const op = m[1]!;
    if (op === '=') return { lo: { value: v, inclusive: true }, hi: { value: v, inclusive: true } };
    if (/^(≤|不超过|不高于|小于等于)$/.test(op)) return { lo: null, hi: { value: v, inclusive: true } };
    if (/^(<|小于|低于|不足)$/.test(op)) return { lo: null, hi: { value: v, inclusive: !!m[3] } };
    if (/^(≥|不低于|不少于|大于等于|达到)$/.test(op)) return { lo: { value: v, inclusive: true }, hi: null };
    return { lo: { value: v, inclusive: !!m[3] }, hi: null };
  }
  // `以上`/`以下` include the figure itself (the usual legal reading of 以上、以下).
  m = new RegExp(String.raw`^${num}(以上|以下|以内)(\(含\))?$`).exec(s);
  if (m) {
    const b: Bound = { value: new Decimal(m[1]!), inclusive: true };
    return m[3] === '以上' ? { lo: b, hi: null } : { lo: null, hi: b };
  }
  m = new RegExp(String.raw`^${num}$`).exec(s);
  if (m) {
    const b: Bound = { value: new Decimal(m[1]!), inclusive: true };
    return { lo: b, hi: b };
  }
  return null;
}

/** Where the condition starts once its subject is dropped: `预算控制率=0` → `=0`. */
const CONDITION_START = /(不超过|不高于|不低于|不少于|不足|小于等于|大于等于|小于|低于|大于|高于|超过|达到|[\d≤≥<>=])/;

function parseBands(t: string): ParseResult | null {
  const pieces = t.split(/[;,]/).filter((p) => p !== '');
  const bands: Band[] = [];
  let pending = '';
  for (const piece of pieces) {
    const joined = pending === '' ? piece : `${pending},${piece}`;
    const m = POINTS_TAIL.exec(joined);
    if (!m) {
      pending = joined;
      continue;
    }
    pending = '';
    const condText = joined.slice(0, m.index);
    const start = CONDITION_START.exec(condText);
    const cond = start ? parseCondition(condText.slice(start.index)) : null;
    if (!cond) return bands.length > 0 || pieces.length > 1 ? refuse(`评分档位“${condText || joined}”的条件无法识别`) : null;
    bands.push({ ...cond, points: new Decimal(m[1] ?? '0'), text: condText.slice(start!.index) });
  }
  if (pending !== '' && !/^(扣完为止|直至扣完|满分为止)$/.test(pending)) {
    return bands.length > 0 ? refuse(`评分标准末尾“${pending}”未写明分值`) : null;
  }
  if (bands.length < 2) return null;
  return accept({ kind: 'bands', bands: resolveBounds(bands) });
}

/**
 * A range bound without 含 belongs to the neighbouring band that claims it: in
 * `=0,计5分;0-10%(含),计4分` the 0 of the second band is the first band's. One claimed by
 * no band is kept inclusive; one claimed by two is left for scoring to report as ambiguous.
 */
function resolveBounds(bands: Band[]): Band[] {
  const claims = (v: Decimal, self: Band) =>
    bands.some((b) => b !== self && ((b.lo?.value.eq(v) && b.lo.inclusive === true) || (b.hi?.value.eq(v) && b.hi.inclusive === true)));
  const fix = (b: Bound | null, self: Band): Bound | null => (b && b.inclusive === null ? { value: b.value, inclusive: !claims(b.value, self) } : b);
  return bands.map((b) => ({ ...b, lo: fix(b.lo, b), hi: fix(b.hi, b) }));
}
