import { BaseRpcContext } from '@nestjs/microservices';
import type { MsgHdrs } from '@nats-io/transport-node';

type NatsRequestContextArgs = [subject: string, headers: MsgHdrs | undefined];

/** What a @MessagePattern handler can learn about the request besides its body. */
export class NatsRequestContext extends BaseRpcContext<NatsRequestContextArgs> {
  getSubject(): string {
    return this.args[0];
  }

  getHeader(name: string): string | undefined {
    return this.args[1]?.get(name) || undefined;
  }
}
