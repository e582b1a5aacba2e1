import type { StoredEvent } from '../stored/stored-event';
import { COURSE_FOLDERS } from './course-folders';
import { inFoldOrder, occurrenceOf } from './fold-order';
import { finishHistory, newHistory, type Folder } from './history-builder';
import { INTAKE_FOLDERS } from './intake-folders';
import type { PathHistory } from './path-history';
import { PLAN_FOLDERS } from './plan-folders';
import { TRANSITION_FOLDERS } from './transition-folders';

/** What each stored subject adds to a path's history. */
export const FOLDERS: Readonly<Record<string, Folder>> = {
  ...INTAKE_FOLDERS,
  ...PLAN_FOLDERS,
  ...TRANSITION_FOLDERS,
  ...COURSE_FOLDERS,
};

/**
 * A path's history from its stored events: a pure function of the set of events. They are
 * read in one fixed order (fold-order.ts), so whatever order they arrived in, and whichever of
 * them have arrived so far, the same events give the same history.
 */
export function foldPath(pathId: string, events: readonly StoredEvent[]): PathHistory {
  const history = newHistory(pathId);
  for (const event of inFoldOrder(events)) {
    const folder = FOLDERS[event.subject];
    if (folder === undefined) {
      continue; // a subject this version no longer folds: kept, not read
    }
    const occurrence = occurrenceOf(event);
    history.first ??= occurrence;
    folder(history, { occurrence, data: event.data });
  }
  return finishHistory(history);
}
