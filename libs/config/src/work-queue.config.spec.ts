import { ConfigError, loadConfig } from './load-config';
import { WorkQueueConfig } from './work-queue.config';

describe('WorkQueueConfig', () => {
  it('should send no digest and send the daily one at 7 when the environment is empty', () => {
    const config = loadConfig(WorkQueueConfig, {});
    expect(config.SMTP_URL).toBe('');
    expect(config.DIGEST_HOUR).toBe(7);
    expect(config.IMMEDIATE_BATCH_SECONDS).toBe(300);
  });

  it('should accept an smtp URL with credentials when configured so', () => {
    const config = loadConfig(WorkQueueConfig, { SMTP_URL: 'smtp://u:p@127.0.0.1:2525' });
    expect(config.SMTP_URL).toBe('smtp://u:p@127.0.0.1:2525');
  });

  it('should refuse an http URL as SMTP_URL without printing its password', () => {
    let error: unknown;
    try {
      loadConfig(WorkQueueConfig, { SMTP_URL: 'http://user:hunter2@mail.example.fi' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toContain('SMTP_URL');
    expect(String((error as Error).message)).not.toContain('hunter2');
  });

  it('should refuse a digest hour of 24 when configured so', () => {
    expect(() => loadConfig(WorkQueueConfig, { DIGEST_HOUR: '24' })).toThrow(ConfigError);
  });
});
