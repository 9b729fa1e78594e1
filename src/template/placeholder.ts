/**
 * Rows a template leaves for the clerk to fill — `指标1：`, `……`, a blank name — carry no
 * indicator (RULES.md, "Families seen elsewhere"): they are skipped when nothing is scored in them.
 */
export function isPlaceholderName(compact: string): boolean {
  if (compact === '') return true;
  return /^(?:(?:三级)?指标[\d一二三四五六七八九十]*[:：]?|[…．.。·、—\-_/]+|等|其他|其它|\d+[.、:：]?)$/.test(compact);
}
