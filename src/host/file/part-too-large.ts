/** A part that inflates past what the scan allows it (see part-inflate.ts). */
export class PartTooLarge extends Error {
  constructor() {
    super('part inflates past its limit');
  }
}
