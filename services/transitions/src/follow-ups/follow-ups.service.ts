import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type { CompleteFollowUpCommand } from '@polku/contracts';
import { PathCommandService } from '../paths/path-command.service';
import { completeFollowUpDecision } from './follow-up-decisions';

/** Recording a follow-up after an exit: where the client is now. */
@Injectable()
export class FollowUpsService {
  constructor(private readonly paths: PathCommandService) {}

  complete(options: {
    readonly principal: Principal;
    readonly pathId: string;
    readonly followUpId: string;
    /** The path's version the caller read (If-Match). */
    readonly expectedVersion: number;
    readonly command: CompleteFollowUpCommand;
  }) {
    const { principal, pathId, followUpId, expectedVersion, command } = options;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => completeFollowUpDecision(caller, { command, followUpId }),
    });
  }
}
