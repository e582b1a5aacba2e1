import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PathEngine } from '../path-engine/path.engine';
import {
  deleteParkedEvent,
  lockUnseenPath,
  parkedEventsOfPath,
  parkedEventToDeadLetter,
  type ParkedEvent,
} from '../parking/parked-event.repository';
import { arrivedEarly } from './arrival-order';
import { parkableEventOf } from './parkable-events';

/** What one parked event did when fed again. */
type Retried = 'APPLIED' | 'STILL_EARLY' | 'DEAD';

/**
 * Feeds a path's parked events to the machine again once the path absorbed another event, in the
 * same transaction and under the same row lock (PathEngine locks the path's row), so two
 * replicas never apply one parked event twice: the second waits for the lock and finds the park
 * gone. Oldest first; again while an event applied, since one can unblock another (a measure
 * start waits for the intake that waits for the acceptance). Each applied event's park goes; an
 * event still early stays for the next one.
 */
@Injectable()
export class ParkedEventRetry {
  private readonly logger = new Logger(ParkedEventRetry.name);

  constructor(private readonly engine: PathEngine) {}

  /**
   * `created`: the absorbed event created the path, so an event parked meanwhile on a path with
   * no row to lock is waited for (parked-event.repository.ts, lockUnseenPath).
   */
  async retry(
    em: EntityManager,
    { pathId, created }: { readonly pathId: string; readonly created: boolean },
  ): Promise<void> {
    if (created) {
      await lockUnseenPath(em, pathId);
    }
    let progress = true;
    while (progress) {
      progress = false;
      for (const parked of await parkedEventsOfPath(em, pathId)) {
        if ((await this.feedAgain(em, parked)) === 'APPLIED') {
          progress = true;
        }
      }
    }
  }

  private async feedAgain(em: EntityManager, parked: ParkedEvent): Promise<Retried> {
    const kind = parkableEventOf(parked.envelope);
    if (kind === undefined) {
      return this.giveUp(em, parked, `${parked.envelope.type} is no longer a parkable event`);
    }
    const { pathId, input } = kind.pathIdAndInput(parked.envelope as never);
    const outcome = await this.engine.decide(em, {
      pathId,
      input,
      origin: { kind: 'EVENT', envelope: parked.envelope },
    });
    if (outcome.accepted) {
      await deleteParkedEvent(em, parked.eventId);
      return 'APPLIED';
    }
    if (arrivedEarly(outcome.refusal)) {
      return 'STILL_EARLY';
    }
    // A fact the machine now refuses for another reason is a bug or a poison message: it goes to
    // the dead letters, visible and redrivable, instead of holding back the path's other events.
    return this.giveUp(
      em,
      parked,
      `parked ${parked.envelope.type} ${parked.eventId} was not absorbed by path ${pathId} (${outcome.refusal.code}): ${outcome.refusal.message}`,
    );
  }

  private async giveUp(em: EntityManager, parked: ParkedEvent, error: string): Promise<Retried> {
    await parkedEventToDeadLetter(em, parked, error);
    this.logger.error(`parked event ${parked.eventId} dead-lettered: ${error}`);
    return 'DEAD';
  }
}
