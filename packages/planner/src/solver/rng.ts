/**
 * Small seeded generator (xorshift32 on a scrambled seed). Only used to drive the search, so the
 * same seed and the same iteration budget give the same plan on every platform.
 */
export class Rng {
  private s: number;

  constructor(seed: number) {
    let s = (Math.floor(seed) ^ 0x5bd1e995) >>> 0;
    s = Math.imul(s ^ (s >>> 16), 0x45d9f3b) >>> 0;
    s = Math.imul(s ^ (s >>> 16), 0x45d9f3b) >>> 0;
    this.s = (s ^ (s >>> 16)) >>> 0 || 0x9e3779b9;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.s = x;
    return x;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}
