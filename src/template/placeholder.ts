/**
 * Rows a template leaves for the clerk to fill — `指标1：`, `……`, a blank name — carry no
 * indicator (docs/rules-domain.md, "Families seen elsewhere"): they are skipped when nothing is scored in them.
 */
export function isPlaceholderName(compact: string): boolean {
  if (compact === '') return true;
  return /^(?:(?:三级)?指标[\d一二三四五六七八九十]*[:：]?|[…．.。·、—\-_/]+|等|其他|其它|\d+[.、:：]?)$/.test(compact);
}

/**
 * The row that carries the execution rate: 年度资金总额 on the Hunan and national forms,
 * 资金总额 / 总额 / 项目资金总额 on other provinces' (docs/rules-domain.md, "Families seen elsewhere").
 * The short ones must be the whole label: 年度进出口总额 is an indicator.
 */
export function isExecutionRowLabel(compact: string): boolean {
  // Asked of every text cell of every sheet: most labels are turned away without a regex.
  if (!compact.includes('总额') && !compact.includes('合计')) return false;
  const l = compact.replace(/\([^)]*\)$/, '');
  return l.includes('年度资金总额') || /^(资金总额|总额|项目资金总额|预算资金总额|部门预算资金总额|年度预算资金总额|资金合计|年度资金合计)$/.test(l);
}
