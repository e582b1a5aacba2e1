import { numberListOf, TransitionsConfig } from '@polku/config';
import { MEASURE_ENDING_SOON_V1, WAIT_THRESHOLD_BUSINESS_DAYS } from '@polku/contracts';
import { randomUUID } from 'node:crypto';
import { contractEventProblems } from './contract-event-check';
import { InvalidPathPolicyError, pathPolicy, type PathPolicy } from '../path';

/** Injection token of the PathPolicy every decision of this service is made with. */
export const PATH_POLICY = Symbol('PATH_POLICY');

// The configuration allows reminders further ahead than MeasureEndingSoon can carry; a timer
// whose event breaks its contract would fail for ever, so such a reminder refuses the start.
function unsendableReminderDays(days: readonly number[]): number[] {
  return days.filter(
    (daysBefore) =>
      contractEventProblems({
        subject: MEASURE_ENDING_SOON_V1.subject,
        data: {
          measureId: randomUUID(),
          plannedEndDate: '2030-06-28',
          daysBefore,
          checklist: [{ item: 'NEXT_STEP_PLAN', done: false }],
        },
      }).length > 0,
  );
}

/**
 * The path's intervals from the configuration (docs/domain.md §4.9 "Defaults"). Throws
 * InvalidPathPolicyError on a combination the machine cannot use, so the service refuses to
 * start, like on any other configuration error.
 */
export function pathPolicyFromConfig(config: TransitionsConfig): PathPolicy {
  const measureEndingReminderDays = numberListOf(config.MEASURE_ENDING_REMINDER_DAYS);
  const problems: string[] = [];
  const unsendable = unsendableReminderDays(measureEndingReminderDays);
  if (unsendable.length > 0) {
    problems.push(
      `MEASURE_ENDING_REMINDER_DAYS ${unsendable.join(',')}: MeasureEndingSoon cannot carry a reminder that far ahead`,
    );
  }
  // The default threshold of a wait, used when startWaiting names none: one the contract
  // refuses would make every such command fail.
  if (config.WAIT_THRESHOLD_BUSINESS_DAYS > WAIT_THRESHOLD_BUSINESS_DAYS.max) {
    problems.push(
      `WAIT_THRESHOLD_BUSINESS_DAYS must be at most ${WAIT_THRESHOLD_BUSINESS_DAYS.max}, as in WaitingStarted`,
    );
  }
  if (problems.length > 0) {
    throw new InvalidPathPolicyError(problems);
  }
  return pathPolicy({
    referralAnswerBusinessDays: config.REFERRAL_ANSWER_BUSINESS_DAYS,
    findNewServiceBusinessDays: config.FIND_NEW_SERVICE_BUSINESS_DAYS,
    intakeBusinessDays: config.INTAKE_BUSINESS_DAYS,
    planBusinessDays: config.PLAN_BUSINESS_DAYS,
    startMeasureBusinessDays: config.START_MEASURE_BUSINESS_DAYS,
    decideNextStepBusinessDays: config.DECIDE_NEXT_STEP_BUSINESS_DAYS,
    resumeBusinessDays: config.RESUME_BUSINESS_DAYS,
    unclearPathReviewBusinessDays: config.UNCLEAR_PATH_REVIEW_BUSINESS_DAYS,
    handoffAnswerBusinessDays: config.HANDOFF_ANSWER_BUSINESS_DAYS,
    escalationStepBusinessDays: config.ESCALATION_STEP_BUSINESS_DAYS,
    followUpMonths: numberListOf(config.FOLLOW_UP_MONTHS),
    followUpGraceBusinessDays: config.FOLLOW_UP_GRACE_BUSINESS_DAYS,
    repeatFollowUpMonths: config.REPEAT_FOLLOW_UP_MONTHS,
    closePathBusinessDays: config.CLOSE_PATH_BUSINESS_DAYS,
    measureEndingReminderDays,
  });
}

export const PATH_POLICY_PROVIDER = {
  provide: PATH_POLICY,
  inject: [TransitionsConfig],
  useFactory: pathPolicyFromConfig,
};
