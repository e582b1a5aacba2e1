import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pageFromRows } from '@polku/contracts';
import type { ServicePage } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { lostPathCandidates, lostPathsPage } from '../path-engine/path.repository';
import { LOST_REASONS, lostReasons, type LostReason, type PathState } from '../path';

// Lost paths (docs/domain.md §4.8): the SQL selects the lost paths by the same rule as
// lostReasons() — the machine's own — which names the reasons, so the view, the metric and the
// dashboard never disagree on what "lost" means (the property tests check the rule).

export interface LostPath {
  readonly state: PathState;
  readonly reasons: readonly LostReason[];
}

/** The lost paths of all organisations (the metric), and one organisation's view. */
@Injectable()
export class LostPathsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(): Promise<LostPath[]> {
    return withReasons(await lostPathCandidates(this.dataSource));
  }

  /**
   * One page of an organisation's lost paths as its team leads and managers see them, by path
   * id, with the count of all. The SQL holds the same rule as lostReasons() (path.repository.ts),
   * so the page is a real keyset: a page reads only its own rows, and paths that change between
   * two pages are neither skipped nor repeated by the ones that did not.
   */
  async ofOrganisation(orgId: string, page: ServicePage) {
    const afterPathId = page.after === undefined ? undefined : String(page.after.key);
    const { rows, count } = await lostPathsPage(this.dataSource, {
      orgId,
      ...(afterPathId === undefined ? {} : { afterPathId }),
      limit: page.limit + 1,
    });
    const reasonsOf = new Map(rows.map((row) => [row, lostReasons(row.state)]));
    return {
      ...pageFromRows({
        rows,
        limit: page.limit,
        // The uuid's own text: the state's copy keeps whatever case the referral was sent in.
        positionOf: (row) => ({ key: row.pathId, id: row.pathId }),
        toItem: (row) => lostPathView({ state: row.state, reasons: reasonsOf.get(row) ?? [] }),
        sort: LOST_PATHS_SORT,
      }),
      count,
    };
  }
}

function withReasons(states: readonly PathState[]): LostPath[] {
  return states
    .map((state) => ({ state, reasons: lostReasons(state) }))
    .filter((path) => path.reasons.length > 0);
}

/** The ordering of lost-path cursors: by path id. */
export const LOST_PATHS_SORT = 'lost-paths-by-path';

/** How many lost paths there are for each reason (a path may have several). */
export function countByReason(paths: readonly LostPath[]): Record<LostReason, number> {
  const counts = Object.fromEntries(LOST_REASONS.map((reason) => [reason, 0])) as Record<
    LostReason,
    number
  >;
  for (const path of paths) {
    for (const reason of path.reasons) {
      counts[reason] += 1;
    }
  }
  return counts;
}

/**
 * One lost path as team leads and managers see it: pseudonymous ids, the accountable
 * organisation's own worker id, the next step and why it is lost. No client data (managers may
 * never see any), so no destination, measure or wait.
 */
export function lostPathView({ state, reasons }: LostPath) {
  return {
    pathId: state.pathId,
    state: state.state,
    accountableOrgId: state.accountable?.orgId ?? null,
    workerId: state.accountable?.workerId ?? null,
    nextStep:
      state.nextStep === null
        ? null
        : {
            kind: state.nextStep.kind,
            dueDate: state.nextStep.dueDate,
            level: state.nextStep.level,
          },
    reasons: [...reasons],
  };
}
