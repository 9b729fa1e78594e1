/** Messages between the page and its worker(s). Bytes travel as transferred ArrayBuffers. */
import type { Report } from '../core/report';
import type { WorkbookGrid } from '../grid/grid';

export type WorkerRequest =
  /** Read and check one workbook; `wantGrid` also returns the Grid (for the sheet view). */
  | {
      readonly type: 'check';
      readonly id: number;
      readonly name: string;
      readonly bytes: ArrayBuffer;
      readonly wantGrid: boolean;
      /** A bureau's profile file loaded in the page (its text, parsed again in the worker). */
      readonly profile: ProfileSource | null;
    }
  /** The annotated copy of one workbook (same as the CLI's --annotate). */
  | { readonly type: 'annotate'; readonly id: number; readonly bytes: ArrayBuffer; readonly report: Report }
  /** The batch summary workbook (same as the CLI's --summary). */
  | { readonly type: 'summary'; readonly id: number; readonly reports: readonly Report[] }
  /** The HTML report (same rendering as the CLI's --format html). */
  | { readonly type: 'html'; readonly id: number; readonly reports: readonly Report[] };

export interface ProfileSource {
  readonly fileName: string;
  readonly text: string;
}

export type WorkerResponse =
  | { readonly type: 'checked'; readonly id: number; readonly report: Report; readonly grid: WorkbookGrid | null; readonly ms: number }
  | { readonly type: 'bytes'; readonly id: number; readonly bytes: ArrayBuffer }
  | { readonly type: 'text'; readonly id: number; readonly text: string }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** Distributive Omit: keeps each variant's own fields. */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
