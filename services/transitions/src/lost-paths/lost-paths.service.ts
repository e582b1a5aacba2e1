import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pageFromRows } from '@polku/contracts';
import type { ServicePage } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { lostPathCandidates } from '../path-engine/path.repository';
import { LOST_REASONS, lostReasons, type LostReason, type PathState } from '../path';

// Lost paths (docs/domain.md §4.8): the SQL narrows to the paths that may be lost, and
// lostReasons() — the machine's own rule — decides, so the view, the metric and the dashboard
// can never disagree on what "lost" means.

export interface LostPath {
  readonly state: PathState;
  readonly reasons: readonly LostReason[];
}

/** The lost paths of one organisation (its team leads' view), or of all (the metric). */
@Injectable()
export class LostPathsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(options: { readonly orgId?: string } = {}): Promise<LostPath[]> {
    const candidates = await lostPathCandidates(this.dataSource, options);
    return candidates
      .map((state) => ({ state, reasons: lostReasons(state) }))
      .filter((path) => path.reasons.length > 0);
  }

  /**
   * One page of an organisation's lost paths as its team leads and managers see them, by path
   * id, with the count of all. Whether a path is lost is the machine's rule, not SQL, so the
   * candidates are read whole (as the metric does) and only the answer is paged.
   */
  async ofOrganisation(orgId: string, page: ServicePage) {
    const after = page.after === undefined ? undefined : String(page.after.key);
    const paths = (await this.find({ orgId })).sort((a, b) =>
      a.state.pathId.localeCompare(b.state.pathId),
    );
    const rest = after === undefined ? paths : paths.filter((path) => path.state.pathId > after);
    return {
      ...pageFromRows({
        rows: rest.slice(0, page.limit + 1),
        limit: page.limit,
        positionOf: (path) => ({ key: path.state.pathId, id: path.state.pathId }),
        toItem: lostPathView,
        sort: LOST_PATHS_SORT,
      }),
      count: paths.length,
    };
  }
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
