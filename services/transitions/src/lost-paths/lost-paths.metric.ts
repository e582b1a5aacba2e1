import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { metrics, type Meter, type ObservableResult } from '@opentelemetry/api';
import { LOST_REASONS } from '../path';
import { countByReason, LostPathsService } from './lost-paths.service';

/** The gauge's name: lost paths, by reason; zero in a healthy system (docs/domain.md §4.8). */
export const LOST_PATHS_METRIC = 'polku.paths.lost';

/** Injection token of the meter, for tests; the process's global meter by default. */
export const LOST_PATHS_METER = Symbol('LOST_PATHS_METER');

/**
 * Lost paths as a metric: an observable gauge on the process's meter, counted from the
 * database each time the meter provider collects (with no meter provider it is never read),
 * and the same count in the log at start-up so an operator sees it without a metrics backend.
 */
@Injectable()
export class LostPathsMetric implements OnApplicationBootstrap {
  private readonly logger = new Logger(LostPathsMetric.name);

  constructor(
    private readonly lostPaths: LostPathsService,
    @Optional()
    @Inject(LOST_PATHS_METER)
    private readonly meter: Meter = metrics.getMeter('polku.transitions'),
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.meter
      .createObservableGauge(LOST_PATHS_METRIC, {
        description:
          'Open paths that are lost (no owner, no next step, a missed follow-up, or a next step overdue at the manager), by reason',
        unit: '{path}',
      })
      .addCallback((result) => this.observe(result));
    const counts = await this.count();
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const byReason = LOST_REASONS.map((reason) => `${reason} ${counts[reason]}`).join(', ');
    const line = `lost paths by reason at start-up: ${byReason}`;
    if (total > 0) {
      this.logger.warn(line);
    } else {
      this.logger.log(line);
    }
  }

  async observe(result: ObservableResult): Promise<void> {
    const counts = await this.count();
    for (const reason of LOST_REASONS) {
      result.observe(counts[reason], { reason });
    }
  }

  private async count() {
    return countByReason(await this.lostPaths.find());
  }
}
