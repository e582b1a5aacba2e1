import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';
import { newEvent } from '@polku/testing';
import { REENTRY_MARKER_SUBJECT, storedEventsOf } from './stored-event';
import { STORED_SUBJECTS } from './stored-fields';

describe('storedEventsOf', () => {
  it('should keep fields of exactly the subjects the dashboards consume', () => {
    expect([...STORED_SUBJECTS].sort()).toEqual([...CONSUMED_EVENT_SUBJECTS['dashboards']].sort());
  });

  it('should keep the envelope facts and the coded fields, never free text', () => {
    const event = newEvent('polku.intake.referral.referral-declined.v1', {
      data: { alternativeSuggested: 'Kokeillaan Kajaanin työpajaa' },
    });

    expect(storedEventsOf(event)).toEqual([
      {
        eventId: event.id,
        pathId: event.pathId,
        subject: 'polku.intake.referral.referral-declined.v1',
        occurredAt: event.occurredAt,
        orgId: event.emitter.orgId,
        data: {
          referralId: event.data.referralId,
          declinedByOrgId: event.data.declinedByOrgId,
          reasonCategory: event.data.reasonCategory,
        },
      },
    ]);
  });

  it('should drop references: a funding decision, prior information, a linked plan number', () => {
    const referred = newEvent('polku.intake.referral.client-referred.v1');
    const agreed = newEvent('polku.plans.plan.activation-plan-agreed.v1');

    const [referral] = storedEventsOf(referred);
    const [plan] = storedEventsOf(agreed);

    expect(Object.keys(referral.data).sort()).toEqual(['fromOrgId', 'referralId', 'toOrgId']);
    expect(plan.data).toEqual({
      planId: agreed.data.planId,
      planVersion: agreed.data.planVersion,
      parties: agreed.data.parties.map(({ orgId }) => ({ orgId })),
      linkedPlans: agreed.data.linkedPlans.length,
    });
    expect(JSON.stringify([referral, plan])).not.toContain(referred.data.fundingRef.reference);
  });

  it('should keep a measure start as its type and start day', () => {
    const event = newEvent('polku.plans.measure.measure-started.v1');

    expect(storedEventsOf(event)[0].data).toEqual({
      measureId: event.data.measureId,
      measureType: event.data.measureType,
      startDate: event.data.schedule.startDate,
    });
  });

  it('should mark the previous path of a return with a row whose id replays the same', () => {
    const event = newEvent('polku.intake.path.client-returned-to-intermediate-market.v1');

    const rows = storedEventsOf(event);
    const again = storedEventsOf(event);

    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      eventId: again[1].eventId,
      pathId: event.data.previousPathId,
      subject: REENTRY_MARKER_SUBJECT,
      occurredAt: event.occurredAt,
      orgId: event.emitter.orgId,
      data: { monthsSinceExit: event.data.monthsSinceExit, loopCount: event.data.loopCount },
    });
    expect(rows[1].eventId).not.toBe(event.id);
    expect(rows[0].data).toEqual({
      monthsSinceExit: event.data.monthsSinceExit,
      loopCount: event.data.loopCount,
    });
  });
});
