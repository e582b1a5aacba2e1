import { newEvent } from '@polku/testing';
import { decidePathFacts } from './decide-path-facts';

describe('decidePathFacts', () => {
  it('should take a measure’s provider from the external host, else from the organisation that started it', () => {
    const hosted = newEvent('polku.plans.measure.measure-started.v1', {
      data: {
        placement: { kind: 'EXTERNAL_HOST', hostOrgId: '0196d3c4-0000-7000-8000-000000000001' },
      },
    });
    const inHouse = newEvent('polku.plans.measure.measure-started.v1', {
      data: { placement: { kind: 'IN_HOUSE' } },
    });

    expect(decidePathFacts(hosted)[0]).toMatchObject({
      providerOrgId: '0196d3c4-0000-7000-8000-000000000001',
    });
    expect(decidePathFacts(inHouse)[0]).toMatchObject({ providerOrgId: inHouse.emitter.orgId });
  });

  it('should count an agreed plan’s linked plans, and not a revision’s, which does not list them', () => {
    const agreed = newEvent('polku.plans.plan.activation-plan-agreed.v1');
    const revised = newEvent('polku.plans.plan.activation-plan-revised.v1');

    expect(decidePathFacts(agreed)[0]).toMatchObject({
      fact: 'plan',
      linkedPlans: agreed.data.linkedPlans.length,
    });
    expect(decidePathFacts(revised).find((fact) => fact.fact === 'plan')).not.toHaveProperty(
      'linkedPlans',
    );
  });

  it.each([
    ['polku.intake.referral.client-referred.v1', ['fromOrgId', 'toOrgId']],
    ['polku.transitions.handoff.handoff-proposed.v1', ['receivingOrgId']],
    ['polku.transitions.path.ownership-transferred.v1', ['fromOrgId', 'toOrgId']],
    ['polku.transitions.follow-up.follow-up-scheduled.v1', ['ownerOrgId']],
  ] as const)('should make the organisations of %s parties of the path', (subject, fields) => {
    const event = newEvent(subject);
    const data = event.data as unknown as Record<string, string>;

    expect(decidePathFacts(event)).toEqual([
      expect.objectContaining({ fact: 'parties', orgIds: fields.map((field) => data[field]) }),
    ]);
  });

  it('should make a held meeting’s participants and a plan’s parties parties of the path', () => {
    const held = newEvent('polku.meetings.meeting.network-meeting-held.v1');
    const agreed = newEvent('polku.plans.plan.activation-plan-agreed.v1');

    expect(decidePathFacts(held)[0]).toMatchObject({
      orgIds: held.data.participants.map((p) => p.orgId),
    });
    expect(decidePathFacts(agreed)[1]).toMatchObject({
      orgIds: agreed.data.parties.map((p) => p.orgId),
    });
  });

  it('should follow a NextStepSet with its version, and leave out what it does not say', () => {
    const closed = newEvent('polku.transitions.path.next-step-set.v1', {
      data: {
        state: 'CLOSED',
        accountableOrgId: undefined,
        workerId: undefined,
        nextStep: undefined,
        dueDate: undefined,
      },
    });

    expect(decidePathFacts(closed)).toEqual([
      expect.objectContaining({
        fact: 'step',
        state: 'CLOSED',
        pathVersion: closed.data.pathVersion,
      }),
    ]);
    expect(decidePathFacts(closed)[0]).not.toHaveProperty('nextStep');
  });
});
