import { ORGS, PathStory } from '../../../test/support/path-story';

function measure(story: PathStory, startDate: string, measureType: string): void {
  story.add('polku.plans.measure.measure-started.v1', {
    measureType: measureType as never,
    schedule: { daysPerWeek: 3, hoursPerDay: 6, startDate, plannedEndDate: '2027-12-31' },
  });
}

function links(story: PathStory): Array<[string, string, number | null]> {
  return story.facts('LINK').map((fact) => [fact.category, fact.factDate, fact.days]);
}

describe('LINK facts', () => {
  it('should link the steps of a path in order, on the day the next was reached', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.intake.referral.client-referred.v1', {}, ORGS.authority);
    story.on('2026-01-12').add('polku.intake.intake.intake-completed.v1');
    story.on('2026-01-20').add('polku.plans.plan.activation-plan-agreed.v1', {}, ORGS.social);
    measure(story, '2026-02-02', 'REHABILITATIVE_WORK_ACTIVITY');
    measure(story, '2026-06-01', 'WORK_TRIAL');
    story.on('2026-09-30').add('polku.transitions.path.client-exited.v1', {
      destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
      exitDate: '2026-09-30',
    });

    expect(links(story)).toEqual([
      ['REFERRAL>INTAKE', '2026-01-12', 7],
      ['INTAKE>PLAN', '2026-01-20', 8],
      ['PLAN>MEASURE_1:REHABILITATIVE_WORK_ACTIVITY', '2026-02-02', 13],
      ['MEASURE_1:REHABILITATIVE_WORK_ACTIVITY>MEASURE_2:WORK_TRIAL', '2026-06-01', 119],
      ['MEASURE_2:WORK_TRIAL>DEST:OPEN_LABOUR_MARKET', '2026-09-30', 121],
    ]);
    const [first, second] = story.facts('LINK');
    expect([first.factKey, first.detail, first.orgId]).toEqual([
      'LINK:1',
      'REFERRAL',
      ORGS.provider,
    ]);
    expect(second.orgId).toBe(ORGS.social);
  });

  it('should make the third and every later measure one node', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.plans.plan.activation-plan-agreed.v1');
    measure(story, '2026-02-01', 'WORK_TRIAL');
    measure(story, '2026-03-01', 'WORK_COACHING');
    measure(story, '2026-04-01', 'PAY_SUBSIDISED_WORK');
    measure(story, '2026-05-01', 'WORK_TRIAL');

    expect(links(story).map(([category]) => category)).toEqual([
      'PLAN>MEASURE_1:WORK_TRIAL',
      'MEASURE_1:WORK_TRIAL>MEASURE_2:WORK_COACHING',
      'MEASURE_2:WORK_COACHING>MEASURE_3:PAY_SUBSIDISED_WORK',
    ]);
  });

  it('should go through DECLINED when the first referral was declined', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.intake.referral.client-referred.v1', {}, ORGS.authority);
    story.on('2026-01-09').add('polku.intake.referral.referral-declined.v1', {
      declinedByOrgId: ORGS.nextProvider,
    });
    story.on('2026-01-30').add('polku.intake.intake.intake-completed.v1');

    expect(links(story)).toEqual([
      ['REFERRAL>DECLINED', '2026-01-09', 4],
      ['DECLINED>INTAKE', '2026-01-30', 21],
    ]);
    expect(story.facts('LINK')[0].orgId).toBe(ORGS.nextProvider);
  });

  it('should order steps of one day as a path goes, and a measure by its start date', () => {
    const story = new PathStory('2026-01-05');
    measure(story, '2026-01-05', 'WORK_TRIAL');
    story.add('polku.plans.plan.activation-plan-agreed.v1');
    story.add('polku.intake.intake.intake-completed.v1');

    expect(links(story)).toEqual([
      ['INTAKE>PLAN', '2026-01-05', 0],
      ['PLAN>MEASURE_1:WORK_TRIAL', '2026-01-05', 0],
    ]);
  });
});
