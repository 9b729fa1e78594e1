/** Messages between the CLI's main thread and its check workers (see pool.ts, worker.ts). */
import type { Report } from '../core/report';
import type { Profile } from '../core/profile';

export interface CheckTask {
  readonly id: number;
  readonly path: string;
  /** A shipped profile's ID, or a bureau's profile read from its file (plain data: it crosses to the worker). */
  readonly profile: string | Profile | undefined;
  /** Also make the annotated copy (returned as bytes; the main thread writes it). */
  readonly annotate: boolean;
}

export interface CheckOutcome {
  /** Bounded (report/bounded.ts): it may list fewer findings than it counts. */
  readonly report: Report;
  /** Warnings not explained (已说明), counted on every finding before the report was bounded. */
  readonly pendingWarnings: number;
  /** The annotated copy, when asked for and the file could be read. */
  readonly annotated: Uint8Array | null;
  /** Why no copy was made, in Chinese, when one was asked for. */
  readonly annotateError: string | null;
}

export interface TaskResult extends CheckOutcome {
  readonly id: number;
}
