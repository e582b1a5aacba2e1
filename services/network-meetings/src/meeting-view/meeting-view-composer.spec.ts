import {
  composeMeetingView,
  meetingOf,
  openActionItemsOf,
  pendingHandoffsOf,
  planOf,
  recentDecisionsOf,
  type ViewEntry,
} from './meeting-view-composer';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';
const MEETING = '33333333-3333-4333-8333-333333333333';
const PATH = '44444444-4444-4444-8444-444444444444';

let position = 0;
const at = (
  eventType: string,
  data: object,
  occurredAt = '2026-12-01T08:00:00.000Z',
): ViewEntry => {
  position += 1;
  return { position: String(position), eventType, occurredAt, data };
};

const scheduled = at('NetworkMeetingScheduled', {
  meetingId: MEETING,
  kind: 'PROGRESS_MEETING',
  convenor: 'PARTY',
  convenorOrgId: ORG_A,
  invitees: [
    { orgId: ORG_A, roles: ['EMPLOYMENT_COUNSELLOR'] },
    { orgId: ORG_B, roles: ['EXPERIENTIAL_EXPERT'], expertConsentRef: 'c-1' },
  ],
  startsAt: '2026-12-08T08:00:00.000Z',
  endsAt: '2026-12-08T09:00:00.000Z',
  venue: 'REMOTE',
});

describe('meeting view composition', () => {
  it('should tell the meeting scheduled with its invitees’ organisations and roles only when only scheduled', () => {
    const meeting = meetingOf([scheduled]);
    expect(meeting).toMatchObject({ meetingId: MEETING, status: 'SCHEDULED' });
    expect(meeting?.invitees).toEqual([
      { orgId: ORG_A, roles: ['EMPLOYMENT_COUNSELLOR'] },
      { orgId: ORG_B, roles: ['EXPERIENTIAL_EXPERT'] },
    ]);
    expect(JSON.stringify(meeting)).not.toContain('expertConsentRef');
  });

  it('should say held with its times when the meeting was held', () => {
    const held = at('NetworkMeetingHeld', {
      meetingId: MEETING,
      heldAt: '2026-12-08T08:00:00.000Z',
      endedAt: '2026-12-08T08:50:00.000Z',
      clientPresent: true,
      decisions: [],
    });
    expect(meetingOf([scheduled, held])).toMatchObject({
      status: 'HELD',
      endedAt: '2026-12-08T08:50:00.000Z',
      clientPresent: true,
    });
    expect(meetingOf([held])).toBeUndefined();
  });

  it('should take the latest plan version with its goals’ latest progress when the plan was revised', () => {
    const entries = [
      at('ActivationPlanAgreed', { planId: 'p-1', planVersion: 1, reviewDate: '2027-06-01' }),
      at('GoalSet', { planId: 'p-1', goalId: 'g-1', text: 'Oma tavoite' }),
      at('GoalProgressRecorded', { goalId: 'g-1', gasLevel: -1, recordedAt: '2026-12-02' }),
      at('GoalProgressRecorded', { goalId: 'g-1', gasLevel: 1, recordedAt: '2026-12-03' }),
      at(
        'ActivationPlanRevised',
        { planId: 'p-1', planVersion: 2, reviewDate: '2027-07-01' },
        '2026-12-04T08:00:00.000Z',
      ),
    ];
    expect(planOf(entries)).toEqual({
      planId: 'p-1',
      planVersion: 2,
      since: '2026-12-04T08:00:00.000Z',
      reviewDate: '2027-07-01',
      goals: [
        { goalId: 'g-1', text: 'Oma tavoite', gasLevel: 1, progressRecordedAt: '2026-12-03' },
      ],
    });
    expect(planOf([])).toBeNull();
  });

  it('should list open next steps with their overdue rung and leave out completed ones', () => {
    const assigned = (id: string) =>
      at('ActionItemAssigned', {
        actionItemId: id,
        meetingId: MEETING,
        description: 'Varaa aika',
        ownerOrgId: ORG_A,
        ownerWorkerId: 'w-1',
        dueDate: '2026-12-10',
      });
    const items = openActionItemsOf([
      assigned('a-1'),
      assigned('a-2'),
      assigned('a-3'),
      at('ActionItemCompleted', { actionItemId: 'a-2' }),
      at('ActionItemOverdue', { actionItemId: 'a-3', level: 'WORKER' }),
      at('ActionItemOverdue', { actionItemId: 'a-3', level: 'TEAM_LEAD' }),
    ]);
    expect(items.map((item) => [item.actionItemId, item.overdueLevel])).toEqual([
      ['a-1', null],
      ['a-3', 'TEAM_LEAD'],
    ]);
  });

  it('should list hand-offs proposed and not answered or completed', () => {
    const proposed = (id: string) =>
      at('HandoffProposed', {
        handoffId: id,
        receivingOrgId: ORG_B,
        destination: { category: 'SERVICE' },
        proposedDate: '2026-12-15',
        answerDueDate: '2026-12-20',
      });
    const pending = pendingHandoffsOf([
      proposed('h-1'),
      proposed('h-2'),
      proposed('h-3'),
      proposed('h-4'),
      at('HandoffAccepted', { handoffId: 'h-1' }),
      at('HandoffDeclined', { handoffId: 'h-2' }),
      at('HandoffCompleted', { handoffId: 'h-3' }),
    ]);
    expect(pending.map((handoff) => handoff.handoffId)).toEqual(['h-4']);
  });

  it('should list decisions newest first with the command that carried each out when linked', () => {
    const decisions = recentDecisionsOf([
      at('NetworkMeetingHeld', {
        meetingId: 'm-1',
        heldAt: '2026-11-01T08:00:00.000Z',
        decisions: [{ decisionId: 'd-1', kind: 'PLAN_CHANGE' }],
      }),
      at('NetworkMeetingHeld', {
        meetingId: 'm-2',
        heldAt: '2026-12-01T08:00:00.000Z',
        decisions: [{ decisionId: 'd-2', kind: 'PAUSE' }],
      }),
      at('MeetingDecisionCarriedOut', {
        meetingId: 'm-1',
        decisionId: 'd-1',
        service: 'activation-plans',
        eventId: 'e-1',
        eventType: 'ActivationPlanRevised',
        linkedAt: '2026-11-02T08:00:00.000Z',
      }),
    ]);
    expect(
      decisions.map((decision) => [decision.decisionId, decision.carriedOut?.eventId]),
    ).toEqual([
      ['d-2', undefined],
      ['d-1', 'e-1'],
    ]);
  });

  it('should leave out the plan and next steps and name PLAN withheld when not everyone may see PLAN', () => {
    const meeting = meetingOf([scheduled]);
    if (meeting === undefined) {
      throw new Error('no meeting');
    }
    const view = composeMeetingView({
      pathId: PATH,
      meeting,
      withheld: ['PLAN'],
      sectionEntries: [at('ActivationPlanAgreed', { planId: 'p-1', planVersion: 1 })],
      latestEntries: [],
      position: '9',
    });
    expect(view.withheld).toEqual(['PLAN']);
    expect(view).not.toHaveProperty('plan');
    expect(view).not.toHaveProperty('openActionItems');
    expect(view.pendingHandoffs).toEqual([]);
    expect(view.presentOrgIds).toEqual([ORG_A, ORG_B]);
  });
});
