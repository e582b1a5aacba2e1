import type { EventSubject, OrgRole } from '@polku/contracts';
import { eventEnvelopeOf } from '@polku/messaging';
import { newOutboxEvent, type OutboxEventOverrides } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import type { SealedEvent } from '@polku/testing';

/** An organisation of the integration tests, in its role. */
export interface TestOrg {
  readonly orgId: string;
  readonly orgRole: OrgRole;
}

/** A fresh organisation. */
export function testOrg(orgRole: OrgRole): TestOrg {
  return { orgId: randomUUID(), orgRole };
}

/**
 * Builds the sealed events of one path as their owners publish them: valid samples of the
 * contracts with the test's fields, a caseworker of the acting organisation as emitter (a
 * timer's event keeps its system emitter), a minute apart from 08:00 UTC of the day given.
 */
export class TestPath {
  readonly pathId = randomUUID();
  readonly clientRef = `client-${randomUUID()}`;
  private clock = 0;

  /** The next events happen on this day. */
  on(day: string): this {
    this.clock = Date.parse(`${day}T08:00:00.000Z`);
    return this;
  }

  event<S extends EventSubject>(
    subject: S,
    by: TestOrg,
    data: OutboxEventOverrides<S>['data'] = {},
  ): SealedEvent {
    this.clock += 60_000;
    const sample = newOutboxEvent(subject, { data } as OutboxEventOverrides<S>);
    const emitter =
      sample.emitter.actorRole === 'SYSTEM'
        ? sample.emitter
        : {
            orgId: by.orgId,
            orgRole: by.orgRole,
            actorId: 'worker-1',
            actorRole: 'CASEWORKER' as const,
          };
    const envelope = eventEnvelopeOf(subject, {
      ...sample,
      pathId: this.pathId,
      clientRef: this.clientRef,
      correlationId: this.pathId,
      emitter,
      occurredAt: new Date(this.clock),
    });
    return { subject, envelope };
  }

  /** NextStepSet: the path's state, accountable organisation and next step at `version`. */
  step(
    version: number,
    state: string,
    owner: TestOrg,
    next?: { nextStep: string; dueDate: string; level?: string },
  ): SealedEvent {
    return this.event('polku.transitions.path.next-step-set.v1', owner, {
      state: state as never,
      pathVersion: version,
      accountableOrgId: next === undefined ? undefined : owner.orgId,
      workerId: next === undefined ? undefined : 'worker-1',
      nextStep: next?.nextStep as never,
      dueDate: next?.dueDate,
      level: next?.level as never,
    });
  }
}
