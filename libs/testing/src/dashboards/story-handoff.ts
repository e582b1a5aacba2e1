import {
  HANDOFF_ACCEPTED_V1,
  HANDOFF_COMPLETED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_ESCALATED_V1,
  HANDOFF_PROPOSED_V1,
  OWNERSHIP_TRANSFERRED_V1,
  type HandoffEscalationParty,
} from '@polku/contracts';
import { addCalendarDays } from '@polku/timers';
import { destinationOf, HANDOFF_DECLINE_WEIGHTS } from './distributions';
import { revisePlan } from './story-entry';
import { intakeAgain } from './story-parties';
import { runMeasure } from './story-measures';
import {
  advance,
  anotherParty,
  emitterOf,
  timer,
  workerIdOf,
  type Party,
  type Story,
} from './story-context';

/**
 * The escalation of an unanswered hand-off (docs/transitions.md): the sender's worker the day
 * after the deadline, then the team leads and the managers of both organisations, one event each.
 */
function escalate(story: Story, handoffId: string, receiver: Party, answerDueDate: string) {
  const { rec } = story;
  const rungs = [
    ['WORKER', 1, ['SENDER']],
    ['TEAM_LEAD', 8, ['SENDER', 'RECEIVER']],
    ['MANAGER', 15, ['SENDER', 'RECEIVER']],
  ] as const;
  for (const [level, after, parties] of rungs) {
    const on = addCalendarDays(answerDueDate, after);
    if (on >= story.day) {
      return;
    }
    const at = rec.time(on);
    for (const party of parties as readonly HandoffEscalationParty[]) {
      rec.emit(HANDOFF_ESCALATED_V1.subject, at, timer('handoff-timer'), {
        handoffId,
        level,
        escalatedToOrgId: party === 'SENDER' ? story.owner.org.orgId : receiver.org.orgId,
        escalatedToParty: party,
        answerDueDate,
        businessDaysOverdue: Math.round((after * 5) / 7),
      });
    }
    rec.step(timer('handoff-timer'), { level }, at);
  }
}

/**
 * A hand-off to another provider after a measure: proposed, perhaps escalated, then declined
 * (back to the sender) or accepted and completed (the receiver owns the path, in PLANNING).
 * Answers whether the path moved to the receiver.
 */
export function handOff(story: Story): boolean {
  const { random, rec } = story;
  const sender = story.owner;
  const receiver = anotherParty(random, story.world.providers, sender.org);
  const handoffId = random.uuid();
  const proposedOn = story.day;
  const answerDueDate = addCalendarDays(proposedOn, 14);
  const proposed = rec.time(proposedOn);
  rec.emit(HANDOFF_PROPOSED_V1.subject, proposed, emitterOf(sender), {
    handoffId,
    destination: random.chance(0.8)
      ? destinationOf(random, 'ANOTHER_VTM_MEASURE')
      : destinationOf(random, 'SUPPORTED_EMPLOYMENT'),
    receivingOrgId: receiver.org.orgId,
    proposedDate: addCalendarDays(proposedOn, 21),
    answerDueDate,
    rationaleCategory: random.pick(['NEXT_MEASURE_IN_PLAN', 'CLIENT_READY_FOR_MORE'] as const),
    proposedBy: 'WORKER',
  });
  rec.step(
    emitterOf(sender),
    { state: 'TRANSITION_PENDING', nextStep: 'AWAIT_HANDOFF_ANSWER', dueDate: answerDueDate },
    proposed,
  );
  const answeredOn = advance(story, 1, 12, 0.2);
  escalate(story, handoffId, receiver, answerDueDate);
  const answered = rec.time(answeredOn);
  if (random.chance(0.25)) {
    rec.emit(HANDOFF_DECLINED_V1.subject, answered, emitterOf(receiver), {
      handoffId,
      reasonCategory: random.weighted(HANDOFF_DECLINE_WEIGHTS),
      ...(random.chance(0.5) ? { alternativeCategory: 'ANOTHER_PROVIDER' as const } : {}),
    });
    rec.step(
      emitterOf(receiver),
      { nextStep: 'DECIDE_NEXT_STEP', dueDate: addCalendarDays(answeredOn, 7) },
      answered,
    );
    return false;
  }
  rec.emit(HANDOFF_ACCEPTED_V1.subject, answered, emitterOf(receiver), {
    handoffId,
    startDate: addCalendarDays(answeredOn, 7),
  });
  const completedOn = advance(story, 1, 10);
  const completed = rec.time(completedOn);
  rec.emit(HANDOFF_COMPLETED_V1.subject, completed, emitterOf(receiver), { handoffId });
  rec.emit(OWNERSHIP_TRANSFERRED_V1.subject, completed, emitterOf(receiver), {
    fromOrgId: sender.org.orgId,
    fromWorkerId: workerIdOf(sender),
    toOrgId: receiver.org.orgId,
    toWorkerId: workerIdOf(receiver),
    reason: 'HANDOFF_COMPLETED',
    handoffId,
  });
  rec.step(
    emitterOf(receiver),
    {
      state: 'PLANNING',
      ...rec.owner(receiver.org, workerIdOf(receiver)),
      nextStep: 'AGREE_PLAN',
      dueDate: addCalendarDays(completedOn, 14),
    },
    completed,
  );
  story.owner = receiver;
  if (random.chance(0.3)) {
    intakeAgain(story);
  }
  revisePlan(story);
  return true;
}

/**
 * Measures one after another, with hand-offs between them (at most four measures), until the
 * owner decides on an exit: the story is then at the exit date.
 */
export function runMeasures(story: Story): void {
  for (;;) {
    story.measures += 1;
    runMeasure(story);
    let movedOn = false;
    for (let tries = 0; tries < 2 && story.measures < 4 && !movedOn; tries += 1) {
      advance(story, 1, 8);
      if (!story.random.chance(0.3)) {
        break;
      }
      movedOn = handOff(story);
    }
    if (!movedOn) {
      advance(story, 0, 5);
      return;
    }
  }
}
