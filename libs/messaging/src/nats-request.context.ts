import { BaseRpcContext } from '@nestjs/microservices';
import type { MsgHdrs } from '@nats-io/transport-node';

type NatsRequestContextArgs = [subject: string, headers: MsgHdrs | undefined];

/** What a @MessagePattern handler can learn about the request besides its body. */
export class NatsRequestContext extends BaseRpcContext<NatsRequestContextArgs> {
  /** The subject the request arrived on, with its namespace. */
  getSubject(): string {
    return this.args[0];
  }

  /** A NATS header of the request, e.g. `polku-request-id`; undefined when absent or empty. */
  getHeader(name: string): string | undefined {
    return this.args[1]?.get(name) || undefined;
  }
}
