import type { InternalCaller, InternalRequestConditions, InternalTokenSigner } from '@polku/auth';
import { NatsRequestRecord, type NatsRequestOptions } from './nats-transport.client';
import { REQUEST_HEADERS } from './request-reply.protocol';

/**
 * A request on behalf of `caller`: its internal token and the request id the token names, in
 * the headers every service checks before any handler runs. The only way polku sends requests.
 * `options.awaitEvents` go into the signed token: the caller's recent writes the service must
 * have consumed before it runs the request (docs/adr/0015-read-your-own-writes.md).
 */
export async function signedRequest<T>(
  signer: Pick<InternalTokenSigner, 'sign'>,
  caller: InternalCaller,
  data: T,
  options: NatsRequestOptions & InternalRequestConditions = {},
): Promise<NatsRequestRecord<T>> {
  const { awaitEvents, ...requestOptions } = options;
  const token = await signer.sign(
    caller,
    awaitEvents === undefined || awaitEvents.length === 0 ? {} : { awaitEvents },
  );
  return new NatsRequestRecord(data, {
    ...requestOptions,
    headers: {
      ...requestOptions.headers,
      [REQUEST_HEADERS.requestId]: caller.requestId,
      [REQUEST_HEADERS.internalToken]: token,
    },
  });
}
