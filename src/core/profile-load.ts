/**
 * A bureau's profile file as text → a Profile, or one Chinese message naming the file and
 * every mistake in it (invalid JSON, keys, values). Pure: the doors read the file.
 */
import type { Profile } from './profile';
import { profileContext } from './profile';
import { parseProfileJson } from './profile-file';
import { RULES } from './rules/registry';

/** Rule IDs and `ruleId/messageId` keys a profile's severity may name. */
export function severityKeys(): ReadonlySet<string> {
  return new Set(RULES.flatMap((r) => [r.id, ...Object.keys(r.messages).map((m) => `${r.id}/${m}`)]));
}

export type ProfileLoad = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly message: string };

export function loadProfileText(text: string, fileName: string): ProfileLoad {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: `规则配置文件“${fileName}”不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` };
  }
  const r = parseProfileJson(json, profileContext(severityKeys()));
  if (r.ok) return r;
  const list = r.errors.map((e, i) => `  ${i + 1}. ${e}`).join('\n');
  return { ok: false, message: `规则配置文件“${fileName}”有 ${r.errors.length} 处错误（格式见 docs/profile.schema.json）：\n${list}` };
}
