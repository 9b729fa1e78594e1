/** Saves bytes or text as a download, from memory: a blob: URL, never a network request. */

export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveBytes(name: string, bytes: ArrayBuffer, type: string): void {
  saveBlob(name, new Blob([bytes], { type }));
}

export function saveText(name: string, text: string, type: string): void {
  saveBlob(name, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** `dir/自评表.xlsx` + `.checked.xlsx` → `自评表.checked.xlsx`. */
export function downloadName(fileName: string, suffix: string): string {
  const base = fileName.split(/[\\/]/).pop() || fileName;
  const dot = base.lastIndexOf('.');
  return `${dot > 0 ? base.slice(0, dot) : base}${suffix}`;
}
