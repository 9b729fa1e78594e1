/// <reference types="office-js" />
/**
 * The default snapshot store in Excel: the document's add-in settings
 * (`Office.context.document.settings`), saved with `saveAsync` so that a reloaded pane — and
 * the workbook once saved — still knows which cells we painted and what they looked like.
 */
import type { SnapshotStore } from '../types';

export class OfficeSettingsStore implements SnapshotStore {
  private settings(): Office.Settings {
    return Office.context.document.settings;
  }
  get(key: string): Promise<string | null> {
    const v: unknown = this.settings().get(key);
    return Promise.resolve(typeof v === 'string' ? v : null);
  }
  set(key: string, value: string): Promise<void> {
    this.settings().set(key, value);
    return this.save();
  }
  remove(key: string): Promise<void> {
    this.settings().remove(key);
    return this.save();
  }
  private save(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.settings().saveAsync((r) => {
        if (r.status === Office.AsyncResultStatus.Failed) reject(new Error(String(r.error?.message ?? 'settings.saveAsync failed')));
        else resolve();
      });
    });
  }
}
