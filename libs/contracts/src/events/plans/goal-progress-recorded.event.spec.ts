import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { GOAL_PROGRESS_RECORDED_V1 } from './goal-progress-recorded.event';

const SUBJECT = GOAL_PROGRESS_RECORDED_V1.subject;

describe('GoalProgressRecorded v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each([-2, -1, 0, 1, 2])('should accept the event when gasLevel is %i', (gasLevel) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { gasLevel }))).toEqual([]);
  });

  it('should accept the event when the goal has no GAS scale and gasLevel is left out', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { gasLevel: undefined }))).toEqual([]);
  });

  it.each(['CLIENT', 'WORKER', 'CLIENT_WITH_WORKER'])(
    'should accept the event when assessedBy is %s',
    (assessedBy) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { assessedBy }))).toEqual([]);
    },
  );

  it('should use the PLAN data class and the goal subject when defined', () => {
    expect(GOAL_PROGRESS_RECORDED_V1).toMatchObject({
      subject: 'polku.plans.goal.goal-progress-recorded.v1',
      type: 'GoalProgressRecorded',
      dataClass: 'PLAN',
    });
  });

  it.each(['goalId', 'recordedAt', 'assessedBy'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when goalId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { goalId: 'goal-1' }))).toEqual([
      'data.goalId must be a UUID',
    ]);
  });

  it.each([
    [3, 'data.gasLevel must not be greater than 2'],
    [-3, 'data.gasLevel must not be less than -2'],
    [0.5, 'data.gasLevel must be an integer number'],
    ['+1', 'data.gasLevel must be an integer number'],
  ])('should reject the event when gasLevel is %p', (gasLevel, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { gasLevel }))).toContain(message);
  });

  it.each([
    [
      '2026-04-15',
      'data.recordedAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z',
    ],
    [
      '2026-04-15T13:30:00+03:00',
      'data.recordedAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z',
    ],
    ['2026-04-31T10:30:00.000Z', 'data.recordedAt must be a real instant'],
  ])('should reject the event when recordedAt is %s', (recordedAt, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { recordedAt }))).toEqual([message]);
  });

  it('should reject the event when assessedBy is not an assessor', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { assessedBy: 'THERAPIST' }))).toEqual([
      'data.assessedBy must be one of the following values: CLIENT, WORKER, CLIENT_WITH_WORKER',
    ]);
  });

  it('should reject the event when it carries a free-text comment', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { comment: 'Meni hyvin' }))).toEqual([
      'data.comment should not exist',
    ]);
  });
});
