/**
 * Maps UTF-16 offsets of `s` to code-point indexes (the unit of every index in the `text` module:
 * Google counts characters, not UTF-16 units) as they are visited in increasing order.
 */
export class CodePointCounter {
  private unit = 0;
  private points = 0;

  constructor(private readonly s: string) {}

  /** The code-point index of UTF-16 offset `offset` (offsets must not decrease between calls). */
  at(offset: number): number {
    while (this.unit < offset) {
      const c = this.s.codePointAt(this.unit) as number;
      this.unit += c > 0xffff ? 2 : 1;
      this.points++;
    }
    return this.points;
  }
}
