import { ESCALATION_LEVELS, NEXT_STEP_KINDS, OVERDUE_REPORTED_NEXT_STEP_KINDS } from './next-step';

describe('next steps', () => {
  it('should name every next step of docs/transitions.md once when listed', () => {
    expect(new Set(NEXT_STEP_KINDS).size).toBe(NEXT_STEP_KINDS.length);
    expect(NEXT_STEP_KINDS).toEqual(
      expect.arrayContaining([
        'ANSWER_REFERRAL',
        'FIND_NEW_SERVICE',
        'COMPLETE_INTAKE',
        'AGREE_PLAN',
        'START_MEASURE',
        'PLAN_NEXT_STEP',
        'RESUME_MEASURE',
        'DECIDE_NEXT_STEP',
        'AWAIT_HANDOFF_ANSWER',
        'REVIEW_UNCLEAR_PATH',
        'FOLLOW_UP',
        'REHOME_BEFORE_FUNDING_ENDS',
        'CLOSE_PATH',
      ]),
    );
  });

  it('should leave the steps with their own escalation events out when NextStepOverdue reports lateness', () => {
    expect(
      NEXT_STEP_KINDS.filter((kind) => !OVERDUE_REPORTED_NEXT_STEP_KINDS.includes(kind as never)),
    ).toEqual(['AWAIT_HANDOFF_ANSWER', 'FOLLOW_UP']);
  });

  it('should climb from the worker to the manager when escalating', () => {
    expect(ESCALATION_LEVELS).toEqual(['WORKER', 'TEAM_LEAD', 'MANAGER']);
  });
});
