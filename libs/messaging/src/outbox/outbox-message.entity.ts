import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event written in the business transaction, waiting for (or done with) its publish. */
@Entity({ name: 'outbox_message' })
export class OutboxMessage {
  /** The event id (UUIDv7); also the Nats-Msg-Id, so a republish is a duplicate. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  subject!: string;

  /** The whole event envelope. */
  @Column('jsonb')
  payload!: Record<string, unknown>;

  /** W3C trace context (traceparent, tracestate) of the transaction that wrote the event. */
  @Column('jsonb', { default: () => "'{}'::jsonb" })
  headers!: Record<string, string>;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;
}
