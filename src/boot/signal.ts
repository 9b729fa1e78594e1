/**
 * The app's side of the boot guard (src/boot/boot.js, the first script of every page): ask
 * before mounting, say when mounted, report a page opened outside its host. Without the
 * guard (jsdom tests, a page built without it) every call is a no-op and starting is allowed.
 */
import { useEffect } from 'react';

export type BootFailure = 'outside-host' | 'error';

interface BootGuard {
  canStart(): boolean;
  mounted(): void;
  fail(kind: BootFailure, detail?: string): void;
}

function guard(): BootGuard | undefined {
  return typeof window === 'undefined' ? undefined : (window as unknown as { __selfevalBoot?: BootGuard }).__selfevalBoot;
}

/** False when the boot guard has already shown why this engine or page cannot run the app. */
export function bootCanStart(): boolean {
  return guard()?.canStart() ?? true;
}

export function bootFail(kind: BootFailure, detail?: string): void {
  guard()?.fail(kind, detail);
}

/** Rendered once at the top of a page: tells the guard the app is on screen (after React's commit). */
export function BootMounted(): null {
  useEffect(() => guard()?.mounted(), []);
  return null;
}
