import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { IdempotencyStore } from './idempotency.store';

/** How often expired Idempotency-Key records are deleted. */
export const IDEMPOTENCY_PRUNE_INTERVAL_MS = 15 * 60_000;

/**
 * Deletes expired Idempotency-Key records at start and then periodically. Replicas may prune at
 * the same time: deleting an already deleted row is harmless. Lookups ignore expired rows
 * whether or not they are pruned yet, so pruning only bounds the table's size.
 */
@Injectable()
export class IdempotencyPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyPruner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly store: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    this.pruneInBackground();
    this.timer = setInterval(() => this.pruneInBackground(), IDEMPOTENCY_PRUNE_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    // Let a prune in flight finish before the database pool closes.
    await this.running;
  }

  private pruneInBackground(): void {
    if (this.running) {
      return;
    }
    this.running = this.store
      .prune()
      .then((deleted) => {
        if (deleted > 0) {
          this.logger.log(`pruned ${deleted} expired idempotency records`);
        }
      })
      .catch((error: unknown) => {
        this.logger.warn(`could not prune idempotency records yet: ${String(error)}`);
      })
      .finally(() => {
        this.running = undefined;
      });
  }
}
