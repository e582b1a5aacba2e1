import { Matches, ValidateIf } from 'class-validator';
import { IntVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import { ServiceConfig } from './service.config';
import { FindNewServiceBusinessDays } from './shared-path-policy';

const DAYS_LIST = /^[1-9]\d{0,2}(,[1-9]\d{0,2}){0,9}$/;
const MONTHS_LIST = /^[1-9]\d?(,[1-9]\d?){0,11}$/;

/** A business-day interval of the path: a policy default (docs/domain.md §4.9), not law. */
function BusinessDays(description: string, defaultDays: number): PropertyDecorator {
  return (target, key) => {
    EnvVar({
      description: `${description} (Finnish business days).`,
      default: String(defaultDays),
    })(target, key);
    IntVar(1, 250)(target, key);
  };
}

/**
 * transitions reads everything a service does, plus the intervals of the path: when each next
 * step is due, the escalation ladder, follow-ups after an exit, reminders before a measure ends
 * (docs/transitions.md). All are policy defaults, configuration rather than code.
 */
export class TransitionsConfig extends ServiceConfig {
  @BusinessDays('Time for the receiver of a referral to answer it', 10)
  REFERRAL_ANSWER_BUSINESS_DAYS!: number;

  /** Shared with client-intake: the referrer's FIND_ANOTHER_PATH task is due the same day. */
  @FindNewServiceBusinessDays()
  FIND_NEW_SERVICE_BUSINESS_DAYS!: number;

  @BusinessDays('Time from an accepted referral to a completed intake', 10)
  INTAKE_BUSINESS_DAYS!: number;

  @BusinessDays('Time from the intake to an agreed plan', 10)
  PLAN_BUSINESS_DAYS!: number;

  @BusinessDays('Time from an agreed plan to the start of a measure', 10)
  START_MEASURE_BUSINESS_DAYS!: number;

  @BusinessDays('Time to decide the next step after a measure ends or a hand-off is declined', 5)
  DECIDE_NEXT_STEP_BUSINESS_DAYS!: number;

  @BusinessDays('Time to resume a paused measure when the pause names no expected date', 20)
  RESUME_BUSINESS_DAYS!: number;

  @BusinessDays('How often an unclear path is reviewed by its owner', 20)
  UNCLEAR_PATH_REVIEW_BUSINESS_DAYS!: number;

  @BusinessDays('Time for the receiving organisation to answer a proposed hand-off', 10)
  HANDOFF_ANSWER_BUSINESS_DAYS!: number;

  @BusinessDays(
    'Between the rungs of the escalation ladder: worker, then team lead, then manager',
    5,
  )
  ESCALATION_STEP_BUSINESS_DAYS!: number;

  @EnvVar({
    description:
      'Follow-ups after an exit, in calendar months after the exit date, comma-separated and ascending; never empty (exits to the open labour market and supported employment always get them).',
    default: '1,3,6',
  })
  @Matches(MONTHS_LIST, {
    message: 'FOLLOW_UP_MONTHS must be 1 to 12 whole months above 0, comma-separated',
  })
  FOLLOW_UP_MONTHS!: string;

  @BusinessDays('A follow-up not completed this long after its date is missed and escalated', 10)
  FOLLOW_UP_GRACE_BUSINESS_DAYS!: number;

  @EnvVar({
    description:
      'When every follow-up is done and none confirmed the destination: one more follow-up this many months later.',
    default: '1',
  })
  @IntVar(1, 12)
  REPEAT_FOLLOW_UP_MONTHS!: number;

  @BusinessDays('Time to close a path once its follow-ups are done', 10)
  CLOSE_PATH_BUSINESS_DAYS!: number;

  @EnvVar({
    description:
      'MeasureEndingSoon reminders, in calendar days before a measure’s planned end, comma-separated.',
    default: '30,14,7',
  })
  @Matches(DAYS_LIST, {
    message: 'MEASURE_ENDING_REMINDER_DAYS must be 1 to 10 whole days above 0, comma-separated',
  })
  MEASURE_ENDING_REMINDER_DAYS!: string;

  @EnvVar({
    description:
      'The organisation (uuid) that takes over the follow-ups of an exited client when the provider’s funding ends and the path names no employment authority among its plan parties; empty: none, the path then stays with the provider and goes to its manager (docs/transitions.md).',
    default: '',
  })
  @ValidateIf((config: TransitionsConfig) => config.FUNDING_END_FALLBACK_ORG_ID !== '')
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'FUNDING_END_FALLBACK_ORG_ID must be an organisation id (a uuid) or empty',
  })
  FUNDING_END_FALLBACK_ORG_ID!: string;

  @BusinessDays('How long a client may wait for a service before WaitExceeded, by default', 20)
  WAIT_THRESHOLD_BUSINESS_DAYS!: number;

  @EnvVar({
    description:
      'How often the timer poller looks for due timers (next steps, escalations, follow-ups), in milliseconds.',
    default: '1000',
  })
  @IntVar(100, 60000)
  TIMER_POLL_INTERVAL_MS!: number;

  @EnvVar({
    description:
      'An event that came before an event it follows is parked until the path can absorb it; a park older than this many minutes raises the parked-events alarm (docs/runbook.md).',
    default: '60',
  })
  @IntVar(1, 10080)
  PARKED_EVENT_ALARM_AFTER_MINUTES!: number;

  @EnvVar({
    description: 'How often each replica checks the parked events for the alarm, in milliseconds.',
    default: '60000',
  })
  @IntVar(1000, 3600000)
  PARKED_EVENT_CHECK_INTERVAL_MS!: number;
}

/** A comma-separated list of whole numbers, as the list variables hold them. */
export function numberListOf(value: string): number[] {
  return value.split(',').map(Number);
}
