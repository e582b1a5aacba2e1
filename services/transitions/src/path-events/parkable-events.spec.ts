import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  CONSENT_GRANTED_V1,
  INTAKE_COMPLETED_V1,
  MEASURE_ENDED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  NETWORK_MEETING_HELD_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  type EventEnvelope,
} from '@polku/contracts';
import { parkableEventOf } from './parkable-events';

// A parked event is fed again from its stored envelope: every event the handlers of this folder
// feed to the path machine must be found again by its type and version, on its own subject.

describe('parkable events', () => {
  const fed = [
    CLIENT_REFERRED_V1,
    REFERRAL_ACCEPTED_V1,
    REFERRAL_DECLINED_V1,
    INTAKE_COMPLETED_V1,
    CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
    ACTIVATION_PLAN_AGREED_V1,
    ACTIVATION_PLAN_REVISED_V1,
    MEASURE_STARTED_V1,
    MEASURE_PAUSED_V1,
    MEASURE_RESUMED_V1,
    MEASURE_ENDED_V1,
    NETWORK_MEETING_HELD_V1,
  ];

  it.each(fed.map((contract) => [contract.type, contract]))(
    'should find %s by its type and version, on its subject',
    (_type, contract) => {
      const envelope = { type: contract.type, version: contract.version } as EventEnvelope;

      expect(parkableEventOf(envelope)?.subject).toBe(contract.subject);
    },
  );

  it('should not park an event the machine is never fed, nor another version', () => {
    expect(
      parkableEventOf({ type: CONSENT_GRANTED_V1.type, version: 1 } as EventEnvelope),
    ).toBeUndefined();
    expect(
      parkableEventOf({ type: MEASURE_STARTED_V1.type, version: 2 } as EventEnvelope),
    ).toBeUndefined();
  });

  it('should feed a return to the path it continues', () => {
    const envelope = {
      type: CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.type,
      version: 1,
      id: 'evt-1',
      pathId: 'new-path',
      occurredAt: '2025-03-03T10:00:00.000Z',
      emitter: {
        orgId: 'org-1',
        orgRole: 'EMPLOYMENT_AUTHORITY',
        actorId: 'w-1',
        actorRole: 'CASEWORKER',
      },
      data: { previousPathId: 'old-path' },
    } as unknown as EventEnvelope<never>;

    expect(parkableEventOf(envelope)?.pathIdAndInput(envelope)).toMatchObject({
      pathId: 'old-path',
      input: { type: 'returnedAsNewPath', newPathId: 'new-path' },
    });
  });
});
