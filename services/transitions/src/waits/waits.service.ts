import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import { TransitionsConfig } from '@polku/config';
import type { StartWaitingCommand } from '@polku/contracts';
import { PathCommandService } from '../paths/path-command.service';
import { endWaitingDecision, startWaitingDecision } from './wait-decisions';

/**
 * Waits for a service or decision. What a client waits for is HEALTH_FLAG data, so both commands
 * need that cover, not only PATH.
 */
@Injectable()
export class WaitsService {
  constructor(
    private readonly paths: PathCommandService,
    private readonly config: TransitionsConfig,
  ) {}

  start(options: {
    readonly principal: Principal;
    readonly pathId: string;
    readonly command: StartWaitingCommand;
  }) {
    const { principal, pathId, command } = options;
    const wait = {
      command,
      waitId: randomUUID(),
      defaultThresholdBusinessDays: this.config.WAIT_THRESHOLD_BUSINESS_DAYS,
    };
    return this.paths.run({
      principal,
      pathId,
      dataClass: 'HEALTH_FLAG',
      decision: (caller) => startWaitingDecision(caller, wait),
    });
  }

  end(options: {
    readonly principal: Principal;
    readonly pathId: string;
    readonly waitId: string;
    /** The path's version the caller read (If-Match). */
    readonly expectedVersion: number;
  }) {
    const { principal, pathId, waitId, expectedVersion } = options;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'HEALTH_FLAG',
      decision: (caller) => endWaitingDecision(caller, waitId),
    });
  }
}
