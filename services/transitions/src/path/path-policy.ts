import type { DestinationCategory } from '@polku/contracts';

// The intervals of the path (docs/transitions.md, docs/domain.md §4.9 "Defaults"): configuration,
// not code. Business days are Finnish business days (@polku/timers).

export interface PathPolicy {
  readonly referralAnswerBusinessDays: number;
  readonly findNewServiceBusinessDays: number;
  readonly intakeBusinessDays: number;
  readonly planBusinessDays: number;
  readonly startMeasureBusinessDays: number;
  readonly decideNextStepBusinessDays: number;
  /** For RESUME_MEASURE when the pause names no expected resume date. */
  readonly resumeBusinessDays: number;
  readonly unclearPathReviewBusinessDays: number;
  readonly handoffAnswerBusinessDays: number;
  /** Between the rungs of the ladder: worker, team lead, manager. */
  readonly escalationStepBusinessDays: number;
  /** Calendar months after the exit date. */
  readonly followUpMonths: readonly number[];
  /** Per-destination replacements of followUpMonths; never empty either. */
  readonly followUpMonthsByCategory: Readonly<
    Partial<Record<DestinationCategory, readonly number[]>>
  >;
  /** A follow-up not completed this many business days after its date is missed. */
  readonly followUpGraceBusinessDays: number;
  /** When every follow-up is done and nothing confirmed the destination: one more, this later. */
  readonly repeatFollowUpMonths: number;
  readonly closePathBusinessDays: number;
  /** Calendar days before a measure's planned end at which MeasureEndingSoon is raised. */
  readonly measureEndingReminderDays: readonly number[];
}

export const DEFAULT_PATH_POLICY: PathPolicy = {
  referralAnswerBusinessDays: 10,
  findNewServiceBusinessDays: 10,
  intakeBusinessDays: 10,
  planBusinessDays: 10,
  startMeasureBusinessDays: 10,
  decideNextStepBusinessDays: 5,
  resumeBusinessDays: 20,
  unclearPathReviewBusinessDays: 20,
  handoffAnswerBusinessDays: 10,
  escalationStepBusinessDays: 5,
  followUpMonths: [1, 3, 6],
  followUpMonthsByCategory: {},
  followUpGraceBusinessDays: 10,
  repeatFollowUpMonths: 1,
  closePathBusinessDays: 10,
  measureEndingReminderDays: [30, 14, 7],
};

/**
 * The follow-up months used when a policy (built by hand, past pathPolicy()) has none: an exit
 * never goes without follow-ups, least of all to the open labour market or supported employment,
 * where the chain breaks (docs/domain.md §5.1).
 */
export const MANDATORY_FOLLOW_UP_MONTHS: readonly number[] = [1, 3, 6];

export class InvalidPathPolicyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid path policy: ${problems.join('; ')}`);
    this.name = 'InvalidPathPolicyError';
  }
}

const DAY_COUNTS = [
  'referralAnswerBusinessDays',
  'findNewServiceBusinessDays',
  'intakeBusinessDays',
  'planBusinessDays',
  'startMeasureBusinessDays',
  'decideNextStepBusinessDays',
  'resumeBusinessDays',
  'unclearPathReviewBusinessDays',
  'handoffAnswerBusinessDays',
  'escalationStepBusinessDays',
  'followUpGraceBusinessDays',
  'repeatFollowUpMonths',
  'closePathBusinessDays',
] as const satisfies readonly (keyof PathPolicy)[];

function monthListProblems(name: string, months: readonly number[]): string[] {
  if (months.length === 0) {
    return [`${name} is empty: every exit needs follow-ups`];
  }
  const ascending = months.every((month, i) => i === 0 || month > months[i - 1]);
  const whole = months.every((month) => Number.isInteger(month) && month > 0);
  return whole && ascending ? [] : [`${name} must be whole months above 0, ascending`];
}

/** Every problem of a policy; empty when it is usable. */
export function pathPolicyProblems(policy: PathPolicy): string[] {
  const problems = DAY_COUNTS.filter(
    (name) => !Number.isInteger(policy[name]) || policy[name] < 1,
  ).map((name) => `${name} must be a whole number above 0`);
  problems.push(...monthListProblems('followUpMonths', policy.followUpMonths));
  for (const [category, months] of Object.entries(policy.followUpMonthsByCategory)) {
    problems.push(...monthListProblems(`followUpMonthsByCategory.${category}`, months ?? []));
  }
  if (!policy.measureEndingReminderDays.every((days) => Number.isInteger(days) && days > 0)) {
    problems.push('measureEndingReminderDays must be whole days above 0');
  }
  return problems;
}

/** The defaults with `overrides`, checked: throws InvalidPathPolicyError when unusable. */
export function pathPolicy(overrides: Partial<PathPolicy> = {}): PathPolicy {
  const policy = { ...DEFAULT_PATH_POLICY, ...overrides };
  const problems = pathPolicyProblems(policy);
  if (problems.length > 0) {
    throw new InvalidPathPolicyError(problems);
  }
  return policy;
}
