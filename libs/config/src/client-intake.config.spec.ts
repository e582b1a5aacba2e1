import { ClientIntakeConfig } from './client-intake.config';
import { ConfigError, loadConfig } from './load-config';
import { TransitionsConfig } from './transitions.config';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(ClientIntakeConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('ClientIntakeConfig policy values', () => {
  it('should give a declined referral’s task 10 business days when the environment is empty', () => {
    expect(loadConfig(ClientIntakeConfig, {}).FIND_NEW_SERVICE_BUSINESS_DAYS).toBe(10);
  });

  it('should take the business days from the environment when the policy changes', () => {
    expect(
      loadConfig(ClientIntakeConfig, { FIND_NEW_SERVICE_BUSINESS_DAYS: '15' })
        .FIND_NEW_SERVICE_BUSINESS_DAYS,
    ).toBe(15);
  });

  it.each([
    ['0', '0'],
    ['251', '251'],
    ['2.5', '"2.5"'],
  ])('should refuse %p business days with one line', (days, shown) => {
    expect(problemsOf({ FIND_NEW_SERVICE_BUSINESS_DAYS: days })).toEqual([
      `FIND_NEW_SERVICE_BUSINESS_DAYS must be a whole number from 1 to 250, got ${shown}`,
    ]);
  });

  it('should read the one deadline transitions reads, so the task and the path step fall due together', () => {
    const env = { FIND_NEW_SERVICE_BUSINESS_DAYS: '17' };
    expect(loadConfig(ClientIntakeConfig, env).FIND_NEW_SERVICE_BUSINESS_DAYS).toBe(17);
    expect(loadConfig(TransitionsConfig, env).FIND_NEW_SERVICE_BUSINESS_DAYS).toBe(17);
  });
});
