import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import { type NatsConnectionConfig, natsLinkOptionsFor } from '@polku/bus-permissions';
import {
  NatsLink,
  NatsTransportClient,
  RemoteServiceError,
  signedRequest,
  type RemoteErrorBody,
  type ReplyConsistency,
} from '@polku/messaging';
import { lastValueFrom } from 'rxjs';
import { developmentTokenSigner } from './internal-token';

/** Sends commands to a service under test the way the gateway does. */
export interface ServiceCommandClient {
  /** Sends a command with the principal's internal token (development key) and answers the reply. */
  ask<T>(subject: string, principal: Principal, data: unknown): Promise<T>;
  /** Sends a command that must fail and answers the service's error body. */
  askError(subject: string, principal: Principal, data: unknown): Promise<RemoteErrorBody>;
  /**
   * Sends a command whose token names events to await (read your own writes, ADR 0015) and
   * answers the reply whole: the answer or the error body, and what the reply says about
   * consistency (`written`, `awaited`).
   */
  askConsistently<T>(
    subject: string,
    principal: Principal,
    data: unknown,
    options?: { readonly awaitEvents?: readonly string[] },
  ): Promise<ConsistentReply<T>>;
  close(): Promise<void>;
}

/** A reply with its consistency members. */
export interface ConsistentReply<T> {
  readonly answer?: T;
  readonly error?: RemoteErrorBody;
  readonly consistency: ReplyConsistency;
}

/** Connects a command client to the NATS server and namespace of a service's config. */
export async function connectServiceCommandClient(
  config: NatsConnectionConfig & { readonly NATS_NAMESPACE: string },
): Promise<ServiceCommandClient> {
  // As the gateway's NATS user: only the gateway may send requests (docs/security.md).
  const link = new NatsLink(natsLinkOptionsFor(config, 'gateway', 'polku-test-gateway'));
  await link.connect();
  const client = new NatsTransportClient({
    link,
    namespace: config.NATS_NAMESPACE,
    defaultTimeoutMs: 10_000,
  });
  const signer = developmentTokenSigner();
  const ask = async <T>(subject: string, principal: Principal, data: unknown) =>
    lastValueFrom(
      client.send<T>(
        subject,
        await signedRequest(signer, { kind: 'user', principal, requestId: randomUUID() }, data),
      ),
    );
  return {
    ask,
    async askError(subject, principal, data) {
      try {
        const answer = await ask<unknown>(subject, principal, data);
        throw new Error(`expected ${subject} to fail, it answered ${JSON.stringify(answer)}`);
      } catch (error) {
        if (error instanceof RemoteServiceError) {
          return error.body;
        }
        throw error;
      }
    },
    async askConsistently<T>(
      subject: string,
      principal: Principal,
      data: unknown,
      options: { readonly awaitEvents?: readonly string[] } = {},
    ): Promise<ConsistentReply<T>> {
      let consistency: ReplyConsistency = {};
      const request = await signedRequest(
        signer,
        { kind: 'user', principal, requestId: randomUUID() },
        data,
        {
          ...(options.awaitEvents === undefined ? {} : { awaitEvents: options.awaitEvents }),
          onConsistency: (reply) => {
            consistency = reply;
          },
        },
      );
      try {
        return { answer: await lastValueFrom(client.send<T>(subject, request)), consistency };
      } catch (error) {
        if (error instanceof RemoteServiceError) {
          return { error: error.body, consistency };
        }
        throw error;
      }
    },
    close: () => link.close(),
  };
}
