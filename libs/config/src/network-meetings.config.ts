import { IntVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import { ServiceConfig } from './service.config';

/**
 * network-meetings reads everything a service does, plus the limits of the shared timeline
 * (docs/meetings.md).
 */
export class NetworkMeetingsConfig extends ServiceConfig {
  @EnvVar({
    description:
      'Most timeline entries a live subscriber catches up one by one after a reconnect; when more follow its last event id, it is told to reload the timeline instead (gapTooLarge).',
    default: '500',
  })
  @IntVar(1, 100000)
  LIVE_RESUME_MAX_ENTRIES!: number;
}
