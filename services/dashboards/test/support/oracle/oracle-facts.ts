import type { SyntheticEvent } from '@polku/testing/dashboards';
import { declineFacts, gasFacts, linkFacts, stateTimeFacts } from './oracle-course';
import { exitFacts, followUpFacts, followUpStatusFacts, reentryFacts } from './oracle-exits';
import { withDimensions, type OracleFact } from './oracle-fact';
import { fragmentationFacts, lostFacts, openFacts, pendingHandoffFacts } from './oracle-now';
import { pathsOf } from './oracle-path';
import { answerDelayFacts, overdueFacts, sustainedFacts, waitFacts } from './oracle-signals';

/**
 * Everything the oracle counts in an event set, path by path, read straight from the events
 * with plain loops (never from the service's projection): the COMMON brief's fact kinds that the
 * checked views are made of.
 */
export function oracleFacts(events: readonly SyntheticEvent[]): OracleFact[] {
  const paths = pathsOf(events);
  return [...paths.values()].flatMap((path) =>
    withDimensions(path, [
      ...exitFacts(path),
      ...followUpFacts(path),
      ...followUpStatusFacts(path),
      ...reentryFacts(path, paths),
      ...linkFacts(path),
      ...stateTimeFacts(path),
      ...declineFacts(path),
      ...gasFacts(path),
      ...waitFacts(path),
      ...answerDelayFacts(path),
      ...overdueFacts(path),
      ...sustainedFacts(path),
      ...fragmentationFacts(path),
      ...openFacts(path),
      ...pendingHandoffFacts(path),
      ...lostFacts(path),
    ]),
  );
}
