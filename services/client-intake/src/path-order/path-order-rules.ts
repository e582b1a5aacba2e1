import { ForbiddenCommandError, PathStateConflictError } from '@polku/service-runtime';
import { knownPathState, type PathStage } from './path-stage';

// client-intake's commands whose events move the path in transitions are accepted there in one
// path state only. Refusing them here, up front and in the transaction that would write them,
// keeps what the user is told (201/200) and what transitions records the same: an event is a
// fact every consumer absorbs, never a dead letter (docs/path-rules.md, "client-intake").

/**
 * A new referral of a path (its referrer, after a decline) is accepted only while the path is
 * referred with no referral waiting: transitions starts the next referral from there. Once the
 * receiver accepted, the receiver is accountable and the path moves on by hand-offs.
 */
export function assertMayReferAgain(stage: PathStage): void {
  const state = knownPathState(stage);
  const latest = stage.latestReferral;
  if (state === 'REFERRED' && latest?.status === 'PENDING') {
    throw new PathStateConflictError(
      state,
      `the referral to ${latest.toOrgId} is still waiting for an answer: wait for it, or ask the receiver to decline it before referring the client elsewhere`,
    );
  }
  if (state !== 'REFERRED') {
    throw new PathStateConflictError(
      state,
      stage.exited
        ? 'the client has left polku on this path; a new referral opens the next one'
        : stage.handoffsCompleted > 0
          ? 'the path has moved on by hand-offs: a move to another service is a hand-off the organisation accountable for the path proposes'
          : `${latest?.toOrgId} accepted the referral and is accountable for the path now: a move to another service is a hand-off the accountable organisation proposes`,
    );
  }
}

/** A referral is answered once, while the path waits for that answer. */
export function assertReferralAnswerable(
  stage: PathStage,
  referral: { readonly id: string; readonly status: 'PENDING' | 'ACCEPTED' | 'DECLINED' },
): void {
  const state = knownPathState(stage);
  if (referral.status !== 'PENDING') {
    throw new PathStateConflictError(
      state,
      `the referral is already ${referral.status.toLowerCase()}; it is answered only once`,
    );
  }
  if (state !== 'REFERRED') {
    throw new PathStateConflictError(
      state,
      'the client has left polku on this path; the referral can no longer be answered',
    );
  }
}

/** The intake is recorded once, after the receiver accepted the referral and before anything else. */
export function assertMayRecordIntake(stage: PathStage): void {
  const state = knownPathState(stage);
  if (state === 'INTAKE') {
    return;
  }
  const why: Record<string, string> = {
    REFERRED:
      'the referral has not been accepted yet: the receiver accepts it first, then records the intake',
    PLANNING: stage.intakeRecorded
      ? 'the intake is already recorded for this path; what changes since belongs in the activation plan'
      : 'the path was handed to another service; its receiver plans with the client',
    TRANSITION_PENDING:
      'a hand-off to another service is under way; its receiver takes the client from here',
    FOLLOW_UP: 'the client has left polku on this path',
  };
  throw new PathStateConflictError(state, `cannot record the intake: ${why[state]}`);
}

/**
 * The intake is the accountable organisation's: while the path is in intake, that is the
 * organisation that accepted the referral (transitions refuses the intake of anyone else).
 */
export function assertIntakeByAccountable(stage: PathStage, orgId: string): void {
  if (stage.latestReferral?.toOrgId !== orgId) {
    throw new ForbiddenCommandError(
      'only the organisation that accepted the referral records the intake',
    );
  }
}
