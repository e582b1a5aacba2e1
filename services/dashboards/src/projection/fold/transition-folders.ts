import {
  CLIENT_EXITED_V1,
  FOLLOW_UP_COMPLETED_V1,
  FOLLOW_UP_DUE_V1,
  FOLLOW_UP_MISSED_V1,
  FOLLOW_UP_SCHEDULED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_COMPLETED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_ESCALATED_V1,
  HANDOFF_PROPOSED_V1,
  OWNERSHIP_TRANSFERRED_V1,
} from '@polku/contracts';
import {
  addParties,
  entryOf,
  text,
  type Data,
  type Folder,
  type HistoryBuilder,
} from './history-builder';
import type { FollowUp, Handoff } from './path-history';

function handoffOf(history: HistoryBuilder, data: Data): Handoff {
  const id = text(data, 'handoffId') ?? '';
  return entryOf(history.handoffs, id, () => ({ handoffId: id, escalations: [] }));
}

function followUpOf(history: HistoryBuilder, followUpId: string | undefined): FollowUp {
  const id = followUpId ?? '';
  return entryOf(history.followUps, id, () => ({ followUpId: id }));
}

/** A follow-up's due date and owner as the latest event names them. */
function dueAndOwner(followUp: FollowUp, data: Data): void {
  followUp.dueDate = text(data, 'dueDate') ?? followUp.dueDate;
  followUp.ownerOrgId = text(data, 'ownerOrgId') ?? followUp.ownerOrgId;
}

const destinationOf = (data: Data): Data => (data.destination ?? {}) as Data;

/** Hand-offs, changes of owner, exits and follow-ups. */
export const TRANSITION_FOLDERS: Readonly<Record<string, Folder>> = {
  [HANDOFF_PROPOSED_V1.subject]: (history, { occurrence, data }) => {
    const handoff = handoffOf(history, data);
    const receivingOrgId = text(data, 'receivingOrgId') ?? '';
    handoff.proposed ??= {
      ...occurrence,
      receivingOrgId,
      answerDueDate: text(data, 'answerDueDate') ?? occurrence.day,
    };
    addParties(history, receivingOrgId);
  },
  [HANDOFF_ACCEPTED_V1.subject]: (history, { occurrence, data }) => {
    handoffOf(history, data).answer ??= { ...occurrence, accepted: true };
  },
  [HANDOFF_DECLINED_V1.subject]: (history, { occurrence, data }) => {
    handoffOf(history, data).answer ??= {
      ...occurrence,
      accepted: false,
      reasonCategory: text(data, 'reasonCategory'),
    };
  },
  [HANDOFF_COMPLETED_V1.subject]: (history, { occurrence, data }) => {
    handoffOf(history, data).completed ??= occurrence;
  },
  [HANDOFF_ESCALATED_V1.subject]: (history, { occurrence, data }) => {
    const level = text(data, 'level') ?? 'WORKER';
    const toOrgId = text(data, 'escalatedToOrgId') ?? occurrence.orgId;
    handoffOf(history, data).escalations.push({ ...occurrence, level, toOrgId });
    history.signals.push({
      ...occurrence,
      type: 'HandoffEscalated',
      level,
      targetOrgId: toOrgId,
      ref: text(data, 'handoffId'),
      dueDate: text(data, 'answerDueDate'),
    });
  },
  [OWNERSHIP_TRANSFERRED_V1.subject]: (history, { data }) => {
    addParties(history, data.fromOrgId, data.toOrgId);
  },
  [CLIENT_EXITED_V1.subject]: (history, { occurrence, data }) => {
    const destination = destinationOf(data);
    history.exits.push({
      ...occurrence,
      exitDate: text(data, 'exitDate') ?? occurrence.day,
      group: text(destination, 'group') ?? 'UNKNOWN',
      category: text(destination, 'category') ?? 'UNKNOWN',
    });
  },
  [FOLLOW_UP_SCHEDULED_V1.subject]: (history, { occurrence, data }) => {
    const entries = Array.isArray(data.followUps) ? (data.followUps as Data[]) : [];
    for (const entry of entries) {
      const followUp = followUpOf(history, text(entry, 'followUpId'));
      followUp.scheduled ??= occurrence;
      dueAndOwner(followUp, { ...entry, ownerOrgId: data.ownerOrgId });
    }
    addParties(history, data.ownerOrgId);
  },
  [FOLLOW_UP_DUE_V1.subject]: (history, { data }) => {
    dueAndOwner(followUpOf(history, text(data, 'followUpId')), data);
    addParties(history, data.ownerOrgId);
  },
  [FOLLOW_UP_MISSED_V1.subject]: (history, { occurrence, data }) => {
    const followUp = followUpOf(history, text(data, 'followUpId'));
    dueAndOwner(followUp, data);
    followUp.missed ??= occurrence;
    history.signals.push({
      ...occurrence,
      type: 'FollowUpMissed',
      targetOrgId: text(data, 'ownerOrgId'),
      ref: followUp.followUpId,
      dueDate: text(data, 'dueDate'),
    });
  },
  [FOLLOW_UP_COMPLETED_V1.subject]: (history, { occurrence, data }) => {
    const destination = destinationOf(data);
    // Of two records of one follow-up, the later in the fold's order stands.
    followUpOf(history, text(data, 'followUpId')).completed = {
      ...occurrence,
      statusNow: text(data, 'statusNow') ?? 'UNKNOWN',
      group: text(destination, 'group'),
      category: text(destination, 'category'),
    };
  },
};
