/** The --help text and the --list-rules listing. */
import { RULES } from '../core/rules/registry';
import { ruleSeverity } from '../core/rule';
import { SEVERITY_LABEL } from '../report/severity';
import { PROFILES } from '../core/profile';


/** Every rule with its ID, default severity and what it checks; then the profiles. */
export function renderRuleList(): string {
  const all = RULES;
  const width = Math.max(...all.map((r) => r.id.length));
  const lines = all.map((r) => `${r.id.padEnd(width)}  ${SEVERITY_LABEL[ruleSeverity(r)]}  ${r.description}`);
  const profiles = PROFILES.map((p) => `  ${p.id}：${p.name}`);
  return `核对规则（${all.length} 条）：\n${lines.join('\n')}\n\n规则配置：\n${profiles.join('\n')}\n`;
}
export const USAGE = `用法：selfeval-check [选项] <工作簿或文件夹>...

核对部门整体支出绩效自评工作簿（附件2 基础数据表、附件3 自评表）、项目支出绩效自评表和
部门整体支出绩效评价指标评分表的计算与评分。
接受 .xlsx、.xlsm、.xls 工作簿和 .docx 自评报告（核对其中各表格，并把正文所述数字与表格对照；.doc 请先另存为 .docx）；文件夹会逐层查找其中所有工作簿和报告。原文件只读不改。

选项：
  --format text|json|html  报告格式（默认 text，在终端、管道和 --out 文件中相同；
                           脚本请用 --format json）
  --out FILE               把报告写入 FILE，而不是输出到屏幕
  --annotate DIR           在 DIR 中为每个工作簿写一份标注副本（<名称>.checked.xlsx）：
                           有问题的单元格按严重程度着色并加批注，另附“核对结果”工作表；
                           保留所给文件夹内的子文件夹结构；已有同名文件时不覆盖，
                           改名为 <名称> (2).checked.xlsx 并提示
  --summary FILE.xlsx      写一份汇总表：“核对汇总”每个工作簿一行（单位、年度、总分、等次、填报等次、
                           问题数、状态、标注副本链接），“全部问题”每个问题一行（与 --annotate 同用时
                           可点击打开标注副本中的单元格），“概览”按等次和规则计数
  --profile NAME|FILE.json 指定规则配置（默认按工作簿自动识别）：
                           hunan-dept-overall（默认）；hunan-dept-overall-platform（另加
                           指标偏离扣分、按执行率封顶总分）；mof-project-2020（项目支出）；
                           hunan-dept-scoretable-2013（指标评分表）；或财政局自己写的
                           规则配置文件（格式见 docs/profile.schema.json）
  --print-profile NAME     输出一个内置规则配置（JSON），可作为自写配置的起点
  -q, --quiet              报告中只列出错误（警告和提示照常计数）
  --max-warnings N         警告（已说明的不计）超过 N 条时退出码为 1（与 ESLint 相同）
  --color, --no-color      文本报告是否着色（默认：仅在终端着色；遵循 NO_COLOR、FORCE_COLOR）
  --jobs N                 同时核对的文件数（默认：每个处理器核心一个）
  --timeout 秒             每个文件的核对时限（默认 120 秒），超时的文件跳过并注明
  --max-memory MB          每个核对进程的内存上限（默认按本机内存，最多 2048），超出的文件跳过并注明
  --list-rules             列出全部核对规则及其默认严重程度
  -h, --help               显示本帮助
  -V, --version            显示版本号

写出的每个文件在标准错误输出中各报一行“已写出 …”。输出位置有误（如 --out 指向文件夹、文件夹无法创建或写入）
时，核对前即报错，退出码 2。
退出码：0 没有错误；1 至少有一个错误（或警告超过 --max-warnings）；2 有文件无法读取或未识别出模板
（其余文件照常核对），或输出文件无法写出。
`;
