import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A weighted choice: `weight` is relative, any non-negative number. */
export type Weighted<T> = readonly (readonly [T, number])[];

/**
 * Every random choice of the generator, from one seed: the same seed, client count and day give
 * the same clients, paths and dates. Each client draws from its own stream (`forClient`), so a
 * client's path does not change when another persona's script draws more or fewer numbers.
 */
export class SeededRandom {
  private constructor(private readonly rng: RandomGenerator) {}

  static of(seed: number): SeededRandom {
    return new SeededRandom(xoroshiro128plus(seed | 0));
  }

  /** The stream of one client (or one purpose): a seed mixed from the run's seed and the number. */
  static forClient(seed: number, client: number): SeededRandom {
    // An integer hash (Murmur3's finaliser) so neighbouring numbers get unrelated streams.
    let mixed = (seed ^ Math.imul(client + 1, 0x9e3779b1)) | 0;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return SeededRandom.of(mixed ^ (mixed >>> 16));
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A number in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) {
      throw new Error('pick from an empty list');
    }
    return values[this.int(0, values.length - 1)];
  }

  weighted<T>(entries: Weighted<T>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.float() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) {
        return value;
      }
    }
    return entries[entries.length - 1][0];
  }
}
