/**
 * An OLE compound file (CFB) is either a legacy .xls (a `Workbook`/`Book` stream) or an
 * encrypted OOXML package: Office wraps a password-protected .xlsx in a CFB holding
 * `EncryptionInfo` and `EncryptedPackage` streams (MS-OFFCRYPTO).
 */
import { sheetjs } from './sheetjs';

export type OleContent = 'encrypted-package' | 'xls' | 'other' | 'corrupt';

interface CfbEntry {
  readonly name: string;
}
interface CfbContainer {
  readonly FileIndex: readonly CfbEntry[];
}

export function inspectOleContainer(bytes: Uint8Array): OleContent {
  let container: CfbContainer;
  try {
    container = (sheetjs().CFB as { read(data: Uint8Array, opts: { type: 'array' }): CfbContainer }).read(bytes, { type: 'array' });
  } catch {
    return 'corrupt';
  }
  const names = new Set(container.FileIndex.map((e) => e.name.toLowerCase()));
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) return 'encrypted-package';
  if (names.has('workbook') || names.has('book')) return 'xls';
  return 'other';
}
