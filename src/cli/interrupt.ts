/**
 * Ctrl+C (SIGINT) and SIGTERM in the middle of a batch: the temporary files beside the outputs
 * (write-output.ts) and the names reserved for annotated copies not yet written
 * (annotated-names.ts) are removed, then the command ends by the same signal, as a shell
 * expects (status 130 for SIGINT, 143 for SIGTERM). Copies already written stay: they are
 * complete. Everything here is synchronous, so nothing is left half-done when the process ends.
 */
import { unlinkSync } from 'fs';

const pending = new Set<string>();
let installed = false;

/** Remove `path` if the run is interrupted before `release(path)`. */
export function removeOnInterrupt(path: string): void {
  pending.add(path);
}

export function release(path: string): void {
  pending.delete(path);
}

/** Removes every pending path now (also at the normal end of a run, for reservations never filled). */
export function removePending(): void {
  for (const p of pending) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** Installs the handlers once per process (the command's main only: tests call run() directly). */
export function cleanUpOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removePending();
      // Ended by the signal itself (the default action, now that our handler is gone).
      process.kill(process.pid, signal);
    });
  }
}
