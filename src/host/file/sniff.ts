/**
 * What the bytes are, whatever the file is called: a zip package (.xlsx/.xlsm), an OLE
 * compound file (.xls, or an encrypted .xlsx), markup (HTML/XML saved as .xls), plain text,
 * or something else. The parser is chosen by content; the extension only has to be one we accept.
 */
import { startsWith } from './bytes';

export type ContentKind = 'zip' | 'cfb' | 'markup' | 'text' | 'binary' | 'empty';

const ZIP_SIGNATURES: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty archive
];
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAMPLE_BYTES = 1024;

/** Files people attach by mistake, recognised by their signature, named in Chinese. */
const OTHER_FORMATS: readonly (readonly [readonly number[], string])[] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF 文档'], // %PDF-
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包'],
  [[0x1f, 0x8b], 'gzip 压缩文件'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF 文档'], // {\rtf
];

/** What a non-workbook file is, when its signature says (a PDF or a picture renamed .xlsx). */
export function otherFormat(bytes: Uint8Array): string | null {
  for (const [signature, label] of OTHER_FORMATS) if (startsWith(bytes, signature)) return label;
  return null;
}

export function sniffContent(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return 'empty';
  if (ZIP_SIGNATURES.some((s) => startsWith(bytes, s))) return 'zip';
  if (startsWith(bytes, CFB_SIGNATURE)) return 'cfb';
  const text = decodeSample(bytes.subarray(0, SAMPLE_BYTES));
  if (text === null) return 'binary';
  return /^\s*</.test(text) ? 'markup' : 'text';
}

/** Decodes the start of a file as text, or returns null when it looks binary. */
function decodeSample(sample: Uint8Array): string | null {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    return new TextDecoder(sample[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(sample.subarray(2));
  }
  const body = startsWith(sample, [0xef, 0xbb, 0xbf]) ? sample.subarray(3) : sample;
  let control = 0;
  for (const b of body) {
    if (b === 0) return null;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > body.length / 20) return null;
  // UTF-8 or a legacy Chinese code page (GBK): both are text; only the first chars matter.
  return new TextDecoder('utf-8').decode(body);
}
