import {
  NEXT_STEP_OVERDUE_V1,
  NEXT_STEP_SET_V1,
  WAIT_EXCEEDED_V1,
  WAITING_ENDED_V1,
  WAITING_STARTED_V1,
} from '@polku/contracts';
import {
  addParties,
  entryOf,
  text,
  type Data,
  type Folder,
  type HistoryBuilder,
} from './history-builder';
import type { Wait } from './path-history';

function waitOf(history: HistoryBuilder, data: Data): Wait {
  const id = text(data, 'waitId') ?? '';
  return entryOf(history.waits, id, () => ({ waitId: id }));
}

/** The path's course (NextStepSet), its late steps and its waits. */
export const COURSE_FOLDERS: Readonly<Record<string, Folder>> = {
  [NEXT_STEP_SET_V1.subject]: (history, { occurrence, data }) => {
    const version = typeof data.pathVersion === 'number' ? data.pathVersion : 0;
    // One step per version; a second copy of a version (never written) would change nothing.
    if (history.steps.has(version)) {
      return;
    }
    history.steps.set(version, {
      ...occurrence,
      version,
      state: text(data, 'state') ?? 'UNKNOWN',
      accountableOrgId: text(data, 'accountableOrgId'),
      nextStep: text(data, 'nextStep'),
      dueDate: text(data, 'dueDate'),
      level: text(data, 'level'),
    });
    addParties(history, data.accountableOrgId);
  },
  [NEXT_STEP_OVERDUE_V1.subject]: (history, { occurrence, data }) => {
    history.signals.push({
      ...occurrence,
      type: 'NextStepOverdue',
      level: text(data, 'level'),
      targetOrgId: text(data, 'accountableOrgId'),
      nextStep: text(data, 'nextStep'),
      dueDate: text(data, 'dueDate'),
    });
  },
  [WAITING_STARTED_V1.subject]: (history, { occurrence, data }) => {
    waitOf(history, data).started ??= {
      ...occurrence,
      waitingFor: text(data, 'waitingFor') ?? 'OTHER',
    };
  },
  [WAITING_ENDED_V1.subject]: (history, { data }) => {
    const wait = waitOf(history, data);
    wait.endedOn ??= text(data, 'endedOn');
  },
  [WAIT_EXCEEDED_V1.subject]: (history, { occurrence, data }) => {
    const wait = waitOf(history, data);
    const since = text(data, 'since');
    if (since !== undefined) {
      wait.exceeded ??= { ...occurrence, since, waitingFor: text(data, 'waitingFor') ?? 'OTHER' };
    }
    history.signals.push({ ...occurrence, type: 'WaitExceeded', ref: wait.waitId });
  },
};
