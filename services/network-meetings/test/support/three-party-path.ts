import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import type { DataClass, EventSubject, OrgRole } from '@polku/contracts';
import { newOutboxEvent, type OutboxEventOverrides } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import type { TimelineService } from './timeline-service';

/** A caseworker of an organisation, as the gateway's internal token carries one. */
export function caseworkerOf(orgId: string, orgRole: Principal['orgRole']): Principal {
  return {
    userId: `user-${randomUUID().slice(0, 8)}`,
    orgId,
    orgRole,
    roles: ['CASEWORKER'],
    issuer: 'polku-test',
  };
}

/** One event published on the path: its id, subject and data class. */
export interface PublishedEvent {
  readonly eventId: string;
  readonly subject: EventSubject;
  readonly occurredAt: Date;
}

/** A path whose events come from several services, and the organisations around it. */
export interface ThreePartyPath {
  readonly pathId: string;
  readonly clientRef: string;
  /** The referrer: sees the path itself (PATH) by the law of its task, nothing more. */
  readonly employmentAuthority: Principal;
  /** The accepting provider: PATH, PLAN, ATTENDANCE and HEALTH_FLAG on the client's consent. */
  readonly provider: Principal;
  /** A statutory party of the plan: PATH, PLAN and ATTENDANCE by the law of the plan. */
  readonly socialServices: Principal;
  /** Never a party. */
  readonly outsider: Principal;
  /** Publishes one more event of the path as `emitter`, a minute after the previous one. */
  publish<S extends EventSubject>(
    subject: S,
    emitter: Principal,
    overrides?: OutboxEventOverrides<S>,
  ): Promise<PublishedEvent>;
  /** Every event published on the path, in the order they happened. */
  readonly events: PublishedEvent[];
}

/** The data classes each organisation of a three-party path is covered for. */
export const COVERED: Readonly<
  Record<'employmentAuthority' | 'provider' | 'socialServices', readonly DataClass[]>
> = {
  employmentAuthority: ['PATH'],
  provider: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'],
  socialServices: ['PATH', 'PLAN', 'ATTENDANCE'],
};

/**
 * Publishes, as each owning service would, a referral from the employment authority to a
 * provider, its acceptance, the client's consent for the provider and the activation plan with
 * social services and the provider as parties: three organisations with three different covers.
 * The events happen a minute apart, starting an hour ago.
 */
export async function publishThreePartyPath(service: TimelineService): Promise<ThreePartyPath> {
  const pathId = randomUUID();
  const clientRef = `client-${randomUUID()}`;
  const employmentAuthority = caseworkerOf(randomUUID(), 'EMPLOYMENT_AUTHORITY');
  const provider = caseworkerOf(randomUUID(), 'PROVIDER');
  const socialServices = caseworkerOf(randomUUID(), 'SOCIAL_SERVICES');
  const events: PublishedEvent[] = [];
  let clock = Date.now() - 3_600_000;
  const publish = async <S extends EventSubject>(
    subject: S,
    emitter: Principal,
    overrides: OutboxEventOverrides<S> = {},
  ): Promise<PublishedEvent> => {
    clock += 60_000;
    const occurredAt = new Date(clock);
    const event = {
      ...newOutboxEvent(subject, overrides),
      pathId,
      clientRef,
      emitter: {
        orgId: emitter.orgId,
        orgRole: emitter.orgRole as OrgRole,
        actorId: emitter.userId,
        actorRole: 'CASEWORKER' as const,
      },
      occurredAt,
    };
    const eventId = await service.publish(subject, event as never);
    const published = { eventId, subject, occurredAt };
    events.push(published);
    return published;
  };
  const referralId = randomUUID();
  await publish('polku.intake.referral.client-referred.v1', employmentAuthority, {
    data: { referralId, fromOrgId: employmentAuthority.orgId, toOrgId: provider.orgId },
  });
  await publish('polku.intake.referral.referral-accepted.v1', provider, {
    data: { referralId, acceptedByOrgId: provider.orgId },
  });
  await publish('polku.intake.consent.consent-granted.v1', employmentAuthority, {
    data: {
      orgIds: [provider.orgId],
      dataClasses: [...COVERED.provider] as never,
      purpose: 'CLIENT_WORK',
      validFrom: addCalendarDays(finnishDateOf(new Date()), -1),
      validTo: '2099-12-31',
      recordedByOrgId: employmentAuthority.orgId,
    },
  });
  await publish('polku.plans.plan.activation-plan-agreed.v1', socialServices, {
    data: {
      parties: [
        { orgId: socialServices.orgId, role: 'SOCIAL_SERVICES' },
        { orgId: provider.orgId, role: 'PROVIDER' },
      ],
      linkedPlans: [],
    },
  });
  return {
    pathId,
    clientRef,
    employmentAuthority,
    provider,
    socialServices,
    outsider: caseworkerOf(randomUUID(), 'PROVIDER'),
    publish,
    events,
  };
}
