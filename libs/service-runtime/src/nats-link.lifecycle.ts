import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NatsLink } from '@polku/messaging';

/** Closes the process's NATS link when Nest shuts down, whichever transport used it. */
@Injectable()
export class NatsLinkLifecycle implements OnApplicationShutdown {
  constructor(private readonly link: NatsLink) {}

  async onApplicationShutdown(): Promise<void> {
    await this.link.close();
  }
}
