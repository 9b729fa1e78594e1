/// <reference types="office-js" />
/**
 * `context.sync()` with a time limit, a counter, and the translation of Office.js errors
 * (RichApi.Error: code + message) into HostErrors with a Chinese message.
 */
import { MSG } from '../messages';
import { HostError } from '../types';

/** Counts `context.sync()` round-trips made through the adapter (for tests and the benchmark). */
export class SyncMeter {
  count = 0;
  reset(): void {
    this.count = 0;
  }
}

export const DEFAULT_SYNC_TIMEOUT_MS = 30_000;

export type Sync = () => Promise<void>;

/** A sync function for one context: every call counted and bounded by `timeoutMs`. */
export function timedSync(ctx: Excel.RequestContext, timeoutMs: number, meter?: SyncMeter): Sync {
  return async () => {
    if (meter) meter.count++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new HostError('sync-timeout', MSG.timeout(Math.round(timeoutMs / 1000)), 'Timeout', `context.sync() took longer than ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([ctx.sync(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

interface RichApiLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown };
}

/** Turns anything thrown inside Excel.run into a HostError (HostErrors pass through). */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as RichApiLike;
  const code = typeof err.code === 'string' ? err.code : typeof err.debugInfo?.code === 'string' ? err.debugInfo.code : 'Unknown';
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (code === 'InvalidOperationInCellEditMode') return new HostError('cell-edit-mode', MSG.cellEdit(), code, message);
  return new HostError('host-api', MSG.hostFailed('Excel', code, message), code, message);
}

export function isItemNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as RichApiLike).code === 'ItemNotFound';
}
