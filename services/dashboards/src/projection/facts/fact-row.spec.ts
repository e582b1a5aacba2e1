import { ORGS, PathStory } from '../../../test/support/path-story';

describe('the dimensions of a fact', () => {
  it('should take municipality and age band from the latest intake, else UNKNOWN', () => {
    const story = new PathStory('2026-01-05');
    story.add('polku.transitions.path.client-exited.v1', { exitDate: '2026-01-05' });
    const before = story.facts('EXIT')[0];
    story.on('2026-01-10').add('polku.intake.intake.intake-completed.v1', {
      municipality: '205',
      ageBand: 'AGE_18_24',
    });
    story.on('2026-01-20').add('polku.intake.intake.intake-completed.v1', {
      municipality: undefined,
      ageBand: 'AGE_25_29',
    });

    expect([before.municipality, before.ageBand]).toEqual(['UNKNOWN', 'UNKNOWN']);
    expect(story.facts('EXIT')[0]).toMatchObject({ municipality: 'UNKNOWN', ageBand: 'AGE_25_29' });
  });

  it('should take the measure type of the latest measure started on or before the fact’s day', () => {
    const story = new PathStory('2026-01-05');
    const start = (startDate: string, measureType: string) =>
      story.add('polku.plans.measure.measure-started.v1', {
        measureType: measureType as never,
        schedule: { daysPerWeek: 3, hoursPerDay: 6, startDate, plannedEndDate: '2027-12-31' },
      });
    start('2026-02-01', 'WORK_TRIAL');
    start('2026-04-01', 'PAY_SUBSIDISED_WORK');
    story.add('polku.intake.referral.referral-declined.v1', {}, ORGS.nextProvider);
    story.on('2026-03-01').add('polku.transitions.handoff.handoff-declined.v1', { handoffId: 'h' });
    story.on('2026-05-01').add('polku.transitions.handoff.handoff-declined.v1', { handoffId: 'i' });

    expect(
      story
        .facts('DECLINE')
        .map((fact) => [fact.factDate, fact.measureType])
        .sort(),
    ).toEqual([
      ['2026-01-05', 'NONE'],
      ['2026-03-01', 'WORK_TRIAL'],
      ['2026-05-01', 'PAY_SUBSIDISED_WORK'],
    ]);
  });
});
