/**
 * Profiles a finance bureau writes (and the shipped ones, in the same format): a JSON file
 * checked key by key, so a mistake gets a Chinese message naming the key and what is allowed.
 * Hand-written rather than a schema library: the messages are the product here, and the format
 * is small. docs/profile.schema.json documents the same format for editors.
 */
import type { Profile } from './profile';
import type { LabelSynonyms } from '../template/synonyms';
import type { Severity } from './finding';
import type { Grade } from './report';
import type { ScoringOptions } from './scoring';

export type { LabelSynonyms };

export const LABEL_KEYS: ReadonlyArray<keyof LabelSynonyms> = ['executionRow', 'budget', 'actual', 'weight', 'score', 'target', 'completion', 'reason', 'criterion'];

export const FAMILIES = {
  'dept-overall': '部门整体支出绩效自评表（附件2/附件3）',
  project: '项目支出绩效自评表（财预〔2020〕10号）',
  'score-table': '部门整体支出绩效评价指标评分表（财预〔2013〕53号）',
} as const;

export type Family = keyof typeof FAMILIES;

/** What the file may say. Every key but `id` and `name` is optional when `extends` names a profile. */
export interface ProfileFile {
  readonly $schema?: string;
  readonly id: string;
  readonly name: string;
  readonly extends?: string;
  readonly family?: Family;
  readonly minDecimals?: number;
  readonly severity?: Readonly<Record<string, Severity>>;
  /** Highest first; the last band's `min` is null (no lower bound). */
  readonly grades?: ReadonlyArray<{ readonly grade: Grade; readonly min: number | null }>;
  readonly execution?: {
    readonly cap?: boolean;
    readonly base?: 'budget' | 'initial';
  };
  readonly overshootPenalty?: { readonly ratio: number; readonly points: number } | null;
  readonly totalCapByExecutionRate?: ReadonlyArray<{ readonly below: number; readonly cap: number }> | null;
  readonly standardWeights?: {
    readonly levels: ReadonlyArray<{ readonly label: string; readonly weight: number }>;
    readonly execution: number;
    readonly source: string;
  } | null;
  readonly scoring?: Partial<ScoringOptions>;
  readonly labels?: LabelSynonyms;
}

export interface ProfileContext {
  /** Shipped profiles, for `extends`. */
  readonly shipped: readonly Profile[];
  /** Rule IDs and `ruleId/messageId` keys a severity may name. */
  readonly severityKeys: ReadonlySet<string>;
  /** What a profile without `extends` starts from. */
  readonly defaults: Omit<Profile, 'id' | 'name'>;
}

export type ProfileParse = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly errors: readonly string[] };

export const TOP_KEYS = [
  '$schema',
  'id',
  'name',
  'extends',
  'family',
  'minDecimals',
  'severity',
  'grades',
  'execution',
  'overshootPenalty',
  'totalCapByExecutionRate',
  'standardWeights',
  'scoring',
  'labels',
] as const;

const SEVERITIES: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };
const GRADES: readonly Grade[] = ['优', '良', '中', '差'];
const READINGS = {
  perPoint: { proportional: '按超出幅度等比例扣分', whole: '按满一个百分点计扣' },
  steps: { completed: '满一档才扣', started: '不足一档按一档扣' },
  base: { budget: '全年预算数（调整后预算数）', initial: '年初预算数' },
} as const;

type Json = unknown;

class Checker {
  readonly errors: string[] = [];

  fail(key: string, what: string): void {
    this.errors.push(key === '' ? `配置文件${what}` : `键“${key}”${what}`);
  }

  object(v: Json, key: string, allowed: readonly string[]): Record<string, Json> | null {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(key, `应为对象（{ … }），实为${typeName(v)}`);
      return null;
    }
    const o = v as Record<string, Json>;
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) this.fail(join(key, k), `不是可用的键；${key === '' ? '顶层' : `“${key}”中`}可用：${allowed.join('、')}`);
    }
    return o;
  }

  string(v: Json, key: string, pattern?: { re: RegExp; says: string }): string | undefined {
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(key, `应为非空文字，实为${typeName(v)}`);
      return undefined;
    }
    if (pattern && !pattern.re.test(v)) {
      this.fail(key, `的值“${v}”无效：${pattern.says}`);
      return undefined;
    }
    return v;
  }

  number(v: Json, key: string, range: { min?: number; max?: number; above?: number; integer?: boolean }): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(key, `应为数字，实为${typeName(v)}`);
      return undefined;
    }
    const bounds = [
      range.integer ? '整数' : '数字',
      range.above !== undefined ? `大于 ${range.above}` : range.min !== undefined ? `不小于 ${range.min}` : null,
      range.max !== undefined ? `不大于 ${range.max}` : null,
    ]
      .filter(Boolean)
      .join('，');
    if ((range.integer && !Number.isInteger(v)) || (range.min !== undefined && v < range.min) || (range.max !== undefined && v > range.max) || (range.above !== undefined && v <= range.above)) {
      this.fail(key, `的值 ${v} 无效：应为${bounds}`);
      return undefined;
    }
    return v;
  }

  boolean(v: Json, key: string): boolean | undefined {
    if (typeof v !== 'boolean') {
      this.fail(key, `应为 true 或 false，实为${typeName(v)}`);
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(v: Json, key: string, options: Readonly<Record<T, string>>): T | undefined {
    if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(options, v)) return v as T;
    const list = (Object.keys(options) as T[]).map((k) => `${k}（${options[k]}）`).join('、');
    this.fail(key, `的值${typeof v === 'string' ? `“${v}”` : `（${typeName(v)}）`}无效，可用：${list}`);
    return undefined;
  }

  array(v: Json, key: string): Json[] | null {
    if (!Array.isArray(v)) {
      this.fail(key, `应为数组（[ … ]），实为${typeName(v)}`);
      return null;
    }
    return v;
  }
}

function join(key: string, k: string | number): string {
  return typeof k === 'number' ? `${key}[${k}]` : key === '' ? k : `${key}.${k}`;
}

function typeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '数组';
  switch (typeof v) {
    case 'string':
      return `文字“${v.length > 20 ? v.slice(0, 20) + '…' : v}”`;
    case 'number':
      return `数字 ${v}`;
    case 'boolean':
      return String(v);
    case 'object':
      return '对象';
    default:
      return '未定义';
  }
}

/** Reads a profile file's JSON (already parsed) into a Profile, or says every mistake in it. */
export function parseProfileJson(json: Json, ctx: ProfileContext): ProfileParse {
  const c = new Checker();
  const o = c.object(json, '', TOP_KEYS);
  if (!o) return { ok: false, errors: c.errors };
  const id = 'id' in o ? c.string(o.id, 'id', { re: /^[a-z0-9][a-z0-9-]{0,63}$/, says: '只能用小写字母、数字和连字符（如 changsha-dept-2024）' }) : (c.fail('id', '缺失：每个配置须有 id'), undefined);
  const name = 'name' in o ? c.string(o.name, 'name') : (c.fail('name', '缺失：每个配置须有中文名称 name'), undefined);
  let base: Profile | undefined;
  if ('extends' in o) {
    const ext = c.string(o.extends, 'extends');
    if (ext !== undefined) {
      base = ctx.shipped.find((p) => p.id === ext);
      if (!base) c.fail('extends', `的值“${ext}”不是内置配置，可用：${ctx.shipped.map((p) => p.id).join('、')}`);
    }
  }
  if (!('extends' in o) && !('family' in o)) c.fail('family', `缺失：未写 extends 时须写明表格类型，可用：${Object.keys(FAMILIES).join('、')}`);
  const family = 'family' in o ? c.oneOf<Family>(o.family, 'family', FAMILIES) : base?.form;

  const out: Record<string, unknown> = { ...(base ?? ctx.defaults) };
  if (family) out.form = family;
  if ('minDecimals' in o) out.minDecimals = c.number(o.minDecimals, 'minDecimals', { min: 0, max: 6, integer: true });
  if ('severity' in o) out.severity = severity(c, o.severity, ctx);
  if ('grades' in o) out.grades = grades(c, o.grades);
  if ('execution' in o) {
    const e = c.object(o.execution, 'execution', ['cap', 'base']);
    if (e) {
      if ('cap' in e) out.capExecutionScore = c.boolean(e.cap, 'execution.cap');
      if ('base' in e) out.executionBase = c.oneOf(e.base, 'execution.base', READINGS.base);
    }
  }
  if ('overshootPenalty' in o) {
    if (o.overshootPenalty === null) out.overshootPenalty = null;
    else {
      const p = c.object(o.overshootPenalty, 'overshootPenalty', ['ratio', 'points']);
      if (p) {
        const ratio = c.number(p.ratio, 'overshootPenalty.ratio', { above: 1 });
        const points = c.number(p.points, 'overshootPenalty.points', { above: 0 });
        out.overshootPenalty = ratio !== undefined && points !== undefined ? { ratio, points } : undefined;
      }
    }
  }
  if ('totalCapByExecutionRate' in o) out.totalCapByExecutionRate = o.totalCapByExecutionRate === null ? null : totalCaps(c, o.totalCapByExecutionRate);
  if ('standardWeights' in o) out.standardWeights = o.standardWeights === null ? null : standardWeights(c, o.standardWeights);
  if ('scoring' in o) {
    const s = c.object(o.scoring, 'scoring', ['perPoint', 'steps']);
    const prev = out.scoring as ScoringOptions;
    if (s) {
      out.scoring = {
        perPoint: 'perPoint' in s ? c.oneOf(s.perPoint, 'scoring.perPoint', READINGS.perPoint) : prev.perPoint,
        steps: 'steps' in s ? c.oneOf(s.steps, 'scoring.steps', READINGS.steps) : prev.steps,
      };
    }
  }
  if ('labels' in o) out.labels = labels(c, o.labels, (out.labels ?? {}) as LabelSynonyms);
  if (c.errors.length > 0 || id === undefined || name === undefined) return { ok: false, errors: c.errors };
  return { ok: true, profile: { ...(out as unknown as Profile), id, name } };
}

function severity(c: Checker, v: Json, ctx: ProfileContext): Profile['severity'] | undefined {
  const o = c.object(v, 'severity', [...ctx.severityKeys]);
  if (!o) return undefined;
  const out: Record<string, Severity> = {};
  for (const [k, s] of Object.entries(o)) {
    if (!ctx.severityKeys.has(k)) continue; // already reported as an unknown key
    const sev = c.oneOf<Severity>(s, `severity.${k}`, SEVERITIES);
    if (sev) out[k] = sev;
  }
  return out as Profile['severity'];
}

function grades(c: Checker, v: Json): Profile['grades'] | undefined {
  const list = c.array(v, 'grades');
  if (!list) return undefined;
  const out: Array<{ grade: Grade; min: number }> = [];
  list.forEach((item, i) => {
    const key = `grades[${i}]`;
    const g = c.object(item, key, ['grade', 'min']);
    if (!g) return;
    const grade = c.oneOf<Grade>(g.grade, `${key}.grade`, { 优: '优', 良: '良', 中: '中', 差: '差' });
    const last = i === list.length - 1;
    let min: number | undefined;
    if (last) {
      if (g.min !== null && g.min !== undefined) c.fail(`${key}.min`, '应为 null：最低一档没有下限');
      min = Number.NEGATIVE_INFINITY;
    } else min = c.number(g.min, `${key}.min`, { min: 0, max: 100 });
    const prev = out[out.length - 1];
    if (prev && min !== undefined && min >= prev.min) c.fail(`${key}.min`, `应小于上一档的 ${prev.min}：等次从高到低排列`);
    if (grade && min !== undefined) out.push({ grade, min });
  });
  const names = out.map((b) => b.grade);
  if (out.length === list.length && (names.length !== GRADES.length || names.some((g, i) => g !== GRADES[i]))) {
    c.fail('grades', `应依次为 ${GRADES.join('、')} 四档，实为 ${names.join('、') || '空'}`);
  }
  return out;
}

function totalCaps(c: Checker, v: Json): Profile['totalCapByExecutionRate'] | undefined {
  const list = c.array(v, 'totalCapByExecutionRate');
  if (!list) return undefined;
  const out: Array<{ below: number; cap: number }> = [];
  list.forEach((item, i) => {
    const key = `totalCapByExecutionRate[${i}]`;
    const b = c.object(item, key, ['below', 'cap']);
    if (!b) return;
    const below = c.number(b.below, `${key}.below`, { above: 0, max: 1 });
    const cap = c.number(b.cap, `${key}.cap`, { min: 0, max: 100 });
    const prev = out[out.length - 1];
    if (prev && below !== undefined && below <= prev.below) c.fail(`${key}.below`, `应大于上一档的 ${prev.below}：从最严的一档起按执行率从低到高排列`);
    if (below !== undefined && cap !== undefined) out.push({ below, cap });
  });
  return out;
}

function standardWeights(c: Checker, v: Json): Profile['standardWeights'] | undefined {
  const o = c.object(v, 'standardWeights', ['levels', 'execution', 'source']);
  if (!o) return undefined;
  const list = c.array(o.levels, 'standardWeights.levels') ?? [];
  const levels = list.flatMap((item, i) => {
    const key = `standardWeights.levels[${i}]`;
    const l = c.object(item, key, ['label', 'weight']);
    if (!l) return [];
    const label = c.string(l.label, `${key}.label`);
    const weight = c.number(l.weight, `${key}.weight`, { above: 0, max: 100 });
    return label !== undefined && weight !== undefined ? [{ label, weight }] : [];
  });
  const execution = c.number(o.execution, 'standardWeights.execution', { min: 0, max: 100 });
  const source = c.string(o.source, 'standardWeights.source');
  return execution !== undefined && source !== undefined ? { levels, execution, source } : undefined;
}

function labels(c: Checker, v: Json, prev: LabelSynonyms): LabelSynonyms | undefined {
  const o = c.object(v, 'labels', LABEL_KEYS);
  if (!o) return undefined;
  const out: Record<string, string[]> = { ...(prev as Record<string, string[]>) };
  for (const k of LABEL_KEYS) {
    if (!(k in o)) continue;
    const list = c.array(o[k], `labels.${k}`);
    if (!list) continue;
    out[k] = list.flatMap((s, i) => {
      const t = c.string(s, `labels.${k}[${i}]`);
      return t === undefined ? [] : [t];
    });
  }
  return out;
}

/** A Profile written back in the file format (for --print-profile and the round trip). */
export function profileToJson(p: Profile): ProfileFile {
  return {
    id: p.id,
    name: p.name,
    family: p.form,
    minDecimals: p.minDecimals,
    severity: p.severity as Record<string, Severity>,
    grades: p.grades.map((g) => ({ grade: g.grade, min: Number.isFinite(g.min) ? g.min : null })),
    execution: { cap: p.capExecutionScore, base: p.executionBase },
    overshootPenalty: p.overshootPenalty,
    totalCapByExecutionRate: p.totalCapByExecutionRate,
    standardWeights: p.standardWeights,
    scoring: p.scoring,
    labels: p.labels,
  };
}
