import { loadConfig, TransitionsConfig } from '@polku/config';
import { DEFAULT_PATH_POLICY, InvalidPathPolicyError } from '../path';
import { pathPolicyFromConfig } from './path-policy.provider';

const configOf = (env: Record<string, string> = {}) => loadConfig(TransitionsConfig, env);

describe('pathPolicyFromConfig', () => {
  it('should give the machine’s defaults when the configuration is the default', () => {
    expect(pathPolicyFromConfig(configOf())).toEqual(DEFAULT_PATH_POLICY);
  });

  it('should take the intervals and lists from the configuration when they are set', () => {
    const policy = pathPolicyFromConfig(
      configOf({
        HANDOFF_ANSWER_BUSINESS_DAYS: '7',
        ESCALATION_STEP_BUSINESS_DAYS: '3',
        FOLLOW_UP_MONTHS: '2,4',
        MEASURE_ENDING_REMINDER_DAYS: '21,7',
      }),
    );

    expect(policy).toMatchObject({
      handoffAnswerBusinessDays: 7,
      escalationStepBusinessDays: 3,
      followUpMonths: [2, 4],
      measureEndingReminderDays: [21, 7],
    });
  });

  it('should refuse to start when the follow-up months are not ascending', () => {
    expect(() => pathPolicyFromConfig(configOf({ FOLLOW_UP_MONTHS: '6,3' }))).toThrow(
      InvalidPathPolicyError,
    );
  });

  it('should refuse to start when a reminder is further ahead than MeasureEndingSoon can carry', () => {
    expect(() =>
      pathPolicyFromConfig(configOf({ MEASURE_ENDING_REMINDER_DAYS: '120,30' })),
    ).toThrow(/MEASURE_ENDING_REMINDER_DAYS 120/);
  });

  it('should refuse to start when the default wait threshold is longer than WaitingStarted allows', () => {
    expect(() => pathPolicyFromConfig(configOf({ WAIT_THRESHOLD_BUSINESS_DAYS: '121' }))).toThrow(
      /WAIT_THRESHOLD_BUSINESS_DAYS must be at most 120/,
    );
  });
});
