import type { PathStateName } from '@polku/contracts';

/**
 * What client-intake knows of where a path stands, from its own rows (the path, its latest
 * referral, its intake) and the hand-off events it already projects for access. It is less than
 * transitions knows (plans and measures are not here), but enough for every command of
 * client-intake whose event moves the path: each of those is accepted by transitions in one state
 * only (REFERRED for a referral and its answer, INTAKE for the intake), and client-intake can tell
 * that state from every other.
 */
export interface PathStage {
  /** The client left polku (transitions' ClientExited): the path is in follow-up or closed. */
  readonly exited: boolean;
  /** The path's latest referral; a re-referral is possible only after a decline. */
  readonly latestReferral: {
    readonly id: string;
    readonly toOrgId: string;
    readonly status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  } | null;
  readonly intakeRecorded: boolean;
  /** Hand-offs proposed on the path and not declined (transitions' hand-off events). */
  readonly handoffsProposed: number;
  /** Hand-offs completed (transitions' OwnershipTransferred). */
  readonly handoffsCompleted: number;
}

/**
 * The transitions state the stage corresponds to, as far as client-intake can tell: the state a
 * refusal names. Past the intake client-intake cannot tell planning from a measure, so it names
 * PLANNING, the first state the path can be in once its intake is recorded or a hand-off
 * completed.
 */
export function knownPathState(stage: PathStage): PathStateName {
  if (stage.exited) {
    return 'FOLLOW_UP';
  }
  if (stage.latestReferral === null || stage.latestReferral.status !== 'ACCEPTED') {
    return 'REFERRED';
  }
  if (stage.handoffsProposed > stage.handoffsCompleted) {
    return 'TRANSITION_PENDING';
  }
  if (stage.intakeRecorded || stage.handoffsCompleted > 0) {
    return 'PLANNING';
  }
  return 'INTAKE';
}
