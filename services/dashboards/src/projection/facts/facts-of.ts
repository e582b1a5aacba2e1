import type { PathHistory } from '../fold/path-history';
import { declineFacts } from './declines';
import { exitFacts } from './exits';
import { withClientMarks, type MarkedFactRow } from './client-marks';
import { factRow, type FactDraft } from './fact-row';
import { followUpStatusFacts } from './follow-up-status';
import { followUpFacts } from './follow-ups';
import { fragmentationFacts } from './fragmentation';
import { gasFacts } from './goal-attainment';
import { linkFacts } from './links';
import { lostPathFacts } from './lost-paths';
import { openPathFacts } from './open-paths';
import { overdueFacts } from './overdue';
import { loopFacts, reentryFacts } from './re-entry';
import { stateTimeFacts } from './state-time';
import { sustainedExitFacts } from './sustained-exits';
import { answerDelayFacts, waitFacts } from './waiting';

/** Every family of facts, each a pure function of the path's history. */
const FAMILIES: ReadonlyArray<(history: PathHistory) => FactDraft[]> = [
  exitFacts,
  followUpStatusFacts,
  sustainedExitFacts,
  linkFacts,
  stateTimeFacts,
  waitFacts,
  answerDelayFacts,
  declineFacts,
  followUpFacts,
  overdueFacts,
  reentryFacts,
  loopFacts,
  fragmentationFacts,
  gasFacts,
  openPathFacts,
  lostPathFacts,
];

/**
 * Every dashboard_fact row of a path (docs/dashboards.md, "How the figures are kept"): the
 * whole set that replaces the path's rows, in key order.
 */
export function factsOf(history: PathHistory): MarkedFactRow[] {
  return withClientMarks(
    FAMILIES.flatMap((family) => family(history))
      .map((draft) => factRow(history, draft))
      .sort((a, b) => (a.factKey < b.factKey ? -1 : a.factKey > b.factKey ? 1 : 0)),
  );
}
