import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  OWNERSHIP_TRANSFERRED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LEGAL_BASES,
  REFERRAL_LINKED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_SCHEDULED_V1,
  type ActivationPlanAgreedPayload,
  type ActivationPlanRevisedPayload,
  type ClientReferredPayload,
  type ConsentGrantedPayload,
  type ConsentWithdrawnPayload,
  type EventEnvelope,
  type OwnershipTransferredPayload,
  type ReferralLinkedPayload,
  type HandoffProposedPayload,
  type NetworkMeetingCancelledPayload,
  type NetworkMeetingHeldPayload,
  type NetworkMeetingScheduledPayload,
} from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import { upsertMeetingEnds, upsertMeetingSchedules } from './meeting-rows';
import { recordPlanParties } from './plan-parties';
import {
  insertOwnershipTransfers,
  insertReferralLinks,
  upsertConsentGrants,
  upsertConsentWithdrawals,
  upsertHandoffDecisions,
  upsertHandoffs,
  type HandoffRow,
} from './source-rows';

type Envelope<T> = EventEnvelope<T>;
/** Projects events of one contract, in stream order, in the caller's transaction. */
type Projector = (em: EntityManager, envelopes: readonly Envelope<unknown>[]) => Promise<void>;

/** A hand-off as access sees it: a referral, or a transition a party proposed. */
function handoffRow(
  envelope: Envelope<unknown>,
  handoff: { handoffId: string; fromOrgId: string; toOrgId: string; isReferral: boolean },
): HandoffRow {
  // The referrer processes the path under the law of its own task; the receiver under the
  // basis the event names (the client's consent, or that law).
  return {
    handoffId: handoff.handoffId,
    pathId: envelope.pathId,
    fromOrgId: handoff.fromOrgId,
    toOrgId: handoff.toOrgId,
    referrerBasis: handoff.isReferral
      ? (REFERRAL_LEGAL_BASES[envelope.emitter.orgRole] ?? envelope.legalBasis ?? 'own-task')
      : null,
    basisKind: envelope.consentRef !== undefined ? 'CONSENT' : 'LEGAL_BASIS',
    basisRef: envelope.consentRef ?? envelope.legalBasis ?? '',
    referredAt: envelope.occurredAt,
  };
}

const onClientReferred: Projector = (em, envelopes) =>
  upsertHandoffs(
    em,
    (envelopes as readonly Envelope<ClientReferredPayload>[]).map((envelope) =>
      handoffRow(envelope, {
        handoffId: envelope.data.referralId,
        fromOrgId: envelope.data.fromOrgId,
        toOrgId: envelope.data.toOrgId,
        isReferral: true,
      }),
    ),
  );

// The receiver of a proposed hand-off takes part like the receiver of a referral: pending
// until it answers, a plan party once it accepts, nothing more after a decline.
const onHandoffProposed: Projector = (em, envelopes) =>
  upsertHandoffs(
    em,
    (envelopes as readonly Envelope<HandoffProposedPayload>[]).map((envelope) =>
      handoffRow(envelope, {
        handoffId: envelope.data.handoffId,
        fromOrgId: envelope.emitter.orgId,
        toOrgId: envelope.data.receivingOrgId,
        isReferral: false,
      }),
    ),
  );

function onHandoffDecided(outcome: 'ACCEPTED' | 'DECLINED'): Projector {
  return (em, envelopes) =>
    upsertHandoffDecisions(
      em,
      envelopes.map((envelope) => {
        const data = envelope.data as { referralId?: string; handoffId?: string };
        return {
          handoffId: (data.referralId ?? data.handoffId) as string,
          pathId: envelope.pathId,
          outcome,
          decidedAt: envelope.occurredAt,
        };
      }),
    );
}

const onOwnershipTransferred: Projector = (em, envelopes) =>
  insertOwnershipTransfers(
    em,
    (envelopes as readonly Envelope<OwnershipTransferredPayload>[]).map((envelope) => ({
      eventId: envelope.id,
      pathId: envelope.pathId,
      toOrgId: envelope.data.toOrgId,
      transferredAt: envelope.occurredAt,
    })),
  );

// The held path's referral and consents count for the open path from now on (readPathAccessFacts
// reads them through the link), so its referrer becomes a referrer of the open path and its
// receiver a party, and the receiver's answer or a withdrawal on the held path still applies.
const onReferralLinked: Projector = (em, envelopes) =>
  insertReferralLinks(
    em,
    (envelopes as readonly Envelope<ReferralLinkedPayload>[]).map(
      ({ pathId, occurredAt, data }) => ({
        heldPathId: data.heldPathId,
        pathId,
        referralId: data.referralId,
        basis: data.basis,
        linkedAt: occurredAt,
      }),
    ),
  );

const onConsentGranted: Projector = (em, envelopes) =>
  upsertConsentGrants(
    em,
    (envelopes as readonly Envelope<ConsentGrantedPayload>[]).map(({ pathId, data }) => ({
      consentId: data.consentId,
      pathId,
      orgIds: data.orgIds,
      dataClasses: data.dataClasses,
      validFrom: data.validFrom,
      validTo: data.validTo ?? null,
      purposes: [data.purpose],
    })),
  );

const onConsentWithdrawn: Projector = (em, envelopes) =>
  upsertConsentWithdrawals(
    em,
    (envelopes as readonly Envelope<ConsentWithdrawnPayload>[]).map(({ pathId, data }) => ({
      consentId: data.withdrawnConsentId,
      pathId,
      withdrawnAt: data.effectiveAt,
    })),
  );

// A plan's parties are decided per event (a version applies only over an older one), so plan
// events are applied one after another.
const onPlanParties: Projector = async (em, envelopes) => {
  for (const envelope of envelopes as readonly Envelope<
    ActivationPlanAgreedPayload | ActivationPlanRevisedPayload
  >[]) {
    if (envelope.data.parties === undefined) {
      continue; // a revision that did not change the parties
    }
    await recordPlanParties(em, {
      planId: envelope.data.planId,
      pathId: envelope.pathId,
      planVersion: envelope.data.planVersion,
      parties: envelope.data.parties,
      at: new Date(envelope.occurredAt),
    });
  }
};

// Each invited organisation takes part in the path for the meeting (MEETING_PARTICIPANT): from
// its start until its planned end, or until it is recorded as held or cancelled if earlier.
const onMeetingScheduled: Projector = (em, envelopes) =>
  upsertMeetingSchedules(
    em,
    (envelopes as readonly Envelope<NetworkMeetingScheduledPayload>[]).map(({ pathId, data }) => ({
      meetingId: data.meetingId,
      pathId,
      orgIds: data.invitees.map((invitee) => invitee.orgId),
      startsAt: data.startsAt,
      endsAt: data.endsAt,
    })),
  );

const onMeetingHeld: Projector = (em, envelopes) =>
  upsertMeetingEnds(
    em,
    (envelopes as readonly Envelope<NetworkMeetingHeldPayload>[]).map(({ pathId, data }) => ({
      meetingId: data.meetingId,
      pathId,
      endedAt: data.endedAt,
    })),
  );

const onMeetingCancelled: Projector = (em, envelopes) =>
  upsertMeetingEnds(
    em,
    (envelopes as readonly Envelope<NetworkMeetingCancelledPayload>[]).map(({ pathId, data }) => ({
      meetingId: data.meetingId,
      pathId,
      endedAt: data.cancelledAt,
    })),
  );

const PROJECTORS: readonly (readonly [
  { readonly subject: string; readonly type: string; readonly version: number },
  Projector,
])[] = [
  [CLIENT_REFERRED_V1, onClientReferred],
  [REFERRAL_ACCEPTED_V1, onHandoffDecided('ACCEPTED')],
  [REFERRAL_DECLINED_V1, onHandoffDecided('DECLINED')],
  [REFERRAL_LINKED_V1, onReferralLinked],
  [HANDOFF_PROPOSED_V1, onHandoffProposed],
  [HANDOFF_ACCEPTED_V1, onHandoffDecided('ACCEPTED')],
  [HANDOFF_DECLINED_V1, onHandoffDecided('DECLINED')],
  [OWNERSHIP_TRANSFERRED_V1, onOwnershipTransferred],
  [CONSENT_GRANTED_V1, onConsentGranted],
  [CONSENT_WITHDRAWN_V1, onConsentWithdrawn],
  [ACTIVATION_PLAN_AGREED_V1, onPlanParties],
  [ACTIVATION_PLAN_REVISED_V1, onPlanParties],
  [NETWORK_MEETING_SCHEDULED_V1, onMeetingScheduled],
  [NETWORK_MEETING_HELD_V1, onMeetingHeld],
  [NETWORK_MEETING_CANCELLED_V1, onMeetingCancelled],
];

/**
 * Every event subject the access projection reads: the one list the gateway and the services
 * subscribe from (see pathAccessSubscriptions and pathAccessProjectionHandler).
 */
export const PATH_ACCESS_EVENT_SUBJECTS: readonly string[] = PROJECTORS.map(
  ([contract]) => contract.subject,
);

function projectorOf(envelope: Envelope<unknown>): Projector {
  const entry = PROJECTORS.find(
    ([contract]) => contract.type === envelope.type && contract.version === envelope.version,
  );
  if (entry === undefined) {
    throw new Error(
      `the path access projection does not read ${envelope.type} v${envelope.version}`,
    );
  }
  return entry[1];
}

/**
 * Applies events to the access projection in the caller's transaction (a consumer's, so each is
 * applied exactly once with its inbox row): each run of events of one contract with one
 * statement, except plan events, whose parties are decided event by event. Rows are upserted by
 * source, so the result is the same in whatever order events of different subjects arrive.
 * Throws on an event the projection does not read.
 */
export async function projectPathAccessEvents(
  em: EntityManager,
  envelopes: readonly EventEnvelope<unknown>[],
): Promise<void> {
  let start = 0;
  while (start < envelopes.length) {
    const projector = projectorOf(envelopes[start]);
    let end = start + 1;
    while (end < envelopes.length && projectorOf(envelopes[end]) === projector) {
      end += 1;
    }
    await projector(em, envelopes.slice(start, end));
    start = end;
  }
}
