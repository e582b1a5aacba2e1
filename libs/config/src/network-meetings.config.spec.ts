import { ConfigError, loadConfig } from './load-config';
import { NetworkMeetingsConfig } from './network-meetings.config';

describe('NetworkMeetingsConfig', () => {
  it('should let a live subscriber catch up 500 entries when the environment is empty', () => {
    expect(loadConfig(NetworkMeetingsConfig, {}).LIVE_RESUME_MAX_ENTRIES).toBe(500);
  });

  it('should refuse a catch-up limit of 0 when configured so', () => {
    expect(() => loadConfig(NetworkMeetingsConfig, { LIVE_RESUME_MAX_ENTRIES: '0' })).toThrow(
      ConfigError,
    );
  });
});
