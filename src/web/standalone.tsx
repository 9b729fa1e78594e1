/**
 * The single-file page's entry (dist/standalone.html): the same page, its worker carried inside
 * it as text and started from a Blob URL, so it runs from file:// (a double-click on a PC with
 * no server), where new Worker('worker.js') is refused, and nothing is ever fetched.
 */
import workerSource from 'selfeval-inline-worker';
import { mountWebApp } from './mount';
import { WorkerPool, defaultPoolSize } from './pool';

let workerUrl: string | null = null;

function blobWorker(): Worker {
  if (!workerUrl) {
    // The bundle's source-map comment would point at a worker.js.map that does not travel with the file.
    const source = workerSource.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
    workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  }
  return new Worker(workerUrl, { name: 'selfeval-check' });
}

mountWebApp(() => new WorkerPool(blobWorker, defaultPoolSize()));
