import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import { replaceFacts } from './dashboard-fact.repository';
import { factsOf } from './facts/facts-of';
import { foldPath } from './fold/fold-path';
import { insertPathEvents, loadPathEvents, lockPaths } from './path-event.repository';
import { storedEventsOf } from './stored/stored-event';

/**
 * Applies a batch of events in the consumer's transaction (docs/dashboards.md, "How the figures
 * are kept"): keeps each event's coded fields in path_event, then, for every path the batch
 * touched, under the path's lock, folds its whole history again and replaces its facts. A
 * path's facts are thus a function of the set of its events, never of their order of arrival.
 */
export async function projectDashboards(
  em: EntityManager,
  envelopes: readonly EventEnvelope<unknown>[],
): Promise<void> {
  const events = envelopes.flatMap(storedEventsOf);
  const pathIds = [...new Set(events.map((event) => event.pathId))].sort();
  await lockPaths(em, pathIds);
  await insertPathEvents(em, events);
  const histories = await loadPathEvents(em, pathIds);
  const facts = pathIds.flatMap((pathId) => factsOf(foldPath(pathId, histories.get(pathId) ?? [])));
  await replaceFacts(em, pathIds, facts);
}
