/**
 * The scan's Node inflater (src/host/file/part-inflate.ts): zlib may never yield more than the
 * scan allows a part, so a bomb costs at most that much memory; damage is told apart from size.
 */
import { deflateRawSync } from 'zlib';
import { partInflater } from '../../src/host/file/part-inflate';
import { PartTooLarge } from '../../src/host/file/part-too-large';

function inflate(compressed: Uint8Array, max: number): { err: unknown; data: Uint8Array | null } {
  const Decoder = partInflater(() => max);
  const d = new Decoder('xl/worksheets/sheet1.xml');
  let got: { err: unknown; data: Uint8Array | null } = { err: 'never called', data: null };
  d.ondata = (err, data) => void (got = { err, data });
  // As fflate's Unzip pushes: several chunks, the last one final.
  const half = Math.floor(compressed.length / 2);
  d.push(compressed.subarray(0, half), false);
  d.push(compressed.subarray(half), true);
  return got;
}

describe('partInflater (Node zlib)', () => {
  const text = Buffer.from('<c r="A1"><v>1</v></c>'.repeat(50_000)); // 1.1 MB that deflates to a few KB
  const compressed = deflateRawSync(text);

  it('yields the part when it stays within what is allowed', () => {
    const { err, data } = inflate(compressed, text.length + 1);
    expect(err).toBeNull();
    expect(Buffer.from(data!).equals(text)).toBe(true);
  });

  it('stops a part that inflates past its allowance instead of inflating it whole', () => {
    const { err } = inflate(compressed, 64 * 1024);
    expect(err).toBeInstanceOf(PartTooLarge);
  });

  it('reports damaged compressed data as an error that is not a size problem', () => {
    const damaged = Uint8Array.from(compressed);
    damaged.fill(0xff, 10, 40);
    const { err } = inflate(damaged, text.length + 1);
    expect((err as { code?: string } | null)?.code).toBe('Z_DATA_ERROR'); // zlib's own error, passed on
    expect(err).not.toBeInstanceOf(PartTooLarge);
  });
});
