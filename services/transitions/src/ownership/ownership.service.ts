import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type { ChangeResponsibleWorkerCommand } from '@polku/contracts';
import { PathCommandService } from '../paths/path-command.service';
import { changeWorkerDecision } from './ownership-decisions';

/** Who in the accountable organisation is the path's named, responsible worker. */
@Injectable()
export class OwnershipService {
  constructor(private readonly paths: PathCommandService) {}

  changeWorker(options: {
    readonly principal: Principal;
    readonly pathId: string;
    /** The path's version the caller read (If-Match). */
    readonly expectedVersion: number;
    readonly command: ChangeResponsibleWorkerCommand;
  }) {
    const { principal, pathId, expectedVersion, command } = options;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => changeWorkerDecision(caller, command),
    });
  }
}
