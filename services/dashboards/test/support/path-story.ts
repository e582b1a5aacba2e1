import { POLKU_SYSTEM_ORG_ID } from '@polku/auth';
import type { EventEnvelope, EventPayloads, EventSubject } from '@polku/contracts';
import { newEvent, type EventOverrides } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import type { DashboardFactRow, FactKind } from '../../src/projection/facts/fact-row';
import { factsOf } from '../../src/projection/facts/facts-of';
import { foldPath } from '../../src/projection/fold/fold-path';
import type { PathHistory } from '../../src/projection/fold/path-history';
import { storedEventsOf, type StoredEvent } from '../../src/projection/stored/stored-event';

/** The organisations of the unit tests' paths. */
export const ORGS = {
  authority: randomUUID(),
  provider: randomUUID(),
  social: randomUUID(),
  nextProvider: randomUUID(),
  kela: randomUUID(),
} as const;

/** Who emits an event: a caseworker of an organisation, or a system process. */
export type Emitter = string | 'SYSTEM';

const emitterOf = (by: Emitter): EventEnvelope['emitter'] =>
  by === 'SYSTEM'
    ? {
        orgId: POLKU_SYSTEM_ORG_ID,
        orgRole: 'SYSTEM',
        actorId: 'transitions:timer',
        actorRole: 'SYSTEM',
      }
    : { orgId: by, orgRole: 'PROVIDER', actorId: 'worker-1', actorRole: 'CASEWORKER' };

/**
 * The events of one path as the dashboards keep them, built from the contracts' valid samples
 * through storedEventsOf, one minute apart unless moved to a day with `on`. Its history and
 * facts are the projection's pure functions of them.
 */
export class PathStory {
  readonly pathId: string;
  /** Every row written, marker rows on other paths included. */
  readonly stored: StoredEvent[] = [];
  private clock: number;

  constructor(start = '2026-01-05', pathId: string = randomUUID()) {
    this.pathId = pathId;
    this.clock = Date.parse(`${start}T08:00:00.000Z`);
  }

  /** The next events happen on this day (10:00 in Helsinki in winter, 11:00 in summer). */
  on(day: string, minute = 0): this {
    this.clock = Date.parse(`${day}T08:00:00.000Z`) + minute * 60_000;
    return this;
  }

  /** An event of the path, at the story's clock, by a caseworker of `by` or a system process. */
  add<S extends EventSubject>(
    subject: S,
    data: EventOverrides<S>['data'] = {},
    by: Emitter = ORGS.provider,
  ): EventEnvelope<EventPayloads[S]> {
    const envelope = newEvent(subject, {
      pathId: this.pathId,
      occurredAt: new Date(this.clock).toISOString(),
      emitter: emitterOf(by),
      data,
    } as EventOverrides<S>);
    this.clock += 60_000;
    this.stored.push(...storedEventsOf(envelope));
    return envelope;
  }

  /** NextStepSet at `version`: the path's state, accountable organisation and next step. */
  step(
    version: number,
    state: string,
    more: { orgId?: string; nextStep?: string; dueDate?: string; level?: string } = {},
  ): this {
    const ended = state === 'CLOSED' || state === 'REENTERED';
    this.add(
      'polku.transitions.path.next-step-set.v1',
      {
        state: state as never,
        pathVersion: version,
        accountableOrgId: ended ? undefined : (more.orgId ?? ORGS.provider),
        workerId: ended ? undefined : 'worker-1',
        nextStep: ended ? undefined : ((more.nextStep ?? 'AGREE_PLAN') as never),
        dueDate: ended ? undefined : (more.dueDate ?? '2026-12-31'),
        level: more.level as never,
      },
      'SYSTEM',
    );
    return this;
  }

  /** The path's own rows. */
  events(): StoredEvent[] {
    return this.stored.filter((event) => event.pathId === this.pathId);
  }

  history(events: readonly StoredEvent[] = this.events()): PathHistory {
    return foldPath(this.pathId, events);
  }

  /** The path's facts, of one kind when asked. */
  facts(kind?: FactKind, events?: readonly StoredEvent[]): DashboardFactRow[] {
    const facts = factsOf(this.history(events));
    return kind === undefined ? facts : facts.filter((fact) => fact.kind === kind);
  }
}
