import { POLKU_SYSTEM_ORG_ID } from '@polku/auth';
import { validateEvent } from '@polku/contracts';
import { installFastValidation } from '@polku/validation';
import { generateEventSet } from './event-set';
import { syntheticOrgs } from './synthetic-orgs';

installFastValidation();

const now = new Date('2027-03-15T10:00:00.000Z');
const set = generateEventSet({ seed: 424242, paths: 200, orgs: 6, now });

function eventsOf(type: string) {
  return set.events.filter((event) => event.envelope.type === type);
}

describe('a synthetic dashboards event set', () => {
  it('should give the same events for the same seed and instant, and others for another seed', () => {
    const again = generateEventSet({ seed: 424242, paths: 200, orgs: 6, now, validate: false });
    expect(again.events).toEqual(set.events);
    const other = generateEventSet({ seed: 7, paths: 200, orgs: 6, now, validate: false });
    expect(other.events.map((event) => event.envelope.id)).not.toEqual(
      set.events.map((event) => event.envelope.id),
    );
  });

  it('should make exactly the paths asked for, each with events, each event valid on the wire', () => {
    expect(new Set(set.pathIds).size).toBe(200);
    expect(new Set(set.events.map((event) => event.envelope.pathId))).toEqual(new Set(set.pathIds));
    const problems = set.events.flatMap(({ subject, envelope }) => {
      const result = validateEvent(subject, JSON.parse(JSON.stringify(envelope)));
      return result.ok ? [] : [`${envelope.type}: ${result.errors.join('; ')}`];
    });
    expect(problems).toEqual([]);
    expect(new Set(set.events.map((event) => event.envelope.id)).size).toBe(set.events.length);
  });

  it('should put nothing after now and keep each path’s NextStepSet versions in time order', () => {
    const versions = new Map<string, { version: number; at: string }>();
    expect(set.events.filter(({ envelope }) => envelope.occurredAt > now.toISOString())).toEqual(
      [],
    );
    for (const { envelope } of set.events) {
      if (envelope.type === 'NextStepSet') {
        const version = (envelope.data as { pathVersion: number }).pathVersion;
        const before = versions.get(envelope.pathId);
        expect(version).toBe((before?.version ?? 0) + 1);
        expect(envelope.occurredAt > (before?.at ?? '')).toBe(true);
        versions.set(envelope.pathId, { version, at: envelope.occurredAt });
      }
    }
  });

  it('should name its own organisations as emitters: users of an organisation, or polku’s timers', () => {
    const orgIds = new Set(syntheticOrgs(6).map((org) => org.orgId));
    for (const { envelope } of set.events) {
      const { emitter } = envelope;
      if (emitter.actorRole === 'SYSTEM') {
        expect(emitter).toMatchObject({ orgId: POLKU_SYSTEM_ORG_ID, orgRole: 'SYSTEM' });
      } else {
        expect(orgIds.has(emitter.orgId)).toBe(true);
      }
    }
    for (const { envelope } of eventsOf('ClientReferred')) {
      expect((envelope.data as { fromOrgId: string }).fromOrgId).toBe(envelope.emitter.orgId);
    }
  });

  it('should answer each referral it names and return clients only after an exit of their previous path', () => {
    const referrals = new Set(
      eventsOf('ClientReferred').map((e) => (e.envelope.data as { referralId: string }).referralId),
    );
    for (const { envelope } of [...eventsOf('ReferralAccepted'), ...eventsOf('ReferralDeclined')]) {
      expect(referrals.has((envelope.data as { referralId: string }).referralId)).toBe(true);
    }
    const exits = new Map(eventsOf('ClientExited').map((e) => [e.envelope.pathId, e.envelope]));
    const returns = eventsOf('ClientReturnedToIntermediateMarket');
    expect(returns.length).toBeGreaterThan(0);
    for (const { envelope } of returns) {
      const exit = exits.get((envelope.data as { previousPathId: string }).previousPathId);
      expect(exit?.clientRef).toBe(envelope.clientRef);
      expect(exit!.occurredAt < envelope.occurredAt).toBe(true);
    }
  });

  it('should reach every kind of event the dashboards count', () => {
    const missing = [
      'ReferralDeclined',
      'HandoffDeclined',
      'HandoffEscalated',
      'NextStepOverdue',
      'FollowUpMissed',
      'FollowUpCompleted',
      'PathClosed',
      'MeasurePaused',
      'WaitingEnded',
      'WaitExceeded',
      'PlanReviewOverdue',
      'ActionItemOverdue',
      'GoalProgressRecorded',
      'UnclearPathFlagged',
    ].filter((type) => eventsOf(type).length === 0);
    expect(missing).toEqual([]);
  });
});
