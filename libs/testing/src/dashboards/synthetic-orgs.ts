import { createHash } from 'node:crypto';
import type { EnvelopeEmitter, OrgRole } from '@polku/contracts';

/** An organisation of a synthetic event set: who refers clients, or who provides measures. */
export interface SyntheticOrg {
  readonly index: number;
  readonly orgId: string;
  readonly role: OrgRole;
  /** Referrers (employment authority, social services, TYP, Kela) refer; providers run measures. */
  readonly kind: 'REFERRER' | 'PROVIDER';
}

/** The referring roles, in the order the referrers of a set take them. */
const REFERRER_ROLES: readonly OrgRole[] = [
  'EMPLOYMENT_AUTHORITY',
  'SOCIAL_SERVICES',
  'JOINT_SERVICE_TYP',
  'KELA',
];

/** Caseworkers per organisation; a path's worker is one of them. */
export const WORKERS_PER_ORG = 4;

/**
 * A stable organisation id of the n-th organisation (the same in every set and every run, so a
 * bench reader and a test manager can be named before the events exist): a name-based UUID.
 */
export function syntheticOrgId(index: number): string {
  const hex = createHash('sha1').update(`polku-dashboards-synthetic-org:${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `count` organisations (at least 3): about a third referrers, the rest providers, so that every
 * path has a referrer and a provider and a hand-off has another provider to go to.
 */
export function syntheticOrgs(count: number): SyntheticOrg[] {
  if (!Number.isInteger(count) || count < 3) {
    throw new Error(`a synthetic event set needs at least 3 organisations, got ${count}`);
  }
  const referrers = Math.max(1, Math.round(count / 3));
  return Array.from({ length: count }, (_, index) => {
    const kind = index < referrers ? 'REFERRER' : 'PROVIDER';
    return {
      index,
      orgId: syntheticOrgId(index),
      role: kind === 'REFERRER' ? REFERRER_ROLES[index % REFERRER_ROLES.length] : 'PROVIDER',
      kind,
    };
  });
}

/** The pseudonymous user id of a caseworker of the organisation. */
export function syntheticWorkerId(org: SyntheticOrg, worker: number): string {
  return `worker-o${org.index}-w${worker}`;
}

/** The pseudonymous user id of the organisation's manager (who reads its dashboards). */
export function syntheticManagerId(org: SyntheticOrg): string {
  return `manager-o${org.index}`;
}

/** A caseworker of the organisation as an event's emitter. */
export function workerEmitter(org: SyntheticOrg, worker: number): EnvelopeEmitter {
  return {
    orgId: org.orgId,
    orgRole: org.role,
    actorId: syntheticWorkerId(org, worker),
    actorRole: 'CASEWORKER',
  };
}
