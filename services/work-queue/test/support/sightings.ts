import type { Principal } from '@polku/auth';
import { WORK_QUEUE_COMMANDS, type WorkItemView, type WorkQueueScope } from '@polku/contracts';
import type { TestOrg } from './queue-world';
import { readAll, type WorkQueueService } from './work-queue-service';

/** Who reads which queue: every person of each organisation in every scope their role has. */
function readers(orgs: Record<string, TestOrg>): Array<[string, Principal, WorkQueueScope]> {
  return Object.entries(orgs).flatMap(([name, org]) => [
    [`${name}.worker`, org.worker, 'MINE'],
    [`${name}.otherWorker`, org.otherWorker, 'MINE'],
    [`${name}.lead`, org.lead, 'MINE'],
    [`${name}.lead`, org.lead, 'TEAM'],
    [`${name}.manager`, org.manager, 'ORGANISATION'],
  ]) as Array<[string, Principal, WorkQueueScope]>;
}

/**
 * Where the items of a path of one kind are seen: `<org>.<person>:<scope>` → the items' signals
 * there, for every queue in which at least one is.
 */
export async function sightings(
  service: WorkQueueService,
  orgs: Record<string, TestOrg>,
  pathId: string,
  kind: string,
): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {};
  for (const [name, principal, scope] of readers(orgs)) {
    const { items } = await readAll<WorkItemView>(
      service,
      WORK_QUEUE_COMMANDS.listWorkQueue,
      principal,
      {
        scope,
        pathId,
        kind: [kind],
      },
    );
    if (items.length > 0) {
      seen[`${name}:${scope}`] = items.map((item) => item.signal);
    }
  }
  return seen;
}

/** The sightings of one item addressed to a named worker (and so seen by the team lead too). */
export function seenByWorker(
  org: string,
  person: string,
  signal: string,
): Record<string, string[]> {
  return { [`${org}.${person}:MINE`]: [signal], [`${org}.lead:TEAM`]: [signal] };
}

/** The sightings of one item addressed to any caseworker of the organisation. */
export function seenByOrganisation(org: string, signal: string): Record<string, string[]> {
  return {
    [`${org}.worker:MINE`]: [signal],
    [`${org}.otherWorker:MINE`]: [signal],
    [`${org}.lead:MINE`]: [signal],
    [`${org}.lead:TEAM`]: [signal],
  };
}
