/**
 * A bureau's profile file (the format of `--profile FILE.json`, docs/profile.schema.json) loaded
 * in the page or a pane: read, checked with the CLI's own reader (core/profile-load: the same
 * Chinese message naming each wrong key), and, in the panes, remembered in localStorage so the
 * next session checks with it too.
 */
import { useCallback, useState } from 'react';
import type { Profile } from '../core/profile';
import { loadProfileText } from '../core/profile-load';

/** The file as loaded: its name, its text (the page's workers parse it again) and the profile. */
export interface LoadedProfile {
  readonly fileName: string;
  readonly text: string;
  readonly profile: Profile;
}

export interface ProfileFileState {
  readonly loaded: LoadedProfile | null;
  /** Why the last file was refused (the CLI's message), or null. */
  readonly error: string | null;
}

export interface ProfileFileActions {
  load(file: File): void;
  /** Back to the profile detected from the form. */
  reset(): void;
}

function readText(file: File): Promise<string> {
  // FileReader, not Blob.text(): Chromium 65 (WPS) has no Blob.text.
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsText(file, 'utf-8');
  });
}

function stored(key: string | undefined): ProfileFileState {
  const raw = key ? globalThis.localStorage?.getItem(key) : null;
  if (!raw) return { loaded: null, error: null };
  try {
    const { fileName, text } = JSON.parse(raw) as { fileName: string; text: string };
    const r = loadProfileText(text, fileName);
    if (r.ok) return { loaded: { fileName, text, profile: r.profile }, error: null };
    // A file remembered from an older version that this one refuses: said, and forgotten.
    globalThis.localStorage?.removeItem(key!);
    return { loaded: null, error: r.message };
  } catch {
    globalThis.localStorage?.removeItem(key!);
    return { loaded: null, error: null };
  }
}

export function useProfileFile(storageKey?: string): [ProfileFileState, ProfileFileActions] {
  const [state, setState] = useState<ProfileFileState>(() => stored(storageKey));

  const load = useCallback(
    (file: File) => {
      void readText(file).then(
        (text) => {
          const r = loadProfileText(text, file.name);
          if (!r.ok) {
            // The profile in use stays in use; the message says why the new one was refused.
            setState((s) => ({ ...s, error: r.message }));
            return;
          }
          if (storageKey) globalThis.localStorage?.setItem(storageKey, JSON.stringify({ fileName: file.name, text }));
          setState({ loaded: { fileName: file.name, text, profile: r.profile }, error: null });
        },
        () => setState((s) => ({ ...s, error: `无法读取规则配置文件“${file.name}”` })),
      );
    },
    [storageKey],
  );

  const reset = useCallback(() => {
    if (storageKey) globalThis.localStorage?.removeItem(storageKey);
    setState({ loaded: null, error: null });
  }, [storageKey]);

  return [state, { load, reset }];
}
