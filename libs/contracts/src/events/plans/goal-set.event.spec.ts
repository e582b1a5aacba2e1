import { aValidEvent, errorsOf, VALID_PAYLOADS, withData } from '../../../test/event-factories';
import { GOAL_SET_V1, MAX_GAS_LEVEL_TEXT_LENGTH, MAX_GOAL_TEXT_LENGTH } from './goal-set.event';

const SUBJECT = GOAL_SET_V1.subject;
const GAS_SCALE = VALID_PAYLOADS[SUBJECT].gasScale;

describe('GoalSet v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the goal has no GAS scale', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { gasScale: undefined }))).toEqual([]);
  });

  it(`should accept the event when the text is exactly ${MAX_GOAL_TEXT_LENGTH} characters`, () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { text: 'a'.repeat(MAX_GOAL_TEXT_LENGTH) })),
    ).toEqual([]);
  });

  it('should use the PLAN data class and the goal subject when defined', () => {
    expect(GOAL_SET_V1).toMatchObject({
      subject: 'polku.plans.goal.goal-set.v1',
      type: 'GoalSet',
      dataClass: 'PLAN',
    });
  });

  it.each(['planId', 'goalId', 'text'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each(['planId', 'goalId'])('should reject the event when %s is not a uuid', (field) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: 'goal-1' }))).toEqual([
      `data.${field} must be a UUID`,
    ]);
  });

  it.each([
    ['', 'data.text should not be empty'],
    [
      'a'.repeat(MAX_GOAL_TEXT_LENGTH + 1),
      `data.text must be shorter than or equal to ${MAX_GOAL_TEXT_LENGTH} characters`,
    ],
    [
      'Minä, 131052-308T, haluan töihin',
      'data.text must not contain a personal identity code (identity stays in client-intake)',
    ],
    [42, 'data.text must be a string'],
  ])('should reject the event when text is %j', (text, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { text }))).toContain(message);
  });

  it.each(['levelMinus2', 'levelMinus1', 'level0', 'levelPlus1', 'levelPlus2'])(
    'should reject the event and name data.gasScale.%s when the scale leaves that level undescribed',
    (level) => {
      const gasScale: Record<string, unknown> = { ...GAS_SCALE };
      delete gasScale[level];
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { gasScale }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.gasScale.${level} `))).toBe(true);
    },
  );

  it.each([
    ['', 'data.gasScale.level0 should not be empty'],
    [
      'a'.repeat(MAX_GAS_LEVEL_TEXT_LENGTH + 1),
      `data.gasScale.level0 must be shorter than or equal to ${MAX_GAS_LEVEL_TEXT_LENGTH} characters`,
    ],
    [
      '010190A123B käy töissä',
      'data.gasScale.level0 must not contain a personal identity code (identity stays in client-intake)',
    ],
  ])('should reject the event when the level 0 text is %j', (level0, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { gasScale: { ...GAS_SCALE, level0 } }))).toEqual([
      message,
    ]);
  });

  it('should reject the event when the GAS scale has a sixth level', () => {
    const gasScale = { ...GAS_SCALE, levelPlus3: 'Kokoaikatyö avoimilla työmarkkinoilla.' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { gasScale }))).toEqual([
      'data.gasScale.levelPlus3 should not exist',
    ]);
  });

  it('should reject the event when the GAS scale is a list rather than an object', () => {
    const gasScale = Object.values(GAS_SCALE ?? {});

    expect(errorsOf(SUBJECT, withData(SUBJECT, { gasScale }))).toContain(
      'data.gasScale must be an object',
    );
  });
});
