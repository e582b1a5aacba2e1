import type { InternalCaller, InternalTokenSigner } from '@polku/auth';
import { NatsRequestRecord, type NatsRequestOptions } from './nats-transport.client';
import { REQUEST_HEADERS } from './request-reply.protocol';

/**
 * A request on behalf of `caller`: its internal token and the request id the token names, in
 * the headers every service checks before any handler runs. The only way polku sends requests.
 */
export async function signedRequest<T>(
  signer: Pick<InternalTokenSigner, 'sign'>,
  caller: InternalCaller,
  data: T,
  options: NatsRequestOptions = {},
): Promise<NatsRequestRecord<T>> {
  const token = await signer.sign(caller);
  return new NatsRequestRecord(data, {
    ...options,
    headers: {
      ...options.headers,
      [REQUEST_HEADERS.requestId]: caller.requestId,
      [REQUEST_HEADERS.internalToken]: token,
    },
  });
}
