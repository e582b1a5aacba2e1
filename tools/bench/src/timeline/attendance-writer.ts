import { ATTENDANCE_RECORDED_V1, validateEvent } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { eventEnvelopeOf } from '@polku/messaging';
import type { Client } from 'pg';
import type { SeededPath } from './timeline-seed';

/** One event the bench wrote: which path, and when it occurred (ms since the epoch). */
export interface WrittenEvent {
  readonly eventId: string;
  readonly pathId: string;
  readonly occurredAt: number;
}

/** Writes at this granularity: a business transaction of rate × TICK_MS / 1000 events. */
const TICK_MS = 20;

const INSERT_ROWS = `INSERT INTO outbox_message (id, subject, payload, headers)
                     SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::jsonb[])`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * AttendanceRecorded events (data class ATTENDANCE, which the seeded consent lets Työnsilta see)
 * written into activation-plans' own outbox table with the statement its OutboxWriter flushes
 * with, in transactions of TICK_MS worth of events: activation-plans' running relay then
 * publishes them with its own NATS user, exactly as after a business transaction (the business
 * rows themselves are not written). Every envelope is validated against its contract first.
 */
export async function writeAttendance(
  outboxDb: Client,
  paths: readonly SeededPath[],
  options: { readonly count: number; readonly rate: number; readonly firstPath?: number },
): Promise<WrittenEvent[]> {
  const written: WrittenEvent[] = [];
  const startedAt = Date.now();
  let next = 0;
  let pathIndex = options.firstPath ?? 0;
  while (next < options.count) {
    // Everything due by now goes in this transaction (pacing catches up after a slow commit).
    const due =
      options.rate > 0
        ? Math.min(options.count, Math.ceil(((Date.now() - startedAt) * options.rate) / 1000))
        : Math.min(options.count, next + 200);
    if (due <= next) {
      await sleep(TICK_MS);
      continue;
    }
    const rows = { ids: [] as string[], subjects: [] as string[], payloads: [] as string[] };
    const batch: WrittenEvent[] = [];
    const occurredAt = new Date();
    for (; next < due; next += 1) {
      const path = paths[pathIndex % paths.length];
      pathIndex += 1;
      const envelope = eventEnvelopeOf(ATTENDANCE_RECORDED_V1.subject, {
        pathId: path.pathId,
        clientRef: path.clientRef,
        emitter: {
          orgId: DEMO_ORGANISATIONS.tyonsilta.id,
          orgRole: 'PROVIDER',
          actorId: 'demo-user-06',
          actorRole: 'CASEWORKER',
        },
        legalBasis: 'Act on Rehabilitative Work Activity 189/2001',
        occurredAt,
        data: { measureId: path.pathId, date: '2027-01-20', status: 'PRESENT' },
      });
      const validation = validateEvent(ATTENDANCE_RECORDED_V1.subject, envelope);
      if (!validation.ok) {
        throw new Error(`the bench's event breaks its contract: ${validation.errors.join('; ')}`);
      }
      rows.ids.push(envelope.id);
      rows.subjects.push(ATTENDANCE_RECORDED_V1.subject);
      rows.payloads.push(JSON.stringify(envelope));
      batch.push({ eventId: envelope.id, pathId: path.pathId, occurredAt: occurredAt.getTime() });
    }
    await outboxDb.query(INSERT_ROWS, [
      rows.ids,
      rows.subjects,
      rows.payloads,
      rows.ids.map(() => '{}'),
    ]);
    written.push(...batch);
    if (options.rate > 0 && next < options.count) {
      await sleep(TICK_MS);
    }
  }
  return written;
}
