import {
  DEFAULT_PATH_POLICY,
  InvalidPathPolicyError,
  pathPolicy,
  pathPolicyProblems,
} from './path-policy';

describe('pathPolicy', () => {
  it('should give the defaults of docs/transitions.md and docs/domain.md §4.9', () => {
    expect(pathPolicy()).toEqual(DEFAULT_PATH_POLICY);
    expect(DEFAULT_PATH_POLICY).toMatchObject({
      referralAnswerBusinessDays: 10,
      intakeBusinessDays: 10,
      planBusinessDays: 10,
      startMeasureBusinessDays: 10,
      decideNextStepBusinessDays: 5,
      resumeBusinessDays: 20,
      unclearPathReviewBusinessDays: 20,
      handoffAnswerBusinessDays: 10,
      escalationStepBusinessDays: 5,
      followUpMonths: [1, 3, 6],
      followUpGraceBusinessDays: 10,
      measureEndingReminderDays: [30, 14, 7],
    });
  });

  it('should take overrides', () => {
    expect(pathPolicy({ followUpMonths: [1, 3, 6, 12] }).followUpMonths).toEqual([1, 3, 6, 12]);
  });

  it('should refuse a policy without follow-ups, for every exit or for one destination', () => {
    expect(() => pathPolicy({ followUpMonths: [] })).toThrow(InvalidPathPolicyError);
    expect(() => pathPolicy({ followUpMonthsByCategory: { OPEN_LABOUR_MARKET: [] } })).toThrow(
      'followUpMonthsByCategory.OPEN_LABOUR_MARKET is empty: every exit needs follow-ups',
    );
  });

  it('should list every problem of a policy', () => {
    expect(
      pathPolicyProblems({
        ...DEFAULT_PATH_POLICY,
        intakeBusinessDays: 0,
        escalationStepBusinessDays: 2.5,
        followUpMonths: [3, 1],
        measureEndingReminderDays: [-1],
      }),
    ).toEqual([
      'intakeBusinessDays must be a whole number above 0',
      'escalationStepBusinessDays must be a whole number above 0',
      'followUpMonths must be whole months above 0, ascending',
      'measureEndingReminderDays must be whole days above 0',
    ]);
  });
});
