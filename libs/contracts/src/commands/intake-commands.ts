import type { OrgRole } from '../events/event-envelope';

/**
 * Request/reply subjects of client-intake. Only the gateway sends them, with the caller's
 * principal in its signed internal token (`polku-internal-token`); the service checks access again.
 */
export const INTAKE_COMMANDS = {
  createReferral: 'polku-rpc.client-intake.create-referral.v1',
  acceptReferral: 'polku-rpc.client-intake.accept-referral.v1',
  declineReferral: 'polku-rpc.client-intake.decline-referral.v1',
  listReferrals: 'polku-rpc.client-intake.list-referrals.v1',
  linkReferral: 'polku-rpc.client-intake.link-referral.v1',
  grantConsent: 'polku-rpc.client-intake.grant-consent.v1',
  withdrawConsent: 'polku-rpc.client-intake.withdraw-consent.v1',
  listConsents: 'polku-rpc.client-intake.list-consents.v1',
  checkConsent: 'polku-rpc.client-intake.check-consent.v1',
  completeIntake: 'polku-rpc.client-intake.complete-intake.v1',
  referParallelService: 'polku-rpc.client-intake.refer-parallel-service.v1',
  getPriorInformation: 'polku-rpc.client-intake.get-prior-information.v1',
  resolveBasicNeed: 'polku-rpc.client-intake.resolve-basic-need.v1',
  getIntake: 'polku-rpc.client-intake.get-intake.v1',
  getClient: 'polku-rpc.client-intake.get-client.v1',
  recordIdentityCode: 'polku-rpc.client-intake.record-identity-code.v1',
  linkClients: 'polku-rpc.client-intake.link-clients.v1',
  unlinkClients: 'polku-rpc.client-intake.unlink-clients.v1',
  listTasks: 'polku-rpc.client-intake.list-tasks.v1',
  listOrganisations: 'polku-rpc.client-intake.list-organisations.v1',
  registerOrganisation: 'polku-rpc.client-intake.register-organisation.v1',
  /** `{ orgIds }` → `{ roles: { [orgId]: OrgRole } }`: the registry's role of each one known. */
  organisationRoles: 'polku-rpc.client-intake.organisation-roles.v1',
} as const;

/**
 * The organisations that refer clients to the intermediate labour market (docs/domain.md §3.2) and
 * the law of each one's statutory task, under which it processes the path it refers. Codes are
 * recorded in events and audit rows; a legal review may refine them (docs/domain.md §9.2).
 */
export const REFERRAL_LEGAL_BASES: Partial<Record<OrgRole, string>> = {
  EMPLOYMENT_AUTHORITY: 'Act on Organising Employment Services 380/2023',
  SOCIAL_SERVICES: 'Act on Rehabilitative Work Activity 189/2001',
  JOINT_SERVICE_TYP: 'Act on Multisectoral Joint Service Promoting Employment 1369/2014',
  KELA: 'Act on Kela Rehabilitation Benefits 566/2005',
};
