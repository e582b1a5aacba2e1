import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

export type IdempotencyState = 'IN_PROGRESS' | 'COMPLETED';

/** One command's Idempotency-Key and, once it succeeded, the answer to replay. */
@Entity({ name: 'idempotency_record' })
@Unique('idempotency_record_key_unique', ['scope', 'method', 'route', 'idempotencyKey'])
export class IdempotencyRecord {
  @PrimaryColumn('uuid')
  id!: string;

  /** `user:<userId>` of the principal, or `anonymous` when there is none. */
  @Column('text')
  scope!: string;

  @Column('text')
  method!: string;

  /** The route template, e.g. `/api/v1/referrals/:id/accept`. */
  @Column('text')
  route!: string;

  @Column('text', { name: 'idempotency_key' })
  idempotencyKey!: string;

  /** SHA-256 (hex) of the canonical request: path, query and body. */
  @Column('text')
  fingerprint!: string;

  @Column('text')
  state!: IdempotencyState;

  /** Changes whenever a request takes the record over; only its holder may complete it. */
  @Column('uuid', { name: 'claim_token' })
  claimToken!: string;

  /** While IN_PROGRESS: after this, the holder is presumed dead and a retry may take over. */
  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column('integer', { name: 'response_status', nullable: true })
  responseStatus!: number | null;

  @Column('jsonb', { name: 'response_body', nullable: true })
  responseBody!: unknown;

  /** Location and ETag of the first answer. */
  @Column('jsonb', { name: 'response_headers', default: () => "'{}'::jsonb" })
  responseHeaders!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
