import { ServiceConfig, WorkQueueConfig } from '@polku/config';

/** The ServiceConfig provider's instance as the WorkQueueConfig it must be. */
export function workQueueConfigOf(config: ServiceConfig): WorkQueueConfig {
  if (!(config instanceof WorkQueueConfig)) {
    throw new Error(
      'work-queue needs a WorkQueueConfig: start it with bootstrapService({ configClass: WorkQueueConfig }), and tests with configClass: WorkQueueConfig',
    );
  }
  return config;
}

/** Provides WorkQueueConfig itself, so features inject the digest settings by type. */
export const WORK_QUEUE_CONFIG_PROVIDER = {
  provide: WorkQueueConfig,
  inject: [ServiceConfig],
  useFactory: workQueueConfigOf,
};
