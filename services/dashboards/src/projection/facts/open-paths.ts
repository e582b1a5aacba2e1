import type { PathHistory, Step } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { accountableAt, actingOrg } from './path-orgs';
import { staysOf } from './state-time';

/** The states a path has ended in. */
const ENDED_STATES: ReadonlySet<string> = new Set(['CLOSED', 'REENTERED']);

/** The path's latest version when the path is open, else undefined. */
export function openStep(history: PathHistory): Step | undefined {
  const current = history.steps.at(-1);
  return current === undefined || ENDED_STATES.has(current.state) ? undefined : current;
}

/**
 * NOW_OPEN, NOW_UNCLEAR and NOW_HANDOFF: the path as it stands, for an open path (its latest
 * NextStepSet neither CLOSED nor REENTERED). fact_date is "since": when the path entered its
 * state, when a hand-off was proposed; due_date the next step's due date (an unclear path's
 * review), a hand-off's answer deadline, so that the queries age them against today.
 * NOW_OPEN: category the state, detail the next step, of the accountable organisation.
 * NOW_UNCLEAR: the same for an UNCLEAR_PATH. NOW_HANDOFF: one per hand-off awaiting its
 * answer, category SENDER (of the organisation accountable when it was proposed) and a second
 * row RECEIVER (of the receiving organisation), detail ESCALATED once it has been escalated.
 */
export function openPathFacts(history: PathHistory): FactDraft[] {
  const current = openStep(history);
  if (current === undefined) {
    return [];
  }
  const since = staysOf(history).at(-1)?.[0] ?? current;
  const now = {
    factDate: since.day,
    orgId: current.accountableOrgId ?? actingOrg(history, current),
    detail: current.nextStep ?? null,
    dueDate: current.dueDate ?? null,
  };
  const facts: FactDraft[] = [
    { ...now, key: 'NOW_OPEN', kind: 'NOW_OPEN', category: current.state },
  ];
  if (current.state === 'UNCLEAR_PATH') {
    facts.push({ ...now, key: 'NOW_UNCLEAR', kind: 'NOW_UNCLEAR', category: current.state });
  }
  for (const { handoffId, proposed, answer, completed, escalations } of history.handoffs) {
    if (proposed === undefined || answer !== undefined || completed !== undefined) {
      continue;
    }
    const pending = {
      kind: 'NOW_HANDOFF' as const,
      factDate: proposed.day,
      dueDate: proposed.answerDueDate,
      detail: escalations.length > 0 ? 'ESCALATED' : null,
    };
    facts.push(
      {
        ...pending,
        key: `NOW_HANDOFF:${handoffId}`,
        orgId: accountableAt(history, proposed.at) ?? actingOrg(history, proposed),
        category: 'SENDER',
      },
      {
        ...pending,
        key: `NOW_HANDOFF:${handoffId}:RECEIVER`,
        orgId: proposed.receivingOrgId,
        category: 'RECEIVER',
      },
    );
  }
  return facts;
}
