import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GatewayConfig } from '@polku/config';
import { DataSource } from 'typeorm';

/** What identifies one command's key: who, which method and route template, which key. */
export interface IdempotencyScope {
  /** `user:<userId>`, or `anonymous` without a principal. */
  readonly scope: string;
  readonly method: string;
  readonly route: string;
  readonly key: string;
}

/** The first answer, replayed to every retry. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
  /** Location and ETag, when the first answer had them. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The right to run the handler for a key; only its holder may complete or release it. */
export interface IdempotencyClaim {
  readonly id: string;
  readonly claimToken: string;
}

export type ClaimOutcome =
  | ({ readonly kind: 'claimed' } & IdempotencyClaim)
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'reused' };

interface RecordRow {
  id: string;
  fingerprint: string;
  state: 'IN_PROGRESS' | 'COMPLETED';
  expired: boolean;
  lease_expired: boolean;
  response_status: number | null;
  response_body: unknown;
  response_headers: Record<string, string>;
}

// Rows deleted per statement when pruning, so one prune never holds many locks at once.
const PRUNE_BATCH = 1_000;
// A claim that loses every race this often is answered "in progress"; the client retries.
const MAX_CLAIM_ATTEMPTS = 3;

/**
 * The gateway's Idempotency-Key records in its own PostgreSQL database. The unique constraint
 * on (scope, method, route, key) decides which of two racing requests runs the handler.
 */
@Injectable()
export class IdempotencyStore {
  /**
   * How long a running request holds its key before a retry may presume it dead (a gateway
   * that crashed mid-request) and take over: well beyond any service call's timeout.
   */
  readonly leaseSeconds: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: GatewayConfig,
  ) {
    this.leaseSeconds = Math.max(60, Math.ceil((3 * config.NATS_REQUEST_TIMEOUT_MS) / 1000));
  }

  /**
   * Inserts the key as IN_PROGRESS, or says what to do instead: replay the stored answer, wait
   * for the request that holds it, or refuse a key reused for another request.
   */
  async claim(scope: IdempotencyScope, fingerprint: string): Promise<ClaimOutcome> {
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt += 1) {
      const claimToken = randomUUID();
      const inserted = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO idempotency_record
           (id, scope, method, route, idempotency_key, fingerprint, state, claim_token,
            locked_until, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'IN_PROGRESS', $7,
            now() + make_interval(secs => $8), now() + make_interval(hours => $9))
         ON CONFLICT ON CONSTRAINT idempotency_record_key_unique DO NOTHING
         RETURNING id`,
        [
          randomUUID(),
          scope.scope,
          scope.method,
          scope.route,
          scope.key,
          fingerprint,
          claimToken,
          this.leaseSeconds,
          this.config.IDEMPOTENCY_TTL_HOURS,
        ],
      );
      if (inserted.length === 1) {
        return { kind: 'claimed', id: inserted[0].id, claimToken };
      }
      const [existing] = await this.dataSource.query<RecordRow[]>(
        `SELECT id, fingerprint, state, response_status, response_body, response_headers,
                expires_at <= now() AS expired,
                coalesce(locked_until <= now(), false) AS lease_expired
           FROM idempotency_record
          WHERE scope = $1 AND method = $2 AND route = $3 AND idempotency_key = $4`,
        [scope.scope, scope.method, scope.route, scope.key],
      );
      if (existing === undefined) {
        // Released or pruned between our insert and select: try again.
        continue;
      }
      if (existing.expired) {
        // Expired but not yet pruned: the key is free again.
        await this.dataSource.query(
          'DELETE FROM idempotency_record WHERE id = $1 AND expires_at <= now()',
          [existing.id],
        );
        continue;
      }
      if (existing.fingerprint !== fingerprint) {
        return { kind: 'reused' };
      }
      if (existing.state === 'COMPLETED') {
        return {
          kind: 'replay',
          response: {
            status: existing.response_status ?? 200,
            body: existing.response_body,
            headers: existing.response_headers,
          },
        };
      }
      if (!existing.lease_expired) {
        return { kind: 'in-progress' };
      }
      // The holder outlived its lease (its gateway died): take the key over.
      const [, taken] = await this.dataSource.query<[unknown[], number]>(
        `UPDATE idempotency_record
            SET claim_token = $2, locked_until = now() + make_interval(secs => $3)
          WHERE id = $1 AND state = 'IN_PROGRESS' AND locked_until <= now()`,
        [existing.id, claimToken, this.leaseSeconds],
      );
      if (taken === 1) {
        return { kind: 'claimed', id: existing.id, claimToken };
      }
    }
    return { kind: 'in-progress' };
  }

  /** Stores the answer to replay. False when the claim was lost (taken over after its lease). */
  async complete(claim: IdempotencyClaim, response: StoredResponse): Promise<boolean> {
    const [, updated] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE idempotency_record
          SET state = 'COMPLETED', locked_until = NULL, response_status = $3,
              response_body = $4::jsonb, response_headers = $5::jsonb
        WHERE id = $1 AND claim_token = $2 AND state = 'IN_PROGRESS'`,
      [
        claim.id,
        claim.claimToken,
        response.status,
        response.body === undefined ? null : JSON.stringify(response.body),
        JSON.stringify(response.headers),
      ],
    );
    return updated === 1;
  }

  /** Forgets a claim whose handler failed, so that a retry runs the handler again. */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_record
        WHERE id = $1 AND claim_token = $2 AND state = 'IN_PROGRESS'`,
      [claim.id, claim.claimToken],
    );
  }

  /** Deletes expired records; returns how many. */
  async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = await this.dataSource.query<[unknown[], number]>(
        `DELETE FROM idempotency_record
          WHERE id IN (SELECT id FROM idempotency_record
                        WHERE expires_at <= now()
                        ORDER BY expires_at
                        LIMIT $1)`,
        [PRUNE_BATCH],
      );
      total += deleted;
      if (deleted < PRUNE_BATCH) {
        return total;
      }
    }
  }
}
