import type Decimal from 'decimal.js';
import type { Profile } from './profile';
import type { Grade } from './report';

/** 优 ≥ 90; 良 80–90; 中 60–80; 差 < 60 — a boundary belongs to the higher band. */
export function gradeFor(total: Decimal, profile: Profile): Grade {
  for (const band of profile.grades) if (total.gte(band.min)) return band.grade;
  return profile.grades[profile.grades.length - 1]!.grade;
}

/** Reads a stated grade: `优`, `优秀`, `良好`, `合格`… → the band it names; null when it names none. */
export function parseGrade(text: string): Grade | null {
  const t = text.replace(/[\s等次级]/g, '');
  if (/^(优|优秀|A)$/.test(t)) return '优';
  if (/^(良|良好|B)$/.test(t)) return '良';
  if (/^(中|中等|合格|一般|C)$/.test(t)) return '中';
  if (/^(差|较差|不合格|D)$/.test(t)) return '差';
  return null;
}
