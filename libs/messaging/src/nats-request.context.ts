import { BaseRpcContext } from '@nestjs/microservices';
import type { MsgHdrs } from '@nats-io/transport-node';
import type { InternalCaller } from '@polku/auth';

type NatsRequestContextArgs = [
  subject: string,
  headers: MsgHdrs | undefined,
  caller: InternalCaller,
];

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

  /**
   * Who sent the request: the caller of its internal token, which the transport verified
   * before the handler was called (a request without a valid one never reaches a handler).
   */
  getCaller(): InternalCaller {
    return this.args[2];
  }
}
