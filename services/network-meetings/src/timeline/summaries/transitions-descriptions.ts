import { count, instant, words, type ContextDescriptions } from './summary-words';

const destination = (value: { group: string; category: string }) =>
  `${words(value.group)}: ${words(value.category)}`;

/** The timeline entries of transitions' events. */
export const TRANSITIONS_DESCRIPTIONS: ContextDescriptions<'transitions'> = {
  'polku.transitions.handoff.handoff-proposed.v1': {
    kind: 'HANDOFF',
    summary: (data) =>
      `A hand-off to ${destination(data.destination)} was proposed (${words(data.rationaleCategory)}, by the ${words(data.proposedBy)}) to start ${data.proposedDate}; answer due ${data.answerDueDate}.`,
  },
  'polku.transitions.handoff.handoff-accepted.v1': {
    kind: 'HANDOFF',
    summary: (data) => `The hand-off was accepted; the client starts on ${data.startDate}.`,
  },
  'polku.transitions.handoff.handoff-declined.v1': {
    kind: 'HANDOFF',
    summary: (data) =>
      `The hand-off was declined (${words(data.reasonCategory)})${data.alternativeCategory === undefined ? '' : `; suggested instead: ${words(data.alternativeCategory)}`}.`,
  },
  'polku.transitions.handoff.handoff-completed.v1': {
    kind: 'HANDOFF',
    summary: (data) =>
      `The hand-off was completed${data.newMeasureId === undefined ? '' : ' and a new measure started'}.`,
  },
  'polku.transitions.path.ownership-transferred.v1': {
    kind: 'OWNERSHIP',
    summary: (data) =>
      `Responsibility for the path moved to another organisation (${words(data.reason)}).`,
  },
  'polku.transitions.handoff.handoff-escalated.v1': {
    kind: 'ESCALATION',
    summary: (data) =>
      `An unanswered hand-off was escalated to the ${words(data.level)}, ${count(data.businessDaysOverdue, 'business day')} after the answer was due.`,
  },
  'polku.transitions.path.client-exited.v1': {
    kind: 'EXIT',
    summary: (data) =>
      `The client exited on ${data.exitDate} to ${destination(data.destination)} (${data.confirmed ? 'confirmed' : 'expected'}).`,
  },
  'polku.transitions.path.unclear-path-flagged.v1': {
    kind: 'EXIT',
    summary: (data) =>
      `The path was flagged unclear; an organisation keeps searching, review on ${data.reviewDate}.`,
  },
  'polku.transitions.follow-up.follow-up-scheduled.v1': {
    kind: 'FOLLOW_UP',
    summary: (data) =>
      `${count(data.followUps.length, 'follow-up')} scheduled, the first due ${[...data.followUps].map((followUp) => followUp.dueDate).sort()[0]}.`,
  },
  'polku.transitions.follow-up.follow-up-due.v1': {
    kind: 'FOLLOW_UP',
    summary: (data) => `A follow-up is due on ${data.dueDate}.`,
  },
  'polku.transitions.follow-up.follow-up-completed.v1': {
    kind: 'FOLLOW_UP',
    summary: (data) =>
      `A follow-up was done (${words(data.contactMode)}): the client’s situation is ${words(data.statusNow)}${data.confirmsDestination ? ', destination confirmed' : ''}.`,
  },
  'polku.transitions.follow-up.follow-up-missed.v1': {
    kind: 'FOLLOW_UP',
    summary: (data) =>
      `The follow-up due ${data.dueDate} was missed and escalated to the ${words(data.escalatedTo)}.`,
  },
  'polku.transitions.path.path-closed.v1': {
    kind: 'EXIT',
    summary: (data) =>
      `The path was closed on ${instant(data.closedAt).slice(0, 10)} with the destination confirmed: ${destination(data.confirmedDestination)}.`,
  },
  'polku.transitions.measure.measure-ending-soon.v1': {
    kind: 'MEASURE',
    summary: (data) =>
      `The measure ends in ${count(data.daysBefore, 'day')} (${data.plannedEndDate}); ${data.checklist.filter((entry) => entry.done).length} of ${data.checklist.length} end checklist items done.`,
  },
  'polku.transitions.wait.waiting-started.v1': {
    kind: 'WAIT',
    summary: (data) =>
      `A wait for ${words(data.waitingFor)} began; it may last ${count(data.thresholdBusinessDays, 'business day')}.`,
  },
  'polku.transitions.wait.wait-exceeded.v1': {
    kind: 'WAIT',
    summary: (data) =>
      `The wait for ${words(data.waitingFor)} since ${data.since} passed ${count(data.thresholdBusinessDays, 'business day')}.`,
  },
  'polku.transitions.wait.waiting-ended.v1': {
    kind: 'WAIT',
    summary: (data) => `The wait ended on ${data.endedOn}.`,
  },
  'polku.transitions.path.provider-funding-ending.v1': {
    kind: 'OWNERSHIP',
    summary: (data) => `The provider’s funding for this path ends on ${data.endDate}.`,
  },
  'polku.transitions.path.responsible-worker-changed.v1': {
    kind: 'OWNERSHIP',
    summary: (data) =>
      `The responsible worker changed within the organisation (${words(data.reasonCategory)}).`,
  },
  'polku.transitions.path.next-step-overdue.v1': {
    kind: 'ESCALATION',
    summary: (data) =>
      `The next step (${words(data.nextStep)}) due ${data.dueDate} is overdue and escalated to the ${words(data.level)}.`,
  },
};
