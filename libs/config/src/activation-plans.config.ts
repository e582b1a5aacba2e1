import { Matches, ValidateBy, type ValidationArguments } from 'class-validator';
import { IntVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import { ServiceConfig } from './service.config';

/** Where the default limits of rehabilitative work activity come from (docs/domain.md §1.5). */
export const DEFAULT_KTT_LEGAL_SOURCE = 'Act 189/2001 as amended by Act 142/2015';

/**
 * Refuses a lower limit above its upper limit. Silent while either side is not a whole number:
 * IntVar already reports that, and one bad value should give one line.
 */
function NotAbove(upperName: keyof ActivationPlansConfig, unit: string): PropertyDecorator {
  return ValidateBy({
    name: 'notAbove',
    constraints: [upperName],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const upper: unknown = (args?.object as Record<string, unknown> | undefined)?.[upperName];
        return (
          !Number.isInteger(value) || !Number.isInteger(upper) || Number(value) <= Number(upper)
        );
      },
      defaultMessage: (args?: ValidationArguments) => {
        const upper: unknown = (args?.object as Record<string, unknown> | undefined)?.[upperName];
        return `${args?.property} must not be more than ${upperName} (${String(args?.value)} > ${String(upper)} ${unit})`;
      },
    },
  });
}

/**
 * activation-plans reads everything a service does, plus the legal parameters of measures and
 * the plan review interval (docs/plans.md). A change of law is a change of these values.
 */
export class ActivationPlansConfig extends ServiceConfig {
  @EnvVar({
    description:
      'Shortest period of rehabilitative work activity, in calendar months (3 under Act 189/2001 as amended by Act 142/2015).',
    default: '3',
  })
  @IntVar(1, 60)
  @NotAbove('KTT_PERIOD_MAX_MONTHS', 'months')
  KTT_PERIOD_MIN_MONTHS!: number;

  @EnvVar({
    description:
      'Longest period of rehabilitative work activity at a time, in calendar months (24 under Act 189/2001 as amended by Act 142/2015).',
    default: '24',
  })
  @IntVar(1, 60)
  KTT_PERIOD_MAX_MONTHS!: number;

  @EnvVar({
    description:
      'Fewest days a week of rehabilitative work activity (1 under Act 189/2001 as amended by Act 142/2015).',
    default: '1',
  })
  @IntVar(1, 7)
  @NotAbove('KTT_DAYS_PER_WEEK_MAX', 'days')
  KTT_DAYS_PER_WEEK_MIN!: number;

  @EnvVar({
    description:
      'Most days a week of rehabilitative work activity (4 under Act 189/2001 as amended by Act 142/2015).',
    default: '4',
  })
  @IntVar(1, 7)
  KTT_DAYS_PER_WEEK_MAX!: number;

  @EnvVar({
    description:
      'Fewest hours in a day of rehabilitative work activity (4 under Act 189/2001 as amended by Act 142/2015).',
    default: '4',
  })
  @IntVar(1, 24)
  KTT_HOURS_PER_DAY_MIN!: number;

  @EnvVar({
    description:
      'The legal source quoted to caseworkers when a rehabilitative work activity schedule breaks one of the KTT_ limits; change it with the limits when the law changes.',
    default: DEFAULT_KTT_LEGAL_SOURCE,
  })
  @Matches(/^[^\r\n]{1,200}$/, {
    message: 'KTT_LEGAL_SOURCE must be one line of 1 to 200 characters',
  })
  KTT_LEGAL_SOURCE!: string;

  @EnvVar({
    description:
      'How often an activation plan is reviewed, in calendar months: a policy default, not a legal limit (docs/plans.md).',
    default: '6',
  })
  @IntVar(1, 24)
  PLAN_REVIEW_INTERVAL_MONTHS!: number;

  @EnvVar({
    description:
      'Finnish business days after its review date before a plan that has not been reviewed raises PlanReviewOverdue (a policy default, docs/plans.md).',
    default: '10',
  })
  @IntVar(1, 60)
  PLAN_REVIEW_GRACE_BUSINESS_DAYS!: number;

  @EnvVar({
    description:
      'Finnish business days a statement is due after it is requested, when the request names no due date (a policy default, docs/plans.md).',
    default: '10',
  })
  @IntVar(1, 60)
  STATEMENT_DUE_BUSINESS_DAYS!: number;

  @EnvVar({
    description:
      'How often the timer poller looks for due timers (plan reviews), in milliseconds; a due timer fires within this much of its time.',
    default: '1000',
  })
  @IntVar(100, 60000)
  TIMER_POLL_INTERVAL_MS!: number;
}
