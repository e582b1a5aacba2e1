import { parseArgs } from 'node:util';
import { realTime } from '@polku/clock';
import { retriedTransaction } from '@polku/persistence';
import type { ServiceCommandContext } from '@polku/service-runtime';
import { lockPath } from '../path-engine/path.repository';
import {
  listParkedEvents,
  lockUnseenPath,
  parkedEventToDeadLetter,
  type ParkedEvent,
} from './parked-event.repository';

// `node main.js parked-events`, the operator's view of the parked events (docs/runbook.md,
// "Parked events"), run while the service runs:
//   parked-events                                list them, oldest first
//   parked-events --dead-letter --id E [--id E]  give the named ones up as dead letters: kept
//                                                as the record of a discarded event, or
//                                                published again with `redrive --id N`

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The command's arguments. */
export interface ParkedEventsArgs {
  readonly deadLetter: boolean;
  readonly eventIds: readonly string[];
}

export function parseParkedEventsArgs(args: readonly string[]): ParkedEventsArgs {
  const { values } = parseArgs({
    args: [...args],
    options: {
      'dead-letter': { type: 'boolean' },
      id: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const eventIds = values.id ?? [];
  for (const id of eventIds) {
    if (!UUID.test(id)) {
      throw new Error(`--id takes a parked event's id (a UUID), got ${JSON.stringify(id)}`);
    }
  }
  const deadLetter = values['dead-letter'] === true;
  if (deadLetter && eventIds.length === 0) {
    throw new Error('--dead-letter needs the --id of each parked event to give up');
  }
  return { deadLetter, eventIds };
}

/** One line per parked event: ids, type, ages and what it waits for; never its payload. */
export function describeParkedEvent(parked: ParkedEvent, now: Date): string {
  const minutes = Math.floor((now.getTime() - parked.parkedAt.getTime()) / 60_000);
  return `${parked.eventId} ${parked.envelope.type} path ${parked.pathId} parked ${parked.parkedAt.toISOString()} (${minutes} min): ${parked.waitsFor ?? 'waits for an earlier event'}`;
}

export async function parkedEventsCommand(
  args: readonly string[],
  { dataSource, logger }: Pick<ServiceCommandContext, 'dataSource' | 'logger'>,
): Promise<void> {
  const { deadLetter, eventIds } = parseParkedEventsArgs(args);
  if (!deadLetter) {
    const parked = await listParkedEvents(dataSource, eventIds.length > 0 ? eventIds : undefined);
    // Real time, as parked_at is PostgreSQL's now(), even on the demo's simulated clock.
    const now = realTime();
    for (const event of parked) {
      logger.log(describeParkedEvent(event, now));
    }
    logger.log(`${parked.length} parked event(s)`);
    return;
  }
  // Under the locks a retry holds (path-events/parked-event-retry.ts), in its order: a park is
  // either applied by its path or given up here, never both.
  const moved = await retriedTransaction(dataSource, async (em) => {
    let count = 0;
    for (const event of await listParkedEvents(em, eventIds)) {
      await lockPath(em, event.pathId);
      await lockUnseenPath(em, event.pathId);
      const [still] = await listParkedEvents(em, [event.eventId]);
      if (still !== undefined) {
        await parkedEventToDeadLetter(em, still, 'parked too long: given up by an operator');
        count += 1;
      }
    }
    return count;
  });
  logger.log(
    `gave up ${moved} parked event(s) as dead letters; \`redrive --id N\` publishes one again`,
  );
}
