import type { Principal } from '@polku/auth';
import type { WrittenEvent } from '@polku/messaging';

/** How long and how much the gateway remembers of each caller's writes. */
export interface OwnWritesStoreOptions {
  /** How long a write is remembered, in ms: longer than any projection should lag. */
  readonly ttlMs: number;
  /** Most writes remembered per caller; the oldest go first. At most MAX_AWAITED_EVENTS. */
  readonly maxPerCaller: number;
  /** Most callers remembered; those who wrote least recently go first. */
  readonly maxCallers: number;
  /**
   * The clock, in ms (tests move it). By default performance.now(): the time to live is a
   * duration, which a jump of the demo's simulated clock must not cut short.
   */
  readonly now?: () => number;
}

/** An event a caller wrote, and who has already consumed it as far as this gateway knows. */
interface RememberedWrite {
  readonly id: string;
  readonly subject: string;
  readonly writtenAt: number;
  /** The gateway itself or a service, once it awaited this event (seen or timed out). */
  readonly settledBy: Set<string>;
}

/** A consumer of events: the gateway's own projection or a service, and what it consumes. */
export interface EventConsumerOfWrites {
  /** `gateway` or a service name. */
  readonly consumer: string;
  readonly subjects: ReadonlySet<string>;
}

/** The caller a write belongs to: the same person in the same organisation, from one issuer. */
function callerKey(principal: Principal): string {
  return JSON.stringify([principal.issuer, principal.userId, principal.orgId]);
}

/**
 * The events each caller wrote in the last minute, so that the caller's next requests wait for
 * them where they are consumed (docs/adr/0015-read-your-own-writes.md). In memory: one gateway
 * process remembers what its own callers wrote; the ADR says what several replicas need.
 * Callers are isolated: one caller never waits for another's writes.
 */
export class OwnWritesStore {
  /** In the order callers last wrote, oldest first, so expiry sweeps from the front. */
  private readonly byCaller = new Map<string, RememberedWrite[]>();
  private readonly now: () => number;

  constructor(private readonly options: OwnWritesStoreOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Remembers what `principal`'s request just wrote. */
  remember(principal: Principal, written: readonly WrittenEvent[]): void {
    if (written.length === 0) {
      return;
    }
    const now = this.now();
    const key = callerKey(principal);
    const writes = this.unexpired(this.byCaller.get(key) ?? [], now);
    for (const { id, subject } of written) {
      writes.push({ id, subject, writtenAt: now, settledBy: new Set() });
    }
    // Re-inserted at the end: this caller is now the one who wrote last.
    this.byCaller.delete(key);
    this.byCaller.set(key, writes.slice(-this.options.maxPerCaller));
    this.sweep(now);
  }

  /**
   * The ids of `principal`'s remembered writes that `of` consumes and has not yet awaited for
   * this caller, oldest first.
   */
  pendingFor(principal: Principal, of: EventConsumerOfWrites): string[] {
    const writes = this.byCaller.get(callerKey(principal));
    if (writes === undefined) {
      return [];
    }
    return this.unexpired(writes, this.now())
      .filter((write) => of.subjects.has(write.subject) && !write.settledBy.has(of.consumer))
      .map((write) => write.id);
  }

  /**
   * `consumer` has awaited `ids` for `principal` (it saw them, or gave up after its bound): the
   * caller's later requests need not make it wait for them again.
   */
  settle(principal: Principal, consumer: string, ids: readonly string[]): void {
    const settled = new Set(ids);
    for (const write of this.byCaller.get(callerKey(principal)) ?? []) {
      if (settled.has(write.id)) {
        write.settledBy.add(consumer);
      }
    }
  }

  /** How many callers have writes remembered (for tests and metrics). */
  get callerCount(): number {
    return this.byCaller.size;
  }

  private unexpired(writes: RememberedWrite[], now: number): RememberedWrite[] {
    return writes.filter((write) => now - write.writtenAt < this.options.ttlMs);
  }

  /** Forgets callers whose last write expired, and the least recent ones above the cap. */
  private sweep(now: number): void {
    for (const [key, writes] of this.byCaller) {
      const newest = writes.at(-1);
      const expired = newest === undefined || now - newest.writtenAt >= this.options.ttlMs;
      if (!expired && this.byCaller.size <= this.options.maxCallers) {
        return;
      }
      this.byCaller.delete(key);
    }
  }
}
