/**
 * What the annotated copy cannot carry over (ExcelJS re-serialises the package and drops
 * what it does not model), found from the original's parts so the 核对结果 sheet can say so
 * instead of letting a reviewer discover a missing chart later. Looks only at part names and,
 * for drawings and sheets, at the element names inside them.
 */
import { strFromU8, unzipSync } from 'fflate';

interface LossProbe {
  /** What the reviewer is told is missing, in Chinese. */
  readonly label: string;
  readonly part: RegExp;
  /** When set, the part's text must also match (an element name). */
  readonly contains?: RegExp;
}

const PROBES: readonly LossProbe[] = [
  { label: '图表', part: /^xl\/charts\/chart(?:Ex)?\d+\.xml$/ },
  { label: '数据透视表', part: /^xl\/pivotTables\// },
  { label: '宏（VBA）', part: /^xl\/vbaProject\.bin$/ },
  { label: '切片器', part: /^xl\/slicers\// },
  { label: '表单控件', part: /^xl\/ctrlProps\// },
  { label: '形状和文本框', part: /^xl\/drawings\/drawing\d+\.xml$/, contains: /<xdr:sp[\s>]/ },
  { label: '引用其他工作表的下拉列表', part: /^xl\/worksheets\/sheet\d+\.xml$/, contains: /<x14:dataValidations[\s>]/ },
];

/** Labels of what the original holds and the copy will lack, each once, in PROBES order. */
export function lostInCopy(bytes: Uint8Array): string[] {
  const found = new Set<string>();
  const needText = new Map<string, LossProbe[]>();
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        for (const p of PROBES) {
          if (!p.part.test(file.name)) continue;
          if (!p.contains) found.add(p.label);
          else needText.set(file.name, [...(needText.get(file.name) ?? []), p]);
        }
        return needText.has(file.name); // inflate only the parts whose content decides
      },
    });
  } catch {
    return [];
  }
  for (const [name, probes] of needText) {
    const text = strFromU8(parts[name]!);
    for (const p of probes) if (p.contains!.test(text)) found.add(p.label);
  }
  return PROBES.map((p) => p.label).filter((l) => found.has(l));
}
