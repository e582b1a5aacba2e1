import type { StartMeasureCommand } from '@polku/contracts';
import { CommandValidationError, type RuleViolation } from '@polku/service-runtime';
import { validateMeasureSchedule, type LegalParameters } from './schedule-rules';

/**
 * The MeasureStarted contract's own cross-field rules, checked before anything is written: an
 * external placement names its host and an in-house one does not; only pay-subsidised work has
 * an employment contract. The outbox would refuse such an event, but only as a bug (500).
 */
export function assertPlacementAndContract(command: StartMeasureCommand): void {
  const { placement, measureType, contractType } = command;
  if (placement.kind === 'EXTERNAL_HOST' && placement.hostOrgId === undefined) {
    throw new CommandValidationError(
      'placement.hostOrgId: an external placement names its host organisation',
    );
  }
  if (placement.kind === 'IN_HOUSE' && placement.hostOrgId !== undefined) {
    throw new CommandValidationError(
      'placement.hostOrgId: an in-house placement has no host organisation',
    );
  }
  if (contractType !== undefined && measureType !== 'PAY_SUBSIDISED_WORK') {
    throw new CommandValidationError(
      'contractType: only pay-subsidised work has an employment contract',
    );
  }
}

/** Every legal and sense rule the measure's schedule breaks, with fields as the command names them. */
export function scheduleViolations(
  command: StartMeasureCommand,
  parameters: LegalParameters,
): RuleViolation[] {
  return validateMeasureSchedule(
    { measureType: command.measureType, ...command.schedule },
    parameters,
  ).map((violation) => ({ ...violation, field: `schedule.${violation.field}` }));
}

/**
 * A statement about the plan needs a plan. (A measure started without one is refused by the
 * path's state instead: 409 PLANNING, path-stage/path-state-rules.ts.)
 */
export const PLAN_MISSING: RuleViolation = {
  rule: 'PLAN_MISSING',
  field: '',
  message: 'The path has no activation plan yet: agree the plan with the client first.',
  legalSource: null,
};
