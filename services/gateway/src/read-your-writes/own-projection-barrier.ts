import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';
import { GatewayConfig } from '@polku/config';
import { awaitProcessedEvents } from '@polku/messaging';
import { EventBackbone } from '@polku/service-runtime';
import { OwnWritesStore } from './own-writes.store';

const GATEWAY_CONSUMES = {
  consumer: 'gateway',
  subjects: new Set(CONSUMED_EVENT_SUBJECTS.gateway),
};

/**
 * Makes the gateway's own access projection show a caller what the caller just wrote: before
 * the gateway decides access for a caller, it waits until its consumers have processed the
 * caller's remembered events that they consume (docs/adr/0015-read-your-own-writes.md).
 */
@Injectable()
export class OwnProjectionBarrier {
  private readonly logger = new Logger(OwnProjectionBarrier.name);

  constructor(
    private readonly ownWrites: OwnWritesStore,
    private readonly backbone: EventBackbone,
    private readonly config: GatewayConfig,
  ) {}

  /** Returns at once when the caller wrote nothing the gateway consumes, or it is consumed. */
  async awaitOwnWrites(principal: Principal): Promise<void> {
    const ids = this.ownWrites.pendingFor(principal, GATEWAY_CONSUMES);
    if (ids.length === 0) {
      return;
    }
    const started = performance.now();
    const outcome = await awaitProcessedEvents({
      ids,
      processedAmong: (missing) => this.backbone.consumers.processedAmong(missing),
      timeoutMs: this.config.READ_YOUR_WRITES_WAIT_MS,
    });
    // Either way once: after a timeout the caller's next requests do not wait again.
    this.ownWrites.settle(principal, GATEWAY_CONSUMES.consumer, ids);
    if (outcome === 'timed-out') {
      this.logger.warn(
        `${ids.length} event(s) the caller wrote were not in the gateway's projection after ` +
          `${Math.round(performance.now() - started)} ms; deciding access anyway (READ_YOUR_WRITES_WAIT_MS)`,
      );
    }
  }
}
