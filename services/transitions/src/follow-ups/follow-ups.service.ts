import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type { CompleteFollowUpCommand, RehomeFollowUpsCommand } from '@polku/contracts';
import { PathCommandService } from '../paths/path-command.service';
import { completeFollowUpDecision, rehomeFollowUpsDecision } from './follow-up-decisions';

/** Recording a follow-up after an exit: where the client is now; and who follows the client up. */
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

  /** The owner moves the path's follow-ups to another organisation and its worker. */
  rehome(options: {
    readonly principal: Principal;
    readonly pathId: string;
    /** The path's version the caller read (If-Match). */
    readonly expectedVersion: number;
    readonly command: RehomeFollowUpsCommand;
    /** The receiver's role in the organisation registry; null when it is not active there. */
    readonly toOrgRole: string | null;
  }) {
    const { principal, pathId, expectedVersion, command, toOrgRole } = options;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => rehomeFollowUpsDecision(caller, { command, toOrgRole }),
    });
  }
}
