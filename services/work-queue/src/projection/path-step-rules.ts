import type { WorkItemRow } from './work-item-rules';

/** The path's card and history, as syncPathStep reads them for its PATH_STEP item. */
export interface PathStepSource {
  readonly state: string;
  readonly accountableOrgId: string | null;
  readonly nextStep: string | null;
  readonly dueDate: string | null;
  readonly level: string | null;
  /** The card's version: when and by which NextStepSet. */
  readonly versionAt: string;
  readonly versionEventId: string;
  /** The first version of the run with the card's step and due date. */
  readonly runAt: string | null;
  readonly runEventId: string | null;
}

/** The states in which a path has no next step of anyone's (docs/path-rules.md). */
export const PATH_ENDED_STATES: readonly string[] = ['CLOSED', 'REENTERED'];

/**
 * The PATH_STEP item of a path: the path worker's next step while the path is open (its date
 * from the run, so the item is unread again exactly when the step or due date changes), cleared
 * by the version that ended the path. Undefined when there is nothing to write: an ended path
 * whose step never reached a queue.
 */
export function decidePathStep(
  pathId: string,
  source: PathStepSource,
  existing: WorkItemRow | undefined,
): WorkItemRow | undefined {
  const key = `PATH_STEP:${pathId}`;
  const ended = PATH_ENDED_STATES.includes(source.state) || source.nextStep === null;
  if (ended) {
    if (existing === undefined) {
      return undefined;
    }
    return { ...existing, clearedAt: source.versionAt, clearedEventId: source.versionEventId };
  }
  return {
    itemKey: key,
    kind: 'PATH_STEP',
    pathId,
    signal: 'NextStepSet',
    subjectId: pathId,
    underlyingKey: null,
    nextStep: source.nextStep,
    level: source.level,
    dueDate: source.dueDate,
    lost: false,
    recipientOrgId: source.accountableOrgId,
    recipientKind: 'PATH_WORKER',
    recipientWorkerId: null,
    openedAt: source.runAt ?? source.versionAt,
    openedEventId: source.runEventId ?? source.versionEventId,
    clearedAt: null,
    clearedEventId: null,
  };
}
