/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same event set on every
 * machine, so a failing property run can be replayed from the seed it printed.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the keys, each with its weight (weights need not sum to 1). */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) {
        return key;
      }
    }
    return entries[entries.length - 1][0];
  }

  /** Up to `max` distinct items, in their original order. */
  some<T>(items: readonly T[], max: number): T[] {
    const count = this.int(0, Math.min(max, items.length));
    const chosen = new Set<number>();
    while (chosen.size < count) {
      chosen.add(this.int(0, items.length - 1));
    }
    return items.filter((_, index) => chosen.has(index));
  }

  /** A random (version 4) UUID from this source. */
  uuid(): string {
    return formatUuid(this.hex(32), '4');
  }

  /**
   * A version 7 UUID for an instant, as event ids are (time-ordered; the envelope requires v7),
   * with the random part from this source.
   */
  uuidV7(instant: Date): string {
    const time = instant.getTime().toString(16).padStart(12, '0').slice(-12);
    return formatUuid(time + this.hex(20), '7');
  }

  /** Lower-case letters only: a pseudonymous reference no identity-code check can mistake. */
  letters(length: number): string {
    let text = '';
    for (let i = 0; i < length; i += 1) {
      text += String.fromCharCode(97 + this.int(0, 25));
    }
    return text;
  }

  private hex(length: number): string {
    let text = '';
    for (let i = 0; i < length; i += 1) {
      text += this.int(0, 15).toString(16);
    }
    return text;
  }
}

/** 32 hex digits as a UUID of the version, with the RFC 9562 variant bits. */
function formatUuid(hex: string, version: string): string {
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    version + hex.slice(13, 16),
    variant + hex.slice(17, 20),
    hex.slice(20, 32),
  ].join('-');
}
