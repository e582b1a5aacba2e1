import { Injectable } from '@nestjs/common';
import { finnishDateOf, type FiringTimer, type TimerHandler } from '@polku/timers';
import type { EntityManager } from 'typeorm';
import { PathEngine } from '../path-engine/path.engine';
import { inputFromTimer, PATH_TIMER_KINDS } from '../path';

/**
 * What the path's timers do when they fire, in the poller's transaction: the machine decides on
 * the timer's input (an escalation, a follow-up due or missed, a reminder) and its events commit
 * with the FIRED mark. A timer the path no longer waits for changes nothing. Anything refused or
 * malformed throws, so the timer stays SCHEDULED and shows as failing in the poller's backlog.
 */
@Injectable()
export class PathTimerHandlers {
  constructor(private readonly engine: PathEngine) {}

  /** One handler per kind of the machine's timers. */
  handlers(): Record<string, TimerHandler> {
    return Object.fromEntries(
      Object.values(PATH_TIMER_KINDS).map((kind) => [
        kind,
        (em: EntityManager, timer: FiringTimer) => this.fire(em, timer),
      ]),
    );
  }

  async fire(em: EntityManager, timer: FiringTimer): Promise<void> {
    const { pathId, input } = inputFromTimer(timer, finnishDateOf(timer.firedAt));
    const outcome = await this.engine.decide(em, {
      pathId,
      input,
      origin: { kind: 'TIMER', timerKind: timer.kind },
    });
    if (!outcome.accepted) {
      throw new Error(
        `timer ${timer.key} was refused (${outcome.refusal.code}): ${outcome.refusal.message}`,
      );
    }
  }
}
