import { IntVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import { ServiceConfig } from './service.config';

/**
 * network-meetings reads everything a service does, plus the policy of agreed next steps (how
 * an overdue action item climbs its escalation ladder) and the limits of the shared timeline
 * (docs/meetings.md).
 */
export class NetworkMeetingsConfig extends ServiceConfig {
  @EnvVar({
    description:
      'Finnish business days between the rungs of an overdue action item’s escalation ladder: worker (the day after the due date), then team lead, then manager (a policy default, docs/meetings.md).',
    default: '5',
  })
  @IntVar(1, 60)
  ACTION_ITEM_ESCALATION_BUSINESS_DAYS!: number;

  @EnvVar({
    description:
      'How often the timer poller looks for due timers (action-item escalation), in milliseconds; a due timer fires within this much of its time.',
    default: '1000',
  })
  @IntVar(100, 60000)
  TIMER_POLL_INTERVAL_MS!: number;

  @EnvVar({
    description:
      'Most timeline entries a live subscriber catches up one by one after a reconnect; when more follow its last event id, it is told to reload the timeline instead (gapTooLarge).',
    default: '500',
  })
  @IntVar(1, 100000)
  LIVE_RESUME_MAX_ENTRIES!: number;
}
