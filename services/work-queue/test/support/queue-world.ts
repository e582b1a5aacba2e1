import { randomUUID } from 'node:crypto';
import type { Principal, UserRole } from '@polku/auth';
import type { EventSubject, OrgRole } from '@polku/contracts';
import { newOutboxEvent, type OutboxEventOverrides } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import type { SubjectEvent } from './work-queue-service';

/** An organisation's people: two caseworkers, a team lead and a manager. */
export interface TestOrg {
  readonly orgId: string;
  readonly orgRole: Principal['orgRole'];
  readonly worker: Principal;
  readonly otherWorker: Principal;
  readonly lead: Principal;
  readonly manager: Principal;
}

function person(orgId: string, orgRole: Principal['orgRole'], role: UserRole): Principal {
  return {
    userId: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}`,
    orgId,
    orgRole,
    roles: [role],
    issuer: 'polku-test',
  };
}

/** A fresh organisation with its people. */
export function testOrg(orgRole: Principal['orgRole'] = 'PROVIDER'): TestOrg {
  const orgId = randomUUID();
  return {
    orgId,
    orgRole,
    worker: person(orgId, orgRole, 'CASEWORKER'),
    otherWorker: person(orgId, orgRole, 'CASEWORKER'),
    lead: person(orgId, orgRole, 'TEAM_LEAD'),
    manager: person(orgId, orgRole, 'MANAGER'),
  };
}

/** Builds the events of one path, a minute apart from `start`, emitted by `emitter`'s org. */
export class TestPath {
  readonly pathId = randomUUID();
  readonly clientRef = `client-${randomUUID()}`;
  private clock: number;

  constructor(
    readonly emitter: TestOrg,
    start: Date = new Date(Date.now() - 86_400_000),
  ) {
    this.clock = start.getTime();
  }

  /** The next event of the path (not published). */
  event<S extends EventSubject>(
    subject: S,
    data: OutboxEventOverrides<S>['data'] = {},
    by: TestOrg = this.emitter,
  ): SubjectEvent {
    this.clock += 60_000;
    const sample = newOutboxEvent(subject, { data } as OutboxEventOverrides<S>);
    const event = {
      ...sample,
      pathId: this.pathId,
      clientRef: this.clientRef,
      correlationId: this.pathId,
      // A timer's event keeps its system emitter: only a system process may emit it.
      emitter:
        sample.emitter.actorRole === 'SYSTEM'
          ? sample.emitter
          : {
              orgId: by.orgId,
              orgRole: by.orgRole as OrgRole,
              actorId: by.worker.userId,
              actorRole: 'CASEWORKER' as const,
            },
      occurredAt: new Date(this.clock),
    };
    return { subject, event };
  }

  /** NextStepSet: the path's state, owner, worker and next step at `version`. */
  step(
    version: number,
    owner: TestOrg,
    nextStep: string | undefined,
    dueDate: string | undefined,
    more: { state?: string; level?: string; worker?: Principal } = {},
  ): SubjectEvent {
    const ended = nextStep === undefined;
    return this.event('polku.transitions.path.next-step-set.v1', {
      state: (more.state ?? (ended ? 'CLOSED' : 'IN_MEASURE')) as never,
      pathVersion: version,
      accountableOrgId: ended ? undefined : owner.orgId,
      workerId: ended ? undefined : (more.worker ?? owner.worker).userId,
      nextStep: nextStep as never,
      dueDate,
      level: more.level as never,
    });
  }
}

/**
 * A date `days` from today in Finland, YYYY-MM-DD: negative for the past. Today is Helsinki's,
 * as the queue measures "overdue" (src/queue/queue-rules.ts): the UTC date is a day behind it
 * from 22:00 (21:00 in summer) to midnight UTC, when a step due today was already overdue.
 */
export function daysFromNow(days: number): string {
  return addCalendarDays(finnishDateOf(new Date()), days);
}
