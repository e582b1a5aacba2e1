import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type { ReviewUnclearPathCommand } from '@polku/contracts';
import { PathCommandService } from '../paths/path-command.service';
import { reviewUnclearPathDecision } from './unclear-path-decisions';

/** The owner's review of a path whose destination is unclear, which sets the next review. */
@Injectable()
export class UnclearPathsService {
  constructor(private readonly paths: PathCommandService) {}

  review(options: {
    readonly principal: Principal;
    readonly pathId: string;
    /** The path's version the caller read (If-Match). */
    readonly expectedVersion: number;
    readonly command: ReviewUnclearPathCommand;
  }) {
    const { principal, pathId, expectedVersion, command } = options;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => reviewUnclearPathDecision(caller, command),
    });
  }
}
