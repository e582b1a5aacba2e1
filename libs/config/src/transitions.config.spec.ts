import { ConfigError, loadConfig } from './load-config';
import { numberListOf, TransitionsConfig } from './transitions.config';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(TransitionsConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('TransitionsConfig', () => {
  it('should give the defaults of docs/domain.md §4.9 when the environment is empty', () => {
    const config = loadConfig(TransitionsConfig, {});

    expect(config).toMatchObject({
      HANDOFF_ANSWER_BUSINESS_DAYS: 10,
      ESCALATION_STEP_BUSINESS_DAYS: 5,
      FOLLOW_UP_GRACE_BUSINESS_DAYS: 10,
      TIMER_POLL_INTERVAL_MS: 1000,
      PARKED_EVENT_ALARM_AFTER_MINUTES: 60,
      PARKED_EVENT_CHECK_INTERVAL_MS: 60000,
    });
    expect(numberListOf(config.FOLLOW_UP_MONTHS)).toEqual([1, 3, 6]);
    expect(numberListOf(config.MEASURE_ENDING_REMINDER_DAYS)).toEqual([30, 14, 7]);
  });

  it('should refuse an empty follow-up list: every exit needs follow-ups', () => {
    expect(problemsOf({ FOLLOW_UP_MONTHS: '' })).toEqual([
      'FOLLOW_UP_MONTHS must be 1 to 12 whole months above 0, comma-separated',
    ]);
  });

  it.each(['0,3', '1;3', 'one'])('should refuse the follow-up months %p', (months) => {
    expect(problemsOf({ FOLLOW_UP_MONTHS: months })).toHaveLength(1);
  });

  it('should refuse an escalation step of 0 business days', () => {
    expect(problemsOf({ ESCALATION_STEP_BUSINESS_DAYS: '0' })).toEqual([
      expect.stringContaining('ESCALATION_STEP_BUSINESS_DAYS'),
    ]);
  });

  it('should refuse a parked-event alarm of 0 minutes: every park would raise it', () => {
    expect(problemsOf({ PARKED_EVENT_ALARM_AFTER_MINUTES: '0' })).toEqual([
      expect.stringContaining('PARKED_EVENT_ALARM_AFTER_MINUTES'),
    ]);
  });
});
