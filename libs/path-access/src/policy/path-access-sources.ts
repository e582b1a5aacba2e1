import type { DataClass, OrgRole } from '@polku/contracts';
import {
  meetingParticipantParties,
  type MeetingParticipantAccessSource,
} from './meeting-participant-sources';
import type { AccessBasis, PathAccessFacts, PathCoverage, PathParty } from './path-access-policy';

/**
 * A referral, or a hand-off proposed by a party (a transition), as the access policy sees it.
 * Fields are null until the event that carries them has been seen: a projection may learn of a
 * decision before the referral itself.
 */
export interface ReferralAccessSource {
  readonly fromOrgId: string | null;
  readonly toOrgId: string | null;
  /**
   * The referrer's own basis for processing the path: the law of its statutory task. Null for a
   * transition: its sender is already a party in its own right and gains nothing by it.
   */
  readonly referrerBasis: AccessBasis | null;
  /** False for a transition proposed by a party: only referrals make REFERRERs and owners. */
  readonly isReferral: boolean;
  /** What lets the receiver see the path: the client's consent, or the referrer's law. */
  readonly receiverBasis: AccessBasis | null;
  readonly referredAt: Date | null;
  readonly outcome: 'ACCEPTED' | 'DECLINED' | null;
  readonly decidedAt: Date | null;
  /**
   * True for a referral of a held path its owner linked to this one (docs/auth.md): its parties
   * count here, but its answer moves the held path's course, not this path's accountability.
   */
  readonly linkedFromHeldPath?: boolean;
}

/** A consent record, or only its withdrawal when that arrived first. */
export interface ConsentAccessSource {
  readonly consentId: string;
  readonly orgIds: readonly string[] | null;
  readonly dataClasses: readonly DataClass[] | null;
  readonly validFrom: Date | null;
  readonly validTo: Date | null;
  readonly withdrawnAt: Date | null;
}

/** An organisation's part in a path's activation plan, from one plan version to another. */
export interface PlanPartyAccessSource {
  readonly orgId: string;
  readonly role: OrgRole;
  readonly since: Date;
  /** When a revision dropped it; null while it is a party. */
  readonly until: Date | null;
}

/**
 * The employment authority and social services draw up the activation plan with the client by
 * law (Act on Rehabilitative Work Activity 189/2001, §§ 4–7), and process the plan and the
 * attendance of its measures for that task. Other plan parties (a provider, TYP, Kela) see the
 * plan only on the client's consent.
 */
export const ACTIVATION_PLAN_LEGAL_BASIS = 'Act on Rehabilitative Work Activity 189/2001';
/** The organisation roles that take part in the plan by that law, not by consent. */
export const STATUTORY_PLAN_PARTY_ROLES: readonly OrgRole[] = [
  'EMPLOYMENT_AUTHORITY',
  'SOCIAL_SERVICES',
];
const STATUTORY_PLAN_DATA_CLASSES: readonly DataClass[] = ['PATH', 'PLAN', 'ATTENDANCE'];

/**
 * The organisation accountable for a path — the receiver of its accepted referral, then of each
 * completed hand-off, as transitions records it — carries the client's path as its task: a
 * provider by its service contract with the purchasing authority, an authority by its statutory
 * task. That task, not the client's consent, is its basis for the path itself (PATH): the client
 * may withdraw a consent, but the organisation still answers for the path, and a path its
 * accountable organisation cannot see is a lost path (issue 16). Only PATH: every data class
 * that needs the client's consent (the plan for a non-statutory party, attendance, the health
 * flag) still goes with the consent. The cover ends when accountability moves on.
 */
export const ACCOUNTABLE_ORGANISATION_LEGAL_BASIS =
  'Statutory task or service contract of the organisation accountable for the path';

/** A completed hand-off: from `at` on, `toOrgId` owns the path (docs/domain.md §4.4). */
export interface OwnershipAccessSource {
  readonly toOrgId: string;
  readonly at: Date;
}

/** The earlier of two optional instants (null: no end). */
function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null) {
    return b;
  }
  return b === null || a.getTime() <= b.getTime() ? a : b;
}

/** The path's owners one after another: the first referrer, then each hand-off's receiver. */
function ownersOf(
  first: { readonly fromOrgId: string; readonly referredAt: Date },
  transfers: readonly OwnershipAccessSource[],
): PathParty[] {
  const ordered = [...transfers].sort((a, b) => a.at.getTime() - b.at.getTime());
  const stretches = [
    { orgId: first.fromOrgId, since: first.referredAt },
    ...ordered.map((transfer) => ({ orgId: transfer.toOrgId, since: transfer.at })),
  ];
  return stretches.map((stretch, index) => ({
    orgId: stretch.orgId,
    relation: 'OWNER' as const,
    since: stretch.since,
    until: stretches[index + 1]?.since ?? null,
  }));
}

/**
 * Who is accountable for the path one after another, as transitions decides it: the receiver of
 * each accepted referral of the path itself (not of a linked held path) from its acceptance, and
 * the receiver of each completed hand-off from its completion; each until the next. Before the
 * first acceptance the referrer is accountable, on its own law (its REFERRER cover).
 */
function accountableStretches(
  referrals: readonly {
    readonly toOrgId: string;
    readonly isReferral: boolean;
    readonly outcome: 'ACCEPTED' | 'DECLINED' | null;
    readonly decidedAt: Date | null;
    readonly linkedFromHeldPath?: boolean;
  }[],
  transfers: readonly OwnershipAccessSource[],
): { orgId: string; since: Date; until: Date | null }[] {
  const starts = [
    ...referrals
      .filter(
        (referral) =>
          referral.isReferral &&
          referral.linkedFromHeldPath !== true &&
          referral.outcome === 'ACCEPTED' &&
          referral.decidedAt !== null,
      )
      .map((referral) => ({ orgId: referral.toOrgId, since: referral.decidedAt as Date })),
    ...transfers.map((transfer) => ({ orgId: transfer.toOrgId, since: transfer.at })),
  ].sort((a, b) => a.since.getTime() - b.since.getTime());
  return starts.map((start, index) => ({ ...start, until: starts[index + 1]?.since ?? null }));
}

/**
 * Derives who takes part in a path, and on what basis, from its referrals and consents — the
 * same way in the gateway and in each service:
 * - the first referrer owns the path until a completed hand-off moves ownership to the receiver
 *   (each transfer ends the previous owner's part as OWNER), and every referrer stays a
 *   REFERRER, covered for PATH by the law of its own task;
 * - a receiver is a PENDING_HANDOFF_RECEIVER until it answers, covered for PATH by the client's
 *   consent when the referral had one and that consent names the receiver (withdrawing it hides
 *   the path at once; a consent naming other organisations covers it for nothing), else by the
 *   referrer's law; accepting makes it a PLAN_PARTY, declining ends its part and its cover;
 * - the organisation accountable for the path (an accepted referral's receiver, then each
 *   completed hand-off's) is covered for PATH by ACCOUNTABLE_ORGANISATION_LEGAL_BASIS while it
 *   is accountable, whatever consent is withdrawn (listed after every other cover, so the basis
 *   recorded stays the consent while one covers);
 * - a consent covers its data classes for the organisations it names, from validFrom until
 *   validTo or its withdrawal;
 * - every party of the activation plan is a PLAN_PARTY while the plan names it; the statutory
 *   plan authorities are covered for PATH, PLAN and ATTENDANCE by the law of the plan, the
 *   others only by consent;
 * - every organisation invited to a network meeting is a MEETING_PARTICIPANT for the meeting
 *   (meetingParticipantParties), covered by nothing of its own: only a consent or law naming it.
 * Returns undefined when no complete referral is known: the path does not exist for anyone.
 */
export function pathAccessFactsFrom(
  pathId: string,
  referrals: readonly ReferralAccessSource[],
  consents: readonly ConsentAccessSource[],
  planParties: readonly PlanPartyAccessSource[] = [],
  ownershipTransfers: readonly OwnershipAccessSource[] = [],
  meetingParticipants: readonly MeetingParticipantAccessSource[] = [],
): PathAccessFacts | undefined {
  const complete = referrals
    .filter(
      (referral) =>
        referral.fromOrgId !== null &&
        referral.toOrgId !== null &&
        (referral.referrerBasis !== null || !referral.isReferral) &&
        referral.receiverBasis !== null &&
        referral.referredAt !== null,
    )
    .map((referral) => ({
      ...referral,
      fromOrgId: referral.fromOrgId as string,
      toOrgId: referral.toOrgId as string,
      receiverBasis: referral.receiverBasis as AccessBasis,
      referredAt: referral.referredAt as Date,
    }))
    .sort((a, b) => a.referredAt.getTime() - b.referredAt.getTime());
  const firstReferral = complete.find((referral) => referral.isReferral);
  if (firstReferral === undefined) {
    return undefined;
  }
  const consentsById = new Map(consents.map((consent) => [consent.consentId, consent]));
  const consentOf = (basis: AccessBasis) =>
    basis.kind === 'CONSENT' ? consentsById.get(basis.consentId) : undefined;
  const parties: PathParty[] = ownersOf(firstReferral, ownershipTransfers);
  const coverages: PathCoverage[] = [];
  for (const referral of complete) {
    const decidedAt = referral.outcome === null ? null : referral.decidedAt;
    if (referral.isReferral && referral.referrerBasis !== null) {
      parties.push({
        orgId: referral.fromOrgId,
        relation: 'REFERRER',
        since: referral.referredAt,
        until: null,
      });
      coverages.push({
        orgId: referral.fromOrgId,
        dataClasses: ['PATH'],
        basis: referral.referrerBasis,
        validFrom: referral.referredAt,
        validTo: null,
        withdrawnAt: null,
      });
    }
    parties.push({
      orgId: referral.toOrgId,
      relation: 'PENDING_HANDOFF_RECEIVER',
      since: referral.referredAt,
      until: decidedAt,
    });
    if (referral.outcome === 'ACCEPTED' && decidedAt !== null) {
      parties.push({
        orgId: referral.toOrgId,
        relation: 'PLAN_PARTY',
        since: decidedAt,
        until: null,
      });
    }
    const receiverConsent = consentOf(referral.receiverBasis);
    // A consent covers only the organisations it names: a hand-off proposed on the sender's
    // own consent gives the receiver nothing until the client's consent names the receiver.
    if (
      referral.receiverBasis.kind === 'CONSENT' &&
      receiverConsent?.orgIds?.includes(referral.toOrgId) !== true
    ) {
      continue;
    }
    coverages.push({
      orgId: referral.toOrgId,
      dataClasses: ['PATH'],
      basis: referral.receiverBasis,
      validFrom: referral.referredAt,
      validTo: earliest(
        referral.outcome === 'DECLINED' ? decidedAt : null,
        receiverConsent?.validTo ?? null,
      ),
      // A receiver that sees the path on the client's consent stops when it is withdrawn.
      withdrawnAt: receiverConsent?.withdrawnAt ?? null,
    });
  }
  for (const consent of consents) {
    if (consent.orgIds === null || consent.dataClasses === null || consent.validFrom === null) {
      continue;
    }
    for (const orgId of consent.orgIds) {
      coverages.push({
        orgId,
        dataClasses: consent.dataClasses,
        basis: { kind: 'CONSENT', consentId: consent.consentId },
        validFrom: consent.validFrom,
        validTo: consent.validTo,
        withdrawnAt: consent.withdrawnAt,
      });
    }
  }
  for (const planParty of planParties) {
    parties.push({
      orgId: planParty.orgId,
      relation: 'PLAN_PARTY',
      since: planParty.since,
      until: planParty.until,
    });
    if (STATUTORY_PLAN_PARTY_ROLES.includes(planParty.role)) {
      coverages.push({
        orgId: planParty.orgId,
        dataClasses: STATUTORY_PLAN_DATA_CLASSES,
        basis: { kind: 'LEGAL_BASIS', code: ACTIVATION_PLAN_LEGAL_BASIS },
        validFrom: planParty.since,
        validTo: planParty.until,
        withdrawnAt: null,
      });
    }
  }
  for (const stretch of accountableStretches(complete, ownershipTransfers)) {
    coverages.push({
      orgId: stretch.orgId,
      dataClasses: ['PATH'],
      basis: { kind: 'LEGAL_BASIS', code: ACCOUNTABLE_ORGANISATION_LEGAL_BASIS },
      validFrom: stretch.since,
      validTo: stretch.until,
      withdrawnAt: null,
    });
  }
  parties.push(...meetingParticipantParties(meetingParticipants));
  return { pathId, parties, coverages };
}
