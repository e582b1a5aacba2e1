import type { DataSource } from 'typeorm';

/** An event a service wrote to its outbox, as the envelope it holds. */
export interface WrittenEvent<T> {
  readonly data: T;
  readonly emitter: { orgId: string; orgRole: string; actorRole: string; actorId: string };
  readonly consentRef?: string;
  readonly legalBasis?: string;
  readonly clientRef: string;
  readonly causationId?: string | null;
}

/** The outbox rows of one subject on a path, oldest first. */
export async function outboxEvents<T = Record<string, unknown>>(
  dataSource: DataSource,
  subject: string,
  pathId: string,
): Promise<WrittenEvent<T>[]> {
  const rows = await dataSource.query<{ payload: WrittenEvent<T> }[]>(
    `SELECT payload FROM outbox_message WHERE subject = $1 AND payload->>'pathId' = $2
      ORDER BY created_at, id`,
    [subject, pathId],
  );
  return rows.map((row) => row.payload);
}
