import { IntVar } from './coerce';
import { EnvVar } from './env-var.decorator';

// Path policy that more than one service applies. Each such variable is defined here once and
// read by every config class that needs it, so the services cannot disagree on its meaning,
// default or range, and docs/configuration.md shows one row naming all its readers.

/**
 * Business days the referrer of a declined referral has to find the client another service:
 * client-intake's FIND_ANOTHER_PATH task (and the LINK_REFERRAL task, which follows the same
 * policy) and transitions' FIND_NEW_SERVICE step are due on the same day (docs/intake.md).
 */
export function FindNewServiceBusinessDays(): PropertyDecorator {
  return (target, key) => {
    EnvVar({
      description:
        'Time for the referrer to find another service after its referral is declined (Finnish business days): the due date of transitions’ FIND_NEW_SERVICE step and of client-intake’s FIND_ANOTHER_PATH task, which are one deadline.',
      default: '10',
    })(target, key);
    IntVar(1, 250)(target, key);
  };
}
