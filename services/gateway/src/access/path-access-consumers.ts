import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { pathAccessSubscriptions } from '@polku/path-access';
import { EventBackbone } from '@polku/service-runtime';

const RETRY_MS = 2_000;

/**
 * Starts the gateway's durable consumers (the path access projection, in batches: see
 * pathAccessSubscriptions) once NATS is reachable.
 * The gateway itself starts without NATS, so this keeps trying in the background; until it
 * succeeds, new paths are unknown to the gateway and answered 404, never shown unchecked.
 */
@Injectable()
export class PathAccessConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PathAccessConsumers.name);
  private stopping = false;
  private retry?: NodeJS.Timeout;
  private starting?: Promise<void>;

  constructor(private readonly backbone: EventBackbone) {}

  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    await this.starting;
  }

  private async start(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.backbone.consumers.start(pathAccessSubscriptions());
        return;
      } catch (error) {
        this.logger.warn(
          `path access consumers not started yet, retrying in ${RETRY_MS} ms: ${String(error)}`,
        );
        await new Promise<void>((resolve) => {
          this.retry = setTimeout(resolve, RETRY_MS);
        });
      }
    }
  }
}
