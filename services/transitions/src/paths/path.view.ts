import { handoffChecklist, type PathState } from '../path';

/**
 * A path as commands and getPath answer it: state, accountable organisation and named
 * worker, next step, the pending hand-off with its checklist, the exit and its follow-ups, the waits. What a wait is
 * for is HEALTH_FLAG data, shown only to callers covered for it.
 */
export function pathView(state: PathState, options: { readonly seesHealthFlags: boolean }) {
  return {
    pathId: state.pathId,
    state: state.state,
    accountable:
      state.accountable === null
        ? null
        : { orgId: state.accountable.orgId, workerId: state.accountable.workerId },
    nextStep:
      state.nextStep === null
        ? null
        : {
            kind: state.nextStep.kind,
            dueDate: state.nextStep.dueDate,
            level: state.nextStep.level,
          },
    pendingHandoff:
      state.pendingHandoff === null
        ? null
        : {
            handoffId: state.pendingHandoff.handoffId,
            receivingOrgId: state.pendingHandoff.receivingOrgId,
            destination: { ...state.pendingHandoff.destination },
            proposedDate: state.pendingHandoff.proposedDate,
            answerDueDate: state.pendingHandoff.answerDueDate,
            accepted: state.pendingHandoff.accepted,
            checklist: handoffChecklist(state, state.pendingHandoff.handoffId),
          },
    exit:
      state.exit === null
        ? null
        : {
            destination: { ...state.exit.destination },
            confirmed: state.exit.confirmed,
            exitDate: state.exit.exitDate,
          },
    followUps: state.followUps.map(({ followUpId, dueDate, status }) => ({
      followUpId,
      dueDate,
      status,
    })),
    waits: state.waits.map((wait) => ({
      waitId: wait.waitId,
      ...(options.seesHealthFlags
        ? {
            waitingFor: wait.waitingFor,
            ...(wait.waitingForOrgId === undefined
              ? {}
              : { waitingForOrgId: wait.waitingForOrgId }),
          }
        : {}),
      since: wait.since,
      thresholdBusinessDays: wait.thresholdBusinessDays,
      exceeded: wait.exceeded,
    })),
    ...(state.continuedByPathId === undefined
      ? {}
      : { continuedByPathId: state.continuedByPathId }),
    version: state.version,
  };
}

export type PathView = ReturnType<typeof pathView>;
