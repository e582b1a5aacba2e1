import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** The ids of the deterministic samples, by the role they play in an event. */
export const IDS = {
  eventId: '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f',
  causingEventId: '0195f3a2-6b00-7aaa-8bbb-123456789abc',
  pathId: '3f2b8c1e-5d4a-4e6f-9b7c-1a2d3e4f5a6b',
  clientRef: 'cr_9J2kQ7xW4mZ8',
  consentRef: 'consent_2026_0042',
  referralId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  employmentAuthorityOrgId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  providerOrgId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  socialServicesOrgId: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f',
  educationOrgId: 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80',
  // polku's own organisation (POLKU_SYSTEM_ORG_ID of @polku/auth): consumers accept a system
  // emitter only with it, so it is the same in fresh samples too.
  systemOrgId: '5f0c7a52-8a53-4f1e-9d2b-6c1d3f3a9e10',
  consentId: '5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b',
  withdrawalConsentId: '6f2e3d4c-5b6a-4798-8b1c-2d3e4f5a6b7c',
  packageId: '8a3f4e5d-6c7b-4809-9c2d-3e4f5a6b7c8d',
  previousPathId: '9b4a5f6e-7d8c-491a-8d3e-4f5a6b7c8d9e',
  heldPathId: 'b5c6d7e8-f9a0-4b1c-8d2e-3f4a5b6c7d8e',
  intakeId: 'ac5b6a7f-8e9d-4a2b-9e4f-5a6b7c8d9eaf',
  issueId: 'bd6c7b8a-9f0e-4b3c-8f5a-6b7c8d9eafb0',
  actionItemId: 'ce7d8c9b-0a1f-4c4d-9a6b-7c8d9eafb0c1',
  parallelReferralId: 'df8e9dac-1b2a-4d5e-8b7c-8d9eafb0c1d2',
  planId: 'e09fae1b-2c3b-4e6f-9c8d-9eafb0c1d2e3',
  goalId: 'f1a0bf2c-3d4c-4f70-8d9e-afb0c1d2e3f4',
  measureId: '0a1bc03d-4e5d-4081-9eaf-b0c1d2e3f405',
  statementId: '1b2cd14e-5f6e-4192-8fb0-c1d2e3f40516',
  hostOrgId: '2c3de25f-6a7f-42a3-9ac1-d2e3f4051627',
  kelaOrgId: '3d4ef360-7b8a-43b4-8bd2-e3f405162738',
  handoffId: '4e5f0471-8c9b-44c5-9ce3-f40516273849',
  nextProviderOrgId: '5f601582-9dac-45d6-8df4-05162738495a',
  nextMeasureId: '60712693-aebd-46e7-9e05-16273849a56b',
  firstFollowUpId: '718237a4-bfce-47f8-8f16-273849a5b67c',
  secondFollowUpId: '829348b5-c0df-4809-9027-3849a5b6c78d',
  thirdFollowUpId: '93a459c6-d1e0-491a-8138-49a5b6c7d89e',
  waitId: 'a4b56ad7-e2f1-4a2b-9249-5a6b7c8d9eaf',
  clientLinkId: 'b5c67be8-f302-4b3c-8350-6b7c8d9eafb0',
  meetingId: 'c6d78cf9-0413-4c4d-9461-7c8d9eafb0c1',
  decisionId: 'd7e89d0a-1524-4d5e-8572-8d9eafb0c1d2',
  voiceEntryId: 'e8f9ae1b-2635-4e6f-9683-9eafb0c1d2e3',
  expertOrgId: 'f90abf2c-3746-4f70-87a4-afb0c1d2e3f4',
  carryingEventId: '0195f3a2-8d2f-7e5c-8b7f-3a2d4c5e6f70',
  workerId: 'usr_5f3a9c21',
  otherWorkerId: 'usr_7b1d4e08',
} as const;

/** The role an id plays in a sample event; refs and worker ids are pseudonymous, not uuids. */
export type SampleIdName = keyof typeof IDS;

/** Gives the id of each role in one event: the same role gives the same id within the event. */
export type SampleIds = (name: SampleIdName) => string;

/** The ids of {@link IDS}, so that a sample is the same in every run. */
export const fixedIds: SampleIds = (name) => IDS[name];

/**
 * Fresh ids for one event, so that tests sharing a database or a stream never see each other's
 * events; a role asked twice gets the same id, which keeps cross-field links (referrer = emitter).
 */
export function freshIds(): SampleIds {
  const given = new Map<SampleIdName, string>();
  return (name) => {
    let id = given.get(name);
    if (id === undefined) {
      id = freshId(name);
      given.set(name, id);
    }
    return id;
  };
}

function freshId(name: SampleIdName): string {
  switch (name) {
    case 'clientRef':
      return `client-${randomUUID().slice(0, 8)}`;
    case 'workerId':
    case 'otherWorkerId':
      return `usr_${randomUUID().slice(0, 8)}`;
    case 'systemOrgId':
      return IDS.systemOrgId;
    case 'eventId':
    case 'causingEventId':
      // Event ids are UUIDv7, as the outbox writer gives them.
      return uuidv7();
    default:
      return randomUUID();
  }
}
